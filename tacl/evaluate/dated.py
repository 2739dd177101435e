"""Checks of date-valued requirements (language-v2.md §7): production dates, best-before.

Each reported date (one per sample) must lie within the clause's absolute
bounds, or on or after the event's date plus the period. An event the report
gives no date for leaves the clause `pending` while the event is not yet due and
the report shows no sign of it (§1), and `missing` after that: the date itself
is not at fault.
"""

from __future__ import annotations

import datetime

from tacl.compile.ir import DeliverByClause, ShipByClause
from tacl.compile.requirements import DateClause
from tacl.evaluate.shipment import delivered_event, shipped_event
from tacl.evaluate.verdict import FAIL, MISSING, PASS, Finding, finding, pending
from tacl.standards.calendar import add_period

LISTED = 5


def _deadline(contract, event: str) -> tuple[datetime.date | None, str]:
    """When the event is due, and why: its own deadline, or else the goods' latest ship-by."""
    ship_by = [c.latest for c in contract.clauses if isinstance(c, ShipByClause)]
    if event == "delivery":
        deliver_by = [c.latest for c in contract.clauses if isinstance(c, DeliverByClause)]
        if deliver_by:
            return max(deliver_by), "the deliver-by date"
    if not ship_by:
        return None, ""
    return max(ship_by), "the ship-by date" if event == "shipment" else "the goods' ship-by date"


def _event_day(report, event: str) -> datetime.date | None:
    shipment = report.shipment
    return {
        "shipment": shipment.shipped,
        "customs clearance": shipment.customs_cleared,
        "delivery": shipment.delivered,
        "inspection": report.inspection.date,
    }[event]


def _happened(report, event: str) -> bool:
    if event == "delivery":
        return delivered_event(report)
    if event == "customs clearance":
        return report.shipment.customs_cleared is not None or delivered_event(report)
    return shipped_event(report)


class DateCheck:
    __slots__ = ("clause", "deadline", "why")

    def __init__(self, clause: DateClause, contract=None):
        self.clause = clause
        self.deadline, self.why = None, ""
        if clause.event is not None and contract is not None:
            self.deadline, self.why = _deadline(contract, clause.event)

    def check(self, evidence, ctx) -> Finding:
        clause = self.clause
        found = evidence.samples.get(clause.path)
        if not found:
            return finding(clause, MISSING, None, "no date in the report")
        actual = ", ".join(day.isoformat() for day in found[:10])
        actual += ", …" if len(found) > 10 else ""
        if clause.event is None:
            return self._bounds(found, actual, clause.earliest, clause.latest, "")
        day = _event_day(ctx.report, clause.event)
        if day is None:
            return self._no_event(ctx, actual)
        earliest = add_period(day, clause.amount, clause.period)
        unit = clause.period if clause.amount != 1 else clause.period[:-1]
        reason = f" ({clause.amount} {unit} after {clause.event} on {day.isoformat()})"
        return self._bounds(found, actual, earliest, None, reason)

    def _bounds(self, found, actual, earliest, latest, reason: str) -> Finding:
        early = [d for d in found if earliest is not None and d < earliest]
        late = [d for d in found if latest is not None and d > latest]
        wrong = early + late
        if not wrong:
            what = "the date is" if len(found) == 1 else f"all {len(found)} dates are"
            where = f"on or after {earliest.isoformat()}" if reason else "within the bounds"
            return finding(self.clause, PASS, actual, f"{what} {where}{reason}")
        parts = []
        if early:
            parts.append(f"{_listing(early)} before {earliest.isoformat()}")
        if late:
            parts.append(f"{_listing(late)} after {latest.isoformat()}")
        lead = "" if len(found) == 1 else f"{len(wrong)} of {len(found)} dates: "
        return finding(self.clause, FAIL, actual, lead + "; ".join(parts) + reason)

    def _no_event(self, ctx, actual: str) -> Finding:
        clause = self.clause
        event = clause.event
        due = self.deadline
        if due is not None and ctx.evaluation_date <= due and not _happened(ctx.report, event):
            message = f"waits for the {event} date; open until {self.why}, {due.isoformat()}"
            return pending(clause, due, message, actual)
        return finding(clause, MISSING, actual, f"the report gives no {event} date to count from")


def _listing(days) -> str:
    shown = ", ".join(day.isoformat() for day in days[:LISTED])
    return shown + (", …" if len(days) > LISTED else "")
