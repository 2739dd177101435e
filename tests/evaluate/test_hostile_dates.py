"""Issue 8 items 1 and 5: dates that contradict each other or the contract.

A report that proves the goods left but omits `shipped` judges no ship-by clause
(R003); a dispute or inspection before the contract was signed, or `--as-of`
before it, is an error; a dispute opened before the goods shipped is a warning
(R004) and never gives a refund date before the goods shipped; a date past year
9999 is said to be beyond the calendar, never clamped.
"""

from __future__ import annotations

import copy
import datetime
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tacl
from tacl.evaluate.report import load_text

ROOT = Path(__file__).resolve().parents[2]
LAMPS = ROOT / "examples" / "lamps"
TACL = shutil.which("tacl", path=str(Path(sys.executable).parent)) or "tacl"
D = datetime.date.fromisoformat


QUALITY = json.loads((LAMPS / "reports" / "quality.json").read_text("utf-8"))


@pytest.fixture
def quality():
    """The noncompliant lamp report (quality grounds), fresh: a claim to test dates on."""
    return copy.deepcopy(QUALITY)


def _finding(verdict, clause):
    return next(f for f in verdict.findings if f.clause == clause)


def test_the_reproducer_compliant_lamps_without_shipped(lamps):
    """Was: ship-by failed 40 days late and the full late-shipment refund was eligible."""
    text = (LAMPS / "reports" / "compliant.yaml").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.strip().startswith("shipped:")]
    verdict = lamps.evaluate(load_text("\n".join(lines) + "\n", "compliant.yaml"))
    ship_by = _finding(verdict, "shipment.ship-by")
    assert ship_by.status == "missing" and "gives no date" in ship_by.message
    assert verdict.status == "inconclusive"
    assert not verdict.claim.eligible
    (warning,) = [w for w in verdict.warnings if w.code == "R003"]
    assert "shipment.customs-cleared" in warning.message


def test_a_dispute_before_signing_is_an_error(lamps, quality):
    quality["dispute"] = {"opened": "2026-01-09"}  # signed 2026-01-10
    with pytest.raises(tacl.ReportError) as info:
        lamps.evaluate(quality)
    assert info.value.path == "dispute.opened"
    assert "before the contract was signed on 2026-01-10" in info.value.message


def test_an_inspection_before_signing_is_an_error(lamps, quality):
    quality["inspection"]["date"] = "2025-12-31"
    with pytest.raises(tacl.ReportError) as info:
        lamps.evaluate(quality)
    assert info.value.path == "inspection.date"


def test_as_of_before_signing_is_a_usage_error(lamps, quality):
    with pytest.raises(tacl.UsageError, match="before the contract was signed"):
        lamps.evaluate(quality, as_of="2026-01-09")
    done = subprocess.run(
        [TACL, "check", "po.tacl", "reports/quality.json", "--as-of", "2025-06-01"],
        cwd=LAMPS,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "--as-of 2025-06-01 is before the contract was signed" in done.stderr


def test_a_dispute_before_shipping_warns_and_the_refund_waits_for_shipment(lamps, quality):
    # shipped 2026-03-12; opened 2026-03-01 + 15 days response = 2026-03-16, after shipping;
    # opened 2026-02-01 + 15 = 2026-02-16, before shipping: the refund date is 2026-03-12
    quality["dispute"] = {"opened": "2026-02-01"}
    verdict = lamps.evaluate(quality)
    assert any(w.code == "R004" for w in verdict.warnings)
    assert verdict.claim.refund_application_from == D("2026-03-12")
    assert any("before the goods shipped on 2026-03-12" in n for n in verdict.claim.notes)


DAYS = st.dates(min_value=D("2026-01-10"), max_value=D("2026-12-31"))


@settings(max_examples=300, deadline=None)
@given(DAYS, DAYS, st.one_of(st.none(), DAYS), st.sampled_from([None, False, True]))
def test_a_refund_date_is_never_before_the_goods_shipped(
    lamps, shipped, opened, responded, agreement
):
    report = copy.deepcopy(QUALITY)
    report["shipment"] = {"shipped": shipped.isoformat(), "partial": False}
    report["inspection"]["date"] = max(shipped, D("2026-04-28")).isoformat()
    dispute = {"opened": opened.isoformat()}
    if responded is not None and responded >= opened:
        dispute["supplier-responded"] = responded.isoformat()
    if agreement is not None:
        dispute["agreement"] = agreement
    report["dispute"] = dispute
    claim = lamps.evaluate(report).claim
    if claim.refund_application_from is not None:
        assert claim.refund_application_from >= shipped


def _far_claim(response: str, report: dict, shipment: dict, inspected: str, dispute=None):
    """The claim of the lamps' quality report moved to the calendar's end (year 9999)."""
    text = (LAMPS / "po.tacl").read_text("utf-8")
    text = text.replace("supplier response within 15 days", f"supplier response within {response}")
    text = text.replace("ship by 2026-03-15", "ship by 9999-12-31")
    contract = tacl.compile_source(text, name="far.tacl")
    report.pop("contract-sha256")
    report["shipment"] = shipment
    report["inspection"]["date"] = inspected
    report.pop("dispute", None)
    if dispute is not None:
        report["dispute"] = dispute
    return contract.evaluate(report).claim


def test_a_refund_date_past_year_9999_is_beyond_the_calendar(quality):
    claim = _far_claim(
        "30 days",
        quality,
        {"shipped": "9999-11-01", "customs-cleared": "9999-12-01"},
        "9999-12-10",
        {"opened": "9999-12-20"},  # + 30 days is past 9999-12-31
    )
    assert claim.eligible
    assert claim.refund_application_from is None  # was 9999-12-31, clamped in silence
    assert any("beyond the calendar" in note for note in claim.notes)


def test_a_window_closing_past_year_9999_leaves_quality_grounds_standing(quality):
    # 90 days after shipment and 15 after customs clearance both end past the calendar
    claim = _far_claim(
        "15 days", quality, {"shipped": "9999-12-20", "customs-cleared": "9999-12-25"}, "9999-12-28"
    )
    assert "quality" in claim.grounds  # the window is open to the end of the calendar
    assert claim.window_closes is None
    assert any("beyond the calendar" in note for note in claim.notes)


def test_an_inspection_before_a_window_past_year_9999_opens_is_still_too_early(quality):
    # the window opens with the shipment on 9999-12-20 and closes past the calendar; an
    # inspection on 9999-12-19 is before it opens: the quality ground is void, not standing
    claim = _far_claim(
        "15 days", quality, {"shipped": "9999-12-20", "customs-cleared": "9999-12-25"}, "9999-12-19"
    )
    assert "quality" not in claim.grounds
    assert [v.ground for v in claim.void_grounds] == ["quality"]
    assert "before the quality-claim window opened on 9999-12-20" in claim.void_grounds[0].reason
