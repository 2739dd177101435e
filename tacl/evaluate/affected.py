"""`refund affected goods` (language-v2.md §5): the value of the goods a claim stands on.

Goods come in lines: with named shipments, each goods line (shipment, SKU) with
its value (nominal quantity × unit price); without, each product with its value.
A failing clause whose ground stands marks lines as affected:

- a product clause (its quantity, size, AQL of its own lot, …): that product's
  lines in the covered shipments under a scoped inspection, else all of them
  (the whole product);
- a goods line `shipments.NAME.goods.SKU`: that line;
- a shared lot's AQL clause: the lines of the lot's products in that shipment
  (the whole order's products for the unnamed shipment's lot);
- a late shipment: all its lines (the unnamed shipment: the whole order).

Each line counts once, however many clauses fail on it; the sum is exact.
"""

from __future__ import annotations

from fractions import Fraction

import tacl.paths as paths
from tacl.evaluate.scope import ALL, carriers, owners
from tacl.evaluate.shape import cached
from tacl.standards.compound import lookup


def goods_lines(contract) -> dict[tuple[str | None, str], Fraction | None]:
    """(shipment name or None, SKU) → the line's value (None without a unit price)."""
    if contract.named_shipments:
        return {
            (shipment.name, line.sku): line.value
            for shipment in contract.shipments
            for line in shipment.goods
        }
    return {(None, product.sku): product_value(product) for product in contract.products}


def product_value(product) -> Fraction | None:
    """Nominal quantity × unit price, exact; None when either is missing."""
    quantity = product.quantity
    if product.unit_price is None or quantity is None or quantity.nominal is None:
        return None
    return lookup(quantity.unit).from_base(quantity.nominal) * Fraction(product.unit_price)


def affected_lines(contract, report, failed_paths, late_shipments) -> set:
    """The goods lines that failing clauses (paths whose ground stands) and late shipments mark."""
    lines = cached(contract, "goods-lines", goods_lines)
    owned = dict(zip((c.path for c in contract.clauses), cached(contract, "owners", owners)))
    lots = {lot.key: lot for lot in contract.lots}
    held = cached(contract, "carriers", carriers)
    marked: set = set()
    for path in failed_paths:
        owner = owned[path]
        if owner[0] in ("product", "quantity"):
            sku = owner[1]
            names = held.get(sku, (None,))
            marked |= {(n, sku) for n in names if n is None or report.covers(n)}
        elif owner[0] == "shipment":
            marked |= _shipment_lines(path, owner[1], lines, lots)
        elif owner == ALL and path.startswith("lot.aql."):
            marked |= {(None, sku) for sku in lots["lot"].skus}
    for name in late_shipments:
        marked |= {key for key in lines if key[0] == name}
    return marked


def _shipment_lines(path: str, name: str, lines, lots) -> set:
    rest = paths.split(path)[2:]  # below `shipments.NAME`
    if rest[0] == "goods":
        return {(name, rest[1])}
    if rest[0] == "aql":
        return {(name, sku) for sku in lots[paths.join("shipments", name)].skus}
    return {key for key in lines if key[0] == name}  # a date or partial clause: the shipment


def value_of(contract, marked: set) -> Fraction | None:
    """The exact value of the marked lines; None when one of them has no price."""
    lines = cached(contract, "goods-lines", goods_lines)
    values = [lines[key] for key in marked]
    if any(v is None for v in values):
        return None
    return sum(values, Fraction(0))
