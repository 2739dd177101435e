"""The `remedies { … }` block to a `Remedies` record (language-v2.md §5).

`late penalty R % per day|week[, at most C %]`, `cancel if more than N days late`
and `refund affected goods`, each at most once. Rates and caps are percentages
above zero and at most 100; a penalty without a cap compiles (the linter asks
for one). Rebates are modifiers of measured clauses: see modifiers.py.
"""

from __future__ import annotations

from decimal import Decimal

from tacl.compile import values
from tacl.compile.orders import LatePenalty, Remedies
from tacl.syntax import ast

_KEYS = {
    ast.LatePenalty: "remedies.late-penalty",
    ast.CancelRight: "remedies.cancel",
    ast.RefundAffected: "remedies.refund",
}


def compile_remedies(ctx, block: ast.Block) -> Remedies | None:
    """The block's remedies; None when a line is wrong (reported)."""
    penalty, cancel, affected = None, None, False
    ok = True
    for stmt in block.statements:
        if not ctx.claim_path(_KEYS[type(stmt)], stmt):
            ok = False
        elif isinstance(stmt, ast.LatePenalty):
            penalty = _penalty(ctx.rep, stmt)
            ok = ok and penalty is not None
        elif isinstance(stmt, ast.CancelRight):
            cancel = _days(ctx.rep, stmt)
            ok = ok and cancel is not None
        else:
            affected = True
    return Remedies(penalty, cancel, affected) if ok else None


def _penalty(rep, stmt: ast.LatePenalty) -> LatePenalty | None:
    rate = _percent(rep, stmt.rate, "a late penalty")
    cap = None if stmt.cap is None else _percent(rep, stmt.cap, "a penalty's cap")
    if rate is None or (stmt.cap is not None and cap is None):
        return None
    return LatePenalty(rate, stmt.period, cap)


def _percent(rep, num: ast.Num, what: str) -> Decimal | None:
    value = values.number(rep, num)
    if value is None:
        return None
    if not 0 < value <= 100:
        rep.error(
            "E229",
            "invalid-remedy",
            f"{what} of {num.text} % is not above 0 and at most 100 %",
            num,
            "a penalty is a share of the late goods' value",
        )
        return None
    return value


def _days(rep, stmt: ast.CancelRight) -> int | None:
    amount = values.number(rep, stmt.days)
    if amount is None:
        return None
    if amount != amount.to_integral_value() or amount < 0 or amount > 3660:
        rep.error(
            "E214",
            "invalid-duration",
            f"`{stmt.days.text} {stmt.unit}` is not a whole number of days from 0 to 3660",
            stmt.days,
        )
        return None
    return int(amount)
