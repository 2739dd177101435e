"""Every contract under examples/ compiles, and no two examples mean the same.

The examples are parametrised over the glob, so a new `examples/<trade>/*.tacl`
is picked up without touching this file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import tacl
from tacl.pipeline import compile_source_file, decode_source

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("**/*.tacl"))


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT / "examples"))


def test_there_are_examples():
    assert len(EXAMPLES) >= 7
    assert all(path.stat().st_size > 0 for path in EXAMPLES)


@pytest.mark.parametrize("path", EXAMPLES, ids=_id)
def test_example_compiles(path: Path):
    contract = tacl.load(path)
    assert len(contract.sha256) == 64
    assert contract.products, "an example contract orders something"
    assert contract.clauses


@pytest.mark.parametrize("path", EXAMPLES, ids=_id)
def test_example_fingerprint_ignores_layout(path: Path):
    """A BOM, CRLF line ends and tabs for indentation do not change the meaning."""
    text = path.read_text(encoding="utf-8")
    relaid = "\ufeff" + re.sub(r"(?m)^(  )+", lambda m: "\t" * (len(m[0]) // 2), text)
    relaid = relaid.replace("\n", "\r\n")
    source = decode_source(relaid.encode("utf-8"), path.name)
    assert compile_source_file(source).sha256 == tacl.load(path).sha256


def test_examples_have_distinct_fingerprints():
    seen: dict[str, Path] = {}
    for path in EXAMPLES:
        digest = tacl.load(path).sha256
        assert digest not in seen, f"{_id(path)} means the same as {_id(seen[digest])}"
        seen[digest] = path
    assert len(seen) == len(EXAMPLES)
