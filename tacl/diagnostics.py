"""The one diagnostic type that every phase reports and every renderer prints.

Compile errors, lint findings and report warnings are all `Diagnostic`s: a stable
code, a kebab-case rule name, a severity, a message in lower case with the user's
text in backticks, a span, and an optional `help` line ("did you mean `mm`?").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from tacl.source import Span

ERROR = "error"
WARNING = "warning"
NOTE = "note"
SEVERITIES = (ERROR, WARNING, NOTE)


@attrs.frozen
class Diagnostic:
    code: str
    rule: str
    severity: str
    message: str
    file: str
    span: Span | None
    help: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of cli.md (`tacl lint --format json`)."""
        span = self.span
        return {
            "file": self.file,
            "line": span.line if span else 1,
            "column": span.column if span else 1,
            "end_line": span.end_line if span else 1,
            "end_column": span.end_column if span else 1,
            "severity": self.severity,
            "code": self.code,
            "rule": self.rule,
            "message": self.message,
            "help": self.help,
        }


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """A `help` text naming the closest known word, or None when nothing is close.

    Case is ignored for the match (so `usd` suggests `USD`), but the suggestion is
    spelled as it must be written.
    """
    found = closest(word, candidates, cutoff)
    return None if found is None else f"did you mean `{found}`?"


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known word closest to `word` (case ignored), or None when nothing is close."""
    import difflib  # only when there is an error to explain

    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(candidate.casefold(), candidate)
    folded = word.casefold()
    if folded in by_fold and by_fold[folded] != word:
        return by_fold[folded]
    close = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=cutoff)
    if close and by_fold[close[0]] != word:
        return by_fold[close[0]]
    return None
