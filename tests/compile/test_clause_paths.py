"""Issue 8 item 7: clause paths are unambiguous, whatever the names hold.

`product "A"` with `spec "spec.b"` and `product "A.spec"` with `spec b` were both
`products.A.spec.spec.b`: "stated twice", and the help said to delete a real
requirement. A name holding the separator (or a quote, a backslash, a bracket) is
quoted in the path; `paths.split` reads every path back into its segments.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import tacl
import tacl.paths as paths

NAMES = st.text(
    alphabet=st.sampled_from(list('ab.."\\[] -x')) | st.characters(min_codepoint=0x20),
    max_size=8,
)


def _contract(products: list[tuple[str, str]]) -> str:
    body = "".join(
        f'  product "{_escape(sku)}" {{\n    spec "{_escape(name)}" at most 5 V\n  }}\n'
        for sku, name in products
    )
    return f'contract "P-1" {{\n  currency USD\n{body}}}\n'


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def test_the_reproducer_is_two_clauses():
    source = _contract([("A", "spec.b"), ("A.spec", "b")])
    contract = tacl.compile_source(source, name="p.tacl")  # no "stated twice"
    specs = [c.path for c in contract.clauses if ".spec." in c.path]
    assert specs == ['products.A.spec."spec.b"', 'products."A.spec".spec.b']
    report = {
        "tacl-report": 1,
        "contract": "P-1",
        "inspection": {"kind": "pre-shipment", "date": "2026-04-24"},
        "products": {"A": {"spec": {"spec.b": "4 V"}}, "A.spec": {"spec": {"b": "6 V"}}},
    }
    found = {f.clause: f.status for f in contract.evaluate(report).findings}
    assert found['products.A.spec."spec.b"'] == "pass"  # 4 V ≤ 5 V
    assert found['products."A.spec".spec.b'] == "fail"  # 6 V > 5 V


def test_a_name_without_special_characters_is_written_as_before():
    assert paths.join("products", "DL-200", "test", "power on") == "products.DL-200.test.power on"


@settings(max_examples=1000)
@given(st.lists(NAMES, min_size=1, max_size=5))
def test_split_reads_back_what_join_wrote(names):
    assert paths.split(paths.join(*names)) == tuple(names)


@settings(max_examples=500)
@given(st.lists(NAMES, min_size=1, max_size=4), st.lists(NAMES, min_size=1, max_size=4))
def test_different_segments_never_share_a_path(first, second):
    if first != second:
        assert paths.join(*first) != paths.join(*second)


SKUS = st.text(alphabet="AB.-", min_size=1, max_size=5).filter(lambda t: t.strip())
SPECS = st.text(alphabet='ab."\\ ', min_size=1, max_size=5).filter(lambda t: t.strip())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(SKUS, SPECS), min_size=1, max_size=4, unique_by=lambda p: p[0]))
def test_every_clause_reads_its_own_report_key(products):
    contract = tacl.compile_source(_contract(products), name="p.tacl")
    specs = [c for c in contract.clauses if c.kind == "measure"]
    assert len({c.path for c in specs}) == len(products)
    report = {
        "tacl-report": 1,
        "contract": "P-1",
        "inspection": {"kind": "pre-shipment", "date": "2026-04-24"},
        "products": {sku: {"spec": {name: f"{i} V"}} for i, (sku, name) in enumerate(products)},
    }
    verdict = contract.evaluate(report)
    for index, (sku, name) in enumerate(products):
        path = paths.join("products", sku, "spec", name)
        (found,) = [f for f in verdict.findings if f.clause == path]
        assert found.actual == f"{index} V"
