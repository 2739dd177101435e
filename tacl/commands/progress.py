"""A progress bar on standard error, drawn only when it is a terminal.

Standard output carries the results (often piped to a file), so the bar never
goes there; when standard error is not a terminal (CI logs, `2> file`) nothing
is drawn at all. It is redrawn at most ten times a second and erased at the end.
"""

from __future__ import annotations

import time

WIDTH = 24


class Progress:
    def __init__(self, stream, total_bytes: int | None, noun: str = "reports"):
        self.stream, self.total, self.noun = stream, total_bytes, noun
        self.on = bool(getattr(stream, "isatty", lambda: False)())
        self.done_bytes = self.count = 0
        self.started = self.drawn = time.monotonic()
        self.shown = False

    def read(self, size: int) -> None:
        self.done_bytes += size

    def advance(self, count: int = 1) -> None:
        self.count += count
        if self.on and time.monotonic() - self.drawn >= 0.1:
            self.draw()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = f"{self.count / elapsed:,.0f}/s"
        if self.total:
            share = min(self.done_bytes / self.total, 1.0)
            filled = int(share * WIDTH)
            bar = "#" * filled + "." * (WIDTH - filled)
            return f"[{bar}] {share:4.0%} {self.count:,} {self.noun} {rate}"
        return f"{self.count:,} {self.noun} {rate}"

    def draw(self) -> None:
        self.stream.write("\r" + self.line() + "\x1b[K")
        self.stream.flush()
        self.drawn, self.shown = time.monotonic(), True

    def clear(self) -> None:
        """Erase the bar, so that a message starts at the left margin."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.shown = False

    def close(self) -> None:
        self.clear()
        if self.on:
            self.stream.flush()
