"""A verdict as a readable table for a terminal: ✓ ✗ ? per clause, then the claim in words.

Pure: the same verdict gives the same text. Colour (ANSI escapes, no `rich`
import on this path) only when the caller asks for it.
"""

from __future__ import annotations

from tacl.evaluate.verdict import FAIL, MISSING, NONCOMPLIANT, PASS, PENDING, Verdict

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
WIDTH = 34


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _cut(text: str | None, width: int) -> str:
    text = "—" if text is None else text
    return text if len(text) <= width else text[: width - 1] + "…"


def render(verdict: Verdict, name: str, color: bool = False) -> str:
    lines = [
        f"{name}: {_paint(verdict.status.upper(), COLOURS[verdict.status], color)} "
        f"against contract {verdict.contract_id} (sha256 {verdict.contract_sha256[:12]}…)",
        "",
    ]
    clause_width = min(max((len(f.clause) for f in verdict.findings), default=6), 48)
    for finding in verdict.findings:
        mark = _paint(MARKS[finding.status], COLOURS[finding.status], color)
        lines.append(
            f"  {mark} {_cut(finding.clause, clause_width):<{clause_width}}  "
            f"{_cut(finding.expected, WIDTH):<{WIDTH}}  {_cut(finding.actual, WIDTH)}"
        )
        if finding.status != PASS:
            lines.append(f"{' ' * (clause_width + 6)}{finding.message}")
    lines.append("")
    lines.extend(_open_lines(verdict))
    lines.extend(_claim_lines(verdict))
    for warning in verdict.warnings:
        help_ = f" ({warning.help})" if warning.help else ""
        lines.append(f"warning[{warning.code}] {warning.message}{help_}")
    return "\n".join(lines) + "\n"


def _open_lines(verdict: Verdict) -> list[str]:
    """What is not yet due, soonest first: the clauses a later report must settle."""
    pending = sorted(verdict.open, key=lambda f: f.until)  # stable: contract order within a day
    if not pending:
        return []
    lines = [f"Open: {len(pending)} clause{'s' if len(pending) > 1 else ''} not yet due."]
    lines.extend(f"  {f.clause} until {f.until}" for f in pending)
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
        grounds = " and ".join(g.replace("-", " ") for g in claim.grounds)
        lines.append(
            f"Claim: eligible on the grounds of {grounds}; refund {amount} ({claim.basis}{', capped' if claim.capped else ''})."
        )
        if claim.refund_application_from is not None:
            lines.append(f"  A refund may be applied for from {claim.refund_application_from}.")
    else:
        lines.append("Claim: not eligible.")
    for void in claim.void_grounds:
        lines.append(f"  {void.ground.replace('-', ' ')} ground void: {void.reason}.")
    if claim.window_closes is not None:
        lines.append(
            f"  The quality-claim window closes on {claim.window_closes} (that day included)."
        )
    lines.extend(f"  Note: {note}." for note in claim.notes)
    return lines
