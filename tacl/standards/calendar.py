"""Periods on the calendar for date requirements: days, weeks and months.

A month added to a day lands on the same day of the later month, or on that
month's last day when it has no such day (language-v2.md §7): 31 January plus
one month is 28 February (29 in a leap year), 31 March plus one month is 30
April. Past the end of the calendar (year 9999) the result is the last day there
is, so a long period never raises.
"""

from __future__ import annotations

import calendar
import datetime

PERIODS = ("days", "weeks", "months")


def add_months(start: datetime.date, months: int) -> datetime.date:
    """`start` plus whole months, clamped to the month's last day."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    if year > datetime.MAXYEAR:
        return datetime.date.max
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(start.day, last))


def add_period(start: datetime.date, amount: int, unit: str) -> datetime.date:
    """`start` plus `amount` days, weeks or months."""
    if unit == "months":
        return add_months(start, amount)
    try:
        return start + datetime.timedelta(days=amount * (7 if unit == "weeks" else 1))
    except OverflowError:
        return datetime.date.max
