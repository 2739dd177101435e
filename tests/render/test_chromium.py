"""Every example's inspection plan and evidence file in a real browser (headless Chromium).

Each page is printed to PDF: the page count is checked, and the text of every
failing clause (its clause path and message) must be in the PDF's text
(`pdftotext`). A screenshot of each must show something. `.ci/run` installs
Debian's `chromium` and `poppler-utils`; without them these tests skip, except
under CI, where they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

import tacl
from tacl.evaluate.evaluator import evaluate
from tacl.evaluate.report import load_file

from . import browser
from .examples import contracts, ident, reports

if not (browser.chromium() and shutil.which("pdftotext")):
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Debian's chromium and poppler-utils (.ci/run installs them)")
    pytest.skip("headless Chromium or pdftotext not installed", allow_module_level=True)

CONTRACTS = contracts()
REPORTS = reports()
A4, LETTER = (595.0, 842.0), (612.0, 792.0)


def _paper(pdf) -> str | None:
    """The paper a PDF's pages have, to the point (Chromium writes A4 as 594.96 x 841.92)."""
    width, height = browser.pdf_page_size(pdf)
    for name, (w, h) in (("A4", A4), ("Letter", LETTER)):
        if abs(width - w) < 1 and abs(height - h) < 1:
            return name
    return None


def _squash(text: str) -> str:
    """Text without white space or hyphens: a PDF breaks lines (and long words) where it
    likes, and pdftotext joins a word broken after a hyphen without the hyphen."""
    return re.sub(r"[\s\-]+", "", text)


def _in(path: str, text: str) -> bool:
    """A clause path or report key is printed: each of its dotted parts is in the text (a
    table cell wraps after a dot, and pdftotext may read the next cell in between)."""
    return all(_squash(part) in text for part in path.split("."))


def _tacl(*args: str) -> bytes:
    result = subprocess.run([sys.executable, "-m", "tacl.cli", *args], capture_output=True)
    assert result.returncode in (0, 1, 3), result.stderr
    return result.stdout


@pytest.mark.parametrize("path", CONTRACTS, ids=ident)
def test_plan_prints_one_section_per_lot(path, tmp_path) -> None:
    page = tmp_path / "plan.html"
    page.write_bytes(_tacl("plan", "--format", "html", str(path)))
    pdf = browser.print_pdf(page, tmp_path / "plan.pdf")
    text = _squash(browser.pdf_text(pdf))
    from tacl.render.inspection_plan import build_plan

    plan = build_plan(tacl.load(path), path.read_text("utf-8"))
    pages = browser.pdf_pages(pdf)
    # each section starts a page; a section of 25 checks takes about two
    assert len(plan.sections) <= pages <= 3 * len(plan.sections) + 1
    for section in plan.sections:
        assert _squash(section.title) in text
    for check in plan.checks:
        assert _in(check.key, text)
    shot = browser.screenshot(page, tmp_path / "plan.png")
    assert browser.ink(shot) > 0.02


@pytest.mark.parametrize("report", REPORTS, ids=ident)
def test_evidence_file_prints_every_failing_clause(report, tmp_path) -> None:
    contract_path = report.parent.parent / "po.tacl"
    page = tmp_path / "evidence.html"
    page.write_bytes(_tacl("check", str(contract_path), str(report), "--format", "html"))
    pdf = browser.print_pdf(page, tmp_path / "evidence.pdf")
    text = _squash(browser.pdf_text(pdf))
    tree, name = load_file(str(report))
    verdict = evaluate(tacl.load(contract_path), tree, name=name)
    failing = [f for f in verdict.findings if f.status == "fail"]
    for finding in failing:
        assert _in(finding.clause, text)
        assert _squash(finding.message) in text
    assert _squash(verdict.status) in text.lower() or verdict.status.upper() in text
    pages = browser.pdf_pages(pdf)
    # the verdict and findings, then the contract text from a page of its own: about a
    # page per failing clause with a plot, per 12 passing rows, per 45 contract lines
    lines = len(contract_path.read_text("utf-8").splitlines())
    assert 2 <= pages <= 3 + len(failing) + len(verdict.findings) // 12 + lines // 45
    assert _paper(pdf) in ("A4", "Letter")


@pytest.mark.parametrize("report", REPORTS[::4], ids=ident)
def test_evidence_screenshot_is_not_blank(report, tmp_path) -> None:
    page = tmp_path / "evidence.html"
    page.write_bytes(
        _tacl("check", str(report.parent.parent / "po.tacl"), str(report), "--format", "html")
    )
    shot = browser.screenshot(page, tmp_path / "evidence.png")
    assert browser.ink(shot) > 0.02


def test_a_blank_page_is_seen_as_blank(tmp_path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    assert browser.ink(browser.screenshot(page, tmp_path / "blank.png")) < 0.001


A4_PAGE = "<style>@page { size: A4; }</style></head>"


@pytest.mark.parametrize(
    "report", [r for r in REPORTS if r.stem in ("quality", "late-shipment")][::3], ids=ident
)
def test_evidence_file_prints_on_a4_too(report, tmp_path) -> None:
    """Chromium prints on Letter by default; the same page forced to A4 (narrower, taller)
    keeps every failing clause, on A4 pages."""
    contract_path = report.parent.parent / "po.tacl"
    html = _tacl("check", str(contract_path), str(report), "--format", "html").decode("utf-8")
    page = tmp_path / "evidence-a4.html"
    page.write_text(html.replace("</head>", A4_PAGE, 1), encoding="utf-8")
    pdf = browser.print_pdf(page, tmp_path / "evidence-a4.pdf")
    assert _paper(pdf) == "A4"
    text = _squash(browser.pdf_text(pdf))
    tree, name = load_file(str(report))
    verdict = evaluate(tacl.load(contract_path), tree, name=name)
    for finding in verdict.findings:
        if finding.status == "fail":
            assert _in(finding.clause, text) and _squash(finding.message) in text


def test_plan_prints_on_a4_too(tmp_path) -> None:
    path = [p for p in CONTRACTS if p.parent.name == "tshirts"][0]
    html = _tacl("plan", "--format", "html", str(path)).decode("utf-8")
    page = tmp_path / "plan-a4.html"
    page.write_text(html.replace("</head>", A4_PAGE, 1), encoding="utf-8")
    pdf = browser.print_pdf(page, tmp_path / "plan-a4.pdf")
    assert _paper(pdf) == "A4"
    assert 4 <= browser.pdf_pages(pdf) <= 12  # order + three sizes, each from a new page


@pytest.mark.parametrize(
    ("example", "whole"),
    [
        # each bound with its unit, the barcode's 13 digits, a date: never split over lines
        ("body-lotion", ["5.0 pH", "6.0 pH", "4260123456788", "2026-04-28", "± 1.5 dE"]),
        ("dressers", ["2 cartons", "5060123456011", "150.5 cm", "± 2.0 dE"]),
    ],
)
def test_plan_prints_each_bound_on_one_line(example, whole, tmp_path) -> None:
    """The printed accept column keeps a number with its unit, and a barcode or a date
    whole (a 13-digit EAN broke after 11 digits; `6.0` and `pH` fell on two lines)."""
    path = [p for p in CONTRACTS if p.parent.name == example][0]
    page = tmp_path / "plan.html"
    page.write_bytes(_tacl("plan", "--format", "html", str(path)))
    lines = browser.pdf_text(browser.print_pdf(page, tmp_path / "plan.pdf")).splitlines()
    for text in whole:
        assert any(text in line for line in lines), text
