"""The refund claim: grounds, void grounds, windows on the calendar, amounts, the dispute timeline."""

from __future__ import annotations

import datetime

import pytest

import tacl
from tacl.compile.ir import Duration
from tacl.evaluate.dates import add, add_business_days

D = datetime.date.fromisoformat


def contract(
    claims: str = "", protection: str = "post-delivery", money: str = "coverage limit 10000 USD"
):
    text = f"""contract "C-1" {{
  currency USD
  protection {protection}
  {money}
  advance payment 30 %
  shipment {{
    ship by 2026-03-15
  }}
  product "P" {{
    quantity 1000 pcs ± 2 %
    unit price 12.50 USD
    inspection {{
      aql major 2.5
    }}
  }}
  {claims}
}}
"""
    return tacl.compile_source(text, name="c.tacl")


def report(quantity=1000, shipped="2026-03-10", inspected="2026-04-24", **shipment):
    data = {
        "tacl-report": 1,
        "contract": "C-1",
        "inspection": {"kind": "post-delivery", "date": inspected},
        "shipment": {"shipped": shipped, **shipment} if shipped else dict(shipment),
        "products": {
            "P": {
                "quantity": quantity,
                "aql": {"lot-size": 1000, "sample-size": 80, "defects": {"major": 0}},
            }
        },
    }
    return data


# --- durations on the calendar ----------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "count", "end"),
    [
        ("2026-04-24", 1, "2026-04-27"),  # Friday + 1 → Monday
        ("2026-04-25", 1, "2026-04-27"),  # Saturday + 1 → Monday
        ("2026-04-25", 5, "2026-05-01"),  # Saturday + 5 → Friday, not Saturday
        ("2026-04-22", 5, "2026-04-29"),  # Wednesday + 5 → Wednesday
        ("2026-04-22", 6, "2026-04-30"),
        ("2026-01-30", 2, "2026-02-03"),  # across a month end and a weekend
        ("2026-02-27", 1, "2026-03-02"),
        ("2026-12-31", 10, "2027-01-14"),  # across a year end
    ],
)
def test_business_days(start, count, end):
    assert add_business_days(D(start), count) == D(end)


def test_business_days_agree_with_counting_one_by_one():
    start = D("2026-01-01")
    for offset in range(14):
        for count in range(1, 30):
            day, left = start + datetime.timedelta(days=offset), count
            walk = day
            while left:
                walk += datetime.timedelta(days=1)
                left -= walk.weekday() < 5
            assert add_business_days(day, count) == walk


def test_calendar_days_and_weeks_across_month_ends():
    assert add(D("2026-01-31"), Duration(1, "days")) == D("2026-02-01")
    assert add(D("2026-02-20"), Duration(15, "days")) == D("2026-03-07")
    assert add(D("2028-02-20"), Duration(15, "days")) == D("2028-03-06")  # leap year
    assert add(D("2026-12-25"), Duration(2, "weeks")) == D("2027-01-08")
    # past the end of the calendar: None ("beyond the calendar"), never a clamped 9999-12-31
    assert add(D("9999-12-30"), Duration(90, "days")) is None
    assert add(D("9999-12-30"), Duration(1, "days")) == datetime.date.max


# --- the window -------------------------------------------------------------------------


def test_window_is_the_earliest_computable_date():
    compiled = contract()  # default: 15 days after customs clearance or 90 days after shipment
    verdict = compiled.evaluate(
        report(975, "2026-03-10", "2026-04-24", **{"customs-cleared": "2026-04-20"})
    )
    assert verdict.claim.window_closes == D("2026-05-05")
    only_shipped = compiled.evaluate(report(975, "2026-03-10", "2026-04-24"))
    assert only_shipped.claim.window_closes == D("2026-06-08")


def test_last_day_of_the_window_is_included():
    compiled = contract("claims {\n    quality claim within 10 business days after delivery\n  }")
    # delivered Friday 2026-04-24: 10 business days → Friday 2026-05-08
    on_last_day = compiled.evaluate(report(975, inspected="2026-05-08", delivered="2026-04-24"))
    assert on_last_day.claim.window_closes == D("2026-05-08")
    assert on_last_day.claim.eligible and on_last_day.claim.grounds == ("quality",)
    day_after = compiled.evaluate(report(975, inspected="2026-05-09", delivered="2026-04-24"))
    assert not day_after.claim.eligible
    assert day_after.claim.void_grounds[0].ground == "quality"
    assert (
        "after the quality-claim window closed on 2026-05-08"
        in day_after.claim.void_grounds[0].reason
    )


def test_weeks_window():
    compiled = contract("claims {\n    quality claim within 2 weeks after delivery\n  }")
    verdict = compiled.evaluate(report(975, inspected="2026-05-08", delivered="2026-04-24"))
    assert verdict.claim.window_closes == D("2026-05-08")


def test_no_event_date_voids_quality_grounds_and_says_which_dates():
    compiled = contract()
    verdict = compiled.evaluate(report(975, shipped=None, inspected="2026-03-14"))
    assert verdict.status == "noncompliant"
    assert not verdict.claim.eligible and verdict.claim.window_closes is None
    reason = verdict.claim.void_grounds[0].reason
    assert "shipment.customs-cleared" in reason and "shipment.shipped" in reason


def test_late_shipment_ground_is_never_void_by_the_window():
    compiled = contract()
    verdict = compiled.evaluate(report(975, "2026-03-20", "2026-09-01"))
    assert verdict.claim.grounds == ("late-shipment",)
    assert [v.ground for v in verdict.claim.void_grounds] == ["quality"]
    assert verdict.claim.eligible


# --- pre-shipment ---------------------------------------------------------------------


def test_pre_shipment_basis_and_void():
    compiled = contract(protection="pre-shipment")
    before = report(975, shipped="2026-03-10", inspected="2026-03-09")
    before["inspection"]["kind"] = "pre-shipment"
    verdict = compiled.evaluate(before)
    assert verdict.claim.basis == "advance payment" and verdict.claim.amount == "3750.00"
    assert verdict.claim.window_closes is None
    on_day = compiled.evaluate(
        {**before, "inspection": {"kind": "pre-shipment", "date": "2026-03-10"}}
    )
    assert on_day.claim.eligible
    after = compiled.evaluate(
        {**before, "inspection": {"kind": "pre-shipment", "date": "2026-03-11"}}
    )
    assert not after.claim.eligible
    assert "after the goods shipped on 2026-03-10" in after.claim.void_grounds[0].reason
    not_shipped = report(975, shipped=None, inspected="2026-03-01")
    not_shipped["inspection"]["kind"] = "pre-shipment"
    assert compiled.evaluate(not_shipped).claim.eligible


def test_kind_mismatch_is_noted():
    compiled = contract()
    data = report(975)
    data["inspection"]["kind"] = "pre-shipment"
    notes = compiled.evaluate(data).claim.notes
    assert any("pre-shipment inspection" in n for n in notes)


# --- amounts ----------------------------------------------------------------------------


def test_cap_and_no_cap():
    capped = contract(money="coverage limit 10000 USD").evaluate(report(975)).claim
    assert (capped.amount, capped.capped, capped.currency) == ("10000.00", True, "USD")
    assert "refund capped by the coverage limit of 10000.00 USD" in capped.notes
    free = contract(money="coverage limit 20000 USD").evaluate(report(975)).claim
    assert (free.amount, free.capped) == ("12500.00", False)
    none = contract(money="").evaluate(report(975)).claim
    assert (none.amount, none.capped) == ("12500.00", False)


def test_not_eligible_claims_have_no_amount():
    claim = contract().evaluate(report(1000)).claim
    assert (claim.eligible, claim.amount, claim.basis) == (False, None, None)


# --- the dispute timeline -------------------------------------------------------------


def dispute(compiled, **fields):
    data = report(975)
    data["dispute"] = fields
    return compiled.evaluate(data).claim


def test_no_dispute_no_date():
    claim = dispute(contract())
    assert claim.refund_application_from is None
    assert any("open a dispute" in n for n in claim.notes)


def test_no_response_waits_for_the_response_time():
    assert dispute(contract(), opened="2026-04-29").refund_application_from == D("2026-05-14")
    assert dispute(
        contract(), opened="2026-04-29", **{"supplier-responded": None}
    ).refund_application_from == D("2026-05-14")


def test_business_day_response_time():
    compiled = contract("claims {\n    supplier response within 5 business days\n  }")
    # opened Friday 2026-05-01: 5 business days → Friday 2026-05-08
    assert dispute(compiled, opened="2026-05-01").refund_application_from == D("2026-05-08")


def test_response_without_agreement_opens_at_once():
    claim = dispute(
        contract(), opened="2026-04-29", **{"supplier-responded": "2026-05-02", "agreement": False}
    )
    assert claim.refund_application_from == D("2026-05-02")


def test_still_negotiating_is_null():
    claim = dispute(contract(), opened="2026-04-29", **{"supplier-responded": "2026-05-02"})
    assert claim.refund_application_from is None
    assert claim.eligible


def test_a_late_response_does_not_delay_the_refund():
    claim = dispute(contract(), opened="2026-04-29", **{"supplier-responded": "2026-05-20"})
    assert claim.refund_application_from == D("2026-05-14")


def test_agreement_ends_the_claim():
    claim = dispute(
        contract(), opened="2026-04-29", **{"supplier-responded": "2026-05-02", "agreement": True}
    )
    assert not claim.eligible and claim.refund_application_from is None
    assert any("settled" in n for n in claim.notes)


def test_post_delivery_claim_needs_the_inspection_inside_the_window():
    """An inspection before the goods shipped cannot ground a post-delivery quality claim."""
    compiled = contract()
    before = compiled.evaluate(report(quantity=900, shipped="2026-03-10", inspected="2026-03-05"))
    assert before.claim.eligible is False
    (void,) = before.claim.void_grounds
    assert void.ground == "quality" and "before the quality-claim window opened" in void.reason
    inside = compiled.evaluate(report(quantity=900, shipped="2026-03-10", inspected="2026-03-10"))
    assert inside.claim.eligible is True  # the opening day is inside the window


def test_deliver_by_without_a_delivery_date_after_a_post_delivery_inspection_is_missing():
    compiled = tacl.compile_source(
        'contract "C-2" {\n  currency USD\n  shipment {\n    deliver by 2026-03-20\n  }\n'
        '  product "P" {\n    quantity 10 pcs\n  }\n}\n'
    )
    data = report(shipped="2026-03-10", inspected="2026-04-24")
    data["contract"] = "C-2"
    data["products"]["P"] = {"quantity": 10}
    finding = next(f for f in compiled.evaluate(data).findings if f.clause == "shipment.deliver-by")
    assert finding.status == "missing" and "no delivery date" in finding.message
    data["inspection"]["kind"] = "pre-shipment"
    finding = next(f for f in compiled.evaluate(data).findings if f.clause == "shipment.deliver-by")
    assert finding.status == "fail"  # not delivered as of the inspection date, deadline past
