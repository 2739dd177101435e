"""A statement that is present but invalid causes no errors that say it is absent (issue 7 §3.3).

`currency USX` gave, besides the right error, "amount in `USD` but the contract
has no `currency` statement" twice and "advance payment in % needs the order
value", and suggested `UZS`. A withdrawn code now names its successor.
"""

from __future__ import annotations

import pytest

import tacl

BASE = """contract "PO-7" {{
  currency {currency}
  coverage limit 5000 {money}
  advance payment 30 %
  product "MUG-1" {{
    quantity 1000 pcs
    unit price 2.50 {money}
{extra}  }}
{more}}}
"""


def errors(currency="USD", money="USD", extra="", more="") -> list[tuple[str, str, str | None]]:
    text = BASE.format(currency=currency, money=money, extra=extra, more=more)
    try:
        tacl.compile_source(text, name="po.tacl")
    except tacl.ContractError as exc:
        return [(d.code, d.message, d.help) for d in exc.diagnostics]
    return []


def test_an_invalid_currency_is_one_error_not_three():
    assert errors(currency="USX") == [
        ("E102", "unknown currency `USX`", "did you mean `USD`, the currency of the amounts?")
    ]


def test_the_suggestion_is_the_currency_the_amounts_use_not_a_spelling_neighbour():
    (found,) = errors(currency="USX")
    assert "UZS" not in found[2]
    (found,) = errors(currency="EUX", money="EUR")
    assert found[2] == "did you mean `EUR`, the currency of the amounts?"


@pytest.mark.parametrize(("old", "new"), [("HRK", "EUR"), ("LTL", "EUR"), ("VEF", "VES")])
def test_a_withdrawn_code_names_its_successor(old, new):
    help_ = f"`{old}` was withdrawn from ISO 4217; its successor is `{new}`"
    assert errors(currency=old, money="USD") == [("E102", f"unknown currency `{old}`", help_)]
    found = errors(currency="USD", money=old)
    assert [code for code, _, _ in found] == ["E102", "E102"]
    assert all(h == help_ for _, _, h in found)


def test_an_unknown_amount_code_suggests_the_contracts_currency():
    found = errors(currency="USD", money="USX")
    assert found[0][2] == "did you mean `USD`, the contract's currency?"


def test_a_missing_currency_statement_is_still_reported_as_missing():
    text = BASE.format(currency="USD", money="USD", extra="", more="").replace(
        "  currency USD\n", ""
    )
    with pytest.raises(tacl.ContractError) as raised:
        tacl.compile_source(text)
    codes = [d.code for d in raised.value.diagnostics]
    assert codes == ["E303", "E303"]  # the two amounts; the advance is not a third error


def test_a_product_in_error_does_not_make_a_stated_order_value_look_wrong():
    more = '  order value 5000 USD\n  product "MUG-2" {\n    quantity 1000 pcs\n    unit price 2.50 USD\n    inspection {\n      standard ISO 2859-1 level IV\n    }\n  }\n'
    found = errors(more=more)
    assert [code for code, _, _ in found] == ["E108"]  # not E208 order-value-mismatch


def test_a_quantity_in_error_does_not_make_the_advance_need_an_order_value():
    assert errors() == []
    text = BASE.format(currency="USD", money="USD", extra="", more="").replace(
        "1000 pcs", "1000 pcz"
    )
    with pytest.raises(tacl.ContractError) as raised:
        tacl.compile_source(text)
    assert [d.code for d in raised.value.diagnostics] == ["E104"]


def test_an_advance_without_any_prices_still_needs_an_order_value():
    text = 'contract "PO-7" {\n  currency USD\n  advance payment 30 %\n}\n'
    with pytest.raises(tacl.ContractError) as raised:
        tacl.compile_source(text)
    assert [d.code for d in raised.value.diagnostics] == ["E215"]
