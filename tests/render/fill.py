"""Filling a report template (`tacl plan --format template`) with passing values, as an inspector would.

Written from the compiled contract's clauses, not from the renderer: every empty
key of the template gets a value drawn by Hypothesis from inside its clause's
acceptance range (a measured value anywhere in its interval, at any precision;
any accepted text; a colour within its ΔE; dates in order and before their
deadlines; defects up to the plan's acceptance number). `tacl check` then
decides whether the filled template is compliant — the evaluator, not this
file, judges whether the template put every key where the report reader looks.
"""

from __future__ import annotations

import datetime
import math
from fractions import Fraction

from hypothesis import strategies as st

import tacl.paths as paths
from tacl.standards.compound import lookup
from tacl.standards.iso2859 import plan_for

AXES = ("length", "width", "height")
EVENTS = {"shipped", "customs-cleared", "delivered"}


def fill(contract, tree: dict, draw) -> dict:
    """The template's parsed tree with every empty leaf filled; dispute keys stay empty."""
    clauses = {c.path: c for c in contract.clauses}
    dates = _dates(contract, draw)
    lots: dict = {}
    filled: dict = {}  # path -> value already filled (an ℮ batch is the filled quantity)

    def walk(node, key):
        if isinstance(node, dict):
            return {k: walk(v, (*key, k)) for k, v in node.items()}
        if node is not None:
            return node  # the header the template fills: version, contract ID, fingerprint
        value = _value(contract, clauses, key, draw, dates, lots, filled)
        filled[".".join(key)] = value
        return value

    return walk(tree, ())


def _value(contract, clauses, key, draw, dates, lots, filled):
    head, last = key[0], key[-1]
    if head == "dispute":
        return None
    if key == ("inspection", "kind"):
        return contract.protection
    if key == ("inspection", "date"):
        return dates["inspected"].isoformat()
    if key == ("inspection", "inspector"):
        return "Example QC Ltd."
    if last in EVENTS:
        return dates[last].isoformat()
    if last == "partial":
        return False
    if "aql" in key:
        return _aql(contract, key, draw, lots)
    path = paths.join(*key)  # names with a dot are quoted in clause paths
    if path in clauses:
        clause = clauses[path]
        if clause.kind in TACL2:
            return TACL2[clause.kind](clause, draw, dates, filled)
        return _samples(clause, draw)
    axes = [clauses[f"{path}.{axis}"] for axis in AXES if f"{path}.{axis}" in clauses]
    if axes:
        count = draw(st.integers(1, 3))
        return [_axes(axes, draw) for _ in range(count)]
    raise AssertionError(f"the template has a key no clause explains: {path}")


def _dates(contract, draw) -> dict:
    ship_by = next((c for c in contract.clauses if c.kind == "ship-by"), None)
    deliver_by = next((c for c in contract.clauses if c.kind == "deliver-by"), None)
    latest = ship_by.latest if ship_by else (contract.signed or datetime.date(2026, 1, 1))
    if ship_by is not None and ship_by.earliest is not None:
        earliest = ship_by.earliest
    else:
        earliest = max(latest - datetime.timedelta(days=20), contract.signed or latest)
    shipped = draw(st.dates(min(earliest, latest), latest))
    last_delivery = deliver_by.latest if deliver_by else shipped + datetime.timedelta(days=60)
    delivered = draw(st.dates(shipped, max(shipped, last_delivery)))
    cleared = draw(st.dates(shipped, delivered))
    inspected = delivered + datetime.timedelta(days=draw(st.integers(0, 5)))
    return {
        "shipped": shipped,
        "customs-cleared": cleared,
        "delivered": delivered,
        "inspected": inspected,
    }


def _samples(clause, draw):
    kind = clause.kind
    if kind == "measure":
        if clause.path.endswith(
            (".quantity", ".units-per-carton", ".inner-pack", ".cartons-per-unit")
        ):
            return _measure(clause, draw)
        statistic = clause.statistic
        least = 1
        if statistic is not None:
            least = max(statistic.samples or 1, 2 if statistic.cpk is not None else 1)
        if statistic is not None and statistic.cpk is not None:
            return _capable(clause, least, draw)
        return [_measure(clause, draw) for _ in range(draw(st.integers(least, least + 3)))]
    if kind == "text":
        return draw(st.sampled_from(sorted(clause.accepted)))
    if kind == "color":
        return _colour(clause, draw)
    if kind == "barcode":
        return clause.digits
    if kind == "test" and clause.units is not None:
        return draw(
            st.sampled_from(
                [["pass"] * clause.units, {"passed": clause.units, "failed": 0}, "pass"]
                if clause.units == 1
                else [["pass"] * clause.units, {"passed": clause.units + 1, "failed": 0}]
            )
        )
    if kind == "test":
        return draw(st.sampled_from(["pass", "Pass", ["pass", "pass"]]))
    if kind == "assortment":  # cartons opened, each holding the ratio (a stray SKU at 0)
        carton = dict(clause.counts)
        if draw(st.booleans()):
            carton["SOME-OTHER-SKU"] = 0
        return [dict(carton) for _ in range(draw(st.integers(1, 3)))]
    raise AssertionError(f"no passing value known for a `{kind}` clause ({clause.path})")


def _measure(clause, draw) -> str:
    unit = lookup(clause.unit)
    low = None if clause.interval.low is None else unit.from_base(clause.interval.low)
    high = None if clause.interval.high is None else unit.from_base(clause.interval.high)
    if low is None:
        low = high - 10
        if unit.dimension not in ("temperature",):
            low = max(Fraction(0), low)
    if high is None:
        high = low + 10
    counted = unit.dimension in ("count", "pairs", "sets")
    places = 0 if counted else draw(st.integers(0, 3))
    while math.ceil(low * 10**places) > math.floor(high * 10**places):
        places += 1  # a narrow interval needs more digits
    scale = 10**places
    number = draw(st.integers(math.ceil(low * scale), math.floor(high * scale)))
    return f"{_decimal(number, places)} {clause.unit}"


def _decimal(number: int, places: int) -> str:
    sign = "-" if number < 0 else ""
    whole, frac = divmod(abs(number), 10**places)
    return f"{sign}{whole}" + (f".{str(frac).rjust(places, '0')}" if places else "")


def _axes(clauses, draw) -> str:
    values = [_measure(c, draw).rsplit(" ", 1)[0] for c in clauses]
    return " x ".join(values) + f" {clauses[0].unit}"


def _colour(clause, draw) -> str:
    if clause.tolerance is None or clause.form not in ("hex", "lab"):
        return clause.text
    from tacl.colorimetry import hex_to_lab

    lab = hex_to_lab(clause.text) if clause.form == "hex" else clause.lab
    # a change of lightness alone moves ΔE00 by at most |ΔL| (S_L >= 1) and ΔE76 by |ΔL|
    reach = float(clause.tolerance) * 0.9
    shift = draw(st.floats(-reach, reach, allow_nan=False))
    lightness = min(100.0, max(0.0, lab[0] + shift))
    return f"lab({lightness:.2f}, {lab[1]:.2f}, {lab[2]:.2f})"


def _aql(contract, key, draw, lots):
    at = key.index("aql")
    lot = key[:at]
    prefix = paths.join(*lot) + ".aql."
    clauses = [c for c in contract.clauses if c.kind == "aql" and c.path.startswith(prefix)]
    if lot not in lots:
        size = draw(st.integers(2, 200_000))
        plans = {c.defect_class: plan_for(size, c.level, c.aql) for c in clauses}
        lots[lot] = (size, plans)
    size, plans = lots[lot]
    sample = max(p.sample_size for p in plans.values())
    if key[-1] == "lot-size":
        return size
    if key[-1] == "sample-size":
        return sample
    plan = plans[key[-1]]
    return draw(st.integers(0, min(plan.accept, sample)))


def _capable(clause, count: int, draw) -> list[str]:
    """Readings around the middle of a two-sided interval, spread little enough for the Cpk.

    Two readings x̄ ± d have s = d·√2, so Cpk = (half − |0|)/(3·d·√2) with `half` the
    half-width: d ≤ half/(3·√2·C) keeps it; d = half/(5·C) is below that (3·√2 < 5).
    """
    unit = lookup(clause.unit)
    low, high = unit.from_base(clause.interval.low), unit.from_base(clause.interval.high)
    middle, half = (low + high) / 2, (high - low) / 2
    step = half / (5 * Fraction(clause.statistic.cpk)) / draw(st.integers(1, 4))
    step = Fraction(math.floor(step * 10**6), 10**6)  # rounded down: a decimal reading
    values = [middle + (step if i % 2 else -step) for i in range(count - count % 2)]
    values += [middle] * (count % 2)
    return [f"{_exact(v)} {clause.unit}" for v in values]


def _exact(value: Fraction) -> str:
    """A Fraction with a terminating decimal (10 places at most) as its plain text."""
    scaled = value * 10**10
    assert scaled.denominator == 1, value
    return _decimal(int(scaled), 10).rstrip("0").rstrip(".")


def _emark(clause, draw, dates, filled) -> list[str]:
    """Packages at Qn or up to one TNE over: the mean is at least Qn and none is below T1.

    The batch is the quantity this fill reported (else the contract's), and the number
    of packages the first sample of its Annex II plan (every package under 100).
    """
    from tacl.standards import emark

    unit = lookup(clause.unit)
    reported = filled.get(f"products.{clause.sku}.quantity")
    batch = int(reported.split()[0]) if reported else 0
    count = emark.plan_for(batch, 0).first if batch else 80
    nominal, tne = unit.from_base(clause.nominal), unit.from_base(clause.tne)
    extra = [draw(st.integers(0, 10)) for _ in range(count)]
    return [f"{_exact(nominal + tne * e / 10)} {clause.unit}" for e in extra]


EVENT_DATES = {
    "delivery": "delivered",
    "shipment": "shipped",
    "customs clearance": "customs-cleared",
    "inspection": "inspected",
}


def _date(clause, draw, dates, filled) -> list[str]:
    """Dates on or after the event plus the period (months added as the calendar does),
    or inside the absolute bounds; one to three, as samples."""
    from tacl.standards.calendar import add_period

    if clause.event is not None:
        low = add_period(dates[EVENT_DATES[clause.event]], clause.amount, clause.period)
        high = low + datetime.timedelta(days=400)
    else:
        low = clause.earliest or (clause.latest - datetime.timedelta(days=400))
        high = clause.latest or (clause.earliest + datetime.timedelta(days=400))
    count = draw(st.integers(1, 3))
    return [draw(st.dates(low, high)).isoformat() for _ in range(count)]


def _document(clause, draw, dates, filled) -> str:
    """Received on or before the shipped date (any day of the 60 before it)."""
    shipped = dates["shipped"]
    return draw(st.dates(shipped - datetime.timedelta(days=60), shipped)).isoformat()


def _contains(clause, draw, dates, filled) -> str:
    """Every required text as whole words, in any order, between words of the label."""
    parts = list(draw(st.permutations(clause.required)))
    return draw(st.sampled_from(["", "Made in "])) + " / ".join(parts)


def _pattern(clause, draw, dates, filled) -> str:
    """A text drawn to the pattern: literals as written, `#` a digit, `@` a letter,
    `?` any printable character, `{N}`/`{N,M}` repeating the item before."""
    items: list[list] = []  # [kind, char, low, high]
    text, index = clause.pattern, 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 1
            items.append(["literal", text[index], 1, 1])
        elif char == "{":
            end = text.index("}", index)
            low, _, high = text[index + 1 : end].partition(",")
            items[-1][2:] = [int(low), int(high or low)]
            index = end
        elif char in "#@?":
            items.append([char, "", 1, 1])
        else:
            items.append(["literal", char, 1, 1])
        index += 1
    pools = {"#": "0123456789", "@": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz", "?": "A7-/Zq"}
    out = []
    for kind, char, low, high in items:
        for _ in range(draw(st.integers(low, high))):
            out.append(char if kind == "literal" else draw(st.sampled_from(pools[kind])))
    return "".join(out)


def _appearance(clause, draw, dates, filled) -> str:
    return draw(st.sampled_from(["pass", "Pass"]))


TACL2 = {
    "e-mark": _emark,
    "date": _date,
    "document": _document,
    "contains": _contains,
    "pattern": _pattern,
    "appearance": _appearance,
}
