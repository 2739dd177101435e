"""`--jobs N` changes nothing but speed: every example, byte for byte, in the same order.

The commands run as a user runs them (the installed `tacl`, in a subprocess), over
all the bundled examples at once, with 1, 2 and 3 processes; standard output,
standard error and the exit code must be identical. Also the building block,
`tacl.batch.ordered_map`, on its own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tacl import batch

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CONTRACTS = sorted(EXAMPLES.glob("**/*.tacl"))
TACL = shutil.which("tacl", path=str(Path(sys.executable).parent)) or "tacl"


def tacl(*args: str) -> tuple[str, str, int]:
    result = subprocess.run([TACL, *args], capture_output=True, text=True, cwd=ROOT)
    return result.stdout, result.stderr, result.returncode


def same_whatever_the_jobs(*args: str) -> tuple[str, str, int]:
    serial = tacl(*args, "--jobs", "1")
    for jobs in ("2", "3"):
        assert tacl(*args, "--jobs", jobs) == serial, f"--jobs {jobs} differs: {args}"
    return serial


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_lint_every_example_same_output_whatever_the_jobs(fmt: str) -> None:
    out, _, code = same_whatever_the_jobs("lint", "examples", "--format", fmt, "--no-color")
    assert out and code == 1  # the examples hold warnings (sloppy/ on purpose)


def test_lint_files_named_one_by_one_keep_their_order() -> None:
    names = [str(p.relative_to(ROOT)) for p in reversed(CONTRACTS)]
    out, _, _ = same_whatever_the_jobs("lint", *names, "--format", "json")
    files = [line for line in out.splitlines() if '"file"' in line]
    assert files, out[:200]


def test_fmt_check_every_example_same_output_whatever_the_jobs(tmp_path: Path) -> None:
    same_whatever_the_jobs("fmt", "--check", "examples")
    messy = tmp_path / "messy"
    shutil.copytree(EXAMPLES, messy)
    for path in messy.glob("**/*.tacl"):  # make every file need formatting
        path.write_text(path.read_text("utf-8").replace("\n  ", "\n    "), "utf-8")
    out, err, code = same_whatever_the_jobs("fmt", "--check", "--diff", str(messy))
    assert code == 1 and "would reformat" in err and out.startswith("---")


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_every_example_report_same_output_whatever_the_jobs(fmt: str) -> None:
    for contract in CONTRACTS:
        reports = sorted(str(p) for p in (contract.parent / "reports").glob("*"))
        reports = [r for r in reports if not r.endswith(".verdict.json")]
        if not reports:
            continue
        out, err, code = same_whatever_the_jobs(
            "check", str(contract), *reports, "--format", fmt, "--no-color"
        )
        assert out, (contract, err)


def test_check_with_a_bad_report_keeps_messages_and_order(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    reports = sorted(str(p) for p in (EXAMPLES / "lamps" / "reports").glob("*.yaml"))
    args = ["check", str(EXAMPLES / "lamps" / "po.tacl"), reports[0], str(bad), *reports[1:]]
    out, err, code = same_whatever_the_jobs(*args, "--format", "json")
    assert code == 2 and "bad.json" in err and out.count('"report"') == len(reports) + 1


def test_check_messages_and_verdicts_interleave_the_same_in_one_stream(tmp_path: Path) -> None:
    # workers hand back runs of reports; standard error and standard output must still
    # arrive in the order one report at a time writes them (here both go to one pipe)
    reports = sorted(str(p) for p in (EXAMPLES / "lamps" / "reports").glob("*.yaml"))
    bad = []
    for index in range(4):
        bad.append(tmp_path / f"bad{index}.json")
        bad[-1].write_text("{not json", "utf-8")
    names = [reports[0], str(bad[0]), str(bad[1]), *reports[1:], str(bad[2])] + reports * 3
    names.append(str(bad[3]))
    po = str(EXAMPLES / "lamps" / "po.tacl")
    for fmt in ("json", "text"):
        runs = [
            subprocess.run(
                [TACL, "check", po, *names, "--format", fmt, "--jobs", jobs, "--no-color"],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},  # every write reaches the pipe
            ).stdout
            for jobs in ("1", "2", "3")
        ]
        assert runs[0].count(b"bad0.json") >= 1 and runs[1] == runs[0] and runs[2] == runs[0]


def test_check_a_report_whose_name_is_not_utf8(tmp_path: Path) -> None:
    # the name reads with U+DCFF for the byte 0xFF: JSON spells it `\udcff` (its escape),
    # text `\u{DCFF}` (tacl.visible), whatever the --jobs
    raw = os.fsencode(tmp_path) + b"/q\xff.json"
    with open(raw, "wb") as handle:
        handle.write((EXAMPLES / "lamps" / "reports" / "quality.json").read_bytes())
    po = str(EXAMPLES / "lamps" / "po.tacl")
    good = str(EXAMPLES / "lamps" / "reports" / "quality.json")
    for fmt, shown in (("json", "q\\udcff.json"), ("text", "q\\u{DCFF}.json")):
        out, _, code = same_whatever_the_jobs("check", po, good, os.fsdecode(raw), "--format", fmt)
        assert code == 1 and f"{tmp_path}/{shown}" in out, out[-300:]


# --- the building block ----------------------------------------------------------------


def _square_plus_state(n: int) -> int:
    return n * n + batch.state()


def test_ordered_map_keeps_order_and_hands_the_state_to_workers() -> None:
    items = list(range(200))
    expected = [n * n + 7 for n in items]
    for jobs in (1, 2, 3):
        assert (
            list(batch.ordered_map(_square_plus_state, items, jobs, state=7, chunk=5)) == expected
        )


def _sum_of_run(run: list) -> tuple[int, int]:
    return len(run), sum(run) + batch.state()


def test_ordered_chunks_keeps_order_and_runs_one_item_a_call_in_this_process() -> None:
    items = list(range(100))
    for jobs in (2, 3):
        runs = list(batch.ordered_chunks(_sum_of_run, items, jobs, state=1, chunk=7))
        assert [size for size, _ in runs] == [7] * 14 + [2]
        assert [total for _, total in runs] == [sum(items[i : i + 7]) + 1 for i in range(0, 100, 7)]
    serial = list(batch.ordered_chunks(_sum_of_run, items, 1, state=1, chunk=7))
    assert serial == [(1, n + 1) for n in items]  # a slow input still streams


def test_ordered_chunks_ends_a_list_with_short_runs_so_workers_finish_together() -> None:
    items = list(range(1000))
    runs = list(batch.ordered_chunks(_sum_of_run, items, 2, state=0))
    sizes = [size for size, _ in runs]
    assert sum(sizes) == 1000 and sum(total for _, total in runs) == sum(items)
    assert sizes[0] == 62 and sizes[-2] == 8  # 1000 // (2 workers * 8 tasks), then down to 8
    assert sizes == sorted(sizes, reverse=True)


def test_ordered_map_reads_an_endless_input_lazily() -> None:
    def numbers():
        n = 0
        while True:
            yield n
            n += 1

    results = batch.ordered_map(_square_plus_state, numbers(), 2, state=0, chunk=4)
    first = [next(results) for _ in range(50)]
    results.close()
    assert first == [n * n for n in range(50)]


def test_default_jobs_is_the_number_of_usable_cores() -> None:
    assert batch.default_jobs() >= 1
