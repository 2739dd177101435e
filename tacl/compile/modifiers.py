"""The comma-separated modifiers after a measured constraint (language-v2.md §5, §6).

`spec moisture at most 12.5 %, rebate 1 % per 0.1 % up to 13.0 %`: each modifier
may come once, in any order (a second one is E231 at the second, as in
compile/statistics.py). `resolve`
returns the constraint as the modifiers change it and the records they add to
the clause; a modifier kind is one handler in `_HANDLERS`.

A rebate moves the clause's pass limit from the target to the rebate's limit:
a value past the target but within the limit passes, with a price reduction
computed at evaluation (see evaluate/remedies.py).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from tacl.compile import values
from tacl.compile.ir import Interval
from tacl.compile.orders import Rebate
from tacl.standards.compound import lookup
from tacl.standards.exact import format_quantity
from tacl.syntax import ast

_NAMES = {ast.Rebate: "rebate"}


@attrs.frozen
class Modified:
    """A resolved constraint after its modifiers, and what they add to the clause."""

    resolved: values.Resolved
    rebate: Rebate | None = None


def resolve(rep, constraint, resolved: values.Resolved, modifiers: tuple) -> Modified | None:
    """Apply each modifier once; None when one is wrong (reported)."""
    seen: dict[str, object] = {}
    result = Modified(resolved)
    for modifier in modifiers:
        name = _NAMES[type(modifier)]
        if name in seen:
            rep.error(  # E231, as for a statistics modifier: one code for one mistake
                "E231",
                "duplicate-modifier",
                f"this modifier is given twice; first at column {seen[name].span.column}",
                modifier,
                "state each modifier once; the order does not matter",
            )
            return None
        seen[name] = modifier
        result = _HANDLERS[type(modifier)](rep, constraint, result, modifier)
        if result is None:
            return None
    return result


def _rebate(rep, constraint, modified: Modified, node: ast.Rebate) -> Modified | None:
    resolved = modified.resolved
    wanted = ast.AtMost if node.direction == "up" else ast.AtLeast
    if not isinstance(constraint, wanted):
        form = "at most" if node.direction == "up" else "at least"
        return _invalid(
            rep,
            f"`rebate … {node.direction} to` needs an `{form}` constraint",
            node,
            f"write `{form} TARGET, rebate R % per STEP {node.direction} to LIMIT`: values past "
            "the target and within the limit pass with a rebate",
        )
    rate = _rate(rep, node.rate)
    step_size = _step(rep, node.step, resolved)
    limit = _amount(rep, node.limit, resolved, "the rebate's limit")
    if rate is None or step_size is None or limit is None:
        return None
    if step_size <= 0:
        return _invalid(rep, "a rebate's step must be more than zero", node.step)
    target = resolved.interval.high if node.direction == "up" else resolved.interval.low
    beyond = limit > target if node.direction == "up" else limit < target
    if not beyond:
        side = "above" if node.direction == "up" else "below"
        return _invalid(
            rep,
            f"the rebate's limit must lie {side} the target of {resolved.expected}",
            node.limit,
            "the target is where the rebate starts; the limit, where the value fails",
        )
    interval = Interval(None, limit) if node.direction == "up" else Interval(limit, None)
    shown = f"{node.direction} to {_show(node.limit)}"
    expected = (
        f"{resolved.expected}; {shown} with a rebate of {_show(node.rate)} per {_show(node.step)}"
    )
    rebate = Rebate(rate, step_size, node.direction, target, limit, resolved.unit)
    extra = f"; {shown} with a rebate of {_show(node.rate)} per {_show(node.step)}"
    written = f"{resolved.written}{extra}" if resolved.written else ""
    widened = attrs.evolve(resolved, interval=interval, expected=expected, written=written)
    return attrs.evolve(modified, resolved=widened, rebate=rebate)


def _rate(rep, measure: ast.Measure) -> Decimal | None:
    if measure.unit is None or measure.unit.text != "%":
        _invalid(
            rep,
            "a rebate is a percentage of the product's value",
            measure,
            "write it as `1 %`",
        )
        return None
    rate = values.number(rep, measure.number)
    if rate is not None and not 0 < rate <= 100:
        _invalid(rep, f"a rebate of {measure.number.text} % is not between 0 and 100 %", measure)
        return None
    return rate


def _step(rep, measure: ast.Measure, resolved: values.Resolved) -> Fraction | None:
    """A step is a difference: in base units without a temperature's offset (1 °F = 5/9 °C)."""
    if _amount(rep, measure, resolved, "the rebate's step") is None:
        return None
    word = measure.unit.text if measure.unit is not None else resolved.unit
    amount = values.number(rep, measure.number)
    return None if amount is None else lookup(word).difference_to_base(Fraction(amount))


def _amount(rep, measure: ast.Measure, resolved: values.Resolved, what: str) -> Fraction | None:
    """A value in the clause's dimension, in base units (the clause's unit when none given)."""
    fallback = None
    if measure.unit is None:
        fallback = ast.Word(resolved.unit, span=measure.span)
    constraint = ast.Exact(
        ast.Measure(measure.number, measure.unit or fallback, span=measure.span), span=measure.span
    )
    found = values.constraint(rep, constraint, (resolved.dimension,), what)
    return None if found is None else found.interval.low


def _show(measure: ast.Measure) -> str:
    number = Fraction(Decimal(measure.number.text.replace("_", "")))
    return format_quantity(number, measure.unit.text) if measure.unit else measure.number.text


def _invalid(rep, message: str, node, help_: str | None = None) -> None:
    rep.error("E228", "invalid-rebate", message, node, help_)
    return None


_HANDLERS = {ast.Rebate: _rebate}
