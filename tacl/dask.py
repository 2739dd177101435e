"""Check a Dask bag of inspection reports against a compiled contract, on any cluster.

    pip install 'tacl[dask]'

    import tacl
    from dask.distributed import Client
    from tacl.dask import check_bag, read_jsonl

    client = Client("tcp://scheduler.example:8786")      # or Client() on this machine
    contract = tacl.load("po.tacl")                        # compiled once, here
    reports = read_jsonl("s3://qa-bucket/2026-04-*/reports.jsonl")   # a bag of reports
    verdicts = check_bag(contract, reports, as_of="2026-05-01")      # a bag of verdict dicts
    verdicts.map(json.dumps).to_textfiles("s3://qa-bucket/verdicts/*.jsonl")

The compiled contract travels to the workers by pickling, as one shared piece of
the task graph (each worker receives it once, and nothing recompiles it there);
the checks it needs are built on a worker the first time it evaluates a report.
Each report is judged by the same `evaluate` the command line uses, so a verdict
computed on a cluster is the verdict `tacl check` prints.

A report that cannot be read (bad JSON, not a report, a report error) does not
stop the computation: its place in the output holds
`{"error": {"path": ..., "message": ...}, "report": NAME}` instead of a verdict.
"""

from __future__ import annotations

from tacl.errors import ReportError


def read_jsonl(urlpath, blocksize: str | int | None = None, **storage_options):
    """A bag of reports from JSON Lines files (one JSON report per line).

    `urlpath` is whatever `dask.bag.read_text` accepts: a path, a glob, a list, or a
    URL of a file system fsspec knows (`s3://`, `gs://`, … with its package
    installed). Lines stay text until a worker parses them (exactly, as Decimals),
    each named after its file; blank lines are dropped.
    """
    import dask.bag as db

    lines = db.read_text(
        urlpath, blocksize=blocksize, include_path=True, storage_options=storage_options or None
    )
    return lines.filter(lambda item: bool(item[0].strip())).map(_named_line)


def _named_line(item) -> tuple[str, str]:
    line, path = item
    return path, line


def check_bag(contract, reports, as_of=None):
    """A bag of verdict dicts (`Verdict.to_dict()`), one per report, in the same order.

    `reports` holds dicts (parsed reports), JSON texts, or (name, dict-or-text)
    pairs, as `read_jsonl` gives. `as_of` is an evaluation date (`YYYY-MM-DD` or a
    `datetime.date`) for deadlines a report leaves open.
    """
    import dask

    from tacl.evaluate.evaluator import parse_as_of

    day = parse_as_of(as_of)  # a bad date fails here, not on every worker
    shared = dask.delayed(contract, pure=True, name=f"tacl-contract-{contract.sha256}")
    return reports.map_partitions(_check_partition, shared, day)


def _check_partition(items, contract, day) -> list[dict]:
    return [_check_one(contract, item, day) for item in items]


def _check_one(contract, item, day) -> dict:
    from tacl.evaluate.evaluator import evaluate
    from tacl.evaluate.report import load_text

    name, report = item if isinstance(item, tuple) else ("<report>", item)
    try:
        if isinstance(report, (str, bytes)):
            report = load_text(report, name, json_only=True)
        return evaluate(contract, report, as_of=day, name=name).to_dict()
    except ReportError as exc:
        return {"error": {"path": exc.path, "message": exc.message}, "report": name}
