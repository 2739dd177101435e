"""ISO 2859-1 sampling plans, checked against independent reference tables.

The expected values are read from ``tests/data/iso2859-1`` (see its SOURCES.md),
never from the copies the package ships, so a wrong table in ``tacl/data``
cannot pass. ``table2a-normal-resolved.csv`` has every arrow already followed,
so it checks the package's arrow-following too, not only its copy.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tacl.standards.iso2859 import (
    LEVELS,
    PREFERRED_AQLS,
    Plan,
    code_letter,
    describe,
    is_preferred,
    plan_for,
)

ISO = Path(__file__).resolve().parents[1] / "data" / "iso2859-1"


def read_rows(name: str) -> list[dict[str, str]]:
    with open(ISO / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


TABLE1 = read_rows("table1-code-letters.csv")
RESOLVED = read_rows("table2a-normal-resolved.csv")


def largest_lot_for(letter: str) -> tuple[int, str]:
    """The largest lot size (and a level) that Table 1 maps to ``letter``.

    The largest lot keeps plans away from full inspection where it can.
    """
    best: tuple[int, str] | None = None
    for row in TABLE1:
        high = int(row["lot_max"]) if row["lot_max"] else 10**7
        for level in LEVELS:
            if row[level] == letter and (best is None or high > best[0]):
                best = (high, level)
    assert best is not None, letter
    return best


# --- Table 1 -------------------------------------------------------------------


def test_levels_and_aqls_match_the_reference_headers():
    with open(ISO / "table2a-normal.csv", newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert tuple(Decimal(cell) for cell in header[2:]) == PREFERRED_AQLS
    assert len(PREFERRED_AQLS) == 26
    assert tuple(TABLE1[0].keys())[2:] == LEVELS


@pytest.mark.parametrize("row", TABLE1, ids=lambda row: f"{row['lot_min']}-{row['lot_max']}")
def test_every_table1_row_at_both_bounds(row):
    bounds = [int(row["lot_min"])]
    bounds.append(int(row["lot_max"]) if row["lot_max"] else 10**9)
    for lot in bounds:
        for level in LEVELS:
            assert code_letter(lot, level) == row[level], (lot, level)


@pytest.mark.parametrize(
    ("lot", "level", "letter"),
    [
        (2, "II", "A"),
        (8, "III", "B"),
        (9, "II", "B"),
        (1200, "II", "J"),
        (1201, "II", "K"),
        (3000, "II", "K"),
        (3200, "II", "K"),
        (3201, "II", "L"),
        (500000, "II", "P"),
        (500001, "II", "Q"),
        (10**12, "III", "R"),
        (10**12, "S-1", "D"),
    ],
)
def test_table1_spot_checks(lot, level, letter):
    assert code_letter(lot, level) == letter


# --- Table 2-A, every cell --------------------------------------------------------


@pytest.mark.parametrize("row", RESOLVED, ids=lambda row: f"{row['code']}-{row['aql']}")
def test_every_resolved_cell(row):
    lot, level = largest_lot_for(row["code"])
    plan = plan_for(lot, level, Decimal(row["aql"]))
    final_n = int(row["final_n"])
    assert plan.code == row["code"]
    assert plan.final_code == row["final_code"]
    assert (plan.accept, plan.reject) == (int(row["ac"]), int(row["re"]))
    assert plan.full_inspection == (final_n >= lot)
    assert plan.sample_size == min(final_n, lot)


def test_every_letter_has_its_own_sample_size():
    sizes = {row["code"]: int(row["n"]) for row in RESOLVED}
    for row in RESOLVED:
        if row["raw_cell"] not in ("v", "^"):
            lot, level = largest_lot_for(row["code"])
            plan = plan_for(lot, level, Decimal(row["aql"]))
            assert plan.final_code == row["code"]
            assert plan.sample_size == min(sizes[row["code"]], lot)


# --- published example and arrows ---------------------------------------------------


def test_published_example_lot_3000_level_ii():
    assert plan_for(3000, "II", Decimal("2.5")) == Plan("K", "K", 125, 7, 8, False)
    assert plan_for(3000, "II", Decimal("4.0")) == Plan("K", "K", 125, 10, 11, False)


def test_arrows_give_different_sample_sizes_per_column():
    # Code K (n 125): 0.10 is a plan, 0.15 points up to J, 0.25 down to L.
    assert plan_for(3000, "II", Decimal("0.10")) == Plan("K", "K", 125, 0, 1, False)
    assert plan_for(3000, "II", Decimal("0.15")) == Plan("K", "J", 80, 0, 1, False)
    assert plan_for(3000, "II", Decimal("0.25")) == Plan("K", "L", 200, 1, 2, False)
    assert plan_for(3000, "II", Decimal("0.010")) == Plan("K", "Q", 1250, 0, 1, False)


def test_an_arrow_passes_over_further_arrows():
    # R, 0.015: "^" to Q, whose cell is "^" too, then up to P's 0/1.
    assert plan_for(10**6, "III", Decimal("0.015")) == Plan("R", "P", 800, 0, 1, False)
    # A, 10: "v" past B's "v" to C's 1/2.
    assert plan_for(50, "S-1", Decimal("10")) == Plan("A", "C", 5, 1, 2, False)


# --- full inspection ----------------------------------------------------------------


def test_full_inspection_when_the_arrow_leads_past_the_lot_size():
    # Lot 10, level II: code B (n 3); 0.65 leads down to F (n 20) > 10.
    assert plan_for(10, "II", Decimal("0.65")) == Plan("B", "F", 10, 0, 1, True)


def test_full_inspection_starts_exactly_at_the_lot_size():
    assert plan_for(1250, "II", Decimal("0.010")) == Plan("K", "Q", 1250, 0, 1, True)
    assert plan_for(1251, "II", Decimal("0.010")) == Plan("K", "Q", 1250, 0, 1, False)
    assert plan_for(2, "II", Decimal("6.5")) == Plan("A", "A", 2, 0, 1, True)


def test_full_inspection_keeps_the_acceptance_number():
    # Lot 4, level II: code A; AQL 10 leads down past B to C's 1/2 (n 5 > 4).
    assert plan_for(4, "II", Decimal("10")) == Plan("A", "C", 4, 1, 2, True)
    # Lot 5: the same plan, now exactly the lot size.
    assert plan_for(5, "II", Decimal("10")) == Plan("A", "C", 5, 1, 2, True)
    assert plan_for(100, "S-1", Decimal("0.010")) == Plan("B", "Q", 100, 0, 1, True)


# --- critical 0 -------------------------------------------------------------------


@pytest.mark.parametrize("zero", [Decimal("0"), Decimal("0.0"), Decimal("-0"), 0])
def test_aql_zero_is_accept_none_on_the_letters_own_sample(zero):
    assert plan_for(3000, "II", zero) == Plan("K", "K", 125, 0, 1, False)
    assert plan_for(10**6, "III", zero) == Plan("R", "R", 2000, 0, 1, False)


def test_aql_zero_on_a_tiny_lot_inspects_everything():
    assert plan_for(5, "II", Decimal(0)) == Plan("A", "A", 2, 0, 1, False)
    assert plan_for(2, "II", Decimal(0)) == Plan("A", "A", 2, 0, 1, True)


# --- preferred series and bad arguments -------------------------------------------


def test_is_preferred_compares_by_value():
    assert all(is_preferred(aql) for aql in PREFERRED_AQLS)
    assert is_preferred(Decimal("2.50"))
    assert is_preferred(Decimal("0.0100"))
    assert is_preferred(Decimal("1E+3"))
    assert is_preferred(10)
    for aql in ("0", "2.4", "3", "-2.5", "1500", "0.001", "NaN", "sNaN", "Infinity"):
        assert not is_preferred(Decimal(aql)), aql
    assert not is_preferred(2.5)  # floats never reach TACL numbers
    assert not is_preferred(True)


def test_plan_for_accepts_equal_values_of_a_preferred_aql():
    assert plan_for(3000, "II", Decimal("2.50")) == plan_for(3000, "II", Decimal("2.5"))


@pytest.mark.parametrize("lot", [1, 0, -5, True, 2.0, Decimal(100)])
def test_bad_lot_size(lot):
    with pytest.raises(ValueError):
        code_letter(lot, "II")
    with pytest.raises(ValueError):
        plan_for(lot, "II", Decimal("2.5"))


@pytest.mark.parametrize("level", ["ii", "IV", "S-5", "", "2"])
def test_unknown_level(level):
    with pytest.raises(ValueError):
        code_letter(100, level)


@pytest.mark.parametrize(
    "aql", [Decimal("3"), Decimal("2.4"), Decimal("-2.5"), Decimal("NaN"), 2.5]
)
def test_non_preferred_aql(aql):
    with pytest.raises(ValueError):
        plan_for(100, "II", aql)


# --- describe ---------------------------------------------------------------------


def test_describe():
    assert describe(plan_for(3200, "III", Decimal("2.5"))) == "code L, n=200, Ac 10 / Re 11"
    assert describe(plan_for(3000, "II", Decimal("0.25"))) == "code K→L, n=200, Ac 1 / Re 2"
    assert describe(plan_for(10, "II", Decimal("0.65"))) == (
        "code B→F, n=10 (100 % inspection), Ac 0 / Re 1"
    )


def test_tables_load_lazily():
    code = (
        "import tacl.standards.iso2859 as aql\n"
        "assert aql._table1.cache_info().currsize == 0\n"
        "assert aql._table2a.cache_info().currsize == 0\n"
        "aql.plan_for(3000, 'II', aql.PREFERRED_AQLS[0])\n"
        "assert aql._table2a.cache_info().currsize == 1\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
