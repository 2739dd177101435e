"""A shared lot's size: its products' reported quantities added up (language-v2.md §3).

Under `lot per shipment` one sample is drawn over every product of a shipment
counted in units, and the lot size is what the report counts of them: per SKU,
`shipments.NAME.goods.SKU`, or `products.SKU.quantity` when that shipment is the
only covered one carrying the SKU (the unnamed shipment's lot: the products'
quantities). A report may leave `aql.lot-size` out and TACL adds the counts up;
when it gives one, that is the inspector's count of the lot and TACL judges with
it (the counts under `products` may be of the whole goods or of cartons opened,
and the sampling plan is the inspector's to draw).
"""

from __future__ import annotations

from fractions import Fraction

import tacl.paths as paths


def counted(contract, report, lot) -> tuple[int, list[str]] | None:
    """(the units the report counts in a shared lot, how each SKU adds to it), or None when
    a count is missing or is not one whole number of units."""
    total, parts = 0, []
    for sku in lot.skus:
        found = _count(contract, report, lot.shipment, sku)
        if found is None:
            return None
        total += found
        parts.append(f"{sku} {found}")
    return total, parts


def _count(contract, report, shipment, sku) -> int | None:
    samples = report.evidence.samples
    found = None
    if shipment is not None:
        found = samples.get(paths.join("shipments", shipment, "goods", sku))
        carriers = [s.name for s in contract.shipments if sku in s.skus() and report.covers(s.name)]
        if found is None and carriers == [shipment]:
            found = samples.get(paths.join("products", sku, "quantity"))
    else:
        found = samples.get(paths.join("products", sku, "quantity"))
    if not found or len(found) != 1:
        return None
    mantissa, exponent, unit, _text = found[0]
    units = unit.to_base(Fraction(mantissa, 10**exponent))
    return units.numerator if units.denominator == 1 else None


def size(contract, report, given: int | None, lot) -> int | None:
    """The lot size to judge a shared lot with: the report's, else its products' counts."""
    if given is not None:
        return given
    found = counted(contract, report, lot)
    return None if found is None else found[0]
