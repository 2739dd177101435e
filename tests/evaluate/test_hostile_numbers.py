"""Issue 8 items 2 and 4: a report's numbers mean what they say, or are an error at their key.

Every YAML 1.1 number form that is not a plain decimal integer (octal `015`, hex,
binary, sexagesimal, signs, `_`, floats, `.inf`/`.nan`, more digits than a count
has) is refused at every key path where a number is read; counts are whole in
their base unit; digits are ASCII; Lab readings meet the contract's bounds.
"""

from __future__ import annotations

import copy
import json
import re
import sys
import unicodedata

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import tacl
from tacl.evaluate.numbers import NumberText, integer
from tacl.evaluate.report import load_text

PLACEHOLDER = "XNUMBERX"

#: Every key path of the lamp report where a number is read, and how to put one there.
NUMBER_PATHS = {
    "tacl-report": ("tacl-report",),
    "products.DL-200.quantity": ("products", "DL-200", "quantity"),
    "products.DL-200.packaging.units-per-carton": (
        "products",
        "DL-200",
        "packaging",
        "units-per-carton",
    ),
    "products.DL-200.aql.lot-size": ("products", "DL-200", "aql", "lot-size"),
    "products.DL-200.aql.sample-size": ("products", "DL-200", "aql", "sample-size"),
    "products.DL-200.aql.defects.critical": ("products", "DL-200", "aql", "defects", "critical"),
    "products.DL-200.aql.defects.major": ("products", "DL-200", "aql", "defects", "major"),
    "products.DL-200.aql.defects.minor": ("products", "DL-200", "aql", "defects", "minor"),
}

# The YAML 1.1 number forms (PyYAML's resolver), each but the plain decimal one.
YAML_NUMBER_FORMS = st.one_of(
    st.from_regex(r"[-+]?0[0-7_]+", fullmatch=True),  # octal
    st.from_regex(r"[-+]?0x[0-9a-fA-F_]+", fullmatch=True),
    st.from_regex(r"[-+]?0b[01_]+", fullmatch=True),
    st.from_regex(r"[-+]?[1-9][0-9_]*_[0-9_]*", fullmatch=True),  # digit separators
    st.from_regex(r"\+(?:0|[1-9][0-9]*)", fullmatch=True),  # a plus sign
    st.from_regex(r"[-+]?[1-9][0-9_]*(?::[0-5]?[0-9]){1,4}", fullmatch=True),  # sexagesimal
    st.from_regex(r"[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?", fullmatch=True),
    st.from_regex(r"\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?", fullmatch=True),
    st.from_regex(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*", fullmatch=True),
    st.sampled_from(
        [".inf", "-.inf", "+.INF", ".nan", ".NaN", "-0", "015", "0x3E8", "+1000", "1_000", "16:40"]
    ),
    st.integers(31, 400).map(lambda n: "9" * n),  # more digits than any count
)
PLAIN = re.compile(r"-?(?:0|[1-9][0-9]*)")


def _yaml_with(compliant, path: tuple, raw: str) -> str:
    data = copy.deepcopy(compliant)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = PLACEHOLDER
    return yaml.safe_dump(data, sort_keys=False).replace(PLACEHOLDER, raw)


def _is_yaml_number(raw: str) -> bool:
    """Whether YAML 1.1 resolves the plain scalar to an int or a float (PyYAML's resolver;
    plain `yaml.safe_load` even raises ValueError on some, such as `0x_`)."""
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, raw, (True, False))
    return tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


@settings(max_examples=400, deadline=None)
@given(YAML_NUMBER_FORMS, st.sampled_from(sorted(NUMBER_PATHS)))
def test_every_yaml_number_form_is_refused_at_its_key_path(lamps, compliant, raw, path):
    if not _is_yaml_number(raw):
        return  # not a number to YAML: a string, which these keys refuse too
    text = _yaml_with(compliant, NUMBER_PATHS[path], raw)
    with pytest.raises(tacl.ReportError) as info:
        lamps.evaluate(load_text(text, "r.yaml"))
    assert info.value.path == path, str(info.value)
    assert str(raw) in info.value.message or "…" in info.value.message


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"(?:0|[1-9][0-9]{0,4})", fullmatch=True))
def test_a_plain_decimal_integer_is_read_as_itself(compliant, raw):
    text = _yaml_with(compliant, NUMBER_PATHS["products.DL-200.aql.defects.minor"], raw)
    report = load_text(text, "r.yaml")
    assert report["products"]["DL-200"]["aql"]["defects"]["minor"] == int(raw)


def test_octal_minor_defects_cannot_accept_a_rejected_lot(lamps, compliant):
    """The reproducer: `minor: 015` was octal 13 (< Re 15 at AQL 4.0, n = 80)."""
    text = _yaml_with(compliant, NUMBER_PATHS["products.DL-200.aql.defects.minor"], "015")
    with pytest.raises(tacl.ReportError) as info:
        lamps.evaluate(load_text(text, "r.yaml"))
    assert info.value.path == "products.DL-200.aql.defects.minor"
    assert "015, which YAML 1.1 reads as octal 13; write 15" in info.value.message


@pytest.mark.parametrize("raw", ["16:40", "0x3E8", "+1000", "1_000", "0b1111101000", "1000.0"])
def test_forms_of_1000_are_not_1000(lamps, compliant, raw):
    text = _yaml_with(compliant, NUMBER_PATHS["products.DL-200.quantity"], raw)
    with pytest.raises(tacl.ReportError) as info:
        lamps.evaluate(load_text(text, "r.yaml"))
    assert info.value.path == "products.DL-200.quantity"


@settings(max_examples=300)
@given(st.text(alphabet="0123456789-+_:.xobeE", min_size=1, max_size=40))
def test_integer_reads_plain_decimals_only(text):
    found = integer(text)
    if PLAIN.fullmatch(text) and text != "-0" and len(text.lstrip("-")) <= 30:
        assert found == int(text) and type(found) is int
    else:
        assert isinstance(found, NumberText) and found.text == text


@pytest.mark.parametrize("raw", ["1e3", "1.0", "-0", "1" * 31, "-" + "7" * 5000, "1E400", "0.1"])
def test_json_numbers_that_are_not_plain_integers(lamps, compliant, raw):
    data = copy.deepcopy(compliant)
    data["products"]["DL-200"]["aql"]["lot-size"] = PLACEHOLDER
    text = json.dumps(data).replace(f'"{PLACEHOLDER}"', raw)
    with pytest.raises(tacl.ReportError) as info:
        lamps.evaluate(load_text(text, "r.json"))
    assert info.value.path == "products.DL-200.aql.lot-size"


def test_a_malformed_yaml_number_is_not_a_traceback():
    """PyYAML's own constructor raises ValueError on `0x_` and `0b_`; ours keeps the text."""
    assert load_text("a: 0x_\nb: 0b_\nc: 1__0\n", "r.yaml") == {
        "a": NumberText("0x_"),
        "b": NumberText("0b_"),
        "c": NumberText("1__0"),
    }


def test_a_huge_integer_anywhere_is_never_built():
    """Over 4 300 digits `int()` raises ValueError; the loaders never call it."""
    big = "9" * 10_000
    for text, name in ((f"a: {big}\n", "r.yaml"), (f'{{"a": {big}}}', "r.json")):
        assert load_text(text, name) == {"a": NumberText(big)}
    assert sys.get_int_max_str_digits() < 10_000  # so the test means something


def test_a_huge_integer_in_a_dict_report_is_a_report_error(lamps, report):
    report["products"]["DL-200"]["aql"]["lot-size"] = 10**5000
    with pytest.raises(tacl.ReportError):
        lamps.evaluate(report)
    report["products"]["DL-200"]["aql"]["lot-size"] = 1000
    report["products"]["DL-200"]["quantity"] = 10**5000
    with pytest.raises(tacl.ReportError, match="more than 30 digits"):
        lamps.evaluate(report)


# --- item 4: counts, digits, Lab ----------------------------------------------------


@pytest.mark.parametrize(
    "value", ["1000.5 pcs", "83.4 dozen", "1000.1", "-0 pcs", "-0", "0.5 pcs", "-1000 pcs"]
)
def test_counts_are_whole_and_not_negative(lamps, report, value):
    report["products"]["DL-200"]["quantity"] = value
    with pytest.raises(tacl.ReportError) as info:
        lamps.evaluate(report)
    assert info.value.path == "products.DL-200.quantity"


@pytest.mark.parametrize("value", ["83.5 dozen", "1000.0 pcs", "1_000 pcs", "1000"])
def test_a_whole_count_in_any_count_unit_is_read(lamps, report, value):
    report["products"]["DL-200"]["quantity"] = value
    # 83.5 dozen = 1002 pcs, inside 1000 pcs ± 2 % (980 to 1020)
    assert lamps.evaluate(report).findings[1].status == "pass"


@settings(max_examples=200)
@given(st.integers(0, 10**6), st.integers(0, 3), st.sampled_from(["pcs", "dozen", "pairs"]))
def test_a_count_is_read_exactly_when_whole_in_base_units(mantissa, exponent, unit):
    from fractions import Fraction

    from tacl.evaluate import samples

    number = str(mantissa).rjust(exponent + 1, "0")
    text = f"{number[: len(number) - exponent]}.{number[len(number) - exponent :]} {unit}"
    text = text.replace(". ", " ")
    dimension = "pairs" if unit == "pairs" else "count"
    whole = (Fraction(mantissa, 10**exponent) * (12 if unit == "dozen" else 1)).denominator == 1
    if whole:
        assert samples.measured(text, "q", dimension, unit).mantissa == mantissa
    else:
        with pytest.raises(tacl.ReportError, match="not a whole number"):
            samples.measured(text, "q", dimension, unit)


NON_ASCII_DIGITS = [
    chr(code) for code in range(0x80, 0x110000) if unicodedata.category(chr(code)) == "Nd"
]


@settings(max_examples=300)
@given(st.sampled_from(NON_ASCII_DIGITS), st.integers(0, 3), st.data())
def test_digits_other_than_ascii_are_refused_everywhere(lamps, compliant, digit, position, data):
    """Arabic-Indic, fullwidth, Devanagari… digits: `int()` reads them, a report may not."""
    report = copy.deepcopy(compliant)
    dl = report["products"]["DL-200"]
    where = data.draw(
        st.sampled_from(["quantity", "weight", "lot-size", "barcode", "date", "size", "lab"])
    )
    number = list("1000")
    number[position] = digit
    number = "".join(number)
    two = (digit + "1") if position % 2 else ("1" + digit)  # for a day and a lightness
    path = {
        "quantity": ("products.DL-200.quantity", lambda: dl.update(quantity=number)),
        "weight": ("products.DL-200.weight", lambda: dl.update(weight=f"{number} g")),
        "lot-size": (
            "products.DL-200.aql.lot-size",
            lambda: dl["aql"].update({"lot-size": number}),
        ),
        "barcode": ("products.DL-200.barcode", lambda: dl.update(barcode=f"400638133{number}")),
        "date": (
            "inspection.date",
            lambda: report["inspection"].update(date=f"2026-04-{two}"),
        ),
        "size": ("products.DL-200.size", lambda: dl.update(size=f"{number} x 180 x 120 mm")),
        "lab": (
            "products.DL-200.color.body",
            lambda: dl["color"].update(body=f"lab({two}, 0, 0)"),
        ),
    }[where]
    path[1]()
    with pytest.raises(tacl.ReportError) as info:
        lamps.evaluate(report)
    assert info.value.path == path[0]


@pytest.mark.parametrize(
    "lab, ok",
    [
        ("lab(10.9, 0.3, -0.6)", True),
        ("lab(100, 128, -128)", True),
        ("lab(0, -128, 128)", True),
        ("lab(10, 1000000, 0)", False),
        ("lab(10, 0, -128.01)", False),
        ("lab(100.01, 0, 0)", False),
        ("lab(10, 1.2.3, 0)", False),
        ("lab(1" + "0" * 40 + ", 0, 0)", False),
    ],
)
def test_lab_readings_meet_the_contracts_bounds(lamps, report, lab, ok):
    report["products"]["DL-200"]["color"]["body"] = lab
    if ok:
        lamps.evaluate(report)
    else:
        with pytest.raises(tacl.ReportError) as info:
            lamps.evaluate(report)
        assert info.value.path == "products.DL-200.color.body"
