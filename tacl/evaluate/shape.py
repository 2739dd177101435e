"""The shape of a report that a contract expects, built once per compiled contract.

A report is read by walking it alongside this tree: every key the contract knows
has a node (a mapping of further keys) or a leaf (a reader that parses the value
and stores the evidence under a clause path); every other key is reported as a
warning. Building the tree is the only per-contract work, so it is cached against
the contract object (by identity: two layouts of one contract have different
source locations) and reused for every report, from any thread.
"""

from __future__ import annotations

import threading
import weakref

from tacl.compile.ir import (
    AqlClause,
    BarcodeClause,
    ColourClause,
    MeasureClause,
    PassFailClause,
    TextClause,
)
from tacl.compile.units import UNITS, format_fraction
from tacl.evaluate import samples

NAMED = ("dimension", "spec", "test")  # NAME may be any string, dots included
PARTS = ("material", "color", "marking")  # PART is a word
AXES_HEADS = {("size",): "size", ("packaging", "carton-size"): "carton-size"}


class Node:
    """A mapping in the report: known keys → child Node; `leaf` reads a non-mapping value.

    `path` is the node's key path in the report (`products.SKU.weight`), fixed by
    its place in the tree, so that reading a report never formats a path it does
    not report; `in_products` says whether the node lies within `products`.
    """

    __slots__ = ("children", "leaf", "path", "in_products")

    def __init__(self, path: str = ""):
        self.children: dict[str, Node] = {}
        self.leaf = None
        self.path = path
        self.in_products = path.startswith("products")

    def child(self, key: str) -> Node:
        found = self.children.get(key)
        if found is None:
            found = self.children[key] = Node(f"{self.path}.{key}" if self.path else key)
        return found


class Leaf:
    """Reads one report value into `store[key]`."""

    __slots__ = ("key", "reader")

    def __init__(self, key, reader):
        self.key = key
        self.reader = reader

    def read(self, value, path: str, store: dict) -> None:
        store[self.key] = self.reader(value, path)


class AxesLeaf:
    """A size list (`"421 x 179 x 121 mm"` per sample) feeding one clause per axis."""

    __slots__ = ("clauses", "shown")

    def __init__(self, clauses: list[MeasureClause]):
        self.clauses = tuple(clauses)
        unit = clauses[0].unit
        nominal = [
            format_fraction(UNITS[unit].from_base(c.nominal)) if c.nominal is not None else "420"
            for c in clauses
        ]
        self.shown = " x ".join(nominal) + f" {unit}"

    def read(self, value, path: str, store: dict) -> None:
        count = len(self.clauses)
        columns = None
        if type(value) is list and 0 < len(value) <= samples.MAX_SAMPLES:
            columns = samples.quick_axes_all(value, count)  # the common case, no error paths
        if columns is None:
            columns = zip(*self._careful(value, path, count))
        for clause, values in zip(self.clauses, columns):
            store[clause.path] = values

    def _careful(self, value, path: str, count: int) -> list:
        """Every sample read with its own key path, so that an error names it."""
        items = samples.as_list(value, path)
        many = isinstance(value, (list, tuple))
        rows = []
        for index, item in enumerate(items):
            row = samples.quick_axes(item, count)
            if row is None:
                where = samples.item_path(path, index, many)
                row = samples.axes(item, where, count, self.shown)
            rows.append(row)
        return rows


def _measure_reader(clause: MeasureClause):
    dimension, unit = clause.dimension, clause.unit
    units = samples.UNITS_OF[dimension]
    quick, quick_all, slow = samples.quick_measured, samples.quick_measured_all, samples.measured

    def read(value, path):
        if type(value) is list and 0 < len(value) <= samples.MAX_SAMPLES:
            found = quick_all(value, units)  # the common case, no error paths
            if found is not None:
                return found
        many = isinstance(value, (list, tuple))
        items = samples.as_list(value, path)
        found = []
        for index, item in enumerate(items):
            sample = quick(item, units)
            if sample is None:
                sample = slow(item, samples.item_path(path, index, many), dimension, unit)
            found.append(sample)
        return tuple(found)

    return read


def _listed(one):
    def read(value, path):
        if type(value) is str and one is samples.text and len(value) <= samples.MAX_TEXT:
            return (value,)  # the common case, without the list machinery
        if not isinstance(value, (list, tuple)):
            return (one(value, path),)  # one sample, read at the value's own path
        many = isinstance(value, (list, tuple))
        items = samples.as_list(value, path)
        return tuple(one(item, samples.item_path(path, i, many)) for i, item in enumerate(items))

    return read


_READERS = {
    TextClause: lambda clause: _listed(samples.text),
    ColourClause: lambda clause: _listed(samples.colour),
    BarcodeClause: lambda clause: _listed(samples.barcode),
    PassFailClause: lambda clause: _listed(samples.test_result),
    MeasureClause: _measure_reader,
}


def product_keys(rest: str) -> tuple[str, ...]:
    """The report keys for a clause path below `products.SKU.`."""
    head, _, tail = rest.partition(".")
    if head in NAMED or head in PARTS:
        return (head, tail) if tail else (head,)
    if head == "packaging":
        second, _, name = tail.partition(".")
        return ("packaging", "test", name) if second == "test" else ("packaging", *tail.split("."))
    return tuple(rest.split("."))


def _split_sku(path: str, skus: list[str]) -> tuple[str, str]:
    for sku in skus:  # longest first: a SKU may itself contain dots
        prefix = f"products.{sku}."
        if path.startswith(prefix):
            return sku, path[len(prefix) :]
    raise ValueError(f"clause {path} names no product")  # pragma: no cover


def build(contract) -> Node:
    """The report tree for a contract: header, inspection, shipment, dispute, products."""
    root = Node()
    for key in ("tacl-report", "contract", "contract-sha256"):
        root.child(key).leaf = Leaf(key, _raw)
    for section, keys in SECTIONS.items():
        node = root.child(section)
        for key, reader in keys.items():
            node.child(key).leaf = Leaf(f"{section}.{key}", reader)
    products = root.child("products")
    skus = sorted((p.sku for p in contract.products), key=len, reverse=True)
    for product in contract.products:
        products.child(product.sku)
    axes: dict[tuple, list] = {}
    for clause in contract.clauses:
        if not clause.path.startswith("products."):
            continue
        sku, rest = _split_sku(clause.path, skus)
        if isinstance(clause, AqlClause):
            _aql(products.child(sku), clause)
            continue
        keys = product_keys(rest)
        if keys[:-1] in AXES_HEADS and isinstance(clause, MeasureClause):
            axes.setdefault((sku, keys[:-1]), []).append(clause)
            continue
        node = products.child(sku)
        for key in keys:
            node = node.child(key)
        node.leaf = Leaf(clause.path, _READERS[type(clause)](clause))
    for (sku, keys), clauses in axes.items():
        node = products.child(sku)
        for key in keys:
            node = node.child(key)
        node.leaf = AxesLeaf(clauses)
    return root


def _aql(node: Node, clause: AqlClause) -> None:
    aql = node.child("aql")
    sku = clause.sku
    aql.child("lot-size").leaf = Leaf(("aql", sku, "lot-size"), _lot_size)
    aql.child("sample-size").leaf = Leaf(("aql", sku, "sample-size"), _sample_size)
    defects = aql.child("defects")
    defects.child(clause.defect_class).leaf = Leaf(("aql", sku, clause.defect_class), _defects)


def _raw(value, path):
    return value


def _lot_size(value, path):
    return samples.count(value, path, "a lot size (a whole number)", minimum=2)


def _sample_size(value, path):
    return samples.count(value, path, "a sample size (a whole number)", minimum=1)


def _defects(value, path):
    return samples.count(value, path, "a number of defects", minimum=0)


def _kind(value, path):
    kind = samples.text(value, path, "pre-shipment or post-delivery")
    if kind not in ("pre-shipment", "post-delivery"):
        from tacl.diagnostics import did_you_mean
        from tacl.errors import ReportError

        hint = did_you_mean(kind, ("pre-shipment", "post-delivery"))
        raise ReportError(
            path,
            f'"{kind}" is not an inspection kind; expected pre-shipment or post-delivery'
            + (f"; {hint}" if hint else ""),
        )
    return kind


def _optional_date(value, path):
    return None if value is None else samples.date(value, path)


SECTIONS = {
    "inspection": {"kind": _kind, "date": samples.date, "inspector": samples.text},
    "shipment": {
        "shipped": _optional_date,
        "customs-cleared": _optional_date,
        "delivered": _optional_date,
        "partial": samples.flag,
    },
    "dispute": {
        "opened": _optional_date,
        "supplier-responded": _optional_date,
        "agreement": lambda value, path: None if value is None else samples.flag(value, path),
    },
}

_CACHE: dict[int, tuple[weakref.ref, dict]] = {}
_LOCK = threading.Lock()


def cached(contract, what: str, build):
    """`build(contract)`, computed once per compiled contract object and kept while it lives.

    Keyed by identity, not by fingerprint: two layouts of one contract share a
    fingerprint but not their source locations, which findings carry.
    """
    key = id(contract)
    entry = _CACHE.get(key)
    if entry is None or entry[0]() is not contract:
        with _LOCK:
            entry = _CACHE.get(key)
            if entry is None or entry[0]() is not contract:
                ref = weakref.ref(contract, lambda _ref, key=key: _CACHE.pop(key, None))
                entry = _CACHE[key] = (ref, {})
    values = entry[1]
    value = values.get(what)
    if value is None:
        value = values[what] = build(contract)
    return value


def shape_of(contract) -> Node:
    """The cached report tree of a compiled contract (built on first use)."""
    return cached(contract, "shape", build)
