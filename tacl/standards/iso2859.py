"""ISO 2859-1 single sampling plans for normal inspection.

A contract's ``inspection`` block names an inspection level and an AQL per
defect class (language.md §5.3); the verdict needs the sampling plan those
imply for the lot that was inspected. This module turns (lot size, level,
AQL) into that plan with the two tables of ISO 2859-1 (identical to
ANSI/ASQ Z1.4 and MIL-STD-105E):

- Table 1 gives the sample-size code letter for a lot size and a level;
- Table 2-A (single sampling, normal inspection) gives, for a code letter and
  an AQL, either an acceptance/rejection pair or an arrow to follow.

The tables ship as CSV in ``tacl.data`` (see ``tacl/data/SOURCES.md``) and
are read on first use only, so importing this module costs nothing. Tests
check every cell against an independently resolved table (tests/data).

It lives in ``tacl.standards``, below both the compiler (which validates
levels and AQLs) and the evaluator (which applies the plan to a lot), so
neither floor reaches into the other for it.

Everything here is pure and exact: AQLs are ``Decimal`` and compared by value.
Callers validate contract input first; a bad argument here raises
``ValueError`` because it is a programming error, not a user error.
"""

from __future__ import annotations

import csv
import functools
import io
from decimal import Decimal

import attrs

__all__ = [
    "LEVELS",
    "PREFERRED_AQLS",
    "Plan",
    "code_letter",
    "describe",
    "is_preferred",
    "plan_for",
]

#: Inspection levels of Table 1, in its column order.
LEVELS = ("S-1", "S-2", "S-3", "S-4", "I", "II", "III")

#: The preferred AQL series: the 26 columns of Table 2-A, in order.
# fmt: off
PREFERRED_AQLS: tuple[Decimal, ...] = tuple(map(Decimal, [
    "0.010", "0.015", "0.025", "0.040", "0.065", "0.10", "0.15", "0.25", "0.40", "0.65",
    "1.0", "1.5", "2.5", "4.0", "6.5", "10", "15", "25", "40", "65",
    "100", "150", "250", "400", "650", "1000",
]))
# fmt: on

# Decimal hashes by value, so Decimal("2.50") and 10 both find their column.
_COLUMN = {aql: index for index, aql in enumerate(PREFERRED_AQLS)}
_ARROW_STEP = {"v": 1, "^": -1}


@attrs.frozen
class Plan:
    """A single sampling plan, as applied to one lot.

    ``code`` is the letter Table 1 gives for the lot and level; ``final_code``
    the letter whose plan is used once Table 2-A's arrows are followed (the
    same letter when there was no arrow). ``sample_size`` is the number of
    units to inspect: the final letter's n, or the whole lot when that n
    reaches the lot size (``full_inspection``). The lot is accepted with at
    most ``accept`` defects and rejected with ``reject`` or more.
    """

    code: str
    final_code: str
    sample_size: int
    accept: int
    reject: int
    full_inspection: bool


def is_preferred(aql: Decimal) -> bool:
    """Whether ``aql`` is in the preferred series, compared by value.

    ``Decimal("2.50")`` counts as 2.5. Zero is not in the series: ``critical
    0`` is a rule of its own, which :func:`plan_for` accepts separately.
    """
    return _column(aql) is not None


def code_letter(lot_size: int, level: str) -> str:
    """The Table 1 sample-size code letter for a lot size and inspection level."""
    _check_lot_size(lot_size)
    if level not in LEVELS:
        raise ValueError(f"unknown inspection level {level!r}; expected one of {LEVELS}")
    for low, high, letters in _table1():
        if low <= lot_size and (high is None or lot_size <= high):
            return letters[level]
    raise ValueError(f"lot size {lot_size} is not covered by Table 1")  # pragma: no cover


def plan_for(lot_size: int, level: str, aql: Decimal) -> Plan:
    """The normal-inspection single sampling plan for a lot.

    The code letter comes from Table 1; in Table 2-A an arrow ``v`` leads to
    the first plan below in the same column and ``^`` to the first plan
    above, and the plan then uses the sample size of the letter the arrow led
    to, so the same lot can have different sample sizes for different AQLs.

    Full inspection: when that sample size is at least the lot size, every
    unit is inspected (``sample_size`` is the lot size, ``full_inspection``
    is true) and Ac/Re stay those of the plan, as ISO 2859-1 says ("use
    100 % inspection") without changing the acceptance number.

    AQL 0 (``critical 0``): Ac 0, Re 1 whatever the sample size. Zero has no
    column in Table 2-A, so there is no arrow to follow; the sample size is
    that of the code letter itself (capped at the lot size as above), the
    sample the inspector draws for the other classes at this level anyway.
    """
    code = code_letter(lot_size, level)
    sizes, resolved = _table2a()
    if _is_zero(aql):
        final_code, accept, reject = code, 0, 1
    else:
        column = _column(aql)
        if column is None:
            raise ValueError(f"AQL {aql} is not in the ISO 2859-1 preferred series")
        final_code, accept, reject = resolved[code][column]
    sample_size = sizes[final_code]
    full = sample_size >= lot_size
    return Plan(
        code=code,
        final_code=final_code,
        sample_size=lot_size if full else sample_size,
        accept=accept,
        reject=reject,
        full_inspection=full,
    )


def describe(plan: Plan) -> str:
    """The plan as a verdict's ``expected`` names it.

    ``code L, n=200, Ac 7 / Re 8``; ``code K→L, …`` when an arrow led from
    the lot's letter to another; ``n=5 (100 % inspection)`` when every unit
    is inspected.
    """
    letters = plan.code if plan.code == plan.final_code else f"{plan.code}→{plan.final_code}"
    size = f"n={plan.sample_size}" + (" (100 % inspection)" if plan.full_inspection else "")
    return f"code {letters}, {size}, Ac {plan.accept} / Re {plan.reject}"


def _check_lot_size(lot_size: int) -> None:
    if isinstance(lot_size, bool) or not isinstance(lot_size, int):
        raise ValueError(f"lot size must be an int, not {type(lot_size).__name__}")
    if lot_size < 2:
        raise ValueError(f"lot size must be at least 2, not {lot_size}")


def _column(aql: object) -> int | None:
    if isinstance(aql, bool) or not isinstance(aql, (Decimal, int)):
        return None
    if isinstance(aql, Decimal) and not aql.is_finite():
        return None
    return _COLUMN.get(aql)


def _is_zero(aql: object) -> bool:
    if isinstance(aql, Decimal):
        return aql.is_zero()
    return type(aql) is int and aql == 0


def _read_csv(name: str) -> list[list[str]]:
    from importlib.resources import files  # here, not at the top: it costs ~3 ms a start

    text = files("tacl.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


@functools.cache
def _table1() -> tuple[tuple[int, int | None, dict[str, str]], ...]:
    """Table 1 rows as (lowest lot size, highest or None, level → letter)."""
    header, *rows = _read_csv("table1-code-letters.csv")
    if tuple(header[2:]) != LEVELS:
        raise RuntimeError(f"table1-code-letters.csv: unexpected header {header}")
    return tuple(
        (int(low), int(high) if high else None, dict(zip(LEVELS, letters, strict=True)))
        for low, high, *letters in rows
    )


@functools.cache
def _table2a() -> tuple[dict[str, int], dict[str, tuple[tuple[str, int, int], ...]]]:
    """Table 2-A with every arrow followed once, for all code letters.

    Returns (letter → sample size, letter → per-column (final letter, Ac, Re)).
    """
    header, *rows = _read_csv("table2a-normal.csv")
    if tuple(Decimal(cell) for cell in header[2:]) != PREFERRED_AQLS:
        raise RuntimeError(f"table2a-normal.csv: unexpected header {header}")
    letters = [row[0] for row in rows]
    sizes = {row[0]: int(row[1]) for row in rows}
    cells = [row[2:] for row in rows]
    resolved = {
        letter: tuple(
            _follow(cells, letters, index, column) for column in range(len(PREFERRED_AQLS))
        )
        for index, letter in enumerate(letters)
    }
    return sizes, resolved


def _follow(
    cells: list[list[str]], letters: list[str], row: int, column: int
) -> tuple[str, int, int]:
    """Follow an arrow from (row, column) to the first plan in its direction.

    "The first plan below" is the first cell that holds a plan, so arrows met
    on the way are passed over (R at 0.015 points up past Q's arrow to P).
    """
    step = _ARROW_STEP.get(cells[row][column], 0)
    while cells[row][column] in _ARROW_STEP:
        row += step
        if not 0 <= row < len(cells):
            raise RuntimeError(f"table2a-normal.csv: arrow leaves the table in column {column}")
    accept, reject = cells[row][column].split("/")
    return letters[row], int(accept), int(reject)
