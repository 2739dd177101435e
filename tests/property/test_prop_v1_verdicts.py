"""TACL 1 contracts and reports give the verdicts they had, apart from `pending` (language-v2.md §1).

400 reports varied from five TACL 1 examples (dates shifted, dates and clauses
dropped, inspection kinds flipped, defect counts changed, `--as-of` dates) are
judged by the current code and compared with what the code before TACL 2's
order statements said about them, stored as digests in
tests/property/v1-verdicts.json (see v1_corpus.py for when and from which code
they were recorded). The one allowed difference is undone before comparing: a
`pending` finding is put back as the `missing` one TACL 1 gave, with its
message, and the status and the claim's note follow from that.
"""

from __future__ import annotations

import json

import pytest

import tacl
from tests.property import v1_corpus

DIGESTS = json.loads(v1_corpus.DIGESTS.read_text(encoding="utf-8"))
CASES = list(v1_corpus.cases())
_CONTRACTS: dict = {}


def test_the_corpus_covers_every_case():
    assert len(DIGESTS) == len(CASES) == len(v1_corpus.EXAMPLES) * v1_corpus.CASES_PER_EXAMPLE


def test_the_corpus_reaches_pending_and_each_status():
    """So the comparison below meets the one difference it allows, and more than one status."""
    seen, pending = set(), 0
    for _example, _seed, path, report, as_of in CASES:
        found = v1_corpus.outcome(_contract(path), report, as_of)
        seen.add(found.get("status", "error"))
        pending += any(f["status"] == "pending" for f in found.get("findings", ()))
    assert {"compliant", "noncompliant", "inconclusive", "error"} <= seen
    assert pending >= 20


def _contract(path):
    if path not in _CONTRACTS:
        _CONTRACTS[path] = tacl.load(path)
    return _CONTRACTS[path]


@pytest.mark.parametrize(
    ("example", "seed", "path", "report", "as_of"),
    CASES,
    ids=[f"{c[0]}-{c[1]}" for c in CASES],
)
def test_v1_verdict_is_unchanged_apart_from_pending(example, seed, path, report, as_of):
    found = v1_corpus.outcome(_contract(path), report, as_of)
    assert (
        v1_corpus.digest(v1_corpus.as_v1(found, report, as_of)) == DIGESTS[f"{example}/{seed}"]
    ), json.dumps(found, indent=1)[:3000]
