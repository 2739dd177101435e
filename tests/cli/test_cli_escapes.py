"""Issue 8 item 14: text from a report or a contract cannot drive the terminal.

Every C0 and C1 control, DEL, every bidirectional control and every other
invisible format character, put into a report value or a contract string, comes
out of each text output (verdict table, code frames, GitHub annotations, the
plan, error lines) spelled out; JSON keeps the exact value.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import tacl
from tacl.diagnostics import ERROR, Diagnostic
from tacl.evaluate.evaluator import evaluate
from tacl.evaluate.text import render
from tacl.render.github import render_github
from tacl.render.text import render_text
from tacl.source import SourceFile
from tacl.visible import visible

ROOT = Path(__file__).resolve().parents[2]
TACL = shutil.which("tacl", path=str(Path(sys.executable).parent)) or "tacl"
LAMPS = ROOT / "examples" / "lamps"

DANGEROUS = [
    chr(code)
    for code in range(0x110000)
    if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp")
]
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.fixture(scope="module")
def lamps():
    return tacl.load(LAMPS / "po.tacl")


@pytest.fixture(scope="module")
def compliant():
    return yaml.safe_load((LAMPS / "reports" / "compliant.yaml").read_text("utf-8"))


def _harmless(text: str, allowed: str = "\n") -> bool:
    """No character a terminal acts on or that hides text, but the renderer's own."""
    return not any(
        unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in allowed for ch in text
    )


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(DANGEROUS), st.sampled_from(["marking", "material", "unknown"]))
def test_every_control_and_format_character_in_a_report_is_spelled_out(
    lamps, compliant, char, where
):
    report = copy.deepcopy(compliant)
    product = report["products"]["DL-200"]
    value = f"\x1b[32m✓{char}DL-200"
    if where == "marking":
        product["marking"] = value
    elif where == "material":
        product["material"]["body"] = value
    else:
        product[f"note{char}"] = value  # an unknown key: a warning quotes it
    verdict = evaluate(lamps, report, name=f"r{char}.yaml")
    text = render(verdict, f"r{char}.yaml")
    assert _harmless(text), repr(text)
    if where == "marking":  # the JSON verdict keeps the report's exact text
        found = [
            f for f in json.loads(verdict.to_json())["findings"] if f["clause"].endswith("marking")
        ]
        assert found[0]["actual"] == '"' + " ".join(value.split()) + '"'


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(DANGEROUS))
def test_code_frames_and_annotations_spell_them_out(char):
    source = SourceFile(f"po{char}.tacl", f'marking "A{char}B" x\n')
    diagnostic = Diagnostic(
        "E999", "test", ERROR, f"bad `{char}`", source.name, source.span(9, 12), f"help{char}"
    )
    assert _harmless(render_text([diagnostic], {source.name: source}))
    github = render_github([diagnostic])
    assert _harmless(github.split("::", 2)[2], allowed="\n")


def test_visible_spells_out_bidi_overrides_and_keeps_ordinary_text():
    for char in BIDI:
        assert visible(f"a{char}b") == f"a\\u{{{ord(char):X}}}b"
    for text in ("Café", "ΔE00 ≤ 2", "优质", "नमस्ते", "Ａ１", "a\tb"[:1], ""):
        assert visible(text) == text
    assert visible("\x1b[2J") == "␛[2J"
    assert visible("\x9b31m") == "\\u{9B}31m"
    assert visible("Cafe\u0301") == "Cafe\\u{301}"


def test_the_reproducer_cannot_paint_a_failure_as_a_pass(tmp_path: Path) -> None:
    """`"\\e[2J\\e[31mDL-200"` cleared the screen and recoloured a ✗ row."""
    report = yaml.safe_load((LAMPS / "reports" / "compliant.yaml").read_text("utf-8"))
    report["products"]["DL-200"]["marking"] = "\x1b[2J\x1b[32m✓ DL-200 / Made in China"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(report, default=str), "utf-8")
    done = subprocess.run(
        [TACL, "check", str(LAMPS / "po.tacl"), str(path)], capture_output=True, text=True
    )
    assert done.returncode == 1  # the marking differs: noncompliant
    assert "\x1b" not in done.stdout and "␛[2J␛[32m" in done.stdout
    as_json = subprocess.run(
        [TACL, "check", str(LAMPS / "po.tacl"), str(path), "--format", "json"],
        capture_output=True,
        text=True,
    )
    found = json.loads(as_json.stdout)["findings"]
    assert any("\x1b[2J" in (f["actual"] or "") for f in found)  # JSON stays exact


def test_error_lines_spell_them_out(tmp_path: Path) -> None:
    report = yaml.safe_load((LAMPS / "reports" / "compliant.yaml").read_text("utf-8"))
    report["products"]["DL-\x1b[31m200\u202e"] = report["products"].pop("DL-200")
    path = tmp_path / "r\x1b[2J.json"
    path.write_text(json.dumps(report, default=str), "utf-8")
    done = subprocess.run(
        [TACL, "check", str(LAMPS / "po.tacl"), str(path)], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert _harmless(done.stderr), repr(done.stderr)
    assert "\\u{202E}" in done.stderr


def test_a_contract_string_cannot_drive_the_terminal_through_plan_or_lint(tmp_path: Path) -> None:
    text = (
        (LAMPS / "po.tacl")
        .read_text("utf-8")
        .replace('"DL-200 / Made in China"', '"DL-200 \\u{1b}[2J\\u{202e} / Made in China"')
    )
    contract = tmp_path / "po.tacl"
    contract.write_text(text, "utf-8")
    tacl.load(contract)  # it compiles: a string may hold any character by escape
    for args in (["plan", str(contract)], ["lint", str(contract)]):
        done = subprocess.run([TACL, *args], capture_output=True, text=True)
        assert _harmless(done.stdout), (args, repr(done.stdout[:500]))
