"""Statistics on measured clauses (language-v2.md §6), every expectation worked by hand.

The Cpk case is the textbook exercise of D. C. Montgomery, *Introduction to
Statistical Quality Control* (Wiley), chapter on process capability: "USL = 100,
LSL = 90; a sample of 30 parts gives x̄ = 97 and s = 1.6", so
Ĉpk = min(100 − 97, 97 − 90) / (3 · 1.6) = 3 / 4.8 = 0.625.
"""

from __future__ import annotations

import statistics
from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tacl
from tacl.evaluate.statistics import cpk_text, meets_cpk

HEAD = 'contract "S-2" {\n  currency USD\n  product "P" {\n'


def contract(*lines: str):
    body = "".join(f"    {line}\n" for line in lines)
    return tacl.compile_source(HEAD + body + "  }\n}\n", name="s.tacl")


def finding(compiled, clause: str, **product):
    report = {
        "tacl-report": 1,
        "contract": "S-2",
        "inspection": {"kind": "post-delivery", "date": "2026-04-24"},
        "products": {"P": product},
    }
    return next(f for f in compiled.evaluate(report).findings if f.clause == clause)


def ml(*values) -> list[str]:
    return [f"{v} ml" for v in values]


MEAN = contract('spec "net content" mean at least 250 ml')


def test_the_mean_passes_though_a_sample_is_below() -> None:
    # (249 + 250 + 252) / 3 = 250.333… ≥ 250
    found = finding(MEAN, "products.P.spec.net content", spec={"net content": ml(249, 250, 252)})
    assert found.status == "pass"
    assert found.actual == "mean ≈250.333333 ml (3 samples)"


def test_the_mean_below_the_minimum_fails() -> None:
    # (246.5 + 246.9) / 2 = 246.7 < 250: the lotion of the issue
    found = finding(MEAN, "products.P.spec.net content", spec={"net content": ml(246.5, 246.9)})
    assert found.status == "fail"
    assert found.message == "the mean 246.7 ml is below the minimum of 250 ml"


OUTSIDE = contract('dimension "bore" 10 mm ± 0.1 mm, at most 1 outside')


@pytest.mark.parametrize(
    ("samples", "status"),
    [
        (["10 mm", "10.2 mm", "9.95 mm"], "pass"),  # one outside (10.2), one allowed
        (["10.2 mm", "9.8 mm", "10 mm"], "fail"),  # two outside
        (["10.1 mm", "9.9 mm"], "pass"),  # both on the bounds: inside
    ],
)
def test_at_most_k_outside(samples, status) -> None:
    found = finding(OUTSIDE, "products.P.dimension.bore", dimension={"bore": samples})
    assert found.status == status


SAMPLES = contract('dimension "bore" 10 mm ± 0.1 mm, on 5 samples')


def test_fewer_samples_than_asked_are_missing_and_say_how_many_more() -> None:
    found = finding(SAMPLES, "products.P.dimension.bore", dimension={"bore": ["10 mm"] * 3})
    assert (found.status, found.message) == ("missing", "3 of 5 samples: 2 more are needed")


def test_a_failing_sample_is_conclusive_before_all_samples_are_in() -> None:
    found = finding(SAMPLES, "products.P.dimension.bore", dimension={"bore": ["10.5 mm"]})
    assert found.status == "fail"


# Montgomery's exercise: 30 parts with x̄ = 97 and s = 1.6. Six pairs at 97 ± 2.4,
# one pair at 97 ± 1.6 and 16 parts at 97: Σ(x − x̄)² = 2 · (6 · 5.76 + 2.56) = 74.24,
# s² = 74.24 / 29 = 2.56, s = 1.6. Every part lies in [90, 100].
MONTGOMERY = ["94.6", "99.4"] * 6 + ["95.4", "98.6"] + ["97"] * 16


def test_montgomery_sample_has_the_textbook_mean_and_deviation() -> None:
    values = [Fraction(v) for v in MONTGOMERY]
    assert len(values) == 30
    assert statistics.mean(values) == 97  # an oracle independent of tacl
    assert statistics.variance(values) == Fraction("2.56")


@pytest.mark.parametrize(("wanted", "status"), [("0.625", "pass"), ("0.626", "fail")])
def test_cpk_against_the_textbook_value(wanted: str, status: str) -> None:
    compiled = contract(f'spec "x" between 90 and 100 mm, cpk at least {wanted}, on 30 samples')
    found = finding(compiled, "products.P.spec.x", spec={"x": [f"{v} mm" for v in MONTGOMERY]})
    assert found.status == status
    assert "Cpk 0.625" in found.actual  # 3 / (3 · 1.6)


def test_cpk_with_no_spread() -> None:
    compiled = contract('spec "x" between 90 and 100 mm, cpk at least 1.33')
    assert finding(compiled, "products.P.spec.x", spec={"x": ["95 mm"] * 5}).status == "pass"
    assert finding(compiled, "products.P.spec.x", spec={"x": ["100 mm"] * 5}).status == "fail"


def test_cpk_needs_two_samples() -> None:
    compiled = contract('spec "x" between 90 and 100 mm, cpk at least 1.33')
    found = finding(compiled, "products.P.spec.x", spec={"x": ["95 mm"]})
    assert (found.status, found.message) == ("missing", "a Cpk needs at least 2 samples")


values = st.lists(st.decimals(min_value=90, max_value=100, places=2), min_size=2, max_size=12)


@given(values, st.decimals(min_value="0.1", max_value=3, places=2))
def test_cpk_decided_on_squares_agrees_with_a_fifty_digit_root(samples, wanted) -> None:
    """The exact rule against Cpk computed with a 50-digit square root, off the boundary."""
    xs = [Fraction(v) for v in samples]
    mean, variance = statistics.mean(xs), statistics.variance(xs)
    distance = min(100 - mean, mean - 90)
    if variance == 0:
        return
    with localcontext() as context:
        context.prec = 50
        cpk = (
            Decimal(distance.numerator)
            / Decimal(distance.denominator)
            / (3 * (Decimal(variance.numerator) / Decimal(variance.denominator)).sqrt())
        )
        if abs(cpk - wanted) < Decimal("1e-30"):
            return
        assert meets_cpk(distance, variance, Fraction(wanted)) == (cpk >= wanted)
        shown = Decimal(cpk_text(distance, variance, wanted))
        assert shown <= cpk  # rounded down: a failing Cpk never reads as its limit


def test_a_mean_with_at_most_k_outside_judges_both() -> None:
    compiled = contract('spec "fill" mean at least 250 ml, at most 1 outside')
    clause = "products.P.spec.fill"
    # mean (249 + 251 + 252) / 3 = 250.67, one below 250 (allowed)
    assert finding(compiled, clause, spec={"fill": ml(249, 251, 252)}).status == "pass"
    # mean (249 + 249 + 255) / 3 = 251, but two below
    assert finding(compiled, clause, spec={"fill": ml(249, 249, 255)}).status == "fail"


def test_tests_with_counts() -> None:
    compiled = contract('test "hi-pot 1500 V" passes on 10 units')
    clause = "products.P.test.hi-pot 1500 V"
    test = {"hi-pot 1500 V": {"passed": 10, "failed": 0}}
    assert finding(compiled, clause, test=test).status == "pass"
    test = {"hi-pot 1500 V": {"passed": 9, "failed": 1}}
    assert finding(compiled, clause, test=test).status == "fail"
    found = finding(compiled, clause, test={"hi-pot 1500 V": ["pass"] * 8})
    assert (found.status, found.message) == (
        "missing",
        "`hi-pot 1500 V` passed on 8 of 10 units: 2 more are needed",
    )
    assert finding(compiled, clause, test={"hi-pot 1500 V": ["pass"] * 10}).status == "pass"


def test_a_measured_value_where_a_test_is_expected_suggests_spec() -> None:
    compiled = contract('test "sole bond 3 N/mm" passes')
    with pytest.raises(tacl.ReportError) as caught:
        finding(compiled, "products.P.test.sole bond 3 N/mm", test={"sole bond 3 N/mm": "3.1 N/mm"})
    assert caught.value.path == "products.P.test.sole bond 3 N/mm"
    assert 'got "3.1 N/mm": a measured value' in caught.value.message
    assert "`spec NAME at most LIMIT UNIT`" in caught.value.message


LOTION = contract("quantity 2400 pcs", 'spec "net content" ℮ 250 ml')


def test_the_lotion_of_the_issue_is_noncompliant_under_the_e_mark() -> None:
    # 250 ml: TNE 9, T1 241, T2 232. Batch 2400 → 50 packages, mean over 50, factor
    # 0.379. 25 at 246.4 and 25 at 247.0: x̄ = 246.7, s² = 50 · 0.09 / 49 ≈ 0.0918.
    # Qn − x̄ = 3.3; 3.3² = 10.89 > 0.379² · 0.0918 = 0.0132: rejected.
    samples = ml(*(["246.4", "247.0"] * 25))
    found = finding(
        LOTION, "products.P.spec.net content", quantity=2400, spec={"net content": samples}
    )
    assert found.status == "fail"
    assert found.actual == "mean 246.7 ml of 50, 0 of 50 below T1 241 ml"
    assert "Annex II 2.2.1" in found.expected


def test_the_e_mark_batch_comes_from_the_report_or_the_contract() -> None:
    good = ml(*(["250.2", "250.6"] * 25))  # x̄ = 250.4 ≥ 250, none below T1
    clause = "products.P.spec.net content"
    assert finding(LOTION, clause, spec={"net content": good}).status == "pass"  # contract: 2400
    # A counted batch of 400 needs only 30 packages (Annex II 2.2.1, 100–500).
    found = finding(LOTION, clause, quantity=400, spec={"net content": good[:30]})
    assert found.status == "pass"
    found = finding(LOTION, clause, quantity=2400, spec={"net content": good[:30]})
    assert found.status == "missing"
    assert "50 packages, the report gives 30" in found.message
