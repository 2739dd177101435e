"""`tacl check --format html`: the evidence file a buyer attaches to a dispute.

One self-contained HTML page per report (inline CSS and SVG, no script, no
network) that a platform agent, the supplier or an arbitrator can read without
TACL: the contract and the report it judges, the verdict and the claim in one
sentence, a timeline drawn to scale, every finding (failing first, then
missing, then pending, then a count of the passing ones), a plot of the
evidence where there is one, and the contract's text with the failing clauses
marked.

Built from the general structure of the verdict: findings are grouped by
status, whatever their clause kind; a plot is drawn for a kind that has one
(measured values, colours, AQL) and every other kind shows its expected and
actual texts. Pure: the same contract, report and verdict give the same bytes.
"""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs

import tacl.paths as paths
from tacl.evaluate.evidence import MeasuredSamples, Sampling
from tacl.evaluate.shape import sampling_key
from tacl.render import evidence_orders, svg
from tacl.render.html import render

ORDER = ("fail", "missing", "pending", "pass")
LEGEND = {
    "contract": "the contract's dates",
    "report": "the report's dates",
    "late": "late",
    "claim": "the claim's dates",
}
TITLES = {
    "fail": "Failing clauses",
    "missing": "Missing evidence",
    "pending": "Not yet due",
    "pass": "Passing clauses",
}


@attrs.frozen
class Item:
    """A finding as the evidence file shows it."""

    finding: object
    label: str
    line: int | None
    plot: object | None


@attrs.frozen
class SourceLine:
    number: int
    text: str
    status: str | None  # the worst status of the clauses written on this line
    clauses: tuple[str, ...]


def render_evidence(contract, source_text: str, report, verdict, name: str) -> str:
    """The evidence file of one report, as HTML text."""
    items = {status: [] for status in ORDER}
    for finding in verdict.findings:
        clause = _clause(contract, finding.clause)
        plot = _plot(clause, finding, report) if finding.status != "pass" else None
        line = finding.location.line if finding.location else None
        items.setdefault(finding.status, []).append(Item(finding, finding.clause, line, plot))
    counts = {status: len(found) for status, found in items.items()}
    shipments = evidence_orders.shipment_rows(contract, report, verdict)
    dated = events(contract, report, verdict) + evidence_orders.shipment_events(shipments)
    kinds = {kind for _label, _day, kind in dated}
    return render(
        "evidence.html.j2",
        contract=contract,
        facts=contract_facts(contract),
        report=report,
        name=name,
        verdict=verdict,
        claim=verdict.claim,
        sentence=claim_sentence(contract, verdict),
        groups=[(s, TITLES.get(s, s), items[s]) for s in items if items[s]],
        counts=counts,
        timeline=svg.timeline(dated),
        legend=[kind for kind in ("contract", "report", "late", "claim") if kind in kinds],
        source=source_lines(source_text, verdict),
        grounds=evidence_orders.claim_grounds(verdict.claim),
        shipments=shipments,
        remedies=evidence_orders.remedy_rows(verdict),
        remedies_summary=evidence_orders.remedies_summary(verdict),
        LEGEND=LEGEND,
    )


def _clause(contract, path: str):
    try:
        return contract.clause(path)
    except KeyError:
        return None


def contract_facts(contract) -> list[tuple[str, str]]:
    """The contract's terms a reader needs beside the verdict, as (label, text)."""
    code = contract.currency or ""
    from tacl.compile.contract import money_text

    def money(value):
        text = money_text(value, contract.currency)
        return None if text is None else f"{text} {code}".strip()

    facts = [
        ("Buyer", contract.buyer),
        ("Supplier", contract.supplier),
        ("Signed", contract.signed.isoformat() if contract.signed else None),
        ("Protection", contract.protection),
        ("Order value", money(contract.order_value)),
        ("Coverage limit", money(contract.coverage_limit) or "none stated"),
        ("Advance payment", money(contract.advance_payment)),
    ]
    if contract.incoterm is not None:
        code_, place = contract.incoterm.code, contract.incoterm.place
        facts.append(("Incoterm", f"{code_} {place}" if place else code_))
    return [(label, value) for label, value in facts if value]


def claim_sentence(contract, verdict) -> str:
    """The claim in one sentence a platform agent can act on."""
    claim = verdict.claim
    if not claim.eligible:
        notes = [note.removeprefix("no claim: ") for note in claim.notes]
        why = "; ".join(notes) or "the verdict opens no claim"
        return f"No refund claim is open: {why}."
    grounds = evidence_orders.claim_grounds(claim)
    amount = (
        f"{claim.amount} {claim.currency}"
        if claim.amount
        else "an amount the contract does not state"
    )
    basis = f"the {claim.basis}" + (", capped by the coverage limit" if claim.capped else "")
    when = (
        f"from {claim.refund_application_from}"
        if claim.refund_application_from
        else "once the supplier's response time has passed after a dispute is opened"
    )
    return f"The buyer may apply for a refund of {amount} ({basis}) on the grounds of {grounds}, {when}."


def events(contract, report, verdict) -> list[tuple[str, datetime.date, str]]:
    """The dates of the case, each (label, date, kind), for the timeline."""
    from tacl.evaluate import dates

    found = []
    if contract.signed:
        found.append(("signed", contract.signed, "contract"))
    for clause in contract.clauses:
        if clause.kind in ("ship-by", "deliver-by"):
            label = clause.kind.replace("-", " ")
            segments = paths.split(clause.path)
            if segments[0] == "shipments":
                label += " " + segments[1]
            found.append((label, clause.latest, "contract"))
    shipped_late = any(
        f.status == "fail" and f.clause.endswith(".ship-by") for f in verdict.findings
    )
    shipment, dispute = report.shipment, report.dispute
    for label, day in (
        ("shipped", shipment.shipped),
        ("customs cleared", shipment.customs_cleared),
        ("delivered", shipment.delivered),
        ("inspected", report.inspection.date),
        ("dispute opened", dispute.opened),
        ("supplier responded", dispute.supplier_responded),
    ):
        if day is not None:
            kind = "late" if label == "shipped" and shipped_late else "report"
            found.append((label, day, kind))
    claim = verdict.claim
    if claim.window_closes:
        found.append(("claim window closes", claim.window_closes, "claim"))
    due = dates.add(dispute.opened, contract.claims.supplier_response) if dispute.opened else None
    if due is not None:  # None: beyond the calendar (year 9999)
        found.append(("response due", due, "claim"))
    if claim.refund_application_from:
        found.append(("refund from", claim.refund_application_from, "claim"))
    return found


def source_lines(text: str, verdict) -> list[SourceLine]:
    """The contract's lines, each marked with the worst status of the clauses on it."""
    rank = {status: index for index, status in enumerate(ORDER)}
    marks: dict[int, list] = {}
    for finding in verdict.findings:
        if finding.location is not None:
            marks.setdefault(finding.location.line, []).append(finding)
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        found = marks.get(number, [])
        worst = min((f.status for f in found), key=lambda s: rank.get(s, 9), default=None)
        if worst == "pass" or (worst and all(f.status == "pass" for f in found)):
            worst = "pass"
        clauses = tuple(f.clause for f in found if f.status != "pass")
        lines.append(SourceLine(number, line.expandtabs(4), worst, clauses))
    return lines


# --- plots: one per clause kind that has a picture -------------------------------------


def _plot(clause, finding, report):
    if clause is None:
        return None
    draw = _PLOTS.get(clause.kind)
    if draw is None:
        return None
    return draw(clause, finding, report)


def _measure_plot(clause, finding, report):
    samples = measured_samples(report, clause)
    if not samples:
        return None
    from tacl.standards.compound import lookup
    from tacl.standards.exact import format_quantity

    unit = lookup(clause.unit)
    low, high = clause.interval.low, clause.interval.high
    plotted = [
        (
            float(unit.from_base(base)),
            text,
            (low is None or base >= low) and (high is None or base <= high),
        )
        for base, text in samples
    ]
    return svg.strip_plot(
        plotted,
        None if low is None else float(unit.from_base(low)),
        None if high is None else float(unit.from_base(high)),
        None if low is None else format_quantity(unit.from_base(low), clause.unit),
        None if high is None else format_quantity(unit.from_base(high), clause.unit),
        clause.unit,
    )


def measured_samples(report, clause) -> list[tuple[Fraction, str]]:
    """A measured clause's samples as (value in base units, text as reported)."""
    found = report.evidence.samples.get(clause.path) or MeasuredSamples()
    return [
        (sample.unit.to_base(Fraction(sample.mantissa, 10**sample.exponent)), sample.text)
        for sample in found.each()
    ]


def _colour_plot(clause, finding, report):
    found = report.evidence.samples.get(clause.path) or ()
    if not found:
        return None
    from tacl.colorimetry import delta_e_76, delta_e_2000

    target_lab = clause.lab
    target = (clause.text, svg.lab_to_hex(target_lab) if target_lab else None)
    readings = []
    for reading in found[:12]:
        normalised, lab, shown = reading.text, reading.lab, reading.shown
        delta, passed = None, None
        if target_lab is not None and lab is not None:
            measure = delta_e_76 if clause.formula == "dE76" else delta_e_2000
            value = measure(target_lab, lab)
            delta = f"{value:.2f}"
            if clause.tolerance is not None:
                passed = value <= float(clause.tolerance) + 5e-7
        elif clause.tolerance is None:
            passed = normalised == clause.text
        hex_ = svg.lab_to_hex(lab) if lab is not None else None
        readings.append((shown, hex_, delta, True if passed is None else passed))
    return svg.swatches(target, readings)


def _aql_plot(clause, finding, report):
    from tacl.standards.iso2859 import plan_for

    sampling = report.evidence.record(Sampling, sampling_key(clause)) or Sampling()
    lot, size = sampling.lot_size, sampling.sample_size
    defects = sampling.defects(clause.defect_class)
    if lot is None or size is None or defects is None:
        return None
    plan = plan_for(lot, clause.level, clause.aql)
    return svg.aql_bar(defects, plan.accept, plan.reject, size)


_PLOTS = {"measure": _measure_plot, "color": _colour_plot, "aql": _aql_plot}
