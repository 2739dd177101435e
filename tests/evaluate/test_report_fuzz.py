"""Random and mutated reports only ever raise tacl.TaclError subclasses (never crash).

A verdict, when one comes out, is well formed: one finding per clause and JSON
that serialises.
"""

from __future__ import annotations

import contextlib
import copy
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import tacl
from tacl.evaluate.report import load_text

ROOT = Path(__file__).resolve().parents[2]
LAMPS = tacl.load(ROOT / "examples" / "lamps" / "po.tacl")
BASE = load_text((ROOT / "examples/lamps/reports/quality.json").read_bytes(), "quality.json")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.datetimes(),
    st.text(max_size=30),
    st.sampled_from(
        [
            "421 mm", "1.2 kg", "55.4 °F", "x", "pass", "fail", "#1B1A1A", "lab(1, 2, 3)",
            "lab(1, 2)", "421 x 179 x 121 mm", "421 x 179 mm", "2026-02-30", "2026-04-01",
            "ral 9005", "-3 mm", "1e5 mm", "4006381333931", "0", "80", "post-delivery",
            "pre-shipment", "1_000 pcs", "1__0 pcs", "9" * 40, "DL-200", "PO-2026-0412",
        ]
    ),
)  # fmt: skip
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.text(max_size=12), st.integers(), st.booleans()), children, max_size=4
        ),
    ),
    max_leaves=20,
)


def paths(tree, prefix=()):
    """Every place in a nested report, to change one at a time."""
    items = (
        tree.items()
        if isinstance(tree, dict)
        else enumerate(tree)
        if isinstance(tree, list)
        else ()
    )
    for key, value in items:
        yield (*prefix, key)
        yield from paths(value, (*prefix, key))


PATHS = list(paths(BASE))


def check(data):
    try:
        verdict = LAMPS.evaluate(data)
    except tacl.TaclError:
        return
    assert len(verdict.findings) == len(LAMPS.clauses)
    json.dumps(verdict.to_dict())


@given(trees)
def test_random_trees(tree):
    check(tree)


@given(st.sampled_from(PATHS), trees, st.sampled_from(["replace", "delete", "rename"]))
def test_mutated_reports(path, value, how):
    check(mutated(BASE, path, value, how))


def mutated(base, path, value, how: str):
    """A deep copy of `base` with the node at `path` replaced by `value`, deleted, or
    renamed (its key with an `x` added): the three ways a report goes wrong."""
    data = copy.deepcopy(base)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if how == "replace":
        parent[last] = value
    elif how == "delete":
        parent.pop(last)
    elif isinstance(parent, dict):
        parent[f"{last}x"] = parent.pop(last)
    return data


@given(st.binary(max_size=200))
def test_random_bytes(data):
    with contextlib.suppress(tacl.TaclError):
        check(load_text(data, "r.yaml"))


@given(st.text(max_size=200))
def test_random_json_text(text):
    with contextlib.suppress(tacl.TaclError):
        check(load_text("{" + text, "r.json"))


def test_base_report_is_valid():
    assert LAMPS.evaluate(BASE).status == "noncompliant"
