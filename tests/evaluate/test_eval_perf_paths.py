"""The fast paths of the evaluator agree with the careful ones on random inputs.

Reading a report has a quick path per list of samples (`quick_measured_all`,
`quick_axes_all`) and a careful one per sample that names the sample in its
errors (`measured`, `axes`); a measured clause keeps its bounds per unit as
integers; a colour clause keeps the ΔE of each reading. Each is checked here
against the plain version it stands in for.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

import tacl
from tacl.colorimetry import hex_to_lab
from tacl.evaluate import samples
from tacl.evaluate.checks import MeasureCheck
from tacl.evaluate.colour import check_colour
from tacl.evaluate.evidence import Evidence, Measured, MeasuredSamples
from tacl.standards.units import UNITS, units_of

WORDS = sorted(UNITS) + ["", "x", "×", "mm2", "MM", "qq"]
UNITS_OF = {u.dimension: units_of(u.dimension) for u in UNITS.values() if units_of(u.dimension)}
DIMENSIONS = sorted(UNITS_OF)

numbers = st.one_of(
    st.from_regex(r"-?\d{1,4}(\.\d{0,3})?", fullmatch=True),
    st.from_regex(r"\d{1,4}(\.\d{1,3})?", fullmatch=True),
    st.from_regex(r"\d{29,31}|\d{14,15}\.\d{14,15}", fullmatch=True),
    st.from_regex(r"\d{28,33}", fullmatch=True),
    st.from_regex(r"\d{1,3}(_\d{3})?", fullmatch=True),
    st.sampled_from([".5", "1.", "١٢", "²", "1e3", "0x1", "+1", "1..2"]),
)
spaces = st.sampled_from([" ", "", "  ", "\t", " \n"])


@st.composite
def measured_texts(draw, dimension="length"):
    if draw(st.integers(0, 19)) == 0:
        return draw(st.one_of(st.integers(-5, 5), st.none(), st.text(max_size=8)))
    mostly = sorted(UNITS_OF[dimension]) if draw(st.integers(0, 4)) else WORDS
    text = draw(numbers) + draw(spaces) + draw(st.sampled_from(mostly))
    return draw(spaces) + text + draw(spaces) if draw(st.booleans()) else text


@st.composite
def size_texts(draw):
    if draw(st.integers(0, 19)) == 0:
        return draw(st.one_of(st.integers(0, 5), st.text(max_size=12)))
    count = draw(st.sampled_from([1, 2, 3, 3, 3, 4]))
    separator = draw(st.sampled_from([" x "] * 6 + ["x", " × ", " X ", " * "]))
    text = separator.join(draw(numbers) for _ in range(count))
    return text + draw(spaces) + draw(st.sampled_from(["mm", "cm", "in", "m", "g", ""]))


@settings(max_examples=600)
@given(st.sampled_from(DIMENSIONS), st.data())
def test_quick_measured_all_is_quick_measured_per_item(dimension, data):
    values = data.draw(st.lists(measured_texts(dimension), min_size=1, max_size=4))
    units = UNITS_OF[dimension]
    one_by_one = [samples.quick_measured(value, units) for value in values]
    expected = None if None in one_by_one else MeasuredSamples.of(one_by_one)
    assert samples.quick_measured_all(values, units) == expected


@settings(max_examples=600)
@given(st.sampled_from(DIMENSIONS), st.data())
def test_quick_measured_reads_what_measured_reads(dimension, data):
    value = data.draw(measured_texts(dimension))
    quick = samples.quick_measured(value, UNITS_OF[dimension])
    if quick is None:
        return
    unit = next(iter(UNITS_OF[dimension]))
    careful = samples.measured(value, "p", dimension, unit)
    assert careful == quick


@settings(max_examples=400)
@given(st.lists(size_texts(), min_size=1, max_size=6), st.integers(2, 3))
def test_quick_axes_all_is_quick_axes_per_item_transposed(values, count):
    rows = [samples.quick_axes(value, count) for value in values]
    expected = None if None in rows else [MeasuredSamples.of(column) for column in zip(*rows)]
    assert samples.quick_axes_all(values, count) == expected


@settings(max_examples=400)
@given(size_texts(), st.integers(2, 3))
def test_quick_axes_reads_what_axes_reads(value, count):
    quick = samples.quick_axes(value, count)
    if quick is None:
        return
    assert tuple(quick) == samples.axes(value, "p", count, "420 x 180 x 120 mm")


BOUNDS = st.one_of(
    st.none(),
    st.fractions(min_value=0, max_value=5000, max_denominator=1000).map(
        lambda f: Fraction(round(f * 1000), 1000)
    ),
)


def _measure_contract(low: Fraction | None, high: Fraction | None, unit: str):
    def text(value):
        return f"{float(value):.3f}".rstrip("0").rstrip(".")

    if low is not None and high is not None:
        low, high = min(low, high), max(low, high)
        rule = f"between {text(low)} and {text(high)} {unit}"
    elif low is not None:
        rule = f"at least {text(low)} {unit}"
    elif high is not None:
        rule = f"at most {text(high)} {unit}"
    else:
        rule = f"at least 0 {unit}"
    source = (
        f'contract "T-1" {{\n  currency USD\n  product "P" {{\n    spec heat {rule}\n  }}\n}}\n'
        if UNITS[unit].dimension == "temperature"
        else 'contract "T-1" {\n  currency USD\n  product "P" {\n'
        f"    dimension d {rule}\n  }}\n}}\n"
    )
    return tacl.compile_source(source, name="t.tacl")


@settings(max_examples=300, deadline=None)
@given(
    BOUNDS,
    BOUNDS,
    st.sampled_from(["mm", "cm", "in", "°C", "°F"]),
    st.lists(
        st.tuples(
            st.integers(-(10**6), 10**7),
            st.integers(0, 6),
            st.sampled_from(["mm", "cm", "m", "in", "ft", "°C", "°F", "degF"]),
        ),
        min_size=1,
        max_size=12,
    ),
)
def test_measure_check_agrees_with_fractions_in_base_units(low, high, unit, raw):
    """Integer bounds per unit against the plain reference: Fractions in base units, `<=`."""
    contract = _measure_contract(low, high, unit)
    clause = next(c for c in contract.clauses if c.path.startswith("products.P."))
    dimension = clause.dimension
    found = tuple(
        Measured(m, e, UNITS[u], f"{Fraction(m, 10**e)} {u}")
        for m, e, u in raw
        if UNITS[u].dimension == dimension
    )
    if not found:
        return
    finding = MeasureCheck(clause).check(Evidence({clause.path: MeasuredSamples.of(found)}), None)
    interval = clause.interval

    def inside(sample):
        value = sample.unit.to_base(Fraction(sample.mantissa, 10**sample.exponent))
        return (interval.low is None or interval.low <= value) and (
            interval.high is None or value <= interval.high
        )

    assert finding.status == ("pass" if all(inside(s) for s in found) else "fail")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.from_regex(r"#[0-9A-F]{6}", fullmatch=True),
            st.tuples(
                st.decimals(0, 100, places=2),
                st.decimals(-60, 60, places=2),
                st.decimals(-60, 60, places=2),
            ).map(lambda lab: f"lab({lab[0]}, {lab[1]}, {lab[2]})"),
        ),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from(["color body #1A1A1A ± 2 dE", "color body lab(10.9, 0.3, -0.6)"]),
)
def test_colour_check_with_kept_deltas_is_the_same(texts, rule):
    """ΔE kept from earlier reports gives the finding computed afresh."""
    contract = tacl.compile_source(
        f'contract "T-1" {{\n  currency USD\n  product "P" {{\n    {rule}\n  }}\n}}\n'
    )
    clause = next(c for c in contract.clauses if c.path.startswith("products.P."))
    found = tuple(samples.colour(text, "p") for text in texts)
    kept: dict = {}
    first = check_colour(clause, found, kept)
    again = check_colour(clause, found, kept)
    assert first == again == check_colour(clause, found)
    assert hex_to_lab("#1A1A1A")  # the hex path is exercised too
