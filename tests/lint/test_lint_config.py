"""Choosing rules: select / extend-select / ignore, `[tool.tacl]`, settings, unknown names."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import tacl
from tacl.cli import main
from tacl.errors import UsageError
from tacl.lint.config import ConfigFinder, LintConfig, tool_table

BASE = (Path(__file__).parent / "fixtures" / "incoterm-without-place" / "good.tacl").read_text(
    "utf-8"
)
# Three findings: vague-wording (W111), missing-color-tolerance (W153), incoterm-without-place (W162).
SLOPPY = (
    BASE.replace('"aluminium 6061"', '"good quality aluminium"')
    .replace("#1A1A1A ± 2 dE", "#1A1A1A")
    .replace('incoterm FOB "Shenzhen"', "incoterm FOB")
)


def rules(diagnostics) -> list[str]:
    return sorted(d.rule for d in diagnostics)


def test_base_is_clean_and_sloppy_has_three_findings():
    assert tacl.lint_source(BASE) == []
    assert rules(tacl.lint_source(SLOPPY)) == [
        "incoterm-without-place",
        "missing-color-tolerance",
        "vague-wording",
    ]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"select": ["vague-wording"]}, ["vague-wording"]),
        ({"select": ["W111", "W162"]}, ["incoterm-without-place", "vague-wording"]),
        ({"select": "W15"}, ["missing-color-tolerance"]),
        ({"ignore": ["W15", "incoterm-without-place"]}, ["vague-wording"]),
        (
            {"select": ["W111"], "extend-select": ["W162"]},
            ["incoterm-without-place", "vague-wording"],
        ),
        ({"select": ["ALL"], "ignore": ["W1"]}, []),
    ],
)
def test_table_selection(table, expected):
    assert rules(tacl.lint_source(SLOPPY, config=table)) == expected


def test_command_line_select_replaces_the_tables_select_and_ignore():
    table = LintConfig.from_table({"select": ["W153"], "ignore": ["W111"]})
    combined = table.combine(LintConfig.from_cli(select="W111"))
    assert rules(tacl.lint_source(SLOPPY, config=combined)) == ["vague-wording"]


def test_command_line_ignore_and_extend_add_to_the_table():
    table = LintConfig.from_table({"select": ["W153"], "ignore": ["W162"]})
    combined = table.combine(LintConfig.from_cli(extend_select="W111,W162", ignore="W153"))
    assert rules(tacl.lint_source(SLOPPY, config=combined)) == ["vague-wording"]


def test_unknown_name_in_a_table_is_a_warning_with_a_suggestion():
    found = tacl.lint_source(BASE, config={"ignore": ["vague-wordng"]})
    assert [(d.code, d.message, d.help) for d in found] == [
        ("W191", "unknown rule `vague-wordng`", "did you mean `vague-wording`?")
    ]


def test_unknown_setting_is_a_warning():
    found = tacl.lint_source(BASE, config={"min-production-day": 10})
    assert [(d.message, d.help) for d in found] == [
        ("unknown setting `min-production-day`", "did you mean `min-production-days`?")
    ]


def test_ignoring_unknown_rule_silences_those_warnings():
    assert tacl.lint_source(BASE, config={"ignore": ["nonsense", "unknown-rule"]}) == []


@pytest.mark.parametrize("value", ["ten", -1, True, 2.5])
def test_bad_setting_value_is_a_usage_error(value):
    with pytest.raises(UsageError):
        tacl.lint_source(BASE, config={"min-production-days": value})


@pytest.mark.parametrize(("days", "fires"), [(64, False), (65, True)])
def test_min_production_days_setting(days, fires):
    # signed 2026-01-10, ship by 2026-03-15: 64 days
    found = tacl.lint_source(BASE, config={"min-production-days": days})
    assert rules(found) == (["short-production-time"] if fires else [])


def test_max_quantity_tolerance_setting():
    text = BASE.replace("± 2 %", "± 5 %").replace("12500 USD", "13125 USD")
    assert rules(tacl.lint_source(text, config={"max-quantity-tolerance": 4})) == [
        "wide-quantity-tolerance"
    ]
    assert tacl.lint_source(text) == []


# --- pyproject.toml ---------------------------------------------------------------------


def write_project(tmp_path, table: str, nested_plain: bool = True) -> Path:
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n{table}', "utf-8")
    deeper = tmp_path / "contracts" / "spring"
    deeper.mkdir(parents=True)
    if nested_plain:  # a pyproject without [tool.tacl] on the way up is skipped
        (tmp_path / "contracts" / "pyproject.toml").write_text('[project]\nname = "y"\n', "utf-8")
    contract = deeper / "po.tacl"
    contract.write_text(SLOPPY, "utf-8")
    return contract


def test_pyproject_found_by_walking_up(tmp_path):
    contract = write_project(tmp_path, '[tool.tacl]\nignore = ["W111", "W153"]\n')
    config = ConfigFinder().for_file(str(contract))
    assert config.source.name.endswith("pyproject.toml")
    assert config.source.text.count("[tool.tacl]") == 1
    found = tacl.lint_source(SLOPPY, config=config)
    assert rules(found) == ["incoterm-without-place"]


def test_cli_reports_unknown_name_in_pyproject_once_with_a_frame(tmp_path, monkeypatch):
    contract = write_project(tmp_path, '[tool.tacl]\nignore = ["W111", "missing-colour"]\n')
    (contract.parent / "second.tacl").write_text(SLOPPY, "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["lint", "contracts", "--no-color"])
    assert result.exit_code == 1
    assert result.output.count("unknown rule `missing-colour`") == 1
    assert "--> pyproject.toml:5:20" in result.output
    assert '5 | ignore = ["W111", "missing-colour"]' in result.output
    assert "did you mean `missing-color`?" in result.output
    assert "vague-wording" not in result.output


def test_cli_unknown_select_is_a_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "po.tacl").write_text(BASE, "utf-8")
    result = CliRunner().invoke(main, ["lint", "po.tacl", "--select", "W111,vage-wording"])
    assert result.exit_code == 1
    assert "warning[W191] unknown-rule: unknown rule `vage-wording`" in result.output
    assert "--> <command line>" in result.output


def test_invalid_toml_is_a_usage_error(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.tacl\nselect = 1\n", "utf-8")
    (tmp_path / "po.tacl").write_text(BASE, "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["lint", "po.tacl"])
    assert result.exit_code == 2
    assert "not valid TOML" in result.output


TOML = """
[project]
name = "demo"
dependencies = ["a", "b"]

[tool.tacl]   # lint settings
select = [
  "W1",   # every warning
  'N141',
]
ignore = "vague-wording, W153"
min-production-days = 45
"extend-select" = []

[tool.other]
select = ["nothing"]
"""


def test_tool_table_reads_every_toml_form_the_table_uses():
    assert tool_table(TOML, "t") == {
        "select": ["W1", "N141"],
        "ignore": "vague-wording, W153",
        "min-production-days": 45,
        "extend-select": [],
    }
    assert tool_table('[project]\nname = "x"\n', "t") is None
    assert tool_table('tool = "not a table"\n', "t") is None
