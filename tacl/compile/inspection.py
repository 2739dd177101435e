"""Inspection blocks to sampling terms, and each product's AQL clauses (language.md §5.3).

Resolution is per defect class: a product's own `inspection` block overrides the
contract's for the classes and level it names and inherits the rest. A contract
with no `inspection` block at all is inspected to the general standard: level II,
critical 0, major 2.5, minor 4.0. A contract block that names only some classes
inspects only those.
"""

from __future__ import annotations

from decimal import Decimal

import tacl.paths as paths
from tacl.compile import values
from tacl.compile.context import InspectionDraft
from tacl.compile.ir import (
    GENERAL_AQL,
    GENERAL_LEVEL,
    AqlClause,
    Inspection,
    Location,
    decimal_text,
)
from tacl.compile.values import Reporter
from tacl.diagnostics import did_you_mean
from tacl.standards import iso2859 as sampling
from tacl.syntax import ast

CLASS_ORDER = ("critical", "major", "minor")


def resolve_inspection(
    rep: Reporter, block: ast.Block | None, inherited: Inspection | None
) -> Inspection | None:
    """The inspection terms of a block, on top of the inherited ones (or the default)."""
    if block is None:
        return inherited or Inspection(GENERAL_LEVEL, GENERAL_AQL)
    level = inherited.level if inherited else GENERAL_LEVEL
    classes: dict[str, Decimal] = dict(inherited.aql) if inherited else {}
    lot = inherited.lot if inherited else "product"
    draft = InspectionDraft()
    ok = True
    for stmt in block.statements:
        first = draft.first_like(stmt)
        if first is not None:
            kind = draft.kind_of(stmt)
            rep.error(
                "E302",
                "duplicate-clause",
                f"`{kind}` is stated twice in this inspection block; first on line "
                f"{first.span.line}",
                stmt,
                "keep one statement and delete the other",
            )
            ok = False
            continue
        if isinstance(stmt, ast.Standard):
            draft.standard = stmt
            level = _level(rep, stmt.level) or level
            ok = ok and stmt.level.text in sampling.LEVELS
        elif isinstance(stmt, ast.AqlNone):
            draft.aql = stmt
            classes = {}
        elif isinstance(stmt, ast.Lot):
            draft.lot = stmt
            ok = _lot(rep, stmt, inherited) and ok
            lot = stmt.per
        else:
            draft.aql = stmt
            ok = _aql(rep, stmt, classes) and ok
    if not ok:
        return None
    if inherited is None and draft.aql is None:  # a level alone keeps the general AQLs
        classes = dict(GENERAL_AQL)
    ordered = tuple((name, classes[name]) for name in CLASS_ORDER if name in classes)
    return Inspection(level, ordered, lot)


def _lot(rep: Reporter, stmt: ast.Lot, inherited: Inspection | None) -> bool:
    """`lot per …` says how the whole order is sampled: only the contract's block says it."""
    if inherited is None:
        return True
    rep.error(
        "E260",
        "lot-in-product",
        f"`lot per {stmt.per}` belongs in the contract's `inspection` block",
        stmt,
        "a product with its own `inspection` block is always its own lot; move the line to "
        "the contract's block, or delete it",
    )
    return False


def _level(rep: Reporter, word: ast.Word) -> str | None:
    if word.text in sampling.LEVELS:
        return word.text
    rep.error(
        "E108",
        "unknown-inspection-level",
        f"unknown inspection level `{word.text}`",
        word,
        did_you_mean(word.text, sampling.LEVELS)
        or "levels are I, II, III (general) and S-1 to S-4 (special)",
    )
    return None


def _aql(rep: Reporter, stmt: ast.Aql, classes: dict[str, Decimal]) -> bool:
    ok = True
    named: dict[str, ast.AqlEntry] = {}
    for entry in stmt.entries:
        if entry.defect_class in named:
            rep.error(
                "E302", "duplicate-clause", f"`aql {entry.defect_class}` is given twice", entry
            )
            ok = False
            continue
        named[entry.defect_class] = entry
        value = values.number(rep, entry.value)
        if value is None:
            ok = False
        elif value != 0 and not sampling.is_preferred(value):
            rep.error(
                "E205",
                "aql-not-preferred",
                f"AQL {entry.value.text} is not in the ISO 2859-1 preferred series",
                entry.value,
                _nearest(value),
            )
            ok = False
        else:
            classes[entry.defect_class] = value
    return ok


def _nearest(value: Decimal) -> str:
    series = sampling.PREFERRED_AQLS
    below = [v for v in series if v < value]
    above = [v for v in series if v > value]
    near = [str(v) for v in (below[-1:] + above[:1])]
    return "the nearest preferred values are " + " and ".join(near)


def aql_label(value: Decimal) -> str:
    """An AQL as ISO 2859-1 labels its column (`4.0`, `0.65`, `10`), however it was written."""
    return next((str(p) for p in sampling.PREFERRED_AQLS if p == value), decimal_text(value))


def aql_clauses(
    sku: str, inspection: Inspection, where: Location, lot: str | None = None
) -> list[AqlClause]:
    """One clause per defect class; `expected` is completed with the plan at evaluation.

    `lot` is where the lot's clauses live (`lot`, `shipments.NAME`); None for a
    product's own lot, under `products.SKU`.
    """
    clauses = []
    prefix = paths.join("products", sku) if lot is None else lot
    for name, value in inspection.aql:
        expected = (
            f"AQL {aql_label(value)} at level {inspection.level}"
            if value
            else (f"no {name} defects (AQL 0) at level {inspection.level}")
        )
        clauses.append(
            AqlClause(
                paths.child(paths.child(prefix, "aql"), name),
                expected,
                sku,
                name,
                value,
                inspection.level,
                location=where,
                lot=prefix,
            )
        )
    return clauses
