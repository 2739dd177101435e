"""The verdict: one finding per clause, the contract's status, the refund claim, warnings.

Everything is frozen, and `to_dict()` gives the JSON of reports.md with keys in a
fixed order, so the same contract, report and evaluation date always give the
same bytes (`to_json()`). Nothing here reads a clock.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from tacl.compile.ir import Clause, Location, shown
from tacl.diagnostics import Diagnostic

if TYPE_CHECKING:
    from tacl.evaluate.remedies import RemediesOwed

PASS, FAIL, MISSING, PENDING = "pass", "fail", "missing", "pending"
COMPLIANT, NONCOMPLIANT, INCONCLUSIVE = "compliant", "noncompliant", "inconclusive"
EXIT_CODES = {COMPLIANT: 0, NONCOMPLIANT: 1, INCONCLUSIVE: 3}


class Finding(NamedTuple):
    """What one clause's evidence showed; `actual` is None when there was none.

    A named tuple rather than an attrs class: a verdict makes one per clause, and
    a tuple is immutable and about three times cheaper to create. `until` is the
    deadline a `pending` clause waits for (language-v2.md §1), None otherwise.
    """

    clause: str
    status: str
    expected: str
    actual: str | None
    message: str
    location: Location | None = None
    until: datetime.date | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "clause": self.clause,
            "status": self.status,
            "expected": self.expected,
            "actual": self.actual,
            "message": self.message,
        }
        if self.status == PENDING:  # only pending findings have it: v1 verdicts keep their bytes
            out["until"] = _day(self.until)
        out["location"] = None if self.location is None else self.location.to_dict()
        return out


_new = tuple.__new__


def finding(
    clause: Clause, status: str, actual: str | None, message: str, expected: str | None = None
) -> Finding:
    """The Finding of a clause; `expected` defaults to the clause's own.

    Built with `tuple.__new__`, skipping the named tuple's generated `__new__`: a
    verdict makes one per clause.
    """
    fields = (clause.path, status, expected or shown(clause), actual, message, clause.location)
    return _new(Finding, (*fields, None))


def pending(
    clause: Clause, until: datetime.date, message: str, actual: str | None = None
) -> Finding:
    """A clause that cannot be judged yet: its deadline `until` lies after the evaluation
    date and the event it waits for has not happened (language-v2.md §1)."""
    fields = (clause.path, PENDING, shown(clause), actual, message, clause.location, until)
    return _new(Finding, fields)


@attrs.frozen
class VoidGround:
    ground: str
    reason: str
    shipment: str | None = None  # the named shipment a late-shipment ground is void for
    named: bool = False  # the contract names its shipments: the JSON says which

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"ground": self.ground, "reason": self.reason}
        if self.named:
            out["shipment"] = self.shipment
        return out


@attrs.frozen
class Claim:
    """The refund claim a verdict opens (language.md §7); amounts are decimal strings."""

    eligible: bool
    grounds: tuple[str, ...] = ()
    void_grounds: tuple[VoidGround, ...] = ()
    basis: str | None = None
    amount: str | None = None
    currency: str | None = None
    capped: bool = False
    window_closes: datetime.date | None = None
    refund_application_from: datetime.date | None = None
    notes: tuple[str, ...] = ()
    late_shipments: tuple[str, ...] | None = None  # named shipments only: which were late

    def to_dict(self) -> dict[str, Any]:
        out = self._v1_dict()
        if self.late_shipments is not None:  # TACL 1 verdicts keep their bytes
            out["late-shipments"] = list(self.late_shipments)
        return out

    def _v1_dict(self) -> dict[str, Any]:
        return {
            "eligible": self.eligible,
            "grounds": list(self.grounds),
            "void-grounds": [v.to_dict() for v in self.void_grounds],
            "basis": self.basis,
            "amount": self.amount,
            "currency": self.currency,
            "capped": self.capped,
            "window-closes": _day(self.window_closes),
            "refund-application-from": _day(self.refund_application_from),
            "notes": list(self.notes),
        }


def _day(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


def status_of(findings: Iterable[Finding]) -> str:
    """noncompliant if any clause fails, else inconclusive if any is missing, else compliant.

    Pending clauses do not make a verdict inconclusive: a clean pre-shipment
    inspection before the ship date is compliant, with its open clauses listed.
    """
    statuses = {f.status for f in findings}
    if FAIL in statuses:
        return NONCOMPLIANT
    return INCONCLUSIVE if MISSING in statuses else COMPLIANT


@attrs.frozen
class Verdict:
    contract_id: str
    contract_sha256: str
    status: str
    findings: tuple[Finding, ...]
    claim: Claim
    as_of: datetime.date | None = None
    warnings: tuple[Diagnostic, ...] = ()
    remedies: RemediesOwed | None = None  # present when the contract states remedies or a rebate
    scope: tuple[str, ...] | None = None  # named shipments: those the inspection covered

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]

    def finding(self, path: str) -> Finding:
        """The finding of the clause at `path`; KeyError when the contract has no such clause."""
        for finding in self.findings:
            if finding.clause == path:
                return finding
        raise KeyError(path)

    @property
    def open(self) -> tuple[Finding, ...]:
        """The pending findings: clauses not yet due, each with the date it waits for."""
        return tuple(f for f in self.findings if f.status == PENDING)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "tacl-verdict": 1,
            "contract": {"id": self.contract_id, "sha256": self.contract_sha256},
            "as-of": _day(self.as_of),
            "status": self.status,
        }
        if self.scope is not None:  # named shipments only
            out["scope"] = {"shipments": list(self.scope)}
        out["findings"] = [f.to_dict() for f in self.findings]
        out["claim"] = self.claim.to_dict()
        if self.remedies is not None:  # TACL 1 verdicts keep their bytes
            out["remedies"] = self.remedies.to_dict()
        out["warnings"] = [warning_dict(w) for w in self.warnings]
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"


def warning_dict(warning: Diagnostic) -> dict[str, Any]:
    """A report warning: it has a file but no line, so no position is invented."""
    return {
        "file": warning.file,
        "severity": warning.severity,
        "code": warning.code,
        "rule": warning.rule,
        "message": warning.message,
        "help": warning.help,
    }
