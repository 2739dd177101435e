"""Checks of appearance against a reference sample, and of documents (language-v2.md §9).

A document passes when received on or before the shipped date (a document due
`with shipment` travels with the goods: it too is due by the time they leave).
Not received while the goods have not shipped, it is `pending` until the ship-by
date; once they shipped, or the ship-by date passed, it fails. Received while
the report gives no shipped date but shows the goods left, it is `missing`: the
date to compare with is not there.
"""

from __future__ import annotations

import datetime

import tacl.paths as paths
from tacl.compile.ir import ShipByClause
from tacl.compile.requirements import AppearanceClause, DocumentClause
from tacl.evaluate.samples import NOT_RECEIVED
from tacl.evaluate.shipment import shipped_event
from tacl.evaluate.verdict import FAIL, MISSING, PASS, Finding, finding, pending


class AppearanceCheck:
    """Every unit compared matches the reference sample (`pass`, a list, or counts)."""

    __slots__ = ("clause",)

    def __init__(self, clause: AppearanceClause):
        self.clause = clause

    def check(self, evidence, ctx) -> Finding:
        clause = self.clause
        runs = evidence.samples.get(clause.path)
        if runs is None or not runs.units:
            return finding(clause, MISSING, None, "the report does not compare the goods with it")
        actual = "pass" if not runs.failed else "fail"
        if runs.units > 1:
            actual = f"{runs.passed} pass, {runs.failed} fail"
        if runs.failed:
            where = "" if runs.units == 1 else f" on {runs.failed} of {runs.units} units"
            return finding(clause, FAIL, actual, f"differs from `{clause.reference}`{where}")
        return finding(clause, PASS, actual, f"matches `{clause.reference}`")


def _ship_by(contract, shipment: str | None) -> datetime.date | None:
    """The document's deadline when not received: its shipment's ship-by date; for a
    contract-level document, the earliest one (it is needed before the first goods leave)."""
    prefix = paths.join("shipments", shipment) + "." if shipment is not None else ""
    dates = [
        c.latest
        for c in contract.clauses
        if isinstance(c, ShipByClause) and c.path.startswith(prefix)
    ]
    return min(dates) if dates else None


def _shipments(contract, shipment: str | None) -> tuple[str | None, ...]:
    """The shipments whose leaving the document is judged against (None: the unnamed one)."""
    if shipment is not None:
        return (shipment,)
    named = tuple(s.name for s in getattr(contract, "shipments", ()) if s.name is not None)
    return named or (None,)


class DocumentCheck:
    __slots__ = ("clause", "ship_by", "shipments")

    def __init__(self, clause: DocumentClause, contract=None):
        self.clause = clause
        self.ship_by = None if contract is None else _ship_by(contract, clause.shipment)
        self.shipments = _shipments(contract, clause.shipment)

    def check(self, evidence, ctx) -> Finding:
        clause = self.clause
        found = evidence.samples.get(clause.path)
        if not found:
            return finding(clause, MISSING, None, "the report does not say whether it was received")
        day = found[-1]
        report = ctx.report
        days = [report.dates(name).shipped for name in self.shipments]
        known = [d for d in days if d is not None]
        shipped = min(known) if known else None  # the first goods to leave
        left = any(shipped_event(report, name) for name in self.shipments)
        if day == NOT_RECEIVED:
            return self._not_received(ctx, shipped, left)
        actual = f"received {day.isoformat()}"
        if shipped is not None:
            if day <= shipped:
                return finding(
                    clause, PASS, actual, f"received before the goods shipped on {shipped}"
                )
            late = (day - shipped).days
            return finding(
                clause,
                FAIL,
                actual,
                f"received {late} day{'s' if late != 1 else ''} after shipment",
            )
        if left:
            return finding(
                clause, MISSING, actual, "the report gives no shipped date to compare with"
            )
        return finding(clause, PASS, actual, "received; the goods have not shipped yet")

    def _not_received(self, ctx, shipped, left: bool) -> Finding:
        clause, due = self.clause, self.ship_by
        actual = NOT_RECEIVED
        if left:
            when = f" on {shipped}" if shipped is not None else ""
            return finding(clause, FAIL, actual, f"not received, and the goods shipped{when}")
        if due is None:
            return finding(
                clause, MISSING, actual, "not received; the contract gives no ship-by date for it"
            )
        if ctx.evaluation_date <= due:
            when = "before the goods ship" if clause.due == "before" else "with the goods"
            return pending(clause, due, f"not received; due {when}, by {due}", actual)
        return finding(clause, FAIL, actual, f"not received, and the ship-by date {due} has passed")
