"""`tacl plan`: lots, ISO 2859-1 plans, checks in contract order, in Markdown and HTML.

Every sampling number below is read by hand from ISO 2859-1 Table 1 (lot size and
level → code letter) and Table 2-A (letter and AQL → n, Ac/Re), as the comments say.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import tacl
from tacl.render.inspection_plan import build_plan
from tacl.render.plan_html import render_plan_html
from tacl.render.plan_markdown import render_markdown

from .examples import contracts, ident

CONTRACTS = contracts()
LAMPS = [p for p in CONTRACTS if p.parent.name == "lamps"][0]
RICE = [p for p in CONTRACTS if p.parent.name == "rice"][0]
TSHIRTS = [p for p in CONTRACTS if p.parent.name == "tshirts"][0]


def _plan(path, **lots):
    return build_plan(tacl.load(path), path.read_text("utf-8"), lots)


def _classes(lot):
    return [(c.defect_class, c.code, c.sample_size, c.accept, c.reject) for c in lot.classes]


def test_lamps_lot_from_the_contract_quantity() -> None:
    plan = _plan(LAMPS)
    lot = plan.sections[1].lot
    assert lot.size == 1000  # quantity 1000 pcs ± 2 %: the nominal quantity
    # 501–1200 at level II → J; J: n=80; AQL 0 → 0/1, 2.5 → 5/6, 4.0 → 7/8
    assert _classes(lot) == [
        ("critical", "J", 80, 0, 1),
        ("major", "J", 80, 5, 6),
        ("minor", "J", 80, 7, 8),
    ]
    weight = next(c for c in plan.checks if c.clause.path == "products.DL-200.weight")
    # measured on the S-2 sample: 501–1200 at S-2 → C; C: n=5
    assert (weight.samples, weight.key, weight.expected) == (
        5,
        "products.DL-200.weight",
        "1.15 kg to 1.25 kg",
    )
    quantity = next(c for c in plan.checks if c.clause.path == "products.DL-200.quantity")
    assert quantity.samples == 1  # the lot is counted once


def test_lot_size_option_overrides_one_lot() -> None:
    plan = _plan(LAMPS, **{"DL-200": 1300})
    lot = plan.sections[1].lot
    assert lot.size_source == "given with --lot-size"
    # 1201–3200 at level II → K; K: n=125; 2.5 → 7/8, 4.0 → 10/11
    assert _classes(lot) == [
        ("critical", "K", 125, 0, 1),
        ("major", "K", 125, 7, 8),
        ("minor", "K", 125, 10, 11),
    ]
    weight = next(c for c in plan.checks if c.clause.path == "products.DL-200.weight")
    assert weight.samples == 8  # 1201–3200 at S-2 → D; D: n=8


def test_small_lot_is_inspected_in_full() -> None:
    plan = _plan(LAMPS, **{"*": 10})
    lot = plan.sections[1].lot
    # 9–15 at level II → B (n=3); where an arrow leads to a larger sample than the
    # lot, every unit is inspected: no plan may draw more than the lot
    assert all(c.sample_size <= 10 for c in lot.classes)
    # critical 0 uses letter B itself: n=3, 0/1
    assert _classes(lot)[0] == ("critical", "B", 3, 0, 1)


def test_tshirts_each_size_is_its_own_lot_and_dozens_count_as_pieces() -> None:
    plan = _plan(TSHIRTS)
    lots = [s.lot for s in plan.sections if s.lot]
    # M 2,400 pcs; L 200 dozen = 2,400 pcs; XL 1,800 pcs: all 1201–3200 → K, n=125
    assert [lot.size for lot in lots] == [2400, 2400, 1800]
    assert lots[1].size_source == "the contract's quantity, 200 dozen = 2400 pcs"
    # XL overrides major to 1.5: K at 1.5 → 5/6
    assert _classes(lots[2])[1] == ("major", "K", 125, 5, 6)


def test_bulk_goods_need_a_lot_size() -> None:
    plan = _plan(RICE)
    lot = plan.sections[1].lot
    assert lot.size is None and "give --lot-size" in lot.size_source
    text = render_markdown(plan)
    assert "Sampling plan: unknown until the lot size is known." in text
    # 960 bags of 25 kg: 501–1200 at II → J, n=80
    assert _classes(_plan(RICE, **{"*": 960}).sections[1].lot)[0][1:3] == ("J", 80)


@pytest.mark.parametrize("path", CONTRACTS, ids=ident)
def test_every_clause_is_checked_once_in_contract_order(path) -> None:
    contract = tacl.load(path)
    plan = build_plan(contract, path.read_text("utf-8"))
    assert sorted(c.clause.path for c in plan.checks) == sorted(c.path for c in contract.clauses)
    assert [c.number for c in plan.checks] == list(range(1, len(contract.clauses) + 1))
    # a `like` product's inherited clauses point at the lines of the product it is like
    alike = set(re.findall(r'^\s*product "([^"]+)" like ', path.read_text("utf-8"), re.M))
    for section in plan.sections:
        if section.key.removeprefix("products.") in alike:
            continue
        lines = [c.line for c in section.checks if c.line and "aql" not in c.key]
        assert lines == sorted(lines)


@pytest.mark.parametrize("path", CONTRACTS, ids=ident)
@pytest.mark.parametrize("fmt", ["markdown", "html", "template"])
def test_plan_command_is_byte_stable(path, fmt) -> None:
    run = lambda: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "tacl.cli", "plan", "--format", fmt, str(path)],
        capture_output=True,
    )
    first, second = run(), run()
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and first.stdout


def test_markdown_keeps_tables_whole_and_html_out() -> None:
    source = (
        'contract "A|B" {\n  currency USD\n  product "X" {\n'
        '    description "pipe | and <script>alert(1)</script>"\n'
        '    quantity 10 pcs\n    unit price 1 USD\n    marking "a | b"\n  }\n}\n'
    )
    contract = tacl.compile_source(source)
    text = render_markdown(build_plan(contract, source))
    assert "<script>" not in text
    assert "# Inspection plan: A\\|B" in text
    assert '| "a \\| b" |' in text


def test_html_plan_escapes_contract_text() -> None:
    source = (
        'contract "PO-<b>1</b>" {\n  buyer "<script>alert(1)</script>"\n  currency USD\n'
        '  product "X<i>" {\n    description "<img src=x onerror=alert(1)>"\n'
        '    quantity 10 pcs\n    unit price 1 USD\n    marking "</td><script>x()</script>"\n  }\n}\n'
    )
    contract = tacl.compile_source(source)
    html = render_plan_html(build_plan(contract, source))
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_lot_size_errors_are_usage_errors() -> None:
    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "tacl.cli", "plan", str(LAMPS), *args],
            capture_output=True,
            text=True,
        )

    unknown = run("--lot-size", "DL-20=500")
    assert unknown.returncode == 2
    assert "no lot `DL-20`; did you mean `DL-200`?" in unknown.stderr
    bad = run("--lot-size", "many")
    assert bad.returncode == 2 and "expected N or LOT=N" in bad.stderr
    one = run("--lot-size", "1")
    assert one.returncode == 2 and "from 2 to" in one.stderr
    assert "Traceback" not in unknown.stderr + bad.stderr + one.stderr


HOODIES = [p for p in CONTRACTS if p.parent.name == "hoodies"][0]


def test_shared_lots_of_named_shipments_and_goods_counted_once() -> None:
    """hoodies: `lot per shipment`. grey carries 400 + 800 + 600 = 1 800 pcs: 1201–3200 at
    level II → K, n=125; AQL 0 → 0/1, 2.5 → 7/8, 4.0 → 10/11. green carries 300 + 500 +
    400 = 1 200 pcs: 501–1200 → J, n=80; 0/1, 5/6, 7/8. A goods line is counted, once."""
    plan = _plan(HOODIES)
    lots = {s.lot.key: s.lot for s in plan.sections if s.lot is not None and s.lot.classes}
    assert lots["shipments.grey"].size == 1800 and lots["shipments.green"].size == 1200
    assert _classes(lots["shipments.grey"]) == [
        ("critical", "K", 125, 0, 1),
        ("major", "K", 125, 7, 8),
        ("minor", "K", 125, 10, 11),
    ]
    assert _classes(lots["shipments.green"]) == [
        ("critical", "J", 80, 0, 1),
        ("major", "J", 80, 5, 6),
        ("minor", "J", 80, 7, 8),
    ]
    goods = [c for s in plan.sections for c in s.checks if ".goods." in c.clause.path]
    assert len(goods) == 6 and {c.samples for c in goods} == {1}


def test_template_offers_the_scope_of_a_named_shipments_contract() -> None:
    from tacl.render.report_template import render_template

    text = render_template(_plan(HOODIES))
    assert '  # shipments: ["grey", "green"]  # the shipments this inspection covers' in text
    assert "# shipments:" not in render_template(_plan(LAMPS))


def test_a_product_in_a_shared_lot_is_measured_on_its_own_quantity() -> None:
    """HD320-HGR-S (400 pcs) is sampled for defects with all of grey, but measured on its
    own goods: special level S-2, 281–500 → code C, n=5 (it was "—" before)."""
    plan = _plan(HOODIES)
    section = next(s for s in plan.sections if s.key == "products.HD320-HGR-S")
    assert section.lot is None  # no plan table of its own: the shared lot's section has it
    readings = {c.label: c.samples for c in section.checks}
    assert readings["dimension · half chest"] == 5 and readings["weight"] == 5
    assert readings["quantity"] == 1
