"""Reports generated from the TACL 1 examples, and what the code before TACL 2 said.

TACL 2 must give every TACL 1 contract and report the verdict it had, byte for
byte, except where a clause that is not yet due turned from `missing` into
`pending` (language-v2.md §1). To test that against the earlier code rather than
against the code under test, the verdicts are computed once with the code
*before* a change and their digests stored in tests/property/v1-verdicts.json.
This module makes the reports (seeded, so the same seed always gives the same
report), puts `pending` back as the `missing` TACL 1 gave (`as_v1`) and reduces
a verdict to its digest:

    python tests/property/v1_corpus.py     # rewrite the digests, with the code BEFORE the change

History: first recorded with the last TACL 1 code (main at e0967c2, before
`pending`); all 400 verdicts of the TACL 2 code equalled them. Re-recorded with
main at b7f7a80 (pending in, §2–5 not yet), after issue 7 changed how TACL 1
verdicts show `expected` values on purpose; and again with main at 31cc81e (the
same, plus issue 8's quoted clause paths and report number reading). Re-recorded
on 2026-12-01 with the code of a change itself (main at b34a628 plus the commit
that keeps a colour's written decimals), after comparing the verdicts of the code
before and after over all 400 cases: their 702 differences were all a colour's
`expected` and nothing else, the same numbers by value (`lab(24.6, 1.9, -17.3) ±
1 dE` became `… ± 1.0 dE`). When another issue changes TACL 1 verdicts on purpose,
re-record them from the code before that change — or, as just said, compare the two
codes' verdicts first and record only when every difference is the intended one; on
the changed code alone the command records whatever that code says and the test
proves nothing.

The digest covers the whole verdict JSON except the contract fingerprint (which
the fingerprint tests guard on their own), or the report error's path and
message.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIGESTS = Path(__file__).with_name("v1-verdicts.json")
# The examples whose contracts are unchanged since TACL 1 (chairs, lanterns and rice
# dropped `deliver by` under FOB/CIF), each with its report that varies most.
EXAMPLES = {
    "lamps": "compliant.yaml",
    "tshirts": "compliant.yaml",
    "earbuds": "compliant.json",
    "mugs": "compliant.yaml",
    "lipsticks": "compliant.yaml",
}
CASES_PER_EXAMPLE = 80


def _day(value) -> datetime.date | None:
    if value is None:
        return None
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _shift(value, days: int) -> str | None:
    day = _day(value)
    return None if day is None else (day + datetime.timedelta(days=days)).isoformat()


def mutate(base: dict, seed: int) -> tuple[dict, str | None]:
    """A report varied from `base` by one seed, and the `--as-of` date to judge it on."""
    rng = random.Random(seed)
    report = copy.deepcopy(base)
    inspection = report["inspection"]
    inspection["date"] = _shift(inspection["date"], rng.randint(-60, 15))
    if rng.random() < 0.4:
        inspection["kind"] = rng.choice(["pre-shipment", "post-delivery"])
    shipment = report.setdefault("shipment", {})
    offset = rng.choice([0, 0, 0, rng.randint(-20, 10)])
    for key in ("shipped", "customs-cleared", "delivered"):
        if key in shipment:
            shipment[key] = _shift(shipment[key], offset)
    for key in ("shipped", "customs-cleared", "delivered", "partial"):
        if key in shipment and rng.random() < 0.3:
            del shipment[key]
    if rng.random() < 0.05 and shipment.get("shipped"):
        shipment["delivered"] = _shift(shipment["shipped"], -3)  # a report error
    for product in report.get("products", {}).values():
        for key in list(product):
            if key != "aql" and rng.random() < 0.04:
                del product[key]
        aql = product.get("aql")
        if isinstance(aql, dict) and isinstance(aql.get("defects"), dict) and rng.random() < 0.2:
            for cls in aql["defects"]:
                aql["defects"][cls] = rng.randint(0, 3)
    dispute = report.get("dispute")
    if dispute and rng.random() < 0.5:
        report.pop("dispute")
    as_of = None
    if rng.random() < 0.3:
        as_of = _shift(inspection["date"], rng.randint(-10, 40))
    return report, as_of


def base_report(example: str) -> tuple[Path, dict]:
    from tacl.evaluate.report import load_file

    contract = ROOT / "examples" / example / "po.tacl"
    tree, _ = load_file(str(ROOT / "examples" / example / "reports" / EXAMPLES[example]))
    tree = json.loads(json.dumps(tree, default=str))  # YAML dates become text, as in JSON
    tree.pop("contract-sha256", None)  # the fingerprint is guarded elsewhere
    return contract, tree


def outcome(contract, report: dict, as_of) -> dict:
    """The verdict's JSON without the fingerprint, or the report error as path and message."""
    from tacl.errors import TaclError

    try:
        verdict = contract.evaluate(report, as_of=as_of).to_dict()
    except TaclError as error:
        return {"error": [getattr(error, "path", None), str(error)]}
    verdict["contract"].pop("sha256")
    return verdict


V1_MESSAGES = {
    "ship-by": "not shipped yet; the deadline {until} has not passed as of {today}",
    "deliver-by": "not delivered yet; the deadline {until} has not passed as of {today}",
    "partial": "the report does not say whether the shipment was partial",
}


def as_v1(verdict: dict, report: dict, as_of) -> dict:
    """The verdict as TACL 1 would have written it: every pending finding back to missing."""
    today = as_of or report["inspection"]["date"]
    changed = False
    for finding in verdict.get("findings", ()):
        if finding["status"] != "pending":
            continue
        changed = True
        until = finding.pop("until")
        kind = finding["clause"].rpartition(".")[2]
        finding["status"] = "missing"
        finding["message"] = V1_MESSAGES[kind].format(until=until, today=today)
    if changed and verdict["status"] == "compliant":
        verdict["status"] = "inconclusive"
        verdict["claim"]["notes"] = ["no claim: some clauses lack evidence"]
    return verdict


def digest(data: dict) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def cases():
    """(example, seed, contract path, report, as-of) for every case of the corpus."""
    for example in EXAMPLES:
        path, base = base_report(example)
        for seed in range(CASES_PER_EXAMPLE):
            report, as_of = mutate(base, seed)
            yield example, seed, path, report, as_of


def main() -> None:
    import tacl

    contracts: dict = {}
    found = {}
    for example, seed, path, report, as_of in cases():
        contract = contracts.setdefault(path, tacl.load(path))
        found[f"{example}/{seed}"] = digest(as_v1(outcome(contract, report, as_of), report, as_of))
    DIGESTS.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(found)} digests to {DIGESTS}")


if __name__ == "__main__":
    main()
