"""`tacl check CONTRACT --reports-from FILE.jsonl`: a stream of reports, a stream of verdicts.

Each non-blank line of the input is one report as a JSON object. Each gives one
line of output, in input order, as JSON Lines:

    {"line": 17, "report": "day.jsonl:17", "verdict": {...}}
    {"line": 18, "report": "day.jsonl:18", "error": {"path": "...", "message": "..."}}

A line that is not a valid report (bad JSON, not an object, a report error) gets
an `error` line and a message on standard error naming its line number; the
stream goes on. The exit code is the worst over all lines, a bad line counting as
an input error (2), as with several report files. Blank lines are skipped.

Memory stays bounded however long the input: lines are read as the workers need
them (`tacl.batch.ordered_chunks`), and a line longer than a report may be
(`MAX_BYTES`) is skipped unread, as an error. On a terminal, standard error shows
a progress bar.
"""

from __future__ import annotations

import json
import os
import sys

from tacl.batch import ordered_chunks, state
from tacl.commands.output import error_line, ready_to_write, write_utf8
from tacl.commands.progress import Progress
from tacl.errors import ReportError
from tacl.source import stdin_handle

INPUT_ERROR = 2
_RANK = {0: 0, 3: 1, 1: 2, INPUT_ERROR: 3}
CHUNK = 64  # lines per task: enough to make a task worth sending to a worker


def check_lines(contract, path: str, day, jobs: int) -> int:
    from tacl.evaluate.report import MAX_BYTES

    shown = "<stdin>" if path == "-" else path
    try:
        handle = stdin_handle() if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        sys.stderr.write(error_line(f"cannot read `{path}`: {exc.strerror or exc}"))
        return INPUT_ERROR
    import tacl.evaluate.report  # noqa: F401  (before the workers are forked: imported once)

    progress = Progress(sys.stderr, _size(handle))
    worst = 0
    try:
        lines = _lines(handle, MAX_BYTES, progress)
        results = ordered_chunks(_check_run, lines, jobs, state=(contract, day, shown), chunk=CHUNK)
        for pieces, code in results:
            for message, data, count in pieces:
                if message:
                    progress.clear()
                    sys.stderr.write(message)
                write_utf8(sys.stdout, data)
                progress.advance(count)
            worst = max(worst, code, key=_RANK.__getitem__)
    finally:
        progress.close()
        if path != "-":
            handle.close()
    return worst


def _size(handle) -> int | None:
    try:
        return os.fstat(handle.fileno()).st_size or None
    except (OSError, ValueError, AttributeError):
        return None


def _lines(handle, limit: int, progress):
    """(line number, bytes or None if too long) of each non-blank line, read lazily."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        progress.read(len(raw))
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line unread
                raw = handle.readline(limit + 1)
                progress.read(len(raw))
            yield number, None
        elif raw.strip():
            yield number, raw


def _check_run(tasks) -> tuple[list, int]:
    """A run of lines' output, ready to write (`output.ready_to_write`)."""
    return ready_to_write(map(_check_line, tasks), _RANK.__getitem__, after="\n")


def _check_line(task) -> tuple[str, int, str]:
    """(output line, exit code, message for standard error) for one input line."""
    from tacl.evaluate.evaluator import evaluate
    from tacl.evaluate.report import MAX_BYTES, load_text

    contract, day, shown = state()
    number, raw = task
    name = f"{shown}:{number}"
    try:
        if raw is None:
            raise ReportError("", f"{name}: line longer than {MAX_BYTES:,} bytes")
        tree = load_text(raw, name, json_only=True)
        verdict = evaluate(contract, tree, as_of=day, name=name)
    except ReportError as exc:
        error = {"path": exc.path, "message": exc.message}
        where = "" if str(exc).startswith(name) else f"{name}: "
        entry = {"line": number, "report": name, "error": error}
        return json.dumps(entry, ensure_ascii=False), INPUT_ERROR, error_line(f"{where}{exc}")
    entry = {"line": number, "report": name, "verdict": verdict.to_dict()}
    return json.dumps(entry, ensure_ascii=False), verdict.exit_code, ""
