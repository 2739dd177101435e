"""docs/language.md §14 stays true: each error's example gives the error it shows.

Every `### EXXX `rule`` entry with a `tacl` example and a `text` output is
compiled here (but for a sketch: too long to print, or lines out of a contract); the first diagnostic must be
that code and rule, and its first line exactly the one the page prints.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tacl.pipeline import analyze
from tacl.source import SourceFile

DOC = Path(__file__).resolve().parents[2] / "docs" / "language.md"
ENTRY = re.compile(r"^### (E\d{3}) `([a-z-]+)`\n(.*?)(?=^### |^## |\Z)", re.S | re.M)
BLOCK = re.compile(r"```(tacl|text)\n(.*?)```", re.S)


def entries():
    for match in ENTRY.finditer(DOC.read_text("utf-8")):
        blocks: dict[str, str] = {}
        for kind, text in BLOCK.findall(match.group(3)):
            blocks.setdefault(kind, text)  # the first: the broken contract, not the fix
        whole = "tacl" in blocks and re.search(r"^contract ", blocks["tacl"], re.M)
        if whole and "text" in blocks and "…(" not in blocks["tacl"]:
            # (an example abbreviated as `"xxxx…(10,001 characters)…xxxx"`, or a few lines
            # out of a contract, is a sketch)
            yield pytest.param(match.group(1), match.group(2), blocks, id=match.group(1))


@pytest.mark.parametrize("code, rule, blocks", list(entries()))
def test_the_documented_example_gives_the_documented_error(code, rule, blocks):
    diagnostics = analyze(SourceFile("po.tacl", blocks["tacl"])).diagnostics
    assert diagnostics, f"the example of {code} compiles"
    first = diagnostics[0]
    assert (first.code, first.rule) == (code, rule)
    shown = blocks["text"].splitlines()[0]
    assert shown == f"error[{first.code}] {first.rule}: {first.message}"
