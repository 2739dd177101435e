"""Issue 8 item 13: what `lint` and `fmt` cannot search is reported and counted, never skipped.

An unreadable subfolder (E010), a link that leads back into its own folder (E011),
a `*.tacl` link that leads nowhere or round in a loop (E009): each is an error
diagnostic in every output format, lint exits 1 and fmt exits 2, and the readable
contracts beside them are still checked.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tacl.commands import files

ROOT = Path(__file__).resolve().parents[2]
TACL = shutil.which("tacl", path=str(Path(sys.executable).parent)) or "tacl"
LAMPS = ROOT / "examples" / "sloppy" / "po.tacl"  # a contract with lint findings


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """a/po.tacl, a/up -> .. (a loop), b/gone.tacl -> nowhere, b/self.tacl -> itself,
    b/to-a -> ../a (a second way into a: searched once, no error)."""
    root = tmp_path / "tree"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    shutil.copy(LAMPS, root / "a" / "po.tacl")
    (root / "a" / "up").symlink_to("..")
    (root / "b" / "gone.tacl").symlink_to("nowhere.tacl")
    (root / "b" / "self.tacl").symlink_to("self.tacl")
    (root / "b" / "to-a").symlink_to("../a")
    return root


def _codes(diagnostics) -> list[tuple[str, str]]:
    return sorted(
        (d["code"], Path(d["file"]).name) for d in diagnostics if d["code"].startswith("E")
    )


def test_lint_reports_links_and_loops_and_checks_the_rest(tree: Path) -> None:
    done = subprocess.run(
        [TACL, "lint", str(tree), "--format", "json"], capture_output=True, text=True
    )
    assert done.returncode == 1, done.stderr
    diagnostics = json.loads(done.stdout)["diagnostics"]
    assert _codes(diagnostics) == [("E009", "gone.tacl"), ("E009", "self.tacl"), ("E011", "up")]
    assert any(d["file"].endswith("po.tacl") for d in diagnostics)  # still linted, once
    assert len({d["file"] for d in diagnostics if d["file"].endswith("po.tacl")}) == 1


@pytest.mark.parametrize("fmt", ["text", "sarif", "github"])
def test_every_lint_format_carries_them(tree: Path, fmt: str) -> None:
    done = subprocess.run(
        [TACL, "lint", str(tree), "--format", fmt], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "E011" in done.stdout and "E009" in done.stdout


def test_fmt_counts_them_as_errors(tree: Path) -> None:
    done = subprocess.run([TACL, "fmt", "--check", str(tree)], capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "3 paths could not be searched" in done.stderr
    assert "symlink-loop" in done.stderr and "which does not exist" in done.stderr


def test_an_unreadable_folder_in_process(tree: Path, monkeypatch) -> None:
    locked = str(tree / "b")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(files.os, "scandir", scandir)
    found = files.expand([str(tree)])
    assert [(p.code, p.rule) for p in found.problems] == [
        ("E011", "symlink-loop"),
        ("E010", "unreadable-folder"),
    ]
    assert "Permission denied" in found.problems[1].message
    assert found.files == [str(tree / "a" / "po.tacl")]


def _without_privilege() -> list[str]:
    """Run a command where permissions hold: as is, or (as root) in a user namespace
    whose capabilities do not reach the host's files."""
    if os.geteuid() != 0:
        return []
    if shutil.which("unshare") is None:
        pytest.skip("running as root without unshare(1): permissions do not hold")
    return ["unshare", "-U"]


def test_an_unreadable_folder_for_real(tree: Path) -> None:
    locked = tree / "locked"
    locked.mkdir()
    shutil.copy(LAMPS, locked / "hidden.tacl")
    locked.chmod(0)
    try:
        prefix = _without_privilege()
        done = subprocess.run(
            [*prefix, TACL, "lint", str(tree), "--format", "json"], capture_output=True, text=True
        )
        if prefix and "unshare" in done.stderr:
            pytest.skip(f"unshare failed: {done.stderr.strip()}")
        diagnostics = json.loads(done.stdout)["diagnostics"]
        assert ("E010", "locked") in _codes(diagnostics)
        assert done.returncode == 1
        fmt = subprocess.run([*prefix, TACL, "fmt", str(tree)], capture_output=True, text=True)
        assert fmt.returncode == 2 and "unreadable-folder" in fmt.stderr
    finally:
        locked.chmod(0o755)
