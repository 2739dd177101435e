"""ISO 4217 codes, minor units and commercial rounding."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tacl.compile.currencies import (
    MINOR_UNITS,
    NON_TRADE_CODES,
    WITHDRAWN,
    format_amount,
    is_currency,
    minor_units,
    quantize,
)


@pytest.mark.parametrize(
    ("code", "units"),
    [
        ("USD", 2),
        ("EUR", 2),
        ("GBP", 2),
        ("CNY", 2),
        ("HKD", 2),
        ("CHF", 2),
        ("JPY", 0),
        ("KRW", 0),
        ("VND", 0),
        ("ISK", 0),
        ("CLP", 0),
        ("PYG", 0),
        ("UGX", 0),
        ("XAF", 0),
        ("XOF", 0),
        ("XPF", 0),
        ("VUV", 0),
        ("KMF", 0),
        ("BHD", 3),
        ("KWD", 3),
        ("JOD", 3),
        ("OMR", 3),
        ("TND", 3),
        ("LYD", 3),
        ("IQD", 3),
        ("VED", 2),
        ("VES", 2),
        ("SLE", 2),
        ("XCG", 2),
        ("ZWG", 2),
        ("MRU", 2),
        ("STN", 2),
    ],
)
def test_minor_units_of_known_currencies(code, units):
    assert is_currency(code)
    assert minor_units(code) == units
    assert MINOR_UNITS[code] == units


def test_table_shape():
    assert len(MINOR_UNITS) == 155
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in MINOR_UNITS)
    assert set(MINOR_UNITS.values()) == {0, 2, 3}
    assert list(MINOR_UNITS) == sorted(MINOR_UNITS)


@pytest.mark.parametrize("code", sorted(WITHDRAWN))
def test_withdrawn_codes_are_not_currencies_and_point_to_one(code):
    assert not is_currency(code)
    assert is_currency(WITHDRAWN[code])


@pytest.mark.parametrize("code", sorted(NON_TRADE_CODES))
def test_funds_metals_and_units_of_account_are_not_currencies(code):
    assert not is_currency(code)
    with pytest.raises(ValueError):
        minor_units(code)


@pytest.mark.parametrize("code", ["usd", "Usd", "US", "USDD", "", None, 840, "EURO"])
def test_not_a_currency(code):
    assert not is_currency(code)
    with pytest.raises(ValueError):
        minor_units(code)


@pytest.mark.parametrize(
    ("amount", "code", "expected"),
    [
        ("0.125", "USD", "0.13"),  # half up, where banker's rounding gives 0.12
        ("0.135", "USD", "0.14"),
        ("0.124999", "USD", "0.12"),
        ("-0.125", "USD", "-0.13"),  # halves go away from zero both ways
        ("-0.001", "USD", "0.00"),  # no negative zero
        ("1499.5", "JPY", "1500"),
        ("1.2345", "KWD", "1.235"),
        ("12.5", "USD", "12.50"),
        ("1E+3", "USD", "1000.00"),
        ("1E+40", "EUR", "1" + "0" * 40 + ".00"),  # wider than the default 28 digits
        ("10000", "USD", "10000.00"),
    ],
)
def test_quantize_and_format(amount, code, expected):
    assert quantize(Decimal(amount), code) == Decimal(expected)
    assert format_amount(Decimal(amount), code) == expected


def test_format_keeps_exactly_the_minor_digits():
    assert format_amount(Decimal("10000"), "USD") == "10000.00"
    assert format_amount(Decimal("1500"), "JPY") == "1500"
    assert format_amount(Decimal("1500.00"), "JPY") == "1500"
    assert format_amount(Decimal("1.25"), "KWD") == "1.250"
    assert format_amount(12, "USD") == "12.00"


def test_quantize_rejects_floats_and_non_finite_amounts():
    with pytest.raises(TypeError):
        quantize(0.1, "USD")
    with pytest.raises(TypeError):
        quantize(True, "USD")
    for bad in ("NaN", "Infinity", "-Infinity", "sNaN"):
        with pytest.raises(ValueError):
            quantize(Decimal(bad), "USD")
    with pytest.raises(ValueError):
        quantize(Decimal(1), "XAU")


amounts = st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15)


@given(amounts, st.sampled_from(sorted(MINOR_UNITS)))
def test_format_round_trips_and_has_the_right_digits(amount, code):
    text = format_amount(amount, code)
    digits = minor_units(code)
    pattern = r"-?\d+" + (rf"\.\d{{{digits}}}" if digits else "")
    assert re.fullmatch(pattern, text), text
    assert Decimal(text) == quantize(amount, code)
    assert abs(Decimal(text) - amount) <= Decimal(1).scaleb(-digits) / 2
    assert quantize(quantize(amount, code), code) == quantize(amount, code)
