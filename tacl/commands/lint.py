"""`tacl lint`: compile errors (and, with the lint rules, warnings and notes) per file."""

from __future__ import annotations

import sys

from tacl.commands.files import expand, read
from tacl.commands.output import use_color
from tacl.errors import ContractError
from tacl.pipeline import analyze


def run(
    paths, fmt="text", select=None, extend_select=None, ignore=None, statistics=False, color=None
) -> int:
    files = expand(paths)
    diagnostics, sources = [], {}
    for path in files:
        try:
            source = read(path)
        except ContractError as exc:
            diagnostics.extend(exc.diagnostics)
            continue
        sources[source.name] = source
        diagnostics.extend(analyze(source).diagnostics)
    sys.stdout.write(_render(fmt, diagnostics, sources, len(files), color))
    return 1 if any(d.severity != "note" for d in diagnostics) else 0


def _render(fmt, diagnostics, sources, count, color) -> str:
    if fmt == "json":
        from tacl.render.json import render_json

        return render_json(diagnostics)
    if fmt == "sarif":
        from tacl import __version__
        from tacl.render.sarif import render_sarif

        return render_sarif(diagnostics, [], __version__)
    if fmt == "github":
        from tacl.render.github import render_github

        return render_github(diagnostics)
    from tacl.render.text import render_text, summary_line

    text = render_text(diagnostics, sources, color=use_color(sys.stdout, color))
    return text + ("\n" if text else "") + summary_line(diagnostics, count) + "\n"
