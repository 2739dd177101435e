"""Each clause kind: colour, text, barcode, tests, AQL sampling and shipment dates."""

from __future__ import annotations

import datetime

import pytest

import tacl


def compile_(*lines: str, shipment: str = ""):
    body = "".join(f"    {line}\n" for line in lines)
    text = f'contract "T-2" {{\n  shipment {{\n{shipment}  }}\n  product "P" {{\n{body}  }}\n}}\n'
    return tacl.compile_source(text, name="t.tacl")


def evaluate(
    compiled, product=None, shipment=None, date="2026-04-24", as_of=None, kind="post-delivery"
):
    data = {
        "tacl-report": 1,
        "contract": "T-2",
        "inspection": {"kind": kind, "date": date},
        "products": {"P": product or {}},
    }
    if shipment is not None:
        data["shipment"] = shipment
    return compiled.evaluate(data, as_of=as_of)


def finding(verdict, clause):
    return next(f for f in verdict.findings if f.clause == clause)


# --- colour -----------------------------------------------------------------------------

HEX = compile_("color #1A1A1A")
HEX_TOL = compile_("color body #1A1A1A ± 2 dE", "color shade lab(50, 10, -10) ± 1 dE76")
NAMES = compile_('color trim pantone "19-4024 TCX"', "color cap ral 9005")
PLAIN_NAME = compile_('color "Matte  Black"')


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("#1a1a1a", "pass"),
        ("#1A1A1B", "fail"),
        ("lab(9.26, 0, 0)", "pass"),
        ("lab(9.3, 0, 0)", "fail"),
        ("black", "missing"),
    ],
)
def test_colour_without_tolerance(value, status):
    assert finding(evaluate(HEX, {"color": value}), "products.P.color").status == status


def test_colour_within_delta_e():
    verdict = evaluate(
        HEX_TOL, {"color": {"body": ["#1B1A1A", "#1A1A1A"], "shade": "lab(50, 10.6, -10.8)"}}
    )
    body = finding(verdict, "products.P.color.body")
    assert body.status == "pass" and body.message.startswith("ΔE00 ")
    assert finding(verdict, "products.P.color.shade").status == "pass"  # ΔE76 = 1.0 exactly
    verdict = evaluate(HEX_TOL, {"color": {"body": "#2A2A2A", "shade": "lab(50, 10.6, -10.81)"}})
    assert finding(verdict, "products.P.color.body").status == "fail"
    shade = finding(verdict, "products.P.color.shade")
    assert shade.status == "fail" and "above the tolerance of 1" in shade.message


def test_colour_names_and_codes():
    verdict = evaluate(NAMES, {"color": {"trim": "PANTONE 19-4024 tcx", "cap": "ral 9005"}})
    assert finding(verdict, "products.P.color.trim").status == "pass"
    assert finding(verdict, "products.P.color.cap").status == "pass"
    verdict = evaluate(NAMES, {"color": {"cap": "ral 9004", "trim": "#000000"}})
    assert finding(verdict, "products.P.color.cap").status == "fail"
    assert finding(verdict, "products.P.color.trim").status == "missing"


def test_plain_colour_name_compares_folded():
    plain = evaluate(PLAIN_NAME, {"color": "matte black"})
    assert finding(plain, "products.P.color").status == "pass"


def test_plain_and_part_colours_cannot_be_mixed():
    """A report holds either one colour or a mapping of parts, so the compiler refuses both."""
    with pytest.raises(tacl.ContractError, match="whole product and for parts"):
        compile_('color "Matte  Black"', "color cap ral 9005")


# --- text, barcode, tests ---------------------------------------------------------------

TEXTS = compile_(
    'material one of "ABS", "PC"',
    'marking "Made  in China"',
    'spec finish "matte"',
    'barcode UPC-A "036000291452"',
    'test "drop" passes',
)


def test_text_folds_case_and_spacing():
    verdict = evaluate(
        TEXTS, {"material": "pc", "marking": " made in   CHINA ", "spec": {"finish": "Matte"}}
    )
    assert {
        finding(verdict, f"products.P.{k}").status for k in ("material", "marking", "spec.finish")
    } == {"pass"}
    verdict = evaluate(TEXTS, {"material": ["ABS", "PP"]})
    material = finding(verdict, "products.P.material")
    assert material.status == "fail" and material.message == '1 of 2 differ: "PP"'


def test_barcode_compares_digits():
    ok = evaluate(TEXTS, {"barcode": "0 36000 29145 2"})
    assert finding(ok, "products.P.barcode").status == "pass"
    bad = evaluate(TEXTS, {"barcode": "036000291453"})
    assert finding(bad, "products.P.barcode").status == "fail"


def test_tests_pass_or_fail():
    assert (
        finding(evaluate(TEXTS, {"test": {"drop": "PASS"}}), "products.P.test.drop").status
        == "pass"
    )
    failed = finding(evaluate(TEXTS, {"test": {"drop": ["pass", "fail"]}}), "products.P.test.drop")
    assert (failed.status, failed.actual) == ("fail", "1 pass, 1 fail")
    assert finding(evaluate(TEXTS, {}), "products.P.test.drop").status == "missing"


# --- AQL --------------------------------------------------------------------------------

AQL = compile_(
    "inspection {", "  standard ISO 2859-1 level II", "  aql critical 0 major 0.1 minor 4.0", "}"
)


def aql(lot, size, **defects):
    verdict = evaluate(AQL, {"aql": {"lot-size": lot, "sample-size": size, "defects": defects}})
    return {f.clause.rsplit(".", 1)[1]: f for f in verdict.findings if ".aql." in f.clause}


def test_aql_plan_named_in_expected():
    found = aql(1000, 80, critical=0, major=1, minor=7)
    assert found["minor"].expected == "AQL 4.0 at level II: code J, n=80, Ac 7 / Re 8"
    assert found["minor"].status == "pass"
    # 0.1 at J is an arrow down to K: n=125, Ac 0 / Re 1 — a sample of 80 is too small
    assert found["major"].status == "missing"
    assert found["major"].expected == "AQL 0.10 at level II: code J→K, n=125, Ac 0 / Re 1"
    assert found["major"].message == "a sample of 80 is smaller than the plan's 125"


def test_aql_bounds():
    found = aql(1000, 125, critical=0, major=0, minor=7)
    assert found["major"].status == "pass"
    assert found["minor"].status == "pass"  # Ac 7 at n=80; a larger sample keeps the plan's Ac/Re
    found = aql(1000, 125, critical=0, major=1, minor=8)
    assert found["major"].status == "fail"
    assert found["minor"].status == "fail"
    assert found["minor"].message == "8 minor defects: the plan rejects the lot at 8"


def test_aql_zero_is_accept_zero_reject_one():
    assert aql(1000, 125, critical=0, major=0, minor=0)["critical"].status == "pass"
    critical = aql(1000, 125, critical=1, major=0, minor=0)["critical"]
    assert critical.status == "fail" and "Ac 0 / Re 1" in critical.expected


def test_aql_full_inspection():
    found = aql(10, 10, critical=0, major=0, minor=0)
    assert (
        found["major"].expected
        == "AQL 0.10 at level II: code B→K, n=10 (100 % inspection), Ac 0 / Re 1"
    )
    assert found["major"].status == "pass"
    assert aql(10, 9, critical=0, major=0, minor=0)["major"].status == "missing"
    assert aql(10, 3, critical=0, major=0, minor=0)["minor"].status == "pass"  # B: n=3


def test_aql_without_evidence_is_missing():
    verdict = evaluate(AQL, {})
    assert {f.status for f in verdict.findings} == {"missing"}
    no_defects = aql(1000, 125)
    assert no_defects["major"].status == "missing"


# --- shipment -----------------------------------------------------------------------------

WINDOW = compile_(
    shipment="    ship between 2026-03-01 and 2026-03-15\n    deliver by 2026-04-30\n    partial shipments not allowed\n"
)


def test_ship_between():
    statuses = {
        day: finding(evaluate(WINDOW, shipment={"shipped": day}), "shipment.ship-by")
        for day in ("2026-02-28", "2026-03-01", "2026-03-15", "2026-03-16")
    }
    assert [f.status for f in statuses.values()] == ["fail", "pass", "pass", "fail"]
    assert statuses["2026-02-28"].message == "shipped 1 day early"
    assert statuses["2026-03-16"].message == "shipped 1 day late"


def test_not_shipped_uses_the_evaluation_date():
    def ship_by(**kwargs):
        verdict = evaluate(WINDOW, shipment={}, kind="pre-shipment", **kwargs)
        return finding(verdict, "shipment.ship-by")

    assert ship_by(date="2026-03-15").status == "pending"
    after = ship_by(date="2026-03-16")
    assert after.status == "fail" and after.message.startswith("not shipped by 2026-03-15")
    assert ship_by(date="2026-03-01", as_of=datetime.date(2026, 3, 20)).status == "fail"
    assert ship_by(date="2026-03-20", as_of="2026-03-10").status == "pending"


def test_goods_shown_to_have_shipped_without_a_date_are_missing_not_late():
    """Issue 8 item 1: a post-delivery inspection, a customs or a delivery date prove the
    goods left; without `shipped` the day is unknown, so ship-by is missing, not failed."""
    for kind, shipment in (
        ("post-delivery", {}),
        ("pre-shipment", {"customs-cleared": "2026-04-20"}),
        ("pre-shipment", {"delivered": "2026-04-22"}),
    ):
        verdict = evaluate(WINDOW, shipment=shipment, kind=kind, date="2026-04-24")
        found = finding(verdict, "shipment.ship-by")
        assert found.status == "missing", (kind, shipment, found)
        assert "gives no date" in found.message


def test_deliver_by_and_partial():
    verdict = evaluate(
        WINDOW, shipment={"shipped": "2026-03-10", "delivered": "2026-05-01", "partial": True}
    )
    assert finding(verdict, "shipment.deliver-by").message == "delivered 1 day late"
    assert finding(verdict, "shipment.partial").status == "fail"
    verdict = evaluate(WINDOW, shipment={"shipped": "2026-03-10", "delivered": "2026-04-30"})
    assert finding(verdict, "shipment.deliver-by").status == "pass"
    assert finding(verdict, "shipment.partial").status == "missing"
