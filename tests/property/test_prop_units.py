"""Unit conversions are exact both ways (language.md §3), checked on random rationals.

The factors are also cross-checked against pint's registry with exact Fractions:
pint is in the test extra as an independent oracle (never a run-time dependency:
it costs ~0.7 s to import and set up). Before, pint was optional and the 17
cross-checks were skipped on every run.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tacl.standards.compound import lookup
from tacl.standards.exact import exact, exact_decimal, format_fraction, rational_text
from tacl.standards.units import UNITS

SYMBOLS = sorted(UNITS)
fractions = st.fractions(max_denominator=10**9).filter(lambda f: abs(f) < 10**15)
decimal_texts = st.decimals(
    min_value=-(10**9), max_value=10**9, places=6, allow_nan=False, allow_infinity=False
).map(str)


@given(st.sampled_from(SYMBOLS), fractions)
def test_to_base_then_from_base_is_identity(symbol: str, value: Fraction) -> None:
    unit = UNITS[symbol]
    assert unit.from_base(unit.to_base(value)) == value
    assert unit.to_base(unit.from_base(value)) == value


@given(st.sampled_from(SYMBOLS), st.sampled_from(SYMBOLS), fractions)
def test_conversion_between_units_of_a_dimension_round_trips(a: str, b: str, value) -> None:
    first, second = UNITS[a], UNITS[b]
    if first.dimension != second.dimension:
        return
    there = second.from_base(first.to_base(value))
    assert first.from_base(second.to_base(there)) == value


@given(st.sampled_from(SYMBOLS), fractions, fractions)
def test_tolerances_are_differences(symbol: str, value: Fraction, delta: Fraction) -> None:
    """A tolerance converts without the offset: (v + d) − v in base units is d's base."""
    unit = UNITS[symbol]
    assert unit.to_base(value + delta) - unit.to_base(value) == unit.difference_to_base(delta)


@given(st.sampled_from(SYMBOLS), fractions, fractions)
def test_conversion_is_monotone(symbol: str, a: Fraction, b: Fraction) -> None:
    unit = UNITS[symbol]
    assert (a <= b) == (unit.to_base(a) <= unit.to_base(b))


@given(decimal_texts)
def test_exact_reads_decimal_text_exactly(text: str) -> None:
    assert exact(text) == Fraction(text)
    assert exact_decimal(exact(text)) == exact(text)


@given(fractions)
def test_rational_text_is_exact(value: Fraction) -> None:
    text = rational_text(value)
    assert Fraction(text) == value


@pytest.mark.parametrize(
    "amount, symbol, base",
    [
        ("1", "in", "25.4"),
        ("1", "inch", "25.4"),
        ("1", "ft", "304.8"),
        ("1", "lb", "453.59237"),
        ("1", "oz", "28.349523125"),
        ("16", "oz", "453.59237"),
        ("1", "kg", "1000"),
        ("1", "t", "1000000"),
        ("1", "mg", "0.001"),
        ("1", "cm", "10"),
        ("1", "m", "1000"),
        ("1", "l", "1000"),
        ("1", "dozen", "12"),
        ("1", "Ah", "1000"),
        ("55.4", "°F", "13"),
        ("55.4", "degF", "13"),
        ("32", "°F", "0"),
        ("212", "°F", "100"),
        ("-40", "°F", "-40"),
        ("13", "°C", "13"),
    ],
)
def test_exact_factors(amount: str, symbol: str, base: str) -> None:
    assert UNITS[symbol].to_base(Fraction(amount)) == Fraction(base)


def test_inch_and_millimetre_both_ways() -> None:
    inch, mm = UNITS["in"], UNITS["mm"]
    assert mm.from_base(inch.to_base(Fraction(1))) == Fraction("25.4")
    assert inch.from_base(mm.to_base(Fraction("25.4"))) == 1
    assert format_fraction(inch.from_base(Fraction("25.4"))) == "1"


def test_fahrenheit_tolerance_is_a_difference() -> None:
    """± 2 °F is ± 10/9 °C; 55.4 °F is exactly 13 °C (no offset in a tolerance)."""
    fahrenheit = UNITS["°F"]
    assert fahrenheit.difference_to_base(Fraction(2)) == Fraction(10, 9)
    assert fahrenheit.difference_to_base(Fraction(9)) == 5
    assert fahrenheit.to_base(Fraction("55.4")) == 13
    assert rational_text(fahrenheit.difference_to_base(Fraction(2))) == "10/9"


def test_aliases_share_the_unit() -> None:
    assert UNITS["inch"] == UNITS["in"]
    assert UNITS["degC"] == UNITS["°C"]
    assert UNITS["pieces"] == UNITS["pcs"]
    assert "mmm" not in UNITS
    assert lookup("mmm") is None
    assert lookup("inch") == lookup("in")


def test_every_unit_has_a_positive_factor_and_a_known_dimension() -> None:
    from tacl.standards.units import DIMENSION_NOUNS

    for symbol, unit in UNITS.items():
        assert unit.factor > 0, symbol
        assert unit.dimension in DIMENSION_NOUNS, symbol
        base = [u for u in UNITS.values() if u.dimension == unit.dimension and u.factor == 1]
        assert base, f"{unit.dimension} has no base unit"


# --- against pint, the independent oracle (a test dependency) ----------------------------

PINT_NAMES = {
    "mm": "millimeter",
    "cm": "centimeter",
    "m": "meter",
    "in": "inch",
    "ft": "foot",
    "mg": "milligram",
    "g": "gram",
    "kg": "kilogram",
    "t": "metric_ton",
    "oz": "ounce",
    "lb": "pound",
    "ml": "milliliter",
    "l": "liter",
    "mAh": "milliampere_hour",
    "Ah": "ampere_hour",
    "°C": "degC",
    "°F": "degF",
}
PINT_BASES = {
    "length": "millimeter",
    "mass": "gram",
    "volume": "milliliter",
    "charge": "milliampere_hour",
    "temperature": "degC",
}


@pytest.mark.parametrize("symbol", sorted(PINT_NAMES))
def test_factors_agree_with_pint(symbol: str) -> None:
    import pint  # the test extra's oracle; imported here, it costs ~0.3 s

    registry = pint.UnitRegistry(non_int_type=Fraction)
    unit = UNITS[symbol]
    for value in (Fraction(0), Fraction(1), Fraction("55.4"), Fraction(-40)):
        quantity = registry.Quantity(value, PINT_NAMES[symbol])
        expected = quantity.to(PINT_BASES[unit.dimension]).magnitude
        assert unit.to_base(value) == Fraction(expected), (symbol, value)


# --- the algebra: compound units ------------------------------------------------------

from tacl.standards.compound import parse  # noqa: E402
from tacl.standards.units import ATOMS  # noqa: E402

COMBINABLE = sorted(s for s, atom in ATOMS.items() if atom[2])
factors = st.tuples(st.sampled_from(COMBINABLE), st.sampled_from(["", "²", "³", "^2"]))


def _text(numerator, denominator) -> str:
    top = "·".join(a + p for a, p in numerator)
    bottom = "·".join(a + p for a, p in denominator)
    return top + ("/" + bottom if bottom else "")


@given(st.lists(factors, min_size=1, max_size=3), st.lists(factors, max_size=2), fractions)
def test_compound_there_and_back_is_the_identity(numerator, denominator, value) -> None:
    unit = parse(_text(numerator, denominator)).unit
    assert unit.from_base(unit.to_base(value)) == value
    assert unit.to_base(unit.from_base(value)) == value


@given(st.lists(factors, min_size=2, max_size=4), st.randoms())
def test_a_product_of_dimensions_commutes(numerator, rnd) -> None:
    shuffled = list(numerator)
    rnd.shuffle(shuffled)
    one, other = parse(_text(numerator, [])), parse(_text(shuffled, []))
    assert one.unit.vector == other.unit.vector
    assert one.unit.dimension == other.unit.dimension
    assert one.si == other.si


@given(st.lists(factors, min_size=1, max_size=2), st.lists(factors, min_size=1, max_size=2))
def test_a_quotient_inverts(numerator, denominator) -> None:
    """a/b and b/a: opposite exponents, reciprocal factors."""
    ab, ba = parse(_text(numerator, denominator)), parse(_text(denominator, numerator))
    assert dict(ab.unit.vector) == {k: -v for k, v in ba.unit.vector}
    assert ab.si * ba.si == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [("N·m", "N*m"), ("N·m", "N.m"), ("g/m²", "g/m^2"), ("µg/kg", "ug/kg"), ("mPa·s", "cP")],
)
def test_spellings_of_one_unit_agree(one: str, other: str) -> None:
    assert parse(one).si == parse(other).si
    assert parse(one).unit.dimension == parse(other).unit.dimension


@pytest.mark.parametrize(
    ("text", "dimension", "value", "base"),
    [
        ("mg/kg", "ratio", "1", "0.0001"),  # 1 mg/kg = 1 ppm = 0.0001 %
        ("ppm", "ratio", "1", "0.0001"),
        ("µg/kg", "ratio", "10", "0.000001"),
        ("kN/m", "force per length", "3.5", "3.5"),  # kN/m is N/mm
        ("g/m²", "areal density", "180", "180"),  # gsm
        ("cm³", "volume", "1", "1"),  # one millilitre
        ("mPa·s", "viscosity", "1", "1"),
        ("Pa·s", "viscosity", "1", "1000"),
        ("N·m", "energy", "3600", "1"),  # 3600 J = 1 Wh
    ],
)
def test_compound_meets_its_named_dimension(text, dimension, value, base) -> None:
    unit = parse(text).unit
    assert unit.dimension == dimension
    assert unit.to_base(Fraction(value)) == Fraction(base)
