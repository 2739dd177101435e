"""TACL 2 §6 units in contracts: every new unit, compounds, scales, plain numbers, grades.

Each bad input is a located compile error with help; suggestions stay inside the
dimension the place needs (`lbf` is never offered `lb`).
"""

from __future__ import annotations

import pytest

import tacl
from tacl.pipeline import analyze
from tacl.source import SourceFile

HEAD = 'contract "U-1" {\n  currency USD\n  product "P" {\n'


def compile_lines(*lines: str):
    body = "".join(f"    {line}\n" for line in lines)
    return tacl.compile_source(HEAD + body + "  }\n}\n", name="u.tacl")


def errors(*lines: str):
    body = "".join(f"    {line}\n" for line in lines)
    source = SourceFile("u.tacl", HEAD + body + "  }\n}\n")
    return [d for d in analyze(source).diagnostics if d.severity == "error"]


# Every unit the spec lists (language-v2.md §6), with the dimension it must land in.
SPEC_UNITS = [
    ("N", "force"), ("kN", "force"), ("lbf", "force"),
    ("Pa", "pressure"), ("kPa", "pressure"), ("MPa", "pressure"), ("bar", "pressure"),
    ("psi", "pressure"),
    ("A", "current"), ("mA", "current"), ("kV", "voltage"),
    ("Ω", "resistance"), ("kΩ", "resistance"), ("MΩ", "resistance"), ("GΩ", "resistance"),
    ("ohm", "resistance"), ("kohm", "resistance"), ("Mohm", "resistance"), ("Gohm", "resistance"),
    ("Hz", "frequency"), ("kHz", "frequency"), ("s", "time"), ("min", "time"), ("h", "time"),
    ("J", "energy"), ("kJ", "energy"), ("kW", "power"), ("Ah", "charge"), ("Wh", "energy"),
    ("kWh", "energy"), ("mPa·s", "viscosity"), ("cP", "viscosity"),
    ("ppm", "ratio"), ("ppb", "ratio"), ("µg/kg", "ratio"), ("ug/kg", "ratio"), ("mg/kg", "ratio"),
    ("cfu", "microbial count"), ("cfu/g", "count per mass"),
    ("dB", "dB"), ("dB(A)", "dB(A)"), ("°Brix", "°Brix"), ("Shore A", "Shore A"),
    ("Shore D", "Shore D"), ("GU", "GU"), ("pH", "pH"),
    # compounds the spec names
    ("N/mm", "force per length"), ("lbf/in", "force per length"), ("kN/m", "force per length"),
    ("N·m", "energy"), ("N*m", "energy"), ("N.m", "energy"), ("g/m²", "areal density"),
    ("g/m^2", "areal density"), ("kg/m³", "density"),
]  # fmt: skip


@pytest.mark.parametrize(("unit", "dimension"), SPEC_UNITS)
def test_every_new_unit_compiles_in_its_dimension(unit: str, dimension: str) -> None:
    contract = compile_lines(f'spec "value" at most 12 {unit}')
    clause = contract.clause("products.P.spec.value")
    assert clause.dimension == dimension


def test_spellings_of_a_compound_share_one_fingerprint() -> None:
    assert (
        compile_lines('spec "torque" at most 2 N*m').sha256
        == compile_lines('spec "torque" at most 2 N·m').sha256
        == compile_lines('spec "torque" at most 2 N.m').sha256
    )


def test_value_and_tolerance_must_agree_in_dimension() -> None:
    (error,) = errors('spec "peel" 3.5 N/mm ± 0.5 N')
    assert (error.code, error.span.line) == ("E202", 4)
    assert "a force per length" in error.message and "`N` is a force" in error.message


def test_a_tolerance_may_use_another_unit_of_the_dimension() -> None:
    clause = compile_lines('spec "peel" 3.5 N/mm ± 500 N/m').clause("products.P.spec.peel")
    assert clause.expected == "3 N/mm to 4 N/mm"


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ('spec "hardness" 70 Shore A ± 5 Shore D', "Shore D"),
        ('spec "noise" between 40 dB and 50 dB(A)', "dB"),
        ('spec "gloss" 85 GU ± 2 Shore A', "Shore A"),
        ('spec "acidity" between 5.5 pH and 7', None),
    ],
)
def test_scales_compare_only_with_themselves(line: str, word) -> None:
    found = errors(line)
    if word is None:  # a plain number and a pH are not one scale
        assert found and found[0].code == "E202"
        return
    assert found and found[0].code in ("E202",), found


def test_a_scale_in_a_compound_is_refused_with_help() -> None:
    (error,) = errors('spec "rate" at most 2 °C/h')
    assert (error.code, error.rule) == ("E110", "invalid-unit")
    assert "compares only with itself" in error.help


@pytest.mark.parametrize(
    "line",
    ['spec "x" at least 3 N//mm', 'spec "x" at least 3 N*/mm', 'spec "x" at least 3 m^4',
     'spec "x" at least 3 kgf/cm2'],
)  # fmt: skip
def test_a_compound_that_does_not_parse_is_a_located_error_with_help(line: str) -> None:
    (error,) = errors(line)
    assert error.code == "E110" and error.help
    assert error.span.line == 4 and error.span.column > 20


@pytest.mark.parametrize(
    ("line", "code"), [('spec "x" at least 3 N/', "E001"), ('spec "x" at least 3 N·', "E003")]
)
def test_a_unit_ending_in_an_operator_is_a_syntax_error_with_help(line: str, code: str) -> None:
    (error,) = errors(line)
    assert error.code == code
    assert "a unit on each side" in error.help


def test_an_unknown_part_of_a_compound_is_underlined_alone() -> None:
    (error,) = errors('spec "peel" 3.5 N/mn ± 0.1 N/mm')
    assert error.code == "E104"
    assert error.message == "unknown unit `mn`"
    assert error.span.end - error.span.start == 2
    assert error.help == "did you mean `N/m`?"  # the closest repair that stays a force per length


def test_plain_numbers_are_allowed_in_spec_only() -> None:
    clause = compile_lines('spec "elongation ratio" at least 1.5').clause(
        "products.P.spec.elongation ratio"
    )
    assert clause.expected == "at least 1.5"
    (error,) = errors("dimension width at least 1.5")
    assert error.code == "E105"
    (error,) = errors("weight 1.2 ± 0.05")
    assert error.code == "E105"


def test_a_relative_tolerance_on_a_plain_number_is_relative() -> None:
    clause = compile_lines('spec "ratio" 1.5 ± 10 %').clause("products.P.spec.ratio")
    assert clause.expected == "1.35 to 1.65"  # 1.5 ± 0.15


def test_grades_go_in_half_steps() -> None:
    clause = compile_lines('spec "colour fastness to washing" at least grade 4').clause(
        "products.P.spec.colour fastness to washing"
    )
    assert (clause.dimension, clause.expected) == ("grade", "at least grade 4")
    compile_lines('spec "rubbing" between grade 3.5 and grade 4.5')
    (error,) = errors('spec "rubbing" at least grade 3.7')
    assert error.code == "E230"
    (error,) = errors('spec "rubbing" at least 4 grade')
    assert error.code == "E110" and "grade 4" in error.help


def test_a_grade_is_not_a_number() -> None:
    (error,) = errors('spec "rubbing" between grade 3 and 4')
    assert error.code == "E202"


@pytest.mark.parametrize(
    ("line", "wanted", "refused"),
    [
        ('spec "pull" 5 N ± 1 lbff', "`lbf`", "`lb`"),
        ('spec "pull" 5 lbff ± 1 N', "`lbf`", "`lb`"),
        ("weight 1.2 kgg ± 50 g", "`kg`", "`kgf`"),
        ('spec "pull" 5 N ± 1 lbb', "lbf", "`lb`"),
    ],
)
def test_suggestions_stay_in_the_needed_dimension(line, wanted, refused) -> None:
    (error,) = errors(line)
    assert error.code == "E104"
    assert wanted in error.help and refused not in error.help.replace(wanted, "")


def test_with_no_dimension_to_go_by_a_suggestion_names_its_dimension() -> None:
    (error,) = errors('spec "pull" at least 5 lbs')
    assert error.help == "did you mean `lb` (a mass)?"


def test_negative_values_only_for_temperatures_and_decibels() -> None:
    compile_lines('spec "attenuation" at least -3 dB')
    (error,) = errors('spec "peel" at least -3 N/mm')
    assert error.code == "E217"
