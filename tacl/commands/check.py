"""`tacl check`: evaluate inspection reports against a contract; text or JSON verdicts.

Output shapes (docs/verdicts.md): one report gives one verdict object (indented);
several give a JSON array with one line per report, `{"report": NAME, "verdict":
{...}}` or, for a report that could not be read, `{"report": NAME, "error":
{"path": ..., "message": ...}}`.
Exit codes: 0 compliant, 1 noncompliant, 3 inconclusive, 2 usage or input error;
with several reports an input error wins, then noncompliant, then inconclusive.
`--jobs N` spreads the reports over N processes (tacl.batch); the output is the
same, in the same order. `--reports-from` is tacl/commands/check_lines.py.
"""

from __future__ import annotations

import json
import sys

from tacl.batch import ordered_chunks, state
from tacl.commands.files import read
from tacl.commands.output import (
    error_line,
    print_diagnostics,
    ready_to_write,
    use_color,
    utf8,
    write_utf8,
)
from tacl.errors import ContractError, ReportError, UsageError

INPUT_ERROR = 2
_RANK = {0: 0, 3: 1, 1: 2, INPUT_ERROR: 3}


def run(
    contract, reports, fmt="text", as_of=None, color=None, reports_from=None, jobs=1, verbose=False
) -> int:
    from tacl.evaluate.evaluator import parse_as_of
    from tacl.pipeline import compile_source_file

    day = parse_as_of(as_of)  # a bad date is a UsageError: exit 2 before reading anything
    reports = list(reports)
    if bool(reports) == bool(reports_from):
        raise UsageError(
            "give the reports as arguments or with --reports-from FILE.jsonl, not both"
            if reports
            else "no report to check: give report files or --reports-from FILE.jsonl"
        )
    if reports_from is not None and fmt == "html":
        raise UsageError("--reports-from writes JSON Lines; --format html takes one report file")
    try:
        source = read(contract)
        compiled = compile_source_file(source)
    except ContractError as exc:
        print_diagnostics(exc.diagnostics, exc.sources, stream=sys.stderr)
        return INPUT_ERROR
    if (reports + [reports_from]).count("-") + (contract == "-") > 1:
        sys.stderr.write("tacl: error: standard input (`-`) can be read only once\n")
        return INPUT_ERROR
    if reports_from is not None:
        from tacl.commands.check_lines import check_lines

        return check_lines(compiled, reports_from, day, jobs)
    if fmt == "html" and len(reports) > 1:
        sys.stderr.write(
            "tacl: error: --format html writes one evidence file per report; "
            "check one report at a time (tacl check po.tacl r.yaml --format html > r.html)\n"
        )
        return INPUT_ERROR
    several = len(reports) > 1
    _import_for_workers(fmt)
    state = (compiled, source, day, fmt, use_color(sys.stdout, color), several, verbose)
    tasks = [(path, _load_stdin() if path == "-" else None) for path in reports]
    writer = _Writer(fmt, several)
    worst = 0
    # each run of reports is read, judged and rendered by `_check_run`, on `jobs`
    # processes; what it returns is written here in the order given, so the output
    # never varies
    for pieces, code in ordered_chunks(_check_run, tasks, jobs, state=state):
        for message, data, bodies in pieces:
            sys.stderr.write(message)
            writer.write(data, bodies)
        worst = max(worst, code, key=_RANK.__getitem__)
    writer.close()
    return worst


def _import_for_workers(fmt: str) -> None:
    """What `_check_one` imports, imported before the workers are forked: once, here,
    rather than once in each worker (the serial run imports it all the same)."""
    import tacl.evaluate.report  # noqa: F401

    if fmt == "text":
        import tacl.evaluate.text  # noqa: F401


def _check_run(tasks) -> tuple[list, int]:
    """A run of reports' output, ready to write (`output.ready_to_write`). Each body
    comes after the separator (`_Writer.separator`); the writer takes the first off."""
    separator = _Writer.separator(state()[3], state()[5])
    return ready_to_write(map(_check_one, tasks), _RANK.__getitem__, before=separator)


def _load_stdin():
    """Standard input is read here, once: a worker process cannot read it."""
    from tacl.evaluate.report import load_file

    try:
        return load_file("-")
    except ReportError as exc:
        return exc


def _check_one(task) -> tuple[str | None, int, str]:
    """(what to print or None, exit code, message for standard error) for one report."""
    from tacl.evaluate.evaluator import evaluate
    from tacl.evaluate.report import load_file

    contract, source, day, fmt, color, several, verbose = state()
    path, loaded = task
    shown = "<stdin>" if path == "-" else path
    try:
        if isinstance(loaded, ReportError):
            raise loaded
        tree, name = loaded or load_file(path)
        if fmt == "html":  # the evidence file shows the report's own dates and samples
            from tacl.evaluate.report import read_report

            tree = read_report(contract, tree, name)
        verdict = evaluate(contract, tree, as_of=day, name=name)
    except ReportError as exc:
        where = f"{shown}: " if not str(exc).startswith(shown) else ""
        body = _json_entry(shown, exc, INPUT_ERROR) if fmt == "json" and several else None
        return body, INPUT_ERROR, error_line(f"{where}{exc}")
    body = _body(fmt, color, several, contract, source, name, tree, verdict, verbose)
    return body, verdict.exit_code, ""


def _body(fmt, color, several, contract, source, name, report, verdict, verbose=False) -> str:
    if fmt == "json":
        return _json_entry(name, verdict, verdict.exit_code) if several else verdict.to_json()
    if fmt == "html":
        from tacl.render.evidence import render_evidence

        return render_evidence(contract, source.text, report, verdict, name)
    from tacl.evaluate.text import render

    return render(verdict, name, color, verbose=verbose)


def _json_entry(name, result, code) -> str:
    # one compact line per report: the C encoder (indent=None) is ~10x faster, and
    # a line per report greps and streams well
    if code == INPUT_ERROR:
        entry = {"report": name, "error": {"path": result.path, "message": result.message}}
    else:
        entry = {"report": name, "verdict": result.to_dict()}
    return json.dumps(entry, ensure_ascii=False)


class _Writer:
    """Writes the reports' output as it comes: one object, a JSON array, or texts.

    Every body arrives with the separator before it (`_check_run`); the first one's is
    replaced by the opening (`[` of the JSON array), the others stay."""

    def __init__(self, fmt: str, several: bool):
        self.fmt, self.several = fmt, several
        self.count = 0
        self.cut = len(utf8(self.separator(fmt, several)))
        self.out = sys.stdout

    @staticmethod
    def separator(fmt: str, several: bool) -> str:
        if fmt == "json" and several:
            return ",\n"
        return "\n" if fmt == "text" else ""

    def write(self, data: bytes, bodies: int) -> None:
        if not bodies:
            return
        if not self.count:
            data = (b"[\n" if self.fmt == "json" and self.several else b"") + data[self.cut :]
        write_utf8(self.out, data)
        self.count += bodies

    def close(self) -> None:
        if self.fmt == "json" and self.several:
            self.out.write("\n]\n" if self.count else "[]\n")
