"""Date-valued `spec` statements (language-v2.md §7) to `DateClause`s.

`on or after DATE`, `on or before DATE`, `between DATE and DATE` (the earlier
first, else E203), and `at least N days|weeks|months after EVENT`, EVENT one of
the claim events or `inspection`. Periods are whole numbers: 1 to 3660 days, 520
weeks or 120 months (E214 otherwise).
"""

from __future__ import annotations

from tacl.compile import values
from tacl.compile.context import Context
from tacl.compile.ir import Location
from tacl.compile.requirements import DateClause
from tacl.syntax import ast

LIMITS = {"days": 3660, "weeks": 520, "months": 120}


def compile_date(ctx: Context, stmt: ast.Spec, path: str) -> None:
    value, rep = stmt.value, ctx.rep
    where = Location(stmt.span.line, stmt.span.column)
    if isinstance(value, ast.DateBound):
        day = values.date(rep, value.date)
        if day is None or not ctx.claim_path(path, stmt):
            return
        verb = "after" if value.after else "before"
        bounds = (day, None) if value.after else (None, day)
        ctx.add(DateClause(path, f"on or {verb} {day.isoformat()}", *bounds, location=where))
    elif isinstance(value, ast.DateBetween):
        earliest, latest = values.date(rep, value.earliest), values.date(rep, value.latest)
        if earliest is None or latest is None:
            return
        if earliest > latest:
            rep.error(
                "E203",
                "empty-range",
                f"`between {value.earliest.text} and {value.latest.text}` is empty: "
                "the first date is after the second",
                value,
                "write the earlier date first",
            )
            return
        if ctx.claim_path(path, stmt):
            expected = f"between {earliest.isoformat()} and {latest.isoformat()}"
            ctx.add(DateClause(path, expected, earliest, latest, location=where))
    else:
        amount = _amount(rep, value)
        if amount is None or not ctx.claim_path(path, stmt):
            return
        unit = value.period if amount != 1 else value.period[:-1]
        expected = f"at least {amount} {unit} after {value.event}"
        ctx.add(
            DateClause(
                path,
                expected,
                amount=amount,
                period=value.period,
                event=value.event,
                location=where,
            )
        )


def _amount(rep: values.Reporter, value: ast.DateAfterEvent) -> int | None:
    number = values.number(rep, value.amount)
    if number is None:
        return None
    limit = LIMITS[value.period]
    if number != number.to_integral_value() or not 1 <= number <= limit:
        rep.error(
            "E214",
            "invalid-duration",
            f"`{value.amount.text} {value.period}` is not a whole number of {value.period} "
            f"from 1 to {limit}",
            value.amount,
        )
        return None
    return int(number)
