"""Durations on the calendar: days, weeks, and business days (Monday to Friday).

Business days know no public holidays: whose holidays (the buyer's, the
supplier's, the port's) would be a guess, and the language does not say. The
day a duration counts from is never counted itself; the last day is included in
the window it closes.
"""

from __future__ import annotations

import datetime

_DAY = datetime.timedelta(days=1)


def add_business_days(start: datetime.date, count: int) -> datetime.date:
    """The `count`-th Monday-to-Friday day after `start` (count >= 1)."""
    weeks, rest = divmod(count - 1, 5)
    day = start + datetime.timedelta(weeks=weeks)
    rest += 1
    while rest:
        day += _DAY
        if day.weekday() < 5:
            rest -= 1
    return day


def add(start: datetime.date, duration) -> datetime.date | None:
    """`start` + a contract Duration (`15 days`, `10 business days`, `2 weeks`).

    None when the result lies past 9999-12-31, the last day `datetime` (and TACL)
    counts: the caller says the date is beyond the calendar, never a clamped one.
    """
    try:
        if duration.unit == "business days":
            return add_business_days(start, duration.amount)
        days = duration.amount * (7 if duration.unit == "weeks" else 1)
        return start + datetime.timedelta(days=days)
    except OverflowError:
        return None


BEYOND = "after 9999-12-31, beyond the calendar TACL counts in"
