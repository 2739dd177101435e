"""Parse callbacks that build the typed AST directly, with no intermediate tree.

The parser (`tacl.syntax.lalr`) calls the method named after each rule with its
children, so they go straight into a frozen node. It never raises and never judges
a value: whatever the grammar accepts becomes a node, and the compiler reports what
it means. Spans come from the tokens themselves.
"""

from __future__ import annotations

import re

from tacl.source import Span
from tacl.syntax import ast
from tacl.syntax.lalr import Token

_new = tuple.__new__  # a Span without the Python-level NamedTuple.__new__
_SPACES = re.compile(r"[ \t\f\ufeff]+")  # the grammar's white space, as in WS

_LITERALS = {  # token type → its node, made from the token's text and span
    "STRING": lambda value, span: ast.Text(value[1:-1], span=span),
    "NUMBER": lambda value, span: ast.Num(value, span=span),
    "NEG_NUMBER": lambda value, span: ast.Num(value, span=span),
    "WORD": lambda value, span: ast.Word(value, span=span),
    # A unit may hold spaces (`Shore A`, `N / mm`); a run of them reads as one.
    "UNIT": lambda value, span: ast.Word(
        value if value.isalpha() else _SPACES.sub(" ", value), span=span
    ),
    "PERCENT": lambda value, span: ast.Word(value, span=span),
    "DATE": lambda value, span: ast.Date(value, span=span),
    "HEX": lambda value, span: ast.ColourHex(value, span=span),
}


def token_span(tok: Token) -> Span:
    return tok.span


def _span(item) -> Span:
    """The span of a token or node; of a tuple (`one of` options, or a signed number
    as (Num, negative)), from its first to its last part."""
    if type(item) is tuple:
        parts = [part for part in item if not isinstance(part, (bool, str))]
        first, last = parts[0].span, parts[-1].span
        return _new(
            Span, (first.start, last.end, first.line, first.column, last.end_line, last.end_column)
        )
    return item.span


def _cover(children) -> Span:
    """The span from the first to the last child (only `[colour_args]` can be None)."""
    first, last = children[0], children[-1]
    if last is None:
        last = children[-2]
    a = first.span if type(first) is not tuple else _span(first)
    b = last.span if type(last) is not tuple else _span(last)
    return _new(Span, (a.start, b.end, a.line, a.column, b.end_line, b.end_column))


def _values(children) -> list:
    """The children that carry meaning: literals become nodes, keywords are dropped."""
    out = []
    for child in children:
        if type(child) is Token:
            make = _LITERALS.get(child.type)
            if make is not None:
                out.append(make(child.value, child.span))
        elif child is not None and child is not _SKIP:
            out.append(child)
    return out


def _words(children) -> str:
    """The keywords of a rule joined by single spaces (`business days`)."""
    return " ".join(c.value for c in children if isinstance(c, Token))


_SKIP = object()
_HEX_CODE = re.compile(r"#[0-9A-Fa-f]{6}")


def _simple(node_class):
    """A callback for a rule whose meaningful children map one-to-one onto the node."""

    def callback(self, children):
        return node_class(*_values(children), span=_cover(children))

    return callback


def _measured(node_class, named: bool = False):
    """Statements with a measured requirement: [NAME] [mean] CONSTRAINT [, modifier…]."""

    def callback(self, children):
        vals = _values(children)
        head = [vals.pop(0)] if named else []
        statistic = "each"
        if vals and vals[0] == "mean":
            statistic = vals.pop(0)
        modifiers = vals.pop() if len(vals) > 1 and type(vals[-1]) is tuple else ()
        return node_class(*head, vals[0], statistic, modifiers, span=_cover(children))

    return callback


def _keyword_of(self, children):
    """A rule that is only keywords, as one Word (`customs clearance`)."""
    return ast.Word(_words(children), span=_cover(children))


def _block(kind: str):
    def callback(self, children):
        return ast.Block(kind, tuple(_values(children)), span=_cover(children))

    return callback


class AstBuilder:
    """Callbacks named after the grammar's rules and aliases."""

    def start(self, children):
        return _values(children)[0]

    def contract(self, children):
        vals = _values(children)
        return ast.Contract(vals[0], tuple(vals[1:]), span=_cover(children))

    def product(self, children):
        vals = _values(children)
        like = None
        if len(vals) > 1 and isinstance(vals[1], ast.Text):  # `like "OTHER"`
            like = vals.pop(1)
        return ast.Product(vals[0], tuple(vals[1:]), span=_cover(children), like=like)

    packaging = _block("packaging")
    pallet = _block("pallet")
    inspection = _block("inspection")
    claims = _block("claims")
    defects = _block("defects")
    remedies = _block("remedies")

    def shipment(self, children):
        vals = _values(children)
        name = vals.pop(0) if vals and isinstance(vals[0], ast.Text) else None
        return ast.Shipment(name, tuple(vals), span=_cover(children))

    buyer = _simple(ast.Buyer)
    supplier = _simple(ast.Supplier)
    signed = _simple(ast.Signed)
    currency = _simple(ast.Currency)
    protection = _simple(ast.Protection)
    coverage = _simple(ast.CoverageLimit)
    order_value = _simple(ast.OrderValue)
    money = _simple(ast.Money)
    ship_by = _simple(ast.ShipBy)
    ship_between = _simple(ast.ShipBetween)
    deliver_by = _simple(ast.DeliverBy)
    description = _simple(ast.Description)
    quantity = _simple(ast.Quantity)
    unit_price = _simple(ast.UnitPrice)
    size = _simple(ast.Size)
    dimension = _measured(ast.Dimension, named=True)
    weight = _measured(ast.Weight)
    barcode = _simple(ast.Barcode)
    spec = _measured(ast.Spec, named=True)
    test = _simple(ast.Test)
    unit_packing = _simple(ast.UnitPacking)
    units_per_carton = _simple(ast.UnitsPerCarton)
    carton_size = _simple(ast.CartonSize)
    carton_weight = _measured(ast.CartonWeight)
    carton_marking = _simple(ast.CartonMarking)
    goods = _simple(ast.Goods)
    aql_none = _simple(ast.AqlNone)
    refund_affected = _simple(ast.RefundAffected)
    inner_pack = _simple(ast.InnerPack)
    cartons_per_unit = _simple(ast.CartonsPerUnit)
    height = _simple(ast.Height)
    size_chart_ref = _simple(ast.SizeChartRef)
    assortment_item = _simple(ast.AssortmentItem)
    standard = _simple(ast.Standard)
    supplier_response = _simple(ast.SupplierResponse)
    exact = _simple(ast.Exact)
    toleranced = _simple(ast.Toleranced)
    at_least = _simple(ast.AtLeast)
    at_most = _simple(ast.AtMost)
    sym_tolerance = _simple(ast.SymTolerance)
    colour_pantone = _simple(ast.ColourPantone)
    colour_ral = _simple(ast.ColourRal)

    def marking(self, children):
        vals = _values(children)
        part = vals.pop(0) if len(vals) > 1 and isinstance(vals[0], ast.Word) else None
        value = vals[0]
        if isinstance(value, ast.Text):
            return ast.Marking(part, (value,), span=_cover(children))
        if isinstance(value, tuple) and value and isinstance(value[0], str):  # contains/matches
            return ast.Marking(part, value[1:], value[0], span=_cover(children))
        return ast.Marking(part, value, "one of", span=_cover(children))

    def contains(self, children):
        return ("contains", *_values(children))

    def matches(self, children):
        return ("matches", *_values(children))

    def origin(self, children):
        vals = _values(children)
        return ast.Origin(vals[0], tuple(vals[1:]), span=_cover(children))

    def carton(self, children):
        vals = _values(children)
        return ast.Carton(vals[0], tuple(vals[1:]), span=_cover(children))

    def assortment(self, children):
        vals = _values(children)
        return ast.Assortment(vals[0], tuple(vals[1:]), span=_cover(children))

    def size_chart(self, children):
        vals = _values(children)  # name, unit, [tolerance], statements…
        name, unit = vals[0], vals[1]
        has_tolerance = len(vals) > 2 and isinstance(vals[2], (ast.SymTolerance, ast.AsymTolerance))
        tolerance = vals[2] if has_tolerance else None
        rest = tuple(vals[3:] if has_tolerance else vals[2:])
        return ast.SizeChart(name, unit, tolerance, rest, span=_cover(children))

    def chart_sizes(self, children):
        return ast.ChartSizes(tuple(_values(children)), span=_cover(children))

    def chart_row(self, children):
        vals = _values(children)
        tolerance = (
            vals.pop() if isinstance(vals[-1], (ast.SymTolerance, ast.AsymTolerance)) else None
        )
        return ast.ChartRow(vals[0], tuple(vals[1:]), tolerance, span=_cover(children))

    def advance(self, children):
        vals = _values(children)
        if isinstance(vals[0], ast.Money):
            return ast.AdvancePayment(vals[0], None, span=_cover(children))
        return ast.AdvancePayment(None, vals[0], span=_cover(children))

    def incoterm(self, children):
        vals = _values(children)
        place = vals[1] if len(vals) > 1 else None
        return ast.Incoterm(vals[0], place, span=_cover(children))

    def partial(self, children):
        allowed = not any(isinstance(c, Token) and c.value == "not" for c in children)
        return ast.Partial(allowed, span=_cover(children))

    def material(self, children):
        vals = _values(children)
        part = vals.pop(0) if isinstance(vals[0], ast.Word) else None
        options = vals[0]
        if isinstance(options, ast.Text):
            return ast.Material(part, (options,), False, span=_cover(children))
        return ast.Material(part, options, True, span=_cover(children))

    def one_of(self, children):
        return tuple(_values(children))

    def color(self, children):
        vals = _values(children)
        part = vals.pop(0) if isinstance(vals[0], ast.Word) else None
        tolerance = vals[1] if len(vals) > 1 else None
        return ast.Color(part, vals[0], tolerance, span=_cover(children))

    def axes(self, children):
        vals = _values(children)
        numbers = tuple(v for v in vals if isinstance(v, ast.Num))
        rest = [v for v in vals if not isinstance(v, ast.Num)]
        tolerance = rest[1] if len(rest) > 1 else None
        return ast.Axes(numbers, rest[0], tolerance, span=_cover(children))

    def times(self, children):
        return _SKIP

    def colour_hex(self, children):
        return _values(children)[0]

    def colour_name(self, children):
        """A name; but a quoted text that is exactly `#RRGGBB` is that hex colour."""
        name = _values(children)[0]
        if _HEX_CODE.fullmatch(name.raw):
            return ast.ColourHex(name.raw, span=name.span)
        return ast.ColourName(name, span=_cover(children))

    def colour_lab(self, children):
        parts = _values(children)
        numbers = tuple(n for n, _ in parts)
        signs = tuple(neg for _, neg in parts)
        return ast.ColourLab(*numbers, signs, span=_cover(children))

    def signed_number(self, children):
        negative = any(isinstance(c, Token) and c.type == "MINUS" for c in children)
        return (_values(children)[0], negative)

    def colour_unknown(self, children):
        return ast.ColourUnknown(_values(children)[0], span=_cover(children))

    def colour_args(self, children):
        return _SKIP

    def colour_tolerance(self, children):
        vals = _values(children)
        return ast.ColourTolerance(vals[0], vals[1].text, span=_cover(children))

    def _keyword(self, children):
        return ast.Word(_words(children), span=_cover(children))

    delta_e = aql_class = event = lot_unit = penalty_period = rebate_direction = cancel_unit = (
        _keyword
    )

    def modifiers(self, children):
        return tuple(_values(children))

    def rebate(self, children):
        rate, step, direction, limit = _values(children)
        return ast.Rebate(rate, step, direction.text, limit, span=_cover(children))

    def lot(self, children):
        return ast.Lot(_values(children)[0].text, span=_cover(children))

    def defect_list(self, children):
        vals = _values(children)
        return ast.DefectList(vals[0].text, tuple(vals[1:]), span=_cover(children))

    def late_penalty(self, children):
        vals = _values(children)  # rate, %, period[, cap, %]
        cap = vals[3] if len(vals) > 3 else None
        return ast.LatePenalty(vals[0], vals[2].text, cap, span=_cover(children))

    def cancel(self, children):
        days, unit = _values(children)
        return ast.CancelRight(days, unit.text, span=_cover(children))

    def duration_unit(self, children):
        text = _words(children)
        return ast.Word(text if text.endswith("s") else text + "s", span=_cover(children))

    def duration(self, children):
        number, unit = _values(children)
        return ast.Duration(number, unit.text, span=_cover(children))

    def window(self, children):
        duration, event = _values(children)
        return ast.Window(duration, event.text, span=_cover(children))

    def quality_claim(self, children):
        return ast.QualityClaim(tuple(_values(children)), span=_cover(children))

    def between(self, children):
        vals = _values(children)
        low = vals[0]
        low_unit = vals[1] if len(vals) == 3 else None
        return ast.Between(low, low_unit, vals[-1], span=_cover(children))

    def asym_tolerance(self, children):
        vals = _values(children)
        unit = vals[2] if len(vals) > 2 else None
        return ast.AsymTolerance(vals[0], vals[1], unit, span=_cover(children))

    def measure(self, children):
        if len(children) == 1 and isinstance(children[0], ast.Measure):  # made below
            return children[0]
        vals = _values(children)
        if isinstance(vals[0], ast.Measure):  # `grade 4`
            return vals[0]
        unit = vals[1] if len(vals) > 1 else None
        return ast.Measure(vals[0], unit, span=_cover(children))

    plain_measure = measure

    def mean(self, children):
        return "mean"

    outside_modifier = _simple(ast.Outside)
    samples_modifier = _simple(ast.OnSamples)
    cpk_modifier = _simple(ast.CpkAtLeast)
    emark = _simple(ast.EMark)

    def date_on_or_after(self, children):
        return ast.DateBound(_values(children)[0], True, span=_cover(children))

    def date_on_or_before(self, children):
        return ast.DateBound(_values(children)[0], False, span=_cover(children))

    date_between = _simple(ast.DateBetween)

    def date_after_event(self, children):
        amount, period, event = _values(children)
        return ast.DateAfterEvent(amount, period.text, event.text, span=_cover(children))

    def period(self, children):
        text = _words(children)
        return ast.Word(text if text.endswith("s") else text + "s", span=_cover(children))

    date_event = _keyword_of

    reference_sample = _simple(ast.ReferenceSample)
    appearance = _simple(ast.Appearance)

    def document(self, children):
        name, due = _values(children)
        return ast.Document(name, due.text, span=_cover(children))

    document_due = _keyword_of

    def test_count(self, children):
        return _values(children)[0]

    def grade(self, children):
        return ast.Measure(_values(children)[0], None, span=_cover(children), grade=True)

    def between_grades(self, children):
        low, high = _values(children)
        return ast.Between(low.number, None, high, span=_cover(children), low_grade=True)

    def aql(self, children):
        vals = _values(children)
        entries = tuple(
            ast.AqlEntry(cls.text, num, span=_cover([cls, num]))
            for cls, num in zip(vals[0::2], vals[1::2])
        )
        return ast.Aql(entries, span=_cover(children))
