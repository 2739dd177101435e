"""`render_sarif`: a SARIF 2.1.0 log that the OASIS schema accepts, with every field we promise."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from tacl.diagnostics import Diagnostic
from tacl.render.sarif import RuleInfo, file_uri, render_sarif
from tacl.source import SourceFile

# The OASIS SARIF 2.1.0 schema (errata 01), a verbatim copy; see tests/data/SOURCES.md.
ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text("utf-8"))

SOURCE = SourceFile("contracts/po.tacl", 'product lamp {\n  size 420 mmm\n  note "优质"\n}\n')

RULES = [
    RuleInfo(
        "W401",
        "vague-wording",
        "warning",
        "Vague wording",
        "Wording an inspector cannot check.",
        "https://example.invalid/rules/vague-wording",
    ),
    RuleInfo("W001", "missing-ship-date", "warning", "No ship date", "The contract has no date."),
]


def diagnostics() -> list[Diagnostic]:
    mmm = SOURCE.text.index("mmm")
    vague = SOURCE.text.index('"优质"')
    return [
        Diagnostic(
            "E104",
            "unknown-unit",
            "error",
            "unknown unit `mmm`",
            SOURCE.name,
            SOURCE.span(mmm, mmm + 3),
            "did you mean `mm`?",
        ),
        Diagnostic(
            "W401", "vague-wording", "note", "`优质`", SOURCE.name, SOURCE.span(vague, vague + 4)
        ),
        Diagnostic("W001", "missing-ship-date", "warning", "no date", SOURCE.name, None),
        Diagnostic(
            "E101", "syntax-error", "error", "unexpected `}`", SOURCE.name, SOURCE.span(0, 30)
        ),
    ]


def render(diags=None, rules=RULES) -> dict:
    text = render_sarif(diagnostics() if diags is None else diags, rules, "1.2.3")
    assert text.endswith("}\n")
    return json.loads(text)


def validate(log: dict) -> None:
    validator_class = jsonschema.validators.validator_for(SCHEMA)
    validator_class.check_schema(SCHEMA)
    validator_class(SCHEMA).validate(log)


def test_valid_against_the_oasis_schema():
    validate(render())
    validate(render([], []))


def test_the_schema_check_is_not_vacuous():
    log = render()
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(log)


def test_log_and_driver():
    log = render()
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "tacl"
    assert driver["version"] == "1.2.3"
    assert driver["informationUri"].startswith("https://")
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_information_uri_is_this_projects_documentation():
    """Not the page of `tacl`, an unrelated project on the package index."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    driver = render()["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == project["urls"]["Documentation"]
    assert project["name"] in driver["informationUri"]
    assert driver["informationUri"] != "https://pypi.org/project/tacl/"


def test_rule_descriptors_given_first_then_built_from_diagnostics():
    rules = render()["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["W401", "W001", "E101", "E104"]
    assert rules[0] == {
        "id": "W401",
        "name": "vague-wording",
        "shortDescription": {"text": "Vague wording"},
        "fullDescription": {"text": "Wording an inspector cannot check."},
        "helpUri": "https://example.invalid/rules/vague-wording",
        "defaultConfiguration": {"level": "warning"},
    }
    assert "helpUri" not in rules[1]
    assert rules[3] == {
        "id": "E104",
        "name": "unknown-unit",
        "shortDescription": {"text": "unknown unit"},
        "fullDescription": {"text": "unknown unit"},
        "defaultConfiguration": {"level": "error"},
    }


def test_built_descriptor_takes_the_most_severe_level_seen():
    diags = [
        Diagnostic("X1", "odd", "note", "m", "a.tacl", None),
        Diagnostic("X1", "odd", "warning", "m", "b.tacl", None),
    ]
    (rule,) = render(diags, [])["runs"][0]["tool"]["driver"]["rules"]
    assert rule["defaultConfiguration"] == {"level": "warning"}


def test_results():
    log = render()
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["W001", "E101", "E104", "W401"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "contracts/po.tacl"
    unit = results[2]
    assert unit["level"] == "error"
    assert unit["message"]["text"] == "unknown unit `mmm`\nhelp: did you mean `mm`?"
    assert unit["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 12,
        "endLine": 2,
        "endColumn": 15,
    }
    assert results[3]["level"] == "note"
    assert results[3]["message"]["text"] == "`优质`"
    assert results[1]["locations"][0]["physicalLocation"]["region"]["endLine"] == 3
    assert "region" not in results[0]["locations"][0]["physicalLocation"]


def test_two_rules_with_one_code_are_refused():
    with pytest.raises(ValueError, match="W001"):
        render([], RULES + [RULES[1]])


def test_rule_info_is_frozen_and_checks_its_severity():
    with pytest.raises(AttributeError):
        RULES[0].code = "X"
    with pytest.raises(ValueError):
        RuleInfo("X1", "x", "fatal", "s", "d")


@pytest.mark.parametrize(
    ("name", "uri"),
    [
        ("po.tacl", "po.tacl"),
        ("contracts/po.tacl", "contracts/po.tacl"),
        ("contracts\\2024\\po.tacl", "contracts/2024/po.tacl"),
        ("../a b/po#1?.tacl", "../a%20b/po%231%3F.tacl"),
        ("größe.tacl", "gr%C3%B6%C3%9Fe.tacl"),
        ("a:b.tacl", "a%3Ab.tacl"),  # would otherwise read as a URI scheme
        ("50%.tacl", "50%25.tacl"),
        ("/srv/po 1.tacl", "file:///srv/po%201.tacl"),
        ("C:\\work\\po.tacl", "file:///C:/work/po.tacl"),
    ],
)
def test_file_uri(name, uri):
    assert file_uri(name) == uri
