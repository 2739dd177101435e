"""Shared output helpers for the verbs: the guarded standard streams, colour, diagnostics.

Every verb runs inside `run_guarded` (cli.py does it): standard output and standard
error are wrapped so that a failed write — a closed stream, a full disk, a pipe
whose reader went away — ends the verb with exit code 2 and one line on standard
error, never a traceback, and never with an exit code that means a verdict (1 is
"noncompliant" for `check`, "would reformat" for `fmt --check`). A new verb or
output format gets this by writing to `sys.stdout` / `sys.stderr` as usual.
"""

from __future__ import annotations

import errno
import os
import re
import sys

from tacl.errors import TaclError
from tacl.visible import visible


def use_color(stream, requested: bool | None = None) -> bool:
    """Colour never with NO_COLOR set (cli.md says never, so it wins even over --color);
    otherwise as asked with --color/--no-color, else only on a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if requested is not None:
        return requested
    return bool(getattr(stream, "isatty", lambda: False)())


def print_diagnostics(diagnostics, sources, stream=None, color: bool | None = None) -> None:
    from tacl.render.text import render_text

    stream = stream or sys.stdout
    stream.write(render_text(diagnostics, sources, color=use_color(stream, color)))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _unescaped(text: str) -> str:
    """`text` with each lone surrogate (a file name that is not UTF-8) spelled `\\udcff`,
    which in JSON is the exact escape of that name (Python's `os.fsencode(json.loads(...))`
    gives its bytes). UTF-8 refuses exactly the surrogates, and trying it is ~5x faster
    than searching for them, so the search runs only when there is one to find."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def utf8(text: str) -> bytes:
    """`text` as `GuardedStream.write` would write it to a UTF-8 stream, for `write_utf8`:
    a worker process encodes its output once, and the parent only copies bytes."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _unescaped(text).encode("utf-8")


def ready_to_write(results, rank, before: str = "", after: str = "") -> tuple[list, int]:
    """A run of `(text or None, exit code, message for standard error)` as a worker
    returns it to the parent: `([(message, UTF-8 bytes, how many texts), ...], worst
    code by rank)`, each text written `before + text + after`. A message starts a new
    piece, so that written piece by piece — message, then bytes — the two streams get
    what one result at a time would have written, in the same order."""
    pieces: list = []
    message, parts = "", []
    worst = 0
    for text, code, said in results:
        worst = max(worst, code, key=rank)
        if said:
            if message or parts:
                pieces.append((message, b"".join(parts), len(parts)))
            message, parts = said, []
        if text is not None:
            parts.append(utf8(before + text + after))
    pieces.append((message, b"".join(parts), len(parts)))
    return pieces, worst


def write_utf8(stream, data: bytes) -> None:
    """Write what `utf8()` made to `stream` (a `GuardedStream`, or any text stream)."""
    if isinstance(stream, GuardedStream):
        stream.write_utf8(data)
    else:
        stream.write(data.decode("utf-8"))


class OutputError(TaclError):
    """Standard output or standard error could not be written (closed, full disk, EPIPE)."""


class GuardedStream:
    """A text stream whose failed writes are an `OutputError`, never an OSError traceback.

    `run_guarded` puts one around standard output and standard error for the whole
    of a verb, so every renderer and every verb, present and future, gets it; a
    closed stream (`>&-`: `sys.stdout` is None) fails on its first write. Text that
    the stream's encoding cannot hold (a lone surrogate from a file name that is
    not UTF-8) is written with backslash escapes rather than lost.
    """

    def __init__(self, stream, what: str):
        self._stream = stream
        self._what = what
        self._text = True  # may hold text not yet flushed (since the last `write_utf8`)
        self._binary = _binary_sink(stream)

    def write_utf8(self, data: bytes) -> None:
        """Write `utf8(text)`: the bytes themselves, straight to the binary buffer under
        the text layer, when that layer would have encoded `text` to those very bytes
        (UTF-8, no newline translation); else as text. What the text layer still holds
        is flushed first, so the order of everything written stays as it was."""
        sink = self._binary
        if sink is None:
            self.write(data.decode("utf-8"))
            return
        try:
            if self._text:
                self._stream.flush()
                self._text = False
            view = memoryview(data)
            while view:  # an unbuffered (`python -u`) stream may take part of it
                written = sink.write(view)
                if not written:  # a non-blocking stream that is full
                    raise BlockingIOError(errno.EAGAIN, os.strerror(errno.EAGAIN))
                view = view[written:]
            if self._stream.line_buffering and b"\n" in data:
                sink.flush()
        except (OSError, ValueError) as exc:
            raise self._error(exc) from None

    def write(self, text: str) -> int:
        stream = self._stream
        if stream is None:
            if not text:
                return 0
            raise OutputError(f"cannot write to {self._what}: it is closed")
        text = _unescaped(text)
        self._text = True
        try:
            return stream.write(text)
        except UnicodeEncodeError:
            encoding = getattr(stream, "encoding", None) or "utf-8"
            safe = text.encode(encoding, "backslashreplace").decode(encoding)
            return self._write(safe)
        except (OSError, ValueError) as exc:  # ValueError: the stream object was closed
            raise self._error(exc) from None

    def _write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except (OSError, ValueError) as exc:
            raise self._error(exc) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except (OSError, ValueError) as exc:
            raise self._error(exc) from None

    def _error(self, exc: BaseException) -> OutputError:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return OutputError(f"cannot write to {self._what}: {reason}")

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def __getattr__(self, name: str):
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


def _binary_sink(stream):
    """The binary buffer under `stream` if writing UTF-8 bytes there is writing the text
    they encode: a UTF-8 `io.TextIOWrapper` that turns "\\n" into "\\n" (the platform's
    line separator, as standard output does unless told otherwise); else None."""
    import codecs
    import io

    if not isinstance(stream, io.TextIOWrapper) or os.linesep != "\n":
        return None
    try:
        if codecs.lookup(stream.encoding).name != "utf-8":
            return None
    except LookupError:
        return None
    return getattr(stream, "buffer", None)


def run_guarded(run) -> int:
    """Run a verb with guarded standard streams; its exit code, or 2 on any bad input or
    output error, said in one line on standard error (a terminal sees it made visible)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = GuardedStream(out, "standard output")
    sys.stderr = GuardedStream(err, "standard error")
    try:
        code = run()
        sys.stdout.flush()  # a full disk or a closed pipe shows up here, not at exit
    except OutputError as exc:
        _say(err, exc)
        _silence(out)
        code = 2
    except TaclError as exc:
        _say(err, exc)
        code = 2
    finally:
        sys.stdout, sys.stderr = out, err
    return code


def error_line(message: str) -> str:
    """`tacl: error: MESSAGE` for standard error, the message made visible."""
    return f"tacl: error: {visible(message)}\n"


def _say(stream, exc: BaseException) -> None:
    """The one error line, made visible; nothing if standard error itself is gone."""
    if stream is None:
        return
    try:
        stream.write(error_line(str(exc)))
        stream.flush()
    except (OSError, ValueError):
        pass


def _silence(stream) -> None:
    """Point a failed standard output at /dev/null, so the interpreter's final flush of
    what is still buffered does not fail a second time (and print a traceback)."""
    if stream is None:
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
