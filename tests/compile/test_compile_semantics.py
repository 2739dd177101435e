"""What compiled contracts mean: exact intervals, defaults, money, paths, fingerprints."""

from __future__ import annotations

import pickle
import threading
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import tacl
from tacl.compile.ir import GENERAL_AQL, MeasureClause

LAMPS = Path(__file__).resolve().parents[2] / "examples" / "lamps" / "po.tacl"


def compile_product(lines: str, header: str = "  currency USD\n"):
    text = f'contract "C-1" {{\n{header}  product "P" {{\n{lines}  }}\n}}\n'
    return tacl.compile_source(text, name="t.tacl")


def measure(lines: str, path: str) -> MeasureClause:
    return compile_product(lines).clause(f"products.P.{path}")


@pytest.mark.parametrize(
    "line, path, low, high, expected",
    [
        ("weight 1.2 kg ± 50 g", "weight", 1150, 1250, "1.15 kg to 1.25 kg"),
        ("weight between 1150 g and 1.25 kg", "weight", 1150, 1250, "1150 g to 1.25 kg"),
        ("quantity 1000 pcs ± 2 %", "quantity", 980, 1020, "980 pcs to 1020 pcs"),
        ("quantity 10 dozen", "quantity", 120, 120, "10 dozen"),
        (
            "dimension depth 10 in +1/-0 in",
            "dimension.depth",
            254,
            Fraction(2794, 10),
            "10 in to 11 in",
        ),
        ("spec cold at most 13 °C", "spec.cold", None, 13, "at most 13 °C"),
        ("spec hot at least 55.4 °F", "spec.hot", 13, None, "at least 55.4 °F"),
        ("spec humidity 80 % ± 5 %", "spec.humidity", 75, 85, "75 % to 85 %"),
        (
            "weight 2 lb ± 1 oz",
            "weight",
            Fraction(45359237 * 2, 100000) - Fraction(45359237, 1600000),
            Fraction(45359237 * 2, 100000) + Fraction(45359237, 1600000),
            "1.9375 lb to 2.0625 lb",
        ),
    ],
)
def test_constraints_resolve_to_exact_base_intervals(line, path, low, high, expected) -> None:
    clause = measure(f"    {line}\n", path)
    assert clause.interval.low == (None if low is None else Fraction(low))
    assert clause.interval.high == (None if high is None else Fraction(high))
    assert clause.expected == expected


def test_temperature_tolerance_is_a_difference() -> None:
    clause = measure("    spec t 20 °C ± 2 °F\n", "spec.t")
    assert clause.interval.low == Fraction(20) - Fraction(10, 9)
    assert clause.interval.high == Fraction(20) + Fraction(10, 9)


def test_value_on_a_bound_passes() -> None:
    clause = measure("    spec t at most 13 °C\n", "spec.t")
    assert clause.interval.contains(Fraction("55.4") * Fraction(5, 9) - Fraction(160, 9))
    assert not clause.interval.contains(Fraction("55.41") * Fraction(5, 9) - Fraction(160, 9))


def test_size_axes_get_their_own_paths() -> None:
    contract = compile_product("    size 420 x 180 mm +2/-0 mm\n")
    paths = [c.path for c in contract.clauses if "size" in c.path]
    assert paths == ["products.P.size.length", "products.P.size.width"]
    assert contract.clause("products.P.size.width").expected == "180 mm to 182 mm"


def test_defaults_apply_without_blocks() -> None:
    contract = compile_product("    quantity 10 pcs\n")
    assert contract.protection == "post-delivery"
    assert contract.inspection.level == "II" and contract.inspection.aql == GENERAL_AQL
    assert [w.event for w in contract.claims.quality_windows] == ["customs clearance", "shipment"]
    assert contract.claims.supplier_response.amount == 15
    assert [c.path for c in contract.clauses][-3:] == [
        "products.P.aql.critical",
        "products.P.aql.major",
        "products.P.aql.minor",
    ]


def test_product_inspection_overrides_per_class() -> None:
    contract = compile_product(
        "    quantity 10 pcs\n    inspection {\n      aql major 1.0\n    }\n",
        header="  currency USD\n  inspection {\n    standard ISO 2859-1 level I\n"
        "    aql critical 0 major 2.5 minor 4.0\n  }\n",
    )
    product = contract.product("P")
    assert product.inspection.level == "I"
    assert dict(product.inspection.aql) == {
        "critical": Decimal("0"),
        "major": Decimal("1.0"),
        "minor": Decimal("4.0"),
    }


def test_order_value_and_percent_advance() -> None:
    contract = compile_product(
        "    quantity 3000 kg ± 5 %\n    unit price 1.255 USD\n",
        header="  currency USD\n  advance payment 30 %\n",
    )
    assert contract.order_value == Decimal("3765.00")
    assert contract.advance_payment == Decimal("1129.50")


def test_order_value_in_a_currency_without_minor_units() -> None:
    contract = compile_product(
        "    quantity 7 pcs\n    unit price 333 JPY\n",
        header="  currency JPY\n  order value 2331 JPY\n",
    )
    assert contract.order_value == Decimal("2331")
    assert contract.to_dict()["contract"]["order-value"] == "2331"


def test_fingerprint_ignores_layout_and_comments() -> None:
    text = LAMPS.read_text("utf-8")
    relaid = "# a new header comment\n\n" + text.replace("  ", "    ").replace("\n", "  # c\n", 3)
    relaid = relaid.replace("\n", "\r\n")
    assert tacl.compile_source(text).sha256 == tacl.compile_source(relaid).sha256


@pytest.mark.parametrize(
    "old, new",
    [
        ("12.50 USD", "12.51 USD"),
        ("± 2 mm", "± 3 mm"),
        ('"ABS", "PC"', '"ABS", "PP"'),
        ("2026-03-15", "2026-03-16"),
        ("major 2.5", "major 1.5"),
        ("15 days", "16 days"),
    ],
)
def test_fingerprint_changes_with_any_value(old: str, new: str) -> None:
    text = LAMPS.read_text("utf-8")
    assert old in text
    assert tacl.compile_source(text).sha256 != tacl.compile_source(text.replace(old, new, 1)).sha256


def test_compiled_contract_is_picklable_hashable_and_shareable() -> None:
    contract = tacl.load(LAMPS)
    again = pickle.loads(pickle.dumps(contract))
    assert again == contract and hash(again) == hash(contract)
    assert again.to_dict() == contract.to_dict()
    with pytest.raises(AttributeError):
        contract.id = "other"  # frozen

    results = []

    def compile_many() -> None:
        results.extend(tacl.load(LAMPS).sha256 for _ in range(5))

    threads = [threading.Thread(target=compile_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(results) == {contract.sha256} and len(results) == 20


def test_contract_error_is_picklable() -> None:
    with pytest.raises(tacl.ContractError) as caught:
        tacl.compile_source('contract "X" {\n  currency usd\n}\n')
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.diagnostics == caught.value.diagnostics
    assert again.diagnostics[0].help == "did you mean `USD`?"


@pytest.mark.parametrize(
    "old, new",
    [
        ("minor 4.0", "minor 4"),
        ("± 2 dE", "± 2.0 dE"),
        ("12.50 USD", "12.5 USD"),
        ("10000 USD", "10000.00 USD"),
    ],
)
def test_fingerprint_ignores_how_an_equal_number_is_written(old: str, new: str) -> None:
    text = LAMPS.read_text("utf-8")
    assert old in text
    assert tacl.compile_source(text).sha256 == tacl.compile_source(text.replace(old, new, 1)).sha256


def test_lab_components_written_differently_fingerprint_alike() -> None:
    a = compile_product("    color lab(50, -3.20, 4) ± 1 dE\n")
    b = compile_product("    color lab(50.0, -3.2, 4.00) ± 1.0 dE\n")
    assert a.sha256 == b.sha256


LATIN1 = b'contract "X" {\n  buyer "Caf\xe9"\n}\n'


def test_compile_source_takes_bytes_and_refuses_other_types() -> None:
    assert tacl.compile_source(LAMPS.read_bytes(), name="po.tacl") == tacl.load(LAMPS)
    with pytest.raises(tacl.ContractError, match="not valid UTF-8"):
        tacl.compile_source(LATIN1)
    with pytest.raises(tacl.UsageError):
        tacl.compile_source(None)


def test_lint_source_takes_bytes_and_refuses_other_types() -> None:
    assert tacl.lint_source(LAMPS.read_bytes(), name="po.tacl") == []
    assert [d.code for d in tacl.lint_source(LATIN1)] == ["E008"]
    with pytest.raises(tacl.UsageError):
        tacl.lint_source(None)


def test_load_refuses_a_non_path() -> None:
    with pytest.raises(tacl.UsageError):
        tacl.load(3)  # would otherwise open file descriptor 3
