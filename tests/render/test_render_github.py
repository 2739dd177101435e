"""`render_github`: workflow commands GitHub Actions turns into annotations."""

from __future__ import annotations

import pytest

from tacl.diagnostics import Diagnostic
from tacl.render.github import escape_data, escape_property, render_github
from tacl.source import SourceFile

SOURCE = SourceFile("po.tacl", "size 420 x 180 x 120 mmm ± 2 mm\n")


def test_an_error_with_position_title_and_help():
    d = Diagnostic(
        "E104",
        "unknown-unit",
        "error",
        "unknown unit `mmm`",
        "po.tacl",
        SOURCE.span(21, 24),
        "did you mean `mm`?",
    )
    assert render_github([d]) == (
        "::error file=po.tacl,line=1,col=22,endLine=1,endColumn=25,"
        "title=E104 unknown-unit::unknown unit `mmm`%0Ahelp: did you mean `mm`?\n"
    )


@pytest.mark.parametrize(
    ("severity", "command"), [("error", "error"), ("warning", "warning"), ("note", "notice")]
)
def test_severity_to_command(severity, command):
    d = Diagnostic("X1", "r", severity, "m", "po.tacl", None)
    assert render_github([d]) == f"::{command} file=po.tacl,title=X1 r::m\n"


def test_data_escapes_percent_cr_lf_and_nothing_else():
    assert escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert escape_data("%0A") == "%250A"  # the escape character first, never twice


def test_property_escapes_colon_and_comma_too():
    assert escape_property("C:\\a,b%\n.tacl") == "C%3A\\a%2Cb%25%0A.tacl"


def test_hostile_file_name_and_message_stay_one_command():
    d = Diagnostic(
        "E1",
        "r",
        "error",
        "line one\n::error::injected",
        "dir,x/a:b\n.tacl",
        SourceFile("dir,x/a:b\n.tacl", "abc").span(0, 1),
        "100% sure",
    )
    text = render_github([d])
    assert text.count("\n") == 1 and text.endswith("\n")
    assert text == (
        "::error file=dir%2Cx/a%3Ab%0A.tacl,line=1,col=1,endLine=1,endColumn=2,"
        "title=E1 r::line one%0A::error::injected%0Ahelp: 100%25 sure\n"
    )


def test_sorted_and_empty():
    a = Diagnostic("E2", "r", "error", "m", "b.tacl", None)
    b = Diagnostic("E1", "r", "error", "m", "a.tacl", None)
    assert render_github([a, b]).splitlines()[0].startswith("::error file=a.tacl")
    assert render_github([]) == ""
