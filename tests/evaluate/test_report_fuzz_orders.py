"""Mutated reports of the TACL 2 order examples only ever raise tacl.TaclError subclasses.

Named shipments, scopes, shared lots, named defects and remedies add report keys
and verdict parts; every place in a real report is replaced, deleted or renamed
in turn, and whatever comes out is a TaclError or a well-formed verdict whose
findings are clauses of the contract, in contract order.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import tacl
from tacl.evaluate.report import load_file
from tests.evaluate.test_report_fuzz import mutated, paths

ROOT = Path(__file__).resolve().parents[2]
CASES = [
    (
        tacl.load(ROOT / "examples" / "hoodies" / "po.tacl"),
        "hoodies/reports/grey-broken-needle.yaml",
    ),
    (
        tacl.load(ROOT / "examples" / "mouldings" / "po.tacl"),
        "mouldings/reports/co-2-bezel-clips.yaml",
    ),
]
BASES = [load_file(str(ROOT / "examples" / name))[0] for _, name in CASES]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=10**6),
    st.text(max_size=12),
    st.sampled_from(
        ["grey", "green", "co-1", "co-4", "critical", "major", "grave", "2026-07-01",
         "2026-02-30", "800 pcs", "3.9 mm", "open seam", "crack", "pass"]
    ),
)  # fmt: skip
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.lists(
        st.dictionaries(st.sampled_from(["defect", "count", "class", "x"]), scalars), max_size=3
    ),
    st.dictionaries(
        st.sampled_from(["grey", "co-2", "shipped", "aql", "goods"]), scalars, max_size=3
    ),
)


PLACES = [(index, path) for index, base in enumerate(BASES) for path in paths(base)]


@given(st.sampled_from(PLACES), values, st.sampled_from(["replace", "delete", "rename"]))
def test_mutated_order_reports(place, value, how):
    index, path = place
    contract = CASES[index][0]
    data = mutated(BASES[index], path, value, how)
    try:
        verdict = contract.evaluate(data)
    except tacl.TaclError:
        return
    order = [c.path for c in contract.clauses]
    found = [f.clause for f in verdict.findings]
    assert found == [p for p in order if p in set(found)]
    json.dumps(verdict.to_dict())


def test_the_base_reports_are_valid():
    assert [c.evaluate(b).status for (c, _), b in zip(CASES, BASES)] == [
        "noncompliant",
        "noncompliant",
    ]
