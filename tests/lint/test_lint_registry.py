"""The registry: every rule documented, named after its module, with a unique code and name.

Also: docs/rules/ is exactly what the docstrings generate, and `tacl explain`
prints the same page.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tacl.cli import main
from tacl.lint import docs, registry
from tacl.lint.rule import SECTIONS

ROOT = Path(__file__).resolve().parents[2]
RULES = registry.RULES


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_has_the_four_sections(rule):
    for title in SECTIONS:
        assert rule.section(title), f"{rule.name}: no `## {title}` section"
    assert rule.summary.endswith("."), f"{rule.name}: the summary is one sentence"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_name_code_and_module_agree(rule):
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.name)
    assert re.fullmatch(r"[WN]1\d[1-9]", rule.code)
    module = importlib.import_module(f"tacl.lint.rules.{rule.name.replace('-', '_')}")
    assert rule.name == module.NAME
    assert rule.severity == {"W": "warning", "N": "note"}[rule.code[0]]
    assert (rule.check is None) == (rule.name in ("unknown-rule", "unused-suppression"))


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.code[1:] for r in RULES}) == len(RULES), "numbers are unique across W and N"
    assert len({r.name for r in RULES}) == len(RULES)


def test_every_rule_module_is_registered():
    folder = ROOT / "tacl" / "lint" / "rules"
    modules = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    assert modules == {r.name.replace("-", "_") for r in RULES}


def test_cli_md_completeness_rules_exist():
    for name in (
        "missing-ship-date",
        "missing-quantity",
        "missing-size",
        "missing-material",
        "missing-color",
        "missing-packaging",
    ):
        assert registry.BY_NAME[name].severity == "warning"


def test_lookup_and_expand():
    assert registry.lookup("w111").name == "vague-wording"
    assert registry.lookup("vague-wording").code == "W111"
    assert {r.code for r in registry.expand("N")} == {r.code for r in RULES if r.code[0] == "N"}
    assert len(registry.expand("W10")) == 9
    assert registry.expand("ALL") == RULES
    assert registry.expand("vague") is None


def test_docs_are_generated_from_the_docstrings():
    stale = docs.stale(ROOT / "docs" / "rules")
    assert stale == [], f"run `python -m tacl.lint.docs`: stale {stale}"


def test_docs_check_mode(tmp_path):
    assert docs.main([str(tmp_path), "--check"]) == 1
    assert docs.main([str(tmp_path)]) == 0
    assert docs.main([str(tmp_path), "--check"]) == 0
    (tmp_path / "gone-rule.md").write_text("old", "utf-8")
    assert docs.main([str(tmp_path), "--check"]) == 1


def test_index_lists_every_rule():
    index = docs.index_page()
    for rule in RULES:
        assert f"[{rule.code}]({rule.name}.md)" in index


@pytest.mark.parametrize("word", ["vague-wording", "W111", "w111"])
def test_explain_prints_the_page(word):
    result = CliRunner().invoke(main, ["explain", word])
    assert result.exit_code == 0
    assert result.output == docs.rule_page(registry.BY_NAME["vague-wording"], stamp=False)
    assert result.output.startswith("# vague-wording (W111)\n")


def test_explain_unknown_rule_exits_2_with_suggestion():
    result = CliRunner().invoke(main, ["explain", "vague-wordings"])
    assert result.exit_code == 2
    assert "did you mean `vague-wording`?" in result.output


def test_sarif_rules_come_from_the_registry():
    infos = registry.sarif_rules()
    assert [i.code for i in infos] == sorted((r.code for r in RULES), key=lambda c: c[1:])
    vague = next(i for i in infos if i.name == "vague-wording")
    assert vague.description == registry.BY_NAME["vague-wording"].section("What it does")
