"""Sampling lots (language-v2.md §3): what each ISO 2859-1 sample is drawn over.

`lot per product` (the TACL 1 default) makes each product its own lot, with its
AQL clauses under `products.SKU.aql`. `lot per shipment` draws one sample per
shipment over all its products counted in units (`lot.aql` for the unnamed
shipment, `shipments.NAME.aql` for a named one); a product with its own
`inspection` block, or a quantity in mass, volume or length, stays its own lot,
and `aql none` takes a product out of sampling altogether.

A shared lot classifies named defects by the contract's list together with the
lists of the products it holds; two of those products giving one name different
classes is an error (E227), since the inspector's one count could not be split.
"""

from __future__ import annotations

import tacl.paths as paths
from tacl.compile.defects import merged
from tacl.compile.inspection import aql_clauses
from tacl.compile.ir import Inspection, Location, Product
from tacl.compile.orders import DefectName, Lot, Shipment
from tacl.standards.units import COUNT_DIMENSIONS


def shares_lot(contract_inspection: Inspection | None, own_block: bool, quantity) -> bool:
    """Whether a product joins its shipment's lot under `lot per shipment`."""
    return (
        contract_inspection is not None
        and contract_inspection.lot == "shipment"
        and not own_block
        and bool(contract_inspection.aql)
        and quantity is not None
        and quantity.dimension in COUNT_DIMENSIONS
    )


def build_lots(
    ctx,
    inspection: Inspection,
    where: Location | None,
    products: list[tuple[Product, object]],
    shipments: tuple[Shipment, ...],
    contract_defects: tuple[DefectName, ...],
) -> tuple[Lot, ...]:
    """Every lot of the order; the shared lots' AQL clauses are added to the compiler."""
    lots = []
    shared = []
    for product, _node in products:
        if shares_lot(inspection, product.own_inspection, product.quantity):
            shared.append(product)
        elif product.inspection.aql:
            classes = merged(contract_defects, product.defects)
            lots.append(
                Lot(
                    paths.join("products", product.sku),
                    None,
                    (product.sku,),
                    product.inspection,
                    classes,
                )
            )
    if not shared:
        return tuple(lots)
    for key, name, members in _shared_groups(shared, shipments):
        classes = _shared_classes(ctx, key, members, contract_defects)
        lots.append(Lot(key, name, tuple(p.sku for p in members), inspection, classes))
        for clause in aql_clauses("", inspection, where, lot=key):
            ctx.add(clause)
    return tuple(lots)


def _shared_groups(shared: list[Product], shipments: tuple[Shipment, ...]):
    """(lot key, shipment name, products) per shared lot, in shipment order."""
    named = [s for s in shipments if s.name is not None]
    if not named:
        yield "lot", None, shared
        return
    for shipment in named:
        carried = set(shipment.skus())
        members = [p for p in shared if p.sku in carried]
        if members:
            yield paths.join("shipments", shipment.name), shipment.name, members


def _shared_classes(ctx, key, members, contract_defects) -> tuple[DefectName, ...]:
    own: dict[str, tuple[DefectName, str]] = {}
    for product in members:
        for entry in product.defects:
            first = own.get(entry.key)
            if first is None:
                own[entry.key] = (entry, product.sku)
            elif first[0].defect_class != entry.defect_class:
                ctx.rep.error(
                    "E227",
                    "defect-class-conflict",
                    f'defect "{entry.name}" is {entry.defect_class} for `{product.sku}` but '
                    f"{first[0].defect_class} for `{first[1]}`, which share the lot `{key}`",
                    ctx.defect_nodes.get((product.sku, entry.key)),
                    "one sample is drawn over both products, so each defect needs one class: "
                    "give it the same class in both lists, or list it at contract level",
                )
    return merged(contract_defects, tuple(entry for entry, _ in own.values()))
