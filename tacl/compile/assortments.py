"""`assortment "NAME" { "SKU" N, … }` to the clause `assortments.NAME` (language-v2.md §11).

A ratio-packed (assorted, "prepack") carton holds a fixed count of several SKUs:
a size run of shoes, a colour mix of T-shirts. The clause is judged on every
carton the inspector opens (evaluate/assortments.py): each must hold exactly the
ratio. Counts are in each product's own counting unit (pieces, pairs, sets; a
product ordered by the dozen is counted in pieces), so a product ordered by
mass, volume or length cannot be part of one.
"""

from __future__ import annotations

import tacl.paths as paths
from tacl.compile import values
from tacl.compile.context import Context
from tacl.compile.ir import AssortmentClause, Location, Product
from tacl.diagnostics import did_you_mean
from tacl.standards.units import COUNT_DIMENSIONS
from tacl.syntax import ast


def compile_assortments(
    ctx: Context, statements: list[ast.Assortment], skus: list[str], products: list[Product]
) -> None:
    """One clause per assortment, after the products' clauses; `skus` are all the contract's."""
    compiled = {product.sku: product for product in products}
    for stmt in statements:
        name = values.name(ctx.rep, stmt.name)
        if name is None:
            continue
        counts = _counts(ctx, stmt, skus, compiled)
        path = paths.join("assortments", name)  # quoted if the name holds a dot
        if counts is None or not ctx.claim_path(path, stmt.name):
            continue
        expected = " + ".join(f"{units} × {sku}" for sku, units in counts) + " in each carton"
        location = Location(stmt.span.line, stmt.span.column)
        ctx.add(AssortmentClause(path, expected, counts, location=location))


def _counts(ctx: Context, stmt: ast.Assortment, skus, compiled) -> tuple | None:
    rep = ctx.rep
    found: dict[str, ast.AssortmentItem] = {}
    counts: list[tuple[str, int]] = []
    ok = True
    for item in stmt.statements:
        sku = values.text(rep, item.sku)
        number = values.number(rep, item.count)
        if sku is None or number is None:
            ok = False
            continue
        if sku not in skus:
            rep.error(
                "E275",
                "unknown-product",
                f"the contract has no product `{sku}`",
                item.sku,
                did_you_mean(sku, skus) or "an assortment lists products of this contract by SKU",
            )
            ok = False
        elif sku in found:
            rep.error(
                "E302",
                "duplicate-clause",
                f"`{sku}` is listed twice in this assortment; first on line {found[sku].span.line}",
                item.sku,
                "give each SKU's count once",
            )
            ok = False
        elif number <= 0 or number != number.to_integral_value():
            rep.error(
                "E204",
                "non-positive-quantity",
                f"an assortment holds a whole number of `{sku}` above zero, not {item.count.text}",
                item.count,
            )
            ok = False
        elif not _counted(ctx, item, sku, compiled.get(sku)):
            ok = False
        found.setdefault(sku, item)
        counts.append((sku, int(number)))
    return tuple(counts) if ok else None


def _counted(ctx: Context, item: ast.AssortmentItem, sku: str, product: Product | None) -> bool:
    quantity = None if product is None else product.quantity
    if quantity is None or quantity.dimension in COUNT_DIMENSIONS:
        return True
    ctx.rep.error(
        "E281",
        "assortment-not-counted",
        f"`{sku}` is ordered in {quantity.unit}, so a carton cannot hold a count of it",
        item,
        "an assortment mixes goods counted in pieces, pairs or sets",
    )
    return False
