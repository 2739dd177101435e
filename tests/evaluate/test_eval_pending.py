"""`pending` (language-v2.md §1): what is not yet due neither passes nor lacks evidence.

A clause is pending when its deadline lies after the evaluation date and the report
records no sign of the event it waits for. Pending clauses do not make a verdict
inconclusive: a clean pre-shipment inspection before the ship date is compliant
(exit 0) and the verdict lists what is open and until when.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest

import tacl
from tacl.evaluate.report import load_file
from tacl.evaluate.text import render

ROOT = Path(__file__).resolve().parents[2]
LAMPS = ROOT / "examples" / "lamps" / "po.tacl"  # ship by 2026-03-15, no partial shipments
COMPLIANT = load_file(str(ROOT / "examples/lamps/reports/compliant.yaml"))[0]


def pre_shipment(date="2026-03-02", **shipment):
    """The lamps' compliant report as a pre-shipment inspection of goods not yet shipped."""
    report = copy.deepcopy(COMPLIANT)
    report["inspection"] = {"kind": "pre-shipment", "date": date}
    report["shipment"] = shipment
    return report


def find(verdict, clause):
    return next(f for f in verdict.findings if f.clause == clause)


@pytest.fixture(scope="module")
def lamps():
    return tacl.load(LAMPS)


def test_clean_pre_shipment_inspection_is_compliant(lamps):
    verdict = lamps.evaluate(pre_shipment())
    assert verdict.status == "compliant" and verdict.exit_code == 0
    ship_by = find(verdict, "shipment.ship-by")
    partial = find(verdict, "shipment.partial")
    assert (ship_by.status, partial.status) == ("pending", "pending")
    # 2026-03-15 − 2026-03-02 = 13 days
    assert (
        ship_by.message == "not shipped yet; open until 2026-03-15 (13 days left as of 2026-03-02)"
    )
    assert str(ship_by.until) == str(partial.until) == "2026-03-15"
    assert verdict.open == (ship_by, partial)
    assert verdict.claim.notes == (
        "no claim: every clause due so far passed; 2 clauses are still open",
    )


def test_pending_until_the_deadline_itself(lamps):
    on_the_day = lamps.evaluate(pre_shipment(date="2026-03-15"))
    assert find(on_the_day, "shipment.ship-by").status == "pending"
    assert "0 days left" in find(on_the_day, "shipment.ship-by").message
    after = lamps.evaluate(pre_shipment(date="2026-03-16"))
    assert find(after, "shipment.ship-by").status == "fail"  # a passed deadline is still v1's fail
    assert after.status == "noncompliant"


def test_as_of_decides_like_the_inspection_date(lamps):
    verdict = lamps.evaluate(pre_shipment(date="2026-03-02"), as_of="2026-03-20")
    assert find(verdict, "shipment.ship-by").status == "fail"
    assert find(verdict, "shipment.partial").status == "missing"  # not pending past the ship date


def test_a_recorded_event_is_never_pending(lamps):
    """The goods left when the report dates clearance or delivery or was made after delivery."""
    for shipment in ({"customs-cleared": "2026-03-10"}, {"delivered": "2026-03-12"}):
        verdict = lamps.evaluate(pre_shipment(**shipment))
        assert find(verdict, "shipment.ship-by").status == "missing"
        assert find(verdict, "shipment.partial").status == "missing"
        assert verdict.status == "inconclusive"
    post = copy.deepcopy(COMPLIANT)
    post["inspection"]["date"] = "2026-03-02"
    post["shipment"] = {}
    assert find(lamps.evaluate(post), "shipment.ship-by").status == "missing"


def test_shipped_without_partial_flag_is_missing(lamps):
    verdict = lamps.evaluate(pre_shipment(shipped="2026-03-10"))
    assert find(verdict, "shipment.ship-by").status == "pass"
    assert find(verdict, "shipment.partial").status == "missing"


def test_pending_with_a_fail_or_a_missing(lamps):
    failing = pre_shipment()
    failing["products"]["DL-200"]["weight"] = ["1.3 kg"]
    assert lamps.evaluate(failing).status == "noncompliant"
    lacking = pre_shipment()
    del failing["products"]["DL-200"]["weight"]
    del lacking["products"]["DL-200"]["weight"]
    verdict = lamps.evaluate(lacking)
    assert verdict.status == "inconclusive"
    assert find(verdict, "shipment.ship-by").status == "pending"


DELIVER = """contract "D-1" {
  currency USD
  shipment {
    ship by 2026-03-15
    deliver by 2026-04-20
    incoterm DAP "Hamburg"
  }
  product "P" {
    quantity 10 pcs
    unit price 1 USD
  }
}
"""


def test_deliver_by_is_pending_until_delivered():
    contract = tacl.compile_source(DELIVER)
    report = {
        "tacl-report": 1,
        "contract": "D-1",
        "inspection": {"kind": "pre-shipment", "date": "2026-03-20"},
        "shipment": {"shipped": "2026-03-14"},
        "products": {"P": {"quantity": 10}},
    }
    verdict = contract.evaluate(report, as_of="2026-04-01")
    deliver = find(verdict, "shipment.deliver-by")
    assert (deliver.status, str(deliver.until)) == ("pending", "2026-04-20")
    assert (
        deliver.message
        == "not delivered yet; open until 2026-04-20 (19 days left as of 2026-04-01)"
    )
    missing = {f.clause for f in verdict.findings if f.status == "missing"}
    assert verdict.status == "inconclusive" and missing == {  # the report gives no AQL counts
        "products.P.aql.critical",
        "products.P.aql.major",
        "products.P.aql.minor",
    }
    late = contract.evaluate(report, as_of="2026-04-21")
    assert find(late, "shipment.deliver-by").status == "fail"


def test_json_has_until_only_on_pending(lamps):
    data = lamps.evaluate(pre_shipment()).to_dict()
    by_clause = {f["clause"]: f for f in data["findings"]}
    assert list(by_clause["shipment.ship-by"]) == [
        "clause",
        "status",
        "expected",
        "actual",
        "message",
        "until",
        "location",
    ]
    assert by_clause["shipment.ship-by"]["until"] == "2026-03-15"
    assert "until" not in by_clause["products.DL-200.weight"]


def test_text_says_what_is_open_and_until_when(lamps):
    text = render(lamps.evaluate(pre_shipment()), "r.yaml")
    assert text.startswith("r.yaml: COMPLIANT")
    assert "… shipment.ship-by" in text
    assert "Open: 2 clauses not yet due.\n  shipment.ship-by until 2026-03-15\n" in text
    assert "  shipment.partial until 2026-03-15\n" in text


def test_cli_exit_code_zero_for_a_clean_pre_shipment_inspection(tmp_path):
    import json

    report = tmp_path / "pre.json"
    report.write_text(json.dumps(pre_shipment()), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tacl.cli", "check", str(LAMPS), str(report), "--no-color"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "COMPLIANT" in done.stdout and "shipment.ship-by until 2026-03-15" in done.stdout
