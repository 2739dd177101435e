"""Dates as values (language-v2.md §7): absolute bounds, periods after an event, pending.

The month rule is checked against an oracle written here with `datetime` alone
(stepping from the first of each month), not with the `calendar` module the
implementation uses.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tacl
from tacl.standards.calendar import add_months, add_period

D = datetime.date


def oracle_add_months(start: D, months: int) -> D:
    """Step to the first of the month `months` later, then take the day or the last day."""
    first = start.replace(day=1)
    for _ in range(months):
        first = (first + datetime.timedelta(days=32)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    last_day = (following - datetime.timedelta(days=1)).day
    return first.replace(day=min(start.day, last_day))


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # the 31st ends on the month's last day
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # leap year
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
        (D(2026, 8, 31), 18, D(2028, 2, 29)),
        (D(2026, 4, 22), 18, D(2027, 10, 22)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
    ],
)
def test_months_end_on_the_last_day(start, months, end) -> None:
    assert add_months(start, months) == end == oracle_add_months(start, months)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2400, 12, 31)), st.integers(0, 120))
def test_add_months_agrees_with_the_oracle(start: D, months: int) -> None:
    assert add_months(start, months) == oracle_add_months(start, months)


@given(st.dates(max_value=D(9000, 1, 1)), st.integers(1, 3660))
def test_days_and_weeks_are_plain_datetime_arithmetic(start: D, days: int) -> None:
    assert add_period(start, days, "days") == start + datetime.timedelta(days=days)
    assert add_period(start, days // 7 + 1, "weeks") == start + datetime.timedelta(
        weeks=days // 7 + 1
    )


def test_the_end_of_the_calendar_does_not_raise() -> None:
    assert add_months(D(9999, 6, 1), 12) == D.max
    assert add_period(D(9999, 12, 1), 60, "days") == D.max


CONTRACT = tacl.compile_source(
    """contract "D-2" {
  currency USD
  shipment {
    ship by 2026-06-12
    deliver by 2026-07-20
  }
  product "P" {
    spec "production date" on or after 2026-04-01
    spec "filled" between 2026-04-01 and 2026-05-31
    spec "best before" at least 18 months after delivery
    spec "expiry" at least 30 days after inspection
  }
}
""",
    name="d.tacl",
)


def finding(clause: str, value, kind="post-delivery", date="2026-08-10", **shipment):
    report = {
        "tacl-report": 1,
        "contract": "D-2",
        "inspection": {"kind": kind, "date": date},
        "shipment": shipment,
        "products": {"P": {"spec": {clause: value}}},
    }
    verdict = CONTRACT.evaluate(report)
    return next(f for f in verdict.findings if f.clause == f"products.P.spec.{clause}")


@pytest.mark.parametrize(
    ("value", "status"),
    [("2026-04-01", "pass"), ("2026-03-31", "fail"), (["2026-05-02", "2026-04-30"], "pass")],
)
def test_on_or_after(value, status) -> None:
    assert finding("production date", value).status == status


@pytest.mark.parametrize(
    ("value", "status"),
    [("2026-04-01", "pass"), ("2026-05-31", "pass"), ("2026-06-01", "fail")],
)
def test_between_dates_bounds_included(value, status) -> None:
    assert finding("filled", value).status == status


def test_a_period_after_delivery() -> None:
    # delivered 2026-04-22; + 18 months = 2027-10-22 (the oracle says so too)
    assert oracle_add_months(D(2026, 4, 22), 18) == D(2027, 10, 22)
    on = finding("best before", "2027-10-22", shipped="2026-03-01", delivered="2026-04-22")
    assert on.status == "pass"
    before = finding("best before", "2027-10-21", shipped="2026-03-01", delivered="2026-04-22")
    assert before.status == "fail"
    assert before.message == (
        "2027-10-21 before 2027-10-22 (18 months after delivery on 2026-04-22)"
    )


def test_a_period_from_the_31st() -> None:
    # delivered 2026-08-31: + 18 months = 2028-02-29 (leap year), not a day in March
    found = finding("best before", "2028-02-29", shipped="2026-07-01", delivered="2026-08-31")
    assert found.status == "pass"


def test_pending_while_the_event_is_not_due() -> None:
    # pre-shipment on 2026-06-01, nothing shipped: delivery due by 2026-07-20
    found = finding("best before", "2028-01-31", kind="pre-shipment", date="2026-06-01")
    assert (found.status, found.until) == ("pending", D(2026, 7, 20))


def test_missing_once_the_event_happened_without_its_date() -> None:
    # a post-delivery inspection says the goods arrived: the date is only missing
    found = finding("best before", "2028-01-31", date="2026-06-01")
    assert found.status == "missing"
    assert found.message == "the report gives no delivery date to count from"


def test_missing_after_the_deadline() -> None:
    found = finding("best before", "2028-01-31", kind="pre-shipment", date="2026-07-21")
    assert found.status == "missing"


def test_a_period_after_inspection_is_always_known() -> None:
    # inspected 2026-08-10: + 30 days = 2026-09-09
    assert finding("expiry", "2026-09-09").status == "pass"
    assert finding("expiry", "2026-09-08").status == "fail"


def test_a_report_date_must_exist() -> None:
    with pytest.raises(tacl.ReportError) as caught:
        finding("production date", "2026-02-30")
    assert caught.value.path == "products.P.spec.production date"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('spec "filled" between 2026-05-31 and 2026-04-01', "E203"),
        ('spec "best before" at least 0 months after delivery', "E214"),
        ('spec "best before" at least 121 months after delivery', "E214"),
        ('spec "production date" on or after 2026-02-30', "E201"),
    ],
)
def test_bad_date_requirements_are_located_errors(line: str, code: str) -> None:
    text = f'contract "D-3" {{\n  currency USD\n  product "P" {{\n    {line}\n  }}\n}}\n'
    with pytest.raises(tacl.ContractError) as caught:
        tacl.compile_source(text, name="d.tacl")
    (error,) = caught.value.diagnostics
    assert (error.code, error.span.line) == (code, 4)
