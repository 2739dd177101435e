"""One check per clause kind: the clause and its evidence in, a Finding out.

Checks are built once per compiled contract (see `build_checks`) and reused for
every report. Measured values compare exactly: a sample is `m / 10**e` in some
unit, each clause keeps its bounds converted into that unit as integer
fractions (for every unit of its dimension when the check is built, any other on
first use), and `m * den <= num * 10**e` is plain integer arithmetic. Colour ΔE
is the one float, compared with the stated tolerance. No evidence is `missing`,
never `pass`.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction

import tacl.paths as paths
from tacl.compile.ir import (
    AqlClause,
    AssortmentClause,
    BarcodeClause,
    ColourClause,
    DeliverByClause,
    MeasureClause,
    PartialClause,
    PassFailClause,
    ShipByClause,
    TextClause,
    shown,
)
from tacl.compile.requirements import (
    AppearanceClause,
    ContainsClause,
    DateClause,
    DocumentClause,
    EMarkClause,
    PatternClause,
)
from tacl.compile.values import fold
from tacl.evaluate import lot_size
from tacl.evaluate.assortments import AssortmentCheck
from tacl.evaluate.colour import check_colour
from tacl.evaluate.dated import DateCheck
from tacl.evaluate.defects import count_class
from tacl.evaluate.evidence import MeasuredSamples, Sampling
from tacl.evaluate.references import AppearanceCheck, DocumentCheck
from tacl.evaluate.shape import sampling_key
from tacl.evaluate.shipment import check_deliver_by, check_partial, check_ship_by
from tacl.evaluate.statistics import EMarkCheck, StatisticCheck
from tacl.evaluate.texts import ContainsCheck, PatternCheck
from tacl.evaluate.verdict import FAIL, MISSING, PASS, Finding, finding
from tacl.standards.compound import lookup
from tacl.standards.exact import format_quantity
from tacl.standards.units import units_of
from tacl.visible import clip

SHOWN = 10  # samples listed in `actual` before summarising
LISTED = 5  # offending samples listed in a message
NO_EVIDENCE = "the report gives no evidence for this clause"
_POW10 = [10**i for i in range(64)]


_new = tuple.__new__  # a Finding without the generated __new__: one per clause adds up


class ClauseCheck:
    """A check bound to one clause: `check(evidence, ctx)` gives its Finding.

    `evidence` is the report's `Evidence` (evidence.py): a clause's samples under
    its path, shared records by type and key; `ctx` the report and evaluation date.
    """

    __slots__ = ("clause",)

    def __init__(self, clause):
        self.clause = clause


def _missing(clause, message=NO_EVIDENCE, expected=None) -> Finding:
    return finding(clause, MISSING, None, message, expected)


def _listing(texts) -> str:
    shown = ", ".join(texts[:LISTED])
    return shown + (", …" if len(texts) > LISTED else "")


class MeasureCheck:
    """Every sample inside the clause's closed interval, compared exactly."""

    __slots__ = (
        "clause",
        "path",
        "expected",
        "location",
        "bounds",
        "low_text",
        "high_text",
        "exact",
    )

    def __init__(self, clause: MeasureClause):
        self.clause = clause
        self.path, self.expected, self.location = clause.path, shown(clause), clause.location
        self.bounds: dict[str, tuple] = {}
        unit = lookup(clause.unit)
        low, high = clause.interval.low, clause.interval.high
        self.low_text = None if low is None else format_quantity(unit.from_base(low), clause.unit)
        self.high_text = (
            None if high is None else format_quantity(unit.from_base(high), clause.unit)
        )
        self.exact = low is not None and low == high
        for other in units_of(clause.dimension).values():  # the table's units of the dimension
            self._bounds_in(other)

    def _bounds_in(self, unit) -> tuple:
        """(low num, low den, high num, high den) of the interval in `unit`, cached.

        An open end is (-1, 0) below and (1, 0) above: `m * 0 < -1 * 10**e` and
        `m * 0 > 1 * 10**e` are never true, so the loop needs no None test.
        """
        found = self.bounds.get(unit.symbol)
        if found is None:
            interval = self.clause.interval
            low = Fraction(-1, 1) if interval.low is None else unit.from_base(interval.low)
            high = Fraction(1, 1) if interval.high is None else unit.from_base(interval.high)
            found = (
                low.numerator,
                0 if interval.low is None else low.denominator,
                high.numerator,
                0 if interval.high is None else high.denominator,
            )
            if len(self.bounds) < 64:  # compound spellings are many; keep the cache small
                self.bounds[unit.symbol] = found
        return found

    def check(self, evidence, ctx) -> Finding:
        found = evidence.samples.get(self.path)
        if not found:
            return _missing(self.clause, "no measurement in the report")
        return self.judge(found)

    def judge(self, found) -> Finding:
        """The finding for the samples `found`: each inside the interval, compared exactly."""
        below, above, texts = [], [], []
        bounds, pow10, shown = self.bounds, _POW10, texts.append
        for mantissa, exponent, unit, text in found:
            shown(text)
            low_num, low_den, high_num, high_den = bounds.get(unit.symbol) or self._bounds_in(unit)
            scale = pow10[exponent]
            if mantissa * low_den < low_num * scale:
                below.append(text)
            elif mantissa * high_den > high_num * scale:
                above.append(text)
        count = len(texts)
        actual = ", ".join(texts) if count <= SHOWN else _summary(found)
        if below or above:
            message, status = self._failure(count, below, above), FAIL
        elif count > 2:
            message, status = f"all {count} samples within the bounds", PASS
        else:
            message, status = _within(found), PASS
        return _new(
            Finding, (self.path, status, self.expected, actual, message, self.location, None)
        )

    def _failure(self, count: int, below, above) -> str:
        if self.exact:
            wrong = below + above
            if count == 1:
                return f"{wrong[0]} instead of {self.low_text}"
            return f"{len(wrong)} of {count} samples differ from {self.low_text}: {_listing(wrong)}"
        if count == 1:
            if below:
                return f"{below[0]} is below the minimum of {self.low_text}"
            return f"{above[0]} is above the maximum of {self.high_text}"
        parts = []
        if below:
            parts.append(
                f"{len(below)} of {count} samples below {self.low_text}: {_listing(below)}"
            )
        if above:
            lead = f"{len(above)} of {count} samples" if not below else f"{len(above)}"
            parts.append(f"{lead} above {self.high_text}: {_listing(above)}")
        return "; ".join(parts)


class GoodsCheck(MeasureCheck):
    """A named shipment's goods line (language-v2.md §2).

    Its evidence is `shipments.NAME.goods.SKU` in the report, or else the product's
    reported `quantity` when this is the only shipment carrying the SKU that the
    inspection covers: under a scope, `products.SKU.quantity` is the quantity of
    the covered shipments.
    """

    __slots__ = ("shipment", "sku", "carriers")

    def __init__(self, clause: MeasureClause, shipment: str, sku: str, carriers: tuple):
        super().__init__(clause)
        self.shipment, self.sku, self.carriers = shipment, sku, carriers

    def check(self, evidence, ctx) -> Finding:
        found = evidence.samples.get(self.path)
        if found:
            return self.judge(found)
        covered = [name for name in self.carriers if ctx.report.covers(name)]
        quantity = paths.join("products", self.sku, "quantity")
        counted = evidence.samples.get(quantity)
        if covered == [self.shipment] and counted:
            return self.judge(counted)
        if not counted:
            return _missing(self.clause, "no quantity in the report")
        others = ", ".join(f'"{n}"' for n in covered if n != self.shipment)
        return _missing(
            self.clause,
            f"{quantity} counts the goods of shipments {others} too; give this shipment's "
            f"under {paths.join('shipments', self.shipment, 'goods', self.sku)}",
        )


def _within(found: MeasuredSamples) -> str:
    """One or two samples, all within: `count > 2` is said by the check itself."""
    if len(found) == 1:
        return f"{found.texts[0]} is within the bounds"
    return "both samples within the bounds"


def _summary(found: MeasuredSamples) -> str:
    """Many samples: the count and the smallest and largest, compared in base units."""
    values = sorted(
        found.each(), key=lambda s: s.unit.to_base(Fraction(s.mantissa, _POW10[s.exponent]))
    )
    return f"{len(found)} samples from {values[0].text} to {values[-1].text}"


class TextCheck(ClauseCheck):
    __slots__ = ()

    def check(self, evidence, ctx) -> Finding:
        found = evidence.samples.get(self.clause.path)
        if not found:
            return _missing(self.clause)
        accepted = self.clause.accepted
        if len(found) == 1:  # the common case: one text, folded once
            text = " ".join(found[0].split())
            shown = f'"{text}"'
            if fold(found[0]) in accepted:
                return finding(self.clause, PASS, shown, "matches the contract")
            message = f'"{clip(text)}" is not {self.clause.expected}'
            return finding(self.clause, FAIL, shown, message)
        wrong = [t for t in found if fold(t) not in accepted]
        actual = ", ".join(_quote(t) for t in found[:SHOWN]) + (", …" if len(found) > SHOWN else "")
        if not wrong:
            return finding(self.clause, PASS, actual, "matches the contract")
        shown = _listing([f'"{clip(" ".join(t.split()))}"' for t in wrong])
        return finding(self.clause, FAIL, actual, f"{len(wrong)} of {len(found)} differ: {shown}")


def _quote(text: str) -> str:
    return '"' + " ".join(text.split()) + '"'


class BarcodeCheck(ClauseCheck):
    __slots__ = ()

    def check(self, evidence, ctx) -> Finding:
        found = evidence.samples.get(self.clause.path)
        if not found:
            return _missing(self.clause, "no barcode in the report")
        found = [digits or '""' for digits in found]  # "": checked, no barcode there
        wrong = [digits for digits in found if digits != self.clause.digits]
        actual = ", ".join(found[:SHOWN]) + (", …" if len(found) > SHOWN else "")
        if not wrong:
            return finding(self.clause, PASS, actual, "the barcode matches")
        return finding(
            self.clause, FAIL, actual, f"scanned {_listing(wrong)}, not {self.clause.digits}"
        )


class TestCheck(ClauseCheck):
    """A test: every run passes; with `on N units`, at least N units were tested."""

    __slots__ = ()

    def check(self, evidence, ctx) -> Finding:
        clause = self.clause
        runs = evidence.samples.get(clause.path)
        if runs is None or not runs.units:
            return _missing(clause, f"the report does not say whether `{clause.name}` passed")
        failed, total = runs.failed, runs.units
        actual = "pass" if not failed else "fail"
        if total > 1:
            actual = f"{runs.passed} pass, {failed} fail"
        if failed:
            where = "" if total == 1 else f" on {failed} of {total} runs"
            return finding(clause, FAIL, actual, f"`{clause.name}` failed{where}")
        if clause.units is not None and total < clause.units:
            more = clause.units - total
            message = (
                f"`{clause.name}` passed on {total} of {clause.units} units: "
                f"{more} more {'is' if more == 1 else 'are'} needed"
            )
            return finding(clause, MISSING, actual, message)
        return finding(clause, PASS, actual, f"`{clause.name}` passed")


class AqlCheck(ClauseCheck):
    """One defect class of a lot: defects counted (or named and classified) against the plan."""

    __slots__ = ("key", "lot")

    def __init__(self, clause: AqlClause, lot=None):
        super().__init__(clause)
        self.key = sampling_key(clause)
        self.lot = lot  # the Lot record, whose defect list classifies named defects

    def check(self, evidence, ctx) -> Finding:
        clause = self.clause
        sampling = evidence.record(Sampling, self.key) or Sampling()
        lot, size = sampling.lot_size, sampling.sample_size
        if self.lot is not None and paths.split(clause.lot)[0] != "products":  # shared
            lot = lot_size.size(ctx.contract, ctx.report, lot, self.lot)
        named = sampling.named
        counted = None if named is None else count_class(named, self.lot, clause.defect_class)
        defects = sampling.defects(clause.defect_class) if counted is None else counted.count
        if lot is None:
            return _missing(clause, "the report gives no lot size, so the sampling plan is unknown")
        plan, described = _plan(lot, clause.level, clause.aql)
        expected = f"{clause.expected}: {described}"
        if size is None or defects is None:
            what = "sample size" if size is None else f"number of {clause.defect_class} defects"
            return _missing(clause, f"the report gives no {what}", expected)
        if size < plan.sample_size:
            return _missing(
                clause,
                f"a sample of {size} is smaller than the plan's {plan.sample_size}",
                expected,
            )
        noun = f"{clause.defect_class} defect" + ("" if defects == 1 else "s")
        actual = f"{defects} {noun} in a sample of {size}"
        notes = ""
        if counted is not None:
            actual += (": " + ", ".join(counted.listed)) if counted.listed else ""
            notes = "".join(f"; {note}" for note in counted.overruled)
        if defects >= plan.reject:
            message = f"{defects} {noun}: the plan rejects the lot at {plan.reject}{notes}"
            return finding(clause, FAIL, actual, message, expected)
        if counted is not None and counted.unclassified:
            names = ", ".join(counted.unclassified)
            verb = "is" if len(counted.unclassified) == 1 else "are"
            message = (
                f"{names} {verb} in no class of the contract and the report gives none: classify "
                f"it (class: critical, major or minor) or list it in the contract's `defects`{notes}"
            )
            return finding(clause, MISSING, actual, message, expected)
        message = f"{defects} {noun}: the plan accepts up to {plan.accept}{notes}"
        return finding(clause, PASS, actual, message, expected)


_PLANS: dict = {}


def _plan(lot: int, level: str, aql_value: Decimal):
    """(plan, its description): pure functions of their inputs, cached for repeated lots."""
    key = (lot, level, aql_value)
    found = _PLANS.get(key)
    if found is None:
        from tacl.standards import iso2859 as aql

        plan = aql.plan_for(lot, level, aql_value)
        found = (plan, aql.describe(plan))
        if len(_PLANS) < 10_000:
            _PLANS[key] = found
    return found


class ColourCheck(ClauseCheck):
    __slots__ = ("deltas",)

    def __init__(self, clause: ColourClause):
        super().__init__(clause)
        self.deltas: dict = {}  # ΔE of this clause's target to a Lab reading, see colour.py

    def check(self, evidence, ctx) -> Finding:
        found = evidence.samples.get(self.clause.path)
        if not found:
            return _missing(self.clause, "no colour in the report")
        return check_colour(self.clause, found, self.deltas)


class ShipmentCheck(ClauseCheck):
    """Shipment clauses judge the report's dates, not clause evidence."""

    __slots__ = ("function",)

    def __init__(self, clause, function):
        super().__init__(clause)
        self.function = function

    def check(self, evidence, ctx) -> Finding:
        return self.function(self.clause, ctx)


_CHECKS = {
    AssortmentClause: AssortmentCheck,
    MeasureClause: lambda c: MeasureCheck(c) if c.statistic is None else StatisticCheck(c),
    EMarkClause: EMarkCheck,  # built with its contract: the batch is its product's quantity
    DateClause: DateCheck,  # built with its contract: an event's deadline
    ContainsClause: ContainsCheck,
    PatternClause: PatternCheck,
    AppearanceClause: AppearanceCheck,
    DocumentClause: DocumentCheck,  # built with its contract: the ship-by date
    TextClause: TextCheck,
    BarcodeClause: BarcodeCheck,
    PassFailClause: TestCheck,
    AqlClause: AqlCheck,
    ColourClause: ColourCheck,
    ShipByClause: lambda c: ShipmentCheck(c, check_ship_by),
    DeliverByClause: lambda c: ShipmentCheck(c, check_deliver_by),
    # pending until its shipment's ship-by date: build_checks passes the deadline and shipment
    PartialClause: lambda c, deadline=None, shipment=None: ShipmentCheck(
        c, functools.partial(check_partial, deadline=deadline, shipment=shipment)
    ),
}


def build_checks(contract) -> tuple:
    """One check per clause, in contract order.

    Every clause kind of the IR has its check here (tests/evaluate/test_evidence.py
    says so); a kind without one is a KeyError while the checks are built, before any
    report is judged, never a clause that quietly passes.
    """
    deadlines = {
        clause.path.rpartition(".")[0]: clause.latest
        for clause in contract.clauses
        if isinstance(clause, ShipByClause)
    }
    lots = {lot.key: lot for lot in contract.lots}
    carriers: dict[str, list[str]] = {}
    for shipment in contract.shipments:
        for line in shipment.goods:
            carriers.setdefault(line.sku, []).append(shipment.name)
    goods = {
        line.clause.path: (shipment.name, line.sku, tuple(carriers[line.sku]))
        for shipment in contract.shipments
        for line in shipment.goods
    }
    checks = []
    for clause in contract.clauses:
        if isinstance(clause, AqlClause):
            checks.append(AqlCheck(clause, lots.get(clause.lot)))
        elif clause.path in goods:
            checks.append(GoodsCheck(clause, *goods[clause.path]))
        elif isinstance(clause, PartialClause):
            prefix = clause.path.rpartition(".")[0]
            name = None if prefix == "shipment" else paths.split(prefix)[1]
            checks.append(_CHECKS[PartialClause](clause, deadlines.get(prefix), name))
        elif isinstance(clause, (EMarkClause, DateClause, DocumentClause)):
            checks.append(_CHECKS[type(clause)](clause, contract))
        else:
            checks.append(_CHECKS[type(clause)](clause))
    return tuple(checks)
