"""`tacl check` as a user runs it: formats, several reports, stdin, exit codes, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tacl.cli import main

ROOT = Path(__file__).resolve().parents[2]
PO = "examples/lamps/po.tacl"
REPORTS = "examples/lamps/reports/"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    """Report names are printed as given; the tests give them relative to the root."""
    monkeypatch.chdir(ROOT)


def run(*args, stdin=None):
    return CliRunner().invoke(main, ["check", *args], input=stdin)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("compliant.yaml", 0),
        ("late-shipment.yaml", 1),
        ("quality.json", 1),
        ("inconclusive.yaml", 3),
    ],
)
def test_exit_codes(name, code):
    assert run(PO, REPORTS + name).exit_code == code


def test_text_table_and_claim():
    result = run(PO, REPORTS + "late-shipment.yaml", "--no-color")
    out = result.output
    assert "NONCOMPLIANT" in out
    assert "✗ shipment.ship-by" in out and "shipped 3 days late" in out
    assert "✓ products.DL-200.quantity" not in out  # passes are a count, as in pytest
    assert "1 failed, 23 passed (--verbose lists the passed clauses)" in out
    verbose = run(PO, REPORTS + "late-shipment.yaml", "--no-color", "--verbose").output
    assert "✓ products.DL-200.quantity" in verbose
    assert "Claim: eligible on the grounds of late shipment; refund 10000.00 USD" in out
    assert "2026-05-14" in out
    assert "\x1b[" not in out


def test_colour_only_when_asked():
    assert "\x1b[31m" in run(PO, REPORTS + "late-shipment.yaml", "--color").output


def test_several_reports_give_a_list_and_the_worst_code():
    result = run(PO, REPORTS + "compliant.yaml", REPORTS + "inconclusive.yaml", "--format", "json")
    assert result.exit_code == 3
    data = json.loads(result.output)
    assert [entry["report"] for entry in data] == [
        REPORTS + "compliant.yaml",
        REPORTS + "inconclusive.yaml",
    ]
    assert [entry["verdict"]["status"] for entry in data] == ["compliant", "inconclusive"]
    assert run(PO, REPORTS + "compliant.yaml", REPORTS + "quality.json").exit_code == 1


def test_stdin(tmp_path):
    text = (ROOT / REPORTS / "quality.json").read_text(encoding="utf-8")
    result = run(PO, "-", "--format", "json", stdin=text)
    assert result.exit_code == 1
    assert json.loads(result.output)["status"] == "noncompliant"


def test_bad_report_is_exit_2_with_the_path(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "tacl-report: 1\ncontract: PO-2026-0412\ninspection: {kind: post-delivery, date: 2026-04-24}\nproducts: {DL-200: {weight: '1210'}}\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "tacl.cli", "check", PO, str(bad)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert 'products.DL-200.weight: "1210" has no unit' in result.stderr
    assert "Traceback" not in result.stderr


def test_one_bad_report_among_several(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"tacl-report": 1, "contract": "nope"}')
    result = run(PO, REPORTS + "compliant.yaml", str(bad), "--format", "json")
    assert result.exit_code == 2
    entries = json.loads(result.stdout)
    assert entries[1]["error"]["path"] == "contract"


def test_bad_contract_prints_diagnostics(tmp_path):
    contract = tmp_path / "po.tacl"
    contract.write_text('contract "X" {\n  product "P" {\n    weight 1 kgg\n  }\n}\n')
    result = subprocess.run(
        [sys.executable, "-m", "tacl.cli", "check", str(contract), REPORTS + "compliant.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "kgg" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("day", ["2026-13-01", "tomorrow", "2026-4-1", "2026-02-29"])
def test_bad_as_of(day):
    result = run(PO, REPORTS + "compliant.yaml", "--as-of", day)
    assert result.exit_code == 2
    assert "--as-of" in result.output


def test_as_of_changes_an_open_deadline(tmp_path):
    report = tmp_path / "r.yaml"
    report.write_text(
        "tacl-report: 1\ncontract: PO-2026-0412\ninspection: {kind: pre-shipment, date: 2026-03-10}\n"
    )
    assert run(PO, str(report), "--format", "json").exit_code == 3
    late = run(PO, str(report), "--format", "json", "--as-of", "2026-03-16")
    assert late.exit_code == 1
    assert json.loads(late.output)["as-of"] == "2026-03-16"


def test_missing_file():
    result = run(PO, "nope.yaml")
    assert result.exit_code == 2


def test_a_bad_report_on_stdin_is_named_stdin():
    from click.testing import CliRunner

    from tacl.cli import main

    lamps = str(Path(__file__).resolve().parents[2] / "examples" / "lamps" / "po.tacl")
    report = '{"tacl-report": 1, "contract": "PO-2026-0412", "inspection": {"date": "x"}}'
    result = CliRunner().invoke(main, ["check", lamps, "-"], input=report)
    assert result.exit_code == 2
    assert result.stderr.startswith("tacl: error: <stdin>: inspection.")
