"""Named shipments, lots, defect classes and remedies compile to their records (language-v2.md §2–5).

The errors themselves are in errors/E22x-*.tacl with their rendered goldens; here,
what a contract that compiles means: the records, the clause paths and order, and
the fingerprint keys each new statement adds (and that a TACL 1 contract lacks).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import tacl
from tacl.pipeline import analyze
from tacl.source import SourceFile

ROOT = Path(__file__).resolve().parents[2]

HOODIES = """contract "HD-26-320" {
  currency EUR
  shipment "grey" {
    ship by 2026-07-31
    incoterm FOB "Ningbo"
    goods "HD320-HGR-S" 400 pcs
    goods "HD320-HGR-M" 800 pcs ± 2 %
  }
  shipment "green" {
    ship between 2026-08-01 and 2026-08-21
    deliver by 2026-09-30
    incoterm DAP "Hamburg"
    partial shipments not allowed
    goods "HD320-GRN-S" 300 pcs
    goods "HD320-HGR-M" 200 pcs
  }
  product "HD320-HGR-S" {
    quantity 400 pcs
    unit price 11.40 EUR
  }
  product "HD320-HGR-M" {
    quantity 1000 pcs ± 2 %
    unit price 11.40 EUR
  }
  product "HD320-GRN-S" {
    quantity 300 pcs
    unit price 12.10 EUR
  }
INSPECTION}
"""


def compile_(text: str, inspection: str = ""):
    return tacl.compile_source(text.replace("INSPECTION", inspection), name="t.tacl")


def errors(text: str) -> list[tuple[str, int]]:
    found = analyze(SourceFile("t.tacl", text)).diagnostics
    return [(d.code, d.span.line if d.span else 0) for d in found]


def test_named_shipments_records_and_clause_paths():
    contract = compile_(HOODIES)
    grey, green = contract.shipments
    assert (grey.name, green.name) == ("grey", "green")
    assert str(grey.latest) == "2026-07-31" and grey.earliest is None
    assert (str(green.earliest), str(green.latest)) == ("2026-08-01", "2026-08-21")
    assert green.incoterm.to_dict() == {"code": "DAP", "place": "Hamburg"}
    assert not green.partial_allowed
    assert grey.buyers_carriage and not green.buyers_carriage
    assert [line.sku for line in green.goods] == ["HD320-GRN-S", "HD320-HGR-M"]
    # goods value = nominal × unit price: 800 × 11.40 = 9120; 300 × 12.10 = 3630
    assert grey.goods[1].value == Fraction(9120)
    assert green.goods[0].value == Fraction(3630)
    paths = [c.path for c in contract.clauses]
    assert paths[:7] == [
        "shipments.grey.ship-by",
        "shipments.grey.goods.HD320-HGR-S",
        "shipments.grey.goods.HD320-HGR-M",
        "shipments.green.ship-by",
        "shipments.green.deliver-by",
        "shipments.green.partial",
        "shipments.green.goods.HD320-GRN-S",
    ]
    assert contract.clause("shipments.grey.goods.HD320-HGR-M").expected == "784 pcs to 816 pcs"
    assert contract.named_shipments
    assert contract.incoterm is None and contract.partial_allowed  # contract-level: unnamed only


def test_unnamed_shipment_is_one_record_and_keeps_v1_meaning():
    lamps = tacl.load(ROOT / "examples" / "lamps" / "po.tacl")
    (shipment,) = lamps.shipments
    assert shipment.name is None and shipment.prefix == "shipment" and shipment.goods == ()
    meaning = lamps.meaning()
    for key in ("shipments", "defects", "remedies"):
        assert key not in meaning
    assert "lot" not in meaning["inspection"]
    assert all("rebate" not in c for c in meaning["clauses"])


def test_goods_lines_add_up_exactly_in_the_products_unit():
    text = HOODIES.replace('goods "HD320-HGR-S" 400 pcs', 'goods "HD320-HGR-S" 33 dozen')
    # 33 dozen = 396 pcs: 4 pcs less than 400
    found = analyze(SourceFile("t.tacl", text.replace("INSPECTION", ""))).diagnostics
    assert [d.code for d in found] == ["E220"]
    assert "396 pcs, 4 pcs less than its quantity of 400 pcs" in found[0].message
    ok = HOODIES.replace('goods "HD320-HGR-S" 400 pcs', 'goods "HD320-HGR-S" 33 dozen').replace(
        'quantity 400 pcs\n    unit price 11.40 EUR\n  }\n  product "HD320-HGR-M"',
        'quantity 396 pcs\n    unit price 11.40 EUR\n  }\n  product "HD320-HGR-M"',
    )
    assert compile_(ok).shipments[0].goods[0].clause.unit == "dozen"


def test_goods_of_another_dimension_is_an_error():
    text = HOODIES.replace('goods "HD320-GRN-S" 300 pcs', 'goods "HD320-GRN-S" 300 kg')
    assert [code for code, _ in errors(text.replace("INSPECTION", ""))] == ["E202"]


def test_goods_twice_in_one_shipment_and_shipment_names_twice():
    twice = HOODIES.replace(
        'goods "HD320-HGR-S" 400 pcs',
        'goods "HD320-HGR-S" 200 pcs\n    goods "HD320-HGR-S" 200 pcs',
    )
    assert ("E302", 7) in errors(twice.replace("INSPECTION", ""))
    named_twice = HOODIES.replace('shipment "green"', 'shipment "grey"')
    assert [code for code, _ in errors(named_twice.replace("INSPECTION", ""))][0] == "E302"


LOTS = """  inspection {
    standard ISO 2859-1 level II
    aql critical 0 major 2.5 minor 4.0
    lot per shipment
  }
"""


def test_lot_per_shipment_draws_one_lot_per_named_shipment():
    contract = compile_(HOODIES, LOTS)
    lots = {lot.key: lot for lot in contract.lots}
    assert set(lots) == {"shipments.grey", "shipments.green"}
    assert lots["shipments.grey"].skus == ("HD320-HGR-S", "HD320-HGR-M")
    assert lots["shipments.green"].skus == ("HD320-HGR-M", "HD320-GRN-S")  # product order
    paths = [c.path for c in contract.clauses]
    assert not any(p.startswith("products.") and ".aql." in p for p in paths)
    assert paths[-6:] == [
        "shipments.grey.aql.critical",
        "shipments.grey.aql.major",
        "shipments.grey.aql.minor",
        "shipments.green.aql.critical",
        "shipments.green.aql.major",
        "shipments.green.aql.minor",
    ]
    clause = contract.clause("shipments.grey.aql.major")
    text = HOODIES.replace("INSPECTION", LOTS)
    lot_line = text.splitlines().index("    lot per shipment") + 1
    assert clause.lot == "shipments.grey"
    assert (clause.location.line, clause.location.column) == (lot_line, 5)
    assert contract.meaning()["inspection"]["lot"] == "per shipment"


UNNAMED = """contract "R-1" {
  currency USD
  shipment {
    ship by 2026-09-15
  }
  product "A" {
    quantity 1200 pcs
    unit price 2 USD
  }
  product "B" {
    quantity 40 dozen
    unit price 20 USD
  }
  product "RICE" {
    quantity 3000 kg ± 2 %
    unit price 1.10 USD
  }
  product "OWN" {
    quantity 500 pcs
    unit price 3 USD
    inspection {
      standard ISO 2859-1 level S-4
    }
  }
  product "BULK" {
    quantity 200 kg
    unit price 4 USD
    inspection {
      aql none
    }
  }
  inspection {
    aql critical 0 major 2.5 minor 4.0
    lot per shipment
  }
}
"""


def test_products_that_stay_their_own_lot_and_aql_none():
    contract = tacl.compile_source(UNNAMED)
    lots = {lot.key: lot for lot in contract.lots}
    # counted in units and without an inspection block of their own: the shared lot
    assert lots["lot"].skus == ("A", "B") and lots["lot"].shipment is None
    # a mass quantity, or an own inspection block: its own lot; `aql none`: no lot
    assert set(lots) == {"lot", "products.RICE", "products.OWN"}
    assert lots["products.OWN"].inspection.level == "S-4"
    paths = {c.path for c in contract.clauses}
    assert {"lot.aql.critical", "products.RICE.aql.major", "products.OWN.aql.minor"} <= paths
    assert not any(p.startswith(("products.A.aql", "products.BULK.aql")) for p in paths)
    assert contract.product("BULK").inspection.aql == ()
    assert contract.meaning()["products"][4]["inspection"]["aql"] == {}


def test_aql_none_and_aql_in_one_block_is_a_duplicate():
    text = UNNAMED.replace("      aql none\n", "      aql none\n      aql major 1.0\n")
    assert ("E302", 30) in errors(text)


DEFECTS = """  defects {
    critical "mould", "broken needle"
    major "open seam"
  }
"""


def test_defect_classes_contract_and_product_level():
    text = HOODIES.replace(
        '  product "HD320-GRN-S" {\n    quantity 300 pcs\n',
        '  product "HD320-GRN-S" {\n    quantity 300 pcs\n    defects {\n      minor "Open  Seam"\n'
        '      major "hood drawcord missing"\n    }\n',
    )
    contract = compile_(text, DEFECTS)
    assert [(d.name, d.defect_class) for d in contract.defects] == [
        ("mould", "critical"),
        ("broken needle", "critical"),
        ("open seam", "major"),
    ]
    lots = {lot.key: lot for lot in contract.lots}
    own = lots["products.HD320-GRN-S"]
    # the product's list adds to the contract's and overrides it for a name in both
    assert own.classify("open seam") == "minor"
    assert own.classify("hood drawcord missing") == "major"
    assert own.classify("mould") == "critical"
    assert lots["products.HD320-HGR-S"].classify("open seam") == "major"
    assert contract.meaning()["defects"] == {
        "critical": ["mould", "broken needle"],
        "major": ["open seam"],
    }
    assert contract.meaning()["products"][2]["defects"] == {
        "minor": ["Open  Seam"],
        "major": ["hood drawcord missing"],
    }


def test_a_shared_lot_classifies_with_its_products_lists():
    text = HOODIES.replace(
        '  product "HD320-GRN-S" {\n    quantity 300 pcs\n',
        '  product "HD320-GRN-S" {\n    quantity 300 pcs\n    defects {\n'
        '      major "hood drawcord missing"\n    }\n',
    )
    contract = compile_(text, LOTS + DEFECTS)
    lots = {lot.key: lot for lot in contract.lots}
    assert lots["shipments.green"].classify("hood drawcord missing") == "major"
    assert lots["shipments.grey"].classify("hood drawcord missing") is None
    assert lots["shipments.grey"].classify("mould") == "critical"


REMEDIES = """  remedies {
    late penalty 0.5 % per day, at most 10 %
    cancel if more than 21 days late
    refund affected goods
  }
"""


def test_remedies_record_and_fingerprint():
    contract = compile_(HOODIES, REMEDIES)
    remedies = contract.remedies
    assert remedies.late_penalty.rate == Decimal("0.5")
    assert remedies.late_penalty.period == "day"
    assert remedies.late_penalty.cap == Decimal("10")
    assert remedies.cancel_after_days == 21 and remedies.refund_affected
    assert contract.meaning()["remedies"] == {
        "late-penalty": {"rate": "0.5", "per": "day", "at-most": "10"},
        "cancel-if-more-than-days-late": 21,
        "refund": "affected goods",
    }
    weekly = compile_(HOODIES, "  remedies {\n    late penalty 2 % per week\n  }\n").remedies
    assert weekly.late_penalty.cap is None and weekly.cancel_after_days is None
    assert not weekly.refund_affected


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("late penalty 0 % per day", "E229"),
        ("late penalty 101 % per day", "E229"),
        ("late penalty 1 % per day, at most 0 %", "E229"),
        ("cancel if more than 2.5 days late", "E214"),
        ("cancel if more than 4000 days late", "E214"),
    ],
)
def test_invalid_remedies(line, code):
    assert [
        c for c, _ in errors(HOODIES.replace("INSPECTION", f"  remedies {{\n    {line}\n  }}\n"))
    ] == [code]


def test_a_remedy_twice_is_a_duplicate():
    text = "  remedies {\n    refund affected goods\n    refund affected goods\n  }\n"
    assert [c for c, _ in errors(HOODIES.replace("INSPECTION", text))] == ["E302"]


RICE = """contract "RICE-1" {
  currency USD
  product "HM105" {
    quantity 24_000 kg ± 2 %
    unit price 0.62 USD
    STATEMENT
  }
}
"""


def test_rebate_widens_the_clause_to_its_limit():
    text = RICE.replace(
        "STATEMENT", "spec moisture at most 12.5 %, rebate 1 % per 0.1 % up to 13.0 %"
    )
    clause = tacl.compile_source(text).clause("products.HM105.spec.moisture")
    assert clause.interval.low is None and clause.interval.high == Fraction(13)
    rebate = clause.rebate
    assert (rebate.rate, rebate.step, rebate.direction) == (Decimal(1), Fraction(1, 10), "up")
    assert (rebate.target, rebate.limit) == (Fraction(25, 2), Fraction(13))
    assert clause.expected == "at most 12.5 %; up to 13 % with a rebate of 1 % per 0.1 %"
    assert tacl.compile_source(text).meaning()["clauses"][1]["rebate"] == {
        "rate": "1",
        "per": "0.1",
        "direction": "up",
        "target": "12.5",
        "limit": "13",
    }


def test_rebate_down_to_and_steps_in_another_unit():
    text = RICE.replace(
        "STATEMENT",
        'dimension "kernel length" at least 7 mm, rebate 2 % per 0.01 cm down to 6.8 mm',
    )
    clause = tacl.compile_source(text).clause("products.HM105.dimension.kernel length")
    assert clause.interval.low == Fraction(68, 10) and clause.interval.high is None
    assert clause.rebate.step == Fraction(1, 10)  # 0.01 cm = 0.1 mm
    assert clause.rebate.target == 7


@pytest.mark.parametrize(
    "statement",
    [
        "spec moisture at most 12.5 %, rebate 1 % per 0.1 % down to 12 %",  # direction
        "spec moisture at most 12.5 %, rebate 1 % per 0.1 % up to 12.5 %",  # limit not past
        "spec moisture at most 12.5 %, rebate 1 % per 0 % up to 13 %",  # zero step
        "spec moisture at most 12.5 %, rebate 1 USD per 0.1 % up to 13 %",  # rate not in %
        "spec moisture at most 12.5 %, rebate 120 % per 0.1 % up to 13 %",  # rate above 100
    ],
)
def test_invalid_rebates(statement):
    assert [c for c, _ in errors(RICE.replace("STATEMENT", statement))] == ["E228"]


def test_rebate_step_of_another_dimension():
    text = RICE.replace("STATEMENT", "spec moisture at most 12.5 %, rebate 1 % per 1 mm up to 13 %")
    assert [c for c, _ in errors(text)] == ["E202"]


def test_rebate_needs_a_price_and_a_modifier_once():
    unpriced = RICE.replace("    unit price 0.62 USD\n", "").replace(
        "STATEMENT", "spec moisture at most 12.5 %, rebate 1 % per 0.1 % up to 13.0 %"
    )
    assert [c for c, _ in errors(unpriced)] == ["E228"]
    twice = RICE.replace(
        "STATEMENT",
        "spec moisture at most 12.5 %, rebate 1 % per 0.1 % up to 13 %, rebate 1 % per 0.1 % up to 13 %",
    )
    # one code for a modifier given twice, whichever it is (was E302 for a rebate, E231 for
    # a statistics modifier)
    assert [c for c, _ in errors(twice)] == ["E231"]


def test_lot_per_product_states_the_default():
    text = HOODIES.replace("INSPECTION", "  inspection {\n    lot per product\n  }\n")
    contract = tacl.compile_source(text)
    assert [lot.key for lot in contract.lots] == [
        "products.HD320-HGR-S",
        "products.HD320-HGR-M",
        "products.HD320-GRN-S",
    ]
    assert "lot" not in contract.meaning()["inspection"]


# --- the fingerprint follows the meaning of every new statement ---------------------------

FULL = HOODIES.replace("INSPECTION", LOTS + DEFECTS + REMEDIES).replace(
    "    quantity 300 pcs\n    unit price 12.10 EUR\n",
    "    quantity 300 pcs\n    unit price 12.10 EUR\n"
    "    spec moisture at most 8 %, rebate 1 % per 0.5 % up to 9 %\n"
    '    defects {\n      minor "lint"\n    }\n',
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('shipment "green"', 'shipment "verde"'),  # a shipment's name
        ('incoterm DAP "Hamburg"', 'incoterm DAP "Bremen"'),
        ('goods "HD320-HGR-M" 800 pcs ± 2 %', 'goods "HD320-HGR-M" 800 pcs ± 3 %'),
        (  # 100 pieces moved from one shipment to the other: the total is the same
            'goods "HD320-HGR-M" 800 pcs ± 2 %\n  }',
            'goods "HD320-HGR-M" 700 pcs ± 2 %\n  }',
        ),
        ("    lot per shipment\n", "    lot per product\n"),
        ('critical "mould", "broken needle"', 'critical "mould", "broken needles"'),
        ('major "open seam"', 'minor "open seam"'),
        ('minor "lint"', 'major "lint"'),
        ("late penalty 0.5 % per day", "late penalty 0.6 % per day"),
        ("late penalty 0.5 % per day", "late penalty 0.5 % per week"),
        ("at most 10 %\n", "at most 8 %\n"),
        ("late penalty 0.5 % per day, at most 10 %", "late penalty 0.5 % per day"),
        ("cancel if more than 21 days late", "cancel if more than 28 days late"),
        ("    refund affected goods\n", ""),
        ("rebate 1 % per 0.5 % up to 9 %", "rebate 2 % per 0.5 % up to 9 %"),
        ("rebate 1 % per 0.5 % up to 9 %", "rebate 1 % per 0.25 % up to 9 %"),
        ("rebate 1 % per 0.5 % up to 9 %", "rebate 1 % per 0.5 % up to 9.5 %"),
        (", rebate 1 % per 0.5 % up to 9 %", ""),
    ],
)
def test_fingerprint_follows_the_meaning_of_new_statements(old, new):
    before = tacl.compile_source(FULL)
    text = FULL.replace(old, new, 1)
    if "700 pcs" in new:  # the 100 pieces go to green
        text = text.replace('goods "HD320-HGR-M" 200 pcs', 'goods "HD320-HGR-M" 300 pcs')
    assert text != FULL
    assert tacl.compile_source(text).sha256 != before.sha256


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("late penalty 0.5 % per day", "late penalty 0.50% per day"),  # a number by value
        ("cancel if more than 21 days late", "cancel if more than 21 day late"),
        ('major "open seam"', 'major "open seam"  # as the QC manual words it'),
        ("rebate 1 % per 0.5 % up to 9 %", "rebate 1.0 % per 0.50 % up to 9.0 %"),
        ("    lot per shipment\n", "    lot  per   shipment\n"),
    ],
)
def test_fingerprint_ignores_how_new_statements_are_written(old, new):
    assert tacl.compile_source(FULL.replace(old, new, 1)).sha256 == tacl.compile_source(FULL).sha256


def test_a_rebate_and_a_statistic_on_one_clause_is_an_error():
    # a rebate prices each sample past its target; with a mean it has no meaning (E232)
    text = RICE.replace(
        "STATEMENT",
        "spec moisture mean at most 12.5 %, on 5 samples, rebate 1 % per 0.1 % up to 13.0 %",
    )
    found = analyze(SourceFile("rice.tacl", text)).diagnostics
    assert [d.code for d in found] == ["E232"]
    assert "rebate" in found[0].message and found[0].help


def test_statistics_and_a_rebate_share_the_modifier_list_in_any_order():
    # `on 5 samples` alone and the rebate alone both compile; modifiers come in any order
    text = RICE.replace(
        "STATEMENT", "spec moisture at most 12.5 %, rebate 1 % per 0.1 % up to 13.0 %"
    )
    assert tacl.compile_source(text).clause("products.HM105.spec.moisture").rebate is not None
    text = RICE.replace(
        "STATEMENT", "spec moisture at most 12.5 %, on 5 samples, at most 1 outside"
    )
    clause = tacl.compile_source(text).clause("products.HM105.spec.moisture")
    assert (clause.statistic.samples, clause.statistic.outside) == (5, 1)
