"""The canonical text of every statement, as (keyword, value) phrases.

Each statement prints as its keyword phrase (`unit price`) and its value
(`12.50 USD`), one space between tokens, with these spellings fixed: `±` for
`+/-` and `±`, ` x ` between size axes, a space between a number and its unit
(`30 %`, `1.2 kg`), `+2/-0 mm` without inner spaces, `, ` between listed items.
Literals come out exactly as written: numbers from `Num.text`, strings from
`Text.raw` between quotes.

Two facts the AST does not keep are read back from the source text through the
node's span: the singular or plural duration word the author wrote (`1 day`),
and the arguments of a colour form TACL does not know (`cmyk(0, 0, 0, 100)`),
which the compiler rejects but the formatter must not drop.
"""

from __future__ import annotations

import re

from tacl.source import SourceFile
from tacl.syntax import ast

# Constraints are written by the syntax floor, so the compiler can show them too.
from tacl.syntax.written import constraint as constraint
from tacl.syntax.written import measure as measure
from tacl.syntax.written import tolerance as tolerance

_WS = re.compile(r"[ \t\f\ufeff]+")


def text(node: ast.Text) -> str:
    return f'"{node.raw}"'


def name(node: ast.Word | ast.Text) -> str:
    return text(node) if isinstance(node, ast.Text) else node.text


def money(node: ast.Money) -> str:
    return f"{node.amount.text} {node.currency.text}"


def modifiers(nodes: tuple) -> str:
    """`, rebate 1 % per 0.1 % up to 13.0 %`: each modifier after a comma, in the order written."""
    return "".join(f", {modifier(node)}" for node in nodes)


def modifier(node) -> str:
    """One modifier of a measured requirement, as written after its comma."""
    if isinstance(node, ast.Rebate):
        return (
            f"rebate {measure(node.rate)} per {measure(node.step)} "
            f"{node.direction} to {measure(node.limit)}"
        )
    if isinstance(node, ast.Outside):
        return f"at most {node.count.text} outside"
    if isinstance(node, ast.OnSamples):
        return f"on {node.count.text} samples"
    if isinstance(node, ast.CpkAtLeast):
        return f"cpk at least {node.value.text}"
    raise KeyError(type(node).__name__)  # a modifier the printer does not know yet


def measured(node) -> str:
    """`[mean] CONSTRAINT[, modifier…]` of a dimension, weight, spec or carton weight."""
    head = "mean " if node.statistic == "mean" else ""
    value = node.constraint if hasattr(node, "constraint") else node.value
    return f"{head}{constraint(value)}{modifiers(node.modifiers)}"


def axes(node: ast.Axes) -> str:
    out = " x ".join(n.text for n in node.numbers) + f" {node.unit.text}"
    return out if node.tolerance is None else f"{out} {tolerance(node.tolerance)}"


def colour(node: ast.Colour, source: SourceFile) -> str:
    if isinstance(node, ast.ColourHex):
        return node.text
    if isinstance(node, ast.ColourLab):
        parts = (node.l, node.a, node.b)
        signs = ("-" if negative else "" for negative in node.signs)
        return "lab(" + ", ".join(s + n.text for s, n in zip(signs, parts)) + ")"
    if isinstance(node, ast.ColourPantone):
        return f"pantone {_code(node.code)}"
    if isinstance(node, ast.ColourRal):
        return f"ral {_code(node.code)}"
    if isinstance(node, ast.ColourName):
        return text(node.name)
    return _unknown_colour(node, source)


def _code(node: ast.Text | ast.Num) -> str:
    return text(node) if isinstance(node, ast.Text) else node.text


def _unknown_colour(node: ast.ColourUnknown, source: SourceFile) -> str:
    """`form(args)` from the source: the AST keeps only the form's name."""
    written = source.text[node.span.start : node.span.end]
    inside = written[written.find("(") + 1 : written.rfind(")")]
    args = [_WS.sub("", arg) for arg in inside.split(",")] if _WS.sub("", inside) else []
    return f"{node.form.text}({', '.join(args)})"


def colour_tolerance(node: ast.ColourTolerance) -> str:
    return f"± {node.amount.text} {node.formula}"


def duration(node: ast.Duration, source: SourceFile) -> str:
    """`15 days`, keeping `day`/`days` as written: the AST stores only the plural."""
    words = _WS.split(source.text[node.span.start : node.span.end].strip(" \t\f\ufeff"))
    unit = " ".join(words[1:])
    if (unit if unit.endswith("s") else unit + "s") != node.unit:
        unit = node.unit  # a span that does not hold the words: print the AST's form
    return f"{node.number.text} {unit}"


def period(node: ast.DateAfterEvent, source: SourceFile) -> str:
    """`18 months` or `1 month`, as written: the AST keeps only the plural."""
    written = _WS.split(source.text[node.amount.span.end : node.span.end].strip(" \t\f\ufeff"))
    word = written[0] if written and written[0] else node.period
    if (word if word.endswith("s") else word + "s") != node.period:
        word = node.period
    return f"{node.amount.text} {word}"


def window(node: ast.Window, source: SourceFile) -> str:
    return f"{duration(node.duration, source)} after {node.event}"
