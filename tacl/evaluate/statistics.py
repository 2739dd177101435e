"""Checks of measured clauses judged by statistics (language-v2.md §6) and by the ℮ rules.

`StatisticCheck` judges a clause with a `Statistic`: each sample (allowing K
outside) or the mean, on at least N samples, with a Cpk of at least C. The Cpk
is decided exactly without a square root: Cpk ≥ C ⟺ d ≥ 0 and d² ≥ 9C²s², with
d = min(USL − x̄, x̄ − LSL) and s² the sample variance (n − 1). A failing
observation is conclusive (more samples cannot undo it); a statistic that needs
more samples is `missing`, saying how many more.

`EMarkCheck` applies Directive 76/211/EEC (tacl/standards/emark.py) to the
packages measured, with the batch size from the report's counted quantity of the
product (or else the contract's).
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal, localcontext
from fractions import Fraction

from tacl.compile.ir import MeasureClause
from tacl.compile.requirements import EMarkClause
from tacl.evaluate.verdict import FAIL, MISSING, PASS, Finding, finding
from tacl.standards import emark
from tacl.standards.compound import lookup
from tacl.standards.exact import format_fraction, format_quantity

LISTED = 5


def values_of(found) -> list[tuple[Fraction, str]]:
    """Each sample as an exact value in the dimension's base unit, with its text."""
    return [
        (unit.to_base(Fraction(mantissa, 10**exponent)), text)
        for mantissa, exponent, unit, text in found
    ]


def _listing(texts: list[str]) -> str:
    return ", ".join(texts[:LISTED]) + (", …" if len(texts) > LISTED else "")


def _needs(n: int, wanted: int) -> str:
    more = wanted - n
    return f"{n} of {wanted} samples: {more} more {'is' if more == 1 else 'are'} needed"


class StatisticCheck:
    """A measured clause with `mean`, `at most K outside`, `on N samples` or `cpk at least C`."""

    __slots__ = ("clause", "unit")

    def __init__(self, clause: MeasureClause):
        self.clause = clause
        self.unit = lookup(clause.unit)

    def show(self, base: Fraction) -> str:
        return format_quantity(self.unit.from_base(base), self.clause.unit)

    def check(self, evidence, ctx) -> Finding:
        clause, stat = self.clause, self.clause.statistic
        found = evidence.samples.get(clause.path)
        if not found:
            wanted = f"; {stat.samples} samples are needed" if stat.samples else ""
            return finding(clause, MISSING, None, f"no measurement in the report{wanted}")
        values = values_of(found)
        n = len(values)
        interval = clause.interval
        outside = [text for value, text in values if not interval.contains(value)]
        failures, gaps, parts = [], [], []
        allowed = stat.outside if stat.outside is not None else (None if stat.mean else 0)
        if allowed is not None:
            if len(outside) > allowed:
                limit = f" (at most {allowed} allowed)" if stat.outside is not None else ""
                failures.append(
                    f"{len(outside)} of {n} samples outside the bounds{limit}: {_listing(outside)}"
                )
            elif stat.outside is not None:
                parts.append(f"{len(outside)} of {n} outside (at most {allowed})")
        if stat.samples is not None and n < stat.samples:
            gaps.append(_needs(n, stat.samples))
        mean = sum((v for v, _ in values), Fraction(0)) / n
        if stat.mean:
            shown = self.show(mean)
            parts.append(f"mean {shown}")
            if not interval.contains(mean) and not gaps:
                failures.append(self._mean_failure(mean))
        if stat.cpk is not None:
            self._cpk(values, mean, failures, gaps, parts)
        actual = "; ".join(parts) or ", ".join(found.texts[:10])
        actual += f" ({n} sample{'s' if n != 1 else ''})"
        if failures:
            return finding(clause, FAIL, actual, "; ".join(failures))
        if gaps:
            return finding(clause, MISSING, actual, "; ".join(gaps))
        return finding(clause, PASS, actual, f"{clause.expected}: met on {n} samples")

    def _mean_failure(self, mean: Fraction) -> str:
        low, high = self.clause.interval.low, self.clause.interval.high
        if low is not None and mean < low:
            return f"the mean {self.show(mean)} is below the minimum of {self.show(low)}"
        return f"the mean {self.show(mean)} is above the maximum of {self.show(high)}"

    def _cpk(self, values, mean: Fraction, failures: list, gaps: list, parts: list) -> None:
        wanted = self.clause.statistic.cpk
        n = len(values)
        if n < 2:
            gaps.append("a Cpk needs at least 2 samples")
            return
        interval = self.clause.interval
        variance = sum(((v - mean) ** 2 for v, _ in values), Fraction(0)) / (n - 1)
        distance = min(interval.high - mean, mean - interval.low)
        capable = meets_cpk(distance, variance, Fraction(wanted))
        parts.append(f"Cpk {cpk_text(distance, variance, wanted)}")
        if gaps:
            return  # fewer samples than asked for: the estimate is not yet the contract's
        if not capable:
            failures.append(
                f"Cpk {cpk_text(distance, variance, wanted)} is below {wanted} "
                f"(x̄ {self.show(mean)}, {n} samples)"
            )


def meets_cpk(distance: Fraction, variance: Fraction, wanted: Fraction) -> bool:
    """Cpk = distance / 3s ≥ wanted, decided on squares: no square root, no rounding."""
    if distance < 0:
        return False
    if variance == 0:
        return distance > 0  # no spread: capable unless the mean sits on a limit
    return distance * distance >= 9 * wanted * wanted * variance


def cpk_text(distance: Fraction, variance: Fraction, wanted: Decimal) -> str:
    """The Cpk for people: rounded down, so a failing value never reads as the limit."""
    if variance == 0:
        return "unbounded (no spread)" if distance > 0 else "0 (no spread, on a limit)"
    places = max(3, -wanted.as_tuple().exponent)
    with localcontext() as context:
        context.prec = 40
        s = (Decimal(variance.numerator) / Decimal(variance.denominator)).sqrt()
        value = Decimal(distance.numerator) / Decimal(distance.denominator) / (3 * s)
        return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_FLOOR))


class EMarkCheck:
    """Directive 76/211/EEC on the packages of one ℮ clause."""

    __slots__ = ("clause", "unit", "batch_path", "batch_nominal")

    def __init__(self, clause: EMarkClause, contract):
        self.clause = clause
        self.unit = lookup(clause.unit)
        product = contract.product(clause.sku)
        quantity = product.quantity
        self.batch_path = f"products.{clause.sku}.quantity"
        self.batch_nominal = None
        if quantity is not None and quantity.dimension == "count" and quantity.nominal:
            self.batch_nominal = int(quantity.nominal)

    def show(self, base: Fraction) -> str:
        return format_quantity(self.unit.from_base(base), self.clause.unit)

    def _batch(self, evidence) -> int | None:
        counted = evidence.samples.get(self.batch_path)
        if counted:
            mantissa, exponent, unit, _text = counted[0]
            if unit.dimension == "count":
                value = unit.to_base(Fraction(mantissa, 10**exponent))
                if value.denominator == 1 and value > 0:
                    return int(value)
        return self.batch_nominal

    def check(self, evidence, ctx) -> Finding:
        clause = self.clause
        found = evidence.samples.get(clause.path)
        if not found:
            return finding(clause, MISSING, None, "no package measured in the report")
        batch = self._batch(evidence)
        if batch is None:
            return finding(
                clause,
                MISSING,
                None,
                f"the batch size is unknown: the report gives no counted quantity "
                f"(products.{clause.sku}.quantity) and the contract none in pieces",
            )
        values = [v for v, _ in values_of(found)]
        outcome = emark.judge(values, clause.nominal, batch)
        plan = emark.plan_for(batch, len(values))
        expected = f"{clause.expected}; {plan.describe(batch)}"
        t1 = clause.nominal - clause.tne
        actual = f"{len(values)} packages"
        if outcome.mean is not None:
            actual = (
                f"mean {self.show(outcome.mean)} of {min(len(values), plan.mean_samples)}, "
                f"{outcome.below_t1} of {outcome.judged} below T1 {self.show(t1)}"
            )
        if outcome.status == PASS:
            message = "the batch meets the directive: mean, T1 count and T2"
        else:
            message = "; ".join(outcome.reasons)
            if outcome.mean_limit_square is not None and "mean" in message:
                message += f" ({self._limit_text(plan, values)})"
        return finding(clause, outcome.status, actual, message, expected)

    def _limit_text(self, plan: emark.Plan, values: list[Fraction]) -> str:
        """The mean's limit Qn − k·s as numbers, for the message only (rounded to 3 places)."""
        _mean, variance = emark.mean_and_variance(values[: plan.mean_samples])
        with localcontext() as context:
            context.prec = 30
            s = Fraction((Decimal(variance.numerator) / Decimal(variance.denominator)).sqrt())
        limit = self.unit.from_base(self.clause.nominal - plan.factor * s)
        spread = s / self.unit.factor
        return (
            f"x̄ must be at least Qn − {format_fraction(plan.factor)}·s ≈ "
            f"{format_quantity(Fraction(round(limit, 3)), self.clause.unit)}, "
            f"s ≈ {format_quantity(Fraction(round(spread, 3)), self.clause.unit)}"
        )
