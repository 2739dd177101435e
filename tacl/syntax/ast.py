"""The typed syntax tree of a contract: frozen attrs nodes, one class per grammar rule.

Spans never take part in equality (`eq=False`), so two contracts that differ only
in layout or comments compare equal — the formatter's tests rest on that. Literals
are kept exactly as written (`Num.text` is "1_000.50", not a Decimal): the
formatter prints numbers as the author wrote them, and the compiler, not the
parser, decides what they mean and reports what is wrong with them.
"""

from __future__ import annotations

from typing import Union

import attrs

from tacl.source import Span


def _node(cls):
    return attrs.frozen(cls)


def _span():
    return attrs.field(eq=False, kw_only=True, repr=False)


# --- literals -------------------------------------------------------------------


@_node
class Text:
    """A string literal; `raw` is the text between the quotes, escapes undecoded."""

    raw: str
    span: Span = _span()


@_node
class Num:
    text: str
    span: Span = _span()


@_node
class Word:
    text: str
    span: Span = _span()


@_node
class Date:
    text: str
    span: Span = _span()


@_node
class Measure:
    number: Num
    unit: Word | None
    span: Span = _span()


@_node
class Money:
    amount: Num
    currency: Word
    span: Span = _span()


# --- constraints ----------------------------------------------------------------


@_node
class SymTolerance:
    amount: Measure
    span: Span = _span()


@_node
class AsymTolerance:
    plus: Num
    minus: Num
    unit: Word | None
    span: Span = _span()


Tolerance = Union[SymTolerance, AsymTolerance]


@_node
class Exact:
    value: Measure
    span: Span = _span()


@_node
class Toleranced:
    value: Measure
    tolerance: Tolerance
    span: Span = _span()


@_node
class Between:
    low: Num
    low_unit: Word | None
    high: Measure
    span: Span = _span()


@_node
class AtLeast:
    value: Measure
    span: Span = _span()


@_node
class AtMost:
    value: Measure
    span: Span = _span()


Constraint = Union[Exact, Toleranced, Between, AtLeast, AtMost]


@_node
class Axes:
    """`420 x 180 x 120 mm ± 2 mm`: two or three numbers, one unit, one tolerance."""

    numbers: tuple[Num, ...]
    unit: Word
    tolerance: Tolerance | None
    span: Span = _span()


# --- colours --------------------------------------------------------------------


@_node
class ColourHex:
    text: str
    span: Span = _span()


@_node
class ColourLab:
    l: Num  # noqa: E741 - the L of CIELAB
    a: Num
    b: Num
    signs: tuple[bool, bool, bool]  # True where the component was written with a minus
    span: Span = _span()


@_node
class ColourPantone:
    code: Text | Num
    span: Span = _span()


@_node
class ColourRal:
    code: Text | Num
    span: Span = _span()


@_node
class ColourName:
    name: Text
    span: Span = _span()


@_node
class ColourUnknown:
    """A colour written in a form TACL does not know (`cmyk(...)`); the compiler rejects it."""

    form: Word
    span: Span = _span()


Colour = Union[ColourHex, ColourLab, ColourPantone, ColourRal, ColourName, ColourUnknown]


@_node
class ColourTolerance:
    amount: Num
    formula: str  # as written: dE, ΔE, dE76 or dE00
    span: Span = _span()


# --- statements -----------------------------------------------------------------


@_node
class Buyer:
    name: Text
    span: Span = _span()


@_node
class Supplier:
    name: Text
    span: Span = _span()


@_node
class Signed:
    date: Date
    span: Span = _span()


@_node
class Currency:
    code: Word
    span: Span = _span()


@_node
class Protection:
    option: Word
    span: Span = _span()


@_node
class CoverageLimit:
    money: Money
    span: Span = _span()


@_node
class OrderValue:
    money: Money
    span: Span = _span()


@_node
class AdvancePayment:
    money: Money | None
    percent: Num | None
    span: Span = _span()


@_node
class ShipBy:
    date: Date
    span: Span = _span()


@_node
class ShipBetween:
    earliest: Date
    latest: Date
    span: Span = _span()


@_node
class DeliverBy:
    date: Date
    span: Span = _span()


@_node
class Incoterm:
    code: Word
    place: Text | None
    span: Span = _span()


@_node
class Partial:
    allowed: bool
    span: Span = _span()


@_node
class Description:
    text: Text
    span: Span = _span()


@_node
class Quantity:
    constraint: Constraint
    span: Span = _span()


@_node
class UnitPrice:
    money: Money
    span: Span = _span()


@_node
class Size:
    axes: Axes
    span: Span = _span()


@_node
class Dimension:
    name: Word | Text
    constraint: Constraint
    span: Span = _span()


@_node
class Weight:
    constraint: Constraint
    span: Span = _span()


@_node
class Material:
    part: Word | None
    options: tuple[Text, ...]
    one_of: bool
    span: Span = _span()


@_node
class Color:
    part: Word | None
    colour: Colour
    tolerance: ColourTolerance | None
    span: Span = _span()


@_node
class Marking:
    part: Word | None
    text: Text
    span: Span = _span()


@_node
class Barcode:
    symbology: Word
    digits: Text
    span: Span = _span()


@_node
class Spec:
    name: Word | Text
    value: Constraint | Text
    span: Span = _span()


@_node
class Test:
    name: Word | Text
    span: Span = _span()


@_node
class UnitPacking:
    text: Text
    span: Span = _span()


@_node
class UnitsPerCarton:
    value: Measure
    span: Span = _span()


@_node
class CartonSize:
    axes: Axes
    span: Span = _span()


@_node
class CartonWeight:
    constraint: Constraint
    span: Span = _span()


@_node
class CartonMarking:
    text: Text
    span: Span = _span()


@_node
class Standard:
    level: Word
    span: Span = _span()


@_node
class AqlEntry:
    defect_class: str  # critical | major | minor
    value: Num
    span: Span = _span()


@_node
class Aql:
    entries: tuple[AqlEntry, ...]
    span: Span = _span()


@_node
class Duration:
    number: Num
    unit: str  # days | business days | weeks (singular forms normalised to plural)
    span: Span = _span()


@_node
class Window:
    duration: Duration
    event: str  # customs clearance | shipment | delivery
    span: Span = _span()


@_node
class QualityClaim:
    windows: tuple[Window, ...]
    span: Span = _span()


@_node
class SupplierResponse:
    duration: Duration
    span: Span = _span()


# --- blocks ---------------------------------------------------------------------


@_node
class Block:
    """Any `{ ... }` block: `kind` names it (shipment, packaging, inspection, claims)."""

    kind: str
    statements: tuple
    span: Span = _span()


@_node
class Product:
    sku: Text
    statements: tuple
    span: Span = _span()


@_node
class Contract:
    id: Text
    statements: tuple
    span: Span = _span()


@_node
class Comment:
    text: str
    span: Span = _span()


@_node
class Module:
    """One parsed file: its contract and the comments the formatter must keep."""

    contract: Contract
    comments: tuple[Comment, ...] = attrs.field(eq=False)
