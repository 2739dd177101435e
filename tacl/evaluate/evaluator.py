"""Evaluation: a compiled contract and an inspection report in, a Verdict out.

    report dict ──read (contract-directed)──▶ Report ──checks, in contract order──▶ findings
    findings ──status──▶ compliant | noncompliant | inconclusive ──claim──▶ Verdict

The checks and the report shape are built once per compiled contract and cached
against it, so evaluating many reports (from several threads, or after the
contract was pickled and loaded elsewhere) never recompiles anything. Nothing
reads a clock: dates a verdict depends on come from the report or from `as_of`.
"""

from __future__ import annotations

import datetime
import re

from tacl.errors import UsageError
from tacl.evaluate import claim as claims
from tacl.evaluate import remedies
from tacl.evaluate.checks import build_checks
from tacl.evaluate.report import Report, read_report
from tacl.evaluate.scope import select
from tacl.evaluate.shape import cached
from tacl.evaluate.verdict import Verdict, status_of


class Context:
    """What checks may need besides their clause's evidence."""

    __slots__ = ("report", "evaluation_date", "contract")

    def __init__(self, report: Report, evaluation_date: datetime.date, contract=None):
        self.report = report
        self.evaluation_date = evaluation_date
        self.contract = contract


def evaluate(contract, report, as_of=None, name: str = "<report>") -> Verdict:
    """Judge a report (a parsed dict, or a Report already read) against a compiled contract."""
    as_of = parse_as_of(as_of)
    signed = getattr(contract, "signed", None)
    if as_of is not None and signed is not None and as_of < signed:
        raise UsageError(f"--as-of {as_of} is before the contract was signed on {signed}")
    if not isinstance(report, Report):
        report = read_report(contract, report, name)
    ctx = Context(report, as_of or report.inspection.date, contract)
    evidence = report.evidence
    checks = select(contract, cached(contract, "checks", build_checks), report)
    findings = tuple([check.check(evidence, ctx) for check in checks])
    status = status_of(findings)
    return Verdict(
        contract.id,
        contract.sha256,
        status,
        findings,
        claims.decide(contract, report, findings, status),
        as_of,
        report.warnings,
        remedies.decide(contract, report, findings, ctx.evaluation_date),
        _scope(contract, report),
    )


def _scope(contract, report) -> tuple[str, ...] | None:
    """The covered shipments, named in the verdict when the contract names its shipments."""
    if not contract.named_shipments:
        return None
    return tuple(s.name for s in contract.shipments if report.covers(s.name))


def parse_as_of(value) -> datetime.date | None:
    """An evaluation date: a `datetime.date` or strict `YYYY-MM-DD` text; UsageError otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        raise UsageError(f"--as-of must be a date YYYY-MM-DD, not a date and time ({value})")
    if not isinstance(value, (datetime.date, str)):
        raise UsageError(f"--as-of must be a date YYYY-MM-DD, not a {type(value).__name__}")
    if isinstance(value, datetime.date):
        return value
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise UsageError(f"--as-of `{value}` is not a date; expected YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of `{value}` is not a valid date") from None
