"""Shipment clauses: ship by / ship between, deliver by, no partial shipments.

Dates are whole days and compare exactly. A report without a shipment date
means the goods have not shipped: the clause fails once the evaluation date
(`--as-of`, else the inspection date) is past the deadline, and is `pending`
before then (language-v2.md §1), since the supplier may still ship in time.

`pending` applies only while the report records no sign of the event: a
customs-clearance or delivery date, or a post-delivery inspection, means the
goods did ship, so a missing `shipped` date is then only a missing date:
`missing`, before the deadline and after it alike, never a `fail` that would make
the late-shipment refund eligible for goods that may have shipped on time (issue
8 item 1; the report reader warns, R003). Without a delivery date the same holds for `deliver
by`: after a post-delivery inspection the goods have arrived and only the date
is missing, so the clause is `missing`, never a guessed `fail`.
"""

from __future__ import annotations

from tacl.evaluate.verdict import FAIL, MISSING, PASS, Finding, pending
from tacl.evaluate.verdict import finding as _finding


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def shipped_event(report, shipment: str | None = None) -> bool:
    """Whether the report records that a shipment's goods left, with or without a date.

    A post-delivery inspection of a shipment the inspection covers means its goods
    arrived, so they left too.
    """
    dates = report.dates(shipment)
    return (
        dates.shipped is not None
        or dates.customs_cleared is not None
        or dates.delivered is not None
        or (report.inspection.kind == "post-delivery" and report.covers(shipment))
    )


def delivered_event(report, shipment: str | None = None) -> bool:
    """Whether the report records that a shipment's goods arrived."""
    return report.dates(shipment).delivered is not None or (
        report.inspection.kind == "post-delivery" and report.covers(shipment)
    )


def _late(clause, ctx, day, verb: str, happened: bool) -> Finding | None:
    """The finding when `day` (the report's date) is absent or past the deadline, else None."""
    if day is None:
        return _not_yet(clause, ctx, verb, happened)
    if day > clause.latest:
        late = (day - clause.latest).days
        return _finding(clause, FAIL, day.isoformat(), f"{verb} {_days(late)} late")
    return None


def check_ship_by(clause, ctx) -> Finding:
    shipped = ctx.report.dates(clause.shipment).shipped
    late = _late(clause, ctx, shipped, "shipped", shipped_event(ctx.report, clause.shipment))
    if late is not None:
        return late
    actual = shipped.isoformat()
    if clause.earliest is not None and shipped < clause.earliest:
        early = (clause.earliest - shipped).days
        return _finding(clause, FAIL, actual, f"shipped {_days(early)} early")
    spare = (clause.latest - shipped).days
    message = (
        "shipped on the last day allowed"
        if not spare
        else f"shipped {_days(spare)} before the deadline"
    )
    return _finding(clause, PASS, actual, message)


def check_deliver_by(clause, ctx) -> Finding:
    delivered = ctx.report.dates(clause.shipment).delivered
    if delivered is None and ctx.report.inspection.kind == "post-delivery":
        # inspected after delivery, so the goods arrived; only the date is unknown
        where = clause.path.rpartition(".")[0]
        return _finding(
            clause,
            MISSING,
            None,
            f"inspected after delivery, but the report gives no delivery date ({where}.delivered)",
        )
    late = _late(clause, ctx, delivered, "delivered", delivered_event(ctx.report, clause.shipment))
    if late is not None:
        return late
    return _finding(clause, PASS, delivered.isoformat(), "delivered on time")


def _not_yet(clause, ctx, verb: str, happened: bool) -> Finding:
    """No date in the report: late once the evaluation date is past the deadline, unless
    the report shows the event happened (on a day it does not give): then `missing`."""
    today = ctx.evaluation_date
    if happened:
        return _finding(
            clause,
            MISSING,
            None,
            f"the report shows the goods {verb} but gives no date for it "
            f"(shipment.{verb}), so whether by {clause.latest.isoformat()} is unknown",
        )
    if today > clause.latest:
        late = (today - clause.latest).days
        return _finding(
            clause,
            FAIL,
            f"not {verb} as of {today.isoformat()}",
            f"not {verb} by {clause.latest.isoformat()}: {_days(late)} late as of {today.isoformat()}",
        )
    return pending(
        clause,
        clause.latest,
        f"not {verb} yet; open until {clause.latest.isoformat()} "
        f"({_days((clause.latest - today).days)} left as of {today.isoformat()})",
    )


def check_partial(clause, ctx, deadline=None, shipment=None) -> Finding:
    """`deadline` is the shipment's ship-by date: until then an unshipped order is pending."""
    partial = ctx.report.dates(shipment).partial
    if partial is None:
        if not shipped_event(ctx.report, shipment) and deadline is not None:
            if ctx.evaluation_date <= deadline:
                return pending(
                    clause,
                    deadline,
                    f"not shipped yet; whether it ships complete is open until {deadline.isoformat()}",
                )
        return _finding(
            clause, MISSING, None, "the report does not say whether the shipment was partial"
        )
    if partial:
        return _finding(
            clause,
            FAIL,
            "partial shipment",
            "the goods were shipped in part, which the contract does not allow",
        )
    return _finding(clause, PASS, "one complete shipment", "shipped complete")
