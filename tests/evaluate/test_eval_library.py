"""The library contract of cli.md: evaluate many reports, from threads, after pickling."""

from __future__ import annotations

import copy
import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tacl
from tacl.evaluate import shape


def variants(report):
    """Reports of every status: compliant, late, short, inconclusive."""
    late = copy.deepcopy(report)
    late["shipment"]["shipped"] = "2026-03-20"
    short = copy.deepcopy(report)
    short["products"]["DL-200"]["quantity"] = 900
    missing = copy.deepcopy(report)
    del missing["products"]["DL-200"]["weight"]
    return [report, late, short, missing]


def test_many_reports_without_recompiling(lamps, report, monkeypatch):
    lamps.evaluate(report)  # builds the checks and the report shape once
    calls = []
    monkeypatch.setattr(shape, "build", lambda c: calls.append(c))
    for data in variants(report) * 25:
        lamps.evaluate(data)
    assert calls == []


def test_threads_agree_with_serial_evaluation(lamps, report):
    reports = variants(report) * 50
    serial = [lamps.evaluate(r).to_json() for r in reports]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda r: lamps.evaluate(r).to_json(), reports))
    assert threaded == serial


def test_a_fresh_contract_from_many_threads(report):
    compiled = tacl.load(Path(__file__).resolve().parents[2] / "examples" / "lamps" / "po.tacl")
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: compiled.evaluate(report).status, range(64)))
    assert set(results) == {"compliant"}


def test_pickled_contract_evaluates_the_same(lamps, report):
    copy_ = pickle.loads(pickle.dumps(lamps))
    for data in variants(report):
        assert copy_.evaluate(data).to_json() == lamps.evaluate(data).to_json()


def test_verdict_and_errors_pickle(lamps, report):
    verdict = lamps.evaluate(report)
    assert pickle.loads(pickle.dumps(verdict)) == verdict
    error = tacl.ReportError("products.X", "bad")
    again = pickle.loads(pickle.dumps(error))
    assert (again.path, again.message) == ("products.X", "bad")


def test_report_error_is_a_tacl_error():
    assert issubclass(tacl.ReportError, tacl.TaclError)


def test_cache_is_per_object_not_per_fingerprint(lamps, report):
    """Two layouts of one contract share a fingerprint but not their locations."""
    text = Path(lamps.source_name).read_text(encoding="utf-8")
    moved = tacl.compile_source("\n\n" + text, name="moved.tacl")
    assert moved == lamps
    first = lamps.evaluate(report).findings[0].location.line
    second = moved.evaluate(report).findings[0].location.line
    assert second == first + 2
