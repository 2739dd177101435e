"""A product's `packaging` block to clauses under `products.SKU.packaging.` (language.md §5.2,
language-v2.md §11: inner packs, several cartons per unit, pallets).

Packaging levels add no new kind of clause: an inner pack and a carton count are
counts, a named carton's size and weight and the pallet's are measured like the
product's own, markings are texts and tests pass or fail. A `carton "NAME"` or
`pallet` block is compiled with the product's own statement handlers under a
deeper prefix, so every form a product's `size`, `weight`, `marking` or `test`
takes works there too.

What the levels mean together (docs/language.md, "Packaging levels"):

- `units per carton N` (N units in one carton) and `cartons per unit N` (one
  unit in N cartons, a dresser in two boxes) exclude each other: each carton of
  a several-carton unit holds 1/N of a unit, so a carton count of such goods
  is N × the quantity, and `units per carton` does not apply. `carton size` and
  `carton weight` then have no one carton to describe: each carton's size and
  weight go in its own `carton "NAME"` block (at most N of them).
- `inner pack M` with `units per carton N`: a carton holds whole inner packs, so
  N is a multiple of M.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

import tacl.paths as paths
from tacl.compile.context import Context, ProductDraft
from tacl.compile.ir import MeasureClause
from tacl.compile.values import name as clause_name
from tacl.syntax import ast

COUNTS = ("count", "pairs", "sets")


@attrs.define
class _Levels:
    """What one packaging block said about its levels, to check them against each other."""

    units_per_carton: tuple[ast.UnitsPerCarton, MeasureClause | None] | None = None
    inner_pack: tuple[ast.InnerPack, MeasureClause | None] | None = None
    cartons_per_unit: ast.CartonsPerUnit | None = None
    cartons: list[ast.Carton] = attrs.field(factory=list)
    single_carton: list = attrs.field(factory=list)  # `carton size` and `carton weight`


def compile_packaging(ctx: Context, block: ast.Block, draft: ProductDraft) -> None:
    """The clauses of a product's `packaging` block, in the order written."""
    from tacl.compile import products as p

    prefix = draft.prefix + "packaging."
    levels = _Levels()
    for stmt in block.statements:
        if isinstance(stmt, ast.UnitPacking):
            p.text_clause(ctx, stmt, prefix + "unit-packing", (stmt.text,))
        elif isinstance(stmt, ast.UnitsPerCarton):
            clause = _count(ctx, stmt, prefix + "units-per-carton", stmt.value, "units per carton")
            levels.units_per_carton = (stmt, clause)
        elif isinstance(stmt, ast.InnerPack):
            clause = _count(ctx, stmt, prefix + "inner-pack", stmt.value, "inner pack")
            levels.inner_pack = (stmt, clause)
        elif isinstance(stmt, ast.CartonsPerUnit):
            _cartons_per_unit(ctx, stmt, prefix)
            levels.cartons_per_unit = stmt
        elif isinstance(stmt, ast.CartonSize):
            p.axes(ctx, stmt, prefix + "carton-size", stmt.axes)
            levels.single_carton.append(stmt)
        elif isinstance(stmt, ast.CartonWeight):
            p.measure(
                ctx, stmt, prefix + "carton-weight", stmt.constraint, ("mass",), "`carton weight`"
            )
            levels.single_carton.append(stmt)
        elif isinstance(stmt, ast.CartonMarking):
            p.text_clause(ctx, stmt, prefix + "carton-marking", (stmt.text,))
        elif isinstance(stmt, ast.Test):
            p.test_clause(ctx, stmt, prefix)
        elif isinstance(stmt, ast.Carton):
            _carton(ctx, stmt, draft)
            levels.cartons.append(stmt)
        elif isinstance(stmt, ast.Block) and stmt.kind == "pallet":
            _pallet(ctx, stmt, draft)
    _check_levels(ctx, levels)


def _count(ctx: Context, stmt, path: str, measure: ast.Measure, what: str):
    """A whole count above zero; a bare number means pieces."""
    from tacl.compile import products as p

    if measure.unit is None and not measure.grade:
        measure = ast.Measure(
            measure.number, ast.Word("pcs", span=measure.number.span), span=measure.span
        )
    exact = ast.Exact(measure, span=measure.span)
    clause = p.measure(ctx, stmt, path, exact, COUNTS, f"`{what}`")
    if clause is not None and (clause.nominal <= 0 or clause.nominal.denominator != 1):
        ctx.rep.error(
            "E204",
            "non-positive-quantity",
            f"{what} must be a whole number above zero",
            measure,
        )
        return None
    return clause


def _cartons_per_unit(ctx: Context, stmt: ast.CartonsPerUnit, prefix: str) -> None:
    number = ast.Measure(stmt.count, None, span=stmt.count.span)
    _count(ctx, stmt, prefix + "cartons-per-unit", number, "cartons per unit")


def _sub_draft(draft: ProductDraft, within: str) -> ProductDraft:
    """A draft whose clauses go under `products.SKU.packaging.WITHIN.` (its own part forms)."""
    return ProductDraft(draft.sku, draft.statement, within=within)


def _carton(ctx: Context, carton: ast.Carton, draft: ProductDraft) -> None:
    from tacl.compile import products as p

    label = clause_name(ctx.rep, carton.name)
    # the name is one segment of its clauses' paths, quoted if it holds a dot (tacl/paths.py)
    within = None if label is None else paths.join("packaging", "carton", label)
    if within is None or not ctx.claim_path(draft.prefix + within, carton):
        return
    inner = _sub_draft(draft, within + ".")
    for stmt in carton.statements:
        p.HANDLERS[type(stmt)](ctx, stmt, inner)


def _pallet(ctx: Context, pallet: ast.Block, draft: ProductDraft) -> None:
    from tacl.compile import products as p

    if not ctx.claim_path(f"{draft.prefix}packaging.pallet", pallet):
        return
    inner = _sub_draft(draft, "packaging.pallet.")
    for stmt in pallet.statements:
        if isinstance(stmt, ast.Height):
            p.measure(
                ctx, stmt, inner.prefix + "height", stmt.constraint, ("length",), "pallet `height`"
            )
        elif isinstance(stmt, ast.Size) and len(stmt.axes.numbers) == 3:
            ctx.rep.error(
                "E280",
                "pallet-size-axes",
                "a pallet's size is its footprint, length x width",
                stmt.axes.numbers[2],
                "give the loaded height as `height at most …`",
            )
        else:
            p.HANDLERS[type(stmt)](ctx, stmt, inner)


def _check_levels(ctx: Context, levels: _Levels) -> None:
    several = levels.cartons_per_unit
    if several is not None:
        _one_unit_in_several(ctx, levels, several)
        _named_cartons(ctx, levels.cartons, several)
    elif levels.cartons:
        first = levels.cartons[0]
        ctx.rep.error(
            "E278",
            "carton-count",
            f'`carton "{first.name.raw}"` describes one of several cartons per unit, '
            "but the packaging does not say how many",
            first.name,
            f"add `cartons per unit {max(2, len(levels.cartons))}`",
        )
    _inner_packs_fill_cartons(ctx, levels)


def _one_unit_in_several(ctx: Context, levels: _Levels, several: ast.CartonsPerUnit) -> None:
    """What `cartons per unit` excludes: a count of units per carton, one carton's size or
    weight, inner packs of several units."""
    shipped = f"one unit ships in {several.count.text} cartons (line {several.span.line})"
    clashes = [(stmt, f"`{_words(stmt)}`") for stmt in levels.single_carton]
    if levels.units_per_carton is not None:
        clashes.insert(0, (levels.units_per_carton[0], "`units per carton`"))
    if levels.inner_pack is not None:
        clashes.append((levels.inner_pack[0], "`inner pack`"))
    for stmt, what in clashes:
        if isinstance(stmt, (ast.CartonSize, ast.CartonWeight)):
            help_ = 'give each carton\'s size and weight in its own `carton "NAME" { … }` block'
        else:
            help_ = (
                "keep `cartons per unit` for one unit in several boxes, or "
                f"{what} for several units in one box"
            )
        ctx.rep.error(
            "E277",
            "conflicting-packing",
            f"{what} does not fit `cartons per unit`: {shipped}",
            stmt,
            help_,
        )


def _named_cartons(ctx: Context, cartons: list[ast.Carton], several: ast.CartonsPerUnit) -> None:
    try:
        allowed = int(several.count.text.replace("_", ""))
    except ValueError:
        return  # not a whole number: reported as E204
    if len(cartons) > allowed:
        extra = cartons[allowed]
        ctx.rep.error(
            "E278",
            "carton-count",
            f"{len(cartons)} cartons are described, but one unit ships in {allowed} "
            f"(`cartons per unit`, line {several.span.line})",
            extra.name,
            "describe each carton once, or correct `cartons per unit`",
        )


def _inner_packs_fill_cartons(ctx: Context, levels: _Levels) -> None:
    if levels.inner_pack is None or levels.units_per_carton is None:
        return
    (pack_stmt, pack), (_, carton) = levels.inner_pack, levels.units_per_carton
    if pack is None or carton is None or pack.dimension != carton.dimension:
        if pack is not None and carton is not None:
            ctx.rep.error(
                "E279",
                "inner-pack-mismatch",
                f"an inner pack of {pack.expected} cannot fill a carton of {carton.expected}",
                pack_stmt.value,
                "count both in the same unit (pieces, pairs or sets)",
            )
        return
    if (Fraction(carton.nominal) / pack.nominal).denominator != 1:
        ctx.rep.error(
            "E279",
            "inner-pack-mismatch",
            f"a carton of {carton.expected} is not a whole number of inner packs of "
            f"{pack.expected}",
            pack_stmt.value,
            "a carton holds whole inner packs: make `units per carton` a multiple of `inner pack`",
        )


def _words(stmt) -> str:
    return "carton size" if isinstance(stmt, ast.CartonSize) else "carton weight"
