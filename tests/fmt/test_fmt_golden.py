"""Formatter golden cases: tests/fmt/cases/<name>.in.tacl → <name>.out.tacl.

Each case is also checked for what the safety net promises, independently of
the safety net itself: the output is a fixed point, parses to an equal syntax
tree and keeps the fingerprint. Set TACL_UPDATE_GOLDEN=1 to rewrite the
`.out.tacl` files, then review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tacl.fmt.formatter import format_source
from tacl.pipeline import analyze, decode_source
from tacl.source import SourceFile
from tacl.syntax import ast

CASES = Path(__file__).parent / "cases"
ROOT = Path(__file__).resolve().parents[2]
UPDATE = bool(os.environ.get("TACL_UPDATE_GOLDEN"))
NAMES = sorted(p.name[: -len(".in.tacl")] for p in CASES.glob("*.in.tacl"))
EXAMPLES = sorted(ROOT.glob("examples/**/*.tacl"))


def fmt(source: SourceFile) -> str:
    result = format_source(source)
    assert result.text is not None, result.diagnostics
    return result.text


def read_case(name: str) -> SourceFile:
    return decode_source((CASES / f"{name}.in.tacl").read_bytes(), f"{name}.in.tacl")


@pytest.mark.parametrize("name", NAMES)
def test_case_matches_golden(name):
    out = fmt(read_case(name))
    golden = CASES / f"{name}.out.tacl"
    if UPDATE:
        golden.write_bytes(out.encode("utf-8"))
    assert golden.exists(), f"no golden file; run with TACL_UPDATE_GOLDEN=1 to create {golden}"
    assert out == golden.read_bytes().decode("utf-8")


def assert_layout_only(before: SourceFile, out: str) -> None:
    """What fmt must keep, checked here without trusting the formatter's own net."""
    a, b = analyze(before), analyze(SourceFile(before.name, out))
    assert b.module == a.module
    assert [c.text for c in b.module.comments] == [
        c.text.rstrip(" \t\f\ufeff") for c in a.module.comments
    ]
    assert (a.contract is None) == (b.contract is None)
    if a.contract is not None:
        assert b.contract.sha256 == a.contract.sha256
    assert fmt(SourceFile(before.name, out)) == out  # idempotent
    assert out.endswith("\n") and not out.endswith("\n\n")
    assert "\r\n" not in out


@pytest.mark.parametrize("name", NAMES)
def test_case_keeps_meaning_and_is_idempotent(name):
    source = read_case(name)
    assert_layout_only(source, fmt(source))


@pytest.mark.parametrize("name", NAMES)
def test_crlf_and_bom_variants_give_the_same_output(name):
    text = read_case(name).text.replace("\r\n", "\n")
    expected = fmt(SourceFile(name, text))
    crlf = "\ufeff" + text.replace("\n", "\r\n")
    assert fmt(decode_source(crlf.encode("utf-8"), name)) == expected


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_example_is_idempotent_and_keeps_its_fingerprint(path):
    source = decode_source(path.read_bytes(), str(path))
    out = fmt(source)
    assert_layout_only(source, out)


def _statement_types(node) -> set[type]:
    found = {type(node)}
    for child in getattr(node, "statements", ()):
        found |= _statement_types(child)
    return found


def test_cases_cover_every_statement_kind():
    from tacl.fmt.statements import _PHRASES

    seen: set[type] = set()
    for name in NAMES:
        module = analyze(read_case(name)).module
        seen |= _statement_types(module.contract)
    kinds = {str(b.kind) for name in NAMES for b in _blocks(analyze(read_case(name)).module)}
    assert set(_PHRASES) <= seen, sorted(t.__name__ for t in set(_PHRASES) - seen)
    assert {"shipment", "packaging", "inspection", "claims", "defects", "remedies"} <= kinds
    assert ast.Product in seen


def _blocks(module):
    stack = [module.contract]
    while stack:
        node = stack.pop()
        for child in getattr(node, "statements", ()):
            if isinstance(child, (ast.Block, ast.Shipment)):
                yield child
            stack.append(child)
