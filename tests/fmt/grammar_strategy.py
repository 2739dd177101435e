"""Contracts generated from the grammar itself, for the formatter's property tests.

`hypothesis.extra.lark.from_lark` walks the grammar's rules but never puts white
space between tokens (`%ignore`d terminals are only sprinkled in at random), so
`ship` `by` would come out as `shipby`. Every terminal therefore gets an
explicit strategy that prefixes some white space; line ends (`_NL`) carry the
comments and blank lines, so comments turn up in every position the grammar
allows. Literal terminals mix plausible values (so that some generated
contracts also compile and their fingerprint is checked) with anything the
terminal's regular expression accepts.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark

from tacl.syntax.generate import grammar_text

_WS = st.sampled_from([" ", " ", " ", "  ", "\t", " \f", "\ufeff "])
_TIGHT = {"PERCENT", "LPAR", "RPAR", "COMMA", "SLASH", "MINUS", "PLUS", "PLUSMINUS"}
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",))

_NEWLINES = st.sampled_from(
    [
        "\n",
        "\n",
        "\n",
        "\r\n",
        "\n\n",
        "  # a trailing comment\n",
        "\n# an own-line comment\n",
        "\n\t  # indented badly   \n\n",
        " #\n",
        "\n \t \n\n",
    ]
)

_PLAUSIBLE = {
    "STRING": ['"Acme Imports GmbH"', '"DL-200"', '"ABS"', '"power on"', '"4006381333931"', '""'],
    "NUMBER": ["0", "1", "2", "2.5", "4.0", "12.50", "1_000", "30", "0.065", "10000", "90"],
    "WORD": ["mm", "kg", "g", "pcs", "USD", "FOB", "II", "S-4", "body", "EAN-13", "dE", "x"],
    "DATE": ["2026-01-10", "2026-03-15", "2026-04-30", "2026-02-30"],
    "HEX": ["#1A1A1A", "#ffffff"],
}
_PATTERNS = {"HEX": r"#[0-9A-Fa-f]{6}"}  # the grammar's look-ahead is not generated


def grammar_parser() -> Lark:
    """The grammar as a plain Lark object (no transformer): what `from_lark` walks."""
    return Lark(grammar_text(), parser="lalr", lexer="contextual")


def _literal(name: str, pattern: str) -> st.SearchStrategy[str]:
    drawn = st.from_regex(_PATTERNS.get(name, pattern), fullmatch=True, alphabet=_CHARS)
    plausible = _PLAUSIBLE.get(name)
    return drawn if plausible is None else st.one_of(st.sampled_from(plausible), drawn)


def _terminal(definition) -> st.SearchStrategy[str]:
    pattern = definition.pattern
    if pattern.type == "str":
        token = st.just(pattern.value)
    else:
        token = _literal(definition.name, pattern.to_regexp())
    space = st.one_of(st.just(""), _WS) if definition.name in _TIGHT else _WS
    return st.tuples(space, token).map("".join)


def contracts() -> st.SearchStrategy[str]:
    """Strings from the grammar's `start` rule; most of them parse."""
    parser = grammar_parser()
    explicit = {t.name: _terminal(t) for t in parser.terminals if t.name not in ("_NL", "WS")}
    explicit.update({"_NL": _NEWLINES, "WS": st.just(" "), "COMMENT": st.just("")})
    return from_lark(parser, start="start", explicit=explicit, alphabet=_CHARS)
