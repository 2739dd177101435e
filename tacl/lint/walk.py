"""AST helpers the rules share: find statements, list measured values, resolve them.

Resolving reuses the compiler's own constraint resolver (`tacl.compile.values`),
so a rule judges a tolerance exactly as the evaluator will apply it. Lint runs
only on contracts that compiled, so resolving cannot fail here; a None is still
handled, as a rule must never crash on a contract that slipped through.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from tacl.compile import values
from tacl.source import SourceFile
from tacl.standards.compound import lookup
from tacl.standards.units import COUNT_DIMENSIONS
from tacl.syntax import ast


def first(statements, kind):
    """The first statement of a class, or None."""
    return next((s for s in statements if isinstance(s, kind)), None)


def every(statements, kind) -> list:
    return [s for s in statements if isinstance(s, kind)]


def block(statements, kind: str) -> ast.Block | None:
    """The first `{ ... }` block of a kind (shipment, packaging, inspection, claims, …)."""
    return next(
        (s for s in statements if isinstance(s, (ast.Block, ast.Shipment)) and s.kind == kind),
        None,
    )


def shipments(statements) -> list[ast.Shipment]:
    """Every shipment block: the unnamed one, or each named one (language-v2.md §2)."""
    return every(statements, ast.Shipment)


def shipment_name(shipment: ast.Shipment) -> str | None:
    return None if shipment.name is None else shipment.name.raw


def shipment_label(shipment: ast.Shipment) -> str:
    """How a message names a shipment: `the shipment` or `shipment "grey"`."""
    return "the shipment" if shipment.name is None else f'shipment "{shipment.name.raw}"'


def products(module: ast.Module) -> list[ast.Product]:
    return every(module.contract.statements, ast.Product)


def sku(product: ast.Product) -> str:
    return product.sku.raw


@attrs.frozen
class Measured:
    """One measured requirement as written: the statement, a label and its constraint."""

    stmt: object
    label: str
    constraint: object


def measured(product: ast.Product) -> Iterator[Measured]:
    """Every measured requirement of a product, sizes split into their axes."""
    for stmt in product.statements:
        if isinstance(stmt, ast.Block) and stmt.kind == "packaging":
            yield from _packaging_measures(stmt)
        elif isinstance(stmt, ast.Size):
            yield from _axes(stmt, "size", stmt.axes)
        elif isinstance(stmt, ast.Quantity):
            yield Measured(stmt, "quantity", stmt.constraint)
        elif isinstance(stmt, ast.Weight):
            yield Measured(stmt, "weight", stmt.constraint)
        elif isinstance(stmt, ast.Dimension):
            yield Measured(stmt, f"dimension {label(stmt.name)}", stmt.constraint)
        elif isinstance(stmt, ast.Spec) and not isinstance(stmt.value, ast.Text):
            yield Measured(stmt, f"spec {label(stmt.name)}", stmt.value)


def _packaging_measures(packaging: ast.Block) -> Iterator[Measured]:
    for stmt in packaging.statements:
        if isinstance(stmt, ast.CartonSize):
            yield from _axes(stmt, "carton size", stmt.axes)
        elif isinstance(stmt, ast.CartonWeight):
            yield Measured(stmt, "carton weight", stmt.constraint)
        elif isinstance(stmt, ast.Carton):
            yield from _level_measures(stmt.statements, f"carton {label(stmt.name)}")
        elif isinstance(stmt, ast.Block) and stmt.kind == "pallet":
            yield from _level_measures(stmt.statements, "pallet")


def _level_measures(statements, what: str) -> Iterator[Measured]:
    """The measures of a named carton or the pallet (language-v2.md §11)."""
    for stmt in statements:
        if isinstance(stmt, ast.Size):
            yield from _axes(stmt, f"{what} size", stmt.axes)
        elif isinstance(stmt, ast.Weight):
            yield Measured(stmt, f"{what} weight", stmt.constraint)
        elif isinstance(stmt, ast.Height):
            yield Measured(stmt, f"{what} height", stmt.constraint)


def _axes(stmt, what: str, axes: ast.Axes) -> Iterator[Measured]:
    names = ("length", "width", "height")
    for axis, number in zip(names, axes.numbers):
        measure = ast.Measure(number, axes.unit, span=number.span)
        if axes.tolerance is None:
            constraint = ast.Exact(measure, span=number.span)
        else:
            constraint = ast.Toleranced(measure, axes.tolerance, span=axes.span)
        yield Measured(stmt, f"{what} {axis}", constraint)


def label(name: ast.Word | ast.Text) -> str:
    return name.text if isinstance(name, ast.Word) else name.raw


def resolve(source: SourceFile, constraint) -> values.Resolved | None:
    """The constraint's interval in base units, as the compiler resolves it."""
    return values.constraint(values.Reporter(source), constraint, (), "a value")


def unit_of(constraint):
    """The `Unit` a constraint is written in (the tolerance's when the value has none)."""
    if isinstance(constraint, ast.Between):
        word = constraint.high.unit
    else:
        word = constraint.value.unit
        if word is None and isinstance(constraint, ast.Toleranced):
            tol = constraint.tolerance
            word = tol.amount.unit if isinstance(tol, ast.SymTolerance) else tol.unit
    return lookup(word.text) if word is not None else None


def is_continuous(constraint) -> bool:
    """Whether the constraint measures something continuous (not a count)."""
    unit = unit_of(constraint)
    return unit is not None and unit.dimension not in COUNT_DIMENSIONS


def text_requirements(product: ast.Product) -> Iterator[tuple[object, ast.Text]]:
    """(statement, string) for every text a product *requires* of the goods.

    Markings, carton markings and barcodes are left out on purpose: they are the
    literal text to be printed ("PREMIUM COFFEE" is a print, not a promise), and
    descriptions are information only, never a clause.
    """
    for stmt in product.statements:
        if isinstance(stmt, ast.Material):
            for option in stmt.options:
                yield stmt, option
        elif isinstance(stmt, ast.Spec) and isinstance(stmt.value, ast.Text):
            yield stmt, stmt.value
        elif isinstance(stmt, ast.Color) and isinstance(stmt.colour, ast.ColourName):
            yield stmt, stmt.colour.name
        elif isinstance(stmt, ast.Test) and isinstance(stmt.name, ast.Text):
            yield stmt, stmt.name
        elif isinstance(stmt, ast.Block) and stmt.kind == "packaging":
            yield from _packaging_texts(stmt)


def _packaging_texts(packaging: ast.Block) -> Iterator[tuple[object, ast.Text]]:
    for stmt in packaging.statements:
        if isinstance(stmt, ast.UnitPacking):
            yield stmt, stmt.text
        elif isinstance(stmt, ast.Test) and isinstance(stmt.name, ast.Text):
            yield stmt, stmt.name


def has(statements, kind) -> bool:
    """Whether a statement of a class (or a block of a kind, given as a string) is there."""
    if isinstance(kind, str):
        return block(statements, kind) is not None
    return first(statements, kind) is not None


def lacking(ctx, kind, message: str, help: str, *, within: str | None = None):
    """A finding on the head of each product that has no statement of `kind`.

    The completeness rules are all this one question asked of each product; the
    message may use `{sku}`. With `within` (a block kind such as "packaging") the
    question is asked of that block of each product instead, and a product without
    the block is passed over: its absence is another rule's finding.
    """
    for product in products(ctx.module):
        where = product if within is None else block(product.statements, within)
        if where is not None and not has(where.statements, kind):
            yield ctx.report(ctx.head(where), message.format(sku=sku(product)), help)


def written(source: SourceFile, node) -> str:
    """The text of a node exactly as the author wrote it, white space folded."""
    return " ".join(source.text[node.span.start : node.span.end].split())


def shown(value, unit_symbol: str) -> str:
    """A base-unit value shown in the unit the author used (`1.15 kg`)."""
    from tacl.standards.exact import format_quantity

    unit = lookup(unit_symbol)
    return format_quantity(unit.from_base(value), unit_symbol)
