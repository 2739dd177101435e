"""The refund claim of a verdict (language.md §7, reports.md §2).

A noncompliant verdict opens a claim on the grounds `late-shipment` (a shipment
clause failed) and `quality` (any other clause failed). Quality grounds need the
inspection at the right time, else they are void and the claim says why:

- pre-shipment protection: inspected on or before the shipment date (or before
  the goods shipped at all);
- post-delivery protection: inspected inside the quality-claim window. It opens
  on the earliest event the report dates and closes N days (business days, weeks)
  after its event; with `or`, at the earliest of the dates the report lets us
  compute. An inspection before the goods shipped cannot ground such a claim. When the
  report gives none of the events' dates, the window cannot be checked and the
  quality grounds are void, saying which date to add: a claim is evidence for a
  refund, and nothing about its timing is assumed.

The amount is the order value (post-delivery) or the advance payment
(pre-shipment), capped by the coverage limit. The refund may be applied for once
the supplier has let the response time pass (`opened` + response time), or from
the response date when the dispute ended without agreement.
"""

from __future__ import annotations

from tacl.compile import currencies
from tacl.evaluate import dates
from tacl.evaluate.verdict import COMPLIANT, FAIL, NONCOMPLIANT, PENDING, Claim, VoidGround

EVENT_KEYS = {
    "customs clearance": ("customs_cleared", "customs-cleared"),
    "shipment": ("shipped", "shipped"),
    "delivery": ("delivered", "delivered"),
}  # a window's event: (the ShipmentFacts field, the report key)


def _event_dates(contract, report) -> list:
    """(event date, window) for each window whose event the report dates."""
    known = []
    for window in contract.claims.quality_windows:
        attribute, _key = EVENT_KEYS[window.event]
        event = getattr(report.shipment, attribute)
        if event is not None:
            known.append((event, window))
    return known


def window_closes(contract, report):
    """The last day of the quality-claim window, or None when no event date is known or
    every window closes beyond the calendar (`window_beyond` tells the two apart)."""
    closes = [dates.add(event, window.duration) for event, window in _event_dates(contract, report)]
    known = [day for day in closes if day is not None]
    return min(known) if known else None


def window_beyond(contract, report) -> bool:
    """Whether the window is dated but closes only after the calendar ends (year 9999)."""
    return window_closes(contract, report) is None and bool(_event_dates(contract, report))


def window_opens(contract, report):
    """The first day of the window: the earliest dated event (None when none is dated)."""
    events = [event for event, _ in _event_dates(contract, report)]
    return min(events) if events else None


def decide(contract, report, findings, status) -> Claim:
    """The claim of a verdict: eligible only when noncompliant on grounds that stand."""
    post_delivery = contract.protection == "post-delivery"
    closes = window_closes(contract, report) if post_delivery else None
    if status != NONCOMPLIANT:
        return Claim(False, window_closes=closes, notes=(_no_claim(status, findings),))
    grounds, void = _grounds(contract, report, findings, closes)
    notes = _kind_note(contract, report)
    if post_delivery and window_beyond(contract, report):
        notes.append(f"the quality-claim window closes {dates.BEYOND}")
    if report.dispute.agreement is True:
        notes.append("the parties settled the dispute (agreement: true), so no refund is claimed")
    elif not grounds:
        notes.append("no claim: every ground is void")
    else:
        return _eligible(contract, report, grounds, void, closes, notes)
    return Claim(False, (), void, window_closes=closes, notes=tuple(notes))


def _no_claim(status, findings) -> str:
    if status != COMPLIANT:
        return "no claim: some clauses lack evidence"
    open_ = sum(1 for f in findings if f.status == PENDING)
    if not open_:
        return "no claim: every clause passed"
    clauses = "1 clause is" if open_ == 1 else f"{open_} clauses are"
    return f"no claim: every clause due so far passed; {clauses} still open"


def _grounds(contract, report, findings, closes) -> tuple[tuple, tuple]:
    """(grounds that stand, void grounds with their reasons), late shipment first."""
    failed = {
        "late-shipment" if f.clause.startswith("shipment.") else "quality"
        for f in findings
        if f.status == FAIL
    }
    grounds, void = [], []
    for ground in ("late-shipment", "quality"):
        if ground not in failed:
            continue
        reason = _void_reason(contract, report, closes) if ground == "quality" else None
        if reason is None:
            grounds.append(ground)
        else:
            void.append(VoidGround(ground, reason))
    return tuple(grounds), tuple(void)


def _void_reason(contract, report, closes) -> str | None:
    inspected = report.inspection.date
    if contract.protection == "pre-shipment":
        shipped = report.shipment.shipped
        if shipped is not None and inspected > shipped:
            return (
                f"inspected on {inspected}, after the goods shipped on {shipped}; a pre-shipment "
                "claim needs the inspection on or before the shipment date"
            )
        return None
    if closes is None and window_beyond(contract, report):
        return None  # open to the end of the calendar: an inspection cannot be after it
    if closes is None:
        events = ", ".join(EVENT_KEYS[w.event][1] for w in contract.claims.quality_windows)
        return (
            "the quality-claim window cannot be checked: the report gives none of the dates it "
            f"runs from (shipment.{events.replace(', ', ', shipment.')})"
        )
    if inspected > closes:
        return f"inspected on {inspected}, after the quality-claim window closed on {closes}"
    opens = window_opens(contract, report)
    if inspected < opens:
        return (
            f"inspected on {inspected}, before the quality-claim window opened on {opens}; a "
            "post-delivery claim needs an inspection inside the window"
        )
    return None


def _kind_note(contract, report) -> list[str]:
    if report.inspection.kind == contract.protection:
        return []
    return [
        f"the report records a {report.inspection.kind} inspection; the contract's protection "
        f"is {contract.protection}, and its rules decide the claim"
    ]


def _eligible(contract, report, grounds, void, closes, notes) -> Claim:
    basis = "order value" if contract.protection == "post-delivery" else "advance payment"
    value = contract.order_value if basis == "order value" else contract.advance_payment
    code = contract.currency
    capped = False
    if value is None:
        notes.append(f"the contract states no {basis}, so the amount cannot be computed")
    elif contract.coverage_limit is not None and value > contract.coverage_limit:
        value, capped = contract.coverage_limit, True
        notes.append(
            f"refund capped by the coverage limit of {_money(value, code)} {code}".rstrip()
        )
    applies_from = _application_from(contract, report, notes)
    return Claim(
        True,
        grounds,
        void,
        basis,
        None if value is None else _money(value, code),
        code,
        capped,
        closes,
        applies_from,
        tuple(notes),
    )


def _money(amount, code) -> str:
    return currencies.format_amount(amount, code) if code else format(amount, "f")


def _application_from(contract, report, notes: list):
    """The first day a refund may be applied for, per reports.md; None while it cannot be."""
    opened = report.dispute.opened
    response = contract.claims.supplier_response
    if opened is None:
        notes.append(
            f"open a dispute with the supplier first; the supplier has {response} to respond"
        )
        return None
    deadline = dates.add(opened, response)
    responded = report.dispute.supplier_responded
    if deadline is None:
        if responded is not None and report.dispute.agreement is False:
            return _not_before_shipment(responded, report, notes)
        notes.append(f"the supplier's response time ends {dates.BEYOND}")
        return None
    if responded is None:
        return _not_before_shipment(deadline, report, notes)
    if responded > deadline:
        notes.append(
            f"the supplier responded on {responded}, after the response time ended on {deadline}"
        )
        return _not_before_shipment(deadline, report, notes)
    if report.dispute.agreement is False:
        return _not_before_shipment(responded, report, notes)
    notes.append(
        "the supplier responded and the parties are negotiating; a refund may be applied for "
        "once the dispute ends without agreement (dispute.agreement: false)"
    )
    return None


def _not_before_shipment(day, report, notes: list):
    """A refund is never applied for before the goods shipped (a dispute opened earlier)."""
    shipped = report.shipment.shipped
    if shipped is not None and day < shipped:
        notes.append(f"a refund is not applied for before the goods shipped on {shipped}")
        return shipped
    return day
