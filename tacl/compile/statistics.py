"""Statistics on a measured requirement (language-v2.md §6): `mean`, `, at most K outside`,
`, on N samples`, `, cpk at least C`, resolved into the clause's `Statistic`.

The modifiers come in any order after the constraint; each may be given once (a
second is E231, at the second). What makes no sense is E232, located at the
modifier that causes it: a fraction of a sample, more samples allowed outside
than measured, a Cpk on a one-sided or exact constraint (it needs two limits),
a Cpk on fewer than two samples (it needs a standard deviation).
"""

from __future__ import annotations

from decimal import Decimal

from tacl.compile import values
from tacl.compile.ir import Statistic
from tacl.syntax import ast

MAX_SAMPLES = 10_000  # a report holds at most this many samples a clause

_MINE = (ast.Outside, ast.OnSamples, ast.CpkAtLeast)


def resolve_statistic(rep: values.Reporter, stmt, resolved: values.Resolved):
    """(ok, Statistic or None): None when the statement judges each sample alone (TACL 1)."""
    modifiers = getattr(stmt, "modifiers", ())
    if not modifiers and getattr(stmt, "statistic", "each") != "mean":
        return True, None  # most statements: each sample judged alone, nothing to check
    if not _once_each(rep, modifiers):
        return False, None
    found = {type(m): m for m in modifiers if isinstance(m, _MINE)}
    mean = getattr(stmt, "statistic", "each") == "mean"
    if not found and not mean:
        return True, None
    samples = _whole(rep, found.get(ast.OnSamples), "samples", 1)
    outside = _whole(rep, found.get(ast.Outside), "outside", 0)
    cpk = _cpk(rep, found.get(ast.CpkAtLeast), resolved)
    if False in (samples, outside, cpk):
        return False, None
    if not _consistent(rep, found, samples, outside, cpk):
        return False, None
    return True, Statistic(mean, outside, samples, cpk)


def describe(statistic: Statistic | None, expected: str) -> str:
    """The clause's `expected` with its statistic: `mean at least 250 ml, on 10 samples`."""
    if statistic is None:
        return expected
    parts = [("mean " if statistic.mean else "") + expected]
    if statistic.outside is not None:
        parts.append(f"at most {statistic.outside} outside")
    if statistic.samples is not None:
        parts.append(f"on {statistic.samples} samples")
    if statistic.cpk is not None:
        parts.append(f"Cpk at least {statistic.cpk}")
    return ", ".join(parts)


def _once_each(rep, modifiers) -> bool:
    seen: dict[type, object] = {}
    ok = True
    for modifier in modifiers:
        if not isinstance(modifier, _MINE):
            continue  # a rebate's own rules say it once (compile/modifiers.py)
        first = seen.setdefault(type(modifier), modifier)
        if first is not modifier:
            rep.error(
                "E231",
                "duplicate-modifier",
                f"this modifier is given twice; first at column {first.span.column}",
                modifier,
                "state each modifier once; the order does not matter",
            )
            ok = False
    return ok


def _whole(rep, modifier, what: str, minimum: int):
    """The whole number of `on N samples` or `at most K outside`; None when absent."""
    if modifier is None:
        return None
    number = values.number(rep, modifier.count)
    if number is None:
        return False
    if number != number.to_integral_value() or number < minimum or number > MAX_SAMPLES:
        rep.error(
            "E232",
            "invalid-statistic",
            f"`{modifier.count.text}` is not a whole number of samples from {minimum} "
            f"to {MAX_SAMPLES:,}",
            modifier.count,
            "count samples in whole numbers: `on 10 samples`, `at most 1 outside`",
        )
        return False
    return int(number)


def _cpk(rep, modifier, resolved: values.Resolved):
    if modifier is None:
        return None
    number = values.number(rep, modifier.value)
    if number is None:
        return False
    if number <= 0:
        rep.error(
            "E232",
            "invalid-statistic",
            "a Cpk requirement must be above zero",
            modifier.value,
            "capable processes are asked for 1.33 or 1.67",
        )
        return False
    interval = resolved.interval
    if interval.low is None or interval.high is None or interval.low == interval.high:
        rep.error(
            "E232",
            "invalid-statistic",
            f"`cpk at least {modifier.value.text}` needs a constraint with two limits",
            modifier,
            "Cpk measures the distance to the nearer of two limits: write `V ± T` or "
            "`between A and B`",
        )
        return False
    return Decimal(number)


def _consistent(rep, found: dict, samples, outside, cpk) -> bool:
    if samples is not None and outside is not None and outside >= samples:
        rep.error(
            "E232",
            "invalid-statistic",
            f"at most {outside} outside of {samples} samples lets every sample fall outside",
            found[ast.Outside],
            "allow fewer samples outside than are measured",
        )
        return False
    if samples is not None and cpk is not None and samples < 2:
        rep.error(
            "E232",
            "invalid-statistic",
            "a Cpk needs at least 2 samples (it uses their standard deviation)",
            found[ast.OnSamples],
            "ask for enough samples to estimate a spread, such as `on 30 samples`",
        )
        return False
    return True


def test_units(rep: values.Reporter, stmt: ast.Test):
    """The N of `test NAME passes on N units`: None when absent, False when invalid."""
    if stmt.units is None:
        return None
    number = values.number(rep, stmt.units)
    if number is None:
        return False
    if number != number.to_integral_value() or not 1 <= number <= MAX_SAMPLES:
        rep.error(
            "E232",
            "invalid-statistic",
            f"`on {stmt.units.text} units` is not a whole number of units from 1 to "
            f"{MAX_SAMPLES:,}",
            stmt.units,
            "say how many units the test is run on: `passes on 10 units`",
        )
        return False
    return int(number)
