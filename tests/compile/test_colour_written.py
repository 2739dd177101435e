"""A colour's target and ΔE tolerance keep the decimals the contract wrote (issue 11).

`lab(68.0, 4.5, 38.0) ± 2.0 dE` was shown `lab(68, 4.5, 38) ± 2 dE` in verdicts and in
the inspector's plan: by value, as the fingerprint counts it. The verdict and the
plan show it as written now (`ColourClause.written`, read by `ir.shown`); the
fingerprint and `expected` stay by value, so the same colour written `68` or `68.0`
is the same contract.
"""

from __future__ import annotations

import pytest

import tacl
from tacl.compile.ir import shown
from tacl.render.accepted import accepted

TEMPLATE = """contract "PO-11" {{
  currency EUR
  product "DR-3" {{
    quantity 40 pcs
    color knobs {colour}
  }}
}}
"""


def clause(colour: str):
    return tacl.compile_source(TEMPLATE.format(colour=colour)).clause("products.DR-3.color.knobs")


@pytest.mark.parametrize(
    ("colour", "by_value", "as_written"),
    [
        # trailing zeros in the target and the tolerance
        (
            "lab(68.0, 4.5, 38.0) ± 2.0 dE",
            "lab(68, 4.5, 38) ± 2 dE",
            "lab(68.0, 4.5, 38.0) ± 2.0 dE",
        ),
        # minus signs kept where written, and dE76 named as before
        (
            "lab(32.0, -18.0, 9.0) ± 3.0 dE76",
            "lab(32, -18, 9) ± 3 dE76",
            "lab(32.0, -18.0, 9.0) ± 3.0 dE76",
        ),
        # a hex target has no decimals; its tolerance may
        ("#9E4A52 ± 2.0 dE", "#9E4A52 ± 2 dE", "#9E4A52 ± 2.0 dE"),
        # dE00 is shown as dE, as the by-value text has always said
        (
            "lab(48.0, -12.5, 20.0) ± 2 dE00",
            "lab(48, -12.5, 20) ± 2 dE",
            "lab(48.0, -12.5, 20.0) ± 2 dE",
        ),
    ],
)
def test_verdict_and_plan_show_the_colour_as_written(colour, by_value, as_written):
    found = clause(colour)
    assert found.expected == by_value
    assert shown(found) == as_written  # what a verdict's `expected` says
    assert accepted(found) == as_written  # what the plan's accept column says


@pytest.mark.parametrize("colour", ["lab(62, -0.5, -1.5) ± 1.5 dE", "#1A1A1A ± 2 dE", 'ral "5014"'])
def test_a_colour_written_without_extra_decimals_has_no_second_text(colour):
    assert clause(colour).written is None


def test_the_fingerprint_counts_the_colour_by_value():
    one = tacl.compile_source(TEMPLATE.format(colour="lab(68.0, 4.5, 38.0) ± 2.0 dE"))
    two = tacl.compile_source(TEMPLATE.format(colour="lab(68, 4.5, 38) ± 2 dE"))
    assert one.sha256 == two.sha256
