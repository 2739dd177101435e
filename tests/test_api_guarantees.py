"""What docs/api.md promises an embedding program: pickling and sharing between threads."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import tacl
from tacl.evaluate.report import load_file

ROOT = Path(__file__).resolve().parents[1]
LAMPS = ROOT / "examples" / "lamps"


def report(name: str = "quality.json") -> dict:
    tree, _ = load_file(str(LAMPS / "reports" / name))
    return tree


def test_compiled_contracts_verdicts_diagnostics_and_errors_pickle_to_equal_values():
    contract = tacl.load(LAMPS / "po.tacl")
    verdict = contract.evaluate(report())
    diagnostic = tacl.lint_source('contract "X" {\n}\n')[0]
    with pytest.raises(tacl.ContractError) as contract_error:
        tacl.compile_source('contract "X" {\n  currency USX\n}\n')
    with pytest.raises(tacl.ReportError) as report_error:
        contract.evaluate({"tacl-report": 1, "contract": "PO-2026-0412"})
    with pytest.raises(tacl.UsageError) as usage_error:
        tacl.load(42)  # type: ignore[arg-type]
    for value in (contract, verdict, diagnostic):
        assert pickle.loads(pickle.dumps(value)) == value
    again = pickle.loads(pickle.dumps(contract))
    assert again.evaluate(report()).to_json() == verdict.to_json()
    for error in (contract_error.value, report_error.value, usage_error.value):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error)
    assert pickle.loads(pickle.dumps(contract_error.value)).diagnostics == (
        contract_error.value.diagnostics
    )
    assert pickle.loads(pickle.dumps(report_error.value)).path == report_error.value.path


def test_one_contract_judges_reports_from_many_threads_at_once():
    text = (LAMPS / "po.tacl").read_text("utf-8")
    contract = tacl.compile_source(text)  # fresh: nothing computed yet, threads race for it
    names = ["quality.json", "compliant.yaml", "late-shipment.yaml", "inconclusive.yaml"] * 8
    alone = {name: tacl.compile_source(text).evaluate(report(name)).to_json() for name in names}
    with ThreadPoolExecutor(max_workers=8) as pool:
        shared = list(pool.map(lambda name: contract.evaluate(report(name)).to_json(), names))
    assert shared == [alone[name] for name in names]


def test_compile_and_lint_run_from_many_threads_at_once():
    texts = [p.read_text("utf-8") for p in sorted(ROOT.glob("examples/*/po.tacl"))] * 4
    alone = [tacl.compile_source(t).sha256 for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(lambda t: tacl.compile_source(t).sha256, texts)) == alone
        linted = list(pool.map(tacl.lint_source, texts))
    assert linted == [tacl.lint_source(t) for t in texts]


def test_the_same_inputs_give_byte_identical_json():
    contract = tacl.load(LAMPS / "po.tacl")
    assert contract.evaluate(report()).to_json() == contract.evaluate(report()).to_json()
    assert contract.to_json() == tacl.load(LAMPS / "po.tacl").to_json()
