"""Issue 8 items 9 and 10: what the limits stop, they stop before it costs.

How long the worst allowed inputs take is measured in benchmarks/bench_limits.py,
never asserted here; these tests hold the behaviour that makes the figures small:
YAML values counted while parsing (nothing built past the limit), suggestions
computed only for the warnings shown, numbers never built from text that is no
plain integer, messages that quote a value cut short.
"""

from __future__ import annotations

import copy

import pytest
import yaml

import tacl
from tacl.evaluate import report as report_module
from tacl.evaluate import yaml_loader
from tacl.evaluate.report import MAX_NODES, MAX_WARNINGS, load_text


def test_too_many_yaml_values_are_refused_before_anything_is_built(monkeypatch):
    def never(*args, **kwargs):  # the real load would build every node first
        raise AssertionError("the document was built")

    yaml_loader.load_yaml("a: 1\n", "warm.yaml", 10, 10)  # PyYAML imported, loader made
    monkeypatch.setattr(yaml, "load", never)
    text = "a: [" + ",".join(["1"] * (MAX_NODES + 1)) + "]\n"
    with pytest.raises(tacl.ReportError, match=f"more than {MAX_NODES:,} values"):
        load_text(text, "r.yaml")


def test_alias_expansion_counts_against_the_limit():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 7)]
    with pytest.raises(tacl.ReportError, match="values; the report is too large"):
        load_text("\n".join(lines) + "\n", "r.yaml")


def test_too_deep_yaml_is_refused_while_parsing():
    with pytest.raises(tacl.ReportError, match="nested too deeply"):
        load_text("a: " + "[" * 70 + "]" * 70 + "\n", "r.yaml")


def test_the_real_size_is_reported_not_the_read_cap(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a" * (report_module.MAX_BYTES + 12_345))
    with pytest.raises(tacl.ReportError) as info:
        report_module.load_file(str(path))
    assert f"report of {report_module.MAX_BYTES + 12_345:,} bytes" in str(info.value)


def test_suggestions_only_for_the_warnings_shown(lamps, report, monkeypatch):
    calls = []
    real = report_module.did_you_mean

    def counting(word, candidates, *args):
        calls.append(word)
        return real(word, candidates, *args)

    monkeypatch.setattr(report_module, "did_you_mean", counting)
    product = report["products"]["DL-200"]
    for index in range(5_000):
        product[f"weigth{index}"] = "1.2 kg"
    verdict = lamps.evaluate(report)
    assert len(calls) == MAX_WARNINGS
    assert len(verdict.warnings) == MAX_WARNINGS + 1
    assert verdict.warnings[-1].message == "and 4,900 more unknown keys"


def test_a_message_quotes_a_long_value_cut_short(lamps, report):
    report["products"]["DL-200"]["weight"] = "1" * 31 + "x" * 9_000 + " kg"
    with pytest.raises(tacl.ReportError) as info:
        lamps.evaluate(report)
    assert len(info.value.message) < 200
    assert "(9,034 characters)" in info.value.message


def test_a_long_unknown_key_is_cut_in_its_warning(lamps, report):
    report["products"]["DL-200"]["k" * 10_000] = 1
    (warning,) = [w for w in lamps.evaluate(report).warnings if w.code == "R001"]
    assert len(warning.message) < 200


@pytest.mark.parametrize(
    "sample",
    ["1" * 9_990 + " kg x", "1_" * 4_999 + "1 kg", "1 " * 5_000, " " * 9_999 + "1", "1." * 5_000],
)
def test_near_miss_samples_are_errors_naming_the_sample(lamps, report, sample):
    """The texts that made `samples.py` backtrack for seconds: each is an error at once."""
    report["products"]["DL-200"]["weight"] = [copy.copy(sample)]
    with pytest.raises(tacl.ReportError) as info:
        lamps.evaluate(report)
    assert info.value.path == "products.DL-200.weight[0]"
