"""Colour maths against the CIEDE2000 reference pairs and against coloraide.

The 34 pairs are read from ``tests/data/ciede2000`` (Sharma, Wu and Dalal
2005; see tests/data/SOURCES.md). coloraide is a test-only dependency; tests that need it are skipped
when it is missing.
"""

from __future__ import annotations

import csv
import math
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tacl.colorimetry import delta_e_76, delta_e_2000, hex_to_lab

SHARMA_CSV = Path(__file__).resolve().parents[1] / "data" / "ciede2000" / "sharma-wu-dalal-2005.csv"

with open(SHARMA_CSV, newline="", encoding="utf-8") as _handle:
    SHARMA = list(csv.DictReader(_handle))


def lab_pair(row: dict[str, str]) -> tuple[tuple[float, ...], tuple[float, ...], float]:
    first = tuple(float(row[key]) for key in ("L1", "a1", "b1"))
    second = tuple(float(row[key]) for key in ("L2", "a2", "b2"))
    return first, second, float(row["dE00"])


lightness = st.floats(min_value=0, max_value=100)
axis = st.floats(min_value=-128, max_value=128)
labs = st.tuples(lightness, axis, axis)
hexes = st.integers(min_value=0, max_value=0xFFFFFF).map(lambda value: f"#{value:06X}")


# --- CIEDE2000 ---------------------------------------------------------------------


def test_all_34_reference_pairs_are_present():
    assert [int(row["pair"]) for row in SHARMA] == list(range(1, 35))


@pytest.mark.parametrize("row", SHARMA, ids=lambda row: f"pair{row['pair']}")
def test_sharma_pair_to_four_decimals(row):
    first, second, expected = lab_pair(row)
    assert round(delta_e_2000(first, second), 4) == expected
    assert round(delta_e_2000(second, first), 4) == expected


@given(labs, labs)
def test_delta_e_2000_is_symmetric_and_non_negative(first, second):
    forward = delta_e_2000(first, second)
    assert forward == delta_e_2000(second, first)
    assert forward >= 0


@given(labs)
def test_delta_e_2000_of_a_colour_with_itself_is_zero(lab):
    assert delta_e_2000(lab, lab) == 0


def test_delta_e_2000_accepts_contract_decimals():
    first = (Decimal("50.0000"), Decimal("2.6772"), Decimal("-79.7751"))
    second = (Decimal("50.0000"), Decimal("0.0000"), Decimal("-82.7485"))
    assert round(delta_e_2000(first, second), 4) == 2.0425


# --- CIE76 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ((50, 0, 0), (50, 0, 0), 0.0),
        ((50, 0, 0), (53, 4, 0), 5.0),
        ((0, 0, 0), (100, 0, 0), 100.0),
        ((10, -3, 4), (10, 0, 0), 5.0),
        ((1, 2, 2), (0, 0, 0), 3.0),
    ],
)
def test_delta_e_76(first, second, expected):
    assert delta_e_76(first, second) == pytest.approx(expected, abs=1e-12)
    assert delta_e_76(second, first) == pytest.approx(expected, abs=1e-12)


# --- hex → Lab ----------------------------------------------------------------------------


def test_white_and_black():
    assert hex_to_lab("#FFFFFF") == pytest.approx((100, 0, 0), abs=1e-9)
    assert hex_to_lab("#000000") == (0, 0, 0)


@pytest.mark.parametrize("bad", ["1A1A1A", "#1A1A1", "#1A1A1AA", "#GGGGGG", "#1a1a1 ", "", "#"])
def test_hex_to_lab_rejects_malformed_colours(bad):
    with pytest.raises(ValueError):
        hex_to_lab(bad)


def test_hex_is_case_insensitive():
    assert hex_to_lab("#1a1a1a") == hex_to_lab("#1A1A1A")


@pytest.mark.parametrize(
    "hex_colour",
    [
        "#000000",
        "#FFFFFF",
        "#FF0000",
        "#00FF00",
        "#0000FF",
        "#FFFF00",
        "#00FFFF",
        "#FF00FF",
        "#1A1A1A",
        "#808080",
        "#010101",
        "#0A0B0C",
    ],
)
def test_hex_to_lab_agrees_with_coloraide(hex_colour):
    coloraide = pytest.importorskip("coloraide")
    expected = coloraide.Color(hex_colour).convert("lab-d65").coords()
    assert hex_to_lab(hex_colour) == pytest.approx(expected, abs=1e-6)


@settings(max_examples=300)
@given(hexes)
def test_hex_to_lab_agrees_with_coloraide_everywhere(hex_colour):
    coloraide = pytest.importorskip("coloraide")
    expected = coloraide.Color(hex_colour).convert("lab-d65").coords()
    assert hex_to_lab(hex_colour) == pytest.approx(expected, abs=1e-6)


# --- against coloraide's ΔE00 ----------------------------------------------------------


@settings(max_examples=500)
@given(labs, labs)
def test_delta_e_2000_agrees_with_coloraide(first, second):
    coloraide = pytest.importorskip("coloraide")
    expected = coloraide.Color("lab-d65", list(first)).delta_e(
        coloraide.Color("lab-d65", list(second)), method="2000"
    )
    assert math.isclose(delta_e_2000(first, second), expected, rel_tol=1e-9, abs_tol=1e-9)


@settings(max_examples=200)
@given(labs, labs)
def test_delta_e_76_agrees_with_coloraide(first, second):
    coloraide = pytest.importorskip("coloraide")
    expected = coloraide.Color("lab-d65", list(first)).delta_e(
        coloraide.Color("lab-d65", list(second)), method="76"
    )
    assert math.isclose(delta_e_76(first, second), expected, rel_tol=1e-9, abs_tol=1e-9)
