"""When a quality claim may stand: the inspection's timing against the goods' dates.

- pre-shipment protection: inspected on or before the shipment date (or before
  the goods shipped at all);
- post-delivery protection: inspected inside the quality-claim window, which
  opens on the earliest event the report dates and closes N days (business days,
  weeks) after its event; with `or`, at the earliest close the report lets us
  compute. Without any of the dates, the window cannot be checked and the ground
  is void, saying which dates to add: nothing about a claim's timing is assumed.

With named shipments (language-v2.md §2) each shipment the inspection covers has
its own dates and its own window, and the inspection must be timely for every one
of them: a reading that assumes nothing about goods the report does not date.
`window-closes` is then the earliest close among them.
"""

from __future__ import annotations

import tacl.paths as paths
from tacl.evaluate import dates

EVENT_KEYS = {
    "customs clearance": ("customs_cleared", "customs-cleared"),
    "shipment": ("shipped", "shipped"),
    "delivery": ("delivered", "delivered"),
}


def covered(contract, report) -> list:
    """(shipment name or None, its dates) for each shipment the inspection covers."""
    if not contract.named_shipments:
        return [(None, report.dates(None))]
    return [(s.name, report.dates(s.name)) for s in contract.shipments if report.covers(s.name)]


def _events(contract, shipment_dates) -> list:
    """(event date, window) for each quality window whose event the dates give."""
    known = []
    for window in contract.claims.quality_windows:
        event = getattr(shipment_dates, EVENT_KEYS[window.event][0])
        if event is not None:
            known.append((event, window))
    return known


def window(contract, shipment_dates):
    """(opens, closes) of one shipment's quality-claim window; None when no event is dated.

    `closes` is None when every window closes only after 9999-12-31: beyond the
    calendar, never a clamped date (`dates.add`).
    """
    known = _events(contract, shipment_dates)
    if not known:
        return None
    opens = min(event for event, _ in known)
    ends = [dates.add(event, w.duration) for event, w in known]
    closes = [day for day in ends if day is not None]  # None: beyond the calendar
    return opens, min(closes) if closes else None


def windows(contract, report) -> list:
    """(shipment name, its dates, its window or None) for each covered shipment, once."""
    return [(name, d, window(contract, d)) for name, d in covered(contract, report)]


def window_closes(found: list):
    """The earliest last day of the covered shipments' windows, or None when none is known."""
    closes = [w[1] for _, _, w in found if w is not None and w[1] is not None]
    return min(closes) if closes else None


def window_beyond(found: list) -> bool:
    """Whether the windows are dated but every one closes only after the calendar ends."""
    return window_closes(found) is None and any(w is not None for _, _, w in found)


def quality_void_reason(contract, report, found: list) -> str | None:
    """Why quality grounds are void for this inspection's timing, or None when they stand."""
    for name, shipment_dates, window_ in found:
        reason = _reason(contract, report, name, shipment_dates, window_)
        if reason is not None:
            return reason
    return None


def _reason(contract, report, name, shipment_dates, found) -> str | None:
    inspected = report.inspection.date
    which = "" if name is None else f' of shipment "{name}"'
    if contract.protection == "pre-shipment":
        shipped = shipment_dates.shipped
        if shipped is not None and inspected > shipped:
            goods = "the goods" if name is None else f'the goods of shipment "{name}"'
            return (
                f"inspected on {inspected}, after {goods} shipped on {shipped}; a pre-shipment "
                "claim needs the inspection on or before the shipment date"
            )
        return None
    if found is None:
        prefix = "shipment" if name is None else paths.join("shipments", name)
        keys = ", ".join(
            f"{prefix}.{EVENT_KEYS[w.event][1]}" for w in contract.claims.quality_windows
        )
        return (
            f"the quality-claim window{which} cannot be checked: the report gives none of the "
            f"dates it runs from ({keys})"
        )
    opens, closes = found
    if closes is not None and inspected > closes:
        return f"inspected on {inspected}, after the quality-claim window{which} closed on {closes}"
    if inspected < opens:
        return (
            f"inspected on {inspected}, before the quality-claim window{which} opened on {opens}; "
            "a post-delivery claim needs an inspection inside the window"
        )
    return None
