"""The published JSON Schemas (docs/schema/) against the example reports and verdicts.

Every example report (`examples/*/reports/*.yaml|json`) must validate against the
report schema and every golden verdict (`*.verdict.json`) against the verdict
schema; broken documents must be rejected, so these tests can fail. A schema
checks shape only: a report that fails it is one TACL rejects too (checked below
for each broken report), but one that passes may still be rejected by the
contract it is checked against.
"""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema")

import tacl  # noqa: E402
from tacl.evaluate.report import load_file  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "docs" / "schema"
Validator = jsonschema.Draft202012Validator


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


REPORT_SCHEMA = _schema("tacl-report")
VERDICT_SCHEMA = _schema("tacl-verdict")
REPORT = Validator(REPORT_SCHEMA, format_checker=jsonschema.FormatChecker())
VERDICT = Validator(VERDICT_SCHEMA, format_checker=jsonschema.FormatChecker())

REPORTS = sorted(
    p
    for pattern in ("*.yaml", "*.yml", "*.json")
    for p in ROOT.glob(f"examples/*/reports/{pattern}")
    if not p.name.endswith(".verdict.json")
)
GOLDENS = sorted(ROOT.glob("examples/*/reports/*.verdict.json"))


def _ids(path: Path) -> str:
    return str(path.relative_to(ROOT / "examples"))


def _plain(value):
    """The JSON tree of a YAML report: YAML dates become the YYYY-MM-DD text JSON uses."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _errors(validator, document) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)]


# --- the schemas themselves -------------------------------------------------------------


@pytest.mark.parametrize("schema", [REPORT_SCHEMA, VERDICT_SCHEMA], ids=["report", "verdict"])
def test_schema_is_valid_draft_2020_12(schema: dict) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Validator.check_schema(schema)


@pytest.mark.parametrize("schema", [REPORT_SCHEMA, VERDICT_SCHEMA], ids=["report", "verdict"])
def test_schema_says_it_checks_shape_not_meaning(schema: dict) -> None:
    assert "shape only, not meaning" in schema["description"]


# --- the examples validate --------------------------------------------------------------


def test_there_are_examples_to_check() -> None:
    assert len(REPORTS) >= 8 and len(GOLDENS) == len(REPORTS)


@pytest.mark.parametrize("path", REPORTS, ids=_ids)
def test_example_report_matches_report_schema(path: Path) -> None:
    tree, _ = load_file(str(path))
    assert _errors(REPORT, _plain(tree)) == []


@pytest.mark.parametrize("path", GOLDENS, ids=_ids)
def test_golden_verdict_matches_verdict_schema(path: Path) -> None:
    assert _errors(VERDICT, json.loads(path.read_text(encoding="utf-8"))) == []


def test_verdict_with_as_of_and_warnings_matches_schema(lamps) -> None:
    tree, _ = load_file(str(ROOT / "examples" / "lamps" / "reports" / "inconclusive.yaml"))
    verdict = lamps.evaluate(tree, as_of=datetime.date(2026, 5, 2)).to_dict()
    assert verdict["as-of"] == "2026-05-02" and verdict["warnings"]
    assert _errors(VERDICT, verdict) == []


def test_settled_claim_matches_schema(lamps, report) -> None:
    report["products"]["DL-200"]["weight"] = ["1.31 kg"]
    report["dispute"] = {
        "opened": "2026-04-29",
        "supplier-responded": "2026-05-02",
        "agreement": True,
    }
    verdict = lamps.evaluate(report).to_dict()
    assert verdict["status"] == "noncompliant" and verdict["claim"]["eligible"] is False
    assert _errors(VERDICT, verdict) == []


# --- broken reports are rejected, by the schema and by TACL -----------------------------


def _set(tree: dict, path: str, value) -> dict:
    """A copy of `tree` with the dotted `path` set to `value` (or removed for DELETE)."""
    tree = copy.deepcopy(tree)
    *heads, last = path.split(".")
    node = tree
    for key in heads:
        node = node[key]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value
    return tree


DELETE = object()
P = "products.DL-200"

BROKEN_REPORTS = {
    "no inspection": ("inspection", DELETE),
    "format version 2": ("tacl-report", 2),
    "version as text": ("tacl-report", "1"),
    "unknown inspection kind": ("inspection.kind", "mid-production"),
    "date in another format": ("inspection.date", "28/04/2026"),
    "date that does not exist": ("shipment.shipped", "2026-02-30"),
    "partial as text": ("shipment.partial", "no"),
    "agreement as text": ("dispute", {"opened": "2026-04-29", "agreement": "yes"}),
    "fingerprint not hex": ("contract-sha256", "not-a-sha"),
    "float weight": (f"{P}.weight", [1.21]),
    "text without a number": (f"{P}.weight", ["about a kilo"]),
    "empty sample list": (f"{P}.weight", []),
    "size with a word for x": (f"{P}.size", ["420 by 180 by 120 mm"]),
    "barcode as a number": (f"{P}.barcode", 4006381333931),
    "test result yes": (f"{P}.test", {"power on": True}),
    "test result ok": (f"{P}.test", {"power on": "ok"}),
    "lot size as float": (f"{P}.aql.lot-size", 1000.5),
    "negative defects": (f"{P}.aql.defects.major", -1),
    "colour as a number": (f"{P}.color", {"body": 1}),
    "products as a list": ("products", ["DL-200"]),
}


@pytest.mark.parametrize("change", list(BROKEN_REPORTS.values()), ids=list(BROKEN_REPORTS))
def test_broken_report_is_rejected(change, report, lamps) -> None:
    broken = _set(report, *change)
    assert _errors(REPORT, broken), "the schema accepted a broken report"
    with pytest.raises(tacl.TaclError):
        lamps.evaluate(broken)


def test_the_unbroken_report_is_accepted(report, lamps) -> None:
    assert _errors(REPORT, report) == []
    lamps.evaluate(report)


def test_unknown_keys_are_accepted_as_tacl_warns_on_them(report, lamps) -> None:
    typo = _set(report, f"{P}.wieght", ["1.2 kg"])
    assert _errors(REPORT, typo) == []
    assert [w.code for w in lamps.evaluate(typo).warnings] == ["R001"]


# --- broken verdicts are rejected -------------------------------------------------------


def _golden(name: str) -> dict:
    path = ROOT / "examples" / "lamps" / "reports" / f"{name}.verdict.json"
    return json.loads(path.read_text(encoding="utf-8"))


BROKEN_VERDICTS = {
    "no warnings key": ("quality", "warnings", DELETE),
    "extra key": ("quality", "verdict", "noncompliant"),
    "unknown status": ("quality", "status", "failed"),
    "as-of not a date": ("quality", "as-of", "yesterday"),
    "short fingerprint": ("quality", "contract.sha256", "e291cbda"),
    "amount as a number": ("quality", "claim.amount", 10000.0),
    "unknown ground": ("quality", "claim.grounds", ["late-delivery"]),
    "eligible without grounds": ("quality", "claim.grounds", []),
    "void ground without reason": ("quality", "claim.void-grounds", [{"ground": "quality"}]),
    "compliant but eligible": ("compliant", "claim.eligible", True),
    "not eligible with an amount": ("compliant", "claim.amount", "10000.00"),
    "not eligible but capped": ("compliant", "claim.capped", True),
    "compliant with a missing clause": ("inconclusive", "status", "compliant"),
    "noncompliant without a failure": ("compliant", "status", "noncompliant"),
    "warning with a line": ("inconclusive", "warnings", [{"line": 1}]),
}


@pytest.mark.parametrize("change", list(BROKEN_VERDICTS.values()), ids=list(BROKEN_VERDICTS))
def test_broken_verdict_is_rejected(change) -> None:
    name, path, value = change
    broken = _set(_golden(name), path, value)
    assert _errors(VERDICT, broken), "the schema accepted a broken verdict"


def test_broken_finding_is_rejected() -> None:
    verdict = _golden("quality")
    verdict["findings"][0]["location"] = {"line": 0, "column": 5}
    assert _errors(VERDICT, verdict)
    verdict = _golden("quality")
    verdict["findings"][0]["status"] = "passed"
    assert _errors(VERDICT, verdict)


def test_documents_at_the_top_and_in_a_named_shipment() -> None:
    # TACL 2 §9: a received date or "not received", at the top or under shipments.NAME
    report = {
        "tacl-report": 1,
        "contract": "R-10",
        "inspection": {"kind": "pre-shipment", "date": "2026-06-01"},
        "documents": {"test report": "2026-06-01"},
        "shipments": {"first": {"documents": {"packing list": "not  received"}}},
    }
    assert _errors(REPORT, report) == []
    report["shipments"]["first"]["documents"]["packing list"] = "yes"
    assert _errors(REPORT, report)
