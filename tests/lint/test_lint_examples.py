"""The bundled examples: sloppy shows every rule (golden lint.txt); the others lint clean.

examples/sloppy/ holds two files because some rules exclude each other in one
contract (no coverage limit vs. one below the order value, no ship date vs. one
too early). Every other examples/<trade>/*.tacl must lint clean with every rule
on; a deliberate exception is a `# tacl: ignore[rule] reason` comment, and the
reason is required.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import tacl
from tacl.cli import main
from tacl.lint.registry import RULES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SLOPPY = EXAMPLES / "sloppy"
OTHERS = sorted(p for p in EXAMPLES.glob("*/*.tacl") if p.parent.name != "sloppy")

# Findings an example keeps until its owner decides, each with the reason.
# Findings an example keeps on purpose, by file; empty now that each deliberate one
# is suppressed in the contract itself with its reason.
KNOWN: dict[str, set[str]] = {}


def sloppy_output(monkeypatch) -> str:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = CliRunner().invoke(main, ["lint", "examples/sloppy", "--no-color"])
    assert result.exit_code == 1
    return result.output


def test_sloppy_golden(monkeypatch):
    actual = sloppy_output(monkeypatch)
    golden = SLOPPY / "lint.txt"
    if os.environ.get("TACL_UPDATE_GOLDEN"):
        golden.write_text(actual, "utf-8")
    assert actual == golden.read_text("utf-8")


def test_sloppy_shows_every_rule(monkeypatch):
    output = sloppy_output(monkeypatch)
    shown = set(re.findall(r"^(?:warning|note)\[(\w+)\]", output, re.M))
    assert shown == {rule.code for rule in RULES}
    assert "error[" not in output


@pytest.mark.parametrize("path", sorted(SLOPPY.glob("*.tacl")), ids=lambda p: p.name)
def test_sloppy_compiles(path):
    tacl.compile_source(path.read_text("utf-8"), name=path.name)


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.parent.name + "/" + p.name)
def test_example_lints_clean(path):
    name = path.relative_to(ROOT).as_posix()
    found = tacl.lint_source(path.read_text("utf-8"), name=name)
    unexpected = [d for d in found if d.rule not in KNOWN.get(name, set())]
    assert unexpected == [], "\n".join(f"{d.span.line}: {d.rule}: {d.message}" for d in unexpected)


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.parent.name + "/" + p.name)
def test_example_suppressions_give_a_reason(path):
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        match = re.search(r"#\s*tacl:\s*ignore\[[^\]]*\](.*)", line)
        if match:
            assert len(match.group(1).strip()) >= 10, f"{path.name}:{number}: give the reason"
