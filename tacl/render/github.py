"""`tacl lint --format github`: GitHub Actions workflow commands, one a line.

    ::error file=po.tacl,line=15,col=30,endLine=15,endColumn=33,title=E104 unknown-unit::unknown unit `mmm`%0Ahelp: did you mean `mm`?

Errors and warnings keep their names; notes become `::notice`. A diagnostic
without a span names only its file. The message (with its help on a second line)
is command data, escaped for `%`, CR and LF; property values are escaped for
`:` and `,` too, as the runner's own toolkit does (`@actions/core`).
"""

from __future__ import annotations

from collections.abc import Iterable

from tacl.diagnostics import NOTE, WARNING, Diagnostic
from tacl.render.json import ordered
from tacl.visible import visible

_COMMANDS = {WARNING: "warning", NOTE: "notice"}


def render_github(diagnostics: Iterable[Diagnostic]) -> str:
    """The workflow commands for these diagnostics, each ending in a newline."""
    return "".join(_command(d) + "\n" for d in ordered(diagnostics))


def _command(diagnostic: Diagnostic) -> str:
    properties = {"file": diagnostic.file}
    span = diagnostic.span
    if span is not None:
        properties.update(
            line=str(span.line),
            col=str(span.column),
            endLine=str(span.end_line),
            endColumn=str(span.end_column),
        )
    properties["title"] = f"{diagnostic.code} {diagnostic.rule}"
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = _visible_lines(diagnostic.message)  # the Actions log shows ANSI escapes
    if diagnostic.help:
        message += f"\nhelp: {_visible_lines(diagnostic.help)}"
    command = _COMMANDS.get(diagnostic.severity, "error")
    return f"::{command} {listed}::{escape_data(message)}"


def _visible_lines(text: str) -> str:
    """Each line made visible; the line breaks stay, escaped as `%0A` like any data."""
    return "\n".join(visible(line) for line in text.split("\n"))


def escape_data(text: str) -> str:
    """Escape a command's message: `%`, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, and also `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
