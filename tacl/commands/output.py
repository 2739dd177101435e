"""Shared output helpers for the verbs: colour decisions and printing diagnostics."""

from __future__ import annotations

import os
import sys


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
