"""`tacl schema CONTRACT`: the report schema of one contract validates every shipped report
that TACL reads without an unknown-key warning, and rejects broken ones at the right key."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import tacl
from tacl.evaluate.evaluator import evaluate
from tacl.evaluate.report import load_file
from tacl.render.inspection_plan import build_plan
from tacl.render.report_schema import report_schema
from tacl.render.report_template import render_template

from .examples import contracts, ident, reports
from .fill import fill

jsonschema = pytest.importorskip("jsonschema")
Validator = jsonschema.Draft202012Validator
CONTRACTS = contracts()
REPORTS = reports()
_CACHE: dict = {}


def _for(path):
    if path not in _CACHE:
        contract = tacl.load(path)
        schema = report_schema(contract)
        _CACHE[path] = (
            contract,
            schema,
            Validator(schema, format_checker=Validator.FORMAT_CHECKER),
        )
    return _CACHE[path]


def _json_tree(tree):
    """A YAML tree as JSON sees it: dates as YYYY-MM-DD text (a validator reads JSON)."""
    return json.loads(json.dumps(tree, default=str))


@pytest.mark.parametrize("path", CONTRACTS, ids=ident)
def test_schema_is_valid_draft_2020_12(path) -> None:
    _contract, schema, _validator = _for(path)
    Validator.check_schema(schema)


@pytest.mark.parametrize("report", REPORTS, ids=ident)
def test_schema_accepts_each_report_tacl_reads_without_unknown_keys(report) -> None:
    contract, _schema, validator = _for(report.parent.parent / "po.tacl")
    tree, _ = load_file(str(report))
    verdict = evaluate(contract, tree)
    unknown = [w for w in verdict.warnings if w.code == "R001"]
    errors = list(validator.iter_errors(_json_tree(tree)))
    if not unknown:
        assert errors == [], [e.message for e in errors]
    else:  # the schema catches the typo TACL only warns about, at the same key
        paths = {".".join(str(p) for p in e.absolute_path) for e in errors}
        for warning in unknown:
            key = warning.message.split("`")[1].rpartition(".")[0]
            assert key in paths, (key, paths)


def _golden_status(report) -> str:
    golden = report.with_name(report.name.rsplit(".", 1)[0] + ".verdict.json")
    return json.loads(golden.read_text(encoding="utf-8"))["status"]


def _broken(tree: dict) -> list[tuple[str, dict]]:
    """Mutations of a valid report that TACL rejects or warns about, with a name each."""
    out = []
    sku = next(iter(tree["products"]))

    def mutated(name, change):
        copy_ = copy.deepcopy(tree)
        change(copy_)
        out.append((name, copy_))

    mutated("wrong version", lambda t: t.update({"tacl-report": 2}))
    mutated("other contract", lambda t: t.update({"contract": "PO-OTHER"}))
    mutated("no inspection date", lambda t: t["inspection"].pop("date"))
    mutated("bad kind", lambda t: t["inspection"].update({"kind": "during-production"}))
    mutated("unknown product", lambda t: t["products"].update({"NOPE-1": {}}))
    mutated("typo in a key", lambda t: t["products"][sku].update({"wieght": ["1 kg"]}))
    mutated("date as words", lambda t: t["inspection"].update({"date": "28 April 2026"}))
    product = tree["products"][sku]
    if "quantity" in product:
        mutated("quantity as a float", lambda t: t["products"][sku].update({"quantity": 97.5}))
    if "weight" in product:
        mutated("weight without a unit", lambda t: t["products"][sku].update({"weight": ["1.2"]}))
        mutated("weight in mm", lambda t: t["products"][sku].update({"weight": "1200 mm"}))
    return out


@pytest.mark.parametrize("path", CONTRACTS, ids=ident)
def test_schema_rejects_broken_reports(path) -> None:
    contract, _schema, validator = _for(path)
    compliant = [r for r in reports(path) if _golden_status(r) == "compliant"][0]
    tree = _json_tree(load_file(str(compliant))[0])
    assert list(validator.iter_errors(tree)) == []
    for name, broken in _broken(tree):
        assert list(validator.iter_errors(broken)), name


@pytest.mark.parametrize("path", CONTRACTS, ids=ident)
@settings(max_examples=15)
@given(data=st.data())
def test_schema_accepts_a_filled_template(path, data) -> None:
    contract, _schema, validator = _for(path)
    tree = yaml.safe_load(render_template(build_plan(contract)))
    filled = _json_tree(fill(contract, tree, data.draw))
    assert [e.message for e in validator.iter_errors(filled)] == []


def test_schema_names_the_units_each_value_accepts() -> None:
    path = [p for p in CONTRACTS if p.parent.name == "lamps"][0]
    _contract, schema, _validator = _for(path)
    weight = schema["properties"]["products"]["properties"]["DL-200"]["properties"]["weight"]
    assert weight["description"] == "1.15 kg to 1.25 kg; units: g, kg, lb, mg, oz, t, ug, µg"


def test_tacl_schema_command_prints_the_schema() -> None:
    path = [p for p in CONTRACTS if p.parent.name == "lamps"][0]
    result = subprocess.run(
        [sys.executable, "-m", "tacl.cli", "schema", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == report_schema(tacl.load(path))
