"""`null` is "not checked", `""` is "checked, nothing there" (issue 7 §3.6).

The difference was undocumented, and warning R002's help spoke of quoting `#`
on every key, where it only matters for a colour.
"""

from __future__ import annotations

import pytest

import tacl

# The lamp contract's clauses, by what an empty text means for them.
TEXT_KEYS = [
    ("marking", "products.DL-200.marking"),
    ("barcode", "products.DL-200.barcode"),
    ("material", "products.DL-200.material.body"),
]


def with_value(report: dict, key: str, value: object) -> dict:
    product = report["products"]["DL-200"]
    if key == "material":
        product["material"]["body"] = value
    else:
        product[key] = value
    return report


@pytest.mark.parametrize(("key", "clause"), TEXT_KEYS)
def test_null_is_not_checked_missing_with_a_warning(lamps, report, key, clause):
    verdict = lamps.evaluate(with_value(report, key, None))
    assert verdict.finding(clause).status == "missing"
    assert verdict.status == "inconclusive"
    assert [w.code for w in verdict.warnings] == ["R002"]


@pytest.mark.parametrize(("key", "clause"), TEXT_KEYS)
def test_empty_text_is_checked_and_not_there_a_fail(lamps, report, key, clause):
    verdict = lamps.evaluate(with_value(report, key, ""))
    assert verdict.finding(clause).status == "fail"
    assert verdict.finding(clause).actual == '""'
    assert verdict.status == "noncompliant"
    assert verdict.warnings == ()


@pytest.mark.parametrize("key", ["weight", "quantity"])
def test_an_empty_measurement_is_an_error_naming_the_key(lamps, report, key):
    with pytest.raises(tacl.ReportError) as raised:
        lamps.evaluate(with_value(report, key, ""))
    assert f"products.DL-200.{key}" in str(raised.value)


def test_r002_help_speaks_of_quoting_hash_only_for_a_colour(lamps, report):
    report["products"]["DL-200"]["color"]["body"] = None
    report["products"]["DL-200"]["weight"] = None
    warnings = {w.message.split("`")[1]: w.help for w in lamps.evaluate(report).warnings}
    assert '"#1B1A1A"' in warnings["products.DL-200.color.body"]
    assert "#" not in warnings["products.DL-200.weight"]
    assert '""' in warnings["products.DL-200.weight"]
