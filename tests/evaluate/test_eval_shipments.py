"""Named shipments, scopes, shared lots, named defects, void grounds, affected goods and
rebates, each on a small contract; every amount derived by hand in a comment."""

from __future__ import annotations

import pytest

import tacl
from tacl.errors import ReportError

SPLIT = """contract "S-1" {
  currency USD
  coverage limit 100_000 USD
  shipment "a" {
    ship by 2026-05-01
    deliver by 2026-06-01
    incoterm FOB "Ningbo"
    goods "P" 600 pcs
    goods "Q" 100 pcs
  }
  shipment "b" {
    ship by 2026-06-01
    deliver by 2026-07-01
    incoterm DAP "Hamburg"
    goods "P" 400 pcs
  }
  product "P" {
    quantity 1000 pcs
    unit price 10 USD
    weight 100 g ± 5 g
  }
  product "Q" {
    quantity 100 pcs
    unit price 50 USD
  }
  inspection {
    aql major 2.5
    lot per shipment
  }
  defects {
    critical "crack"
    major "scratch"
  }
EXTRA}
"""


def contract(extra: str = "", text: str = SPLIT):
    return tacl.compile_source(text.replace("EXTRA", extra), name="s.tacl")


def base(**sections):
    data = {
        "tacl-report": 1,
        "contract": "S-1",
        "inspection": {"kind": "post-delivery", "date": "2026-06-05"},
    }
    data.update(sections)
    return data


def find(verdict, clause):
    return next(f for f in verdict.findings if f.clause == clause)


# --- report shape and errors --------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        ({"shipments": {"c": {"shipped": "2026-05-01"}}}, "shipments.c", 'no shipment "c"'),
        ({"shipments": {"A": {}}}, "shipments.A", 'did you mean `a`?; its shipments are "a", "b"'),
        (
            {"inspection": {"kind": "post-delivery", "date": "2026-06-05", "shipments": ["z"]}},
            "inspection.shipments[0]",
            'the contract has no shipment "z"',
        ),
        ({"shipment": {"shipped": "2026-05-01"}}, "shipment", "give each one's dates under"),
        ({"shipments": {"a": {"goods": {"R": 5}}}}, "shipments.a.goods.R", "carries no `R`"),
        (
            {"shipments": {"a": {"aql": {"defects": [{"defect": "crack", "class": "grave"}]}}}},
            "shipments.a.aql.defects[0].class",
            '"grave" is not a defect class',
        ),
        (
            {"shipments": {"a": {"aql": {"defects": [{"count": 1}]}}}},
            "shipments.a.aql.defects[0].defect",
            "missing",
        ),
        (
            {"shipments": {"a": {"aql": {"defects": [{"defect": "x", "where": 1}]}}}},
            "shipments.a.aql.defects[0].where",
            "keys defect, count and class only",
        ),
        (
            {"shipments": {"a": {"aql": {"defects": "scratch"}}}},
            "shipments.a.aql.defects",
            "a list of named defects",
        ),
    ],
)
def test_report_errors_name_the_key_path(data, path, words):
    report = base()
    for key, value in data.items():
        report[key] = value if key != "inspection" else value
    with pytest.raises(ReportError) as caught:
        contract().evaluate(report)
    assert caught.value.path == path
    assert words in str(caught.value)


def test_a_scope_for_an_unnamed_contract_is_an_unknown_key():
    text = """contract "S-1" {
  currency USD
  shipment {
    ship by 2026-05-01
  }
  product "P" {
    quantity 10 pcs
    unit price 1 USD
  }
}
"""
    data = base(inspection={"kind": "post-delivery", "date": "2026-06-05", "shipments": ["a"]})
    verdict = tacl.compile_source(text).evaluate(data)
    assert [w.message for w in verdict.warnings] == ["unknown key `inspection.shipments`"]


# --- scope, goods and lots ------------------------------------------------------------------


def test_scope_lists_only_the_covered_shipments_clauses():
    data = base(
        inspection={"kind": "post-delivery", "date": "2026-06-05", "shipments": ["a"]},
        shipments={"a": {"shipped": "2026-04-28", "delivered": "2026-05-30"}},
        products={"P": {"quantity": 600, "weight": ["101 g"]}, "Q": {"quantity": 100}},
    )
    verdict = contract().evaluate(data)
    clauses = [f.clause for f in verdict.findings]
    assert "shipments.b.ship-by" not in clauses and "shipments.b.goods.P" not in clauses
    # P ships in a and b: its order quantity waits for b; Q ships in a only: judged now
    assert "products.P.quantity" not in clauses and "products.Q.quantity" in clauses
    assert find(verdict, "shipments.a.goods.P").actual == "600 pcs"
    assert verdict.to_dict()["scope"] == {"shipments": ["a"]}


def test_a_quantity_over_two_covered_shipments_needs_per_shipment_goods():
    data = base(
        shipments={"a": {"shipped": "2026-04-28"}, "b": {"shipped": "2026-05-28"}},
        products={"P": {"quantity": 1000}, "Q": {"quantity": 100}},
    )
    verdict = contract().evaluate(data)
    assert find(verdict, "products.P.quantity").status == "pass"  # every carrier covered
    goods = find(verdict, "shipments.a.goods.P")
    assert goods.status == "missing" and "shipments.a.goods.P" in goods.message
    data["shipments"]["a"]["goods"] = {"P": 598}
    assert find(contract().evaluate(data), "shipments.a.goods.P").status == "fail"


def test_shared_lot_of_a_named_shipment_with_named_defects():
    data = base(
        shipments={
            "a": {
                "aql": {
                    "lot-size": 700,
                    "sample-size": 80,
                    "defects": [
                        {"defect": "Scratch", "count": 5},
                        {"defect": "dent", "count": 1, "class": "major"},
                    ],
                }
            }
        }
    )
    major = find(contract().evaluate(data), "shipments.a.aql.major")
    # lot 700 (P 600 + Q 100), level II: code J (501–1,200), n = 80; AQL 2.5 at J: Ac 5 / Re 6
    assert major.expected == "AQL 2.5 at level II: code J, n=80, Ac 5 / Re 6"
    assert major.actual == "6 major defects in a sample of 80: Scratch ×5, dent ×1"
    assert major.status == "fail"


def test_an_unclassified_defect_leaves_the_class_missing_unless_already_rejected():
    def major(defects):
        data = base(
            shipments={"a": {"aql": {"lot-size": 700, "sample-size": 80, "defects": defects}}}
        )
        return find(contract().evaluate(data), "shipments.a.aql.major")

    open_ = major([{"defect": "scratch", "count": 2}, {"defect": "dent", "count": 1}])
    assert open_.status == "missing"
    assert '"dent" is in no class of the contract and the report gives none' in open_.message
    # 6 scratches already reach Re 6: whatever class "dent" has, the lot is rejected
    assert major([{"defect": "scratch", "count": 6}, {"defect": "dent"}]).status == "fail"


def test_unnamed_shipment_lot_is_reported_at_the_top_level():
    text = """contract "L-1" {
  currency USD
  shipment {
    ship by 2026-05-01
  }
  product "A" {
    quantity 300 pcs
    unit price 1 USD
  }
  product "B" {
    quantity 25 dozen
    unit price 10 USD
  }
  product "BULK" {
    quantity 500 kg
    unit price 2 USD
    inspection {
      aql none
    }
  }
  inspection {
    aql critical 0 major 2.5
    lot per shipment
  }
}
"""
    compiled = tacl.compile_source(text)
    data = {
        "tacl-report": 1,
        "contract": "L-1",
        "inspection": {"kind": "pre-shipment", "date": "2026-04-20"},
        "aql": {"lot-size": 600, "sample-size": 80, "defects": {"critical": 0, "major": 3}},
    }
    verdict = compiled.evaluate(data)
    clauses = [f.clause for f in verdict.findings]
    assert "lot.aql.major" in clauses and not any("BULK.aql" in c for c in clauses)
    # 300 pcs + 25 dozen (300 pcs) = 600 units: code J (501–1,200), n = 80, AQL 2.5 Ac 5 / Re 6
    assert find(verdict, "lot.aql.major").expected.endswith("code J, n=80, Ac 5 / Re 6")
    assert find(verdict, "lot.aql.major").status == "pass"


# --- void grounds and claims ----------------------------------------------------------------


def test_late_delivery_under_fob_is_void_and_under_dap_stands():
    data = base(
        shipments={
            "a": {"shipped": "2026-04-30", "delivered": "2026-06-03"},  # 2 days late, FOB
            "b": {"shipped": "2026-05-30", "delivered": "2026-07-04"},  # 3 days late, DAP
        },
        products={"P": {"quantity": 1000}, "Q": {"quantity": 100}},
        dispute={"opened": "2026-07-05"},
    )
    data["inspection"]["date"] = "2026-07-05"
    claim = contract().evaluate(data).claim
    assert claim.grounds == ("late-shipment",) and claim.late_shipments == ("b",)
    (void,) = claim.void_grounds
    assert (void.ground, void.shipment) == ("late-shipment", "a")
    assert void.reason.startswith(
        "delivered late under FOB: carriage after handover is the buyer's"
    )


def test_unnamed_late_delivery_under_fob_is_a_void_ground():
    text = """contract "V-1" {
  currency USD
  shipment {
    ship by 2026-05-01
    deliver by 2026-06-01
    incoterm FOB "Ningbo"
  }
  product "P" {
    quantity 10 pcs
    unit price 10 USD
  }
  inspection {
    aql major 2.5
  }
}
"""
    data = {
        "tacl-report": 1,
        "contract": "V-1",
        "inspection": {"kind": "post-delivery", "date": "2026-06-05"},
        "shipment": {"shipped": "2026-04-30", "delivered": "2026-06-03"},
    }
    verdict = tacl.compile_source(text).evaluate(data)
    assert find(verdict, "shipment.deliver-by").status == "fail"
    assert verdict.status == "noncompliant" and not verdict.claim.eligible
    (void,) = verdict.claim.void_grounds
    assert void.ground == "late-shipment" and void.to_dict() == {
        "ground": "late-shipment",
        "reason": "delivered late under FOB: carriage after handover is the buyer's, so a "
        "late delivery is no breach of the supplier",
    }
    assert verdict.claim.notes[-1] == "no claim: every ground is void"
    dap = tacl.compile_source(text.replace('FOB "Ningbo"', 'DAP "Hamburg"')).evaluate(data)
    assert dap.claim.eligible and dap.claim.grounds == ("late-shipment",)


def test_quality_window_of_each_covered_shipment():
    data = base(
        shipments={"a": {"shipped": "2026-04-28"}, "b": {}},
        products={"P": {"quantity": 1000, "weight": ["120 g"]}, "Q": {"quantity": 100}},
    )
    claim = contract().evaluate(data).claim
    (void,) = claim.void_grounds
    assert void.ground == "quality"
    assert void.reason == (
        'the quality-claim window of shipment "b" cannot be checked: the report gives none of '
        "the dates it runs from (shipments.b.customs-cleared, shipments.b.shipped)"
    )


AFFECTED = """  remedies {
    refund affected goods
  }
"""


def test_affected_goods_of_a_failing_product_and_of_a_late_shipment():
    data = base(
        inspection={"kind": "post-delivery", "date": "2026-06-05", "shipments": ["a"]},
        shipments={"a": {"shipped": "2026-04-28", "delivered": "2026-05-30"}},
        products={"P": {"quantity": 600, "weight": ["120 g"]}, "Q": {"quantity": 100}},
    )
    claim = contract(AFFECTED).evaluate(data).claim
    # P fails in scope "a": its goods line there, 600 × 10 = 6,000.00 USD (not b's 400)
    assert (claim.basis, claim.amount) == ("affected goods", "6000.00")
    data["shipments"]["a"]["shipped"] = "2026-05-03"  # 2 days late: all of "a"
    claim = contract(AFFECTED).evaluate(data).claim
    # 600 × 10 + 100 × 50 = 11,000.00 USD, P's line counted once
    assert claim.amount == "11000.00" and claim.late_shipments == ("a",)


def test_affected_goods_of_an_unnamed_order():
    text = """contract "U-1" {
  currency EUR
  advance payment 30 %
  protection pre-shipment
  shipment {
    ship by 2026-05-01
  }
  product "A" {
    quantity 12 dozen
    unit price 30 EUR
    weight 200 g ± 10 g
  }
  product "B" {
    quantity 70 pcs
    unit price 3.33 EUR
  }
  remedies {
    refund affected goods
  }
}
"""
    data = {
        "tacl-report": 1,
        "contract": "U-1",
        "inspection": {"kind": "pre-shipment", "date": "2026-04-20"},
        "products": {"A": {"weight": ["230 g"]}},
    }
    claim = tacl.compile_source(text).evaluate(data).claim
    # order 12 × 30 + 70 × 3.33 = 360.00 + 233.10 = 593.10; advance 30 % = 177.93
    # affected A = 360.00: 177.93 × 360.00 ÷ 593.10 = 107.9999…, rounded half-up 108.00
    assert (claim.basis, claim.amount) == ("affected goods", "108.00")


# --- rebates -------------------------------------------------------------------------------

RICE = """contract "R-1" {
  currency USD
  product "HM105" {
    quantity 24_000 kg ± 2 %
    unit price 0.62 USD
    spec moisture at most 12.5 %, rebate 1 % per 0.1 % up to 13.0 %
    spec purity at least 92 %, rebate 0.5 % per 1 % down to 88 %
    inspection {
      aql none
    }
  }
}
"""


def rice(moisture, purity=("92.5 %",)):
    data = {
        "tacl-report": 1,
        "contract": "R-1",
        "inspection": {"kind": "post-delivery", "date": "2026-06-05"},
        "products": {"HM105": {"spec": {"moisture": list(moisture), "purity": list(purity)}}},
    }
    return tacl.compile_source(RICE).evaluate(data)


def test_rebate_on_the_mean_per_started_step():
    # product value 24,000 kg × 0.62 USD = 14,880.00 USD
    # mean (12.6 + 12.8 + 12.7) / 3 = 12.7: 0.2 past 12.5 = 2 steps × 1 % = 297.60 USD
    verdict = rice(["12.6 %", "12.8 %", "12.7 %"])
    assert find(verdict, "products.HM105.spec.moisture").status == "pass"
    (owed,) = verdict.remedies.rebates
    assert (owed.clause, owed.amount) == ("products.HM105.spec.moisture", "297.60")
    # mean 12.65: 0.15 past is one step and part of another: still 2 steps
    assert rice(["12.6 %", "12.7 %"]).remedies.rebates[0].amount == "297.60"
    assert rice(["12.5 %", "12.5 %"]).remedies.rebates == ()  # on the target: no rebate


def test_rebate_down_to_and_beyond_the_limit():
    # mean purity (90.5 + 91.0) / 2 = 90.75: 1.25 below 92 = 2 steps × 0.5 % = 1 % = 148.80
    verdict = rice(["12.0 %"], ["90.5 %", "91.0 %"])
    assert [(r.clause, r.amount) for r in verdict.remedies.rebates] == [
        ("products.HM105.spec.purity", "148.80")
    ]
    failed = rice(["12.6 %", "13.1 %"])  # one sample past the 13.0 % limit: fail, no rebate
    assert find(failed, "products.HM105.spec.moisture").status == "fail"
    assert failed.remedies.rebates == () and failed.remedies.total == "0.00"


def test_rebate_verdict_json():
    data = rice(["12.6 %", "12.8 %", "12.7 %"]).to_dict()
    assert data["remedies"] == {
        "late-penalties": [],
        "cancel-right": False,
        "rebates": [{"clause": "products.HM105.spec.moisture", "amount": "297.60"}],
        "total": "297.60",
        "currency": "USD",
        "notes": [],
    }
    assert list(data)[-3:] == ["claim", "remedies", "warnings"]


def test_a_shared_lot_size_defaults_to_its_products_counts_added_up():
    data = base(
        inspection={"kind": "pre-shipment", "date": "2026-04-20", "shipments": ["a"]},
        shipments={"a": {"aql": {"sample-size": 80, "defects": {"major": 1}}}},
        products={"P": {"quantity": 600}, "Q": {"quantity": 100}},
    )
    major = find(contract().evaluate(data), "shipments.a.aql.major")
    # no lot-size given: P 600 + Q 100 = 700 units, code J (501–1,200), n = 80
    assert major.expected.endswith("code J, n=80, Ac 5 / Re 6")
    assert major.status == "pass"
    data["shipments"]["a"]["aql"]["lot-size"] = 1300  # the inspector's count wins
    major = find(contract().evaluate(data), "shipments.a.aql.major")
    assert major.expected.endswith("code K, n=125, Ac 7 / Re 8")  # 1,201–3,200: K


# --- names with dots (issue 8's unambiguous paths) -------------------------------------------


def test_shipment_names_and_skus_with_dots_stay_one_path_segment():
    """A shipment `lot.a` and a SKU `P.1`: every path quotes them (tacl.paths), the report
    keys read back to the same clauses, and an error names the quoted key path."""
    text = SPLIT.replace('shipment "a"', 'shipment "lot.a"').replace('"P"', '"P.1"')
    data = base(
        inspection={"kind": "post-delivery", "date": "2026-06-05", "shipments": ["lot.a"]},
        shipments={
            "lot.a": {
                "shipped": "2026-04-28",
                "delivered": "2026-05-30",
                "goods": {"P.1": 600, "Q": 100},
                # lot 600 + 100 = 700: level II code J, n 80, major 2.5 -> Ac 5 / Re 6
                "aql": {"lot-size": 700, "sample-size": 80, "defects": {"major": 1}},
            }
        },
    )
    verdict = tacl.compile_source(text.replace("EXTRA", ""), name="s.tacl").evaluate(data)
    assert find(verdict, 'shipments."lot.a".ship-by').status == "pass"
    assert find(verdict, 'shipments."lot.a".goods."P.1"').status == "pass"  # 600 of 600
    assert find(verdict, 'shipments."lot.a".goods.Q').status == "pass"
    assert find(verdict, 'shipments."lot.a".aql.major').status == "pass"  # 1 < Re 6
    assert verdict.scope == ("lot.a",)
    data["shipments"]["lot.a"]["delivered"] = "2026-04-27"
    with pytest.raises(ReportError) as caught:
        tacl.compile_source(text.replace("EXTRA", ""), name="s.tacl").evaluate(data)
    assert caught.value.path == 'shipments."lot.a".delivered'
