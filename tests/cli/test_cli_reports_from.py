"""`tacl check CONTRACT --reports-from FILE.jsonl`: 1,000 reports in, 1,000 verdicts out.

The input mixes every example report of the lamps contract (as JSON, one a line)
with bad lines; the output must give, line for line and in order, exactly the
verdict the library gives for the same report, an error entry for each bad line
(and its line number on standard error), the same bytes with 1 or 2 processes,
and the worst exit code. The progress bar is drawn on a terminal only.
"""

from __future__ import annotations

import datetime
import io
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import tacl
from tacl.commands.progress import Progress
from tacl.evaluate.evaluator import evaluate

ROOT = Path(__file__).resolve().parents[2]
LAMPS = ROOT / "examples" / "lamps"
TACL = shutil.which("tacl", path=str(Path(sys.executable).parent)) or "tacl"
BAD = {7: "{not json", 100: "[1, 2, 3]", 555: '{"inspection": 12}', 999: "null"}


def _plain(value):
    """A YAML report as JSON-able data (dates as ISO text, as a report file holds them)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def day(tmp_path_factory) -> tuple[Path, list]:
    """1,000 lines: the example reports in turn, four bad lines, and a blank one."""
    reports = [
        _plain(yaml.safe_load(p.read_text("utf-8"))) for p in sorted(LAMPS.glob("reports/*.yaml"))
    ]
    reports += [
        json.loads(p.read_text("utf-8")) for p in sorted(LAMPS.glob("reports/quality.json"))
    ]
    lines = []
    for number in range(1, 1001):
        if number in BAD:
            lines.append(BAD[number])
        elif number == 500:
            lines.append("   ")
        else:
            lines.append(json.dumps(reports[number % len(reports)]))
    path = tmp_path_factory.mktemp("day") / "day.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path, lines


def run(*args, stdin=None) -> subprocess.CompletedProcess:
    return subprocess.run([TACL, *args], capture_output=True, text=True, input=stdin)


def test_a_thousand_reports_give_the_librarys_verdicts_in_order(day) -> None:
    path, lines = day
    result = run("check", str(LAMPS / "po.tacl"), "--reports-from", str(path), "--jobs", "2")
    assert result.returncode == 2  # bad lines are input errors, and they rank first
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [entry["line"] for entry in out] == [n for n in range(1, 1001) if n != 500]
    contract = tacl.load(LAMPS / "po.tacl")
    for entry in out:
        number = entry["line"]
        assert entry["report"] == f"{path}:{number}"
        if number in BAD:
            assert "error" in entry and "verdict" not in entry
            assert f"{path}:{number}" in result.stderr
            continue
        report = json.loads(lines[number - 1], parse_float=Decimal)
        expected = evaluate(contract, report, name=f"{path}:{number}").to_dict()
        assert entry["verdict"] == json.loads(json.dumps(expected, ensure_ascii=False))
    assert result.stderr.count("tacl: error:") == len(BAD)


def test_the_stream_is_the_same_with_one_process_or_two_and_from_stdin(day) -> None:
    path, _ = day
    contract = str(LAMPS / "po.tacl")
    two = run("check", contract, "--reports-from", str(path), "--jobs", "2")
    one = run("check", contract, "--reports-from", str(path), "--jobs", "1")
    assert (one.stdout, one.stderr, one.returncode) == (two.stdout, two.stderr, two.returncode)
    piped = run("check", contract, "--reports-from", "-", stdin=path.read_text("utf-8"))
    assert piped.stdout == one.stdout.replace(str(path), "<stdin>")


def test_only_good_lines_give_the_worst_verdicts_code(tmp_path: Path) -> None:
    good = json.loads((LAMPS / "reports" / "quality.json").read_text("utf-8"))
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(good) + "\n\n", "utf-8")
    result = run("check", str(LAMPS / "po.tacl"), "--reports-from", str(path))
    verdict = tacl.load(LAMPS / "po.tacl").evaluate(
        json.loads(json.dumps(good), parse_float=Decimal)
    )
    assert result.returncode == verdict.exit_code
    assert len(result.stdout.splitlines()) == 1 and result.stderr == ""


@pytest.mark.parametrize(
    "args, message",
    [
        (["r.yaml", "--reports-from", "x.jsonl"], "not both"),
        ([], "no report to check"),
        (["--reports-from", "x.jsonl", "--format", "html"], "JSON Lines"),
    ],
)
def test_reports_and_reports_from_are_one_or_the_other(args, message) -> None:
    result = run("check", str(LAMPS / "po.tacl"), *args)
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_input_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run("check", str(LAMPS / "po.tacl"), "--reports-from", str(tmp_path / "none.jsonl"))
    assert result.returncode == 2 and "cannot read" in result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_erased_at_the_end() -> None:
    piped = io.StringIO()
    bar = Progress(piped, 1000)
    bar.read(500)
    bar.advance()
    bar.draw() if bar.on else None
    bar.close()
    assert piped.getvalue() == ""
    screen = _Terminal()
    bar = Progress(screen, 1000)
    bar.read(500)
    bar.advance()
    bar.draw()
    assert "50%" in screen.getvalue() and "1 reports" in screen.getvalue()
    bar.close()
    assert screen.getvalue().endswith("\r\x1b[K")
