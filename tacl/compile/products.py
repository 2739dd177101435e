"""Product statements to clauses under `products.SKU.` (language.md §5.2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

import tacl.paths as paths
from tacl.compile import modifiers, values
from tacl.compile.colours import compile_colour
from tacl.compile.context import Context, ProductDraft
from tacl.compile.dates import compile_date
from tacl.compile.defects import compile_defects
from tacl.compile.inspection import aql_clauses, resolve_inspection
from tacl.compile.ir import (
    BarcodeClause,
    Inspection,
    Location,
    MeasureClause,
    PassFailClause,
    Product,
    TextClause,
)
from tacl.compile.lots import shares_lot
from tacl.compile.orders import DefectName
from tacl.compile.packaging import compile_packaging
from tacl.compile.references import compile_appearance
from tacl.compile.statistics import describe, resolve_statistic, test_units
from tacl.compile.texts import compile_marking, compile_origin
from tacl.diagnostics import did_you_mean
from tacl.nodes import Node
from tacl.standards.compound import lookup
from tacl.standards.units import COUNT_DIMENSIONS
from tacl.syntax import ast

QUANTITY_DIMENSIONS = ("count", "pairs", "sets", "mass", "volume", "length")
AXES = {2: ("length", "width"), 3: ("length", "width", "height")}
SYMBOLOGIES = {"EAN-13": 13, "UPC-A": 12}


def _location(node: Node) -> Location:
    return Location(node.span.line, node.span.column)


def compile_product(
    ctx: Context, node: ast.Product, sku: str, contract_inspection: Inspection | None
) -> Product | None:
    """Compile one product block; its clauses are appended to the context in order."""
    draft = ProductDraft(sku, node)
    prefix = draft.prefix
    defects: tuple[DefectName, ...] = ()
    for stmt in node.statements:
        handler = _HANDLERS.get(type(stmt))
        if handler is not None:
            handler(ctx, stmt, draft)
        elif isinstance(stmt, ast.Block) and stmt.kind == "packaging":
            if ctx.claim_path(prefix + "packaging", stmt):
                compile_packaging(ctx, stmt, draft)
        elif isinstance(stmt, ast.Block) and stmt.kind == "inspection":
            if ctx.claim_path(prefix + "inspection", stmt):
                draft.inspection_block = stmt
        elif isinstance(stmt, ast.Block) and stmt.kind == "defects":
            if ctx.claim_path(prefix + "defects", stmt):
                named = compile_defects(ctx, stmt, f"the defects of `{sku}`")
                ctx.defect_nodes.update({(sku, entry.key): text for entry, text in named})
                defects = tuple(entry for entry, _ in named)
    inspection = resolve_inspection(ctx.rep, draft.inspection_block, contract_inspection)
    if inspection is None:
        return None
    own = draft.inspection_block is not None
    if not shares_lot(contract_inspection, own, draft.quantity):
        where = draft.inspection_block or node
        for clause in aql_clauses(sku, inspection, _location(where)):
            ctx.add(clause)
    _rebates_need_a_price(ctx, node, draft)
    return Product(
        sku,
        draft.description,
        draft.unit_price,
        draft.quantity,
        inspection,
        location=_location(node),
        own_inspection=own,
        defects=defects,
    )


def _rebates_need_a_price(ctx: Context, node: ast.Product, draft: ProductDraft) -> None:
    """A rebate is a share of the product's value: it needs a unit price and a quantity."""
    if draft.unit_price is not None and draft.quantity is not None:
        return
    what = "unit price" if draft.unit_price is None else "quantity"
    for stmt in _with_modifiers(node.statements):
        for modifier in stmt.modifiers:
            if isinstance(modifier, ast.Rebate):
                ctx.rep.error(
                    "E228",
                    "invalid-rebate",
                    f"a rebate on `{draft.sku}`, which states no {what}",
                    modifier,
                    "a rebate is a percentage of the product's value: quantity × unit price",
                )


def _with_modifiers(statements):
    for stmt in statements:
        if isinstance(stmt, ast.Block) and stmt.kind == "packaging":
            yield from _with_modifiers(stmt.statements)
        elif getattr(stmt, "modifiers", ()):
            yield stmt


def _measure(
    ctx: Context,
    stmt: Node,
    path: str,
    constraint: Node,
    allowed: Sequence[str],
    what: str,
    plain: bool = False,
) -> MeasureClause | None:
    resolved = values.constraint(ctx.rep, constraint, allowed, what, plain)
    if resolved is None:
        return None
    ok, statistic = resolve_statistic(ctx.rep, stmt, resolved)
    if not ok or not ctx.claim_path(path, stmt):
        return None
    stated = getattr(stmt, "modifiers", ())
    rebates = tuple(m for m in stated if isinstance(m, ast.Rebate)) if stated else ()
    modified = modifiers.resolve(ctx.rep, constraint, resolved, rebates)
    if modified is None:
        return None
    if statistic is not None and modified.rebate is not None:
        ctx.rep.error(
            "E232",
            "invalid-statistic",
            "a rebate prices each sample past the target; it cannot be combined with "
            "`mean`, `at most K outside`, `on N samples` or `cpk at least`",
            rebates[0],
            "keep the rebate, or state the statistic in a separate `spec`",
        )
        return None
    clause = values.measure_clause(path, modified.resolved, _location(stmt), modified.rebate)
    if statistic is not None:
        written = clause.written
        clause = attrs.evolve(
            clause,
            expected=describe(statistic, clause.expected),
            written=describe(statistic, written) if written else "",
            statistic=statistic,
        )
    ctx.add(clause)
    return clause


def _description(ctx: Context, stmt: ast.Description, draft: ProductDraft) -> None:
    if ctx.claim_path(draft.prefix + "description", stmt):
        draft.description = values.text(ctx.rep, stmt.text)


def _quantity(ctx: Context, stmt: ast.Quantity, draft: ProductDraft) -> None:
    clause = _measure(
        ctx, stmt, draft.prefix + "quantity", stmt.constraint, QUANTITY_DIMENSIONS, "`quantity`"
    )
    if clause is None:
        ctx.order_unknown = True
        return
    problem = quantity_problem(clause)
    if problem is not None:
        ctx.order_unknown = True
        ctx.rep.error(
            "E204",
            "non-positive-quantity",
            problem,
            stmt.constraint,
            "order at least one whole unit; a tolerance must stay below the quantity",
        )
        return
    draft.quantity = clause


def quantity_problem(clause: MeasureClause) -> str | None:
    """Why a quantity cannot be ordered: zero, reaching below zero, or half a piece."""
    low, high, nominal = clause.interval.low, clause.interval.high, clause.nominal
    if (high is not None and high <= 0) or (nominal is not None and nominal <= 0):
        return "a quantity must be more than zero"
    if low is not None and low <= 0:
        return f"quantity `{clause.expected}` reaches zero or below"
    if clause.dimension in COUNT_DIMENSIONS and nominal is not None and nominal.denominator != 1:
        return f"`{clause.expected}` is not a whole number of {lookup(clause.unit).symbol}"
    return None


def _unit_price(ctx: Context, stmt: ast.UnitPrice, draft: ProductDraft) -> None:
    if ctx.claim_path(draft.prefix + "unit price", stmt):
        draft.unit_price = ctx.amount(stmt.money, strict_minor=False)


def _axes(ctx: Context, stmt: Node, path_prefix: str, axes: ast.Axes) -> None:
    names = AXES[len(axes.numbers)]
    for axis, number in zip(names, axes.numbers):
        measure = ast.Measure(number, axes.unit, span=number.span)
        constraint = (
            ast.Exact(measure, span=axes.span)
            if axes.tolerance is None
            else ast.Toleranced(measure, axes.tolerance, span=axes.span)
        )
        if _measure(ctx, stmt, f"{path_prefix}.{axis}", constraint, ("length",), "a size") is None:
            return


def _size(ctx: Context, stmt: ast.Size, draft: ProductDraft) -> None:
    _axes(ctx, stmt, draft.prefix + "size", stmt.axes)


def _dimension(ctx: Context, stmt: ast.Dimension, draft: ProductDraft) -> None:
    label = values.name(ctx.rep, stmt.name)
    if label is not None:
        _measure(
            ctx,
            stmt,
            f"{draft.prefix}dimension.{paths.segment(label)}",
            stmt.constraint,
            ("length",),
            f"dimension `{label}`",
        )


def _weight(ctx: Context, stmt: ast.Weight, draft: ProductDraft) -> None:
    _measure(ctx, stmt, draft.prefix + "weight", stmt.constraint, ("mass",), "`weight`")


def _text_clause(
    ctx: Context, stmt: Node, path: str, options: Sequence[ast.Text], one_of: bool = False
) -> None:
    texts = [values.text(ctx.rep, option) for option in options]
    if None in texts or not ctx.claim_path(path, stmt):
        return
    shown = ", ".join(_quote(t) for t in texts)
    expected = f"one of {shown}" if one_of else shown
    accepted = tuple(dict.fromkeys(values.fold(t) for t in texts))
    ctx.add(TextClause(path, expected, accepted, location=_location(stmt)))


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _part_path(
    draft: ProductDraft, ctx: Context, stmt: Node, head: str, part: ast.Word | None
) -> str | None:
    """`material` or `material.PART`; one product cannot state both forms.

    A report gives either one value or a mapping of parts under `material`, so a
    contract with both would have a clause no report could ever satisfy.
    """
    first = draft.part_forms.get((head, part is None))
    if first is not None:
        ctx.rep.error(
            "E219",
            "mixed-parts",
            f"`{head}` is stated for the whole product and for parts; first on line "
            f"{first.span.line}",
            stmt,
            f"name a part in every `{head}` statement, or state only one for the whole",
        )
        return None
    draft.part_forms.setdefault((head, part is not None), stmt)
    prefix = draft.prefix
    return f"{prefix}{head}" if part is None else f"{prefix}{head}.{part.text}"


def _material(ctx: Context, stmt: ast.Material, draft: ProductDraft) -> None:
    path = _part_path(draft, ctx, stmt, "material", stmt.part)
    if path is not None:
        _text_clause(ctx, stmt, path, stmt.options, stmt.one_of)


def _marking(ctx: Context, stmt: ast.Marking, draft: ProductDraft) -> None:
    path = _part_path(draft, ctx, stmt, "marking", stmt.part)
    if path is not None:
        compile_marking(ctx, stmt, path)


def _appearance(ctx: Context, stmt: ast.Appearance, draft: ProductDraft) -> None:
    compile_appearance(ctx, stmt, draft.prefix + "appearance")


def _origin(ctx: Context, stmt: ast.Origin, draft: ProductDraft) -> None:
    parts = stmt.parts or (None,)
    where = [_part_path(draft, ctx, stmt, "origin", part) for part in parts]
    if None not in where:
        compile_origin(ctx, stmt, where)


def _color(ctx: Context, stmt: ast.Color, draft: ProductDraft) -> None:
    path = _part_path(draft, ctx, stmt, "color", stmt.part)
    if path is None:
        return
    clause = compile_colour(ctx.rep, stmt, path, _location(stmt))
    if clause is not None and ctx.claim_path(path, stmt):
        ctx.add(clause)


def _barcode(ctx: Context, stmt: ast.Barcode, draft: ProductDraft) -> None:
    rep, prefix = ctx.rep, draft.prefix
    symbology = stmt.symbology.text
    if symbology not in SYMBOLOGIES:
        rep.error(
            "E109",
            "unknown-barcode-type",
            f"unknown barcode type `{symbology}`",
            stmt.symbology,
            did_you_mean(symbology, SYMBOLOGIES) or "use EAN-13 or UPC-A",
        )
        return
    digits = values.text(rep, stmt.digits)
    if digits is None:
        return
    length = SYMBOLOGIES[symbology]
    if len(digits) != length or not digits.isascii() or not digits.isdigit():
        rep.error(
            "E206",
            "bad-check-digit",
            f"{'an' if symbology.startswith('E') else 'a'} {symbology} code is {length} digits; `{digits}` is not",
            stmt.digits,
        )
        return
    expected_digit = check_digit(digits[:-1])
    if int(digits[-1]) != expected_digit:
        rep.error(
            "E206",
            "bad-check-digit",
            f"{symbology} `{digits}` has check digit {digits[-1]}; it should be {expected_digit}",
            stmt.digits,
            "a typo in the code, or a wrong last digit",
        )
        return
    if ctx.claim_path(prefix + "barcode", stmt):
        ctx.add(
            BarcodeClause(
                prefix + "barcode",
                f"{symbology} {digits}",
                symbology,
                digits,
                location=_location(stmt),
            )
        )


def check_digit(payload: str) -> int:
    """The GS1 check digit: weights 3 and 1 alternate from the rightmost payload digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(payload)))
    return (10 - total % 10) % 10


def _spec(ctx: Context, stmt: ast.Spec, draft: ProductDraft) -> None:
    label = values.name(ctx.rep, stmt.name)
    if label is None:
        return
    path = f"{draft.prefix}spec.{paths.segment(label)}"
    if isinstance(stmt.value, ast.Text):
        _text_clause(ctx, stmt, path, (stmt.value,))
    elif isinstance(stmt.value, ast.EMark):
        from tacl.compile.emark import compile_emark  # few contracts: not at every start

        compile_emark(ctx, stmt, path, draft.sku)
    elif isinstance(stmt.value, (ast.DateBound, ast.DateBetween, ast.DateAfterEvent)):
        compile_date(ctx, stmt, path)
    else:
        _measure(ctx, stmt, path, stmt.value, (), f"spec `{label}`", plain=True)


def _test(ctx: Context, stmt: ast.Test, draft: ProductDraft) -> None:
    _test_clause(ctx, stmt, draft.prefix)


def _test_clause(ctx: Context, stmt: ast.Test, prefix: str) -> None:
    label = values.name(ctx.rep, stmt.name)
    units = test_units(ctx.rep, stmt)
    if label is None or units is False:
        return
    path = f"{prefix}test.{paths.segment(label)}"
    if not ctx.claim_path(path, stmt):
        return
    expected = "passes" if units is None else f"passes on {units} unit" + ("s" if units > 1 else "")
    ctx.add(PassFailClause(path, expected, label, location=_location(stmt), units=units))


_HANDLERS: dict[type, Callable[[Context, Any, ProductDraft], None]] = {
    ast.Description: _description,
    ast.Quantity: _quantity,
    ast.UnitPrice: _unit_price,
    ast.Size: _size,
    ast.Dimension: _dimension,
    ast.Weight: _weight,
    ast.Material: _material,
    ast.Color: _color,
    ast.Marking: _marking,
    ast.Origin: _origin,
    ast.Appearance: _appearance,
    ast.Barcode: _barcode,
    ast.Spec: _spec,
    ast.Test: _test,
}


# packaging.py compiles packaging levels with the product's own handlers and helpers
HANDLERS, measure, axes, text_clause, test_clause = (
    _HANDLERS,
    _measure,
    _axes,
    _text_clause,
    _test_clause,
)
