"""Measured clauses at and just past their bounds, across units; and a reference check.

The Hypothesis test compares the compiled checks with a plain reference: the
report value and the clause bounds as Fractions in base units, compared with
`<=`. Bounds are inclusive and comparisons exact (55.4 °F is exactly 13 °C).
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tacl
from tacl.standards.units import UNITS

HEAD = """contract "T-1" {
  currency USD
  product "P" {
"""


def contract(*lines: str):
    body = "".join(f"    {line}\n" for line in lines)
    return tacl.compile_source(HEAD + body + "  }\n}\n", name="t.tacl")


def report(**product):
    return {
        "tacl-report": 1,
        "contract": "T-1",
        "inspection": {"kind": "post-delivery", "date": "2026-04-24"},
        "products": {"P": product},
    }


def status(compiled, clause, **product):
    verdict = compiled.evaluate(report(**product))
    return next(f.status for f in verdict.findings if f.clause == clause)


TEMPERATURE = contract("spec storage at most 13 °C")
LENGTH = contract("dimension arm between 1 in and 10 cm")
MASS = contract("weight 1 lb ± 1 oz")
COUNT = contract("quantity 2 dozen ± 1 pcs")
PERCENT = contract("spec humidity between 70 and 90 %")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13 °C", "pass"),
        ("13.0001 °C", "fail"),
        ("55.4 °F", "pass"),  # exactly 13 °C
        ("55.41 °F", "fail"),
        ("55.4 degF", "pass"),
        ("-40 °F", "pass"),
        ("-5 degC", "pass"),
    ],
)
def test_temperature_bound_in_celsius_and_fahrenheit(value, expected):
    assert status(TEMPERATURE, "products.P.spec.storage", spec={"storage": value}) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("25.4 mm", "pass"),  # exactly 1 in
        ("25.3999 mm", "fail"),
        ("1 in", "pass"),
        ("0.99 inch", "fail"),
        ("100 mm", "pass"),
        ("10 cm", "pass"),
        ("0.1 m", "pass"),
        ("100.001 mm", "fail"),
        ("3.937 in", "pass"),
        ("3.9371 in", "fail"),  # 100.00234 mm
    ],
)
def test_length_between_inches_and_centimetres(value, expected):
    assert status(LENGTH, "products.P.dimension.arm", dimension={"arm": value}) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.0625 lb", "pass"),  # 17 oz
        ("17 oz", "pass"),
        ("17.0001 oz", "fail"),
        ("15 oz", "pass"),
        ("14.99 oz", "fail"),
        ("425.242846875 g", "pass"),  # exactly 15 oz
        ("425.242846 g", "fail"),
        ("0.481941893125 kg", "pass"),  # exactly 17 oz
        ("0.481941894 kg", "fail"),
    ],
)
def test_mass_pounds_ounces_grams(value, expected):
    assert status(MASS, "products.P.weight", weight=[value]) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (23, "pass"),
        (25, "pass"),
        (22, "fail"),
        (26, "fail"),
        ("2 dozen", "pass"),
        ("25 pcs", "pass"),
        ("26 units", "fail"),
    ],
)
def test_counts_accept_bare_numbers(value, expected):
    assert status(COUNT, "products.P.quantity", quantity=value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("70 %", "pass"), ("90%", "pass"), ("90.01 %", "fail"), ("69.9 %", "fail")],
)
def test_percent(value, expected):
    assert status(PERCENT, "products.P.spec.humidity", spec={"humidity": value}) == expected


def test_relative_and_asymmetric_tolerances():
    compiled = contract("quantity 1000 pcs ± 2 %", "dimension lid 420 mm +2/-0 mm")
    assert status(compiled, "products.P.quantity", quantity=1020) == "pass"
    assert status(compiled, "products.P.quantity", quantity=1021) == "fail"
    assert status(compiled, "products.P.dimension.lid", dimension={"lid": "422 mm"}) == "pass"
    assert status(compiled, "products.P.dimension.lid", dimension={"lid": "419.999 mm"}) == "fail"


def test_exact_count_messages():
    compiled = contract("packaging {", "  units per carton 20", "}")
    verdict = compiled.evaluate(report(packaging={"units-per-carton": 19}))
    found = next(f for f in verdict.findings if f.clause.endswith("units-per-carton"))
    assert (found.status, found.message) == ("fail", "19 pcs instead of 20 pcs")


def test_two_axis_size():
    compiled = contract("size 30 x 20 cm ± 1 mm")
    verdict = compiled.evaluate(report(size="300.1 x 19.9 cm"))
    statuses = {f.clause: f.status for f in verdict.findings}
    assert statuses["products.P.size.length"] == "fail"
    assert statuses["products.P.size.width"] == "pass"


# --- the reference implementation -----------------------------------------------------

UNIT_NAMES = {
    "length": ["mm", "cm", "m", "in", "ft"],
    "mass": ["mg", "g", "kg", "oz", "lb"],
    "temperature": ["°C", "°F"],
}
REFERENCE_FACTORS = {  # written out again here, from language.md §3, not read from tacl
    "mm": (Fraction(1), 0),
    "cm": (Fraction(10), 0),
    "m": (Fraction(1000), 0),
    "in": (Fraction(254, 10), 0),
    "ft": (Fraction(254 * 12, 10), 0),
    "mg": (Fraction(1, 1000), 0),
    "g": (Fraction(1), 0),
    "kg": (Fraction(1000), 0),
    "lb": (Fraction(45359237, 100000), 0),
    "oz": (Fraction(45359237, 1600000), 0),
    "°C": (Fraction(1), 0),
    "°F": (Fraction(5, 9), Fraction(-160, 9)),
}


def base(value: Fraction, unit: str) -> Fraction:
    factor, offset = REFERENCE_FACTORS[unit]
    return value * factor + offset


def decimal_text(value: Fraction) -> str:
    sign = "-" if value < 0 else ""
    scaled = abs(value) * 1000
    return f"{sign}{scaled.numerator // scaled.denominator // 1000}.{scaled.numerator // scaled.denominator % 1000:03d}"


amounts = st.integers(min_value=0, max_value=2_000_000).map(lambda n: Fraction(n, 1000))


@st.composite
def cases(draw):
    dimension = draw(st.sampled_from(sorted(UNIT_NAMES)))
    units = UNIT_NAMES[dimension]
    unit_a, unit_b, unit_v = (draw(st.sampled_from(units)) for _ in range(3))
    low, high = sorted([draw(amounts), draw(amounts)])
    value = draw(st.one_of(amounts, st.sampled_from([low, high])))
    if draw(st.booleans()) and unit_v == unit_a:
        value = low  # exactly on a bound, in the bound's own unit
    return dimension, (low, unit_a), (high, unit_b), (value, unit_v)


@given(cases())
def test_compiled_checks_agree_with_a_reference(case):
    dimension, (low, unit_a), (high, unit_b), (value, unit_v) = case
    if base(low, unit_a) > base(high, unit_b):
        (low, unit_a), (high, unit_b) = (high, unit_b), (low, unit_a)
    head = {"length": "dimension d", "mass": "spec d", "temperature": "spec d"}[dimension]
    compiled = contract(
        f"{head} between {decimal_text(low)} {unit_a} and {decimal_text(high)} {unit_b}"
    )
    key = "dimension" if dimension == "length" else "spec"
    got = status(compiled, f"products.P.{key}.d", **{key: {"d": f"{decimal_text(value)} {unit_v}"}})
    measured = base(value, unit_v)
    expected = "pass" if base(low, unit_a) <= measured <= base(high, unit_b) else "fail"
    assert got == expected


def test_reference_factors_match_the_unit_table():
    for symbol, (factor, offset) in REFERENCE_FACTORS.items():
        assert (UNITS[symbol].factor, UNITS[symbol].offset) == (factor, offset)
