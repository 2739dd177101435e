"""Remedies (language-v2.md §5): the step after findings → status → claim.

    findings, report dates, evidence ──▶ late penalties, cancel right, rebates ──▶ Remedies

A pure function of its inputs, like the claim: nothing reads a clock, every
amount is exact until it is rounded half-up to the currency's minor unit, once,
at the end of its own computation. Remedies are owed besides any refund claim;
the buyer chooses.

- **Late penalty**, for each late shipment in scope: days late = shipped −
  ship-by date, or, while the report records no shipment, evaluation date −
  ship-by date (`provisional`). Per week, a started week counts as a week.
  Penalty = R % × days (weeks) × the shipment's value, capped at C % of it;
  `capped` is true only when the cap lowered the amount. The unnamed shipment's
  value is the order value; a named one's is Σ goods quantity × unit price.
- **Cancel right**: true once a shipment in scope is more than N days late
  (provisional lateness counts: the goods are that late already).
- **Rebate**, for each passing clause with a rebate: on the mean of its samples,
  R % of the product's value (its goods in scope) for each STEP past the target,
  or part of one, never more than that value.
"""

from __future__ import annotations

import datetime
import math
from decimal import Decimal
from fractions import Fraction

import attrs

import tacl.paths as paths
from tacl.compile import currencies
from tacl.evaluate.affected import goods_lines, value_of
from tacl.evaluate.shape import cached
from tacl.evaluate.shipment import shipped_event

_HUNDRED = Fraction(100)


@attrs.frozen
class LatePenaltyOwed:
    shipment: str | None
    days_late: int | None
    amount: str | None
    capped: bool
    provisional: bool

    def to_dict(self) -> dict:
        return {
            "shipment": self.shipment,
            "days-late": self.days_late,
            "amount": self.amount,
            "capped": self.capped,
            "provisional": self.provisional,
        }


@attrs.frozen
class RebateOwed:
    clause: str
    amount: str | None

    def to_dict(self) -> dict:
        return {"clause": self.clause, "amount": self.amount}


@attrs.frozen
class RemediesOwed:
    """The verdict's `remedies` object; `notes` say what could not be computed and why."""

    late_penalties: tuple[LatePenaltyOwed, ...] = ()
    cancel_right: bool = False
    rebates: tuple[RebateOwed, ...] = ()
    total: str | None = None
    currency: str | None = None
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "late-penalties": [p.to_dict() for p in self.late_penalties],
            "cancel-right": self.cancel_right,
            "rebates": [r.to_dict() for r in self.rebates],
            "total": self.total,
            "currency": self.currency,
            "notes": list(self.notes),
        }


def rounded(value: Fraction, code: str | None) -> Decimal:
    """An exact amount rounded half-up to the currency's minor unit (exact when it ends)."""
    places = currencies.minor_units(code) if code else 2
    scaled = value * 10**places
    whole = math.floor(abs(scaled) + Fraction(1, 2))
    amount = Decimal(whole if value >= 0 else -whole).scaleb(-places)
    return amount if not amount.is_zero() else abs(amount)


def money(value: Fraction, code: str | None) -> str:
    return format(rounded(value, code), "f")


@attrs.frozen
class Lateness:
    """How late one shipment is on the evaluation date (None days: unknown)."""

    shipment: str | None
    days: int | None
    provisional: bool
    value: Fraction | None  # the shipment's value (order value for the unnamed one)


def lateness(shipment, dates, shipped_event: bool, today: datetime.date, value) -> Lateness | None:
    """The shipment's lateness against its ship-by date, or None when it is not late.

    `dates` are the report's facts for this shipment (`shipped`); `shipped_event`
    says whether the report records that the goods left even without a date.
    """
    if shipment.latest is None:
        return None
    if dates.shipped is not None:
        days = (dates.shipped - shipment.latest).days
        return Lateness(shipment.name, days, False, value) if days > 0 else None
    if today <= shipment.latest:
        return None
    if shipped_event:  # the goods left on a day the report does not give
        return Lateness(shipment.name, None, False, value)
    return Lateness(shipment.name, (today - shipment.latest).days, True, value)


def penalty(late: Lateness, terms, code: str | None) -> tuple[LatePenaltyOwed, str | None]:
    """The penalty owed for one late shipment, and a note when it cannot be computed."""
    if late.days is None:
        owed = LatePenaltyOwed(late.shipment, None, None, False, False)
        return (
            owed,
            f"{_name(late.shipment)}: the report gives no shipped date, so the days late are unknown",
        )
    if late.value is None:
        owed = LatePenaltyOwed(late.shipment, late.days, None, False, late.provisional)
        return owed, f"{_name(late.shipment)}: its value is unknown (a unit price is missing)"
    periods = late.days if terms.period == "day" else -(-late.days // 7)  # a started week counts
    amount = late.value * Fraction(terms.rate) / _HUNDRED * periods
    capped = False
    if terms.cap is not None:
        cap = late.value * Fraction(terms.cap) / _HUNDRED
        if amount > cap:
            amount, capped = cap, True
    owed = LatePenaltyOwed(late.shipment, late.days, money(amount, code), capped, late.provisional)
    return owed, None


def rebate(clause, samples, value: Fraction | None, code: str | None) -> RebateOwed | None:
    """The rebate of a passing clause on the mean of its samples (base units), or None."""
    terms = clause.rebate
    mean = sum(samples, Fraction(0)) / len(samples)
    excess = mean - terms.target if terms.direction == "up" else terms.target - mean
    if excess <= 0:
        return None
    if value is None:
        return RebateOwed(clause.path, None)
    steps = math.ceil(excess / terms.step)  # each step or part of one
    amount = min(value * Fraction(terms.rate) / _HUNDRED * steps, value)
    return RebateOwed(clause.path, money(amount, code))


def total(amounts, code: str | None) -> str | None:
    known = [Decimal(a) for a in amounts if a is not None]
    if not known:
        return money(Fraction(0), code)
    return format(sum(known, Decimal(0)), "f")


def _name(shipment: str | None) -> str:
    return "the shipment" if shipment is None else f'shipment "{shipment}"'


# --- the step ------------------------------------------------------------------------


def decide(contract, report, findings, today: datetime.date) -> RemediesOwed | None:
    """The remedies a verdict names; None when the contract states none (no block, no rebate)."""
    rebated = cached(contract, "rebated", _rebated)
    if contract.remedies is None and not rebated:
        return None
    code = contract.currency
    terms = contract.remedies
    notes: list[str] = []
    penalties, cancel = [], False
    for late in _late_shipments(contract, report, today):
        if terms is None:
            break
        limit = terms.cancel_after_days
        if limit is not None and late.days is not None and late.days > limit:
            cancel = True
        if terms.late_penalty is not None:
            owed, note = penalty(late, terms.late_penalty, code)
            penalties.append(owed)
            notes.extend([note] if note else [])
    rebates = _rebates(contract, report, findings, rebated, code)
    amounts = [p.amount for p in penalties] + [r.amount for r in rebates]
    if any(r.amount is None for r in rebates):
        notes.append("a rebate's product has no value (a unit price is missing)")
    return RemediesOwed(
        tuple(penalties), cancel, tuple(rebates), total(amounts, code), code, tuple(notes)
    )


def _rebated(contract) -> tuple:
    """The clauses with a rebate, found once per compiled contract."""
    return tuple(c for c in contract.clauses if getattr(c, "rebate", None) is not None)


def _late_shipments(contract, report, today):
    for shipment in contract.shipments:
        if shipment.name is not None and not report.covers(shipment.name):
            continue
        if shipment.name is None:
            value = None if contract.order_value is None else Fraction(contract.order_value)
        else:
            value = value_of(contract, {(shipment.name, line.sku) for line in shipment.goods})
        found = lateness(
            shipment,
            report.dates(shipment.name),
            shipped_event(report, shipment.name),
            today,
            value,
        )
        if found is not None:
            yield found


def _rebates(contract, report, findings, rebated, code) -> list[RebateOwed]:
    passed = {f.clause for f in findings if f.status == "pass"}
    out = []
    for clause in rebated:
        if clause.path not in passed:
            continue  # a failing clause opens a claim instead; a missing one earns nothing
        found = report.evidence.samples.get(clause.path)
        values = [unit.to_base(Fraction(m, 10**e)) for m, e, unit, _ in found]
        owed = rebate(clause, values, _product_value(contract, report, clause.path), code)
        if owed is not None:
            out.append(owed)
    return out


def _product_value(contract, report, path: str) -> Fraction | None:
    """The value of the product's goods in scope: all of it, or its covered goods lines."""
    sku = paths.split(path)[1]  # `products.SKU.…`
    lines = cached(contract, "goods-lines", goods_lines)
    marked = {key for key in lines if key[1] == sku and (key[0] is None or report.covers(key[0]))}
    return value_of(contract, marked)
