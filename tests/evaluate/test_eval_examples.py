"""Every example report against its golden verdict (`<report>.verdict.json` next to it).

Reports of any example (`examples/*/reports/*.yaml|json`) are picked up as they
are added; each is judged against its example's `po.tacl` (or the one `.tacl`
file of the folder). TACL_UPDATE_GOLDEN=1 rewrites the golden files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tacl
from tacl.evaluate.report import load_file

ROOT = Path(__file__).resolve().parents[2]
UPDATE = os.environ.get("TACL_UPDATE_GOLDEN") == "1"


def _reports() -> list[Path]:
    found = []
    for pattern in ("*.yaml", "*.yml", "*.json"):
        found.extend(ROOT.glob(f"examples/*/reports/{pattern}"))
    return sorted(p for p in found if not p.name.endswith(".verdict.json"))


def _contract_for(report: Path) -> Path:
    folder = report.parent.parent
    preferred = folder / "po.tacl"
    if preferred.exists():
        return preferred
    candidates = sorted(folder.glob("*.tacl"))
    assert len(candidates) == 1, f"{folder}: expected one .tacl file, found {candidates}"
    return candidates[0]


def _golden(report: Path) -> Path:
    return report.with_name(report.name.rsplit(".", 1)[0] + ".verdict.json")


REPORTS = _reports()


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: str(p.relative_to(ROOT / "examples")))
def test_example_report_matches_golden_verdict(report: Path) -> None:
    contract = tacl.load(_contract_for(report))
    name = report.relative_to(ROOT).as_posix()
    tree, _ = load_file(str(report))
    from tacl.evaluate.evaluator import evaluate

    text = evaluate(contract, tree, name=name).to_json()
    golden = _golden(report)
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    if not golden.exists():
        pytest.fail(f"{golden} is missing; write it with TACL_UPDATE_GOLDEN=1 and review it")
    assert text == golden.read_text(encoding="utf-8")


def test_lamps_has_one_report_per_status() -> None:
    statuses = {
        json.loads(_golden(r).read_text(encoding="utf-8"))["status"]
        for r in REPORTS
        if r.parent.parent.name == "lamps"
    }
    assert statuses == {"compliant", "noncompliant", "inconclusive"}


# One report of each example through a real process; the rest in-process above.
ONE_PER_EXAMPLE = list({report.parent.parent: report for report in REPORTS}.values())


@pytest.mark.parametrize("report", ONE_PER_EXAMPLE, ids=lambda p: p.parent.parent.name)
def test_cli_json_matches_golden(report: Path) -> None:
    """The installed command prints the golden verdict byte for byte (run from the root)."""
    name = report.relative_to(ROOT).as_posix()
    contract = _contract_for(report).relative_to(ROOT).as_posix()
    done = subprocess.run(
        [sys.executable, "-m", "tacl.cli", "check", contract, name, "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    expected = _golden(report).read_text(encoding="utf-8")
    assert done.stdout == expected
    status = json.loads(expected)["status"]
    assert done.returncode == {"compliant": 0, "noncompliant": 1, "inconclusive": 3}[status]
