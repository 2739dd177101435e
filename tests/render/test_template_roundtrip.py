"""`tacl plan --format template`: every key the contract needs, nothing filled in, and a
template filled with passing values checks as compliant (a property over every example)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import tacl
from tacl.evaluate.evaluator import evaluate
from tacl.evaluate.shape import shape_of
from tacl.render.inspection_plan import build_plan
from tacl.render.report_template import render_template

from .examples import contracts, ident
from .fill import fill

CONTRACTS = contracts()
_CACHE: dict = {}


def _compiled(path):
    if path not in _CACHE:
        contract = tacl.load(path)
        text = render_template(build_plan(contract, path.read_text("utf-8")))
        _CACHE[path] = (contract, text, yaml.safe_load(text))
    return _CACHE[path]


def _leaves(tree, key=()):
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from _leaves(v, (*key, k))
    else:
        yield key, tree


def _shape_leaves(node, key=()):
    """Keys the reader takes a value at; a mapping that also takes a list (`aql.defects`,
    named defects) counts as the mapping the template writes."""
    for name, child in node.children.items():
        if child.leaf is not None and not child.children:
            yield (*key, name)
        yield from _shape_leaves(child, (*key, name))


@pytest.mark.parametrize("path", CONTRACTS, ids=ident)
@given(data=st.data())
def test_template_filled_with_passing_values_is_compliant(path, data) -> None:
    contract, _text, tree = _compiled(path)
    report = fill(contract, tree, data.draw)
    verdict = evaluate(contract, report)
    failing = [f for f in verdict.findings if f.status != "pass"]
    assert verdict.status == "compliant", failing
    assert verdict.warnings == ()


@pytest.mark.parametrize("path", CONTRACTS, ids=ident)
def test_template_has_every_key_the_report_reader_knows_and_no_other(path) -> None:
    contract, _text, tree = _compiled(path)
    template = {key for key, _ in _leaves(tree)}
    known = set(_shape_leaves(shape_of(contract)))
    assert template <= known
    # every product clause key is in the template (the reader also knows optional keys)
    assert {k for k in known if k[0] == "products"} <= template


@pytest.mark.parametrize("path", CONTRACTS, ids=ident)
def test_template_fills_in_nothing_but_the_header(path) -> None:
    contract, text, tree = _compiled(path)
    filled = {key: value for key, value in _leaves(tree) if value is not None}
    assert filled == {
        ("tacl-report",): 1,
        ("contract",): contract.id,
        ("contract-sha256",): contract.sha256,
    }
    # every empty key has a comment that says what is accepted
    for line in text.splitlines():
        if line.rstrip().endswith(":") and not line.lstrip().startswith("#"):
            continue  # a mapping's own key
        if (
            not line.lstrip().startswith("#")
            and ":" in line
            and line.split(":", 1)[1].strip() == ""
        ):
            raise AssertionError(f"no comment on {line!r}")


def test_template_comments_give_each_range() -> None:
    path = [p for p in CONTRACTS if p.parent.name == "lamps"][0]
    _contract, text, _tree = _compiled(path)
    # hand-read from examples/lamps/po.tacl: 1000 pcs ± 2 % → 980 to 1020; 1.2 kg ± 50 g
    assert "    quantity:  # 980 pcs to 1020 pcs; 1 reading;" in text
    assert "    weight:  # 1.15 kg to 1.25 kg; 5 readings;" in text
    assert "length 418 mm to 422 mm, width 178 mm to 182 mm, height 118 mm to 122 mm" in text
    # lot of 1000 at level II: code J, n=80; AQL 2.5 → Ac 5 / Re 6 (ISO 2859-1 Table 2-A)
    assert (
        "major:  # major defects found in the sample; the lot passes with at most 5, fails at 6"
        in text
    )


def test_template_asks_for_the_samples_a_tacl2_clause_states() -> None:
    path = [p for p in CONTRACTS if p.parent.name == "body-lotion"][0]
    _contract, text, _tree = _compiled(path)
    # ℮ on a batch of 9600: Annex II 2.2.1, batch over 3200 → first sample of 80 packages
    assert '"net content":  # ℮ 250 ml' in text and "; 80 readings;" in text
    # `on 3 samples` asks at least 3; the lot of 9600 at S-2 already draws 8 (code D)
    assert "mean 8000 mPa·s to 12000 mPa·s, on 3 samples; 8 readings;" in text
    # `passes on 20 units`: 20 results, or their counts
    assert "{passed: P, failed: F}; must pass (passes on 20 units)" in text
    assert '"production date":  # YYYY-MM-DD, or a list of them (one a sample);' in text
    assert (
        '  "CPSR, parts A and B":  # YYYY-MM-DD, the day it was received, or "not received";'
        in text
    )
    assert "\ndocuments:\n" in text and "\n    appearance:  # pass or fail;" in text


def test_an_unfilled_template_never_checks_compliant(tmp_path) -> None:
    path = [p for p in CONTRACTS if p.parent.name == "lamps"][0]
    template = tmp_path / "report.yaml"
    template.write_text(_compiled(path)[1], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tacl.cli", "check", str(path), str(template)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "inspection.kind" in result.stderr
    assert "Traceback" not in result.stderr


def test_hostile_names_stay_inside_their_yaml_strings() -> None:
    source = (
        'contract "X: y\\n#z" {\n  currency USD\n  product "A: {b}\\n- c" {\n'
        '    quantity 10 pcs\n    unit price 1 USD\n    marking "line\\nbreak # not a comment"\n'
        '    test "on" passes\n  }\n}\n'
    )
    contract = tacl.compile_source(source)
    text = render_template(build_plan(contract, source))
    tree = yaml.safe_load(text)
    assert tree["contract"] == "X: y\n#z"
    assert set(tree["products"]) == {"A: {b}\n- c"}
    assert tree["products"]["A: {b}\n- c"]["test"] == {"on": None}
