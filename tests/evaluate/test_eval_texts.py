"""Markings and origin (language-v2.md §8): one of, contains, matches, origin.

The pattern matcher is checked against Python's `re` (an independent oracle) on
random small patterns, and on hostile patterns and oversized texts for input
sizes; its time budget is measured in benchmarks/bench_patterns.py.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import tacl
from tacl.pipeline import analyze
from tacl.source import SourceFile
from tacl.standards import patterns

HEAD = 'contract "T-8" {\n  currency USD\n  product "P" {\n'


def contract(*lines: str):
    body = "".join(f"    {line}\n" for line in lines)
    return tacl.compile_source(HEAD + body + "  }\n}\n", name="t.tacl")


def errors(*lines: str):
    body = "".join(f"    {line}\n" for line in lines)
    source = SourceFile("t.tacl", HEAD + body + "  }\n}\n")
    return [d for d in analyze(source).diagnostics if d.severity == "error"]


def finding(compiled, clause: str, **product):
    report = {
        "tacl-report": 1,
        "contract": "T-8",
        "inspection": {"kind": "post-delivery", "date": "2026-04-24"},
        "products": {"P": product},
    }
    return next(f for f in compiled.evaluate(report).findings if f.clause == clause)


LABELS = contract(
    'marking rating-label one of "UL", "ETL"',
    'marking nameplate contains "220-240 V", "CE"',
    'marking batch matches "L#{5}@"',
    'origin "China" on care-label, carton',
)


@pytest.mark.parametrize(("value", "status"), [("ETL", "pass"), ("etl", "pass"), ("CSA", "fail")])
def test_one_of_accepts_each_listed_text(value, status) -> None:
    found = finding(LABELS, "products.P.marking.rating-label", marking={"rating-label": value})
    assert found.status == status


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("Model X 220-240 V~ 50 Hz CE", "pass"),
        ("model x  220-240 v~ ce", "pass"),  # case and spacing folded
        ("Model X 220-240 V~ CERTIFIED", "fail"),  # "CE" must stand as a word
        ("Model X 230 V~ CE", "fail"),
    ],
)
def test_contains_needs_every_text_as_whole_words(value, status) -> None:
    found = finding(LABELS, "products.P.marking.nameplate", marking={"nameplate": value})
    assert found.status == status


@pytest.mark.parametrize(
    ("value", "status"),
    [("L12345A", "pass"), ("l12345a", "pass"), ("L1234A", "fail"), ("L12345AB", "fail")],
)
def test_a_batch_code_matches_the_whole_pattern(value, status) -> None:
    found = finding(LABELS, "products.P.marking.batch", marking={"batch": value})
    assert found.status == status


def test_several_batch_codes_are_judged_each() -> None:
    found = finding(LABELS, "products.P.marking.batch", marking={"batch": ["L12345A", "L1234B"]})
    assert (found.status, found.message) == ("fail", '1 of 2 do not match: "L1234B"')


@pytest.mark.parametrize(
    ("value", "status"),
    [("Made in China", "pass"), ("MADE IN  CHINA", "pass"), ("Made in Indochina", "fail")],
)
def test_origin_names_the_country(value, status) -> None:
    found = finding(LABELS, "products.P.origin.carton", origin={"carton": value})
    assert found.status == status


def test_origin_for_the_whole_product() -> None:
    compiled = contract('origin "Viet Nam"')
    assert finding(compiled, "products.P.origin", origin="Made in Viet Nam").status == "pass"


@pytest.mark.parametrize(
    ("pattern", "message", "column"),
    [
        ("{3}", "`{3}` repeats nothing", 28),  # the string's first character is column 28
        ("L#{3", "`{` is not closed", 30),
        ("L#{5,2}", "`{5,2}` is not a repetition from N to M (N ≤ M, 1 ≤ M ≤ 1000)", 30),
        ("L#{2}{3}", "`{3}` repeats another repetition", 33),
        ("L\\q", "invalid escape `\\q` in a pattern", 29),
        ("#{1000}#{1000}#{1000}#{1000}#{1000}#{1000}#{1000}#{1000}#{1000}#{1000}?",
         "the pattern can match up to 10,001 characters; the limit is 10,000", 28),
    ],
)  # fmt: skip
def test_a_pattern_that_does_not_parse_is_located(pattern, message, column) -> None:
    (error,) = errors(f'marking batch matches "{pattern}"')
    assert (error.code, error.rule, error.message) == ("E236", "invalid-pattern", message)
    assert (error.span.line, error.span.column) == (4, column)
    assert error.help


# --- the matcher against Python's `re` -------------------------------------------------


@st.composite
def small_patterns(draw):
    items = draw(st.lists(st.sampled_from(["a", "b", "#", "@", "?", " "]), min_size=1, max_size=6))
    out = []
    for item in items:
        out.append(item)
        if draw(st.booleans()):
            low = draw(st.integers(0, 3))
            out.append(f"{{{low},{draw(st.integers(max(low, 1), 4))}}}")
    return "".join(out)


def _regex(pattern: str) -> str:
    """The same pattern in Python's syntax, for ASCII texts of a, b, 1, 2, A and spaces."""
    out = []
    for token in re.findall(r"\{\d+,\d+\}|.", pattern):
        if token.startswith("{"):
            out.append(token)
        else:
            out.append({"#": "[0-9]", "@": "[A-Za-z]", "?": "."}.get(token, re.escape(token)))
    return "".join(out)


@given(small_patterns(), st.text(alphabet="ab12A ", max_size=12))
def test_the_matcher_agrees_with_python_re(pattern: str, text: str) -> None:
    try:
        compiled = patterns.parse(pattern)
    except patterns.PatternError:  # spaces alone fold to nothing: an empty pattern, E236
        assume(False)
    folded = " ".join(text.split())
    # the tacl pattern folds its own spaces as text does; compare on what it kept
    kept = "".join(
        ("\\ " if i.char == " " else i.char if i.kind == "literal" else _CLASS[i.kind])
        + ("" if (i.low, i.high) == (1, 1) else f"{{{i.low},{i.high}}}")
        for i in compiled.items
    )
    expected = re.fullmatch(_regex(kept.replace("\\ ", " ")), folded, re.IGNORECASE) is not None
    assert compiled.matches(text) == expected


_CLASS = {"digit": "#", "letter": "@", "any": "?"}


# --- hostile input sizes ----------------------------------------------------------------


def test_a_text_longer_than_the_pattern_can_match_is_refused_by_length() -> None:
    pattern = patterns.parse("?{0,1000}" * 9 + "b")
    assert pattern.longest == 9001
    assert not pattern.matches("a" * 100_000)  # refused before any matching
    assert not pattern.matches("a" * 9001)  # the worst case the length allows: no `b`
    assert pattern.matches("a" * 9000 + "b")


@pytest.mark.parametrize("size", [10, 1_000, 10_000])
def test_nested_style_repetitions_match_at_every_size(size: int) -> None:
    pattern = patterns.parse("@{0,1000}" * 9 + "#")
    assert pattern.matches("a" * min(size, 9_000) + "7")
    assert not pattern.matches("a" * min(size, 9_000) + "x")


def test_a_hundred_thousand_character_report_value_is_an_error_not_a_stall() -> None:
    with pytest.raises(tacl.ReportError) as caught:
        finding(LABELS, "products.P.marking.batch", marking={"batch": "L" * 100_000})
    assert caught.value.path == "products.P.marking.batch"
    assert "100,000 characters; the limit is 10,000" in caught.value.message
