"""What a report says, read against one contract: typed evidence for the checks.

Two kinds of evidence come out of reading a report (see shape.py for the reading):

- **samples**, by clause path: the values one clause judges, one per sample, typed
  by the clause's kind — `MeasuredSamples` (exact values with their units) for a
  measured clause; a tuple of `ColourReading` for a colour, of `str` for a text or
  a barcode's digits, of `bool` for test runs;
- **records**, by record type and key: facts gathered from several report keys
  into one frozen record — the report's sections (`InspectionFacts`,
  `ShipmentFacts`, `DisputeFacts`, under the key "") and `Sampling` (the ISO
  2859-1 inspection of one lot: lot size, sample size, defects per class), keyed
  by the report path of its `aql` mapping.

Adding an evidence kind is local: a record class (a NamedTuple) here or next to
its check, a leaf in shape.py that `set`s its fields (`FieldLeaf(Kind, key, "field",
reader)`), and the check that asks `evidence.record(Kind, key)`. Nothing else
changes, and no key mixes strings and tuples: samples are keyed by clause path,
records by (type, key).

Records are NamedTuples rather than frozen attrs classes on purpose, measured
with benchmarks/bench_evaluate.py: a report makes a few of them and tens of
samples on the hot path, where an attrs frozen `__init__` costs about 1.5 µs and
`tuple.__new__` of a NamedTuple 0.2 µs. Measured samples go one step further
(see `MeasuredSamples`).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

from tacl.standards.units import Unit

R = TypeVar("R")


class Measured(NamedTuple):
    """One measured sample: `mantissa / 10**exponent` in `unit`, exactly; `text` as shown."""

    mantissa: int
    exponent: int
    unit: Unit
    text: str


class ColourReading(NamedTuple):
    """One colour sample: its form (`hex`, `lab`, `pantone`, `ral`, `name`), normalised text,
    Lab coordinates when measured (else None), and the text to show."""

    form: str
    text: str
    lab: tuple[float, float, float] | None
    shown: str


class MeasuredSamples(tuple):
    """The samples of one measured clause: a tuple of rows `(mantissa, exponent, unit,
    text)`, the fields of `Measured` in their order.

    Rows are plain tuples and not `Measured` because the quick readers make tens
    of them a report, and a NamedTuple per row cost about 5 % of evaluating one
    (benchmarks/bench_evaluate.py). Read rows by unpacking them in that order
    (`for mantissa, exponent, unit, text in samples`), or use `each()` and `texts`.
    """

    __slots__ = ()

    @property
    def texts(self) -> list[str]:
        """The samples as the report writes them (normalised spacing)."""
        return [text for _m, _e, _u, text in self]

    def each(self) -> list[Measured]:
        """The samples one by one, named, for what is not on the hot path."""
        return [Measured(*row) for row in self]

    @classmethod
    def of(cls, found) -> MeasuredSamples:
        """The samples of `Measured` values read one by one (the careful readers)."""
        return tuple.__new__(cls, [tuple(sample) for sample in found])


new_record = tuple.__new__  # `new_record(Kind, (field, …))`: a NamedTuple without its __new__


class RunTally(NamedTuple):
    """A test's runs as a report gives them: `pass`/`fail`, a list of them, or the counts
    `{passed: P, failed: F}` (language-v2.md §6, tests with counts)."""

    passed: int
    failed: int

    @property
    def units(self) -> int:
        return self.passed + self.failed


class InspectionFacts(NamedTuple):
    """The report's `inspection` section: which inspection it records, when, by whom."""

    kind: str
    date: datetime.date
    inspector: str | None = None
    shipments: tuple[str, ...] | None = None  # the scope (language-v2.md §2); None: every one


class ShipmentFacts(NamedTuple):
    """A report's `shipment` section (key ""), or a named shipment's under `shipments`
    (key: its name); None where the report is silent."""

    shipped: datetime.date | None = None
    customs_cleared: datetime.date | None = None
    delivered: datetime.date | None = None
    partial: bool | None = None


class DisputeFacts(NamedTuple):
    """A report's `dispute` section (key ""); None where the report is silent."""

    opened: datetime.date | None = None
    supplier_responded: datetime.date | None = None
    agreement: bool | None = None


class Sampling(NamedTuple):
    """The ISO 2859-1 inspection of one lot as the report gives it; None where it is silent."""

    lot_size: int | None = None
    sample_size: int | None = None
    critical: int | None = None
    major: int | None = None
    minor: int | None = None
    # named defects (language-v2.md §4): (shown name, folded name, count, class or None)
    named: tuple[tuple[str, str, int, str | None], ...] | None = None

    def defects(self, defect_class: str) -> int | None:
        """The defects counted in one class (`critical`, `major`, `minor`)."""
        return getattr(self, defect_class)


_NONE: Mapping = MappingProxyType({})


class Evidence(NamedTuple):
    """The evidence of one report: samples by clause path, shared records by type and key."""

    samples: Mapping[str, tuple] = _NONE
    records: Mapping[type, Mapping[str, Any]] = _NONE

    def record(self, kind: type[R], key: str) -> R | None:
        """The record of type `kind` under `key`, or None when the report gives none."""
        return self.records.get(kind, _NONE).get(key)


class Field(NamedTuple):
    """Where a reader puts a value: field `index` of the record `slot` = (kind, key)."""

    slot: tuple[type, str]
    index: int
    template: tuple  # the record's defaults, UNSET where a field is required

    @property
    def kind(self) -> type:
        return self.slot[0]

    @classmethod
    def of(cls, kind: type, key: str, name: str) -> Field:
        """The field `name` of `kind`; a name the record does not have is a TypeError."""
        if name not in kind._fields:
            raise TypeError(f"{kind.__name__} has no field {name!r}")
        defaults = kind._field_defaults
        template = tuple(defaults.get(field, UNSET) for field in kind._fields)
        return cls((kind, key), kind._fields.index(name), template)


class _Unset:
    """A required field no reader has set yet."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


class EvidenceBuilder:
    """Collects evidence while a report is read; `build()` freezes it into `Evidence`.

    Readers write `samples[clause path]` directly and a record's fields through
    a `Field` made when the report's shape is built (so a wrong field name fails
    then, not per report); the records are made once at the end, positionally,
    which costs a sixth of calling the class (measured: ≈ 0.2 µs against 1.2 µs).
    """

    __slots__ = ("samples", "values")

    def __init__(self) -> None:
        self.samples: dict[str, tuple] = {}
        self.values: dict[tuple[type, str], list] = {}  # (kind, key) → its field values

    def set(self, field: Field, value: Any) -> None:
        """Set one field of a record (shape.FieldLeaf does the same inline)."""
        values = self.values.get(field.slot)
        if values is None:
            values = self.values[field.slot] = list(field.template)
        values[field.index] = value

    def put(self, kind: type, key: str, name: str, value: Any) -> None:
        """Set the field `name` of the record `kind` under `key` (`set` for hot paths)."""
        self.set(Field.of(kind, key, name), value)

    def has(self, kind: type, key: str, name: str) -> bool:
        values = self.values.get((kind, key))
        return values is not None and values[kind._fields.index(name)] is not UNSET

    def build(self) -> Evidence:
        """The evidence; a record whose required field no reader set is a TypeError."""
        records: dict[type, dict[str, Any]] = {}
        new = new_record
        for (kind, key), values in self.values.items():
            if UNSET in values:
                raise TypeError(f"{kind.__name__} {key!r} lacks a required field")
            keyed = records.get(kind)
            if keyed is None:
                keyed = records[kind] = {}
            keyed[key] = new(kind, values)
        return new(Evidence, (self.samples, records))
