"""Shared output helpers for the verbs: colour decisions and printing diagnostics."""

from __future__ import annotations

import os
import sys


def use_color(stream, requested: bool | None = None) -> bool:
    """Colour only on a terminal and never with NO_COLOR set, unless asked explicitly."""
    if requested is not None:
        return requested
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def print_diagnostics(diagnostics, sources, stream=None, color: bool | None = None) -> None:
    from tacl.render.text import render_text

    stream = stream or sys.stdout
    stream.write(render_text(diagnostics, sources, color=use_color(stream, color)))
