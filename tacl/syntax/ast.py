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

from tacl.nodes import Node
from tacl.nodes import node as _node
from tacl.source import Span


def _span():
    return attrs.field(eq=False, kw_only=True, repr=False)


# --- literals -------------------------------------------------------------------


@_node
class Text(Node):
    """A string literal; `raw` is the text between the quotes, escapes undecoded."""

    raw: str
    span: Span = _span()


@_node
class Num(Node):
    text: str
    span: Span = _span()


@_node
class Word(Node):
    text: str
    span: Span = _span()


@_node
class Date(Node):
    text: str
    span: Span = _span()


@_node
class Measure(Node):
    """`12.5 mm`, a plain `1.5`, or `grade 4` (`grade` is True: the unit is the grade scale)."""

    number: Num
    unit: Word | None
    span: Span = _span()
    grade: bool = attrs.field(default=False, kw_only=True)


@_node
class Money(Node):
    amount: Num
    currency: Word
    span: Span = _span()


# --- constraints ----------------------------------------------------------------


@_node
class SymTolerance(Node):
    amount: Measure
    span: Span = _span()


@_node
class AsymTolerance(Node):
    plus: Num
    minus: Num
    unit: Word | None
    span: Span = _span()


Tolerance = Union[SymTolerance, AsymTolerance]


@_node
class Exact(Node):
    value: Measure
    span: Span = _span()


@_node
class Toleranced(Node):
    value: Measure
    tolerance: Tolerance
    span: Span = _span()


@_node
class Between(Node):
    low: Num
    low_unit: Word | None
    high: Measure
    span: Span = _span()
    low_grade: bool = attrs.field(default=False, kw_only=True)  # `between grade 3 and …`


@_node
class AtLeast(Node):
    value: Measure
    span: Span = _span()


@_node
class AtMost(Node):
    value: Measure
    span: Span = _span()


Constraint = Union[Exact, Toleranced, Between, AtLeast, AtMost]


# --- statistics (TACL 2 §6) -------------------------------------------------------


@_node
class Outside(Node):
    """`, at most K outside`: the clause passes while at most K samples fall outside."""

    count: Num
    span: Span = _span()


@_node
class OnSamples(Node):
    """`, on N samples`: fewer samples in the report leave the clause missing."""

    count: Num
    span: Span = _span()


@_node
class CpkAtLeast(Node):
    """`, cpk at least C`: the process capability of the samples, on a two-sided constraint."""

    value: Num
    span: Span = _span()


@_node
class DateBound(Node):
    """`on or after DATE` (`after` True) or `on or before DATE` in a `spec`."""

    date: Date
    after: bool
    span: Span = _span()


@_node
class DateBetween(Node):
    earliest: Date
    latest: Date
    span: Span = _span()


@_node
class DateAfterEvent(Node):
    """`at least 18 months after delivery`: each reported date on or after event + period."""

    amount: Num
    period: str  # days | weeks | months (singular forms normalised to plural)
    event: str  # customs clearance | shipment | delivery | inspection
    span: Span = _span()


@_node
class EMark(Node):
    """`℮ 250 ml` (or `e-mark 250 ml`): the EU average-quantity system on a nominal quantity."""

    quantity: Measure
    span: Span = _span()


@_node
class Axes(Node):
    """`420 x 180 x 120 mm ± 2 mm`: two or three numbers, one unit, one tolerance."""

    numbers: tuple[Num, ...]
    unit: Word
    tolerance: Tolerance | None
    span: Span = _span()


# --- colours --------------------------------------------------------------------


@_node
class ColourHex(Node):
    text: str
    span: Span = _span()


@_node
class ColourLab(Node):
    l: Num  # noqa: E741 - the L of CIELAB
    a: Num
    b: Num
    signs: tuple[bool, bool, bool]  # True where the component was written with a minus
    span: Span = _span()


@_node
class ColourPantone(Node):
    code: Text | Num
    span: Span = _span()


@_node
class ColourRal(Node):
    code: Text | Num
    span: Span = _span()


@_node
class ColourName(Node):
    name: Text
    span: Span = _span()


@_node
class ColourUnknown(Node):
    """A colour written in a form TACL does not know (`cmyk(...)`); the compiler rejects it."""

    form: Word
    span: Span = _span()


Colour = Union[ColourHex, ColourLab, ColourPantone, ColourRal, ColourName, ColourUnknown]


@_node
class ColourTolerance(Node):
    amount: Num
    formula: str  # as written: dE, ΔE, dE76 or dE00
    span: Span = _span()


# --- statements -----------------------------------------------------------------


@_node
class Buyer(Node):
    name: Text
    span: Span = _span()


@_node
class Supplier(Node):
    name: Text
    span: Span = _span()


@_node
class Signed(Node):
    date: Date
    span: Span = _span()


@_node
class Currency(Node):
    code: Word
    span: Span = _span()


@_node
class Protection(Node):
    option: Word
    span: Span = _span()


@_node
class CoverageLimit(Node):
    money: Money
    span: Span = _span()


@_node
class OrderValue(Node):
    money: Money
    span: Span = _span()


@_node
class AdvancePayment(Node):
    money: Money | None
    percent: Num | None
    span: Span = _span()


@_node
class ShipBy(Node):
    date: Date
    span: Span = _span()


@_node
class ShipBetween(Node):
    earliest: Date
    latest: Date
    span: Span = _span()


@_node
class DeliverBy(Node):
    date: Date
    span: Span = _span()


@_node
class Incoterm(Node):
    code: Word
    place: Text | None
    span: Span = _span()


@_node
class Partial(Node):
    allowed: bool
    span: Span = _span()


@_node
class Goods(Node):
    """`goods "SKU" 400 pcs`: the part of a product's quantity one named shipment carries."""

    sku: Text
    constraint: Constraint
    span: Span = _span()


@_node
class Description(Node):
    text: Text
    span: Span = _span()


@_node
class Quantity(Node):
    constraint: Constraint
    span: Span = _span()


@_node
class UnitPrice(Node):
    money: Money
    span: Span = _span()


@_node
class Size(Node):
    axes: Axes
    span: Span = _span()


@_node
class Rebate(Node):
    """`, rebate 1 % per 0.1 % up to 13.0 %`: a price reduction for a value past the
    target but within the limit (language-v2.md §5). `direction` is "up" or "down"."""

    rate: Measure
    step: Measure
    direction: str
    limit: Measure
    span: Span = _span()


# The modifiers that may follow a measured constraint, comma-separated, in any order.
Modifier = Union[Rebate, Outside, OnSamples, CpkAtLeast]


@_node
class Dimension(Node):
    name: Word | Text
    constraint: Constraint
    statistic: str = "each"  # "each" | "mean" (TACL 2 §6)
    modifiers: tuple = ()  # Outside, OnSamples, CpkAtLeast, … in the order written
    span: Span = _span()


@_node
class Weight(Node):
    constraint: Constraint
    statistic: str = "each"
    modifiers: tuple = ()
    span: Span = _span()


@_node
class Material(Node):
    part: Word | None
    options: tuple[Text, ...]
    one_of: bool
    span: Span = _span()


@_node
class Color(Node):
    part: Word | None
    colour: Colour
    tolerance: ColourTolerance | None
    span: Span = _span()


@_node
class Marking(Node):
    """`marking [PART] TEXT`, or `one of` / `contains` texts, or `matches` a pattern."""

    part: Word | None
    texts: tuple[Text, ...]
    mode: str = "is"  # is | one of | contains | matches
    span: Span = _span()

    @property
    def text(self) -> Text:
        """The first text: the marking itself, or the first accepted or required one."""
        return self.texts[0]


@_node
class ReferenceSample(Node):
    """`reference sample "PP-02" sealed 2026-03-02`: the golden sample both parties hold."""

    name: Text
    sealed: Date | None = None
    span: Span = _span()


@_node
class Appearance(Node):
    """`appearance as reference sample "PP-02"`: judged against a declared reference."""

    reference: Text
    span: Span = _span()


@_node
class Document(Node):
    """`document "UL 2743 listing" before shipment` (or `with shipment`)."""

    name: Text
    due: str  # before | with
    span: Span = _span()


@_node
class Origin(Node):
    """`origin "China" [on care-label, carton]`: the country named on each part."""

    country: Text
    parts: tuple[Word, ...] = ()
    span: Span = _span()


@_node
class Barcode(Node):
    symbology: Word
    digits: Text
    span: Span = _span()


@_node
class Spec(Node):
    name: Word | Text
    value: Constraint | Text | EMark | DateBound | DateBetween | DateAfterEvent
    statistic: str = "each"
    modifiers: tuple = ()
    span: Span = _span()


@_node
class Test(Node):
    name: Word | Text
    units: Num | None = None  # `passes on N units`
    span: Span = _span()


@_node
class UnitPacking(Node):
    text: Text
    span: Span = _span()


@_node
class UnitsPerCarton(Node):
    value: Measure
    span: Span = _span()


@_node
class CartonSize(Node):
    axes: Axes
    span: Span = _span()


@_node
class CartonWeight(Node):
    constraint: Constraint
    statistic: str = "each"
    modifiers: tuple = ()
    span: Span = _span()


@_node
class CartonMarking(Node):
    text: Text
    span: Span = _span()


@_node
class Standard(Node):
    level: Word
    span: Span = _span()


@_node
class AqlEntry(Node):
    defect_class: str  # critical | major | minor
    value: Num
    span: Span = _span()


@_node
class Aql(Node):
    entries: tuple[AqlEntry, ...]
    span: Span = _span()


@_node
class AqlNone(Node):
    """`aql none`: the product is not AQL-sampled (bulk goods judged by their specs)."""

    span: Span = _span()


@_node
class Lot(Node):
    """`lot per shipment` or `lot per product`: what one ISO 2859-1 sample is drawn over."""

    per: str  # shipment | product
    span: Span = _span()


@_node
class DefectList(Node):
    """`critical "mould", "broken needle"`: named defects and the class the contract gives them."""

    defect_class: str  # critical | major | minor
    names: tuple[Text, ...]
    span: Span = _span()


@_node
class LatePenalty(Node):
    """`late penalty 0.5 % per day, at most 10 %` (the cap is optional; lint asks for it)."""

    rate: Num
    period: str  # day | week
    cap: Num | None
    span: Span = _span()


@_node
class CancelRight(Node):
    """`cancel if more than 21 days late`; `unit` is the word as written (`day` or `days`)."""

    days: Num
    unit: str
    span: Span = _span()


@_node
class RefundAffected(Node):
    """`refund affected goods`: the claim is the value of the goods affected, not the order."""

    span: Span = _span()


@_node
class Duration(Node):
    number: Num
    unit: str  # days | business days | weeks (singular forms normalised to plural)
    span: Span = _span()


@_node
class Window(Node):
    duration: Duration
    event: str  # customs clearance | shipment | delivery
    span: Span = _span()


@_node
class QualityClaim(Node):
    windows: tuple[Window, ...]
    span: Span = _span()


@_node
class SupplierResponse(Node):
    duration: Duration
    span: Span = _span()


# --- shared requirements and packaging levels (language-v2.md §10, §11) -----------


@_node
class ChartSizes(Node):
    """`sizes S, M, L, XL`: the columns of a size chart, in order."""

    labels: tuple  # Word | Num | Text, as written
    span: Span = _span()


@_node
class ChartRow(Node):
    """`"half chest" 54, 57, 60, 63 ± 2`: one point of measure, a value per size."""

    name: Word | Text
    values: tuple[Num, ...]
    tolerance: Tolerance | None
    span: Span = _span()


@_node
class SizeChart(Node):
    """`size chart "HD320" cm ± 1.5 { … }`: a points-of-measure table at contract level."""

    name: Text
    unit: Word
    tolerance: Tolerance | None
    statements: tuple  # ChartSizes and ChartRow
    span: Span = _span()


@_node
class SizeChartRef(Node):
    """`size chart "HD320" size M` in a product: that column's rows as `dimension` lines."""

    chart: Text
    size: Word | Num | Text
    span: Span = _span()


@_node
class AssortmentItem(Node):
    """`"HD320-HGR-M" 2`: how many units of one SKU a ratio-packed carton holds."""

    sku: Text
    count: Num
    span: Span = _span()


@_node
class Assortment(Node):
    """`assortment "NAME" { "SKU" N, "SKU" N }`: the ratio of a mixed carton."""

    name: Text
    statements: tuple[AssortmentItem, ...]
    span: Span = _span()


@_node
class InnerPack(Node):
    """`inner pack 6`: units per inner pack (a bare number means pieces)."""

    value: Measure
    span: Span = _span()


@_node
class CartonsPerUnit(Node):
    """`cartons per unit 2`: one unit of the goods ships in this many cartons."""

    count: Num
    span: Span = _span()


@_node
class Carton(Node):
    """`carton "NAME" { size …; weight …; marking … }`: one of a unit's several cartons."""

    name: Text
    statements: tuple
    span: Span = _span()


@_node
class Height(Node):
    """`height at most 1.8 m`, in a `pallet` block."""

    constraint: Constraint
    span: Span = _span()


# --- blocks ---------------------------------------------------------------------


@_node
class Block(Node):
    """Any `{ ... }` block: `kind` names it (packaging, inspection, claims, defects, remedies,
    pallet)."""

    kind: str
    statements: tuple
    span: Span = _span()


@_node
class Shipment(Node):
    """`shipment { … }` (name None, TACL 1) or `shipment "NAME" { … }` (language-v2.md §2)."""

    name: Text | None
    statements: tuple
    span: Span = _span()

    kind = "shipment"  # a block kind like Block.kind, so code that looks for blocks finds it


@_node
class Product(Node):
    """`product "SKU" { … }`, or `product "SKU" like "OTHER" { … }` (language-v2.md §10):
    `like` names the product whose statements this one starts from."""

    sku: Text
    statements: tuple
    span: Span = _span()
    like: Text | None = attrs.field(default=None, kw_only=True)


@_node
class Contract(Node):
    id: Text
    statements: tuple
    span: Span = _span()


@_node
class Comment(Node):
    text: str
    span: Span = _span()


@_node
class Module(Node):
    """One parsed file: its contract and the comments the formatter must keep."""

    contract: Contract
    comments: tuple[Comment, ...] = attrs.field(eq=False)
