"""`tacl check --format html`: the evidence file, for every example report.

What a reader must find in it is checked on the HTML text here (escaping,
stability, order of findings, the claim sentence); tests/render/test_chromium.py
opens it in a real browser.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import tacl
from tacl.evaluate.evaluator import evaluate
from tacl.evaluate.report import load_file, read_report
from tacl.render.evidence import claim_sentence, render_evidence

from .examples import ROOT, ident, reports

REPORTS = reports()


def _html(report_path) -> tuple[str, object]:
    contract_path = report_path.parent.parent / "po.tacl"
    contract = tacl.load(contract_path)
    tree, name = load_file(str(report_path))
    report = read_report(contract, tree, name)
    verdict = evaluate(contract, report, name=name)
    return render_evidence(
        contract, contract_path.read_text("utf-8"), report, verdict, name
    ), verdict


@pytest.mark.parametrize("report", REPORTS, ids=ident)
def test_evidence_file_for_every_example_report(report) -> None:
    html, verdict = _html(report)
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n")
    assert "<script" not in html and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    assert f"badge big s-{verdict.status}" in html
    # failing first, then missing, then passing
    positions = [
        html.find(f">{t} <span") for t in ("Failing clauses", "Missing evidence", "Passing clauses")
    ]
    present = [p for p in positions if p != -1]
    assert present == sorted(present)
    for finding in verdict.findings:
        if finding.status == "fail":
            assert f'<p class="message">{_escaped(finding.message)}</p>' in html
            assert f'id="L{finding.location.line}"' in html


def _escaped(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def test_lamps_quality_claim_sentence() -> None:
    _html_text, verdict = _html(ROOT / "examples" / "lamps" / "reports" / "quality.json")
    contract = tacl.load(ROOT / "examples" / "lamps" / "po.tacl")
    # order value 1000 × 12.50 = 12,500.00 USD, capped by the 10,000 USD coverage limit;
    # dispute opened 2026-04-29, the supplier responded 2026-05-04 without agreement
    assert claim_sentence(contract, verdict) == (
        "The buyer may apply for a refund of 10000.00 USD (the order value, capped by the "
        "coverage limit) on the grounds of quality, from 2026-05-04."
    )


def test_contract_and_report_text_is_escaped(tmp_path) -> None:
    contract = tmp_path / "po.tacl"
    contract.write_text(
        'contract "PO-<script>1" {\n  buyer "<script>alert(1)</script>"\n  currency USD\n'
        "  shipment {\n    ship by 2026-03-15\n  }\n"
        '  product "X" {\n    quantity 10 pcs\n    unit price 1 USD\n'
        '    marking "<img src=x onerror=alert(2)>"\n  }\n}\n',
        encoding="utf-8",
    )
    report = tmp_path / "r.yaml"
    report.write_text(
        'tacl-report: 1\ncontract: "PO-<script>1"\ninspection:\n  kind: post-delivery\n'
        '  date: 2026-04-01\n  inspector: "</td><script>alert(3)</script>"\n'
        "shipment:\n  shipped: 2026-03-01\nproducts:\n  X:\n    quantity: 10\n"
        '    marking: "<svg onload=alert(4)>"\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "tacl.cli", "check", str(contract), str(report), "--format", "html"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    html = result.stdout
    assert re.findall(r"<(script|img|svg onload)", html) == []
    for text in (
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(2)&gt;",
        "&lt;/td&gt;&lt;script&gt;alert(3)&lt;/script&gt;",
        "&lt;svg onload=alert(4)&gt;",
    ):
        assert text in html


@pytest.mark.parametrize("report", REPORTS[:8], ids=ident)
def test_evidence_command_is_byte_stable(report) -> None:
    args = [
        sys.executable,
        "-m",
        "tacl.cli",
        "check",
        str(report.parent.parent / "po.tacl"),
        str(report),
        "--format",
        "html",
    ]
    first = subprocess.run(args, capture_output=True)
    second = subprocess.run(args, capture_output=True)
    assert first.returncode in (0, 1, 3), first.stderr
    assert first.stdout == second.stdout and first.stdout


def test_html_takes_one_report_at_a_time() -> None:
    folder = ROOT / "examples" / "lamps"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tacl.cli",
            "check",
            str(folder / "po.tacl"),
            str(folder / "reports" / "quality.json"),
            str(folder / "reports" / "compliant.yaml"),
            "--format",
            "html",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "one evidence file per report" in result.stderr
    assert result.stdout == ""


def test_text_and_json_check_do_not_import_jinja() -> None:
    folder = ROOT / "examples" / "lamps"
    code = (
        "import sys\nfrom tacl.commands import check\n"
        f"check.run({str(folder / 'po.tacl')!r}, [{str(folder / 'reports' / 'quality.json')!r}], 'json')\n"
        "assert 'jinja2' not in sys.modules and 'markupsafe' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --- TACL 2: named shipments, scope and remedies -------------------------------------------


def test_remedies_table_shows_the_verdicts_penalty_and_total() -> None:
    """hoodies green shipped 2026-09-04 against ship by 2026-08-21: 14 days late. The
    penalty (0.5 % of the green shipment's 13 680.00 EUR a day = 68.40 EUR, x 14 = 957.60)
    is capped at 5 % of it, 684.00 EUR (tests/evaluate/test_eval_orders.py derives it);
    the file shows that amount, the days and the cap, and the total."""
    html, verdict = _html(ROOT / "examples/hoodies/reports/green-shipped-late.yaml")
    assert verdict.remedies.total == "684.00"
    table = html[
        html.index('<table class="remedies">') : html.index(
            "</table>", html.index('<table class="remedies">')
        )
    ]
    assert "Late penalty, shipment &#34;green&#34;" in table
    assert "<td>14 days late, capped</td>" in table
    assert table.count('<td class="num">684.00 EUR</td>') == 1
    assert "<strong>684.00 EUR</strong>" in table  # the total row
    assert "late shipment (shipment &#34;green&#34;)" in html  # the claim's grounds name it


def test_named_shipments_each_show_their_dates_and_the_scope() -> None:
    """mouldings call-off co-3, inspected on its own: the other call-offs are not covered."""
    html, verdict = _html(ROOT / "examples/mouldings/reports/co-3-late.yaml")
    assert verdict.scope == ("co-3",)
    assert '<dt>Covers</dt><dd>shipment "co-3"</dd>' in html
    assert (
        '<dt>Shipment "co-1"</dt><dd>— '
        '<span class="muted">(not covered by this inspection)</span></dd>'
    ) in html
    co3 = html[html.index('<dt>Shipment "co-3"</dt>') :]
    assert co3.startswith(
        '<dt>Shipment "co-3"</dt><dd>shipped 2026-05-25 <span class="badge s-fail">late</span>'
        "; customs cleared 2026-06-25; delivered 2026-06-29</dd>"
    )
    assert "<dt>Shipped</dt>" not in html  # no unnamed shipment to speak of
    assert ">shipped co-3<" in html  # the timeline labels the shipment's dates


def test_no_remedies_section_without_remedies_and_none_owed_said_when_stated() -> None:
    lamps, _ = _html(ROOT / "examples/lamps/reports/quality.json")
    assert "Remedies" not in lamps
    clips, verdict = _html(ROOT / "examples/mouldings/reports/co-2-bezel-clips.yaml")
    assert verdict.remedies is not None and not verdict.remedies.late_penalties
    assert "No remedy is owed." in clips and '<table class="remedies">' not in clips
