"""`tacl lint` output: text, json, sarif, github; summary, statistics, colour, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from tacl.cli import main
from tacl.lint.registry import RULES

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads(
    (ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8")
)
FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = (FIXTURES / "incoterm-without-place" / "good.tacl").read_text("utf-8")
WARN = CLEAN.replace('incoterm FOB "Shenzhen"', "incoterm FOB")
NOTE = CLEAN.replace('    barcode EAN-13 "4006381333931"\n', "")
BROKEN = CLEAN.replace("420 x 180 x 120 mm", "420 x 180 x 120 mmm").replace(
    '"ACME / DL-200 / 20 pcs"', '"good quality"'
)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name, text in (("clean", CLEAN), ("warn", WARN), ("note", NOTE), ("broken", BROKEN)):
        (tmp_path / f"{name}.tacl").write_text(text, "utf-8")
    return tmp_path


def lint(*args, input=None):
    return CliRunner().invoke(main, ["lint", *args], input=input)


@pytest.mark.parametrize(("name", "code"), [("clean", 0), ("note", 0), ("warn", 1), ("broken", 1)])
def test_exit_codes(folder, name, code):
    assert lint(f"{name}.tacl").exit_code == code


def test_usage_errors_exit_2(folder):
    assert lint("missing.tacl").exit_code == 2
    assert lint("clean.tacl", "--format", "xml").exit_code == 2


def test_text_output_and_summary(folder):
    result = lint("warn.tacl", "note.tacl", "clean.tacl")
    assert "warning[W162] incoterm-without-place: `incoterm FOB` names no place" in result.output
    assert "note[N173] missing-barcode" in result.output
    assert result.output.endswith("Found 1 warning and 1 note in 3 files.\n")
    assert "\x1b[" not in result.output


def test_a_contract_that_does_not_compile_yields_only_errors(folder):
    result = lint("broken.tacl", "--format", "json")
    found = json.loads(result.output)["diagnostics"]
    assert {d["severity"] for d in found} == {"error"}
    assert [d["code"] for d in found] == ["E104"]


def test_colour_only_when_asked_or_on_a_terminal(folder, monkeypatch):
    assert "\x1b[" in lint("warn.tacl", "--color").output
    assert "\x1b[" not in lint("warn.tacl").output  # CliRunner is no terminal
    monkeypatch.setenv("NO_COLOR", "1")
    from tacl.commands.output import use_color

    class Tty:
        def isatty(self):
            return True

    assert use_color(Tty()) is False
    assert use_color(Tty(), requested=True) is False  # cli.md: never with NO_COLOR
    assert "\x1b[" not in lint("warn.tacl", "--color").output


def test_json_output(folder):
    result = lint("warn.tacl", "note.tacl", "--format", "json")
    found = json.loads(result.output)["diagnostics"]
    assert [(d["file"], d["code"], d["severity"]) for d in found] == [
        ("note.tacl", "N173", "note"),
        ("warn.tacl", "W162", "warning"),
    ]
    assert found[1] == {
        "file": "warn.tacl",
        "line": 14,
        "column": 5,
        "end_line": 14,
        "end_column": 17,
        "severity": "warning",
        "code": "W162",
        "rule": "incoterm-without-place",
        "message": "`incoterm FOB` names no place",
        "help": 'name the port or place: `incoterm FOB "Shenzhen"`',
    }


def test_sarif_output_is_valid_and_carries_the_rule_docs(folder):
    result = lint("warn.tacl", "broken.tacl", "--format", "sarif")
    log = json.loads(result.output)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    descriptors = run["tool"]["driver"]["rules"]
    ids = [d["id"] for d in descriptors]
    assert ids[: len(RULES)] == sorted((r.code for r in RULES), key=lambda c: c[1:])
    assert "E104" in ids  # compile errors get a descriptor of their own
    by_id = {d["id"]: d for d in descriptors}
    assert by_id["W162"]["name"] == "incoterm-without-place"
    assert by_id["W162"]["fullDescription"]["text"].startswith("Fires on an `incoterm`")
    for result_ in run["results"]:
        assert descriptors[result_["ruleIndex"]]["id"] == result_["ruleId"]
        assert result_["level"] in ("error", "warning", "note")
        region = result_["locations"][0]["physicalLocation"]["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)


def test_github_output(folder):
    result = lint("warn.tacl", "note.tacl", "--format", "github")
    lines = result.output.splitlines()
    assert lines[0].startswith("::notice file=note.tacl,line=18,col=3,")
    assert lines[1].startswith(
        "::warning file=warn.tacl,line=14,col=5,endLine=14,endColumn=17,"
        "title=W162 incoterm-without-place::"
    )


def test_statistics(folder):
    result = lint("warn.tacl", "note.tacl", "broken.tacl", "--statistics")
    assert result.output == (
        "1  E104  unknown-unit\n"
        "1  N173  missing-barcode\n"
        "1  W162  incoterm-without-place\n"
        "Found 1 error, 1 warning and 1 note in 3 files.\n"
    )
    machine = lint("warn.tacl", "--statistics", "--format", "json")
    assert json.loads(machine.stdout)["diagnostics"][0]["code"] == "W162"


def test_standard_input(folder):
    result = lint("-", input=WARN)
    assert "--> <stdin>:14:5" in result.output
    assert result.exit_code == 1


def test_folder_is_searched_for_contracts(folder):
    result = lint(".", "--format", "json")
    files = {d["file"] for d in json.loads(result.output)["diagnostics"]}
    assert files == {"warn.tacl", "note.tacl", "broken.tacl"}


def test_module_entry_point_end_to_end(folder):
    done = subprocess.run(
        [sys.executable, "-m", "tacl.cli", "lint", "warn.tacl", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["diagnostics"][0]["rule"] == "incoterm-without-place"


def _installed_tacl() -> str | None:
    """The console script of the running environment (CI runs pytest from a venv not on PATH)."""
    beside = Path(sys.executable).parent / "tacl"
    return str(beside) if beside.exists() else shutil.which("tacl")


@pytest.mark.skipif(_installed_tacl() is None, reason="the tacl command is not installed")
def test_installed_command_end_to_end(folder):
    done = subprocess.run(
        [_installed_tacl(), "lint", "clean.tacl", "note.tacl"],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "", "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("Found 1 note in 2 files.\n")
