"""Layout facts the AST does not hold, read from the source: comments and blank lines.

TACL's line structure makes this simple and exact. A statement, a block's
opening line (`product "X" {`) and a closing `}` each sit on one line, and a
comment runs to the end of its line. So a comment is either *trailing* (code
before it on its line; it stays at the end of that line) or *own-line* (it
stays before whatever follows it: a statement, a `}` or the end of the file).
A blank line is a line of white space only.
"""

from __future__ import annotations

import bisect

import attrs

from tacl.source import SourceFile
from tacl.syntax import ast

WHITESPACE = " \t\f\ufeff"  # the grammar's WS terminal


def comment_text(text: str) -> str:
    """A comment as printed: white space at its end dropped, nothing else touched."""
    return text.rstrip(WHITESPACE)


@attrs.frozen
class OwnLine:
    line: int
    text: str


@attrs.frozen
class SourceLayout:
    """Where the author put comments and blank lines, by 1-based source line."""

    trailing: dict[int, str]
    own_lines: tuple[OwnLine, ...]  # in source order
    blank_lines: tuple[int, ...]  # sorted
    _own_line_numbers: tuple[int, ...] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_own_line_numbers", tuple(c.line for c in self.own_lines))

    @classmethod
    def read(cls, module: ast.Module, source: SourceFile) -> SourceLayout:
        trailing: dict[int, str] = {}
        own: list[OwnLine] = []
        for comment in module.comments:
            line, column = comment.span.line, comment.span.column
            before = source.line_text(line)[: column - 1]
            if before.strip(WHITESPACE):
                trailing[line] = comment_text(comment.text)
            else:
                own.append(OwnLine(line, comment_text(comment.text)))
        blanks = tuple(
            n for n in range(1, source.line_count + 1) if not source.line_text(n).strip(WHITESPACE)
        )
        return cls(trailing, tuple(sorted(own, key=lambda c: c.line)), blanks)

    def own_lines_between(self, after: int, before: int) -> list[OwnLine]:
        """Own-line comments on lines strictly between `after` and `before`."""
        low = bisect.bisect_right(self._own_line_numbers, after)
        high = bisect.bisect_left(self._own_line_numbers, before)
        return list(self.own_lines[low:high])

    def blank_between(self, after: int, before: int) -> bool:
        """Whether the author left a blank line strictly between two source lines."""
        index = bisect.bisect_right(self.blank_lines, after)
        return index < len(self.blank_lines) and self.blank_lines[index] < before
