"""One line per simple statement: its keyword phrase and its value, canonically spelled.

`phrase(node, source)` returns `(keyword, value)`; the printer joins them with
one space, or pads the keyword when the statement belongs to an aligned run
(see `layout.py`). `value` is empty for statements that are all keywords
(`partial shipments not allowed`). Block statements are not handled here.
"""

from __future__ import annotations

from collections.abc import Callable

from tacl.fmt import phrases as p
from tacl.source import SourceFile
from tacl.syntax import ast

Phrase = tuple[str, str]


def _optional_part(part: ast.Word | None, rest: str) -> str:
    return rest if part is None else f"{part.text} {rest}"


def _advance(node: ast.AdvancePayment, source: SourceFile) -> Phrase:
    value = p.money(node.money) if node.money is not None else f"{node.percent.text} %"
    return "advance payment", value


def _incoterm(node: ast.Incoterm, source: SourceFile) -> Phrase:
    place = "" if node.place is None else " " + p.text(node.place)
    return "incoterm", node.code.text + place


def _partial(node: ast.Partial, source: SourceFile) -> Phrase:
    return ("partial shipments allowed" if node.allowed else "partial shipments not allowed"), ""


def _material(node: ast.Material, source: SourceFile) -> Phrase:
    listed = ", ".join(p.text(option) for option in node.options)
    return "material", _optional_part(node.part, f"one of {listed}" if node.one_of else listed)


def _color(node: ast.Color, source: SourceFile) -> Phrase:
    value = p.colour(node.colour, source)
    if node.tolerance is not None:
        value += " " + p.colour_tolerance(node.tolerance)
    return "color", _optional_part(node.part, value)


def _spec(node: ast.Spec, source: SourceFile) -> Phrase:
    value = node.value
    if isinstance(value, ast.Text):
        shown = p.text(value)
    elif isinstance(value, ast.EMark):
        shown = f"℮ {p.measure(value.quantity)}"
    elif isinstance(value, ast.DateBound):
        shown = f"on or {'after' if value.after else 'before'} {value.date.text}"
    elif isinstance(value, ast.DateBetween):
        shown = f"between {value.earliest.text} and {value.latest.text}"
    elif isinstance(value, ast.DateAfterEvent):
        shown = f"at least {p.period(value, source)} after {value.event}"
    else:
        shown = p.measured(node)
    return "spec", f"{p.name(node.name)} {shown}"


def _late_penalty(node: ast.LatePenalty, source: SourceFile) -> Phrase:
    cap = "" if node.cap is None else f", at most {node.cap.text} %"
    return "late penalty", f"{node.rate.text} % per {node.period}{cap}"


def _defect_list(node: ast.DefectList, source: SourceFile) -> Phrase:
    return node.defect_class, ", ".join(p.text(name) for name in node.names)


def _marking(node: ast.Marking, source: SourceFile) -> Phrase:
    listed = ", ".join(p.text(t) for t in node.texts)
    value = listed if node.mode == "is" else f"{node.mode} {listed}"
    return "marking", _optional_part(node.part, value)


def _origin(node: ast.Origin, source: SourceFile) -> Phrase:
    parts = "" if not node.parts else " on " + ", ".join(w.text for w in node.parts)
    return "origin", p.text(node.country) + parts


def _test(node: ast.Test, source: SourceFile) -> Phrase:
    count = "" if node.units is None else f" on {node.units.text} units"
    return "test", f"{p.name(node.name)} passes{count}"


def _chart_row(node: ast.ChartRow, source: SourceFile) -> Phrase:
    value = ", ".join(n.text for n in node.values)
    if node.tolerance is not None:
        value += " " + p.tolerance(node.tolerance)
    return p.name(node.name), value


def _label(node) -> str:
    return p.text(node) if isinstance(node, ast.Text) else node.text


def _aql(node: ast.Aql, source: SourceFile) -> Phrase:
    return "aql", " ".join(f"{e.defect_class} {e.value.text}" for e in node.entries)


def _quality_claim(node: ast.QualityClaim, source: SourceFile) -> Phrase:
    return "quality claim within", " or ".join(p.window(w, source) for w in node.windows)


_PHRASES: dict[type, Callable[..., Phrase]] = {
    ast.Buyer: lambda n, s: ("buyer", p.text(n.name)),
    ast.Supplier: lambda n, s: ("supplier", p.text(n.name)),
    ast.Signed: lambda n, s: ("signed", n.date.text),
    ast.Currency: lambda n, s: ("currency", n.code.text),
    ast.Protection: lambda n, s: ("protection", n.option.text),
    ast.CoverageLimit: lambda n, s: ("coverage limit", p.money(n.money)),
    ast.OrderValue: lambda n, s: ("order value", p.money(n.money)),
    ast.AdvancePayment: _advance,
    ast.ShipBy: lambda n, s: ("ship by", n.date.text),
    ast.ShipBetween: lambda n, s: ("ship between", f"{n.earliest.text} and {n.latest.text}"),
    ast.DeliverBy: lambda n, s: ("deliver by", n.date.text),
    ast.Incoterm: _incoterm,
    ast.Partial: _partial,
    ast.Goods: lambda n, s: ("goods", f"{p.text(n.sku)} {p.constraint(n.constraint)}"),
    ast.Description: lambda n, s: ("description", p.text(n.text)),
    ast.Quantity: lambda n, s: ("quantity", p.constraint(n.constraint)),
    ast.UnitPrice: lambda n, s: ("unit price", p.money(n.money)),
    ast.Size: lambda n, s: ("size", p.axes(n.axes)),
    ast.Dimension: lambda n, s: ("dimension", f"{p.name(n.name)} {p.measured(n)}"),
    ast.Weight: lambda n, s: ("weight", p.measured(n)),
    ast.Material: _material,
    ast.Color: _color,
    ast.Marking: _marking,
    ast.Origin: _origin,
    ast.ReferenceSample: lambda n, s: (
        "reference sample",
        p.text(n.name) + ("" if n.sealed is None else f" sealed {n.sealed.text}"),
    ),
    ast.Appearance: lambda n, s: ("appearance as reference sample", p.text(n.reference)),
    ast.Document: lambda n, s: ("document", f"{p.text(n.name)} {n.due} shipment"),
    ast.Barcode: lambda n, s: ("barcode", f"{n.symbology.text} {p.text(n.digits)}"),
    ast.Spec: _spec,
    ast.Test: _test,
    ast.UnitPacking: lambda n, s: ("unit packing", p.text(n.text)),
    ast.UnitsPerCarton: lambda n, s: ("units per carton", p.measure(n.value)),
    ast.CartonSize: lambda n, s: ("carton size", p.axes(n.axes)),
    ast.CartonWeight: lambda n, s: ("carton weight", p.measured(n)),
    ast.CartonMarking: lambda n, s: ("carton marking", p.text(n.text)),
    ast.InnerPack: lambda n, s: ("inner pack", p.measure(n.value)),
    ast.CartonsPerUnit: lambda n, s: ("cartons per unit", n.count.text),
    ast.Height: lambda n, s: ("height", p.constraint(n.constraint)),
    ast.ChartSizes: lambda n, s: ("sizes", ", ".join(_label(label) for label in n.labels)),
    ast.ChartRow: _chart_row,
    ast.SizeChartRef: lambda n, s: ("size chart", f"{p.text(n.chart)} size {_label(n.size)}"),
    ast.AssortmentItem: lambda n, s: (p.text(n.sku), n.count.text),
    ast.Standard: lambda n, s: ("standard ISO 2859-1 level", n.level.text),
    ast.Aql: _aql,
    ast.AqlNone: lambda n, s: ("aql none", ""),
    ast.Lot: lambda n, s: ("lot per", n.per),
    ast.DefectList: _defect_list,
    ast.LatePenalty: _late_penalty,
    ast.CancelRight: lambda n, s: ("cancel if more than", f"{n.days.text} {n.unit} late"),
    ast.RefundAffected: lambda n, s: ("refund affected goods", ""),
    ast.QualityClaim: _quality_claim,
    ast.SupplierResponse: lambda n, s: (
        "supplier response within",
        p.duration(n.duration, s),
    ),
}


def phrase(node, source: SourceFile) -> Phrase:
    """The (keyword, value) of a simple statement; KeyError names an unknown node type."""
    return _PHRASES[type(node)](node, source)


def opener(node) -> str:
    """The text before a block's `{`: `contract "ID"`, `product "SKU"`, `shipment`."""
    if isinstance(node, ast.Contract):
        return f"contract {p.text(node.id)}"
    if isinstance(node, ast.Product):
        like = "" if node.like is None else f" like {p.text(node.like)}"
        return f"product {p.text(node.sku)}{like}"
    if isinstance(node, ast.Shipment) and node.name is not None:
        return f"shipment {p.text(node.name)}"
    if isinstance(node, ast.SizeChart):
        tolerance = "" if node.tolerance is None else " " + p.tolerance(node.tolerance)
        return f"size chart {p.text(node.name)} {node.unit.text}{tolerance}"
    if isinstance(node, ast.Carton):
        return f"carton {p.text(node.name)}"
    if isinstance(node, ast.Assortment):
        return f"assortment {p.text(node.name)}"
    return node.kind


def is_block(node) -> bool:
    """Whether a node prints as `opener {`, its statements, `}`: any node with statements."""
    return type(getattr(node, "statements", None)) is tuple


def separator(node) -> str:
    """What follows every statement but the last of a block: a comma in an assortment,
    whose items the language separates with commas (language-v2.md §11)."""
    return "," if isinstance(node, ast.Assortment) else ""
