"""The TACL 2 parts of the evidence file: shipments, the inspection's scope, remedies.

A contract with named shipments (the TACL 2 specification's §2) has one set of
dates per shipment, and an inspection may cover only some of them; a verdict may
owe late penalties, a right to cancel and rebates beside the refund claim (§5).
The evidence file shows each as a reader checks it: one row per shipment with
its dates and whether this inspection covers it, and one row per remedy with the
amount the verdict computed (never recomputed here), then the total and the
reasons an amount is unknown. Everything is read from the verdict and the report:
this module decides nothing.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

import tacl.paths as paths


class ShipmentRow(NamedTuple):
    """One named shipment as the report dates it."""

    name: str
    covered: bool
    shipped: datetime.date | None
    customs_cleared: datetime.date | None
    delivered: datetime.date | None
    late: bool  # its ship-by clause failed


class RemedyRow(NamedTuple):
    """One remedy the verdict owes: what, on what facts, and how much (None: unknown)."""

    what: str
    detail: str
    amount: str | None


def shipment_rows(contract, report, verdict) -> list[ShipmentRow]:
    """Each named shipment in contract order; [] for a contract with the one unnamed shipment."""
    if not getattr(contract, "named_shipments", False):
        return []
    failed = {f.clause for f in verdict.findings if f.status == "fail"}
    rows = []
    for shipment in contract.shipments:
        facts = report.dates(shipment.name)
        rows.append(
            ShipmentRow(
                shipment.name,
                report.covers(shipment.name),
                facts.shipped,
                facts.customs_cleared,
                facts.delivered,
                paths.join("shipments", shipment.name, "ship-by") in failed,
            )
        )
    return rows


def shipment_events(rows: list[ShipmentRow]) -> list[tuple[str, datetime.date, str]]:
    """The timeline's dates of named shipments, each labelled with the shipment's name."""
    found = []
    for row in rows:
        for label, day in (
            ("shipped", row.shipped),
            ("customs cleared", row.customs_cleared),
            ("delivered", row.delivered),
        ):
            if day is not None:
                kind = "late" if label == "shipped" and row.late else "report"
                found.append((f"{label} {row.name}", day, kind))
    return found


def remedy_rows(verdict) -> list[RemedyRow]:
    """The rows of the remedies table, in the verdict's order: penalties, cancel, rebates."""
    owed = getattr(verdict, "remedies", None)
    if owed is None:
        return []
    rows = []
    for late in owed.late_penalties:
        which = "the shipment" if late.shipment is None else f'shipment "{late.shipment}"'
        days = "days late unknown" if late.days_late is None else f"{late.days_late} days late"
        detail = days + (", capped" if late.capped else "")
        if late.provisional:
            detail += "; provisional: not shipped yet, so it grows until the goods ship"
        rows.append(RemedyRow(f"Late penalty, {which}", detail, late.amount))
    if owed.cancel_right:
        rows.append(
            RemedyRow(
                "Right to cancel",
                "a shipment is later than the contract allows; the buyer may cancel it",
                None,
            )
        )
    for rebate in owed.rebates:
        rows.append(RemedyRow("Rebate", rebate.clause, rebate.amount))
    return rows


def remedies_summary(verdict) -> str | None:
    """The sentence above the remedies table; None when the contract states no remedies."""
    owed = getattr(verdict, "remedies", None)
    if owed is None:
        return None
    if not (owed.late_penalties or owed.rebates or owed.cancel_right or owed.notes):
        return "No remedy is owed."
    if owed.total is None:
        return "Owed besides any refund (the buyer chooses):"
    return f"{owed.total} {owed.currency} owed besides any refund (the buyer chooses):"


def claim_grounds(claim) -> str:
    """The claim's grounds in words, naming the late shipments when the contract names them."""
    words = []
    for ground in claim.grounds:
        text = ground.replace("-", " ")
        late = getattr(claim, "late_shipments", None)
        if ground == "late-shipment" and late:
            names = ", ".join(f'"{name}"' for name in late)
            text += f" (shipment{'s' if len(late) > 1 else ''} {names})"
        words.append(text)
    return " and ".join(words)
