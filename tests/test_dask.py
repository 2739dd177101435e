"""The Dask path gives the serial verdicts, on a real cluster of two worker processes.

`dask` and `distributed` are in the test extra, so this runs in CI (it is not
skipped when they are missing: a missing extra is a failure). A
`distributed.LocalCluster` starts two worker processes on this machine; every
verdict they compute is compared with `evaluate` run here, report by report.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path

import dask.bag as db
import pytest
import yaml
from distributed import Client, LocalCluster

import tacl
from tacl.dask import check_bag, read_jsonl
from tacl.evaluate.evaluator import evaluate

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = [p for p in sorted(ROOT.glob("examples/*/po.tacl")) if (p.parent / "reports").is_dir()]


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def reports_of(contract: Path) -> list[dict]:
    """Every example report of a contract, as the JSON a platform would store."""
    found = []
    for path in sorted((contract.parent / "reports").iterdir()):
        if path.suffix in (".yaml", ".yml"):
            found.append(_plain(yaml.safe_load(path.read_text("utf-8"))))
        elif path.suffix == ".json" and not path.name.endswith(".verdict.json"):
            found.append(json.loads(path.read_text("utf-8")))
    return [json.loads(json.dumps(r), parse_float=Decimal) for r in found]


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


@pytest.mark.parametrize("path", CONTRACTS, ids=lambda p: p.parent.name)
def test_every_verdict_from_the_cluster_is_the_serial_one(client, path: Path) -> None:
    contract = tacl.load(path)
    reports = reports_of(path) * 3
    expected = [evaluate(contract, r).to_dict() for r in reports]
    bag = db.from_sequence(reports, npartitions=4)
    computed = check_bag(contract, bag).compute()
    assert computed == expected
    workers = {w["id"] for w in client.scheduler_info()["workers"].values()}
    assert len(workers) == 2


def test_json_lines_files_and_bad_lines(client, tmp_path: Path) -> None:
    path = CONTRACTS[0]
    contract = tacl.load(path)
    reports = reports_of(path)
    lines = [json.dumps(_plain(r), default=str) for r in reports]
    files = []
    for i in range(3):
        target = tmp_path / f"day-{i}.jsonl"
        body = lines + (["{broken"] if i == 1 else []) + [""]
        target.write_text("\n".join(body) + "\n", "utf-8")
        files.append(str(target))
    computed = check_bag(contract, read_jsonl(files), as_of="2026-06-01").compute()
    assert len(computed) == 3 * len(lines) + 1
    errors = [v for v in computed if "error" in v]
    assert len(errors) == 1 and errors[0]["report"] == files[1]
    good = [v for v in computed if "error" not in v]
    day = datetime.date(2026, 6, 1)
    serial = [
        evaluate(contract, json.loads(line, parse_float=Decimal), as_of=day, name=name).to_dict()
        for name in files
        for line in lines
    ]
    assert good == serial


def test_the_contract_is_one_shared_piece_of_the_graph() -> None:
    contract = tacl.load(CONTRACTS[0])
    bag = db.from_sequence(reports_of(CONTRACTS[0]), npartitions=5)
    graph = dict(check_bag(contract, bag).__dask_graph__())
    keys = [k for k in graph if str(k).startswith("tacl-contract-")]
    assert keys == [f"tacl-contract-{contract.sha256}"]
