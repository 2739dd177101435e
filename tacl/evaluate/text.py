"""A verdict as text for a terminal: what failed or is missing first, the passes as a count.

Like pytest, the default output is about what needs attention: each failed
clause, then each missing one, then each one not yet due, in contract order, with what the contract
expects (as it writes it), what the report shows and why; then one line that
counts every status. `verbose` lists the passed clauses too, after the others.
Nothing is cut: a clause path is printed whole, so two never look alike.

Pure: the same verdict gives the same text. Colour (ANSI escapes, no `rich`
import on this path) only when the caller asks for it. Every text that comes from
the report or the contract goes through `tacl.visible.visible` before it is laid
out or painted, so a report cannot move the cursor, clear the screen or turn a ✗
into a ✓ with escape sequences or bidirectional overrides (issue 8 item 14).
"""

from __future__ import annotations

from tacl.evaluate.verdict import FAIL, MISSING, NONCOMPLIANT, PASS, PENDING, Finding, Verdict
from tacl.visible import visible

MARKS = {PASS: "✓", FAIL: "✗", MISSING: "?", PENDING: "…"}
COLOURS = {
    PASS: "32",
    FAIL: "31",
    MISSING: "33",
    PENDING: "36",
    NONCOMPLIANT: "31",
    "compliant": "32",
    "inconclusive": "33",
}
# The order findings are listed in (pending ones again, by date, under "Open:"),
# and the words the count line uses.
SHOWN = (FAIL, MISSING, PENDING)
COUNTED = ((FAIL, "failed"), (MISSING, "missing"), (PASS, "passed"), (PENDING, "pending"))


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def render(verdict: Verdict, name: str, color: bool = False, verbose: bool = False) -> str:
    """The verdict of one report as text; `verbose` also lists every passed clause."""
    lines = [
        f"{visible(name)}: {_paint(verdict.status.upper(), COLOURS[verdict.status], color)} "
        f"against contract {visible(verdict.contract_id)} "
        f"(sha256 {verdict.contract_sha256[:12]}…)",
        "",
    ]
    if verdict.scope is not None:
        covered = ", ".join(f'"{visible(name)}"' for name in verdict.scope)
        lines[1:1] = [f"Scope: shipments {covered}."]
    for status in SHOWN + ((PASS,) if verbose else ()):
        for finding in verdict.findings:
            if finding.status == status:
                lines.extend(_finding_lines(finding, color))
    if len(lines) > 2:
        lines.append("")
    lines.append(_count_line(verdict, verbose))
    lines.append("")
    lines.extend(_open_lines(verdict))
    lines.extend(visible(line) for line in _claim_lines(verdict))
    lines.extend(visible(line) for line in _remedy_lines(verdict))
    for warning in verdict.warnings:
        help_ = f" ({warning.help})" if warning.help else ""
        lines.append(visible(f"warning[{warning.code}] {warning.message}{help_}"))
    return "\n".join(lines) + "\n"


def _finding_lines(finding: Finding, color: bool) -> list[str]:
    mark = _paint(MARKS[finding.status], COLOURS[finding.status], color)
    lines = [
        f"  {mark} {visible(finding.clause)}",
        f"      expected  {visible(finding.expected)}",
        f"      actual    {'—' if finding.actual is None else visible(finding.actual)}",
    ]
    if finding.status != PASS:
        lines.append(f"      {visible(finding.message)}")
    return lines


def _count_line(verdict: Verdict, verbose: bool) -> str:
    counts = {status: 0 for status, _ in COUNTED}
    for finding in verdict.findings:
        counts[finding.status] += 1
    parts = [f"{counts[status]} {word}" for status, word in COUNTED if counts[status]]
    line = f"  {', '.join(parts) or 'no clauses'}"
    if counts[PASS] and not verbose:
        line += " (--verbose lists the passed clauses)"
    return line


def _open_lines(verdict: Verdict) -> list[str]:
    """What is not yet due, soonest first: the clauses a later report must settle."""
    pending = sorted(verdict.open, key=lambda f: f.until)  # stable: contract order within a day
    if not pending:
        return []
    lines = [f"Open: {len(pending)} clause{'s' if len(pending) > 1 else ''} not yet due."]
    lines.extend(f"  {visible(f.clause)} until {f.until}" for f in pending)
    return lines


def _claim_lines(verdict: Verdict) -> list[str]:
    claim = verdict.claim
    lines = []
    if claim.eligible:
        amount = (
            f"{claim.amount} {claim.currency}"
            if claim.amount
            else "an amount the contract does not state"
        )
        grounds = " and ".join(_ground(g, claim) for g in claim.grounds)
        lines.append(
            f"Claim: eligible on the grounds of {grounds}; refund {amount} ({claim.basis}{', capped' if claim.capped else ''})."
        )
        if claim.refund_application_from is not None:
            lines.append(f"  A refund may be applied for from {claim.refund_application_from}.")
    else:
        lines.append("Claim: not eligible.")
    for void in claim.void_grounds:
        which = f' (shipment "{void.shipment}")' if void.shipment else ""
        lines.append(f"  {void.ground.replace('-', ' ')} ground{which} void: {void.reason}.")
    if claim.window_closes is not None:
        lines.append(
            f"  The quality-claim window closes on {claim.window_closes} (that day included)."
        )
    lines.extend(f"  Note: {note}." for note in claim.notes)
    return lines


def _ground(ground: str, claim) -> str:
    """`late shipment`, naming the late shipments when the contract names them."""
    words = ground.replace("-", " ")
    if ground == "late-shipment" and claim.late_shipments:
        names = ", ".join(f'"{name}"' for name in claim.late_shipments)
        plural = "s" if len(claim.late_shipments) > 1 else ""
        return f"{words} (shipment{plural} {names})"
    return words


def _remedy_lines(verdict: Verdict) -> list[str]:
    """Penalties, the cancel right and rebates, with their amounts: owed besides a refund."""
    owed = verdict.remedies
    if owed is None:
        return []
    code = owed.currency
    if not (owed.late_penalties or owed.rebates or owed.cancel_right or owed.notes):
        return ["Remedies: none owed."]
    lines = [f"Remedies: {owed.total} {code} owed besides any refund (the buyer chooses)."]
    for late in owed.late_penalties:
        which = "the shipment" if late.shipment is None else f'shipment "{late.shipment}"'
        days = "days late unknown" if late.days_late is None else f"{late.days_late} days late"
        amount = "amount unknown" if late.amount is None else f"{late.amount} {code}"
        extra = (", capped" if late.capped else "") + (
            ", provisional: not shipped yet" if late.provisional else ""
        )
        lines.append(f"  late penalty for {which}: {amount} ({days}{extra})")
    if owed.cancel_right:
        lines.append("  The buyer may cancel: a shipment is later than the contract allows.")
    for rebate in owed.rebates:
        amount = "amount unknown" if rebate.amount is None else f"{rebate.amount} {code}"
        lines.append(f"  rebate on {rebate.clause}: {amount}")
    lines.extend(f"  Note: {note}." for note in owed.notes)
    return lines
