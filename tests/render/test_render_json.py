"""`render_json`: exactly the object of cli.md, in one stable order."""

from __future__ import annotations

import json
import random

from tacl.diagnostics import Diagnostic
from tacl.render.json import render_json
from tacl.source import SourceFile

# The keys of a diagnostic, in the order cli.md shows them.
CLI_KEYS = [
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "code",
    "rule",
    "message",
    "help",
]

SOURCE = SourceFile("po.tacl", "product 台灯 {\n  size 420 x 180 x 120 mmm ± 2 mm\n}\n")


def unknown_unit() -> Diagnostic:
    start = SOURCE.text.index("mmm")
    return Diagnostic(
        "E104",
        "unknown-unit",
        "error",
        "unknown unit `mmm`",
        "po.tacl",
        SOURCE.span(start, start + 3),
        "did you mean `mm`?",
    )


def test_the_cli_md_example():
    parsed = json.loads(render_json([unknown_unit()]))
    assert parsed == {
        "diagnostics": [
            {
                "file": "po.tacl",
                "line": 2,
                "column": 24,
                "end_line": 2,
                "end_column": 27,
                "severity": "error",
                "code": "E104",
                "rule": "unknown-unit",
                "message": "unknown unit `mmm`",
                "help": "did you mean `mm`?",
            }
        ]
    }


def test_keys_in_cli_md_order():
    no_span = Diagnostic("W001", "missing-ship-date", "warning", "m", "po.tacl", None)
    parsed = json.loads(render_json([unknown_unit(), no_span]))
    assert list(parsed) == ["diagnostics"]
    for item in parsed["diagnostics"]:
        assert list(item) == CLI_KEYS


def test_layout_one_diagnostic_a_line_newline_at_end():
    text = render_json([unknown_unit(), unknown_unit()])
    lines = text.split("\n")
    assert lines[0] == '{"diagnostics": ['
    assert lines[1].startswith('  {"file": "po.tacl", "line": 2, "column": 24,')
    assert lines[-2] == "]}" and lines[-1] == ""


def test_empty():
    assert render_json([]) == '{"diagnostics": []}\n'
    assert json.loads(render_json([])) == {"diagnostics": []}


def test_non_ascii_kept_as_is():
    d = Diagnostic("W401", "vague-wording", "warning", "`优质` is vague", "größe.tacl", None)
    text = render_json([d])
    assert "`优质` is vague" in text and "größe.tacl" in text and "\\u" not in text


def test_sorted_by_file_line_column_code_whatever_the_input_order():
    def at(name: str, start: int, code: str) -> Diagnostic:
        return Diagnostic(
            code, "r", "error", "m", name, SourceFile(name, SOURCE.text).span(start, start)
        )

    diagnostics = [
        at("b.tacl", 0, "E1"),
        at("a.tacl", 20, "E2"),
        at("a.tacl", 20, "E1"),
        at("a.tacl", 3, "E9"),
        at("a.tacl", 16, "E1"),
        Diagnostic("E0", "r", "note", "m", "b.tacl", None),
    ]
    expected = render_json(diagnostics)
    for seed in range(5):
        shuffled = diagnostics[:]
        random.Random(seed).shuffle(shuffled)
        assert render_json(shuffled) == expected
    order = [
        (d["file"], d["line"], d["column"], d["code"]) for d in json.loads(expected)["diagnostics"]
    ]
    assert order == [
        ("a.tacl", 1, 4, "E9"),
        ("a.tacl", 2, 4, "E1"),
        ("a.tacl", 2, 8, "E1"),
        ("a.tacl", 2, 8, "E2"),
        ("b.tacl", 1, 1, "E0"),  # no span: first in its file
        ("b.tacl", 1, 1, "E1"),
    ]
