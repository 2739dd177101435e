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

from fractions import Fraction

import tacl.paths as paths
from tacl.compile import currencies
from tacl.compile.ir import DeliverByClause
from tacl.evaluate import affected, dates, windows
from tacl.evaluate.remedies import rounded
from tacl.evaluate.shape import cached
from tacl.evaluate.verdict import COMPLIANT, FAIL, NONCOMPLIANT, PENDING, Claim, VoidGround

LATE = "late-shipment"
SHIPMENT_KINDS = ("ship-by", "deliver-by", "partial")


def decide(contract, report, findings, status) -> Claim:
    """The claim of a verdict: eligible only when noncompliant on grounds that stand."""
    post_delivery = contract.protection == "post-delivery"
    found = windows.windows(contract, report)
    closes = windows.window_closes(found) if post_delivery else None
    named = () if contract.named_shipments else None
    if status != NONCOMPLIANT:
        return Claim(
            False, window_closes=closes, notes=(_no_claim(status, findings),), late_shipments=named
        )
    grounds = _grounds(contract, report, findings, found)
    notes = _kind_note(contract, report)
    if post_delivery and windows.window_beyond(found):
        notes.append(f"the quality-claim window closes {dates.BEYOND}")
    late = grounds.late if contract.named_shipments else None
    if report.dispute.agreement is True:
        notes.append("the parties settled the dispute (agreement: true), so no refund is claimed")
    elif not grounds.standing:
        notes.append("no claim: every ground is void")
    else:
        return _eligible(contract, report, grounds, closes, notes, late)
    return Claim(
        False, (), grounds.void, window_closes=closes, notes=tuple(notes), late_shipments=named
    )


def _no_claim(status, findings) -> str:
    if status != COMPLIANT:
        return "no claim: some clauses lack evidence"
    open_ = sum(1 for f in findings if f.status == PENDING)
    if not open_:
        return "no claim: every clause passed"
    clauses = "1 clause is" if open_ == 1 else f"{open_} clauses are"
    return f"no claim: every clause due so far passed; {clauses} still open"


class Grounds:
    """The grounds of a noncompliant verdict: what stands, what is void, and on what."""

    def __init__(self):
        self.standing: list[str] = []
        self.void: tuple[VoidGround, ...] = ()
        self.late: tuple = ()  # the late shipments the late-shipment ground stands on
        self.failed: list[str] = []  # paths of failing clauses whose ground stands


def _grounds(contract, report, findings, found) -> Grounds:
    """Late shipment first: a failed date or partial clause of a shipment; quality: any other.

    A late delivery under an Incoterm where carriage after handover is the buyer's is
    no breach of the supplier: that shipment's late-shipment ground is void with the
    reason (language-v2.md §12), unless another of its shipment clauses failed.
    """
    clauses = cached(contract, "clauses-by-path", lambda c: {x.path: x for x in c.clauses})
    late: dict = {}  # shipment name → [failing paths], in contract order
    quality = []
    for finding in findings:
        if finding.status != FAIL:
            continue
        clause = clauses[finding.clause]
        if clause.kind in SHIPMENT_KINDS:
            late.setdefault(_shipment_of(clause), []).append(clause)
        else:
            quality.append(finding.clause)
    out, void = Grounds(), []
    standing_late = []
    for name, failed in late.items():
        kept = [c for c in failed if not _carriage_void(contract, c)]
        if kept:
            standing_late.append(name)
            out.failed.extend(c.path for c in kept)
        else:
            void.append(_late_void(contract, name))
    if standing_late:
        out.standing.append(LATE)
        out.late = tuple(standing_late)
        void = [v for v in void if contract.named_shipments]  # per shipment only when named
    if quality:
        reason = windows.quality_void_reason(contract, report, found)
        if reason is None:
            out.standing.append("quality")
            out.failed.extend(quality)
        else:
            void.append(VoidGround("quality", reason))
    out.void = tuple(void)
    return out


def _shipment_of(clause) -> str | None:
    return getattr(clause, "shipment", None) or _named_prefix(clause.path)


def _named_prefix(path: str) -> str | None:
    segments = paths.split(path)
    return segments[1] if segments[0] == "shipments" else None


def _carriage_void(contract, clause) -> bool:
    if not isinstance(clause, DeliverByClause) or not contract.shipments:
        return False
    return contract.shipment(_shipment_of(clause)).buyers_carriage


def _late_void(contract, name) -> VoidGround:
    code = contract.shipment(name).incoterm.code
    reason = (
        f"delivered late under {code}: carriage after handover is the buyer's, so a late "
        "delivery is no breach of the supplier"
    )
    return VoidGround(LATE, reason, name, contract.named_shipments)


def _kind_note(contract, report) -> list[str]:
    if report.inspection.kind == contract.protection:
        return []
    return [
        f"the report records a {report.inspection.kind} inspection; the contract's protection "
        f"is {contract.protection}, and its rules decide the claim"
    ]


def _eligible(contract, report, grounds, closes, notes, late) -> Claim:
    code = contract.currency
    if contract.remedies is not None and contract.remedies.refund_affected:
        basis = "affected goods"
        value = _affected(contract, report, grounds, notes)
    else:
        basis = "order value" if contract.protection == "post-delivery" else "advance payment"
        value = contract.order_value if basis == "order value" else contract.advance_payment
        if value is None:
            notes.append(f"the contract states no {basis}, so the amount cannot be computed")
    capped = False
    if (
        value is not None
        and contract.coverage_limit is not None
        and value > contract.coverage_limit
    ):
        value, capped = contract.coverage_limit, True
        notes.append(
            f"refund capped by the coverage limit of {_money(value, code)} {code}".rstrip()
        )
    applies_from = _application_from(contract, report, notes)
    return Claim(
        True,
        tuple(grounds.standing),
        grounds.void,
        basis,
        None if value is None else _money(value, code),
        code,
        capped,
        closes,
        applies_from,
        tuple(notes),
        late,
    )


def _affected(contract, report, grounds, notes):
    """The value of the goods affected (post-delivery), or that share of the advance."""
    marked = affected.affected_lines(contract, report, grounds.failed, grounds.late)
    value = affected.value_of(contract, marked)
    if value is None:
        notes.append("a unit price of the affected goods is missing, so the amount is unknown")
        return None
    code = contract.currency
    if contract.protection == "post-delivery":
        return rounded(value, code)
    if contract.advance_payment is None or not contract.order_value:
        notes.append("the contract states no advance payment, so the amount cannot be computed")
        return None
    share = Fraction(contract.advance_payment) * value / Fraction(contract.order_value)
    return rounded(share, code)


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
