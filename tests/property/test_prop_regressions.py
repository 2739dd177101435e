"""Minimal inputs of bugs found by the property tests, pinned as plain examples.

A case is `xfail(strict=True)` while its bug is open, so the fix shows up as an
XPASS failure and the marker must then be removed; fixed bugs stay here as ordinary
regression tests. The Hypothesis tests that found them keep running in
`test_prop_parser.py`.
"""

from __future__ import annotations

import pytest

import tacl

BASE = """contract "PO-1" {{
  currency USD
  signed 2026-01-10
  product "P-1" {{
    {statement}
  }}
}}
"""


def compile_statement(statement: str):
    return tacl.compile_source(BASE.format(statement=statement), name="t.tacl")


# Fixed: Python's `\d` matches every Unicode decimal digit, so NUMBER and DATE
# accepted Arabic-Indic (U+0660–0669), Devanagari, full-width (U+FF10–FF19) … digits;
# `quantity ١٠٠٠ pcs` compiled to the contract of `quantity 1000 pcs` (same
# fingerprint). The grammar now says `[0-9]`.
@pytest.mark.parametrize(
    "statement",
    [
        "quantity \u0661\u0660\u0660\u0660 pcs",  # Arabic-Indic ١٠٠٠
        "quantity \uff12\uff10 pcs",  # full-width ２０
        "quantity 2\uff10 pcs",  # ASCII 2 then a full-width 0
        "weight \u0967.\u0968 kg ± 50 g",  # Devanagari १.२
    ],
)
def test_non_ascii_digits_are_not_a_number(statement: str) -> None:
    with pytest.raises(tacl.ContractError) as info:
        compile_statement(statement)
    assert {d.code for d in info.value.diagnostics} <= {"E001", "E003"}


def test_non_ascii_digits_are_not_a_date() -> None:
    text = BASE.format(statement="quantity 1 pcs").replace(
        "2026-01-10", "\u0662\u0660\u0662\u0666-\u0660\u0661-\u0661\u0660"
    )
    with pytest.raises(tacl.ContractError) as info:
        tacl.compile_source(text)
    assert {d.code for d in info.value.diagnostics} <= {"E001", "E003"}


# Fixed: `between A UNIT and B UNIT` took a WORD as the first unit, and `%` is not
# a WORD, so `between 70 % and 90 %` was E001 while `between 70 and 90 %` compiled.
@pytest.mark.parametrize(
    "statement", ["spec humidity between 70 % and 90 %", "spec humidity between 70% and 90%"]
)
def test_between_takes_percent_on_both_bounds(statement: str) -> None:
    contract = compile_statement(statement)
    expected = compile_statement("spec humidity between 70 and 90 %")
    assert contract.sha256 == expected.sha256


# E005 counts the minus sign as a digit: `values.number` strips `_` and `.` but not
# `-`, so `-` followed by 30 digits (within the limit of 30) is reported as "number
# has 31 digits". Suggested fix: count `c.isdigit()` characters.
@pytest.mark.parametrize("number", ["-" + "9" * 30, "-" + "9" * 29 + ".9"])
def test_negative_number_of_30_digits_is_within_the_limit(number: str) -> None:
    contract = compile_statement(f"spec t {number} °C")
    assert contract.products[0].sku == "P-1"


def test_negative_number_of_31_digits_is_e005() -> None:
    with pytest.raises(tacl.ContractError) as info:
        compile_statement("spec t -" + "9" * 31 + " °C")
    assert [d.code for d in info.value.diagnostics] == ["E005"]


# An asymmetric tolerance's unit is judged twice, once for `+A` and once for `-B`
# (`values.constraint` calls `_tolerance_delta` for each with the same `tol.unit`),
# so a bad unit there is reported twice with the same code, message and span.
@pytest.mark.parametrize(
    "statement",
    [
        "weight 1 kg +1/-1 kgg",  # E104 unknown unit, twice
        "weight 1 kg +1/-1 mm",  # E202 dimension mismatch, twice
        "spec t 5 °C +1/-1 %",  # E202 relative tolerance on a temperature, twice
    ],
)
def test_asymmetric_tolerance_unit_error_is_reported_once(statement: str) -> None:
    with pytest.raises(tacl.ContractError) as info:
        compile_statement(statement)
    assert len(info.value.diagnostics) == 1, info.value.diagnostics
