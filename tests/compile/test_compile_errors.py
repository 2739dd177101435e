"""Every compile-time error of language.md §6: its code, its line, and its rendered frame.

Each `errors/<CODE>-<rule>.tacl` breaks a valid contract in one place; the golden
`.txt` next to it is the text `tacl lint` shows. Set TACL_UPDATE_GOLDEN=1 to
regenerate, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import tacl
from tacl.pipeline import analyze
from tacl.render.text import render_text
from tacl.source import SourceFile

CASES = sorted((Path(__file__).parent / "errors").glob("*.tacl"))
UPDATE = os.environ.get("TACL_UPDATE_GOLDEN") == "1"


def _diagnostics(path: Path):
    source = SourceFile(path.name, path.read_text("utf-8"))
    return source, analyze(source).diagnostics


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_error_is_reported_with_its_code_and_rule(path: Path) -> None:
    code, rule = path.stem.split("-", 1)
    _, diagnostics = _diagnostics(path)
    assert diagnostics, "the broken contract compiled"
    assert (diagnostics[0].code, diagnostics[0].rule) == (code, rule)
    assert all(d.severity == "error" for d in diagnostics)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_error_renders_as_golden(path: Path) -> None:
    source, diagnostics = _diagnostics(path)
    rendered = render_text(diagnostics, {source.name: source})
    golden = path.with_suffix(".txt")
    if UPDATE:
        golden.write_text(rendered, "utf-8")
    assert rendered == golden.read_text("utf-8")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_library_raises_contract_error(path: Path) -> None:
    with pytest.raises(tacl.ContractError) as caught:
        tacl.compile_source(path.read_text("utf-8"), name=path.name)
    assert caught.value.diagnostics
    assert isinstance(caught.value, tacl.TaclError)


def test_all_errors_of_a_file_are_collected() -> None:
    text = (Path(__file__).parent / "errors" / "E104-unknown-unit.tacl").read_text("utf-8")
    text = text.replace("currency USD", "currency USDD").replace("2026-01-10", "2026-13-01")
    _, diagnostics = _diagnostics_of(text)
    assert {"E104", "E102", "E201"} <= {d.code for d in diagnostics}


def test_syntax_errors_are_collected_one_per_line() -> None:
    text = 'contract "X" {\n  colour "red"\n  buyer\n  supplier "S"\n  signed 2026-01-40x\n}\n'
    _, diagnostics = _diagnostics_of(text)
    assert [d.span.line for d in diagnostics] == [2, 3, 5]


def _diagnostics_of(text: str):
    source = SourceFile("t.tacl", text)
    return source, analyze(source).diagnostics
