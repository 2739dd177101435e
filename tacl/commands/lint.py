"""`tacl lint`: compile and lint contracts, render the findings, choose the exit code.

Per file: read, compile, and — when it compiles — run the rules its config
enables (the nearest `[tool.tacl]`, overridden by the command line). Problems
in a config (unknown rule names) are reported once, however many files it
governs. Exit codes (cli.md): 0 clean or only notes, 1 warnings or errors,
2 usage error (raised as `UsageError`, which the CLI turns into exit 2).
"""

from __future__ import annotations

import sys
from collections import Counter

from tacl.commands.files import STDIN, expand, read
from tacl.commands.output import use_color
from tacl.diagnostics import NOTE
from tacl.errors import ContractError, UsageError
from tacl.source import SourceFile

FORMATS = ("text", "json", "sarif", "github")


def run(
    paths,
    fmt="text",
    select=None,
    extend_select=None,
    ignore=None,
    statistics=False,
    color=None,
    jobs=1,
) -> int:
    if fmt not in FORMATS:
        raise UsageError(f"unknown format `{fmt}`; use one of {', '.join(FORMATS)}")
    from tacl.lint.config import ConfigFinder, LintConfig

    cli = LintConfig.from_cli(select, extend_select, ignore)
    expanded = expand(paths)
    files = expanded.files
    diagnostics, sources = lint_files(files, cli, ConfigFinder(), jobs)
    diagnostics = expanded.problems + diagnostics  # unreadable folders and links: errors
    out = sys.stdout
    if statistics and fmt == "text":
        out.write(render_statistics(diagnostics))
        out.write(_summary(diagnostics, len(files)))
    else:
        out.write(_render(fmt, diagnostics, sources, len(files), color))
        if statistics:
            sys.stderr.write(render_statistics(diagnostics))
    return 1 if any(d.severity != NOTE for d in diagnostics) else 0


def lint_files(files, cli, finder, jobs: int = 1):
    """Every diagnostic of these files, config problems once each; and the sources read.

    Configs are found here; each file is read, compiled and linted by `_lint_one`,
    on `jobs` processes, and the results are gathered in the order of `files`.
    """
    from tacl.batch import ordered_map
    from tacl.lint.config import unique

    sources, problems, tasks = {}, [], []
    for path in files:
        config = finder.for_file(path).combine(cli)
        if config.source is not None:
            sources[config.source.name] = config.source
        problems.extend(config.resolve()[1])
        tasks.append((_read_stdin() if path == STDIN else path, config))
    diagnostics = []
    for found, read_sources in ordered_map(_lint_one, tasks, jobs):
        diagnostics.extend(found)
        sources.update(read_sources)
    if not files:
        problems.extend(cli.resolve()[1])
    return unique(problems) + diagnostics, sources


def _read_stdin():
    """Standard input is read here, once: a worker process cannot read it."""
    try:
        return read(STDIN)
    except ContractError as exc:
        return exc


def _lint_one(task) -> tuple[list, dict]:
    """(diagnostics, {name: source}) of one file: a path, stdin's source, or its error."""
    from tacl.lint.runner import lint_analysis
    from tacl.pipeline import analyze

    target, config = task
    try:
        if isinstance(target, ContractError):
            raise target
        source = target if isinstance(target, SourceFile) else read(target)
    except ContractError as exc:
        return list(exc.diagnostics), dict(exc.sources)
    return lint_analysis(analyze(source), config, with_config_problems=False), {source.name: source}


def render_statistics(diagnostics) -> str:
    """One line per rule: count, code, name — most frequent first, then by code."""
    counts = Counter((d.code, d.rule) for d in diagnostics)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    return "".join(f"{n:>{width}}  {code:<5} {rule}\n" for (code, rule), n in rows)


def _summary(diagnostics, count) -> str:
    from tacl.render.text import summary_line

    return summary_line(diagnostics, count) + "\n"


def _render(fmt, diagnostics, sources, count, color) -> str:
    if fmt == "json":
        from tacl.render.json import render_json

        return render_json(diagnostics)
    if fmt == "sarif":
        from tacl import __version__
        from tacl.lint.registry import sarif_rules
        from tacl.render.sarif import render_sarif

        return render_sarif(diagnostics, sarif_rules(), __version__)
    if fmt == "github":
        from tacl.render.github import render_github

        return render_github(diagnostics)
    from tacl.render.text import render_text

    text = render_text(diagnostics, sources, color=use_color(sys.stdout, color))
    return text + ("\n" if text else "") + _summary(diagnostics, count)
