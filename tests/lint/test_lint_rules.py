"""Each rule against its fixtures: fires on bad.tacl as the golden shows, silent on good.tacl.

tests/lint/fixtures/<rule-name>/bad.tacl is linted with only that rule selected
(every rule for unused-suppression, whose bad fixture has no other finding)
and its rendered text compared with bad.txt; good.tacl must lint clean with
every rule on, so each "Instead" is a contract worth copying.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tacl.lint.registry import RULES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NAMES = [rule.name for rule in RULES]
# unused-suppression judges a name only when the rules it names have run.
SELECT = {"unused-suppression": ["ALL"]}


def test_every_rule_has_fixtures():
    folders = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
    assert folders == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_rule_fires_on_bad(name, golden, lint_file):
    diagnostics, text = lint_file(
        FIXTURES / name / "bad.tacl", {"select": SELECT.get(name, [name])}
    )
    assert diagnostics, f"{name} did not fire on its bad fixture"
    assert {d.rule for d in diagnostics} == {name}
    golden(FIXTURES / name / "bad.txt", text)


@pytest.mark.parametrize("name", NAMES)
def test_rule_silent_on_good(name, lint_file):
    diagnostics, text = lint_file(FIXTURES / name / "good.tacl")
    assert diagnostics == [], text


@pytest.mark.parametrize("name", NAMES)
def test_bad_fixture_compiles(name):
    import tacl

    tacl.compile_source(Path(FIXTURES / name / "bad.tacl").read_text("utf-8"))
