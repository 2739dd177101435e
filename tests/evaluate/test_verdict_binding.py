"""Issue 8 item 6: a verdict is bound to the contract's meaning, `location` to its file.

Two contracts equal by fingerprint — every example and its layout after `tacl fmt`
with its indentation and blank lines changed — give verdicts that are the same,
byte for byte, once `findings[].location` is set aside; and each location points
at the clause in the file that was evaluated (docs/verdicts.md §3).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tacl
from tacl.evaluate.report import load_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(
    (contract, report)
    for contract in (ROOT / "examples").glob("*/po.tacl")
    for report in sorted((contract.parent / "reports").glob("*"))
    if report.suffix in (".yaml", ".json") and not report.name.endswith(".verdict.json")
)


def _relaid(text: str) -> str:
    """Same meaning, other layout: deeper indentation and a blank line after each line."""
    return "\n".join(("  " + line + "\n") if line.strip() else line for line in text.split("\n"))


def _without_locations(verdict) -> str:
    data = verdict.to_dict()
    for finding in data["findings"]:
        finding.pop("location")
    return json.dumps(data, sort_keys=True)


@pytest.mark.parametrize(
    "contract_path, report_path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT / "examples"))
)
def test_equal_fingerprints_equal_verdicts_but_for_location(contract_path, report_path):
    text = contract_path.read_text("utf-8")
    original = tacl.compile_source(text, name="po.tacl")
    relaid = tacl.compile_source(_relaid(text), name="relaid.tacl")
    assert original.sha256 == relaid.sha256
    tree, _ = load_file(str(report_path))
    first, second = original.evaluate(tree), relaid.evaluate(tree)
    assert _without_locations(first) == _without_locations(second)
    relaid_lines = _relaid(text).split("\n")
    for one, two in zip(first.findings, second.findings):
        if one.location is None:
            continue
        assert two.location != one.location  # the layout changed: the pointer follows it
        original_line = text.split("\n")[one.location.line - 1]
        assert relaid_lines[two.location.line - 1].strip() == original_line.strip()
