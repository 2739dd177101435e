"""IR records of the clause kinds TACL 2 adds to a product (language-v2.md §6–11).

Each is a frozen record next to the ones of ir.py, with the same shape: `path`,
`expected`, the facts its check needs, `location` (never in the fingerprint), a
`kind` and a `detail()` for the canonical JSON. Their checks live in evaluate/,
one module a kind.
"""

from __future__ import annotations

import datetime
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from tacl.nodes import Node, node
from tacl.standards.exact import rational_text

if TYPE_CHECKING:  # ir.py imports this module: the record types join its Clause union
    from tacl.compile.ir import Location


def _loc():
    return attrs.field(eq=False, repr=False, default=None)


@node
class EMarkClause(Node):
    """`spec NAME ℮ Qn`: Directive 76/211/EEC on the packages measured (mean, T1, T2).

    `nominal` and `tne` are in the dimension's base unit (g or ml); `sku` names
    the product whose counted quantity is the batch the plan is chosen for.
    """

    path: str
    expected: str
    dimension: str  # "mass" or "volume"
    unit: str
    nominal: Fraction
    tne: Fraction
    sku: str
    location: Location | None = _loc()
    kind = "e-mark"

    def detail(self) -> dict[str, Any]:
        return {
            "dimension": self.dimension,
            "unit": self.unit,
            "nominal": rational_text(self.nominal),
            "tolerable-negative-error": rational_text(self.tne),
        }


@node
class DateClause(Node):
    """A date-valued `spec` (language-v2.md §7): each reported date within absolute bounds,
    or on or after an event's date plus a period (`at least 18 months after delivery`).

    Before the event is due (its own deadline, or else the ship-by date of the
    goods: the check finds it among the contract's clauses), an event without a
    date leaves the clause pending rather than missing.
    """

    path: str
    expected: str
    earliest: datetime.date | None = None
    latest: datetime.date | None = None
    amount: int | None = None  # with `period` and `event`: the relative form
    period: str | None = None  # days | weeks | months
    event: str | None = None  # customs clearance | shipment | delivery | inspection
    location: Location | None = _loc()
    kind = "date"

    def detail(self) -> dict[str, Any]:
        if self.event is None:
            return {
                "earliest": None if self.earliest is None else self.earliest.isoformat(),
                "latest": None if self.latest is None else self.latest.isoformat(),
            }
        return {"at-least": {"amount": self.amount, "unit": self.period, "after": self.event}}


@node
class ContainsClause(Node):
    """`marking PART contains TEXT, …` and `origin "COUNTRY"`: the reported text holds each.

    `required` are folded like text; each must stand in the folded report text as
    whole words (no letter or digit touching it): "Made in China" holds "china",
    "CERTIFIED" does not hold "ce".
    """

    path: str
    expected: str
    required: tuple[str, ...]
    location: Location | None = _loc()
    kind = "contains"

    def detail(self) -> dict[str, Any]:
        return {"required": list(self.required)}


@node
class PatternClause(Node):
    """`marking PART matches "L#{5}@"`: the whole reported text matches the pattern."""

    path: str
    expected: str
    pattern: str  # as written in the contract, escapes undecoded
    location: Location | None = _loc()
    kind = "pattern"

    def detail(self) -> dict[str, Any]:
        return {"pattern": self.pattern}


@node
class ReferenceSample(Node):
    """A reference (golden) sample declared at contract level, with the date it was sealed."""

    name: str
    sealed: datetime.date | None = None
    location: Location | None = _loc()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sealed": None if self.sealed is None else self.sealed.isoformat(),
        }


@node
class AppearanceClause(Node):
    """`appearance as reference sample "PP-02"`: the inspector compares the goods with it."""

    path: str
    expected: str
    reference: str
    location: Location | None = _loc()
    kind = "appearance"

    def detail(self) -> dict[str, Any]:
        return {"reference": self.reference}


@node
class DocumentClause(Node):
    """`document "NAME" before|with shipment`: received on or before the shipped date.

    `shipment` names the shipment block it stands in (None: the contract's one
    shipment, or the contract level).
    """

    path: str
    expected: str
    name: str
    due: str  # before | with
    shipment: str | None = None
    location: Location | None = _loc()
    kind = "document"

    def detail(self) -> dict[str, Any]:
        return {"name": self.name, "due": f"{self.due} shipment", "shipment": self.shipment}
