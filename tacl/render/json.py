"""`tacl lint --format json`: the diagnostics as the JSON object of cli.md.

The output is one object, `{"diagnostics": [...]}`, with one diagnostic a line so
that it diffs and greps well, keys in the order cli.md shows (those of
`Diagnostic.to_dict()`), non-ASCII text kept as is, and a newline at the end.
Diagnostics are ordered by `order_key`, which every renderer shares, so the same
set of diagnostics always gives the same bytes whatever order they came in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from tacl.diagnostics import Diagnostic


def order_key(diagnostic: Diagnostic) -> tuple:
    """Sort by file, line, column and code; the rest only breaks ties, for one stable order.

    A diagnostic without a span sorts before every positioned one in its file.
    """
    span = diagnostic.span
    position = (span.line, span.column, span.end_line, span.end_column) if span else (0, 0, 0, 0)
    return (
        diagnostic.file,
        position[0],
        position[1],
        diagnostic.code,
        position[2],
        position[3],
        diagnostic.severity,
        diagnostic.rule,
        diagnostic.message,
        diagnostic.help or "",
    )


def ordered(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics in the one order every renderer prints them in."""
    return sorted(diagnostics, key=order_key)


def render_json(diagnostics: Iterable[Diagnostic]) -> str:
    """The cli.md JSON object for these diagnostics, ending in a newline."""
    lines = [json.dumps(d.to_dict(), ensure_ascii=False) for d in ordered(diagnostics)]
    if not lines:
        return '{"diagnostics": []}\n'
    return '{"diagnostics": [\n  ' + ",\n  ".join(lines) + "\n]}\n"
