"""`tacl lint --format text`: a compiler-style code frame for each diagnostic.

The frame (stable: golden files store it)::

    error[E104] unknown-unit: unknown unit `mmm`
      --> po.tacl:15:30
       |
    15 |   size 420 x 180 x 120 mmm ± 2 mm
       |                        ^^^
       = help: did you mean `mm`?

- The header is `severity[code] rule: message`; the gutter is as wide as the
  line number; the `-->` line is indented by that width.
- Only the span's first line is shown, and of a line longer than FRAME_WIDTH
  characters a window around the span's start, cut with `…`. The carets cover
  the span on that line;
  a span that goes on past the line end covers the rest of the line plus one
  caret for the line break. A span is never shown with fewer than one caret.
- A diagnostic without a span, or whose file is not in `sources`, gets only the
  header, `--> file` (with `:line:column` when known) and its help line.
- Display columns, so the carets stay under the text they mean: a tab advances
  to the next multiple of `TAB_WIDTH`; East Asian wide and fullwidth characters
  (`unicodedata.east_asian_width` W or F) take two columns, combining marks none,
  every other character one. The user's text goes through `tacl.visible.visible`:
  control characters (ESC included) are shown as their Unicode "control picture"
  (U+2400…), bidirectional overrides and other invisible characters as
  `\\u{XXXX}`, so the output never carries an escape sequence it did not put there
  itself, nor text that reads otherwise than it is.
- No output line ends in whitespace; diagnostics are separated by a blank line;
  the text ends with a newline (an empty list gives the empty string).
- With `color=True`, plain ANSI SGR escapes: bold red for errors, bold yellow
  for warnings, bold cyan for notes (the header's `severity[code]` and the
  carets), bold for the rest of the header, bold blue for the gutter. Without
  it, no escape codes at all.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from tacl.diagnostics import ERROR, NOTE, WARNING, Diagnostic
from tacl.render.json import ordered
from tacl.source import SourceFile, Span
from tacl.visible import visible as _visible
from tacl.visible import visible_width

TAB_WIDTH = 4
FRAME_WIDTH = 120  # characters of a long source line shown around the caret
MAX_REPEATED = 20  # frames of one code in one file; the rest are counted

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_GUTTER = "\x1b[1;34m"
_SEVERITY_COLORS = {ERROR: "\x1b[1;31m", WARNING: "\x1b[1;33m", NOTE: "\x1b[1;36m"}


class _Style:
    """Wraps text in ANSI escapes, or leaves it alone when colour is off."""

    def __init__(self, color: bool, severity: str):
        self.color = color
        self.accent = _SEVERITY_COLORS.get(severity, _BOLD)

    def paint(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.color and text else text

    def gutter(self, text: str) -> str:
        return self.paint(_GUTTER, text)


def render_text(
    diagnostics: Iterable[Diagnostic],
    sources: Mapping[str, SourceFile],
    color: bool = False,
) -> str:
    """Code frames for the diagnostics, in file/line/column order, one blank line apart.

    At most MAX_REPEATED frames of one code in one file; the rest are counted in one
    closing line per code (`… and 1,990 more error[E302] duplicate-clause in po.tacl`).
    Machine formats (JSON, SARIF, GitHub) list every diagnostic.
    """
    frames, skipped = [], {}
    seen: dict[tuple[str, str], int] = {}
    for diagnostic in ordered(diagnostics):
        key = (diagnostic.file, diagnostic.code)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > MAX_REPEATED:
            skipped[key] = (diagnostic, seen[key] - MAX_REPEATED)
            continue
        frames.append(_frame(diagnostic, sources.get(diagnostic.file), color))
    for (file, code), (last, count) in skipped.items():
        head = _visible(f"{last.severity}[{code}] {last.rule}")
        frames.append(f"… and {count:,} more {head} in {_visible(file)}")
    return "\n".join(frame + "\n" for frame in frames)


def summary_line(diagnostics: Iterable[Diagnostic], files_checked: int) -> str:
    """One closing sentence, e.g. `Found 2 errors and 1 warning in 3 files.`

    `All 3 files clean.` / `1 file clean.` / `No files checked.` when there is
    nothing to report. Files are those checked, not only those with findings.
    """
    diagnostics = list(diagnostics)
    files = max(files_checked, len({d.file for d in diagnostics}))
    if not diagnostics:
        if files == 0:
            return "No files checked."
        return "1 file clean." if files == 1 else f"All {files} files clean."
    counts = [
        _plural(sum(d.severity == severity for d in diagnostics), severity)
        for severity in (ERROR, WARNING, NOTE)
    ]
    found = [count for count in counts if not count.startswith("0 ")]
    listed = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]
    return f"Found {listed} in {_plural(files, 'file')}."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _frame(diagnostic: Diagnostic, source: SourceFile | None, color: bool) -> str:
    style = _Style(color, diagnostic.severity)
    span = diagnostic.span
    lines = [_header(diagnostic, style)]
    width = len(str(span.line)) if span else 1
    where = _visible(diagnostic.file)
    if span is not None:
        where += f":{span.line}:{span.column}"
    lines.append(" " * width + style.gutter("-->") + " " + where)
    if span is not None and source is not None:
        lines.extend(_code_lines(span, source, width, style))
    if diagnostic.help:
        help_text = _visible(diagnostic.help)
        lines.append(" " * (width + 1) + style.gutter("=") + " help: " + help_text)
    return "\n".join(line.rstrip() for line in lines)


def _header(diagnostic: Diagnostic, style: _Style) -> str:
    """`severity[code] rule: message`, the user's text made visible before it is painted."""
    head = _visible(f"{diagnostic.severity}[{diagnostic.code}]")
    rest = _visible(f" {diagnostic.rule}: {diagnostic.message}")
    return style.paint(style.accent, head) + style.paint(_BOLD, rest)


def _code_lines(span: Span, source: SourceFile, width: int, style: _Style) -> list[str]:
    """The empty gutter line, the source line (clipped around the caret) and the carets."""
    text = source.line_text(span.line)
    first = span.column - 1
    # A span going on past this line covers its line break as one more caret.
    last = span.end_column - 1 if span.end_line == span.line else len(text) + 1
    lo, hi = _window(len(text), first, last)
    cells = _cells(text[lo:hi])
    before, after = ("…" if lo else ""), ("…" if hi < len(text) else "")
    first, last = first - lo, min(last, hi + 1) - lo
    pad = len(before) + _width(cells, 0, first)
    carets = max(1, _width(cells, first, max(first, last)))
    rendered = (before + "".join(cell for cell, _ in cells) + after).rstrip()
    bar = style.gutter("|")
    number = style.gutter(str(span.line).rjust(width))
    return [
        " " * (width + 1) + bar,
        f"{number} {bar} {rendered}",
        " " * (width + 1) + bar + " " + " " * pad + style.paint(style.accent, "^" * carets),
    ]


def _window(length: int, first: int, last: int) -> tuple[int, int]:
    """The characters [lo, hi) of a line to show: all of a short line; of a long one, a
    window of FRAME_WIDTH around the span's start, so that 2 000 diagnostics on one
    22 KB line print 2 000 short frames, not 66 MB."""
    if length <= FRAME_WIDTH:
        return 0, length
    lo = max(0, min(first - FRAME_WIDTH // 3, length - FRAME_WIDTH))
    return lo, min(length, lo + FRAME_WIDTH)


def _width(cells: list[tuple[str, int]], start: int, end: int) -> int:
    """Display width of characters [start, end); past the line end each counts one."""
    inside = sum(width for _, width in cells[start:end])
    beyond = max(0, end - max(start, len(cells)))
    return inside + beyond


def _cells(text: str) -> list[tuple[str, int]]:
    """Each character of a line as (what is printed, how many columns it takes).

    A combining mark stays on the character before it (no column of its own): the
    frame shows the contract's own line as the editor does.
    """
    cells = []
    column = 0
    for char in text:
        if char == "\t":
            width = TAB_WIDTH - column % TAB_WIDTH
            cells.append((" " * width, width))
        elif unicodedata.combining(char):
            cells.append((char, 0))
        else:
            shown = _visible(char)
            cells.append((shown, visible_width(shown)))
        column += cells[-1][1]
    return cells
