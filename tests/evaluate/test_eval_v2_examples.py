"""The numbers the TACL 2 examples' verdicts print, each worked by hand in its comment.

(The statuses, failing clauses and claims of every example report are in
test_example_expectations.py; this file holds the means, limits and counts the
messages show for the power-station and body-lotion examples.)
"""

from __future__ import annotations

from pathlib import Path

import tacl
from tacl.evaluate.report import load_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def findings(example: str, report: str) -> dict:
    contract = tacl.load(EXAMPLES / example / "po.tacl")
    tree, _ = load_file(str(EXAMPLES / example / "reports" / report))
    return {f.clause: f for f in contract.evaluate(tree).findings}


def test_the_underfilled_lotion_batch() -> None:
    found = findings("body-lotion", "underfilled.yaml")["products.NL-BL250.spec.net content"]
    # first 50 tubes: 25 at 246.2 and 25 at 247.2 → x̄ = 246.7; 80 tubes, none below 241
    assert found.actual == "mean 246.7 ml of 50, 0 of 80 below T1 241 ml"
    # s² = 50 · 0.5² / 49 = 0.255102…, s = 0.505076…; Qn − 0.379 s = 250 − 0.191424 =
    # 249.808576 → 249.809 shown
    assert found.message.endswith("(x̄ must be at least Qn − 0.379·s ≈ 249.809 ml, s ≈ 0.505 ml)")
    # 9600 > 3200: the 80-tube plan of Annex II 2.2.1
    assert "batch of 9600: 80 packages, accept 3 below T1, reject 7" in found.expected


def test_the_lotion_viscosity_mean() -> None:
    found = findings("body-lotion", "compliant.yaml")["products.NL-BL250.spec.viscosity"]
    # 9800 mPa·s, 10.2 Pa·s = 10 200 mPa·s, 9900 cP = 9900 mPa·s: 29 900 / 3 = 9966.67
    assert found.status == "pass"
    assert found.actual == "mean ≈9966.666667 mPa·s (3 samples)"


def test_the_lotion_best_before_counts_from_delivery() -> None:
    found = findings("body-lotion", "compliant.yaml")["products.NL-BL250.spec.best before"]
    # delivered 2026-08-04 + 24 months = 2028-08-04 ≤ 2028-11-30
    assert found.message == (
        "the date is on or after 2028-08-04 (24 months after delivery on 2026-08-04)"
    )


def test_the_power_station_capacity_means() -> None:
    clause = "products.PS-1000.spec.usable capacity"
    # (1012 + 1006 + 998 + 1015 + 1009) / 5 = 5040 / 5 = 1008
    assert findings("power-stations", "compliant.yaml")[clause].actual == "mean 1008 Wh (5 samples)"
    # (1002 + 985 + 991 + 996 + 1001) / 5 = 4975 / 5 = 995 < 1000
    found = findings("power-stations", "quality.yaml")[clause]
    assert found.message == "the mean 995 Wh is below the minimum of 1000 Wh"


def test_the_power_station_handle_pull_in_newtons_against_pounds_force() -> None:
    found = findings("power-stations", "compliant.yaml")["products.PS-1000.spec.handle pull"]
    # 100 lbf = 100 × 4.4482216152605 N = 444.82 N ≤ 603 N, the weakest handle
    assert found.status == "pass"


def test_the_late_listing_letter() -> None:
    found = findings("power-stations", "documents-late.yaml")["documents.UL 2743 listing letter"]
    # received 2026-07-16, shipped 2026-07-14: 2 days after
    assert (found.actual, found.message) == (
        "received 2026-07-16",
        "received 2 days after shipment",
    )
