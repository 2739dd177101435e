"""The EU average-quantity system (℮): Council Directive 76/211/EEC, as amended by 78/891/EEC.

Only the directive's own text is used (docs/statistics.md quotes and cites it):

- Annex I 2.4, the tolerable negative error (TNE) of a prepackage by its nominal
  quantity Qn, "rounded up to the nearest one-tenth of a gram or millilitre" where
  it is a percentage;
- Annex I 1.1–1.3: the mean not below Qn, few packages below Qn − TNE (the
  "T1" limit), none below Qn − 2 TNE ("T2");
- Annex II 2.1.3: a batch under 100 is checked in full; 2.2.1 the double sampling
  plan of the non-destructive test; 2.2.2 the single plan (20 packages) of the
  destructive test; 2.3 the mean criterion x̄ ≥ Qn − t·s/√n, with t the 0.995
  quantile of Student's distribution on n − 1 degrees of freedom, which 2.3.3
  tabulates as the factors 0.503 (n = 30), 0.379 (n = 50) and 0.640 (n = 20).

Everything is exact: values are Fractions in g or ml, and the mean criterion is
decided by comparing squares, so no square root is taken on the way to a verdict.
"""

from __future__ import annotations

import math
from fractions import Fraction

import attrs

_F = Fraction

# Annex I 2.4 (78/891/EEC): Qn from (inclusive) to (exclusive), TNE as % of Qn or in g/ml.
TNE_TABLE: tuple[tuple[Fraction, Fraction, Fraction | None, Fraction | None], ...] = (
    (_F(5), _F(50), _F(9), None),
    (_F(50), _F(100), None, _F("4.5")),
    (_F(100), _F(200), _F("4.5"), None),
    (_F(200), _F(300), None, _F(9)),
    (_F(300), _F(500), _F(3), None),
    (_F(500), _F(1000), None, _F(15)),
    (_F(1000), _F(10000), _F("1.5"), None),
)
SMALLEST, LARGEST = _F(5), _F(10000)  # Article 1: from 5 g or 5 ml to 10 kg or 10 l


def tolerable_negative_error(nominal: Fraction) -> Fraction:
    """The TNE of Annex I 2.4 for Qn in g or ml; ValueError outside 5–10 000."""
    if not SMALLEST <= nominal <= LARGEST:
        raise ValueError(f"the directive covers 5 to 10 000 g or ml, not {nominal}")
    for low, high, percent, absolute in TNE_TABLE:
        if low <= nominal < high or (high == LARGEST and nominal == LARGEST):
            if absolute is not None:
                return absolute
            tenths = nominal * percent / 100 * 10
            return _F(math.ceil(tenths), 10)  # "rounded up to the nearest one-tenth"
    raise AssertionError("the table covers 5 to 10 000")  # pragma: no cover


@attrs.frozen
class Plan:
    """One sampling plan of Annex II: the count check (2.2) and the mean check (2.3)."""

    name: str  # "non-destructive", "destructive" or "whole batch"
    first: int  # packages in the first (or only) sample
    accept_first: int
    reject_first: int
    second: int  # packages in the second sample; 0 for a single plan
    accept_both: int
    reject_both: int
    mean_samples: int  # packages the mean criterion is taken over
    factor: Fraction  # t(0.995, n − 1)/√n of 2.3.3; 0 for the whole batch

    def describe(self, batch: int) -> str:
        if self.name == "whole batch":
            return f"batch of {batch}: every package (Annex II 2.1.3)"
        if not self.second:
            return (
                f"batch of {batch}, destructive test: {self.first} packages, accept "
                f"{self.accept_first} below T1 (Annex II 2.2.2)"
            )
        return (
            f"batch of {batch}: {self.first} packages, accept {self.accept_first} below T1, "
            f"reject {self.reject_first}; else {self.second} more, accept {self.accept_both} "
            f"in {self.first + self.second} (Annex II 2.2.1)"
        )


# Annex II 2.2.1 (non-destructive, double sampling) with the mean criterion of 2.3.3.
_DOUBLE = (
    (100, 500, Plan("non-destructive", 30, 1, 3, 30, 4, 5, 30, _F("0.503"))),
    (501, 3200, Plan("non-destructive", 50, 2, 5, 50, 6, 7, 50, _F("0.379"))),
    (3201, None, Plan("non-destructive", 80, 3, 7, 80, 8, 9, 50, _F("0.379"))),
)
DESTRUCTIVE = Plan("destructive", 20, 1, 2, 0, 1, 2, 20, _F("0.640"))  # Annex II 2.2.2
DESTRUCTIVE_SAMPLES = 20


def plan_for(batch: int, samples: int) -> Plan:
    """The plan for a batch, chosen as the report shows it was followed.

    A batch under 100 is checked in full (2.1.3). From 100 up, exactly 20 packages
    is the destructive test (2.2.2) — no non-destructive plan draws 20 — and any
    other number the non-destructive double plan (2.2.1) for the batch size.
    """
    if batch < 100:
        return Plan("whole batch", batch, batch, batch + 1, 0, batch, batch + 1, batch, _F(0))
    if samples == DESTRUCTIVE_SAMPLES:
        return DESTRUCTIVE
    for low, high, plan in _DOUBLE:
        if batch >= low and (high is None or batch <= high):
            return plan
    raise AssertionError(batch)  # pragma: no cover


@attrs.frozen
class Outcome:
    """What the ℮ checks found: `status` pass, fail or missing, and why, in parts."""

    status: str
    reasons: tuple[str, ...]
    below_t1: int
    judged: int  # packages the count check used
    mean: Fraction | None
    mean_limit_square: tuple[Fraction, Fraction] | None = None  # (Qn − x̄)², k²·s² when x̄ < Qn


def mean_and_variance(values: list[Fraction]) -> tuple[Fraction, Fraction]:
    """The arithmetic mean and the sample variance s² (n − 1), exactly."""
    n = len(values)
    mean = sum(values, _F(0)) / n
    variance = sum(((v - mean) ** 2 for v in values), _F(0)) / (n - 1) if n > 1 else _F(0)
    return mean, variance


def judge(values: list[Fraction], nominal: Fraction, batch: int) -> Outcome:
    """The verdict of Annex I and II on the packages measured, in the report's order."""
    tne = tolerable_negative_error(nominal)
    t1, t2 = nominal - tne, nominal - 2 * tne
    plan = plan_for(batch, len(values))
    reasons: list[str] = []
    below_t2 = [v for v in values if v < t2]
    if below_t2:
        reasons.append(f"{len(below_t2)} below T2 (Annex I 1.3: none may bear the ℮)")
    need = plan.first
    if len(values) < need:
        what = "every package of the batch" if plan.name == "whole batch" else "its first sample"
        missing = f"the plan needs {what}: {need} packages, the report gives {len(values)}"
        status = "fail" if below_t2 else "missing"
        return Outcome(status, (*reasons, missing), 0, 0, None)
    counted = values[: plan.first]
    below = sum(1 for v in counted if v < t1)
    count_status = _count_status(plan, below, values, t1)
    judged = plan.first if count_status[1] is None else plan.first + plan.second
    below = below if count_status[1] is None else count_status[1]
    if count_status[0] == "fail":
        reasons.append(f"{below} of {judged} below T1: the plan rejects the batch")
    elif count_status[0] == "missing":
        reasons.append(count_status[2])
    mean_values = values[: plan.mean_samples]
    mean, variance = mean_and_variance(mean_values)
    squares = None
    if plan.name == "whole batch":
        mean_ok = mean >= nominal  # Annex I 1.1, on the whole batch
    else:
        shortfall = nominal - mean
        squares = (shortfall * shortfall, plan.factor**2 * variance) if shortfall > 0 else None
        mean_ok = squares is None or squares[0] <= squares[1]
    if not mean_ok:
        reasons.append("the mean is below the directive's limit (Annex II 2.3)")
    failed = below_t2 or count_status[0] == "fail" or not mean_ok
    status = "fail" if failed else count_status[0]
    return Outcome(status, tuple(reasons), below, judged, mean, squares)


def _count_status(plan: Plan, below: int, values: list[Fraction], t1: Fraction):
    """(status, defectives in both samples or None, why missing) of the count check."""
    if plan.name == "whole batch" or below <= plan.accept_first:
        return "pass", None, ""
    if below >= plan.reject_first or not plan.second:
        return "fail", None, ""
    both = plan.first + plan.second
    if len(values) < both:
        return (
            "missing",
            None,
            f"{below} below T1 in the first {plan.first}: the plan needs a second sample of "
            f"{plan.second} (the report gives {len(values)} packages of {both})",
        )
    total = sum(1 for v in values[:both] if v < t1)
    return ("pass" if total <= plan.accept_both else "fail"), total, ""
