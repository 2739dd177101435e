"""The exceptions the library raises for bad input; all derive from `TaclError`.

A caller embedding TACL catches `TaclError` and knows it has seen every way that
user input can be wrong; anything else escaping is a bug in TACL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `import tacl` stays free of attrs and the diagnostics machinery
    from tacl.diagnostics import Diagnostic
    from tacl.source import SourceFile


class TaclError(Exception):
    """Base of every error TACL raises for bad input (contracts, reports, options)."""


class ContractError(TaclError):
    """A contract that does not compile; carries every error diagnostic found."""

    def __init__(
        self, diagnostics: Sequence[Diagnostic], sources: Mapping[str, SourceFile] | None = None
    ):
        self.diagnostics = tuple(diagnostics)
        #: name -> SourceFile of the text the diagnostics point into, for code frames
        self.sources = dict(sources or {})
        first = self.diagnostics[0] if self.diagnostics else None
        where = ""
        if first is not None and first.span is not None:
            where = f"{first.file}:{first.span.line}:{first.span.column}: "
        summary = f"{where}{first.message}" if first else "contract has errors"
        more = len(self.diagnostics) - 1
        if more > 0:
            summary += f" (and {more} more error{'s' if more > 1 else ''})"
        super().__init__(summary)

    def __reduce__(self) -> tuple[type[ContractError], tuple[object, ...]]:
        return (type(self), (self.diagnostics, self.sources))


class ReportError(TaclError):
    """An inspection report that is not valid for the contract; names the key path."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)

    def __reduce__(self) -> tuple[type[ReportError], tuple[object, ...]]:
        return (type(self), (self.path, self.message))


class UsageError(TaclError):
    """A bad option or argument given to the library or the command line."""
