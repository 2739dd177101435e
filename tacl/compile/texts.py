"""Markings and origin (language-v2.md §8): `one of`, `contains`, `matches`, `origin`.

`marking PART TEXT` and `one of` compile to a `TextClause` as in TACL 1;
`contains` to a `ContainsClause`; `matches` to a `PatternClause`, its pattern
parsed here so that a pattern that does not parse is E236 under the offending
character, with help. `origin "COUNTRY" on PART, PART` gives one
`ContainsClause` a part (`origin.PART`), or one for the whole product.
"""

from __future__ import annotations

from tacl.compile import values
from tacl.compile.context import Context
from tacl.compile.ir import Location, TextClause
from tacl.compile.requirements import ContainsClause, PatternClause
from tacl.source import Span
from tacl.syntax import ast


def quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _location(node) -> Location:
    return Location(node.span.line, node.span.column)


def compile_marking(ctx: Context, stmt: ast.Marking, path: str) -> None:
    if stmt.mode == "matches":
        _pattern(ctx, stmt, path)
        return
    texts = [values.text(ctx.rep, t) for t in stmt.texts]
    if None in texts or not ctx.claim_path(path, stmt):
        return
    shown = ", ".join(quote(t) for t in texts)
    if stmt.mode == "contains":
        required = tuple(dict.fromkeys(values.fold(t) for t in texts))
        ctx.add(ContainsClause(path, f"contains {shown}", required, location=_location(stmt)))
        return
    expected = shown if stmt.mode == "is" else f"one of {shown}"
    accepted = tuple(dict.fromkeys(values.fold(t) for t in texts))
    ctx.add(TextClause(path, expected, accepted, location=_location(stmt)))


def _pattern(ctx: Context, stmt: ast.Marking, path: str) -> None:
    from tacl.standards import patterns  # few contracts: not at every start

    (node,) = stmt.texts
    try:
        patterns.parse(node.raw)
    except patterns.PatternError as problem:
        ctx.rep.error(
            "E236",
            "invalid-pattern",
            problem.message,
            _inside(node, problem.offset, problem.length),
            problem.help,
        )
        return
    if ctx.claim_path(path, stmt):
        expected = f'matches "{node.raw}"'
        ctx.add(PatternClause(path, expected, node.raw, location=_location(stmt)))


def _inside(node: ast.Text, offset: int, length: int) -> Span:
    """The span of raw[offset:offset + length] inside a one-line string literal."""
    span = node.span
    start = span.start + 1 + offset
    column = span.column + 1 + offset
    return Span(
        start, start + max(length, 1), span.line, column, span.line, column + max(length, 1)
    )


def compile_origin(ctx: Context, stmt: ast.Origin, paths: list[str]) -> None:
    country = values.text(ctx.rep, stmt.country)
    if country is None:
        return
    folded = values.fold(country)
    if not folded:
        ctx.rep.error(
            "E218",
            "empty-name",
            "a country of origin cannot be empty",
            stmt.country,
            'name the country as the marking writes it: `origin "China"`',
        )
        return
    for path in paths:
        if ctx.claim_path(path, stmt):
            expected = f"names {quote(country)}"
            ctx.add(ContainsClause(path, expected, (folded,), location=_location(stmt)))
