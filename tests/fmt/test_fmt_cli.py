"""`tacl fmt` through click: writing, --check, --diff, stdin, exit codes, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tacl.cli import main

ROOT = Path(__file__).resolve().parents[2]
MESSY = 'contract "X" {\n buyer "A"\n  supplier    "B"\n  advance payment 30%\n}\n'
CANONICAL = 'contract "X" {\n  buyer    "A"\n  supplier "B"\n  advance payment 30 %\n}\n'
BROKEN = 'contract "X" {\n  buyer "A"\n  colour red\n}\n'


def runner() -> CliRunner:
    """Standard error kept apart from standard output (click 8.1 needs asking)."""
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps them apart
        return CliRunner()


def invoke(*args, stdin: str | bytes | None = None):
    return runner().invoke(main, ["fmt", *args], input=stdin, catch_exceptions=False)


@pytest.fixture
def messy(tmp_path) -> Path:
    path = tmp_path / "po.tacl"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_rewrites_a_file_in_place(messy):
    result = invoke(str(messy))
    assert result.exit_code == 0
    assert messy.read_text(encoding="utf-8") == CANONICAL
    assert "1 file reformatted" in result.stderr


def test_check_changes_nothing_and_exits_1(messy):
    result = invoke("--check", str(messy))
    assert result.exit_code == 1
    assert f"would reformat {messy}" in result.stderr
    assert messy.read_text(encoding="utf-8") == MESSY
    assert result.stdout == ""


def test_check_passes_on_a_canonical_file(tmp_path):
    path = tmp_path / "po.tacl"
    path.write_text(CANONICAL, encoding="utf-8")
    result = invoke("--check", str(path))
    assert result.exit_code == 0
    assert "would reformat" not in result.stderr


def test_diff_prints_a_unified_diff_and_exits_0(messy):
    result = invoke("--diff", str(messy))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"--- {messy}\n+++ {messy}\n@@")
    assert '-  supplier    "B"\n' in result.stdout
    assert '+  supplier "B"\n' in result.stdout
    assert messy.read_text(encoding="utf-8") == MESSY


def test_check_with_diff_exits_1(messy):
    result = invoke("--check", "--diff", str(messy))
    assert result.exit_code == 1
    assert "+  advance payment 30 %" in result.stdout


def test_diff_marks_a_missing_final_newline(tmp_path):
    path = tmp_path / "po.tacl"
    path.write_text(CANONICAL.rstrip("\n"), encoding="utf-8")
    result = invoke("--diff", str(path))
    assert "-}\n\\ No newline at end of file\n+}\n" in result.stdout


def test_stdin_to_stdout():
    result = invoke("-", stdin=MESSY)
    assert result.exit_code == 0
    assert result.stdout == CANONICAL
    assert result.stderr == ""


def test_stdin_check_and_diff():
    assert invoke("--check", "-", stdin=MESSY).exit_code == 1
    assert invoke("--check", "-", stdin=CANONICAL).exit_code == 0
    diff = invoke("--diff", "-", stdin=MESSY)
    assert diff.stdout.startswith("--- <stdin>\n+++ <stdin>\n")


def test_stdin_bom_and_crlf_are_normalised():
    data = ("\ufeff" + MESSY.replace("\n", "\r\n")).encode("utf-8")
    assert invoke("-", stdin=data).stdout == CANONICAL


def test_syntax_error_prints_a_frame_exits_2_and_changes_nothing(tmp_path, messy):
    broken = tmp_path / "broken.tacl"
    broken.write_text(BROKEN, encoding="utf-8")
    result = invoke(str(broken), str(messy))
    assert result.exit_code == 2
    assert "error[E101] unknown-statement" in result.stderr
    assert "3 |   colour red" in result.stderr
    assert broken.read_text(encoding="utf-8") == BROKEN
    assert messy.read_text(encoding="utf-8") == CANONICAL  # the other file is still formatted


def test_syntax_error_on_stdin_writes_nothing_to_stdout():
    result = invoke("-", stdin=BROKEN)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "<stdin>:3:3" in result.stderr


def test_check_with_a_syntax_error_exits_2():
    assert invoke("--check", "-", stdin=BROKEN).exit_code == 2


def test_invalid_utf8_exits_2(tmp_path):
    path = tmp_path / "bad.tacl"
    path.write_bytes(b'contract "\xff" {\n}\n')
    result = invoke(str(path))
    assert result.exit_code == 2
    assert "invalid-encoding" in result.stderr


def test_missing_path_is_a_usage_error(tmp_path):
    result = invoke(str(tmp_path / "nope.tacl"))
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr


def test_unchanged_file_is_not_rewritten(tmp_path):
    path = tmp_path / "po.tacl"
    path.write_text(CANONICAL, encoding="utf-8")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    result = invoke(str(path))
    assert result.exit_code == 0
    assert path.stat().st_mtime == 1_000_000_000
    assert "1 file left unchanged" in result.stderr


def test_a_bom_alone_is_a_change(tmp_path):
    path = tmp_path / "po.tacl"
    path.write_bytes(("\ufeff" + CANONICAL).encode("utf-8"))
    assert invoke("--check", str(path)).exit_code == 1
    assert invoke(str(path)).exit_code == 0
    assert path.read_bytes() == CANONICAL.encode("utf-8")


def test_crlf_file_is_written_with_lf(tmp_path):
    path = tmp_path / "po.tacl"
    path.write_bytes(CANONICAL.replace("\n", "\r\n").encode("utf-8"))
    assert invoke("--check", str(path)).exit_code == 1
    invoke(str(path))
    assert path.read_bytes() == CANONICAL.encode("utf-8")


def test_folders_are_searched_for_tacl_files(tmp_path):
    (tmp_path / "sub").mkdir()
    first, second = tmp_path / "a.tacl", tmp_path / "sub" / "b.tacl"
    for path in (first, second):
        path.write_text(MESSY, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a contract", encoding="utf-8")
    result = invoke("--check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.count("would reformat") == 2
    assert "2 files would be reformatted" in result.stderr


def test_a_contract_that_does_not_compile_is_still_formatted():
    text = 'contract "X" {\n  currency   XYZ\n}\n'
    result = invoke("-", stdin=text)
    assert result.exit_code == 0
    assert result.stdout == 'contract "X" {\n  currency XYZ\n}\n'


def test_repository_contracts_are_canonical():
    """`tacl fmt --check examples/` passes; a failure names the files to reformat."""
    result = invoke("--check", str(ROOT / "examples"))
    would = [line for line in result.stderr.splitlines() if line.startswith("would reformat")]
    assert result.exit_code == 0, "not canonical yet:\n" + "\n".join(would)


def test_unwritable_file_exits_2(messy, monkeypatch):
    def refuse(*args, **kwargs):  # the folder does not let tacl make its temporary file
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tacl.commands.replace.tempfile.mkstemp", refuse)
    result = invoke(str(messy))
    assert result.exit_code == 2
    assert f"cannot write {messy}: Permission denied; the file is unchanged" in result.stderr
    assert messy.read_text(encoding="utf-8") == MESSY


def test_end_to_end_through_a_real_process(messy):
    """The command as a user runs it: a separate process, real stdin and stdout."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "tacl.cli", "fmt"]
    piped = subprocess.run([*command, "-"], input=MESSY.encode(), capture_output=True)
    assert (piped.returncode, piped.stdout.decode("utf-8")) == (0, CANONICAL)
    checked = subprocess.run([*command, "--check", str(messy)], capture_output=True)
    assert checked.returncode == 1
    assert f"would reformat {messy}" in checked.stderr.decode("utf-8")
