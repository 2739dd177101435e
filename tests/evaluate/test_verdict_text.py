"""`tacl check` text: fails and missing first, passes as a count (issue 7 §3.7).

A 90-clause noncompliant verdict printed every passing clause before its one
failure; clause paths were cut to `…` so that two looked alike; `expected` lost
the contract's precision (`5 mm to 5.012 mm` for `5.000 +0.012/-0 mm`) and
`actual` showed the report's spelling (`0.000_003 %`).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import tacl
from tacl.evaluate.text import render

ROOT = Path(__file__).resolve().parents[2]
LAMPS = ROOT / "examples" / "lamps"

CONTRACT = """contract "PO-7" {
  currency USD
  product "VALVE-STAINLESS-316L-DN25-PN40-FLANGED-A" {
    quantity 100 pcs
    dimension "bore diameter at the flanged inlet" 5.000 +0.012/-0 mm
    spec "seat leakage" at most 0.000_003 %
    spec "burst test pressure margin" at least 150 %
  }
  product "VALVE-STAINLESS-316L-DN25-PN40-FLANGED-B" {
    quantity 100 pcs
    dimension "bore diameter at the flanged inlet" 5.000 +0.012/-0 mm
  }
}
"""
A = "products.VALVE-STAINLESS-316L-DN25-PN40-FLANGED-A"
B = "products.VALVE-STAINLESS-316L-DN25-PN40-FLANGED-B"


AQL = {"lot-size": 100, "sample-size": 20, "defects": {"critical": 0, "major": 0, "minor": 0}}


def report(**a) -> dict:
    product_a = {
        "aql": AQL,
        "quantity": 100,
        "dimension": {"bore diameter at the flanged inlet": "5.004 mm"},
        "spec": {"seat leakage": "0.000_003 %", "burst test pressure margin": "160 %"},
        **a,
    }
    return {
        "tacl-report": 1,
        "contract": "PO-7",
        "inspection": {"kind": "pre-shipment", "date": "2026-03-01"},
        "products": {
            "VALVE-STAINLESS-316L-DN25-PN40-FLANGED-A": product_a,
            "VALVE-STAINLESS-316L-DN25-PN40-FLANGED-B": {
                "quantity": 100,
                "dimension": {"bore diameter at the flanged inlet": "5.013 mm"},
                "aql": AQL,
            },
        },
    }


@pytest.fixture(scope="module")
def valves():
    return tacl.compile_source(CONTRACT)


def listed(text: str) -> list[str]:
    """The clause lines of a verdict text, as (mark, path)."""
    return re.findall(r"^  ([✓✗?…]) (\S.*)$", text, re.M)


def test_failures_first_then_missing_and_passes_only_counted(valves):
    data = report()
    del data["products"]["VALVE-STAINLESS-316L-DN25-PN40-FLANGED-A"]["quantity"]
    text = render(valves.evaluate(data), "r.yaml")
    # B's bore fails and comes last in the contract; A's quantity is missing and first
    assert listed(text) == [
        ("✗", f"{B}.dimension.bore diameter at the flanged inlet"),
        ("?", f"{A}.quantity"),
    ]
    assert "  1 failed, 1 missing, 10 passed (--verbose lists the passed clauses)\n" in text


def test_verbose_lists_the_passes_after_the_rest(valves):
    text = render(valves.evaluate(report()), "r.yaml", verbose=True)
    marks = [mark for mark, _ in listed(text)]
    assert marks == ["✗"] + ["✓"] * 11
    assert "  1 failed, 11 passed\n" in text


def test_no_clause_path_is_cut(valves):
    text = render(valves.evaluate(report()), "r.yaml", verbose=True)
    paths = [path for _, path in listed(text)]
    assert f"{A}.dimension.bore diameter at the flanged inlet" in paths
    assert f"{B}.dimension.bore diameter at the flanged inlet" in paths
    assert len(set(paths)) == len(paths)
    assert not any("…" in path for path in paths)


def test_expected_keeps_the_contracts_precision(valves):
    verdict = valves.evaluate(report())
    finding = verdict.finding(f"{A}.dimension.bore diameter at the flanged inlet")
    assert finding.expected == "5.000 +0.012/-0 mm"
    assert "      expected  5.000 +0.012/-0 mm\n" in render(verdict, "r.yaml", verbose=True)
    # the fingerprint still counts by value: the compiled clause says so
    assert valves.clause(finding.clause).expected == "5 mm to 5.012 mm"


def test_actual_is_shown_normalised(valves):
    verdict = valves.evaluate(report())
    assert verdict.finding(f"{A}.spec.seat leakage").actual == "0.000003 %"
    assert verdict.finding(f"{A}.spec.seat leakage").status == "pass"


@pytest.mark.parametrize(
    ("written", "shown"),
    [("0421 mm", "421 mm"), ("5.0040 mm", "5.0040 mm"), ("5_004.0 mm", "5004.0 mm")],
)
def test_reported_numbers_keep_their_decimals_and_lose_their_decoration(valves, written, shown):
    data = report(dimension={"bore diameter at the flanged inlet": written})
    finding = valves.evaluate(data).finding(f"{A}.dimension.bore diameter at the flanged inlet")
    assert finding.actual == shown


def test_a_relative_tolerance_shows_its_bounds_too():
    lamps = tacl.load(LAMPS / "po.tacl")
    assert lamps.clause("products.DL-200.quantity").written == (
        "1000 pcs ± 2 % (980 pcs to 1020 pcs)"
    )
    assert lamps.clause("products.DL-200.weight").written == "1.2 kg ± 50 g (1.15 kg to 1.25 kg)"
    assert lamps.clause("products.DL-200.size.length").written == "420 mm ± 2 mm"


def test_the_docs_show_what_the_cli_prints():
    doc = (ROOT / "docs" / "verdicts.md").read_text("utf-8")
    example = re.search(r"```text\n(.*?)```", doc, re.S).group(1)
    done = subprocess.run(
        [sys.executable, "-m", "tacl.cli", "check", "--no-color"]
        + [str(LAMPS / "po.tacl"), "examples/lamps/reports/late-shipment.yaml"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert done.stdout == example


def test_render_is_a_pure_function_of_the_verdict(valves):
    verdict = valves.evaluate(report())
    assert render(verdict, "r.yaml") == render(verdict, "r.yaml")
