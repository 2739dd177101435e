"""Property tests: generated contracts format idempotently and keep their meaning.

1. Contracts generated from the grammar (`grammar_strategy.contracts`): for
   every one that parses, fmt succeeds (its safety net checks tree, comments,
   fingerprint and stability), fmt(fmt(x)) == fmt(x), and the parser and the
   compiler raise nothing but diagnostics.
2. Canonical files with their layout scrambled (white space between tokens,
   indentation, trailing white space, CRLF, `+/-` for `±`, `×` for `x`) format
   back to exactly the canonical text: layout never matters.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tacl.fmt.formatter import format_source
from tacl.pipeline import analyze
from tacl.source import SourceFile

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
_spec = importlib.util.spec_from_file_location(
    "tacl_fmt_grammar_strategy", HERE / "grammar_strategy.py"
)
grammar_strategy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(grammar_strategy)

CANONICAL = sorted(HERE.glob("cases/*.out.tacl")) + sorted(ROOT.glob("examples/**/*.tacl"))


def fmt(text: str) -> str:
    result = format_source(SourceFile("generated.tacl", text))
    assert result.text is not None, result.diagnostics
    return result.text


@given(grammar_strategy.contracts())
def test_generated_contracts_format_idempotently_and_keep_their_meaning(text):
    analysis = analyze(SourceFile("generated.tacl", text))  # must raise nothing
    assume(analysis.module is not None)
    once = fmt(text)
    assert fmt(once) == once
    again = analyze(SourceFile("generated.tacl", once))
    assert again.module == analysis.module
    if analysis.contract is not None:
        assert again.contract.sha256 == analysis.contract.sha256


# --- scrambled layout -------------------------------------------------------------

_STRING_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"|#(?=[ \t]|$).*')
_SPACES = st.sampled_from([" ", "  ", "\t", " \t ", "\ufeff "])


def _code_parts(line: str):
    """Alternating (code, literal) pieces: strings and comments are never touched."""
    position = 0
    for match in _STRING_OR_COMMENT.finditer(line):
        yield line[position : match.start()], match.group()
        position = match.end()
    yield line[position:], ""


def _scramble_code(code: str, draw) -> str:
    code = re.sub(" x ", lambda m: draw(st.sampled_from([" x ", "×", " × ", "x "])), code)
    code = code.replace("±", draw(st.sampled_from(["±", "+/-"])))
    return re.sub(" +", lambda m: draw(_SPACES), code)


def _scramble_line(line: str, draw) -> str:
    indent = draw(st.sampled_from(["", " ", "\t", "      ", "\t  "]))
    parts = [
        _scramble_code(code, draw) + literal for code, literal in _code_parts(line.lstrip(" "))
    ]
    trailing = draw(st.sampled_from(["", "", " ", "\t "]))
    return indent + "".join(parts) + trailing


@st.composite
def scrambled(draw, text: str) -> str:
    lines = [_scramble_line(line, draw) if line else line for line in text.split("\n")[:-1]]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    end = draw(st.sampled_from(["", newline]))
    return newline.join(lines) + end


@pytest.mark.parametrize(
    "path", CANONICAL, ids=lambda p: p.name if "cases" in str(p) else p.parent.name
)
@settings(max_examples=max(10, settings().max_examples // 3))
@given(data=st.data())
def test_scrambled_layout_formats_back_to_the_canonical_text(path, data):
    canonical = fmt(path.read_text(encoding="utf-8"))  # examples may not be canonical yet
    text = data.draw(scrambled(canonical))
    assert fmt(text) == canonical
