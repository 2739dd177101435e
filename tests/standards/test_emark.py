"""The ℮ rules against figures worked by hand from Council Directive 76/211/EEC.

Sources (the directive's own text, as amended by Commission Directive 78/891/EEC;
legislation.gov.uk/eudr/1976/211/annexes and EUR-Lex 31976L0211):

- Annex I 2.4: TNE by nominal quantity Qn (g or ml): 5–50: 9 %; 50–100: 4.5;
  100–200: 4.5 %; 200–300: 9; 300–500: 3 %; 500–1000: 15; 1000–10 000: 1.5 %;
  percentages "rounded up to the nearest one-tenth of a gram or millilitre".
- Annex I 1.3: no prepackage with a negative error above 2 × TNE (below T2).
- Annex II 2.2.1 (non-destructive, double): 100–500: 30 (Ac 1, Re 3), then 30
  (60: Ac 4, Re 5); 501–3200: 50 (2, 5), then 50 (100: 6, 7); 3201 and over: 80
  (3, 7), then 80 (160: 8, 9). 2.2.2 (destructive): 20, Ac 1, Re 2.
- Annex II 2.3: x̄ ≥ Qn − t(0.995; n−1)·s/√n; 2.3.3 tabulates Qn − 0.503 s
  (n = 30), Qn − 0.379 s (n = 50), Qn − 0.640 s (destructive, n = 20).
- Annex II 2.1.3: a batch of fewer than 100 is checked in full.

The expected numbers below are worked by hand; the arithmetic is in the comments.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from tacl.standards.emark import DESTRUCTIVE, judge, plan_for, tolerable_negative_error

F = Fraction


@pytest.mark.parametrize(
    ("nominal", "tne"),
    [
        ("5", "0.5"),  # 9 % of 5 = 0.45, rounded up to 0.5
        ("40", "3.6"),  # 9 % of 40 = 3.6
        ("50", "4.5"),  # the 50–100 row: 4.5 g (9 % of 50 is 4.5 too)
        ("75", "4.5"),
        ("125", "5.7"),  # 4.5 % of 125 = 5.625, rounded up to 5.7
        ("150", "6.8"),  # 4.5 % of 150 = 6.75 → 6.8
        ("200", "9"),  # the 200–300 row: 9
        ("250", "9"),
        ("330", "9.9"),  # 3 % of 330 = 9.9
        ("400", "12"),  # 3 % of 400
        ("750", "15"),  # the 500–1000 row: 15
        ("1500", "22.5"),  # 1.5 % of 1500
        ("2000", "30"),
        ("10000", "150"),  # 1.5 % of 10 000, the top of the directive's scope
    ],
)
def test_tolerable_negative_error_of_annex_i(nominal: str, tne: str) -> None:
    assert tolerable_negative_error(F(nominal)) == F(tne)


@pytest.mark.parametrize("nominal", ["4.9", "10001"])
def test_outside_the_scope_of_article_1(nominal: str) -> None:
    with pytest.raises(ValueError):
        tolerable_negative_error(F(nominal))


@pytest.mark.parametrize(
    ("batch", "first", "accept", "reject", "second", "accept_both", "factor"),
    [
        (100, 30, 1, 3, 30, 4, "0.503"),
        (500, 30, 1, 3, 30, 4, "0.503"),
        (501, 50, 2, 5, 50, 6, "0.379"),
        (3200, 50, 2, 5, 50, 6, "0.379"),
        (3201, 80, 3, 7, 80, 8, "0.379"),  # the mean is still taken over 50
        (10000, 80, 3, 7, 80, 8, "0.379"),
    ],
)
def test_double_sampling_plan_of_annex_ii(
    batch, first, accept, reject, second, accept_both, factor
) -> None:
    plan = plan_for(batch, first)
    assert (plan.first, plan.accept_first, plan.reject_first) == (first, accept, reject)
    assert (plan.second, plan.accept_both, plan.reject_both) == (
        second,
        accept_both,
        accept_both + 1,
    )
    assert plan.factor == F(factor)


def test_twenty_packages_of_a_large_batch_are_the_destructive_test() -> None:
    assert plan_for(1000, 20) is DESTRUCTIVE
    assert (DESTRUCTIVE.first, DESTRUCTIVE.accept_first, DESTRUCTIVE.reject_first) == (20, 1, 2)
    assert plan_for(60, 20).name == "whole batch"  # under 100: every package


# t(0.995; ν) from a published table of Student's distribution (two-sided 0.01,
# one-sided 0.005): ν = 19: 2.861, ν = 29: 2.756, ν = 49: 2.680.
@pytest.mark.parametrize(("n", "t"), [(20, 2.861), (30, 2.756), (50, 2.680)])
def test_the_tabulated_factors_are_t_over_root_n(n: int, t: float) -> None:
    plan = DESTRUCTIVE if n == 20 else plan_for(300 if n == 30 else 1000, n)
    assert plan.mean_samples == n
    assert abs(float(plan.factor) - t / math.sqrt(n)) < 0.0006  # 2.756/√30 = 0.50318…


def _spread(mean: str, delta: str, n: int) -> list[Fraction]:
    """n values, half at mean − delta and half at mean + delta: x̄ = mean, s² = n·δ²/(n − 1)."""
    low, high = F(mean) - F(delta), F(mean) + F(delta)
    return [low, high] * (n // 2)


def test_the_lotion_of_the_issue_fails_the_mean_criterion() -> None:
    # 250 ml, TNE 9 → T1 241, T2 232. Batch 2400 → 50 packages, factor 0.379.
    # x̄ = 246.7; δ = 0.3 → s² = 50 · 0.09 / 49 = 0.0918…, s ≈ 0.303.
    # Limit Qn − 0.379 s ≈ 250 − 0.115 = 249.885 > 246.7: rejected, though no package
    # is below T1.
    values = _spread("246.7", "0.3", 50)
    outcome = judge(values, F(250), 2400)
    assert outcome.status == "fail"
    assert outcome.below_t1 == 0
    assert outcome.mean == F("246.7")
    assert any("mean" in reason for reason in outcome.reasons)


def test_a_mean_just_below_nominal_passes_within_the_allowance() -> None:
    # Batch 300 → 30 packages, factor 0.503. x̄ = 249.5, δ = 1.5 → s² = 30·2.25/29
    # = 2.3276, s = 1.5257. Allowance 0.503 · 1.5257 = 0.7674: limit 249.2326 ≤ 249.5.
    # Squares: (250 − 249.5)² = 0.25 ≤ 0.503² · 2.3276 = 0.5889.
    outcome = judge(_spread("249.5", "1.5", 30), F(250), 300)
    assert outcome.status == "pass"
    assert outcome.mean_limit_square == (F("0.25"), F("0.503") ** 2 * F(30) * F("2.25") / 29)


def test_the_mean_criterion_either_side_of_its_limit() -> None:
    # 30 packages at x̄ ± 1: s² = 30/29, so 0.503² · s² = 0.253009 · 30/29 = 0.26173…
    values = _spread("249.4", "1", 30)
    assert judge(values, F(250), 300).status == "fail"  # (250 − 249.4)² = 0.36 > 0.2617
    values = _spread("249.5", "1", 30)
    assert judge(values, F(250), 300).status == "pass"  # (250 − 249.5)² = 0.25 ≤ 0.2617


def test_double_sampling_needs_the_second_sample_between_the_criteria() -> None:
    # Batch 300: 30 packages, Ac 1, Re 3. Two below T1 (241) in the first 30: a
    # second sample of 30 is needed. All at 250 otherwise, so the mean passes.
    first = [F(240), F(240)] + [F(252)] * 28
    assert judge(first, F(250), 300).status == "missing"
    # 60 packages: 2 + 2 = 4 below T1 ≤ Ac 4: accepted.
    second = [F(240), F(240)] + [F(252)] * 28
    assert judge(first + second, F(250), 300).status == "pass"
    # 2 + 3 = 5 ≥ Re 5: rejected.
    third = [F(240)] * 3 + [F(252)] * 27
    assert judge(first + third, F(250), 300).status == "fail"


def test_three_below_t1_in_the_first_sample_reject_at_once() -> None:
    values = [F(240)] * 3 + [F(253)] * 27
    outcome = judge(values, F(250), 300)
    assert (outcome.status, outcome.below_t1, outcome.judged) == ("fail", 3, 30)


def test_one_package_below_t2_rejects_the_batch() -> None:
    # T2 = 250 − 2 · 9 = 232: a package of 231.9 may not bear the ℮ (Annex I 1.3).
    values = [F("231.9")] + [F(252)] * 29
    outcome = judge(values, F(250), 300)
    assert outcome.status == "fail"
    assert "T2" in outcome.reasons[0]


def test_the_destructive_plan() -> None:
    # 20 packages of a batch of 1000: Ac 1, Re 2, factor 0.640.
    values = [F(240)] + [F(251)] * 19  # 1 below T1; x̄ = (240 + 19·251)/20 = 250.45 ≥ 250
    assert judge(values, F(250), 1000).status == "pass"
    values = [F(240)] * 2 + [F(252)] * 18
    assert judge(values, F(250), 1000).status == "fail"


def test_a_small_batch_is_checked_in_full_on_its_mean() -> None:
    # 60 units: all 60 measured; the mean must reach Qn (Annex I 1.1).
    assert judge([F(250)] * 59, F(250), 60).status == "missing"
    assert judge([F(250)] * 60, F(250), 60).status == "pass"
    assert judge([F("249.9")] * 60, F(250), 60).status == "fail"
