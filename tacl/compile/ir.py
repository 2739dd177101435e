"""The compiled contract: what a contract means, with every value resolved and exact.

Everything here is frozen and picklable, so one compiled contract can be shared
between threads and processes and evaluate any number of reports. Measured
bounds are Fractions in the dimension's base unit (see units.py); money is
Decimal; dates are `datetime.date`. Clauses carry their source location for
verdicts but locations never enter `to_dict()` or the fingerprint.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Union

import attrs

from tacl.compile.requirements import (
    AppearanceClause,
    ContainsClause,
    DateClause,
    DocumentClause,
    EMarkClause,
    PatternClause,
)
from tacl.nodes import Node, node
from tacl.standards.exact import rational_text

if TYPE_CHECKING:
    from tacl.compile.orders import DefectName, Rebate

GENERAL_LEVEL = "II"
GENERAL_AQL = (("critical", Decimal("0")), ("major", Decimal("2.5")), ("minor", Decimal("4.0")))


@node
class Location(Node):
    line: int
    column: int

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column}


@node
class Interval(Node):
    """A closed interval of base-unit values; None is an open end. Bounds pass."""

    low: Fraction | None
    high: Fraction | None

    def contains(self, value: Fraction) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": None if self.low is None else rational_text(self.low),
            "high": None if self.high is None else rational_text(self.high),
        }


def decimal_text(value: Decimal) -> str:
    """A decimal's value without trailing zeros and never in exponent form (`4.0` → `4`)."""
    return rational_text(Fraction(value))


def _loc() -> Any:
    """A source location: shown in verdicts, never part of equality or the fingerprint."""
    return attrs.field(eq=False, repr=False, default=None)


@node
class Statistic(Node):
    """How a measured clause judges its samples (language-v2.md §6), when not each alone.

    `mean`: the arithmetic mean must lie in the interval (else every sample must);
    `outside`: at most this many samples may fall outside (`each` allows none);
    `samples`: fewer samples in a report leave the clause missing; `cpk`: the
    process capability min(USL − x̄, x̄ − LSL) / 3s must be at least this.
    """

    mean: bool = False
    outside: int | None = None
    samples: int | None = None
    cpk: Decimal | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "of": "mean" if self.mean else "each",
            "at-most-outside": self.outside,
            "on-samples": self.samples,
            "cpk-at-least": None if self.cpk is None else decimal_text(self.cpk),
        }


@node
class MeasureClause(Node):
    """A measured requirement: every sample's value, in base units, must lie in `interval`.

    With a `statistic`, the samples are judged as it says instead (mean, outside
    count, sample count, Cpk); without one, as in TACL 1.
    """

    path: str
    expected: str
    dimension: str
    interval: Interval
    unit: str  # the contract's unit, for showing actual values alike
    nominal: Fraction | None = None  # V of `V ± T` or A of `at least A`, in base units
    # As the contract writes it (`5.000 +0.012/-0 mm`), for verdicts; never in the
    # fingerprint, whose `expected` counts numbers by value (`5 mm to 5.012 mm`).
    written: str | None = attrs.field(default=None, eq=False, repr=False)
    location: Location | None = _loc()
    rebate: Rebate | None = None  # language-v2.md §5: the interval then ends at the rebate's limit
    statistic: Statistic | None = None
    kind = "measure"

    def detail(self) -> dict[str, Any]:
        out = {
            "dimension": self.dimension,
            "unit": self.unit,
            "interval": self.interval.to_dict(),
        }
        if self.rebate is not None:  # only when stated: TACL 1 fingerprints stay as they were
            out["rebate"] = self.rebate.to_dict()
        if self.statistic is not None:  # absent in TACL 1 contracts: their fingerprint stays
            out["statistic"] = self.statistic.to_dict()
        return out


@node
class TextClause(Node):
    """A text requirement; `accepted` holds the normalised texts (case and spacing folded)."""

    path: str
    expected: str
    accepted: tuple[str, ...]
    location: Location | None = _loc()
    kind = "text"

    def detail(self) -> dict[str, Any]:
        return {"accepted": list(self.accepted)}


@node
class ColourClause(Node):
    """A colour: same colour (form `hex`, `lab`, `pantone`, `ral`, `name`) or within ΔE."""

    path: str
    expected: str
    form: str
    text: str  # normalised: "#1A1A1A", "lab(50, -3.2, 4)", "pantone 19-4024 tcx", a folded name
    lab: tuple[float, float, float] | None
    tolerance: Decimal | None
    formula: str  # "dE00" or "dE76"
    # As the contract writes it (`lab(68.0, 4.5, 38.0) ± 2.0 dE`), for verdicts and the
    # plan, when that differs; never in the fingerprint, which counts numbers by value.
    written: str | None = attrs.field(default=None, eq=False, repr=False)
    location: Location | None = _loc()
    kind = "color"

    def detail(self) -> dict[str, Any]:
        return {
            "form": self.form,
            "value": self.text,
            "tolerance": None if self.tolerance is None else decimal_text(self.tolerance),
            "formula": self.formula,
        }


@node
class BarcodeClause(Node):
    path: str
    expected: str
    symbology: str
    digits: str
    location: Location | None = _loc()
    kind = "barcode"

    def detail(self) -> dict[str, Any]:
        return {"symbology": self.symbology, "digits": self.digits}


@node
class PassFailClause(Node):
    """A functional test the inspector runs; passes only on a reported `pass`."""

    path: str
    expected: str
    name: str
    location: Location | None = _loc()
    units: int | None = None  # `passes on N units`: fewer reported units leave it missing
    kind = "test"

    def detail(self) -> dict[str, Any]:
        if self.units is None:
            return {"name": self.name}
        return {"name": self.name, "units": self.units}


@node
class ShipByClause(Node):
    path: str
    expected: str
    latest: datetime.date
    earliest: datetime.date | None = None
    location: Location | None = _loc()
    shipment: str | None = None  # the named shipment it belongs to; the path says so too
    kind = "ship-by"

    def detail(self) -> dict[str, Any]:
        return {
            "earliest": None if self.earliest is None else self.earliest.isoformat(),
            "latest": self.latest.isoformat(),
        }


@node
class DeliverByClause(Node):
    path: str
    expected: str
    latest: datetime.date
    location: Location | None = _loc()
    shipment: str | None = None
    kind = "deliver-by"

    def detail(self) -> dict[str, Any]:
        return {"latest": self.latest.isoformat()}


@node
class PartialClause(Node):
    path: str
    expected: str
    location: Location | None = _loc()
    kind = "partial"

    def detail(self) -> dict[str, Any]:
        return {}


@node
class AqlClause(Node):
    """One defect class of a product's ISO 2859-1 sampling inspection."""

    path: str
    expected: str
    sku: str
    defect_class: str
    aql: Decimal
    level: str
    location: Location | None = _loc()
    lot: str = ""  # where the lot's report `aql` is: `products.SKU`, `lot` or `shipments.NAME`
    kind = "aql"

    def detail(self) -> dict[str, Any]:
        return {"class": self.defect_class, "aql": decimal_text(self.aql), "level": self.level}


@node
class AssortmentClause(Node):
    """A ratio-packed carton (language-v2.md §11): each sampled carton holds exactly
    `counts`, (SKU, units) in the order written, and nothing else."""

    path: str
    expected: str
    counts: tuple[tuple[str, int], ...]
    location: Location | None = _loc()
    kind = "assortment"

    def detail(self) -> dict[str, Any]:
        return {"counts": [{"sku": sku, "units": units} for sku, units in self.counts]}


def shown(clause: Clause) -> str:
    """What a verdict shows as a clause's requirement: as written where that differs."""
    return getattr(clause, "written", None) or clause.expected


Clause = Union[
    MeasureClause,
    TextClause,
    ColourClause,
    BarcodeClause,
    PassFailClause,
    ShipByClause,
    DeliverByClause,
    PartialClause,
    AqlClause,
    EMarkClause,
    DateClause,
    ContainsClause,
    PatternClause,
    AppearanceClause,
    DocumentClause,
    AssortmentClause,
]


def clause_dict(clause: Clause) -> dict[str, Any]:
    return {
        "clause": clause.path,
        "kind": clause.kind,
        "expected": clause.expected,
        **clause.detail(),
    }


@node
class Inspection(Node):
    level: str
    aql: tuple[
        tuple[str, Decimal], ...
    ]  # (class, AQL) in the order critical, major, minor; () = `aql none`
    lot: str = "product"  # `lot per shipment` or `lot per product` (language-v2.md §3)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "standard": "ISO 2859-1",
            "level": self.level,
            "aql": {name: decimal_text(value) for name, value in self.aql},
        }
        if self.lot != "product":  # TACL 1 contracts keep their fingerprint
            out["lot"] = f"per {self.lot}"
        return out


@node
class Duration(Node):
    amount: int
    unit: str  # "days" | "business days" | "weeks"

    def to_dict(self) -> dict[str, Any]:
        return {"amount": self.amount, "unit": self.unit}

    def __str__(self) -> str:
        unit = self.unit[:-1] if self.amount == 1 else self.unit
        return f"{self.amount} {unit}"


@node
class Window(Node):
    duration: Duration
    event: str  # "customs clearance" | "shipment" | "delivery"

    def to_dict(self) -> dict[str, Any]:
        return {**self.duration.to_dict(), "after": self.event}


@node
class Claims(Node):
    quality_windows: tuple[Window, ...]
    supplier_response: Duration

    def to_dict(self) -> dict[str, Any]:
        return {
            "quality-claim-within": [w.to_dict() for w in self.quality_windows],
            "supplier-response-within": self.supplier_response.to_dict(),
        }


DEFAULT_CLAIMS = Claims(
    (Window(Duration(15, "days"), "customs clearance"), Window(Duration(90, "days"), "shipment")),
    Duration(15, "days"),
)


@node
class Incoterm(Node):
    """An Incoterms 2020 rule and the named place it applies at (`FOB "Shenzhen"`)."""

    code: str
    place: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "place": self.place}


@node
class Product(Node):
    sku: str
    description: str | None
    unit_price: Decimal | None
    quantity: MeasureClause | None
    inspection: Inspection
    location: Location | None = _loc()
    own_inspection: bool = False  # it has its own `inspection` block, so it is its own lot
    defects: tuple[DefectName, ...] = ()  # its own `defects` list (language-v2.md §4)

    def to_dict(self, currency: str | None = None) -> dict[str, Any]:
        from tacl.compile.contract import money_text
        from tacl.compile.orders import defects_dict

        out = {
            "sku": self.sku,
            "description": self.description,
            "unit-price": money_text(self.unit_price, currency),
            "inspection": self.inspection.to_dict(),
        }
        if self.defects:
            out["defects"] = defects_dict(self.defects)
        return out
