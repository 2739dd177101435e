"""The generated parser behaves exactly as Lark does with the same grammar.

`tacl.syntax.lalr` drives tables written ahead of time; Lark itself (which only the
generator and these tests import) is the reference. For every input — the bundled
examples, each with every line dropped or cut short, single-character edits, and
random edits drawn by Hypothesis — both give the same AST with the same spans, the
same comments, or the same error: kind, position, token, expected terminals, the
exact `accepts` set and the value stack the diagnostics read open blocks from.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import lark
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tacl.source import Span
from tacl.syntax import lalr, reduce
from tacl.syntax.build import AstBuilder
from tacl.syntax.generate import reference_parser
from tacl.syntax.parser import get_parser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [p.read_text("utf-8") for p in sorted(ROOT.glob("examples/**/*.tacl"))]


def _token(tok: lark.Token) -> lalr.Token:
    span = Span(tok.start_pos, tok.end_pos, tok.line, tok.column, tok.end_line, tok.end_column)
    return lalr.Token(tok.type, str(tok), span)


class _LarkBuilder:
    """AstBuilder behind Lark: each callback gets our tokens instead of Lark's."""

    def __init__(self):
        self._builder = AstBuilder()

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        method = getattr(self._builder, name)

        def call(children):
            return method([_token(c) if isinstance(c, lark.Token) else c for c in children])

        return call


_COMMENTS: list = []
_REFERENCE = reference_parser(
    transformer=_LarkBuilder(), lexer_callbacks={"COMMENT": _COMMENTS.append}
)


def dump(value):
    """A comparable picture of a node, token or list, spans included."""
    if isinstance(value, (lark.Token, lalr.Token)):
        tok = _token(value) if isinstance(value, lark.Token) else value
        return ("token", tok.type, tok.value, tuple(tok.span))
    if isinstance(value, lark.Tree) and value.data.startswith("_"):
        return dump(value.children)  # ours hands an inlined `_rule` on as a plain list
    if isinstance(value, (lark.Tree, reduce.Tree)):
        return ("tree", value.data, dump(value.children))
    if isinstance(value, (list, tuple)):
        return [dump(v) for v in value]
    if attrs.has(type(value)):
        return (
            type(value).__name__,
            *(dump(getattr(value, f.name)) for f in attrs.fields(type(value))),
        )
    return value


def ours(text: str):
    try:
        result, comments = get_parser().parse(text)
    except lalr.UnexpectedCharacters as exc:
        return ("characters", exc.pos_in_stream, exc.line, exc.column, sorted(exc.allowed))
    except lalr.UnexpectedToken as exc:
        return (
            "token",
            dump(exc.token),
            sorted(exc.expected),
            sorted(exc.accepts),
            dump(exc.value_stack),
        )
    return ("ok", dump(result), dump(comments))


def theirs(text: str):
    _COMMENTS.clear()
    try:
        result = _REFERENCE.parse(text)
    except lark.exceptions.UnexpectedCharacters as exc:
        return ("characters", exc.pos_in_stream, exc.line, exc.column, sorted(exc.allowed))
    except lark.exceptions.UnexpectedToken as exc:
        token = exc.token
        if token.type == "$END" and token.end_pos is None:  # Lark's `$END` of an empty text
            token = lalr.Token("$END", "", Span(0, None, 1, 1, None, None))
        return (
            "token",
            dump(token),
            sorted(exc.expected),
            sorted(exc.accepts),
            dump(exc.interactive_parser.parser_state.value_stack),
        )
    return ("ok", dump(result), dump(list(_COMMENTS)))


def same(text: str) -> None:
    assert ours(text) == theirs(text), text


def variants(text: str):
    """Every other line dropped, the others cut in half."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i % 2:
            yield "\n".join(lines[:i] + lines[i + 1 :])
        else:
            yield "\n".join(lines[:i] + [line[: len(line) // 2]] + lines[i + 1 :])


@pytest.mark.parametrize("index", range(len(EXAMPLES)))
def test_examples_and_their_broken_lines_parse_as_lark_parses_them(index: int) -> None:
    text = EXAMPLES[index]
    same(text)
    for variant in variants(text):
        same(variant)


EDITS = ['"', "#", "-", "{", "}", "x", ",", "€", "\n", " ", "1", "(", "±", "é", "\r", "\t"]


@pytest.mark.parametrize("edit", EDITS)
def test_single_character_edits_fail_as_lark_fails(edit: str) -> None:
    text = EXAMPLES[0]
    for pos in range(0, len(text), max(1, len(text) // 40)):
        same(text[:pos] + edit + text[pos + 1 :])
        same(text[:pos] + edit + text[pos:])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n",
        "# only a comment\n",
        'contract "C" {',
        'contract "C" {\n',
        'contract "C" {\n}\n',
        'contract "C" {\n  product "P" {\n    size 10 x 20 mm\n',
        'contract "C" {\n  product "P" {\n    size 10 xylophone 20 mm\n  }\n}\n',
        'contract "C" {\n  incoterm x "Shenzhen"\n}\n',
        'contract "C" {\n  product "P" {\n    color x(1, 2)\n  }\n}\n',
        'contract "C" {\n  product "P" {\n    material one "A"\n  }\n}\n',
        'contract "C" {\n  product "P" {\n    material one of "A", "B"\n  }\n}\n',
        'contract "C" {\n  product "P" {\n    color lab(50, -2, 3) ± 2 dE00\n  }\n}\n',
        'contract "C" {\n  product "P" {\n    color lab(50, -2, 3) ± 2 ΔE\n  }\n}\n',
        'contract "C" {\n  product "P" {\n    weight -1 kg\n  }\n}\n',
        'contract "C" {\r\n  buyer "A"\r\n}\r\n',
        '\ufeffcontract "C" {\n}\n',
        'contract "C" { buyer "A" }\n',
        'contract "C" {\n  buyer "A\n}\n',
    ],
)
def test_edge_cases_match_lark(text: str) -> None:
    same(text)


@given(
    st.sampled_from(EXAMPLES),
    st.integers(0, 10_000),
    st.integers(0, 12),
    st.text(st.sampled_from(' \t\n"#-{}x,(),1a.±×%/+'), max_size=4),
)
def test_random_edits_match_lark(text: str, at: int, cut: int, insert: str) -> None:
    at %= len(text) + 1
    same(text[:at] + insert + text[at + cut :])
