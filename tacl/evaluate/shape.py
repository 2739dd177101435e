"""The shape of a report that a contract expects, built once per compiled contract.

A report is read by walking it alongside this tree: every key the contract knows
has a node (a mapping of further keys) or a leaf (a reader that parses the value
into the evidence: a clause's samples, or a field of a shared record; see
evidence.py); every other key is reported as a warning. Building the tree is the only per-contract work, so it is cached against
the contract object (by identity: two layouts of one contract have different
source locations) and reused for every report, from any thread.
"""

from __future__ import annotations

import threading
import weakref

import tacl.paths as paths
from tacl.compile.ir import (
    AqlClause,
    AssortmentClause,
    BarcodeClause,
    ColourClause,
    MeasureClause,
    PassFailClause,
    TextClause,
)
from tacl.compile.requirements import (
    AppearanceClause,
    ContainsClause,
    DateClause,
    DocumentClause,
    EMarkClause,
    PatternClause,
)
from tacl.evaluate import assortments, order_shape, samples
from tacl.evaluate.evidence import (
    DisputeFacts,
    EvidenceBuilder,
    Field,
    InspectionFacts,
    MeasuredSamples,
    Sampling,
    ShipmentFacts,
)
from tacl.standards.compound import lookup
from tacl.standards.exact import format_fraction
from tacl.standards.units import units_of

AXES_HEADS = {("size",): "size", ("packaging", "carton-size"): "carton-size"}
AXES = ("length", "width", "height")


def is_axis(keys: tuple[str, ...]) -> bool:
    """Whether product report keys name one axis of a size the report gives as one text
    (`"421 x 179 x 121 mm"`): the product's size, the carton size, a named carton's
    size (`packaging.carton.NAME.size`) or the pallet's (`packaging.pallet.size`)."""
    if keys[-1] not in AXES:
        return False
    head = keys[:-1]
    if head in AXES_HEADS or head == ("packaging", "pallet", "size"):
        return True
    return len(head) == 4 and head[:2] == ("packaging", "carton") and head[3] == "size"


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
        """The node of `key`, made on first use; keyed in normal form C (see `lookup`)."""
        found = self.children.get(key)
        if found is None:
            normal = samples.nfc(key)
            found = self.children.get(normal)
            if found is None:
                found = Node(paths.child(self.path, key))
                self.children[normal] = found
        return found

    def lookup(self, key):
        """The child a report key names: `Café` finds `Café` however either is composed."""
        found = self.children.get(key)
        if found is None and type(key) is str and not key.isascii():
            found = self.children.get(samples.nfc(key))
        return found


class SamplesLeaf:
    """Reads one report value into the samples of the clause at `path`."""

    __slots__ = ("path", "reader")

    def __init__(self, path: str, reader):
        self.path = path
        self.reader = reader

    def read(self, value, path: str, found: EvidenceBuilder) -> None:
        found.samples[self.path] = self.reader(value, path)


class FieldLeaf:
    """Reads one report value into a field of a shared record (evidence.py)."""

    __slots__ = ("slot", "index", "template", "reader")

    def __init__(self, kind: type, key: str, name: str, reader):
        self.slot, self.index, self.template = Field.of(kind, key, name)
        self.reader = reader

    def read(self, value, path: str, found: EvidenceBuilder) -> None:
        values = found.values.get(self.slot)  # EvidenceBuilder.set, inline: the hot path
        if values is None:
            values = found.values[self.slot] = list(self.template)
        values[self.index] = self.reader(value, path)


class KnownLeaf:
    """A key that is known but checked elsewhere (the report's header)."""

    __slots__ = ()

    def read(self, value, path: str, found: EvidenceBuilder) -> None:
        pass


class AxesLeaf:
    """A size list (`"421 x 179 x 121 mm"` per sample) feeding one clause per axis."""

    __slots__ = ("clauses", "shown")

    def __init__(self, clauses: list[MeasureClause]):
        self.clauses = tuple(clauses)
        unit = clauses[0].unit
        nominal = [
            format_fraction(lookup(unit).from_base(c.nominal)) if c.nominal is not None else "420"
            for c in clauses
        ]
        self.shown = " x ".join(nominal) + f" {unit}"

    def read(self, value, path: str, found: EvidenceBuilder) -> None:
        count = len(self.clauses)
        columns = None
        if type(value) is list and 0 < len(value) <= samples.MAX_SAMPLES:
            columns = samples.quick_axes_all(value, count)  # the common case, no error paths
        if columns is None:
            columns = [MeasuredSamples.of(axis) for axis in zip(*self._careful(value, path, count))]
        for clause, values in zip(self.clauses, columns):
            found.samples[clause.path] = values

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
    units = units_of(dimension)
    quick, quick_all, slow = samples.quick_measured, samples.quick_measured_all, samples.measured

    def read(value, path) -> MeasuredSamples:
        if type(value) is list and 0 < len(value) <= samples.MAX_SAMPLES:
            found = quick_all(value, units)  # the common case, no error paths
            if found is not None:
                return found
        elif type(value) is int:  # a bare count, or an error
            return MeasuredSamples.of((slow(value, path, dimension, unit),))
        many = isinstance(value, (list, tuple))
        items = samples.as_list(value, path)
        found = []
        for index, item in enumerate(items):
            sample = quick(item, units)
            if sample is None:
                sample = slow(item, samples.item_path(path, index, many), dimension, unit)
            found.append(sample)
        return MeasuredSamples.of(found)

    return read


def _listed(one):
    def read(value, path):
        if type(value) is str and one is samples.text and len(value) <= samples.MAX_TEXT:
            return (value,)  # the common case, without the list machinery
        if not isinstance(value, (list, tuple)):
            return (one(value, path),)  # one sample, read at the value's own path
        items = samples.as_list(value, path)
        return tuple(one(item, f"{path}[{i}]") for i, item in enumerate(items))

    return read


_READERS = {
    AssortmentClause: assortments.reader,
    TextClause: lambda clause: _listed(samples.text),
    ColourClause: lambda clause: _listed(samples.colour),
    BarcodeClause: lambda clause: _listed(samples.barcode),
    PassFailClause: lambda clause: samples.test_runs,
    MeasureClause: _measure_reader,
    EMarkClause: _measure_reader,
    DateClause: lambda clause: _listed(samples.date),
    ContainsClause: lambda clause: _listed(samples.text),
    PatternClause: lambda clause: _listed(samples.text),
    AppearanceClause: lambda clause: samples.test_runs,
    DocumentClause: lambda clause: _listed(samples.received),
}


def report_keys(path: str) -> tuple[str, ...]:
    """The report keys of a clause path: its segments (tacl/paths.py), one key each.

    `products."A.spec".spec.b` is `products` › `A.spec` › `spec` › `b` in a report,
    and `products.A.spec."spec.b"` is `products` › `A` › `spec` › `spec.b`.
    """
    return paths.split(path)


def build(contract) -> Node:
    """The report tree for a contract: header, inspection, shipment, dispute, products."""
    root = Node()
    for key in ("tacl-report", "contract", "contract-sha256"):
        root.child(key).leaf = KnownLeaf()
    for section, (kind, keys) in SECTIONS.items():
        if section == "shipment" and contract.named_shipments:
            continue
        node = root.child(section)
        for key, reader in keys.items():
            node.child(key).leaf = FieldLeaf(kind, "", key.replace("-", "_"), reader)
    if contract.named_shipments:
        _shipments(root, contract)
    products = root.child("products")
    for product in contract.products:
        products.child(product.sku)
    axes: dict[tuple, list] = {}
    for clause in contract.clauses:
        if isinstance(clause, AqlClause):
            _aql(_lot_node(root, clause.lot), clause)
            continue
        segments = report_keys(clause.path)
        if isinstance(clause, DocumentClause):  # `documents.NAME`, or under its shipment
            _document(root, clause, segments)
            continue
        if segments[0] != "products":
            continue
        sku, keys = segments[1], segments[2:]
        if is_axis(keys) and isinstance(clause, MeasureClause):
            axes.setdefault((sku, keys[:-1]), []).append(clause)
            continue
        node = products.child(sku)
        for key in keys:
            node = node.child(key)
        node.leaf = SamplesLeaf(clause.path, _READERS[type(clause)](clause))
    for (sku, keys), clauses in axes.items():
        node = products.child(sku)
        for key in keys:
            node = node.child(key)
        node.leaf = AxesLeaf(clauses)
    for clause in contract.clauses:
        if isinstance(clause, AssortmentClause):  # assortments.NAME: the cartons opened
            name = report_keys(clause.path)[1]
            leaf = SamplesLeaf(clause.path, _READERS[AssortmentClause](clause))
            root.child("assortments").child(name).leaf = leaf
    return root


def _document(root: Node, clause: DocumentClause, segments: tuple[str, ...]) -> None:
    node = root
    for key in segments[:-1]:
        node = node.child(key)
    node.child(segments[-1]).leaf = SamplesLeaf(clause.path, _listed(samples.received))


def sampling_key(clause: AqlClause) -> str:
    """The key of an AQL clause's `Sampling` record: the report path of its `aql` mapping.

    `products.SKU.aql` for a product's own lot, `shipments.NAME.aql` for a named
    shipment's and `aql` (at the top of the report) for the unnamed shipment's.
    """
    return "aql" if clause.lot == "lot" else paths.child(clause.lot, "aql")


def _aql(node: Node, clause: AqlClause) -> None:
    aql = node.child("aql")
    key = sampling_key(clause)
    aql.child("lot-size").leaf = FieldLeaf(Sampling, key, "lot_size", _lot_size)
    aql.child("sample-size").leaf = FieldLeaf(Sampling, key, "sample_size", _sample_size)
    defects = aql.child("defects")
    defects.leaf = FieldLeaf(Sampling, key, "named", order_shape.named_defects)
    defects.child(clause.defect_class).leaf = FieldLeaf(
        Sampling, key, clause.defect_class, _defects
    )


def _lot_node(root: Node, lot: str) -> Node:
    """The report mapping that holds a lot's `aql`: the product's, the root or a shipment's."""
    if lot == "lot":
        return root
    section, name = paths.split(lot)  # `products.SKU` or `shipments.NAME`
    return root.child(section).child(name)


def _shipments(root: Node, contract) -> None:
    """`shipments.NAME.{shipped, …, goods.SKU}` and the scope; a `shipment` section is refused."""
    names = tuple(s.name for s in contract.shipments)
    root.child("shipment").leaf = FieldLeaf(
        InspectionFacts, "", "inspector", _refuse_unnamed(names)
    )
    root.child("inspection").child("shipments").leaf = FieldLeaf(
        InspectionFacts, "", "shipments", lambda value, path: order_shape.scope(value, path, names)
    )
    node = root.child("shipments")
    _, keys = SECTIONS["shipment"]
    for shipment in contract.shipments:
        child = node.child(shipment.name)
        for key, reader in keys.items():
            field = key.replace("-", "_")
            child.child(key).leaf = FieldLeaf(ShipmentFacts, shipment.name, field, reader)
        for line in shipment.goods:
            goods = child.child("goods").child(line.sku)
            goods.leaf = SamplesLeaf(line.clause.path, _measure_reader(line.clause))


def _refuse_unnamed(names):
    def read(value, path):
        from tacl.errors import ReportError

        listed = ", ".join(f'"{n}"' for n in names)
        raise ReportError(
            path,
            f"the contract names its shipments ({listed}): give each one's dates under "
            "`shipments.NAME`, not under `shipment`",
        )

    return read


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


#: The report's sections: each key a field of one record (`customs-cleared` → `customs_cleared`).
SECTIONS = {
    "inspection": (
        InspectionFacts,
        {"kind": _kind, "date": samples.date, "inspector": samples.text},
    ),
    "shipment": (
        ShipmentFacts,
        {
            "shipped": _optional_date,
            "customs-cleared": _optional_date,
            "delivered": _optional_date,
            "partial": samples.flag,
        },
    ),
    "dispute": (
        DisputeFacts,
        {
            "opened": _optional_date,
            "supplier-responded": _optional_date,
            "agreement": lambda value, path: None if value is None else samples.flag(value, path),
        },
    ),
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
