"""docs/language.md §14 stays true: each error's example gives the error it shows.

Every `### EXXX `rule`` entry with a `tacl` example and a `text` output is
compiled here (but for the file-level E0xx errors and an abbreviated sketch): it must be a
whole contract a reader can run, its first diagnostic that code and rule, and its first line
exactly the one the page prints.
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
        file_level = match.group(1) < "E100"  # E0xx: about the file, no contract to show
        sketch = "…(" in blocks.get("tacl", "")  # `"xxxx…(10,001 characters)…xxxx"`
        if "text" in blocks and not file_level and not sketch:
            yield pytest.param(match.group(1), match.group(2), blocks, id=match.group(1))


@pytest.mark.parametrize("code, rule, blocks", list(entries()))
def test_the_documented_example_gives_the_documented_error(code, rule, blocks):
    assert re.search(r"^contract ", blocks.get("tacl", ""), re.M), (
        f"{code}'s example is not a whole contract: a reader cannot run it"
    )
    diagnostics = analyze(SourceFile("po.tacl", blocks["tacl"])).diagnostics
    assert diagnostics, f"the example of {code} compiles"
    first = diagnostics[0]
    assert (first.code, first.rule) == (code, rule)
    shown = blocks["text"].splitlines()[0]
    assert shown == f"error[{first.code}] {first.rule}: {first.message}"
