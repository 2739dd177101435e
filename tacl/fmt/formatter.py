"""Format a contract, and prove on every run that only its layout changed.

The safety net (Black's "AST unchanged, formatting stable", Cedar's check on
every format) runs each time, not only in tests. The formatted text must:

1. parse, to a syntax tree equal to the original's (spans are not compared);
2. compile to the same fingerprint, when the original compiles — a contract
   that parses but does not compile is still formatted, since fmt is about
   layout, and then (1), (3), (4) and (5) are the proof;
3. hold the same comments, in the same order (trailing white space dropped);
4. hold the same characters once white space is removed and `+/-`, `×`,
   `e-mark` are spelled `±`, `x`, `℮` — this covers what the tree does not keep (`1 day`
   against `1 days`, the arguments of an unknown colour form);
5. format to itself.

When any of these fails the formatter raises `FormatError`, a bug in TACL
rather than in the contract; the command leaves the file alone and exits 2.
"""

from __future__ import annotations

import re

import attrs

from tacl.diagnostics import ERROR, Diagnostic
from tacl.errors import ContractError, TaclError
from tacl.fmt.comments import comment_text
from tacl.fmt.printer import print_module
from tacl.pipeline import Analysis, analyze
from tacl.source import SourceFile
from tacl.syntax.parser import MAX_CHARS

_SQUASH = re.compile(r"[ \t\f\ufeff\r\n]+")
_QUOTED_HEX = re.compile(r'"(#[0-9A-Fa-f]{6})"')


class FormatError(Exception):
    """The safety net caught the formatter changing more than layout (a TACL bug)."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"formatting {name} {reason}; the file was left unchanged")


@attrs.frozen
class Formatted:
    """The outcome for one file: the canonical text, or the syntax errors that prevent it."""

    source: SourceFile
    text: str | None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def changed(self) -> bool:
        return self.text is not None and self.text != self.source.text


def format_source(source: SourceFile) -> Formatted:
    """Canonical text of a contract, checked by the safety net; syntax errors are returned."""
    before = _analyze(source)
    if before.module is None:
        return Formatted(source, None, before.diagnostics)
    text = _print(before)
    if len(text) > MAX_CHARS:  # the contract's limit, not a bug: say so as an error
        return Formatted(source, None, (_too_large(source, text),))
    verify(before, text)
    return Formatted(source, text)


def _too_large(source: SourceFile, text: str) -> Diagnostic:
    return Diagnostic(
        "E004",
        "file-too-large",
        ERROR,
        f"formatted, the file would have {len(text):,} characters; the limit is "
        f"{MAX_CHARS:,}, so it is left as it is",
        source.name,
        source.span(0, 0),
        "split the order into several contracts",
    )


def format_text(text: str, name: str = "<string>") -> str:
    """Canonical text of contract text; raises ContractError on syntax errors."""
    if text.startswith("\ufeff"):
        text = text[1:]
    result = format_source(SourceFile(name, text))
    if result.text is None:
        raise ContractError(result.diagnostics)
    return result.text


def verify(before: Analysis, text: str) -> None:
    """Raise FormatError unless `text` says exactly what `before` said."""
    name = before.source.name
    after = _analyze(SourceFile(name, text))
    if after.module is None:
        raise FormatError(
            name, f"produced text that does not parse ({after.diagnostics[0].message})"
        )
    if after.module != before.module:
        raise FormatError(name, "changed the syntax tree")
    if _fingerprint(before) != _fingerprint(after):
        raise FormatError(name, "changed the compiled contract's fingerprint")
    if _comments(before) != _comments(after):
        raise FormatError(name, "changed, lost or reordered a comment")
    if _squash(before.source.text) != _squash(text):
        raise FormatError(name, "changed more than white space")
    if _print(after) != text:
        raise FormatError(name, "is not stable: formatting its output changes it again")


def _analyze(source: SourceFile) -> Analysis:
    try:
        return analyze(source)
    except TaclError:
        raise
    except Exception as exc:  # a compiler bug must not let an unchecked text through
        raise FormatError(
            source.name, f"could not be checked: {type(exc).__name__}: {exc}"
        ) from exc


def _print(analysis: Analysis) -> str:
    try:
        return print_module(analysis.module, analysis.source)
    except Exception as exc:  # e.g. a statement kind the printer does not know yet
        name = analysis.source.name
        raise FormatError(name, f"could not be printed: {type(exc).__name__}: {exc}") from exc


def _fingerprint(analysis: Analysis) -> str | None:
    return None if analysis.contract is None else analysis.contract.sha256


def _comments(analysis: Analysis) -> list[str]:
    return [comment_text(c.text) for c in analysis.module.comments]


def _squash(text: str) -> str:
    """The text without white space and with the spellings fmt unifies (`+/-`, `×`, `e-mark`, a
    quoted `"#RRGGBB"`, which is that hex colour and is written unquoted)."""
    text = _QUOTED_HEX.sub(r"\1", text.replace("+/-", "±").replace("×", "x").replace("e-mark", "℮"))
    return _SQUASH.sub("", text)
