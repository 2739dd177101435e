"""The run-time lexer's shortcuts: which root alternation each parser state is matched
with, and that words take the fast path (Lark-equality is test_syntax_lalr.py's job)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tacl.syntax import lalr, tables
from tacl.syntax.lexer_facts import fast_alternatives, shadowing, without
from tacl.syntax.parser import get_parser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(ROOT.glob("examples/**/*.tacl"))

# A root lexer as Lark orders it: UNIT (matches any word) before WORD; keywords that
# either can match are folded into them.
TOY_ROOT = (
    ("DATE", "UNIT", "WORD", "NUMBER", "WS"),
    {"UNIT": {"carton": "CARTON"}, "WORD": {"carton": "CARTON"}},
)
TOY_TERMINALS = {
    "DATE": ("re", "", "[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    "UNIT": ("re", "", "[A-Za-z][A-Za-z0-9]*"),
    "WORD": ("re", "", "[A-Za-z]+"),
    "NUMBER": ("re", "", "[0-9]+"),
    "WS": ("re", "", " +"),
    "CARTON": ("str", "carton", "carton"),
}


@pytest.mark.parametrize(
    ("alternatives", "dropped"),
    [
        (("WORD", "WS"), ("UNIT",)),  # UNIT would shadow every word
        (("UNIT", "NUMBER", "WS"), ()),  # takes UNIT itself
        (("UNIT", "WORD", "WS"), ()),
        (("CARTON", "NUMBER", "WS"), ()),  # no folding regex: the keyword comes from UNIT
        (("NUMBER", "WS"), ()),
    ],
)
def test_a_folding_regex_the_state_does_not_take_is_left_out_before_one_it_does(
    alternatives, dropped
) -> None:
    assert shadowing(alternatives, TOY_ROOT) == dropped


def test_without_the_shadowing_regex_the_state_word_is_fast() -> None:
    alternatives = ("WORD", "NUMBER", "WS")  # CARTON is folded into WORD here
    own = without(TOY_ROOT, shadowing(alternatives, TOY_ROOT))
    assert own == (("DATE", "WORD", "NUMBER", "WS"), {"WORD": {"carton": "CARTON"}})
    assert fast_alternatives(alternatives, own, TOY_TERMINALS) == alternatives


def test_the_whole_root_comes_first_and_names_unexpected_tokens() -> None:
    assert tables.ROOTS[0] == ()
    assert all(0 <= lexer[2] < len(tables.ROOTS) for lexer in tables.LEXERS)


def test_words_never_go_to_the_per_state_lexer_in_the_examples(monkeypatch) -> None:
    """Where a state takes a WORD, a word or keyword is lexed from the root's match:
    before each state was matched with its own root, `UNIT` (which matches any word)
    shadowed WORD there and sent ~1 token in 5 of a contract down the slow path."""
    word = re.compile(tables.TERMINALS["WORD"][2])
    slow = []
    scan = lalr._slow_scan

    def counting(text, pos, line, line_start, states, values):
        kind, value = scan(text, pos, line, line_start, states, values)
        lexer = lalr._STATE_LEXERS[states[-1]]
        if "WORD" in lexer.alternatives and word.fullmatch(value):
            slow.append((kind, value, line))
        return kind, value

    monkeypatch.setattr(lalr, "_slow_scan", counting)
    for path in EXAMPLES:
        get_parser().parse(path.read_text("utf-8"))
    assert slow == []
