"""`tacl fmt`: rewrite contracts in canonical layout; `--check` and `--diff` change nothing.

Exit codes (cli.md): 0 done; 1 when `--check` finds a file that would change;
2 when a file has a syntax error, cannot be read, or the formatter's safety net
refused it (an internal error, reported with the file's name). Like Black and
Ruff, `--diff` alone exits 0; `--check --diff` prints the diff and exits 1.

Files are written only when their bytes change (a BOM or CRLF line endings
alone are a change). `-` reads standard input and writes the formatted text to
standard output. Messages go to standard error, so standard output carries only
the formatted text or the diff.
"""

from __future__ import annotations

import difflib
import sys

import attrs

from tacl.commands.files import STDIN, expand, read
from tacl.commands.output import error_line, print_diagnostics
from tacl.errors import ContractError
from tacl.fmt.formatter import FormatError, format_source
from tacl.pipeline import decode_source, read_source
from tacl.source import read_file
from tacl.visible import visible


@attrs.define
class _Tally:
    changed: list = attrs.Factory(list)
    unchanged: int = 0
    failed: int = 0
    unsearched: int = 0  # folders and links that could not be searched (errors too)


def run(paths, check: bool = False, diff: bool = False, jobs: int = 1) -> int:
    from tacl.batch import ordered_map

    tally = _Tally()
    expanded = expand(paths)
    files = expanded.files
    if expanded.problems:  # folders and links that could not be searched: errors too
        print_diagnostics(expanded.problems, {}, stream=sys.stderr)
        tally.unsearched = len(expanded.problems)
    tasks = [_read_stdin() if path == STDIN else path for path in files]
    # formatting runs on `jobs` processes; reports and writes happen here, in order
    for path, outcome in zip(files, ordered_map(_format_task, tasks, jobs)):
        _settle(path, outcome, check, diff, tally)
    if expanded.problems or any(path != STDIN for path in files):
        sys.stderr.write(_summary(tally, check or diff) + "\n")
    if tally.failed or tally.unsearched:
        return 2
    return 1 if check and tally.changed else 0


def _read_stdin():
    """Standard input is read here, once: a worker process cannot read it."""
    try:
        return _read(STDIN)
    except ContractError as exc:
        return exc


def _format_task(task) -> tuple:
    """Format one file (a path, or stdin's (source, text) or read error), printing nothing:
    ("ok", original, formatted), ("errors", diagnostics, source) or ("internal", message)."""
    source = None
    try:
        if isinstance(task, ContractError):
            raise task
        source, original = task if isinstance(task, tuple) else _read(task)
        result = format_source(source)
    except ContractError as exc:
        return "errors", exc.diagnostics, source
    except FormatError as exc:
        return "internal", str(exc), None
    if result.text is None:
        return "errors", result.diagnostics, source
    return "ok", original, result.text


def _settle(path: str, outcome: tuple, check: bool, diff: bool, tally: _Tally) -> None:
    kind, first, second = outcome
    if kind == "errors":
        _report(first, second, tally)
    elif kind == "internal":
        sys.stderr.write(f"tacl: internal error: {visible(first)}\n")
        tally.failed += 1
    else:
        _deliver(path, first, second, check, diff, tally)


def _deliver(path: str, original: str, text: str, check: bool, diff: bool, tally: _Tally) -> None:
    changed = text != original
    if changed:
        tally.changed.append(path)
    else:
        tally.unchanged += 1
    if diff and changed:
        sys.stdout.write(unified_diff(original, text, "<stdin>" if path == STDIN else path))
    if check and changed:
        sys.stderr.write(f"would reformat {'<stdin>' if path == STDIN else visible(path)}\n")
    if check or diff:
        return
    if path == STDIN:
        sys.stdout.write(text)
    elif changed:
        _write(path, original, text, tally)


def _write(path: str, original: str, text: str, tally: _Tally) -> None:
    """Replace the file atomically with its formatted text (see tacl/commands/replace.py)."""
    from tacl.commands.replace import ReplaceError, replace_file

    try:
        replace_file(path, text.encode("utf-8"), original.encode("utf-8"))
    except ReplaceError as exc:
        sys.stderr.write(error_line(str(exc)))
        tally.changed.remove(path)
        tally.failed += 1


def _read(path: str):
    """The decoded source and the file's text exactly as stored (BOM and CRLF kept)."""
    if path == STDIN:
        source = read(path)
        return source, source.text
    try:
        data = read_file(path)
    except OSError:
        return read_source(path), ""  # raises ContractError naming the problem
    source = decode_source(data, path)
    return source, data.decode("utf-8")


def _report(diagnostics, source, tally: _Tally) -> None:
    sources = {source.name: source} if source is not None else {}
    print_diagnostics(diagnostics, sources, stream=sys.stderr)
    tally.failed += 1


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff, marking a last line without a newline as `diff -u` does."""
    lines = difflib.unified_diff(_lines(before), _lines(after), name, name)
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _lines(text: str) -> list[str]:
    """Lines split at `\n` only: a string or comment may hold other line separators."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _summary(tally: _Tally, dry_run: bool) -> str:
    changed, unchanged = len(tally.changed), tally.unchanged
    verb = "would be reformatted" if dry_run else "reformatted"
    parts = []
    if changed or not (unchanged or tally.failed or tally.unsearched):
        parts.append(f"{_files(changed)} {verb}")
    if unchanged:
        parts.append(f"{_files(unchanged)} {'already formatted' if dry_run else 'left unchanged'}")
    if tally.failed:
        parts.append(f"{_files(tally.failed)} could not be formatted")
    if tally.unsearched:
        paths = "path" if tally.unsearched == 1 else "paths"
        parts.append(f"{tally.unsearched} {paths} could not be searched")
    return ", ".join(parts) + "."


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"
