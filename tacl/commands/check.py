"""`tacl check`: evaluate inspection reports against a contract; text or JSON verdicts.

Output shapes (docs/verdicts.md): one report gives one verdict object (indented);
several give a JSON array with one line per report, `{"report": NAME, "verdict":
{...}}` or, for a report that could not be read, `{"report": NAME, "error":
{"path": ..., "message": ...}}`.
Exit codes: 0 compliant, 1 noncompliant, 3 inconclusive, 2 usage or input error;
with several reports an input error wins, then noncompliant, then inconclusive.
"""

from __future__ import annotations

import json
import sys

from tacl.commands.files import read
from tacl.commands.output import print_diagnostics, use_color
from tacl.errors import ContractError, ReportError

INPUT_ERROR = 2
_RANK = {0: 0, 3: 1, 1: 2, INPUT_ERROR: 3}


def run(contract, reports, fmt="text", as_of=None, color=None) -> int:
    from tacl.evaluate.evaluator import parse_as_of
    from tacl.pipeline import compile_source_file

    day = parse_as_of(as_of)  # a bad date is a UsageError: exit 2 before reading anything
    try:
        source = read(contract)
        compiled = compile_source_file(source)
    except ContractError as exc:
        print_diagnostics(exc.diagnostics, exc.sources, stream=sys.stderr)
        return INPUT_ERROR
    if fmt == "html" and len(reports) > 1:
        sys.stderr.write(
            "tacl: error: --format html writes one evidence file per report; "
            "check one report at a time (tacl check po.tacl r.yaml --format html > r.html)\n"
        )
        return INPUT_ERROR
    if list(reports).count("-") + (contract == "-") > 1:
        sys.stderr.write("tacl: error: standard input (`-`) can be read only once\n")
        return INPUT_ERROR
    writer = _Writer(fmt, use_color(sys.stdout, color), len(reports) > 1, compiled, source)
    worst = 0
    for path in reports:  # one at a time: memory stays flat over thousands of reports
        name, result, code = _evaluate(compiled, path, day, fmt)
        writer.write(name, result, code)
        worst = max(worst, code, key=_RANK.__getitem__)
    writer.close()
    return worst


def _evaluate(contract, path: str, day, fmt: str = "text"):
    from tacl.evaluate.evaluator import evaluate
    from tacl.evaluate.report import load_file

    try:
        tree, name = load_file(path)
        if fmt == "html":  # the evidence file shows the report's own dates and samples
            from tacl.evaluate.report import read_report

            tree = read_report(contract, tree, name)
        verdict = evaluate(contract, tree, as_of=day, name=name)
    except ReportError as exc:
        shown = "<stdin>" if path == "-" else path
        where = f"{shown}: " if not str(exc).startswith(shown) else ""
        sys.stderr.write(f"tacl: error: {where}{exc}\n")
        return shown, exc, INPUT_ERROR
    if fmt == "html":
        return name, (tree, verdict), verdict.exit_code
    return name, verdict, verdict.exit_code


class _Writer:
    """Writes each verdict as it comes: one object, a streamed JSON array, or text."""

    def __init__(self, fmt: str, color: bool, several: bool, contract=None, source=None):
        self.fmt, self.color, self.several = fmt, color, several
        self.contract, self.source = contract, source
        self.count = 0
        self.out = sys.stdout

    def write(self, name, result, code) -> None:
        if self.fmt == "json":
            self._json(name, result, code)
        elif self.fmt == "html":
            if code != INPUT_ERROR:
                from tacl.render.evidence import render_evidence

                report, verdict = result
                self.out.write(
                    render_evidence(self.contract, self.source.text, report, verdict, name)
                )
        elif code != INPUT_ERROR:
            from tacl.evaluate.text import render

            self.out.write(("\n" if self.count else "") + render(result, name, self.color))
            self.count += 1

    def _json(self, name, result, code) -> None:
        if not self.several:
            if code != INPUT_ERROR:
                self.out.write(result.to_json())
            return
        # one compact line per report: the C encoder (indent=None) is ~10x faster, and
        # a line per report greps and streams well
        entry = json.dumps(_entry(name, result, code), ensure_ascii=False)
        self.out.write(("[\n" if not self.count else ",\n") + entry)
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json" and self.several:
            self.out.write("\n]\n" if self.count else "[]\n")


def _entry(name, result, code) -> dict:
    if code == INPUT_ERROR:
        return {"report": name, "error": {"path": result.path, "message": result.message}}
    return {"report": name, "verdict": result.to_dict()}
