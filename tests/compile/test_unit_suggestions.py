"""Units: no suggestion that changes what is measured (issue 7 §3.4).

Units were matched by spelling only: `lbf` suggested `lb`, `mA` `mAh`, `N` `in`
and `psi` `pcs`. The unit algebra (tacl/standards/units.py, TACL 2 §6) now knows
these units, and an unknown unit's help names only a unit of the dimension the
place needs, or lists that dimension's units, or says where units are listed.
"""

from __future__ import annotations

import pytest

import tacl


def compile_product(statement: str) -> tacl.CompiledContract:
    return tacl.compile_source(
        'contract "C-1" {\n  currency USD\n  product "P" {\n    quantity 8 pcs\n'
        f"    {statement}\n  }}\n}}\n"
    )


def error_for(statement: str) -> tuple[str, str, str | None]:
    with pytest.raises(tacl.ContractError) as raised:
        compile_product(statement)
    (error,) = raised.value.diagnostics
    return error.code, error.message, error.help


@pytest.mark.parametrize(
    ("statement", "dimension", "not_this"),
    [
        ('spec "pull force" at least 50 N', "force", "length"),  # was: did you mean `in`?
        ('spec "burst pressure" at least 60 psi', "pressure", "count"),  # was: `pcs`
        ('spec "standby current" at most 5 mA', "current", "charge"),  # was: `mAh`
        ('spec "pull force" at least 11 lbf', "force", "mass"),  # was: `lb`
    ],
)
def test_the_units_the_issue_names_mean_what_they_say(statement, dimension, not_this):
    (clause,) = [c for c in compile_product(statement).clauses if ".spec." in c.path]
    assert clause.dimension == dimension != not_this


@pytest.mark.parametrize(
    "statement", ["weight 5 lbf ± 1 lb", "weight 5 N ± 1 g", 'dimension "gap" 5 mm ± 1 N']
)
def test_a_unit_of_another_dimension_is_named_as_such_not_replaced(statement):
    code, message, help_ = error_for(statement)
    assert code == "E202"
    assert "is a force" in message
    assert help_ is None or "did you mean" not in help_


@pytest.mark.parametrize(
    ("statement", "suggestion"),
    [
        ('spec "load" at most 5 kgs', "`kg`"),
        ('spec "oven" at most 200 C', "`°C`"),
        ('spec "gap" at most 2 mmm', "`mm`"),
        ("quantity 8 Pcs", "`pcs`"),
        ("size 420 x 180 x 120 mmm ± 2 mm", "`mm`"),
        ("weight 5 kgz ± 1 g", "`kg`"),
    ],
)
def test_a_misspelt_unit_gets_the_unit_it_spells(statement, suggestion):
    code, _, help_ = error_for(statement)
    assert code == "E104"
    assert help_.startswith(f"did you mean {suggestion}")


def test_no_close_unit_of_the_needed_dimension_lists_that_dimension():
    code, _, help_ = error_for("weight 5 Nn ± 1 g")
    assert code == "E104"
    assert "a mass" in help_ and "kg" in help_ and "`N`" not in help_


def test_a_word_like_no_unit_points_to_the_units_table():
    code, _, help_ = error_for('spec "x" at least 5 zorp')
    assert code == "E104" and "units" in help_ and "did you mean" not in help_


def test_a_report_value_in_another_dimension_is_named_as_such():
    contract = compile_product("weight 5 kg ± 1 kg")
    report = {
        "tacl-report": 1,
        "contract": "C-1",
        "inspection": {"kind": "pre-shipment", "date": "2026-03-01"},
        "products": {"P": {"weight": ["5 N"]}},
    }
    with pytest.raises(tacl.ReportError) as raised:
        contract.evaluate(report)
    assert "is a force" in str(raised.value) and "`in`" not in str(raised.value)
