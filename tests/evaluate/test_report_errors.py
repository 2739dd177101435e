"""Bad reports: each is a ReportError naming the key path and what was expected."""

from __future__ import annotations

import copy

import pytest

import tacl
from tacl.evaluate import report as report_module
from tacl.evaluate.report import load_text


def fails(lamps, data, path: str, *words: str):
    with pytest.raises(tacl.ReportError) as info:
        lamps.evaluate(data)
    assert info.value.path == path, str(info.value)
    for word in words:
        assert word in info.value.message, info.value.message
    return info.value


def product(data):
    return data["products"]["DL-200"]


def test_value_without_unit(lamps, report):
    product(report)["weight"] = ["1.21 kg", "1210"]
    error = fails(lamps, report, "products.DL-200.weight[1]")
    assert error.message == '"1210" has no unit; expected a mass such as "1210 kg"'


def test_bare_number_only_for_counts(lamps, report):
    product(report)["weight"] = 1210
    fails(lamps, report, "products.DL-200.weight", "has no unit")


def test_floats_are_refused(lamps, report):
    product(report)["quantity"] = 975.0
    fails(lamps, report, "products.DL-200.quantity", "has no unit")


def test_unknown_unit_suggests_the_closest(lamps, report):
    product(report)["weight"] = ["1.21 kgs"]
    fails(lamps, report, "products.DL-200.weight[0]", "unknown unit `kgs`", "did you mean `kg`?")


def test_wrong_dimension(lamps, report):
    product(report)["weight"] = "1200 mm"
    fails(lamps, report, "products.DL-200.weight", "is a length", "expected a mass")


def test_size_with_wrong_axis_count(lamps, report):
    product(report)["size"] = ["421 x 179 mm"]
    fails(
        lamps,
        report,
        "products.DL-200.size[0]",
        "has 2 numbers; expected 3",
        '"420 x 180 x 120 mm"',
    )


def test_size_without_unit(lamps, report):
    product(report)["size"] = "421 x 179 x 121"
    fails(lamps, report, "products.DL-200.size", "no unit")


def test_negative_count(lamps, report):
    product(report)["quantity"] = -5
    fails(lamps, report, "products.DL-200.quantity", "negative")


def test_negative_length(lamps, report):
    product(report)["weight"] = "-1 kg"
    fails(lamps, report, "products.DL-200.weight", "negative")


def test_wrong_types(lamps, report):
    product(report)["marking"] = True
    fails(lamps, report, "products.DL-200.marking", "expected text, got true", "quotes")
    report2 = copy.deepcopy(report)
    product(report2)["marking"] = "ok"
    product(report2)["material"] = "aluminium"
    fails(lamps, report2, "products.DL-200.material", "expected a mapping with keys body, shade")


def test_test_result_must_be_pass_or_fail(lamps, report):
    product(report)["test"] = {"power on": False}
    fails(lamps, report, "products.DL-200.test.power on", "expected pass or fail, got false")


def test_barcode_must_be_text(lamps, report):
    product(report)["barcode"] = 4006381333931
    fails(lamps, report, "products.DL-200.barcode", "in quotes")
    product(report)["barcode"] = "40063813339X1"
    fails(lamps, report, "products.DL-200.barcode", "not a barcode")


def test_defects_above_sample_size(lamps, report):
    product(report)["aql"]["defects"]["major"] = 81
    fails(lamps, report, "products.DL-200.aql.defects.major", "81 defects in a sample of 80")


def test_sample_larger_than_lot(lamps, report):
    product(report)["aql"]["sample-size"] = 1001
    fails(lamps, report, "products.DL-200.aql.sample-size", "larger than the lot of 1000")


def test_negative_defects(lamps, report):
    product(report)["aql"]["defects"]["minor"] = -1
    fails(lamps, report, "products.DL-200.aql.defects.minor", "at least 0")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2026-02-30", "not a valid date"),
        ("2026-4-1", "expected YYYY-MM-DD"),
        (20260401, "expected a date"),
    ],
)
def test_impossible_dates(lamps, report, value, words):
    report["shipment"]["shipped"] = value
    fails(lamps, report, "shipment.shipped", words)


def test_dates_out_of_order(lamps, report):
    report["shipment"]["delivered"] = "2026-03-01"
    fails(lamps, report, "shipment.delivered", "before the shipment date")
    report["shipment"]["delivered"] = "2026-04-22"
    report["dispute"] = {"opened": "2026-05-01", "supplier-responded": "2026-04-30"}
    fails(lamps, report, "dispute.supplier-responded", "before the dispute was opened")


def test_datetime_is_not_a_date(lamps, report):
    import datetime

    report["inspection"]["date"] = datetime.datetime(2026, 4, 24, 10, 0)
    fails(lamps, report, "inspection.date", "date and time")


def test_unknown_product(lamps, report):
    report["products"]["DL-201"] = report["products"].pop("DL-200")
    fails(lamps, report, "products.DL-201", "no product `DL-201`", "did you mean `DL-200`?")


def test_header_checks(lamps, report):
    fails(lamps, {**report, "tacl-report": 2}, "tacl-report", "expected 1")
    fails(lamps, {k: v for k, v in report.items() if k != "tacl-report"}, "tacl-report", "missing")
    fails(lamps, {**report, "contract": "PO-1"}, "contract", "`PO-1`", "PO-2026-0412")
    fails(lamps, {**report, "contract-sha256": "00"}, "contract-sha256", "fingerprint")
    assert lamps.evaluate({**report, "contract-sha256": lamps.sha256}).status == "compliant"
    fails(
        lamps, {k: v for k, v in report.items() if k != "inspection"}, "inspection.kind", "missing"
    )
    fails(
        lamps, {**report, "inspection": {"kind": "during", "date": "2026-04-24"}}, "inspection.kind"
    )


def test_not_a_mapping(lamps):
    for data in (None, [], "tacl-report: 1", 3):
        fails(lamps, data, "", "mapping")


def test_non_text_keys(lamps, report):
    product(report)["test"] = {False: "pass"}
    fails(lamps, report, "products.DL-200.test.False", "not text", "quotes")


def test_too_many_samples(lamps, report):
    product(report)["weight"] = ["1.2 kg"] * 10_001
    fails(lamps, report, "products.DL-200.weight", "the limit is 10,000")


def test_too_many_digits(lamps, report):
    product(report)["weight"] = "1." + "0" * 40 + " kg"
    fails(lamps, report, "products.DL-200.weight", "digits")


def test_colour_for_a_delta_e_clause_must_be_measured(lamps, report):
    product(report)["color"] = {"body": "matte black"}
    fails(lamps, report, "products.DL-200.color.body", "not a measured colour")


def test_lab_lightness_range(lamps, report):
    product(report)["color"] = {"body": "lab(110, 0, 0)"}
    fails(lamps, report, "products.DL-200.color.body", "lightness")


# --- warnings -------------------------------------------------------------------------


def test_unknown_keys_are_warnings_with_suggestions(lamps, report):
    product(report)["wieght"] = "1.2 kg"
    report["shipment"]["shiped"] = "2026-03-10"
    report["extra"] = 1
    verdict = lamps.evaluate(report)
    messages = [(w.code, w.rule, w.severity, w.message, w.help, w.span) for w in verdict.warnings]
    assert (
        "R001",
        "unknown-report-key",
        "warning",
        "unknown key `products.DL-200.wieght`",
        "did you mean `weight`?",
        None,
    ) in messages
    assert any(
        m[3] == "unknown key `shipment.shiped`" and m[4] == "did you mean `shipped`?"
        for m in messages
    )
    assert any(m[3] == "unknown key `extra`" for m in messages)
    assert verdict.to_dict()["warnings"][0]["file"] == "<report>"


def test_null_clause_value_is_missing_with_a_warning(lamps, report):
    product(report)["color"] = {"body": None}  # YAML `body: #1B1A1A` reads as null
    verdict = lamps.evaluate(report)
    assert verdict.status == "inconclusive"
    assert verdict.warnings[0].code == "R002"


def test_warnings_are_capped(lamps, report):
    for index in range(150):
        product(report)[f"x{index}"] = 1
    assert len(lamps.evaluate(report).warnings) == report_module.MAX_WARNINGS + 1


# --- text -------------------------------------------------------------------------------


def test_yaml_quirks(lamps):
    text = """
tacl-report: 1
contract: PO-2026-0412
inspection: {kind: post-delivery, date: 2026-04-24}
shipment: {shipped: 2026-03-10, partial: no}
"""
    data = load_text(text, "r.yaml")
    verdict = lamps.evaluate(data)
    assert {f.clause: f.status for f in verdict.findings}["shipment.partial"] == "pass"
    bad_date = load_text(text.replace("2026-03-10", "2026-02-30"), "r.yaml")
    fails(lamps, bad_date, "shipment.shipped", "not a valid date")


def test_yaml_duplicate_keys_and_syntax(lamps):
    with pytest.raises(tacl.ReportError, match="given twice"):
        load_text("a: 1\na: 2\n", "r.yaml")
    with pytest.raises(tacl.ReportError, match=r"r.yaml:\d+:\d+: invalid YAML"):
        load_text("a: [1, 2\n", "r.yaml")


def test_json_errors():
    with pytest.raises(tacl.ReportError, match="r.json:1:2: invalid JSON"):
        load_text("{,}", "r.json")
    with pytest.raises(tacl.ReportError, match="given twice"):
        load_text('{"a": 1, "a": 2}', "r.json")
    with pytest.raises(tacl.ReportError, match="NaN"):
        load_text('{"a": NaN}', "r.json")


def test_limits_on_text(monkeypatch):
    with pytest.raises(tacl.ReportError, match="nested too deeply"):
        load_text("[" * 100_000 + "]" * 100_000, "r.json")
    with pytest.raises(tacl.ReportError, match="nested too deeply"):
        load_text("[" * 70 + "]" * 70, "r.json")
    monkeypatch.setattr(report_module, "MAX_BYTES", 10)
    with pytest.raises(tacl.ReportError, match="the limit is 10"):
        load_text(b"{" + b" " * 20 + b"}", "r.json")
    with pytest.raises(tacl.ReportError, match="UTF-8"):
        load_text(b"\xff", "r.json")


def test_yaml_alias_bomb_is_refused():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    with pytest.raises(tacl.ReportError, match="too large"):
        load_text("\n".join(lines), "bomb.yaml")
