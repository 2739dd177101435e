"""Issue 8 item 15: each traceback found, and its siblings, is a clean error now."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tacl
from tacl.evaluate.report import load_file

ROOT = Path(__file__).resolve().parents[2]
TACL = shutil.which("tacl", path=str(Path(sys.executable).parent)) or "tacl"
SLOPPY = ROOT / "examples" / "sloppy" / "po.tacl"
LAMPS = ROOT / "examples" / "lamps"


@pytest.fixture
def bad_name(tmp_path: Path) -> Path:
    """A folder holding a contract whose file name is not UTF-8 (byte 0xFF)."""
    folder = tmp_path / "names"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/bad\xff.tacl"
    with open(raw, "wb") as handle:
        handle.write(SLOPPY.read_bytes())
    return folder


def _lint(folder: Path, fmt: str) -> subprocess.CompletedProcess:
    return subprocess.run([TACL, "lint", str(folder), "--format", fmt], capture_output=True)


def test_sarif_of_a_file_name_that_is_not_utf8(bad_name: Path) -> None:
    done = _lint(bad_name, "sarif")
    assert done.returncode == 1, done.stderr
    sarif = json.loads(done.stdout.decode("utf-8"))  # valid UTF-8 JSON
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    }
    assert any(uri.endswith("bad%FF.tacl") for uri in uris), uris


def test_json_of_a_file_name_that_is_not_utf8_round_trips(bad_name: Path) -> None:
    done = _lint(bad_name, "json")
    names = {d["file"] for d in json.loads(done.stdout.decode("utf-8"))["diagnostics"]}
    assert {os.fsencode(name) for name in names} == {os.fsencode(bad_name) + b"/bad\xff.tacl"}


@pytest.mark.parametrize(
    "fmt, shown", [("text", "bad\\u{DCFF}.tacl"), ("github", "file=%s/bad\\udcff.tacl")]
)
def test_text_of_a_file_name_that_is_not_utf8(bad_name: Path, fmt: str, shown: str) -> None:
    done = _lint(bad_name, fmt)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert (shown.replace("%s", str(bad_name))) in done.stdout.decode("utf-8")


STDIN_VERBS = [
    ["lint", "-"],
    ["fmt", "-"],
    ["compile", "-"],
    ["plan", "-"],
    ["schema", "-"],
    ["check", "po.tacl", "-"],
    ["check", "-", "reports/quality.json"],
    ["check", "po.tacl", "--reports-from", "-"],
]


@pytest.mark.parametrize("args", STDIN_VERBS, ids=" ".join)
def test_dash_with_standard_input_closed(args: list[str]) -> None:
    done = subprocess.run(
        [TACL, *args],
        cwd=LAMPS,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == "tacl: error: standard input is closed; nothing to read for `-`\n"


def test_a_pyproject_whose_tool_is_a_string(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('tool = "x"\n')
    shutil.copy(SLOPPY, tmp_path / "po.tacl")
    done = subprocess.run([TACL, "lint", "po.tacl"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr  # no tacl settings: linted
    (tmp_path / "pyproject.toml").write_text('[tool]\ntacl = "strict"\n')
    done = subprocess.run([TACL, "lint", "po.tacl"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr == (
        "tacl: error: pyproject.toml: `tool.tacl` must be a table (`[tool.tacl]`), not a string\n"
    )


@pytest.mark.parametrize("name", ["po\0.tacl", "po\ud800.tacl", "\0"])
def test_load_with_a_name_no_file_can_have(name: str) -> None:
    with pytest.raises(tacl.ContractError) as info:
        tacl.load(name)
    assert info.value.diagnostics[0].code == "E009"
    with pytest.raises(tacl.ReportError, match="cannot read"):
        load_file(name.replace(".tacl", ".yaml"))
