"""Shared output helpers for the verbs: the guarded standard streams, colour, diagnostics.

Every verb runs inside `run_guarded` (cli.py does it): standard output and standard
error are wrapped so that a failed write — a closed stream, a full disk, a pipe
whose reader went away — ends the verb with exit code 2 and one line on standard
error, never a traceback, and never with an exit code that means a verdict (1 is
"noncompliant" for `check`, "would reformat" for `fmt --check`). A new verb or
output format gets this by writing to `sys.stdout` / `sys.stderr` as usual.
"""

from __future__ import annotations

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

    def write(self, text: str) -> int:
        stream = self._stream
        if stream is None:
            if not text:
                return 0
            raise OutputError(f"cannot write to {self._what}: it is closed")
        if not text.isascii() and _SURROGATE.search(text):
            # a file name that is not UTF-8: spelled `\udcff`, which in JSON is the exact
            # escape of that name (Python's `os.fsencode(json.loads(...))` gives its bytes)
            text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
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
