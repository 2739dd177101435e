"""docs/formatting.md stays true: its before/after example is what `tacl fmt` does."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tacl.fmt.formatter import format_text

DOC = Path(__file__).resolve().parents[2] / "docs" / "formatting.md"


def _example(label: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(re.escape(label) + r"\n\n```tacl\n(.*?)```", text, re.S)
    assert match, f"docs/formatting.md has no example after {label!r}"
    return match.group(1)


def test_before_formats_to_after():
    before, after = _example("Before:"), _example("After `tacl fmt`:")
    assert before != after
    assert format_text(before) == after
    assert format_text(after) == after


def test_the_language_specs_complete_example_is_canonical():
    """The normative example of spec/language.md §1 is what `tacl fmt` prints."""
    spec = Path(os.environ.get("TACL_SHARED", DOC.parents[2] / "shared")) / "spec" / "language.md"
    if not spec.exists():
        pytest.skip(f"{spec} not available")
    example = re.search(r"```tacl\n(.*?)```", spec.read_text(encoding="utf-8"), re.S).group(1)
    assert format_text(example) == example
