"""Numbers count by value in the fingerprint, in one canonical decimal text (issue 7 §3.1).

`unit price 100.000 USD` compiled to `"unit-price": "1E+2"`, and `12.50` and
`12.5000` gave different fingerprints.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import tacl
from tacl.nodes import Node
from tacl.source import SourceFile
from tacl.syntax import ast
from tacl.syntax.parser import parse

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = sorted(p for p in (ROOT / "examples").glob("*/po.tacl") if p.parent.name != "sloppy")


def priced(price: str, currency: str = "USD") -> tacl.CompiledContract:
    return tacl.compile_source(
        f'contract "C-1" {{\n  currency {currency}\n  product "P" {{\n'
        f"    quantity 8 pcs\n    unit price {price} {currency}\n  }}\n}}\n"
    )


@pytest.mark.parametrize(
    "price, currency, text",
    [
        ("100.000", "USD", "100.00"),
        ("100", "USD", "100.00"),
        ("12.5", "USD", "12.50"),
        ("12.5000", "USD", "12.50"),
        ("0.0125", "USD", "0.0125"),
        ("0.012500", "USD", "0.0125"),
        ("1500", "JPY", "1500"),
        ("1500.00", "JPY", "1500"),
        ("1.2500", "KWD", "1.250"),
    ],
)
def test_unit_price_text_is_canonical(price, currency, text):
    product = priced(price, currency).meaning()["products"][0]
    assert product["unit-price"] == text
    assert "E" not in product["unit-price"]


def test_trailing_zeros_never_change_the_fingerprint():
    assert priced("12.50").sha256 == priced("12.5000").sha256 == priced("12.5").sha256
    assert priced("100.000").sha256 == priced("100").sha256
    assert priced("12.50").sha256 != priced("12.51").sha256


def numbers(node: object) -> list[ast.Num]:
    """Every number literal of an AST, in any field at any depth."""
    if isinstance(node, ast.Num):
        return [node]
    if isinstance(node, tuple | list):
        return [n for item in node for n in numbers(item)]
    if isinstance(node, Node):
        return [n for value in vars(node).values() for n in numbers(value)]
    return []


def respelled(text: str) -> str:
    """The contract with a `0` added to every decimal fraction: `12.50` → `12.500`."""
    module, errors = parse(SourceFile("x.tacl", text))
    assert module is not None and not errors
    ends = sorted(
        {n.span.end for n in numbers(module) if "." in n.text and "e" not in n.text.lower()},
        reverse=True,
    )
    assert ends, "the example has no decimal fraction to respell"
    for end in ends:
        text = text[:end] + "0" + text[end:]
    return text


@pytest.mark.parametrize("path", CONTRACTS, ids=lambda p: p.parent.name)
def test_every_example_keeps_its_fingerprint_when_its_decimals_gain_a_zero(path):
    text = path.read_text("utf-8")
    again = respelled(text)
    assert again != text
    assert tacl.compile_source(again).sha256 == tacl.compile_source(text).sha256


def test_amounts_must_be_whole_minor_units_by_value_not_by_spelling():
    header = "  currency USD\n  coverage limit {} USD\n"
    text = 'contract "C-1" {{\n' + header + '  product "P" {{\n    quantity 8 pcs\n  }}\n}}\n'
    assert tacl.compile_source(text.format("10000.000")).coverage_limit == 10000
    with pytest.raises(tacl.ContractError, match="E216|finer than USD"):
        tacl.compile_source(text.format("10000.005"))
