"""Reference samples, appearance and documents (language-v2.md §9).

`reference sample "NAME" [sealed DATE]` is declared at contract level (E302 when
a name is declared twice); `appearance as reference sample "NAME"` in a product
names a declared one (E237, with the closest declared name, when it does not);
`document "NAME" before|with shipment` at contract level or in a shipment block
gives the clause `documents.NAME` (or `shipments.SHIP.documents.NAME` in a named
shipment).
"""

from __future__ import annotations

import tacl.paths as paths
from tacl.compile import values
from tacl.compile.context import Context
from tacl.compile.ir import Location
from tacl.compile.requirements import AppearanceClause, DocumentClause, ReferenceSample
from tacl.diagnostics import did_you_mean
from tacl.syntax import ast


def _location(node) -> Location:
    return Location(node.span.line, node.span.column)


def compile_reference(ctx: Context, stmt: ast.ReferenceSample) -> None:
    name = values.name(ctx.rep, stmt.name)
    sealed = values.date(ctx.rep, stmt.sealed) if stmt.sealed is not None else None
    if name is None or (stmt.sealed is not None and sealed is None):
        return
    if ctx.claim_path(f"reference sample {name}", stmt):
        ctx.references[name] = ReferenceSample(name, sealed, location=_location(stmt))


def compile_appearance(ctx: Context, stmt: ast.Appearance, path: str) -> None:
    name = values.text(ctx.rep, stmt.reference)
    if name is None:
        return
    reference = ctx.references.get(name)
    if reference is None:
        declared = sorted(ctx.references)
        help_ = did_you_mean(name, declared) or (
            f"declared: {', '.join(declared)}"
            if declared
            else f'declare it at contract level: `reference sample "{name}" sealed YYYY-MM-DD`'
        )
        ctx.rep.error(
            "E237",
            "unknown-reference",
            f"reference sample `{name}` is not declared",
            stmt.reference,
            help_,
        )
        return
    if ctx.claim_path(path, stmt):
        sealed = "" if reference.sealed is None else f", sealed {reference.sealed.isoformat()}"
        expected = f'as reference sample "{name}"{sealed}'
        ctx.add(AppearanceClause(path, expected, name, location=_location(stmt)))


def compile_document(ctx: Context, stmt: ast.Document, shipment: str | None = None) -> None:
    name = values.name(ctx.rep, stmt.name)
    if name is None:
        return
    where = ("documents",) if shipment is None else ("shipments", shipment, "documents")
    path = paths.join(*where, name)
    if ctx.claim_path(path, stmt):
        when = "before" if stmt.due == "before" else "with the"
        expected = f"received on or before the shipped date ({when} shipment)"
        ctx.add(DocumentClause(path, expected, name, stmt.due, shipment, location=_location(stmt)))
