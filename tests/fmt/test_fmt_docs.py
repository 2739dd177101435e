"""docs/formatting.md stays true: its before/after example is what `tacl fmt` does."""

from __future__ import annotations

import re
from pathlib import Path

from tacl.fmt.formatter import format_text

DOC = Path(__file__).resolve().parents[2] / "docs" / "formatting.md"
SPEC_EXAMPLE = (
    Path(__file__).resolve().parents[1] / "data" / "spec" / "language-section1-example.tacl"
)


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
    """The normative example of the language spec (§1) is what `tacl fmt` prints.

    The spec lives outside this repository, so the example is a verbatim copy in
    tests/data/spec/ (see tests/data/SOURCES.md); the bundled lamp order is the
    same contract with one suppression comment added.
    """
    example = SPEC_EXAMPLE.read_text(encoding="utf-8")
    assert format_text(example) == example
    lamps = (DOC.parents[1] / "examples" / "lamps" / "po.tacl").read_text(encoding="utf-8")
    suppression = "  # tacl: ignore[coverage-below-order-value]"
    kept = [line for line in lamps.splitlines(True) if not line.startswith(suppression)]
    assert "".join(kept) == example
