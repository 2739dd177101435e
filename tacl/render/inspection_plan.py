"""The inspection plan of a contract: what an inspector samples, measures and records.

A pure function of the compiled contract (and, optionally, lot sizes the
inspector was told on site): `build_plan` returns a frozen `InspectionPlan` that
the Markdown, HTML and template renderers print. Nothing here is specific to a
statement: sections come from the clauses' paths (order-level clauses, then one
section per sampled lot), each check shows what the clause accepts (accepted.py:
its `expected` in the contract's own precision) and the report key from
report_keys.py, and the sampling plan comes from ISO 2859-1 for every lot that
has AQL clauses.

How many samples to record (docs/plan.md): a lot's AQL inspection draws the
plan's sample size; a measured clause (and a colour with a ΔE tolerance) is
recorded on the sample size of special inspection level S-2 for the lot — the
level ISO 2859-1 provides "where relatively small sample sizes are necessary",
which is how inspection companies size measurement checks — and every other
clause once (a count, a text, a barcode, a test). An assortment's cartons are
opened on the S-2 sample size of the cartons the order fills (each SKU's
nominal quantity over its count a carton, the smallest). Every recorded sample must
pass; more samples are always allowed.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

import tacl.paths as paths
from tacl.compile.inspection import aql_label
from tacl.compile.ir import AqlClause, Clause
from tacl.render import report_keys
from tacl.render.accepted import accepted
from tacl.render.report_keys import Entry

MEASURE_LEVEL = "S-2"
ORDER = "order"


@attrs.frozen
class ClassPlan:
    """The ISO 2859-1 plan for one defect class of a lot."""

    defect_class: str
    aql: str
    code: str
    final_code: str
    sample_size: int
    accept: int
    reject: int
    full_inspection: bool
    defects: tuple[str, ...] = ()


@attrs.frozen
class Check:
    """One clause to check: what is accepted, how many readings, under which key."""

    number: int
    clause: Clause
    label: str
    expected: str
    statement: str | None
    key: str
    form: str
    samples: int | None
    line: int | None


@attrs.frozen
class Lot:
    """A sampled lot: its size and where it came from, and the plan per defect class."""

    key: str  # the report key prefix of its `aql` block, e.g. `products.DL-200`
    size: int | None
    size_source: str
    level: str | None
    classes: tuple[ClassPlan, ...]

    @property
    def sample_size(self) -> int | None:
        return max((c.sample_size for c in self.classes), default=None)

    @property
    def code(self) -> str | None:
        return self.classes[0].code if self.classes else None

    @property
    def full_inspection(self) -> bool:
        return any(c.full_inspection for c in self.classes)


@attrs.frozen
class Section:
    """A part of the plan: the order's shipment clauses, or one product or lot."""

    key: str
    title: str
    subtitle: str | None
    lot: Lot | None
    checks: tuple[Check, ...]
    note: str | None = None


@attrs.frozen
class InspectionPlan:
    contract: object
    sections: tuple[Section, ...]
    entries: tuple[Entry, ...]

    @property
    def checks(self) -> tuple[Check, ...]:
        return tuple(c for s in self.sections for c in s.checks)


def build_plan(contract, source_text: str | None = None, lot_sizes=None) -> InspectionPlan:
    """The plan for `contract`; `lot_sizes` maps a lot key, SKU or `*` to a lot size."""
    lot_sizes = dict(lot_sizes or {})
    entries = report_keys.entries(contract)
    key_of = {id(c): e for e in entries for c in e.clauses}
    lines = source_text.splitlines() if source_text else []
    groups: dict[str, list[Clause]] = {}
    for clause in contract.clauses:
        groups.setdefault(_section_key(clause, contract), []).append(clause)
    sections, number = [], 0
    for key, clauses in groups.items():
        lot = _lot(contract, key, clauses, lot_sizes)
        counted = lot if lot is not None else _own_count(contract, key, lot_sizes)
        checks = []
        for clause in clauses:
            number += 1
            checks.append(_check(number, clause, key_of[id(clause)], counted, lines, key, contract))
        sections.append(_section(contract, key, lot, tuple(checks)))
    return InspectionPlan(contract, tuple(sections), entries)


def _section_key(clause: Clause, contract) -> str:
    """`products.SKU` for a product's clauses, the lot for AQL clauses, else `order`."""
    if isinstance(clause, AqlClause):
        return report_keys.lot_prefix(clause)
    segments = paths.split(clause.path)
    if segments[0] in ("products", "shipments") and len(segments) > 2:
        return paths.join(*segments[:2])  # a product's (a named shipment's) clauses together
    return ORDER


def _section(contract, key: str, lot: Lot | None, checks) -> Section:
    if key == ORDER:
        return Section(key, "Order and shipment", None, lot, checks)
    head, name = (paths.split(key) + ("",))[:2]
    if head == "products":
        product = contract.product(name)
        shared = _shared_lot(contract, name)
        note = None if shared is None else f"Sampled in the shared lot `{shared.key}`."
        return Section(key, f"Product {name}", product.description, lot, checks, note)
    if head == "shipments":
        return Section(key, f"Shipment {name}", None, lot, checks)
    return Section(key, "Shared lot", "one sample over the order's products", lot, checks)


def _lots(contract) -> tuple:
    """TACL 2's lot records (`contract.lots`), or () for a contract compiled without them."""
    return tuple(getattr(contract, "lots", ()) or ())


def _shared_lot(contract, sku: str):
    """The lot a product shares with others (`lot per shipment`), or None."""
    for lot in _lots(contract):
        if not lot.key.startswith("products.") and sku in lot.skus:
            return lot
    return None


def _lot(contract, key: str, clauses, lot_sizes) -> Lot | None:
    aql = [c for c in clauses if isinstance(c, AqlClause)]
    if not aql and key.startswith("products."):
        # a product's clauses are in its section; its AQL clauses share the key
        aql = [
            c
            for c in contract.clauses
            if isinstance(c, AqlClause) and report_keys.lot_prefix(c) == key
        ]
    if not aql and key.startswith("products.") and _shared_lot(contract, _name(key)) is not None:
        return None  # sampled with its shipment: the shared lot's section has the plan
    size, source = _lot_size(contract, key, lot_sizes)
    if not aql:
        return Lot(key, size, source, None, ()) if key.startswith("products.") else None
    names = _defect_names(contract, key)
    classes = tuple(_class_plan(c, size, names.get(c.defect_class, ())) for c in aql)
    return Lot(key, size, source, aql[0].level, classes)


def _own_count(contract, key: str, lot_sizes) -> Lot | None:
    """A product sampled in a shared lot is still measured on its own goods: its readings
    are the S-2 sample of its own quantity, as for a product that is its own lot."""
    if not key.startswith("products.") or _shared_lot(contract, _name(key)) is None:
        return None
    size, source = _lot_size(contract, key, lot_sizes)
    return Lot(key, size, source, None, ())


def _defect_names(contract, key: str) -> dict[str, tuple[str, ...]]:
    """The contract's named defects of a lot, by class (TACL 2 `defects { … }`)."""
    found: dict[str, list[str]] = {}
    for lot in _lots(contract):
        if lot.key == key:
            for entry in getattr(lot, "defects", ()):
                found.setdefault(entry.defect_class, []).append(entry.name)
    return {name: tuple(names) for name, names in found.items()}


def _name(key: str) -> str:
    """The SKU (or shipment name) of a section key `products.SKU` (`shipments.NAME`)."""
    return paths.split(key)[1]


def _lot_size(contract, key: str, lot_sizes) -> tuple[int | None, str]:
    name = _name(key) if "." in key else ""
    for wanted in (key, name, "*"):
        if wanted in lot_sizes:
            return lot_sizes[wanted], "given with --lot-size"
    if key.startswith("products."):
        product = contract.product(name)
        quantity = product.quantity
        if quantity is None:
            return None, "the contract states no quantity; give --lot-size"
        if quantity.dimension not in ("count", "pairs", "sets") or quantity.nominal is None:
            return None, (
                f"the quantity is {quantity.expected}, not a number of units; give --lot-size"
            )
        if quantity.nominal.denominator != 1:
            return None, f"the quantity {quantity.expected} is not whole units; give --lot-size"
        return int(quantity.nominal), f"the contract's quantity, {_nominal(quantity)}"
    return _shared_size(contract, key)


def _shared_size(contract, key: str) -> tuple[int | None, str]:
    """A shared lot: its products' nominal quantities in units, added up (per shipment:
    the goods lines of that shipment)."""
    lot = next((lot for lot in _lots(contract) if lot.key == key), None)
    if lot is None:
        return None, "give --lot-size for this lot"
    total = 0
    if lot.shipment is not None:
        shipment = next(s for s in contract.shipments if s.name == lot.shipment)
        quantities = [g.clause for g in shipment.goods if g.sku in lot.skus]
    else:
        quantities = [contract.product(sku).quantity for sku in lot.skus]
    for quantity in quantities:
        if quantity is None or quantity.nominal is None or quantity.nominal.denominator != 1:
            return None, "a quantity in the lot is not whole units; give --lot-size"
        total += int(quantity.nominal)
    skus = ", ".join(lot.skus)
    return total, f"the nominal quantities of {skus}, added up"


def _nominal(quantity) -> str:
    from tacl.standards.compound import lookup
    from tacl.standards.exact import format_quantity

    unit = lookup(quantity.unit)
    shown = format_quantity(unit.from_base(quantity.nominal), quantity.unit)
    base = format_quantity(quantity.nominal, "pcs")
    return shown if unit.factor == 1 else f"{shown} = {base}"


def _class_plan(clause: AqlClause, lot_size: int | None, names=()) -> ClassPlan:
    label = aql_label(clause.aql)
    if lot_size is None or lot_size < 2:
        return ClassPlan(clause.defect_class, label, "?", "?", 0, 0, 0, False, names)
    from tacl.standards.iso2859 import plan_for

    plan = plan_for(lot_size, clause.level, clause.aql)
    return ClassPlan(
        clause.defect_class,
        label,
        plan.code,
        plan.final_code,
        plan.sample_size,
        plan.accept,
        plan.reject,
        plan.full_inspection,
        names,
    )


def measured_samples(lot_size: int | None) -> int | None:
    """Readings for a measured clause: the S-2 sample size of the lot (None when unknown)."""
    if lot_size is None or lot_size < 2:
        return None
    from tacl.standards.iso2859 import plan_for

    return plan_for(lot_size, MEASURE_LEVEL, Decimal(0)).sample_size


def _check(number: int, clause: Clause, entry: Entry, lot: Lot | None, lines, key, contract):
    line = clause.location.line if clause.location is not None else None
    statement = lines[line - 1].strip() if line and line <= len(lines) else None
    if statement is not None and "#" in statement:
        statement = _without_comment(statement)
    if isinstance(clause, AqlClause) and statement is not None and statement.endswith("{"):
        statement = None  # a product's AQL points at `product "SKU" {`: no statement to show
    return Check(
        number,
        clause,
        label(clause, key),
        accepted(clause),
        statement,
        entry.dotted,
        entry.form,
        _samples(clause, entry, lot, contract),
        line,
    )


def _without_comment(line: str) -> str:
    """The statement without a trailing `# comment` (a `#` inside quotes or a colour stays)."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"' and (index == 0 or line[index - 1] != "\\"):
            quoted = not quoted
        elif char == "#" and not quoted and line[index + 1 : index + 2] in (" ", ""):
            return line[:index].rstrip()
    return line


def _samples(clause: Clause, entry: Entry, lot: Lot | None, contract) -> int | None:
    if isinstance(clause, AqlClause):
        for plan in lot.classes if lot else ():
            if plan.defect_class == clause.defect_class:
                return plan.sample_size or None
        return None
    wanted = _stated_samples(clause, lot)
    if wanted is not None:
        return wanted
    if entry.form in (report_keys.MEASURE, report_keys.AXES_FORM) and not _is_count(clause):
        return measured_samples(lot.size if lot else None)
    if entry.form == report_keys.COLOUR and getattr(clause, "tolerance", None) is not None:
        return measured_samples(lot.size if lot else None)
    if entry.form == report_keys.ASSORTMENT:
        return measured_samples(assortment_cartons(contract, clause))
    return 1


def _stated_samples(clause: Clause, lot: Lot | None) -> int | None:
    """Samples the contract itself asks for (TACL 2): `on N samples` (at least the S-2
    size as well), `passes on N units`, and the ℮ plan's first sample for the batch."""
    if clause.kind == "e-mark":
        from tacl.standards.emark import plan_for

        return plan_for(lot.size, 0).first if lot is not None and lot.size else None
    statistic = getattr(clause, "statistic", None)
    if statistic is not None and statistic.samples is not None:
        return max(statistic.samples, measured_samples(lot.size if lot else None) or 0)
    return getattr(clause, "units", None) if clause.kind == "test" else None


def assortment_cartons(contract, clause) -> int | None:
    """The assortment cartons the order fills: for each SKU, its nominal quantity over its
    count a carton, the smallest of these (whole cartons). None when a quantity is unknown."""
    cartons = None
    for sku, units in clause.counts:
        quantity = contract.product(sku).quantity
        if quantity is None or quantity.nominal is None:
            return None
        filled = int(quantity.nominal // units)
        cartons = filled if cartons is None else min(cartons, filled)
    return cartons


def _is_count(clause) -> bool:
    """The lot's quantity, a shipment's goods line and the counts of its packaging levels
    (units per carton, inner pack, cartons per unit) are counted once, not sampled."""
    segments = paths.split(clause.path)
    if segments[0] == "shipments" and segments[2:3] == ("goods",):
        return True
    return segments[-1] in ("quantity", "units-per-carton", "inner-pack", "cartons-per-unit")


def label(clause: Clause, section: str = ORDER) -> str:
    """A short human name for a clause: its path below its section, in words."""
    path = clause.path
    if section != ORDER and path.startswith(section + "."):
        path = path[len(section) + 1 :]
    return " · ".join(_words(part) for part in path.split("."))


def _words(part: str) -> str:
    """`ship-by` → `ship by`; a name of the contract (`positive-list MRLs`) stays as written."""
    return part.replace("-", " ") if re.fullmatch(r"[a-z]+(-[a-z]+)+", part) else part


def lot_names(contract) -> set[str]:
    """The names `--lot-size` accepts: each lot's key, a product's SKU, a shipment's name."""
    names = {report_keys.lot_prefix(c) for c in contract.clauses if isinstance(c, AqlClause)}
    names |= {f"products.{p.sku}" for p in contract.products}
    return names | {n.partition(".")[2] for n in names if "." in n} - {""}
