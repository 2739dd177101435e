"""Packaging levels and assortments judged from a report (language-v2.md §11).

Each expectation is worked out by hand in a comment; nothing here is a golden file.
"""

from __future__ import annotations

import pytest

import tacl

CONTRACT = tacl.compile_source(
    """contract "SN-2026-07" {
  currency EUR
  product "CV-37" {
    quantity 1200 pairs
    packaging {
      inner pack 6 pairs
      units per carton 12 pairs
    }
  }
  product "CV-38" {
    quantity 1800 pairs
  }
  product "DR-OAK-6" {
    quantity 300 pcs
    packaging {
      cartons per unit 2
      carton "case" {
        size 152 x 52 x 86 cm ± 1 cm
        weight at most 48 kg
        marking "BOX 1 OF 2"
      }
      pallet {
        size 1200 x 1000 mm ± 10 mm
        height at most 1.8 m
        test "stretch wrap" passes
      }
    }
  }
  assortment "size run" { "CV-37" 2, "CV-38" 3 }
}
""",
    name="po.tacl",
)


def judge(extra: dict):
    report = {
        "tacl-report": 1,
        "contract": "SN-2026-07",
        "inspection": {"kind": "post-delivery", "date": "2026-07-01"},
        **extra,
    }
    verdict = CONTRACT.evaluate(report)
    return {f.clause: f for f in verdict.findings}, verdict


def test_packaging_levels_read_under_the_keys_that_mirror_their_paths():
    found, _ = judge(
        {
            "products": {
                "CV-37": {"packaging": {"inner-pack": 6, "units-per-carton": "12 pairs"}},
                "DR-OAK-6": {
                    "packaging": {
                        "cartons-per-unit": [2, 2, 3],
                        "carton": {
                            "case": {
                                # 153.2 cm is above 152 + 1 = 153 cm
                                "size": ["152 x 52 x 86 cm", "153.2 x 51 x 86 cm"],
                                "weight": "47.5 kg",
                                "marking": "box 1 of 2",
                            }
                        },
                        "pallet": {
                            "size": "1205 x 995 mm",  # within 1200 ± 10 and 1000 ± 10
                            "height": ["1.79 m", "1801 mm"],  # 1801 mm > 1.8 m = 1800 mm
                            "test": {"stretch wrap": "pass"},
                        },
                    }
                },
            }
        }
    )
    status = {path: f.status for path, f in found.items() if "packaging" in path}
    p = "products.DR-OAK-6.packaging."
    assert status == {
        "products.CV-37.packaging.inner-pack": "pass",
        "products.CV-37.packaging.units-per-carton": "pass",
        p + "cartons-per-unit": "fail",  # the third unit came in 3 cartons, not 2
        p + "carton.case.size.length": "fail",
        p + "carton.case.size.width": "pass",  # 51 cm: on the bound 52 − 1
        p + "carton.case.size.height": "pass",
        p + "carton.case.weight": "pass",
        p + "carton.case.marking": "pass",  # texts fold case
        p + "pallet.size.length": "pass",
        p + "pallet.size.width": "pass",
        p + "pallet.height": "fail",
        p + "pallet.test.stretch wrap": "pass",
    }
    assert found[p + "pallet.height"].message == "1 of 2 samples above 1.8 m: 1801 mm"


def test_every_opened_carton_holding_the_ratio_passes():
    found, _ = judge({"assortments": {"size run": [{"CV-37": 2, "CV-38": 3}] * 5}})
    finding = found["assortments.size run"]
    assert (finding.status, finding.actual) == ("pass", "5 cartons as the ratio")
    assert finding.expected == "2 × CV-37 + 3 × CV-38 in each carton"


def test_one_carton_off_the_ratio_fails_and_says_what_it_held():
    found, verdict = judge(
        {
            "assortments": {
                "size run": [
                    {"CV-37": 2, "CV-38": 3},
                    {"CV-37": 3, "CV-38": 2},  # one pair of 38 packed as 37
                    {"CV-37": 2, "CV-38": 3, "CV-39": 1},  # a stray size 39
                    {"CV-37": 2, "CV-38": "3", "CV-40": 0},  # listed at 0: fine
                ]
            }
        }
    )
    finding = found["assortments.size run"]
    assert (finding.status, finding.actual) == ("fail", "2 of 4 cartons differ")
    assert finding.message == (
        "carton 2: 3 × CV-37 instead of 2, 2 × CV-38 instead of 3; "
        "carton 3: 1 × CV-39, not in the assortment"
    )
    assert verdict.status == "noncompliant"
    claim = verdict.to_dict()["claim"]  # a mis-packed carton is a quality ground
    assert claim["grounds"] + [void["ground"] for void in claim["void-grounds"]] == ["quality"]


def test_a_single_mapping_is_one_carton():
    found, _ = judge({"assortments": {"size run": {"CV-37": 2, "CV-38": 3}}})
    assert found["assortments.size run"].actual == "1 carton as the ratio"


def test_no_carton_opened_is_missing():
    found, verdict = judge({})
    assert found["assortments.size run"].status == "missing"
    assert verdict.status == "inconclusive"


@pytest.mark.parametrize(
    "value, path, message",
    [
        ([{"CV-37": 2}], "assortments.size run[0].CV-38", "missing; give the units of every SKU"),
        ([{"CV-37": 2, "CV-38": -1}], "assortments.size run[0].CV-38", "at least 0"),
        ([{"CV-37": 2, "CV-38": 2.5}], "assortments.size run[0].CV-38", "expected a number"),
        (["2 x CV-37"], "assortments.size run[0]", "expected the units found per SKU"),
        ([], "assortments.size run", "an empty list"),
    ],
)
def test_a_carton_that_cannot_be_read_is_a_report_error_naming_its_key(value, path, message):
    with pytest.raises(tacl.ReportError) as caught:
        judge({"assortments": {"size run": value}})
    assert caught.value.path == path
    assert message in str(caught.value)


def test_an_unknown_assortment_is_a_warning_not_a_guess():
    _, verdict = judge({"assortments": {"size rnu": [{"CV-37": 2, "CV-38": 3}]}})
    assert [w.code for w in verdict.warnings] == ["R001"]
    assert "did you mean `size run`?" in verdict.warnings[0].help


def test_a_carton_name_with_a_dot_is_one_quoted_segment_of_its_paths():
    contract = tacl.compile_source(
        """contract "DOT-1" {
  currency EUR
  product "DR.2" {
    quantity 10 pcs
    packaging {
      cartons per unit 2
      carton "box 1.1" {
        weight at most 48 kg
      }
    }
  }
  assortment "run 1.5" { "DR.2" 1 }
}
"""
    )
    paths = [c.path for c in contract.clauses]
    assert '"DR.2".packaging.carton."box 1.1".weight' in " ".join(paths)
    assert 'assortments."run 1.5"' in paths
    report = {
        "tacl-report": 1,
        "contract": "DOT-1",
        "inspection": {"kind": "post-delivery", "date": "2026-07-01"},
        "products": {"DR.2": {"packaging": {"carton": {"box 1.1": {"weight": "48.5 kg"}}}}},
        "assortments": {"run 1.5": [{"DR.2": 1}]},
    }
    found = {f.clause: f.status for f in contract.evaluate(report).findings}
    assert found['products."DR.2".packaging.carton."box 1.1".weight'] == "fail"  # 48.5 > 48
    assert found['assortments."run 1.5"'] == "pass"
