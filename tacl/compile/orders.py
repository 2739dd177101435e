"""The IR of how an order ships, is sampled and is remedied (language-v2.md §2–5).

One frozen record per idea: a shipment and its goods lines, a sampling lot, the
contract's defect classes, a late penalty, a cancellation right, a rebate. They
hang off the `CompiledContract` (`shipments`, `lots`, `defects`, `remedies`) so
that the evaluator and `tacl plan` reach the order's structure without re-reading
clause paths. Each `to_dict()` is part of the fingerprint; a TACL 1 contract
gives none of the keys they add, so its fingerprint is what it was.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction

import attrs

import tacl.paths as paths
from tacl.compile.ir import Incoterm, Inspection, Location, MeasureClause, decimal_text
from tacl.nodes import Node, node
from tacl.standards.exact import rational_text

# Incoterms 2020 under which carriage after handover is the buyer's (language-v2.md §12).
BUYERS_CARRIAGE = ("EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP")


def _loc():
    return attrs.field(eq=False, repr=False, default=None)


def _day(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


@node
class GoodsLine(Node):
    """`goods "SKU" 400 pcs`: what one named shipment carries of a product.

    `clause` is the measured clause `shipments.NAME.goods.SKU`; `value` the goods'
    nominal value (nominal quantity × unit price, exact), None without a price.
    """

    sku: str
    clause: MeasureClause
    value: Fraction | None

    def to_dict(self) -> dict:
        return {"sku": self.sku, "quantity": self.clause.expected}


@node
class Shipment(Node):
    """One shipment: the unnamed one of TACL 1 (name None, the whole order) or a named one."""

    name: str | None
    latest: datetime.date | None  # ship by (the second date of `ship between`)
    earliest: datetime.date | None
    deliver_by: datetime.date | None
    incoterm: Incoterm | None
    partial_allowed: bool
    goods: tuple[GoodsLine, ...] = ()
    location: Location | None = _loc()

    @property
    def prefix(self) -> str:
        """Where its clauses live: `shipment` or `shipments.NAME`."""
        return "shipment" if self.name is None else paths.join("shipments", self.name)

    @property
    def buyers_carriage(self) -> bool:
        """Whether carriage after handover is the buyer's: a late delivery is no breach."""
        return self.incoterm is not None and self.incoterm.code in BUYERS_CARRIAGE

    def skus(self) -> tuple[str, ...]:
        return tuple(line.sku for line in self.goods)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "ship-by": _day(self.latest),
            "ship-from": _day(self.earliest),
            "deliver-by": _day(self.deliver_by),
            "incoterm": None if self.incoterm is None else self.incoterm.to_dict(),
            "partial-shipments": "allowed" if self.partial_allowed else "not allowed",
            "goods": [line.to_dict() for line in self.goods],
        }


@node
class DefectName(Node):
    """A named defect and the class the contract gives it; `key` is the folded name."""

    key: str
    name: str
    defect_class: str


@node
class Lot(Node):
    """What one ISO 2859-1 sample is drawn over, and how its defects are classified.

    `key` is where the report gives its `aql` and where its clauses live: `lot`
    (one lot over the unnamed shipment), `shipments.NAME` or `products.SKU`.
    """

    key: str
    shipment: str | None
    skus: tuple[str, ...]
    inspection: Inspection
    defects: tuple[DefectName, ...] = ()

    def classify(self, key: str) -> str | None:
        """The class the contract gives a folded defect name, or None when it lists none."""
        for entry in self.defects:
            if entry.key == key:
                return entry.defect_class
        return None

    def to_dict(self) -> dict:
        return {
            "lot": self.key,
            "products": list(self.skus),
            "inspection": self.inspection.to_dict(),
        }


def defects_dict(names: tuple[DefectName, ...]) -> dict:
    """Named defects by class, each list in the order written."""
    out: dict[str, list[str]] = {}
    for entry in names:
        out.setdefault(entry.defect_class, []).append(entry.name)
    return out


@node
class LatePenalty(Node):
    """`late penalty R % per day|week, at most C %` of the late shipment's value."""

    rate: Decimal  # percent
    period: str  # day | week
    cap: Decimal | None  # percent of the shipment's value

    def to_dict(self) -> dict:
        return {
            "rate": decimal_text(self.rate),
            "per": self.period,
            "at-most": None if self.cap is None else decimal_text(self.cap),
        }


@node
class Remedies(Node):
    """The contract's `remedies` block; None fields are remedies it does not state."""

    late_penalty: LatePenalty | None = None
    cancel_after_days: int | None = None
    refund_affected: bool = False

    def to_dict(self) -> dict:
        return {
            "late-penalty": None if self.late_penalty is None else self.late_penalty.to_dict(),
            "cancel-if-more-than-days-late": self.cancel_after_days,
            "refund": "affected goods" if self.refund_affected else "order",
        }


@node
class Rebate(Node):
    """`, rebate R % per STEP up|down to LIMIT` on a measured clause of a product.

    `target` and `limit` are in base units: values past the target (above it for
    `up`, below it for `down`) but within the limit pass, with R % of the product's
    value per STEP or part of one, judged on the mean of the samples. It is held by
    its MeasureClause, whose path names the product.
    """

    rate: Decimal  # percent of the product's value per step
    step: Fraction  # base units, > 0
    direction: str  # up | down
    target: Fraction
    limit: Fraction
    unit: str  # the contract's unit, for messages

    def to_dict(self) -> dict:
        return {
            "rate": decimal_text(self.rate),
            "per": rational_text(self.step),
            "direction": self.direction,
            "target": rational_text(self.target),
            "limit": rational_text(self.limit),
        }
