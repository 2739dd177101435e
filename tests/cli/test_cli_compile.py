"""`tacl compile`, `--version` and `--help` end to end, through click and the installed command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import tacl
from tacl.cli import main

ROOT = Path(__file__).resolve().parents[2]
LAMPS = ROOT / "examples" / "lamps" / "po.tacl"


def invoke(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_compile_prints_canonical_json_with_fingerprint() -> None:
    result = invoke("compile", str(LAMPS))
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["sha256"] == tacl.load(LAMPS).sha256
    assert document["contract"]["id"] == "PO-2026-0412"
    assert invoke("compile", str(LAMPS)).stdout == result.stdout  # byte-identical


def test_compile_reads_standard_input() -> None:
    result = invoke("compile", "-", input=LAMPS.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["sha256"] == tacl.load(LAMPS).sha256


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\xff\xfe garbage",
        b'contract "X" {\n  buyer "A\n}\n',
        "\ufeffcontract".encode(),
    ],
)
def test_compile_errors_exit_2_without_traceback(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.tacl"
    bad.write_bytes(content)
    result = invoke("compile", str(bad))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "error[E" in result.stderr
    assert result.stdout == ""


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = invoke("compile", str(tmp_path / "nope.tacl"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and tacl.__version__ in result.stdout


@pytest.mark.parametrize("verb", ["compile", "lint", "fmt", "check", "explain"])
def test_every_verb_has_help_with_an_example(verb: str) -> None:
    result = invoke(verb, "--help")
    assert result.exit_code == 0
    assert f"tacl {verb} " in result.stdout


def test_installed_command_runs() -> None:
    beside = Path(sys.executable).parent / "tacl"
    command = str(beside) if beside.exists() else shutil.which("tacl")
    if command is None:
        pytest.skip("tacl is not installed on PATH")
    result = subprocess.run([command, "compile", str(LAMPS)], capture_output=True, text=True)
    assert result.returncode == 0
    assert json.loads(result.stdout)["sha256"] == tacl.load(LAMPS).sha256


def test_bad_utf8_gets_a_code_frame_at_the_byte(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.tacl"
    bad.write_bytes(b'contract "X" {\n  buyer "Caf\xe9"\n}\n')
    result = invoke("compile", str(bad))
    assert result.exit_code == 2
    assert "error[E008] invalid-encoding: byte 0xe9 is not valid UTF-8" in result.stderr
    assert f"--> {bad}:2:13" in result.stderr
    assert '2 |   buyer "Caf\ufffd"' in result.stderr
