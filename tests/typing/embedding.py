"""A sourcing platform embedding TACL, as its engineers would write it.

tests/typing/test_mypy.py runs `mypy --strict` on this file: every public name of
`tacl` is used here with the types a platform relies on. It is also run as a
program, so what type-checks also works.
"""

from __future__ import annotations

import datetime
import json
import pickle
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import tacl
from tacl import (
    Claim,
    CompiledContract,
    ContractError,
    Diagnostic,
    Finding,
    LintConfig,
    ReportError,
    TaclError,
    UsageError,
    Verdict,
    VoidGround,
)


def refund_due(claim: Claim) -> Decimal:
    """What the platform books: the amount as an exact Decimal, zero without a claim."""
    if not claim.eligible or claim.amount is None:
        return Decimal(0)
    return Decimal(claim.amount)


def failing(verdict: Verdict) -> list[Finding]:
    return [f for f in verdict.findings if f.status == "fail"]


def voided(claim: Claim) -> dict[str, str]:
    grounds: tuple[VoidGround, ...] = claim.void_grounds
    return {v.ground: v.reason for v in grounds}


def first_error(diagnostics: list[Diagnostic]) -> str | None:
    errors = [d for d in diagnostics if d.severity == "error"]
    if not errors:
        return None
    span = errors[0].span
    where = f"{errors[0].file}:{span.line}:{span.column}" if span else errors[0].file
    return f"{where}: {errors[0].code} {errors[0].message}"


def judge(contract: CompiledContract, report: dict[str, object]) -> str:
    try:
        verdict = contract.evaluate(report, as_of=datetime.date(2026, 5, 1))
    except ReportError as exc:
        return f"bad report at {exc.path}: {exc.message}"
    closes: datetime.date | None = verdict.claim.window_closes
    shown = closes.isoformat() if closes else "-"
    code: int = verdict.exit_code
    data: dict[str, object] = verdict.to_dict()
    return f"{verdict.status} ({code}), refund {refund_due(verdict.claim)}, closes {shown}, {len(data)}"


def main(folder: Path) -> int:
    print("tacl", tacl.__version__)
    contract: CompiledContract = tacl.load(folder / "po.tacl")
    same = tacl.compile_source((folder / "po.tacl").read_bytes(), name="po.tacl")
    assert same == contract and hash(same) == hash(contract)
    fingerprint: str = contract.sha256
    order_value: Decimal | None = contract.order_value
    print(contract.id, fingerprint[:12], order_value, len(contract.clauses))

    report = json.loads((folder / "reports" / "quality.json").read_text("utf-8"))
    with ThreadPoolExecutor(max_workers=4) as pool:  # docs/api.md: safe to share
        results = list(pool.map(lambda _: judge(contract, report), range(8)))
    assert len(set(results)) == 1
    print(results[0])

    copy: CompiledContract = pickle.loads(pickle.dumps(contract))
    verdict: Verdict = copy.evaluate(report)
    assert pickle.loads(pickle.dumps(verdict)) == verdict
    for finding in failing(verdict)[:3]:
        print(" ", finding.clause, finding.expected, "->", finding.actual)
    print(voided(verdict.claim), verdict.finding("shipment.ship-by").status)

    config = LintConfig.from_table({"ignore": ["vague-wording"]})
    notes = tacl.lint_source('contract "X" {\n  currency USD\n}\n', config=config)
    print(len(notes), "lint findings;", first_error(notes))

    try:
        tacl.compile_source('contract "X" {\n  currency USX\n}\n')
    except ContractError as exc:
        print("rejected:", first_error(list(exc.diagnostics)))
    try:
        tacl.load(42)  # type: ignore[arg-type]  # a platform bug: not a path
    except UsageError as exc:
        print("usage:", exc)
    except TaclError as exc:
        print("other:", exc)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
