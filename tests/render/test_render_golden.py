"""Golden files for every renderer: the user-facing output, stored and reviewed as a diff.

Regenerate with `TACL_UPDATE_GOLDEN=1 python3 -m pytest tests/render`, then review
`git diff tests/render/golden`. The flag is read here (not in a conftest) so the
render tests own it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tacl.diagnostics import Diagnostic
from tacl.render.github import render_github
from tacl.render.json import render_json
from tacl.render.sarif import RuleInfo, render_sarif
from tacl.render.text import render_text
from tacl.source import SourceFile

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("TACL_UPDATE_GOLDEN") == "1"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write(actual)
        return
    assert path.exists(), f"no golden file {path}; run with TACL_UPDATE_GOLDEN=1"
    with open(path, encoding="utf-8", newline="") as file:
        expected = file.read()
    assert actual == expected


def diagnostic(
    source: SourceFile,
    needle: str | None,
    code: str = "E104",
    rule: str = "unknown-unit",
    severity: str = "error",
    message: str = "unknown unit `mmm`",
    help: str | None = None,
    *,
    length: int | None = None,
    at: int | None = None,
) -> Diagnostic:
    """A diagnostic on the first `needle` in the source (or at offset `at`)."""
    if needle is None and at is None:
        return Diagnostic(code, rule, severity, message, source.name, None, help)
    start = source.text.index(needle) if at is None else at
    end = start + (len(needle or "") if length is None else length)
    return Diagnostic(code, rule, severity, message, source.name, source.span(start, end), help)


PO = SourceFile(
    "po.tacl",
    "contract PO-2024-118 {\n"
    '  buyer "Acme GmbH"\n'
    "  product lamp {\n"
    "    quantity 500 pcs\n"
    '    material "steel"\n'
    "    color RAL 9005\n"
    "    packaging {\n"
    "      carton 5-ply\n"
    "    }\n"
    '    note "fragile"\n'
    "    ship by 2024-09-30\n"
    "  }\n"
    "  product box {\n"
    "    quantity 50 pcs\n"
    "    size 420 x 180 x 120 mmm ± 2 mm\n"
    "  }\n"
    "}\n",
)


def case_single_line():
    d = diagnostic(PO, "mmm", help="did you mean `mm`?")
    return [d], [PO]


def case_multi_line():
    start = PO.text.index("packaging")
    end = PO.text.index("}", start) + 1
    d = diagnostic(
        PO,
        None,
        "W310",
        "vague-packaging",
        "warning",
        "packaging does not say how many units a carton holds",
        "add `per carton N pcs`",
        at=start,
        length=end - start,
    )
    return [d], [PO]


TABS = SourceFile("tabs.tacl", 'product lamp {\n\tmaterial\t"steel"\tx\n}\n')


def case_tab():
    material = diagnostic(
        TABS, '"steel"', "W220", "vague-material", "warning", "material `steel` names no grade"
    )
    across = diagnostic(TABS, '"\tx', "E101", "syntax-error", "error", "unexpected `x`", length=3)
    return [material, across], [TABS]


CJK = SourceFile(
    "größe.tacl",
    'product 台灯 {\n  dimension Größe 420 mmm\n  material 棉布 "优质"\n}\n',
)


def case_cjk():
    unit = diagnostic(CJK, "mmm", help="did you mean `mm`?")
    vague = diagnostic(
        CJK, '"优质"', "W401", "vague-wording", "warning", "`优质` (good quality) is not checkable"
    )
    return [unit, vague], [CJK]


def case_eof():
    newline_end = SourceFile("ends-newline.tacl", "product lamp {\n  quantity 5 pcs\n")
    no_newline = SourceFile("no-newline.tacl", "product lamp {\n  quantity 5 pcs")
    crlf = SourceFile("crlf.tacl", "product lamp {\r\n  quantity 5 pcs\r\n")
    diagnostics = [
        diagnostic(
            source,
            None,
            "E102",
            "unclosed-block",
            "error",
            "the file ends inside `product lamp`",
            "close it with `}`",
            at=len(source.text),
            length=0,
        )
        for source in (newline_end, no_newline, crlf)
    ]
    return diagnostics, [newline_end, no_newline, crlf]


def case_empty_file():
    empty = SourceFile("empty.tacl", "")
    d = diagnostic(
        empty, None, "E100", "empty-contract", "error", "the contract is empty", at=0, length=0
    )
    return [d], [empty]


def case_no_span():
    no_span = diagnostic(
        PO,
        None,
        "W001",
        "missing-ship-date",
        "warning",
        "the contract states no ship date",
        "add `ship by DATE`",
    )
    unknown_file = Diagnostic(
        "E001", "unreadable-file", "error", "cannot read file", "gone.tacl", PO.span(0, 8)
    )
    note = Diagnostic("N001", "info", "note", "checked with defaults", "po.tacl", None)
    return [no_span, unknown_file, note], [PO]


def case_several():
    """Different files, severities and line-number widths, given out of order."""
    late = diagnostic(PO, "mmm", help="did you mean `mm`?")
    early = diagnostic(PO, "5-ply", "W402", "vague-wording", "note", "`5-ply` names no grade")
    other = diagnostic(TABS, "material", "W004", "missing-color", "warning", "no colour stated")
    return [late, other, early], [PO, TABS]


CASES = {
    "single_line": case_single_line,
    "multi_line": case_multi_line,
    "tab": case_tab,
    "cjk": case_cjk,
    "eof": case_eof,
    "empty_file": case_empty_file,
    "no_span": case_no_span,
    "several": case_several,
}

RULES = [
    RuleInfo(
        "E104",
        "unknown-unit",
        "error",
        "Unknown unit",
        "A measurement names a unit TACL does not know.",
        "https://example.invalid/rules/unknown-unit",
    ),
    RuleInfo(
        "W402",
        "vague-wording",
        "warning",
        "Vague wording",
        "Wording such as `good quality` cannot be checked by an inspector.",
    ),
]


COLOR_CASES = ("single_line", "several")
JSON_CASES = ("several", "cjk", "no_span")
SARIF_CASES = ("several", "no_span", "cjk")
GITHUB_CASES = ("several", "no_span", "cjk")


@pytest.mark.parametrize("name", sorted(CASES))
def test_text(name):
    diagnostics, sources = CASES[name]()
    check_golden(f"text/{name}.txt", render_text(diagnostics, {s.name: s for s in sources}))


@pytest.mark.parametrize("name", COLOR_CASES)
def test_text_color(name):
    diagnostics, sources = CASES[name]()
    rendered = render_text(diagnostics, {s.name: s for s in sources}, color=True)
    check_golden(f"text/{name}.color.txt", rendered)


@pytest.mark.parametrize("name", JSON_CASES)
def test_json(name):
    diagnostics, _ = CASES[name]()
    check_golden(f"json/{name}.json", render_json(diagnostics))


@pytest.mark.parametrize("name", SARIF_CASES)
def test_sarif(name):
    diagnostics, _ = CASES[name]()
    check_golden(f"sarif/{name}.sarif", render_sarif(diagnostics, RULES, "0.1.0"))


@pytest.mark.parametrize("name", GITHUB_CASES)
def test_github(name):
    diagnostics, _ = CASES[name]()
    check_golden(f"github/{name}.txt", render_github(diagnostics))


def test_no_stale_golden_files():
    """Every golden file belongs to a test here, so a renamed case leaves nothing behind."""
    expected = {f"text/{name}.txt" for name in CASES}
    expected |= {f"text/{name}.color.txt" for name in COLOR_CASES}
    expected |= {f"json/{name}.json" for name in JSON_CASES}
    expected |= {f"sarif/{name}.sarif" for name in SARIF_CASES}
    expected |= {f"github/{name}.txt" for name in GITHUB_CASES}
    found = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert found == expected or UPDATE
