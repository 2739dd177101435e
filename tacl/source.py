"""Source files and spans: offsets into the text, turned into lines and columns on demand.

A span is what every diagnostic and every compiled clause points back to, so it is
defined once here. Lines and columns are 1-based; columns count characters (not
bytes), which is what an editor shows.
"""

from __future__ import annotations

import bisect
import os
from typing import Any, BinaryIO, NamedTuple

import attrs


class Span(NamedTuple):
    """A half-open character range [start, end) with its 1-based start and end positions.

    A NamedTuple rather than an attrs class: the parser makes ~250 000 of them per MB
    of contracts, and a tuple is created in half the time of a frozen attrs instance.
    """

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@attrs.frozen
class SourceFile:
    """The text of one contract and the name it is reported under."""

    name: str
    text: str
    _line_starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        object.__setattr__(self, "_line_starts", tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        """A span from offsets, with its line and column positions filled in."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(start, end, line, column, end_line, end_column)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        if not 1 <= line <= len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        text = self.text[start:] if end == -1 else self.text[start:end]
        return text.rstrip("\r")

    @property
    def line_count(self) -> int:
        return len(self._line_starts)


def stdin_handle() -> BinaryIO:
    """Standard input as bytes, for `-`; a UsageError when there is none (`<&-`)."""
    import sys

    from tacl.errors import UsageError

    stream = sys.stdin
    if stream is None or getattr(stream, "buffer", None) is None:
        raise UsageError("standard input is closed; nothing to read for `-`")
    handle: BinaryIO = stream.buffer
    return handle


def read_stdin(limit: int = -1) -> bytes:
    """All of standard input (at most `limit` bytes); a UsageError if it is closed."""
    from tacl.errors import UsageError

    try:
        return stdin_handle().read(limit)
    except OSError as exc:
        raise UsageError(f"cannot read standard input: {exc.strerror or exc}") from None


def read_file(path: str | os.PathLike[str], limit: int = -1) -> bytes:
    """The bytes of a file a user named (at most `limit`); OSError for any name that cannot
    be one: a NUL character or a lone surrogate is an OSError here, not a ValueError."""
    import errno

    try:
        with open(path, "rb") as handle:
            return handle.read(limit)
    except UnicodeEncodeError:  # before ValueError, of which it is a kind
        raise OSError(errno.EINVAL, "the name is not valid Unicode (a lone surrogate)") from None
    except ValueError:  # "embedded null byte"
        raise OSError(errno.EINVAL, "the name holds a NUL character") from None
