"""`# tacl: ignore[...]`: on the finding's line (trailing) or alone on the line above."""

from __future__ import annotations

from pathlib import Path

import tacl

BASE = (Path(__file__).parent / "fixtures" / "incoterm-without-place" / "good.tacl").read_text(
    "utf-8"
)
LINE = 'incoterm FOB "Shenzhen"'


def lint(replacement: str) -> list[str]:
    text = BASE.replace(LINE, replacement)
    return sorted(f"{d.rule}@{d.span.line}" for d in tacl.lint_source(text))


def test_finding_without_suppression():
    assert lint("incoterm FOB") == ["incoterm-without-place@14"]


def test_trailing_comment_silences_its_line():
    assert lint("incoterm FOB  # tacl: ignore[incoterm-without-place] agreed by phone") == []


def test_comment_alone_on_the_line_above_silences_the_next_line():
    assert lint("# tacl: ignore[W162] the port is in the booking\n    incoterm FOB") == []


def test_code_prefix_silences_a_group():
    assert lint("incoterm FOB  # tacl: ignore[W16]") == []


def test_comment_two_lines_above_does_not_silence():
    assert lint("# tacl: ignore[W162]\n\n    incoterm FOB") == [
        "incoterm-without-place@16",
        "unused-suppression@14",
    ]


def test_trailing_comment_does_not_reach_the_next_line():
    text = BASE.replace("ship by 2026-03-15", "ship by 2026-03-15  # tacl: ignore[W162]")
    text = text.replace(LINE, "incoterm FOB")
    assert sorted(d.rule for d in tacl.lint_source(text)) == [
        "incoterm-without-place",
        "unused-suppression",
    ]


def test_another_rule_on_the_same_line_is_not_silenced():
    assert lint("incoterm FOB  # tacl: ignore[vague-wording]") == [
        "incoterm-without-place@14",
        "unused-suppression@14",
    ]


def test_unused_name_is_not_judged_when_its_rule_is_off():
    text = BASE.replace(LINE, "incoterm FOB  # tacl: ignore[vague-wording, W162]")
    assert tacl.lint_source(text, config={"ignore": ["vague-wording"]}) == []
    found = tacl.lint_source(text)
    assert [(d.rule, d.message) for d in found] == [
        ("unused-suppression", "`vague-wording` silences nothing here")
    ]


def test_unknown_name_in_a_comment_is_reported_and_silences_nothing():
    found = tacl.lint_source(BASE.replace(LINE, "incoterm FOB  # tacl: ignore[incoterm-no-place]"))
    assert sorted((d.rule, d.help) for d in found) == [
        ("incoterm-without-place", 'name the port or place: `incoterm FOB "Shenzhen"`'),
        ("unknown-rule", "did you mean `incoterm-without-place`?"),
    ]


def test_bare_ignore_is_reported_and_silences_nothing():
    found = tacl.lint_source(BASE.replace(LINE, "incoterm FOB  # tacl: ignore"))
    assert sorted(d.rule for d in found) == ["incoterm-without-place", "unknown-rule"]
    assert "names no rule" in next(d.message for d in found if d.rule == "unknown-rule")


def test_suppression_of_a_block_head_finding():
    text = BASE.replace("  claims {", "  # tacl: ignore[missing-claims]\n  claims {")
    text = text.replace("    supplier response within 15 days\n", "")
    assert tacl.lint_source(text) == []
