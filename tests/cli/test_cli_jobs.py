"""`--jobs N` changes nothing but speed: every example, byte for byte, in the same order.

The commands run as a user runs them (the installed `tacl`, in a subprocess), over
all the bundled examples at once, with 1, 2 and 3 processes; standard output,
standard error and the exit code must be identical. Also the building block,
`tacl.batch.ordered_map`, on its own.
"""

from __future__ import annotations

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
