"""Where each clause's evidence goes in a report: the key path, and what kind of value.

The inspection plan, the report template and the report's JSON Schema all need
the same answer to "under which key does the inspector record this clause, and
how?". It is derived here from the compiled contract's general structure — a
clause's path and kind — not from a list of statements, so a new clause kind
gets a key without a special case:

- a clause `X.ship-by` is recorded as the date `X.shipped`, `X.deliver-by` as
  `X.delivered`, `X.partial` as the flag `X.partial` (so `shipment.…` today and
  `shipments.NAME.…` alike);
- an AQL clause `LOT.aql.CLASS` as the defect count `LOT.aql.defects.CLASS`,
  beside `LOT.aql.lot-size` and `LOT.aql.sample-size` once per lot;
- a product clause under the keys the report reader expects: the segments of
  its path (tacl/paths.py, the evaluator's own `shape.report_keys`), size axes
  merged into one `"L x W x H unit"` list (`shape.is_axis`: the product's, a
  carton's, the pallet's).

Entries come in contract order, so a template reads like the contract.
"""

from __future__ import annotations

import attrs

import tacl.paths as paths
from tacl.compile.ir import AqlClause, Clause

#: Clause kinds recorded as the date or flag of a shipment event (the key's last word).
EVENT_KEYS = {"ship-by": "shipped", "deliver-by": "delivered", "partial": "partial"}

#: Value forms: how a report writes the value of an entry.
MEASURE, AXES_FORM, TEXT, COLOUR, BARCODE, TEST, ASSORTMENT = (
    "measure",
    "axes",
    "text",
    "color",
    "barcode",
    "test",
    "assortment",
)
DATE, FLAG, COUNT, LOT_SIZE, SAMPLE_SIZE = "date", "flag", "count", "lot-size", "sample-size"
#: TACL 2: dates as values (one a sample), and a document's date received.
DATES, DOCUMENT = "dates", "document"


@attrs.frozen
class Entry:
    """One report key and the clauses judged from its value (three for a size)."""

    key: tuple[str, ...]
    form: str
    clauses: tuple[Clause, ...]

    @property
    def dotted(self) -> str:
        return paths.join(*self.key)

    @property
    def clause(self) -> Clause:
        return self.clauses[0]


def lot_prefix(clause: AqlClause) -> str:
    """The path of the sampled lot an AQL clause belongs to (`products.SKU`, `lot`, …)."""
    return paths.join(*paths.split(clause.path)[:-2])


def lot_report_keys(lot: str) -> tuple[str, ...]:
    """Where a lot's `aql` mapping sits in a report: the order's one shared lot (`lot`)
    gives it at the top level (language-v2.md §3); every other lot under its own path."""
    return () if lot == "lot" else paths.split(lot)


def entries(contract) -> tuple[Entry, ...]:
    """Every report key the contract's clauses need, in contract order."""
    found: dict[tuple[str, ...], Entry] = {}
    skus = {p.sku for p in contract.products}
    for clause in contract.clauses:
        for key, form in _keys_of(clause, skus):
            entry = found.get(key)
            if entry is None:
                found[key] = Entry(key, form, (clause,))
            elif clause not in entry.clauses:
                found[key] = attrs.evolve(entry, clauses=(*entry.clauses, clause))
    return tuple(found.values())


def nested(found) -> dict:
    """Entries as a tree of their key parts (contract order kept): what a report looks like."""
    tree: dict = {}
    for entry in found:
        node = tree
        for part in entry.key[:-1]:
            node = node.setdefault(part, {})
        node[entry.key[-1]] = entry
    return tree


def entries_of(contract, clause: Clause) -> tuple[Entry, ...]:
    """The entries a clause is recorded under (an AQL clause: its lot's three keys)."""
    return tuple(e for e in entries(contract) if any(c is clause for c in e.clauses))


def _keys_of(clause, skus) -> list[tuple[tuple[str, ...], str]]:
    segments = paths.split(clause.path)
    head, last = segments[:-1], segments[-1]
    event = EVENT_KEYS.get(clause.kind)
    if event is not None:
        return [((*head, event), FLAG if event == "partial" else DATE)]
    if isinstance(clause, AqlClause) or clause.kind == "aql":
        lot = lot_report_keys(lot_prefix(clause)) if "aql" in head else head
        return [
            ((*lot, "aql", "lot-size"), LOT_SIZE),
            ((*lot, "aql", "sample-size"), SAMPLE_SIZE),
            ((*lot, "aql", "defects", last), COUNT),
        ]
    if segments[0] != "products" or segments[1] not in skus:
        return [(segments, _form(clause))]
    from tacl.evaluate.shape import is_axis

    keys = segments[2:]
    if is_axis(keys) and clause.kind == "measure":
        return [(("products", segments[1], *keys[:-1]), AXES_FORM)]
    return [(segments, _form(clause))]


def _form(clause) -> str:
    if clause.kind == "e-mark":  # packages measured in a mass or volume, like any measure
        return MEASURE
    if clause.kind == "appearance":  # pass or fail against the reference sample, like a test
        return TEST
    if clause.kind == "date":  # a date-valued spec: one date a sample
        return DATES
    if clause.kind == "document":  # the date received, or "not received"
        return DOCUMENT
    return (
        clause.kind if clause.kind in (MEASURE, TEXT, COLOUR, BARCODE, TEST, ASSORTMENT) else TEXT
    )


def axes_text(count: int, unit: str) -> str:
    """How a report writes a size of `count` axes: `"L x W x H mm"` or `"L x W mm"`."""
    return " x ".join("LWH"[:count]) + f" {unit}"


def axis_name(clause) -> str:
    """`length`, `width` or `height` of a size clause."""
    return clause.path.rpartition(".")[2]
