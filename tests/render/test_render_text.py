"""The text renderer's promises beyond its golden files: alignment, colour, edge cases."""

from __future__ import annotations

import random
import re

import pytest

from tacl.diagnostics import Diagnostic
from tacl.render.text import render_text, summary_line
from tacl.source import SourceFile

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def at(source: SourceFile, start: int, end: int, severity: str = "error", **kw) -> Diagnostic:
    fields = {"code": "E999", "rule": "test-rule", "message": "test message", "help": None}
    fields.update(kw)
    return Diagnostic(
        fields["code"],
        fields["rule"],
        severity,
        fields["message"],
        source.name,
        source.span(start, end),
        fields["help"],
    )


def frame(source: SourceFile, start: int, end: int, **kw) -> list[str]:
    return render_text([at(source, start, end, **kw)], {source.name: source}).splitlines()


def caret_line(lines: list[str]) -> tuple[int, int]:
    """(display offset after the `| `, number of carets) of the caret line."""
    line = next(line for line in lines if line.rstrip().endswith("^"))
    body = line.split("| ", 1)[1]
    return len(body) - len(body.lstrip(" ")), body.count("^")


def test_the_frame_shape():
    source = SourceFile("po.tacl", "size 420 mmm\n")
    lines = render_text(
        [at(source, 9, 12, message="unknown unit `mmm`", help="did you mean `mm`?")],
        {"po.tacl": source},
    ).splitlines()
    assert lines == [
        "error[E999] test-rule: unknown unit `mmm`",
        " --> po.tacl:1:10",
        "  |",
        "1 | size 420 mmm",
        "  |          ^^^",
        "  = help: did you mean `mm`?",
    ]


def test_gutter_is_as_wide_as_the_line_number():
    source = SourceFile("po.tacl", "x\n" * 120 + "bad\n")
    lines = frame(source, 240, 243)
    assert lines[1:5] == ["   --> po.tacl:121:1", "    |", "121 | bad", "    | ^^^"]


@pytest.mark.parametrize(
    ("text", "needle", "offset", "carets"),
    [
        ("a\tb", "b", 4, 1),  # tab at column 1 reaches the stop at 4
        ("\t\tb", "b", 8, 1),
        ("abc\tb", "b", 4, 1),  # tab after three characters: one column
        ("abcd\tb", "b", 8, 1),  # tab exactly on a stop: a full stop
        ("a\tb", "\tb", 1, 4),  # a caret for every column the tab takes
        ("名前\tb", "b", 8, 1),  # wide characters count two before the tab
        ("Größe x", "x", 6, 1),
        ("棉布 x", "x", 5, 1),
        ("棉布 x", "棉布", 0, 4),
        ("ｘｙ z", "z", 5, 1),  # fullwidth forms (F) are wide too
        ("e\u0301 x", "x", 2, 1),  # a combining accent takes no column
    ],
)
def test_carets_stay_under_their_text(text, needle, offset, carets):
    source = SourceFile("t.tacl", text)
    start = text.rindex(needle)
    assert caret_line(frame(source, start, start + len(needle))) == (offset, carets)


def test_tabs_are_expanded_in_the_source_line_too():
    source = SourceFile("t.tacl", "a\tb\n")
    assert frame(source, 2, 3)[3] == "1 | a   b"


def test_zero_width_span_gets_one_caret():
    source = SourceFile("t.tacl", "abc\n")
    assert caret_line(frame(source, 1, 1)) == (1, 1)


def test_span_past_the_line_end_gets_one_caret_more():
    source = SourceFile("t.tacl", "abc\ndef\n")
    lines = frame(source, 1, 6)
    assert caret_line(lines) == (1, 3)  # "bc" and the line break
    assert "def" not in "\n".join(lines)  # only the first line is shown


@pytest.mark.parametrize("text", ["", "abc", "abc\n", "abc\r\n", "abc\n\n"])
def test_span_at_end_of_file(text):
    source = SourceFile("t.tacl", text)
    lines = frame(source, len(text), len(text))
    line, column = source.position(len(text))
    assert lines[1] == f" --> t.tacl:{line}:{column}"
    last = source.line_text(line)
    assert lines[3] == f"{line} | {last}".rstrip()
    assert caret_line(lines) == (len(last), 1)


def test_no_span_shows_header_location_and_help_only():
    d = Diagnostic("W001", "missing-ship-date", "warning", "no ship date", "po.tacl", None, "add")
    text = render_text([d], {"po.tacl": SourceFile("po.tacl", "x\n")})
    assert text == "warning[W001] missing-ship-date: no ship date\n --> po.tacl\n  = help: add\n"


def test_file_missing_from_sources_gets_no_frame():
    source = SourceFile("po.tacl", "abc\n")
    text = render_text([at(source, 0, 1)], {})
    assert text == "error[E999] test-rule: test message\n --> po.tacl:1:1\n"


def test_nothing_to_render_is_the_empty_string():
    assert render_text([], {}) == ""


HOSTILE = SourceFile("evil\x1b[31m.tacl", 'name "\x1b[2J\x07bell\x9b31m" x\n')


def hostile_diagnostics() -> list[Diagnostic]:
    return [
        at(HOSTILE, 5, 17, message="bad `\x1b[0m`", help="try\nagain"),
        at(HOSTILE, 18, 19, severity="warning"),
        at(HOSTILE, 0, 4, severity="note"),
    ]


def test_without_color_there_is_no_escape_code_even_from_user_text():
    text = render_text(hostile_diagnostics(), {HOSTILE.name: HOSTILE})
    assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text
    assert "␛[2J␇bell" in text
    assert "try␊again" in text


def test_control_pictures_keep_the_carets_aligned():
    # column 18 is the `1` after the C1 control U+009B, which is shown as the six
    # characters `\u{9B}` (issue 8 item 14): the caret moves five columns right with it
    lines = frame(HOSTILE, 18, 19)
    assert caret_line(lines) == (23, 1)
    shown = lines[-2] if "^" not in lines[-2] else lines[-3]
    assert shown.split("| ", 1)[1][22] == "1"


def test_color_adds_only_escapes():
    diagnostics = hostile_diagnostics()
    sources = {HOSTILE.name: HOSTILE}
    colored = render_text(diagnostics, sources, color=True)
    plain = render_text(diagnostics, sources)
    assert ANSI.sub("", colored) == plain
    assert "\x1b[1;31merror[E999]" in colored
    assert "\x1b[1;33mwarning[E999]" in colored
    assert "\x1b[1;36mnote[E999]" in colored
    assert "\x1b[1;34m|\x1b[0m" in colored


def test_no_line_ends_in_whitespace():
    source = SourceFile("t.tacl", "abc   \n\n  \t\nx")
    diagnostics = [at(source, 3, 6), at(source, 7, 7), at(source, 8, 11), at(source, 12, 13)]
    text = render_text(diagnostics, {"t.tacl": source})
    assert all(line == line.rstrip() for line in text.splitlines())


def test_order_does_not_depend_on_input_order():
    source = SourceFile("t.tacl", "abc def\nghi\n")
    diagnostics = [at(source, i, i + 1, code=f"E{i % 3}") for i in range(11)]
    diagnostics += [Diagnostic("E5", "r", "note", "m", "a.tacl", None)]
    shuffled = diagnostics[:]
    random.Random(4).shuffle(shuffled)
    sources = {"t.tacl": source}
    assert render_text(shuffled, sources) == render_text(diagnostics, sources)
    assert render_text(diagnostics, sources).startswith("note[E5]")


def test_frames_are_separated_by_one_blank_line():
    source = SourceFile("t.tacl", "abc\n")
    text = render_text([at(source, 0, 1), at(source, 1, 2)], {"t.tacl": source})
    assert "\n\nerror[E999]" in text and "\n\n\n" not in text and text.endswith("^\n")


def diags(*severities: str) -> list[Diagnostic]:
    return [Diagnostic("X1", "r", s, "m", f"f{i}.tacl", None) for i, s in enumerate(severities)]


@pytest.mark.parametrize(
    ("severities", "files", "expected"),
    [
        ((), 3, "All 3 files clean."),
        ((), 1, "1 file clean."),
        ((), 0, "No files checked."),
        (("error",), 1, "Found 1 error in 1 file."),
        (("error", "error", "warning"), 3, "Found 2 errors and 1 warning in 3 files."),
        (("warning", "warning"), 2, "Found 2 warnings in 2 files."),
        (("note",), 5, "Found 1 note in 5 files."),
        (("note", "error", "warning"), 4, "Found 1 error, 1 warning and 1 note in 4 files."),
        (("error", "note", "note"), 3, "Found 1 error and 2 notes in 3 files."),
        (("error", "error"), 1, "Found 2 errors in 2 files."),  # never fewer than named
    ],
)
def test_summary_line(severities, files, expected):
    assert summary_line(diags(*severities), files) == expected
