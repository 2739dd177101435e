"""A quoted text that is exactly `#RRGGBB` is that hex colour (issue 7 §3.2).

`color logo "#FFFFFF"` compiled to a colour *name*; a report saying "#FFFFFF" was
then "a hex colour that cannot be compared with the contract's name; report it
as the contract writes it ("#FFFFFF")" — which it did.
"""

from __future__ import annotations

import pytest

import tacl
from tacl.fmt.formatter import format_text

TEMPLATE = """contract "PO-7" {{
  currency USD
  product "MUG-1" {{
    quantity 8 pcs
    color logo {colour}
  }}
}}
"""


def contract(colour: str) -> tacl.CompiledContract:
    return tacl.compile_source(TEMPLATE.format(colour=colour))


def report(value: object) -> dict:
    return {
        "tacl-report": 1,
        "contract": "PO-7",
        "inspection": {"kind": "pre-shipment", "date": "2026-03-01"},
        "products": {"MUG-1": {"color": {"logo": value}}},
    }


@pytest.mark.parametrize("written", ['"#FFFFFF"', '"#ffffff"', "#FFFFFF"])
def test_a_quoted_code_compiles_to_the_hex_colour(written):
    clause = contract(written).clause("products.MUG-1.color.logo")
    assert (clause.form, clause.text) == ("hex", "#FFFFFF")
    assert clause.lab is not None
    assert contract(written).sha256 == contract("#FFFFFF").sha256


def test_a_quoted_code_takes_a_delta_e_tolerance():
    clause = contract('"#1A1A1A" ± 2 dE').clause("products.MUG-1.color.logo")
    assert (clause.form, clause.tolerance) == ("hex", 2)


@pytest.mark.parametrize("name", ['"#FFFFF"', '"#FFFFFFF"', '"white #FFFFFF"', '" #FFFFFF"'])
def test_anything_but_exactly_a_code_stays_a_name(name):
    assert contract(name).clause("products.MUG-1.color.logo").form == "name"


def test_fmt_writes_the_code_unquoted():
    text = TEMPLATE.format(colour='"#FFFFFF" ± 2 dE')
    assert "    color logo #FFFFFF ± 2 dE\n" in format_text(text)


def test_lint_does_not_call_a_quoted_code_a_name_only_colour():
    rules = {d.rule for d in tacl.lint_source(TEMPLATE.format(colour='"#FFFFFF"'))}
    assert "color-name-only" not in rules
    assert "missing-color-tolerance" in rules  # a hex target, so it may take a tolerance


@pytest.mark.parametrize("value", ["#FFFFFF", "#ffffff", " #FFFFFF "])
def test_a_report_value_that_is_a_code_is_that_hex_colour(value):
    finding = contract('"#FFFFFF"').evaluate(report(value)).finding("products.MUG-1.color.logo")
    assert finding.status == "pass", finding.message
