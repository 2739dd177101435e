"""From printed lines to the final text: blank lines, alignment, indentation.

The printer emits `Line`s and `BLANK` requests without worrying about where a
blank line may go; `render` then applies the rules that make the output one
canonical text:

- no blank line right after a `{`, right before a `}`, at the start of the
  file, or two in a row;
- header statements (`buyer`, `supplier`, `signed`, `currency`) that follow one
  another in a block, with no blank line or other statement between them (own-
  line comments do not interrupt), form a run whose values start one column
  after the run's longest keyword;
- trailing comments on consecutive code lines of the same depth (no blank or
  comment line between) start two columns after the run's longest code line,
  measured in display columns (CJK wide characters count two);
- two spaces of indentation per block level; the text ends with one newline.
"""

from __future__ import annotations

import itertools

import attrs

from tacl.visible import visible_width

INDENT = "  "
COMMENT_GAP = 2


@attrs.define
class Line:
    """One output line: code (keyword + value), a trailing comment, or a comment alone."""

    depth: int
    keyword: str = ""
    value: str = ""
    comment: str | None = None
    aligned: bool = False  # a header statement, aligned with its neighbours
    opens: bool = False  # ends with `{`
    closes: bool = False  # is `}`
    pad: int = 0  # extra spaces after the keyword, set by alignment

    @property
    def is_code(self) -> bool:
        return bool(self.keyword)

    def code(self) -> str:
        if not self.value:
            return self.keyword
        return self.keyword + " " * (1 + self.pad) + self.value


BLANK = None


def render(items: list) -> str:
    """The canonical text of the printer's lines and blank-line requests."""
    lines = _settle_blanks(items)
    _align_keywords(lines)
    comment_columns = _comment_columns(lines)
    out = [_text(line, comment_columns.get(i)) for i, line in enumerate(lines)]
    return "\n".join(out) + "\n"


def _settle_blanks(items: list) -> list:
    out: list = []
    for i, item in enumerate(items):
        if item is BLANK:
            after_open = not out or out[-1] is BLANK or out[-1].opens
            if after_open or _next_line(items, i) is None or _next_line(items, i).closes:
                continue
        out.append(item)
    return out


def _next_line(items: list, index: int):
    for item in itertools.islice(items, index + 1, None):
        if item is not BLANK:
            return item
    return None


def _runs(lines: list, member, breaks) -> list[list[int]]:
    """Indices of maximal runs of `member` lines; `breaks` lines end a run, others are skipped."""
    runs: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line is not BLANK and member(line):
            runs[-1].append(i)
        elif line is BLANK or breaks(line):
            runs.append([])
    return [run for run in runs if len(run) > 1]


def _align_keywords(lines: list) -> None:
    runs = _runs(lines, lambda line: line.aligned, lambda line: line.is_code)
    for run in runs:
        width = max(len(lines[i].keyword) for i in run)
        for i in run:
            lines[i].pad = width - len(lines[i].keyword)


def _comment_columns(lines: list) -> dict[int, int]:
    """Display column of each aligned trailing comment, by line index."""
    columns: dict[int, int] = {}
    trailing = [line is not BLANK and line.is_code and line.comment is not None for line in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and trailing[j] and lines[j].depth == lines[i].depth:
            j += 1
        if j - i > 1:
            width = max(_width(_code_text(lines[k])) for k in range(i, j))
            columns.update({k: width + COMMENT_GAP for k in range(i, j)})
        i = max(j, i + 1)
    return columns


def _code_text(line: Line) -> str:
    return INDENT * line.depth + line.code()


def _text(line, column: int | None) -> str:
    if line is BLANK:
        return ""
    if not line.is_code:
        return INDENT * line.depth + line.comment
    code = _code_text(line)
    if line.comment is None:
        return code
    gap = COMMENT_GAP if column is None else column - _width(code)
    return code + " " * gap + line.comment


_width = visible_width  # display columns: wide and fullwidth take two, marks none
