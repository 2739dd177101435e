"""The safety net that runs on every format: a broken printer can never write a file."""

from __future__ import annotations

import itertools

import pytest
from click.testing import CliRunner

import tacl.fmt.formatter as formatter
from tacl.cli import main
from tacl.fmt.formatter import FormatError, format_source, format_text
from tacl.fmt.printer import print_module
from tacl.source import SourceFile

TEXT = (
    "# header\n"
    'contract "X" {\n'
    '  buyer "A"  # the buyer\n'
    "\n"
    "  claims {\n"
    "    supplier response within 1 day\n"
    "  }\n"
    "}\n"
)


def sabotage(monkeypatch, change):
    """Make the printer apply `change` to its honest output."""
    monkeypatch.setattr(formatter, "print_module", lambda m, s: change(print_module(m, s)))


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda t: t.replace('"A"', '"B"'), "changed the syntax tree"),
        (lambda t: t.replace("  # the buyer", ""), "comment"),
        (lambda t: t.replace("# the buyer", "# the  buyer"), "comment"),
        (lambda t: t.replace("1 day", "1 days"), "changed more than white space"),
        (lambda t: t.replace("claims {", "claims {{"), "does not parse"),
    ],
)
def test_a_printer_that_changes_meaning_is_refused(monkeypatch, change, reason):
    sabotage(monkeypatch, change)
    with pytest.raises(FormatError, match=reason) as info:
        format_source(SourceFile("po.tacl", TEXT))
    assert "po.tacl" in str(info.value)


def test_an_unstable_printer_is_refused(monkeypatch):
    calls = itertools.count()
    sabotage(monkeypatch, lambda t: t + "\n" * (next(calls) == 0))
    with pytest.raises(FormatError, match="not stable"):
        format_source(SourceFile("po.tacl", TEXT))


def test_a_changed_fingerprint_is_refused(monkeypatch):
    prints = itertools.count()
    monkeypatch.setattr(formatter, "_fingerprint", lambda analysis: next(prints))
    with pytest.raises(FormatError, match="fingerprint"):
        format_source(SourceFile("po.tacl", TEXT))


def test_a_compiler_crash_is_an_internal_error(monkeypatch):
    def crash(source):
        raise ValueError("boom")

    monkeypatch.setattr(formatter, "analyze", crash)
    with pytest.raises(FormatError, match="ValueError: boom"):
        format_source(SourceFile("po.tacl", TEXT))


def test_cli_reports_an_internal_error_and_leaves_the_file(monkeypatch, tmp_path):
    path = tmp_path / "po.tacl"
    path.write_text(TEXT.replace("  buyer", " buyer"), encoding="utf-8")
    sabotage(monkeypatch, lambda t: t.replace('"A"', '"B"'))
    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps standard error apart
        runner = CliRunner()
    result = runner.invoke(main, ["fmt", str(path)])
    assert result.exit_code == 2
    assert f"tacl: internal error: formatting {path} changed the syntax tree" in result.stderr
    assert path.read_text(encoding="utf-8") == TEXT.replace("  buyer", " buyer")


def test_format_text_raises_contract_error_on_syntax_errors():
    from tacl.errors import ContractError

    with pytest.raises(ContractError):
        format_text('contract "X" {\n  bayer "A"\n}\n')


def test_format_text_drops_a_bom():
    assert format_text('\ufeffcontract "X" {\n}') == 'contract "X" {\n}\n'


def test_formatted_reports_change():
    assert format_source(SourceFile("a", TEXT)).changed is False
    assert format_source(SourceFile("a", TEXT + "\n")).changed is True
