"""Reference samples and documents (language-v2.md §9)."""

from __future__ import annotations

import datetime

import pytest

import tacl
from tacl.pipeline import analyze
from tacl.source import SourceFile

TEXT = """contract "R-9" {
  currency USD
  reference sample "PP-02" sealed 2026-03-02
  document "UL 2743 listing" before shipment
  shipment {
    ship by 2026-06-12
    document "certificate of origin" with shipment
  }
  product "P" {
    appearance as reference sample "PP-02"
  }
}
"""
CONTRACT = tacl.compile_source(TEXT, name="r.tacl")


def verdict(documents=None, appearance=None, kind="pre-shipment", date="2026-06-01", **shipment):
    report = {
        "tacl-report": 1,
        "contract": "R-9",
        "inspection": {"kind": kind, "date": date},
        "shipment": shipment,
        "documents": documents or {},
        "products": {"P": {} if appearance is None else {"appearance": appearance}},
    }
    return CONTRACT.evaluate(report)


def status(v, clause):
    return next(f for f in v.findings if f.clause == clause)


UL = "documents.UL 2743 listing"


def test_the_declared_reference_is_in_the_fingerprint() -> None:
    other = TEXT.replace("sealed 2026-03-02", "sealed 2026-03-03")
    assert tacl.compile_source(other, name="r.tacl").sha256 != CONTRACT.sha256
    meaning = CONTRACT.to_dict()["contract"]
    assert meaning["reference-samples"] == [{"name": "PP-02", "sealed": "2026-03-02"}]


@pytest.mark.parametrize(
    ("appearance", "state"),
    [("pass", "pass"), ("fail", "fail"), (["pass", "fail"], "fail"), ({"passed": 5}, "pass")],
)
def test_appearance_against_the_reference(appearance, state) -> None:
    found = status(verdict(appearance=appearance), "products.P.appearance")
    assert found.status == state
    assert found.expected == 'as reference sample "PP-02", sealed 2026-03-02'


def test_an_undeclared_reference_is_a_located_error() -> None:
    source = SourceFile("r.tacl", TEXT.replace('sample "PP-02"\n', 'sample "PP-2"\n'))
    (error,) = analyze(source).diagnostics
    assert (error.code, error.rule, error.span.line) == ("E237", "unknown-reference", 10)
    assert error.help == "did you mean `PP-02`?"


def test_a_document_received_before_shipment_passes() -> None:
    v = verdict({"UL 2743 listing": "2026-05-20"}, shipped="2026-06-10", kind="post-delivery")
    assert status(v, UL).status == "pass"
    v = verdict({"UL 2743 listing": "2026-06-10"}, shipped="2026-06-10", kind="post-delivery")
    assert status(v, UL).status == "pass"  # on the shipped date: on the bound


def test_a_document_received_after_shipment_fails() -> None:
    v = verdict({"UL 2743 listing": "2026-06-13"}, shipped="2026-06-10", kind="post-delivery")
    found = status(v, UL)
    assert (found.status, found.message) == ("fail", "received 3 days after shipment")


def test_not_received_before_shipment_is_pending_until_the_ship_by_date() -> None:
    found = status(verdict({"UL 2743 listing": "not received"}), UL)
    assert (found.status, found.until) == ("pending", datetime.date(2026, 6, 12))
    assert verdict({"UL 2743 listing": "not received"}).status == "inconclusive"  # AQL missing


def test_not_received_when_the_goods_shipped_fails() -> None:
    v = verdict({"UL 2743 listing": "Not Received"}, shipped="2026-06-10", kind="post-delivery")
    assert status(v, UL).status == "fail"


def test_not_received_past_the_ship_by_date_fails() -> None:
    v = verdict({"UL 2743 listing": "not received"}, date="2026-06-15")
    assert status(v, UL).status == "fail"


def test_a_document_in_the_shipment_block_is_judged_alike() -> None:
    v = verdict({"certificate of origin": "2026-06-09"}, shipped="2026-06-10", kind="post-delivery")
    assert status(v, "documents.certificate of origin").status == "pass"


def test_a_document_value_must_be_a_date_or_not_received() -> None:
    with pytest.raises(tacl.ReportError) as caught:
        verdict({"UL 2743 listing": "yes"})
    assert caught.value.path == "documents.UL 2743 listing"
    assert '"not received"' in caught.value.message


def test_a_document_the_contract_lacks_is_a_warning() -> None:
    v = verdict({"UL 2743 listng": "2026-05-20"})
    assert any("documents.UL 2743 listng" in w.message for w in v.warnings)


NAMED = tacl.compile_source(
    """contract "R-10" {
  currency USD
  document "test report" before shipment
  shipment "first" {
    ship by 2026-06-12
    document "packing list" with shipment
    goods "P" 4 pcs
  }
  shipment "second" {
    ship by 2026-07-20
    goods "P" 6 pcs
  }
  product "P" {
    quantity 10 pcs
  }
}
""",
    name="named.tacl",
)


def named(documents, date="2026-06-01", **shipments):
    report = {
        "tacl-report": 1,
        "contract": "R-10",
        "inspection": {"kind": "pre-shipment", "date": date},
        "documents": documents.pop("", {}),
        "shipments": {
            name: {**facts, "documents": documents.get(name, {})} if name in documents else facts
            for name, facts in shipments.items()
        },
        "products": {},
    }
    return NAMED.evaluate(report)


def test_a_document_of_a_named_shipment_counts_from_that_shipment() -> None:
    # first shipped 06-10; its packing list arrived 06-11: one day late. The second
    # shipment's date does not excuse it.
    v = named(
        {"": {"test report": "2026-06-01"}, "first": {"packing list": "2026-06-11"}},
        first={"shipped": "2026-06-10"},
        second={"shipped": "2026-07-15"},
    )
    found = status(v, "shipments.first.documents.packing list")
    assert found.status == "fail" and found.message == "received 1 day after shipment"
    assert status(v, "documents.test report").status == "pass"


def test_a_contract_document_is_due_before_the_first_goods_leave() -> None:
    # the test report arrived 06-20: after the first shipment (06-10), before the second
    v = named(
        {"": {"test report": "2026-06-20"}, "first": {"packing list": "2026-06-09"}},
        first={"shipped": "2026-06-10"},
        second={"shipped": "2026-07-15"},
    )
    assert status(v, "documents.test report").status == "fail"
    assert status(v, "shipments.first.documents.packing list").status == "pass"


def test_a_contract_document_not_received_is_pending_until_the_first_ship_by_date() -> None:
    # nothing shipped; the first ship-by is 06-12: pending until then, failed after
    v = named({"": {"test report": "not received"}}, first={}, second={})
    assert status(v, "documents.test report").status == "pending"
    late = named({"": {"test report": "not received"}}, date="2026-06-13", first={}, second={})
    assert status(late, "documents.test report").status == "fail"
