"""Issue 8 item 12: output that cannot be written is exit 2 and one line, for every verb.

Run as a user runs them: the installed command in a subprocess whose standard
output is closed (`>&-`), a full device (`/dev/full`) or a pipe whose reader has
gone. Exit 1 would say "noncompliant" (check) or "would reformat" (fmt --check);
a traceback would say nothing useful.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TACL = shutil.which("tacl", path=str(Path(sys.executable).parent)) or "tacl"
LAMPS = ROOT / "examples" / "lamps"

VERBS = {
    "check text (noncompliant)": ["check", "po.tacl", "reports/quality.json"],
    "check json": ["check", "po.tacl", "reports/compliant.yaml", "--format", "json"],
    "check several": ["check", "po.tacl", "reports/compliant.yaml", "reports/quality.json"],
    "check several, 2 jobs": [
        *["check", "po.tacl", "reports/compliant.yaml", "reports/quality.json"],
        *["--format", "json", "--jobs", "2"],
    ],
    "check html": ["check", "po.tacl", "reports/quality.json", "--format", "html"],
    "lint": ["lint", "../sloppy/po.tacl"],
    "lint sarif": ["lint", "../sloppy/po.tacl", "--format", "sarif"],
    "compile": ["compile", "po.tacl"],
    "plan": ["plan", "po.tacl"],
    "schema": ["schema", "po.tacl"],
    "explain": ["explain", "vague-wording"],
    "fmt -": ["fmt", "-"],
}


def _run(args, **kwargs):
    stdin = (LAMPS / "po.tacl").open("rb") if args[:2] == ["fmt", "-"] else subprocess.DEVNULL
    with stdin if stdin is not subprocess.DEVNULL else open(os.devnull, "rb") as handle:
        return subprocess.run(
            [TACL, *args], cwd=LAMPS, stdin=handle, stderr=subprocess.PIPE, text=True, **kwargs
        )


def _one_error_line(stderr: str, reason: str) -> None:
    lines = [line for line in stderr.splitlines() if line.startswith("tacl: error:")]
    assert len(lines) == 1, stderr
    assert reason in lines[0], stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_closed_standard_output(verb: str) -> None:
    done = _run(VERBS[verb], stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert done.returncode == 2, done.stderr
    _one_error_line(done.stderr, "standard output: it is closed")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("verb", sorted(VERBS))
def test_full_device(verb: str) -> None:
    with open("/dev/full", "w") as full:
        done = _run(VERBS[verb], stdout=full)
    assert done.returncode == 2, done.stderr
    _one_error_line(done.stderr, "No space left on device")


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_reader_gone(verb: str) -> None:
    read, write = os.pipe()
    os.close(read)  # nobody will ever read: the first write is EPIPE
    try:
        done = _run(VERBS[verb], stdout=write)
    finally:
        os.close(write)
    assert done.returncode == 2, done.stderr
    _one_error_line(done.stderr, "Broken pipe")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_fmt_diff_to_a_full_device_is_not_would_reformat(tmp_path: Path) -> None:
    contract = tmp_path / "po.tacl"
    contract.write_text((LAMPS / "po.tacl").read_text().replace("  buyer", "buyer", 1))
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [TACL, "fmt", "--check", "--diff", str(contract)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 2, done.stderr
    _one_error_line(done.stderr, "No space left on device")


def test_closed_standard_error_still_exits_by_the_verdict() -> None:
    """Nothing goes to standard error for a compliant report: its code stands."""
    done = subprocess.run(
        [TACL, "check", "po.tacl", "reports/compliant.yaml"],
        cwd=LAMPS,
        capture_output=True,
        preexec_fn=lambda: os.close(2),
    )
    assert done.returncode == 0
