"""The two TACL 2 order examples, every number their verdicts print derived by hand.

examples/hoodies/: two colour shipments of fleece hoodies, one shared sample per
container, a defect list, a late penalty (pre-shipment protection).
examples/mouldings/: a blanket order of moulded parts in three call-offs, refunded
by affected goods, with a weekly penalty (post-delivery protection).

The golden verdict files beside the reports are written by the code; the numbers
here are worked out from the contracts in the comments and are never regenerated.
"""

from __future__ import annotations

import copy
import datetime
from pathlib import Path

import pytest

import tacl
from tacl.evaluate.report import load_file

ROOT = Path(__file__).resolve().parents[2]
HOODIES = ROOT / "examples" / "hoodies"
MOULDINGS = ROOT / "examples" / "mouldings"


def report(folder: Path, name: str) -> dict:
    return load_file(str(folder / "reports" / name))[0]


def find(verdict, clause):
    return next(f for f in verdict.findings if f.clause == clause)


def statuses(verdict) -> dict[str, str]:
    return {f.clause: f.status for f in verdict.findings}


@pytest.fixture(scope="module")
def hoodies():
    return tacl.load(HOODIES / "po.tacl")


@pytest.fixture(scope="module")
def mouldings():
    return tacl.load(MOULDINGS / "po.tacl")


# --- hoodies -----------------------------------------------------------------------------
#
# Order value: 3,000 × 11.40 EUR = 34,200.00 EUR; advance 30 % = 10,260.00 EUR;
# coverage limit 12,000 EUR. grey: 1,800 pcs × 11.40 = 20,520.00 EUR;
# green: 1,200 pcs × 11.40 = 13,680.00 EUR. Penalty 0.5 % a day, at most 5 %
# (green: 684.00 EUR); cancel after more than 21 days.


def test_hoodies_order_value_and_advance(hoodies):
    assert str(hoodies.order_value) == "34200.00"  # 3,000 × 11.40
    assert str(hoodies.advance_payment) == "10260.00"  # 30 % of 34,200.00


def test_grey_pre_shipment_is_compliant_with_its_dates_open(hoodies):
    verdict = hoodies.evaluate(report(HOODIES, "grey-pre-shipment.yaml"))
    assert verdict.status == "compliant" and verdict.exit_code == 0
    assert verdict.scope == ("grey",)
    # only the grey shipment's clauses and the grey products' are in scope
    assert not any("green" in f.clause or "GRN" in f.clause for f in verdict.findings)
    assert [(f.clause, str(f.until)) for f in verdict.open] == [
        ("shipments.grey.ship-by", "2026-07-31"),
        ("shipments.grey.partial", "2026-07-31"),
    ]
    # 1,800 grey pieces, level II: Table 1 gives code letter K (1,201–3,200), n = 125;
    # Table 2-A at K: AQL 2.5 → Ac 7 / Re 8, AQL 4.0 → Ac 10 / Re 11, AQL 0 → Ac 0 / Re 1
    major = find(verdict, "shipments.grey.aql.major")
    assert major.expected == "AQL 2.5 at level II: code K, n=125, Ac 7 / Re 8"
    assert major.actual == "2 major defects in a sample of 125: open seam ×2"
    minor = find(verdict, "shipments.grey.aql.minor")
    # loose thread 4 + uneven stitching 1 + crooked label 1 (reported major, minor by contract)
    assert minor.actual == (
        "6 minor defects in a sample of 125: loose thread ×4, uneven stitching ×1, crooked label ×1"
    )
    assert '"crooked label" is reported as major but the contract classifies it minor' in (
        minor.message
    )
    assert find(verdict, "shipments.grey.aql.critical").status == "pass"
    # the goods lines are judged with the counted quantities of the covered shipment
    assert find(verdict, "shipments.grey.goods.HD320-HGR-M").actual == "800 pcs"
    assert verdict.remedies.late_penalties == () and verdict.remedies.total == "0.00"
    assert verdict.claim.late_shipments == ()


def test_grey_broken_needle_rejects_the_lot(hoodies):
    verdict = hoodies.evaluate(report(HOODIES, "grey-broken-needle.yaml"))
    critical = find(verdict, "shipments.grey.aql.critical")
    # "Broken needle" is "broken needle" (names compare like text): critical, Ac 0 / Re 1
    assert critical.status == "fail"
    assert critical.actual == "1 critical defect in a sample of 125: Broken needle ×1"
    claim = verdict.claim
    assert (claim.eligible, claim.grounds, claim.basis) == (True, ("quality",), "advance payment")
    assert (claim.amount, claim.capped) == ("10260.00", False)  # 30 % of 34,200.00 < 12,000
    # dispute opened 2026-07-22 + 10 days of response time
    assert claim.refund_application_from == datetime.date(2026, 8, 1)


def test_green_not_shipped_owes_a_provisional_penalty(hoodies):
    verdict = hoodies.evaluate(report(HOODIES, "green-not-shipped.yaml"))
    ship_by = find(verdict, "shipments.green.ship-by")
    assert ship_by.message == "not shipped by 2026-08-21: 5 days late as of 2026-08-26"
    claim = verdict.claim
    assert claim.grounds == ("late-shipment",) and claim.late_shipments == ("green",)
    assert claim.amount == "10260.00"
    (penalty,) = verdict.remedies.late_penalties
    # 2026-08-26 − 2026-08-21 = 5 days; 13,680.00 × 0.5 % × 5 = 342.00 (cap 684.00)
    assert (penalty.shipment, penalty.days_late, penalty.amount) == ("green", 5, "342.00")
    assert (penalty.capped, penalty.provisional) == (False, True)
    assert verdict.remedies.cancel_right is False  # 5 days is not more than 21
    assert verdict.remedies.total == "342.00"


def test_green_still_not_shipped_later_is_capped_and_may_be_cancelled(hoodies):
    verdict = hoodies.evaluate(report(HOODIES, "green-not-shipped.yaml"), as_of="2026-09-15")
    (penalty,) = verdict.remedies.late_penalties
    # 2026-09-15 − 2026-08-21 = 25 days; 0.5 % × 25 = 12.5 % > 5 %: 5 % of 13,680.00 = 684.00
    assert (penalty.days_late, penalty.amount, penalty.capped) == (25, "684.00", True)
    assert verdict.remedies.cancel_right is True  # 25 days is more than 21


def test_green_shipped_late_penalty_is_capped(hoodies):
    verdict = hoodies.evaluate(report(HOODIES, "green-shipped-late.yaml"))
    assert find(verdict, "shipments.green.ship-by").message == "shipped 14 days late"
    (penalty,) = verdict.remedies.late_penalties
    # 2026-09-04 − 2026-08-21 = 14 days; 13,680.00 × 0.5 % × 14 = 957.60 > 684.00 (5 %)
    assert (penalty.days_late, penalty.amount) == (14, "684.00")
    assert (penalty.capped, penalty.provisional) == (True, False)
    # the supplier responded on 2026-09-08 without agreement: apply from that day
    assert verdict.claim.refund_application_from == datetime.date(2026, 9, 8)
    assert find(verdict, "shipments.green.partial").status == "pass"


def test_hoodies_text_output_names_the_amounts(hoodies):
    from tacl.evaluate.text import render

    text = render(hoodies.evaluate(report(HOODIES, "green-shipped-late.yaml")), "r.yaml")
    assert 'Scope: shipments "green".' in text
    assert (
        'Claim: eligible on the grounds of late shipment (shipment "green"); refund 10260.00 EUR'
        in (text)
    )
    assert "Remedies: 684.00 EUR owed besides any refund (the buyer chooses)." in text
    assert 'late penalty for shipment "green": 684.00 EUR (14 days late, capped)' in text


# --- mouldings ---------------------------------------------------------------------------
#
# Each call-off: 8,000 × 1.85 + 4,000 × 2.40 + 12,000 × 0.32 = 14,800.00 + 9,600.00
# + 3,840.00 = 28,240.00 USD; order 84,720.00 USD; advance 20 % = 16,944.00 USD.


def test_mouldings_order_value(mouldings):
    assert str(mouldings.order_value) == "84720.00"
    assert str(mouldings.advance_payment) == "16944.00"


def test_call_off_1_is_compliant_and_judges_only_its_goods(mouldings):
    verdict = mouldings.evaluate(report(MOULDINGS, "co-1-received.yaml"))
    assert verdict.status == "compliant"
    found = statuses(verdict)
    # not every call-off holding the SKUs is covered: the year's quantities are not judged
    assert "products.DPH-220-PP.quantity" not in found
    assert found["shipments.co-1.goods.DPH-220-PP"] == "pass"
    assert not any(c.startswith(("shipments.co-2", "shipments.co-3")) for c in found)
    # 8,000 housings and 4,000 bezels: code letter L (3,201–10,000), n = 200, AQL 0.65
    # Ac 3 / Re 4; 12,000 gears: code letter M (10,001–35,000), n = 315, AQL 0.65 Ac 5 / Re 6
    assert find(verdict, "products.CPB-310-ABS.aql.major").expected.endswith(
        "code L, n=200, Ac 3 / Re 4"
    )
    assert find(verdict, "products.GR-18-POM.aql.major").expected.endswith(
        "code M, n=315, Ac 5 / Re 6"
    )
    # delivered Monday 2026-04-20; 20 business days later is Monday 2026-05-18
    assert verdict.claim.window_closes == datetime.date(2026, 5, 18)
    assert verdict.remedies.total == "0.00"


def test_call_off_2_refunds_only_the_affected_bezels(mouldings):
    verdict = mouldings.evaluate(report(MOULDINGS, "co-2-bezel-clips.yaml"))
    failed = {f.clause for f in verdict.findings if f.status == "fail"}
    assert failed == {
        "products.CPB-310-ABS.dimension.clip height",
        "products.CPB-310-ABS.aql.major",
    }
    clips = find(verdict, "products.CPB-310-ABS.dimension.clip height")
    assert clips.message == "3 of 5 samples below 3.9 mm: 3.84 mm, 3.86 mm, 3.88 mm"
    major = find(verdict, "products.CPB-310-ABS.aql.major")
    assert major.message == "5 major defects: the plan rejects the lot at 4"  # Re 4 at L, 0.65
    # flow line 3 + light scratch 2 = 5 minor; AQL 2.5 at L: Ac 10 / Re 11
    assert find(verdict, "products.CPB-310-ABS.aql.minor").status == "pass"
    claim = verdict.claim
    # the bezels of call-off 2: 4,000 × 2.40 USD = 9,600.00 USD, below the 85,000 limit
    assert (claim.basis, claim.amount, claim.capped) == ("affected goods", "9600.00", False)
    # delivered Monday 2026-05-18 + 20 business days = Monday 2026-06-15
    assert claim.window_closes == datetime.date(2026, 6, 15)
    # dispute opened 2026-05-21 + 10 days
    assert claim.refund_application_from == datetime.date(2026, 5, 31)


def test_call_off_3_late_refunds_the_call_off_and_owes_weekly_penalty(mouldings):
    verdict = mouldings.evaluate(report(MOULDINGS, "co-3-late.yaml"))
    claim = verdict.claim
    assert claim.grounds == ("late-shipment",) and claim.late_shipments == ("co-3",)
    # the whole late call-off: 28,240.00 USD
    assert (claim.basis, claim.amount) == ("affected goods", "28240.00")
    (penalty,) = verdict.remedies.late_penalties
    # 2026-05-25 − 2026-05-15 = 10 days = 2 started weeks; 2 × 1 % × 28,240.00 = 564.80
    assert (penalty.shipment, penalty.days_late, penalty.amount) == ("co-3", 10, "564.80")
    assert penalty.capped is False  # cap 5 % = 1,412.00
    assert verdict.remedies.cancel_right is False  # 10 days is not more than 28
    assert claim.refund_application_from == datetime.date(2026, 7, 6)


PRE_SHIPMENT = ("protection post-delivery", "protection pre-shipment")


def pre_shipment_bezels(coverage: str = "85_000"):
    """The moulding contract under pre-shipment protection, and call-off 2's failures
    found at the factory before it shipped."""
    text = (MOULDINGS / "po.tacl").read_text("utf-8").replace(*PRE_SHIPMENT)
    text = text.replace("coverage limit 85_000 USD", f"coverage limit {coverage} USD")
    contract = tacl.compile_source(text, name="po.tacl")
    data = copy.deepcopy(report(MOULDINGS, "co-2-bezel-clips.yaml"))
    data["inspection"].update(kind="pre-shipment", date="2026-04-08")
    data["shipments"]["co-2"] = {}
    return contract, data


def test_affected_goods_before_shipment_are_that_share_of_the_advance():
    contract, data = pre_shipment_bezels()
    verdict = contract.evaluate(data)
    assert find(verdict, "shipments.co-2.ship-by").status == "pending"
    # advance 16,944.00 × affected 9,600.00 ÷ order 84,720.00 = 1,920.00 USD
    assert (verdict.claim.basis, verdict.claim.amount) == ("affected goods", "1920.00")
    assert verdict.claim.capped is False


def test_capped_only_when_the_limit_lowers_the_amount():
    contract, data = pre_shipment_bezels(coverage="1_920")
    claim = contract.evaluate(data).claim
    assert (claim.amount, claim.capped) == ("1920.00", False)  # the limit equals the amount
    contract, data = pre_shipment_bezels(coverage="1_000")
    claim = contract.evaluate(data).claim
    assert (claim.amount, claim.capped) == ("1000.00", True)


# --- as a user runs it ---------------------------------------------------------------------


def test_cli_check_of_each_new_example_report(tmp_path):
    """Exit codes as the statuses say; a report naming an unknown shipment exits 2."""
    import subprocess
    import sys

    def run(contract, report_path):
        return subprocess.run(
            [sys.executable, "-m", "tacl.cli", "check", str(contract), str(report_path)],
            capture_output=True,
            text=True,
            encoding="utf-8",
        )

    assert run(HOODIES / "po.tacl", HOODIES / "reports" / "grey-pre-shipment.yaml").returncode == 0
    assert run(MOULDINGS / "po.tacl", MOULDINGS / "reports" / "co-3-late.yaml").returncode == 1
    bad = tmp_path / "bad.yaml"
    text = (MOULDINGS / "reports" / "co-1-received.yaml").read_text("utf-8")
    bad.write_text(text.replace("  co-1:\n", "  co-4:\n", 1), encoding="utf-8")
    done = run(MOULDINGS / "po.tacl", bad)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert 'shipments.co-4: the contract has no shipment "co-4"' in done.stderr
    assert 'its shipments are "co-1", "co-2", "co-3"' in done.stderr


def test_text_says_when_no_remedy_is_owed(mouldings):
    from tacl.evaluate.text import render

    text = render(mouldings.evaluate(report(MOULDINGS, "co-1-received.yaml")), "r.yaml")
    assert text.endswith("Remedies: none owed.\n")
    assert 'Scope: shipments "co-1".' in text
