"""TACL 2 §6 units in reports: compound values judged exactly, scales, grades, plain numbers.

Every expectation is worked by hand in the comment beside it, from the exact
definitions (1 lbf = 4.4482216152605 N, 1 in = 0.0254 m), not from the table.
"""

from __future__ import annotations

import pytest

import tacl

HEAD = 'contract "U-2" {\n  currency USD\n  product "P" {\n'


def contract(*lines: str):
    body = "".join(f"    {line}\n" for line in lines)
    return tacl.compile_source(HEAD + body + "  }\n}\n", name="u.tacl")


def report(**product):
    return {
        "tacl-report": 1,
        "contract": "U-2",
        "inspection": {"kind": "post-delivery", "date": "2026-04-24"},
        "products": {"P": product},
    }


def finding(compiled, clause, **product):
    verdict = compiled.evaluate(report(**product))
    return next(f for f in verdict.findings if f.clause == clause)


PEEL = contract('spec "sole bond" at least 3.5 N/mm')


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("3.5 N/mm", "pass"),  # on the bound
        ("3500 N/m", "pass"),  # 3500 N/m = 3.5 N/mm
        ("3.5 kN/m", "pass"),  # kN/m is N/mm
        ("3.4999 N/mm", "fail"),
        ("20 lbf/in", "pass"),  # 20 × 4.4482216152605 / 0.0254 = 3502.54 N/m = 3.5025 N/mm
        ("19.98 lbf/in", "fail"),  # 19.98 × 175.1268… N/m = 3499.03 N/m < 3500
        ("3.5 N / mm", "pass"),  # spaces around the operator
    ],
)
def test_compound_values_are_judged_exactly(value: str, status: str) -> None:
    assert finding(PEEL, "products.P.spec.sole bond", spec={"sole bond": value}).status == status


def test_hipot_leakage_current_in_micro_and_milli_amperes() -> None:
    compiled = contract('spec "leakage current" at most 0.25 mA')
    clause = "products.P.spec.leakage current"
    assert finding(compiled, clause, spec={"leakage current": "250 µA"}).status == "pass"
    assert finding(compiled, clause, spec={"leakage current": "250 uA"}).status == "pass"
    assert finding(compiled, clause, spec={"leakage current": "251 µA"}).status == "fail"


def test_insulation_resistance_across_prefixes() -> None:
    compiled = contract('spec "insulation resistance" at least 100 MΩ')
    clause = "products.P.spec.insulation resistance"
    values = ["0.1 GΩ", "100000 kohm", "100 Mohm"]  # all exactly 10^8 Ω
    assert finding(compiled, clause, spec={"insulation resistance": values}).status == "pass"
    assert finding(compiled, clause, spec={"insulation resistance": "99.9 MΩ"}).status == "fail"


def test_torque_in_pound_force_inches() -> None:
    compiled = contract('spec "cap torque" between 1.2 and 1.8 N·m')
    clause = "products.P.spec.cap torque"
    # 13 lbf·in = 13 × 4.4482216152605 × 0.0254 = 1.46880 N·m: inside 1.2–1.8
    assert finding(compiled, clause, spec={"cap torque": "13 lbf*in"}).status == "pass"
    # 16 lbf·in = 1.80775 N·m: above 1.8
    assert finding(compiled, clause, spec={"cap torque": "16 lbf.in"}).status == "fail"


def test_ratios_compare_across_spellings() -> None:
    compiled = contract('spec "lead" at most 90 mg/kg')
    clause = "products.P.spec.lead"
    # 90 mg/kg = 90 ppm = 0.009 %
    assert finding(compiled, clause, spec={"lead": ["90 ppm", "0.009 %"]}).status == "pass"
    assert finding(compiled, clause, spec={"lead": "90001 µg/kg"}).status == "fail"


def test_scales_accept_bare_numbers_and_refuse_other_scales() -> None:
    compiled = contract('spec "hardness" 70 Shore A ± 5')
    clause = "products.P.spec.hardness"
    assert finding(compiled, clause, spec={"hardness": [72, "75", "65 Shore A"]}).status == "pass"
    with pytest.raises(tacl.ReportError) as caught:
        compiled.evaluate(report(spec={"hardness": "70 Shore D"}))
    assert "a Shore D hardness" in caught.value.message
    assert caught.value.path == "products.P.spec.hardness"


def test_grades_read_as_labs_write_them() -> None:
    compiled = contract('spec "colour fastness to washing" at least grade 4')
    clause = "products.P.spec.colour fastness to washing"
    found = finding(compiled, clause, spec={"colour fastness to washing": ["4-5", "grade 4", 5]})
    assert found.status == "pass"
    assert found.actual == "grade 4.5, grade 4, grade 5"
    found = finding(compiled, clause, spec={"colour fastness to washing": ["3-4", "4"]})
    assert (found.status, found.message) == ("fail", "1 of 2 samples below grade 4: grade 3.5")
    with pytest.raises(tacl.ReportError, match="not a half grade"):
        compiled.evaluate(report(spec={"colour fastness to washing": "3-5"}))


def test_plain_numbers_in_a_report() -> None:
    compiled = contract('spec "elongation ratio" at least 1.5')
    clause = "products.P.spec.elongation ratio"
    # 150 % is 1.5; 149 % is not
    assert (
        finding(compiled, clause, spec={"elongation ratio": ["1.6", 2, "150 %"]}).status == "pass"
    )
    assert finding(compiled, clause, spec={"elongation ratio": "149 %"}).status == "fail"


def test_a_report_unit_of_another_dimension_names_both() -> None:
    with pytest.raises(tacl.ReportError) as caught:
        PEEL.evaluate(report(spec={"sole bond": "5 lb"}))
    assert caught.value.message == '"5 lb" is a mass; expected a force per length such as "5 N/mm"'


def test_a_report_typo_in_a_compound_is_repaired_within_the_dimension() -> None:
    with pytest.raises(tacl.ReportError) as caught:
        PEEL.evaluate(report(spec={"sole bond": "3 lbf/inn"}))
    assert caught.value.message.endswith("did you mean `lbf/in`?")


def test_a_floating_point_number_is_refused_with_a_remedy() -> None:
    compiled = contract('spec "elongation ratio" at least 1.5')
    with pytest.raises(tacl.ReportError, match='write it as text, such as "1.6"'):
        compiled.evaluate(report(spec={"elongation ratio": 1.6}))
