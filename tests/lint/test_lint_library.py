"""`tacl.lint_source`: the library entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

import tacl
from tacl.lint.config import LintConfig
from tacl.render.json import order_key

FIXTURES = Path(__file__).parent / "fixtures"
BASE = (FIXTURES / "incoterm-without-place" / "good.tacl").read_text("utf-8")


def test_a_contract_with_errors_yields_only_its_errors():
    broken = BASE.replace("mm ± 2 mm", "mmm ± 2 mm").replace('"Shenzhen"', "")
    found = tacl.lint_source(broken, name="po.tacl", config={"select": ["ALL"]})
    assert [(d.severity, d.code, d.file) for d in found] == [("error", "E104", "po.tacl")]


def test_config_forms():
    sloppy = BASE.replace('"Shenzhen"', "")
    assert tacl.lint_source(sloppy, config=None)[0].rule == "incoterm-without-place"
    assert tacl.lint_source(sloppy, config={"ignore": ["W162"]}) == []
    assert tacl.lint_source(sloppy, config=LintConfig.from_cli(ignore="W162")) == []
    with pytest.raises(tacl.UsageError):
        tacl.lint_source(sloppy, config=["W162"])


def test_byte_order_mark_is_dropped():
    found = tacl.lint_source("\ufeff" + BASE.replace('"Shenzhen"', ""))
    assert found[0].span.line == 14


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*/*.tacl")), ids=lambda p: p.parent.name)
def test_every_rule_runs_on_every_fixture_in_order(path):
    found = tacl.lint_source(path.read_text("utf-8"), name=path.name)
    assert found == sorted(found, key=order_key)
    assert all(d.severity in ("warning", "note") and d.span is not None for d in found)
