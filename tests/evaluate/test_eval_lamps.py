"""The lamp contract end to end through the library: statuses, findings, messages, determinism."""

from __future__ import annotations

import datetime

import pytest

import tacl
from tacl.evaluate.verdict import Verdict


def finding(verdict, clause):
    return next(f for f in verdict.findings if f.clause == clause)


def test_compliant_report_passes_every_clause(lamps, report):
    verdict = lamps.evaluate(report)
    assert isinstance(verdict, Verdict)
    assert verdict.status == "compliant"
    assert [f.clause for f in verdict.findings] == [c.path for c in lamps.clauses]
    assert {f.status for f in verdict.findings} == {"pass"}
    assert verdict.claim.eligible is False
    assert verdict.warnings == ()


def test_findings_carry_clause_locations(lamps, report):
    verdict = lamps.evaluate(report)
    ship = finding(verdict, "shipment.ship-by")
    assert ship.location.line == 14 and ship.location.column == 5


def test_empty_products_make_every_product_clause_missing(lamps, report):
    del report["products"]
    verdict = lamps.evaluate(report)
    assert verdict.status == "inconclusive"
    product = [f for f in verdict.findings if f.clause.startswith("products.")]
    assert product and all(f.status == "missing" and f.actual is None for f in product)


def test_one_failing_sample_fails_the_clause_with_a_plain_message(lamps, report):
    report["products"]["DL-200"]["size"] = [
        "421 x 179 x 121 mm",
        "423 x 180 x 120 mm",
        "424 x 180 x 120 mm",
        "420 x 180 x 120 mm",
        "419 x 180 x 120 mm",
    ]
    found = finding(lamps.evaluate(report), "products.DL-200.size.length")
    assert found.status == "fail"
    assert found.message == "2 of 5 samples above 422 mm: 423 mm, 424 mm"
    assert found.actual == "421 mm, 423 mm, 424 mm, 420 mm, 419 mm"


def test_samples_below_and_above(lamps, report):
    report["products"]["DL-200"]["weight"] = ["1.1 kg", "1.3 kg", "1.2 kg"]
    found = finding(lamps.evaluate(report), "products.DL-200.weight")
    assert found.message == "1 of 3 samples below 1.15 kg: 1.1 kg; 1 above 1.25 kg: 1.3 kg"


def test_many_samples_are_summarised(lamps, report):
    report["products"]["DL-200"]["weight"] = [f"{1150 + i % 100} g" for i in range(500)]
    found = finding(lamps.evaluate(report), "products.DL-200.weight")
    assert found.status == "pass"
    assert found.actual == "500 samples from 1150 g to 1249 g"


def test_late_shipment(lamps, report):
    report["shipment"]["shipped"] = "2026-03-18"
    verdict = lamps.evaluate(report)
    ship = finding(verdict, "shipment.ship-by")
    assert (ship.status, ship.actual, ship.message) == ("fail", "2026-03-18", "shipped 3 days late")
    assert verdict.status == "noncompliant"
    assert verdict.claim.grounds == ("late-shipment",)


def test_same_inputs_give_identical_bytes(lamps, report):
    first = lamps.evaluate(report).to_json()
    again = tacl.load(lamps.source_name).evaluate(report).to_json()
    assert first == again


def test_as_of_is_recorded_and_strict(lamps, report):
    verdict = lamps.evaluate(report, as_of=datetime.date(2026, 5, 1))
    assert verdict.to_dict()["as-of"] == "2026-05-01"
    with pytest.raises(tacl.UsageError):
        lamps.evaluate(report, as_of="2026-5-1")
    with pytest.raises(tacl.UsageError):
        lamps.evaluate(report, as_of="2026-02-30")


def test_verdict_json_key_order(lamps, report):
    data = lamps.evaluate(report).to_dict()
    assert list(data) == [
        "tacl-verdict",
        "contract",
        "as-of",
        "status",
        "findings",
        "claim",
        "warnings",
    ]
    assert list(data["findings"][0]) == [
        "clause",
        "status",
        "expected",
        "actual",
        "message",
        "location",
    ]
    assert list(data["claim"]) == [
        "eligible",
        "grounds",
        "void-grounds",
        "basis",
        "amount",
        "currency",
        "capped",
        "window-closes",
        "refund-application-from",
        "notes",
    ]


def test_verdict_is_frozen(lamps, report):
    verdict = lamps.evaluate(report)
    with pytest.raises(AttributeError):
        verdict.status = "compliant"
