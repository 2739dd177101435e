"""The explicit input limits, and odd but harmless input, give clear results, not hangs.

Each limit is exercised one past its edge (and at the edge, where that is cheap), and
every case stays small enough to finish in well under a second.
"""

from __future__ import annotations

import pytest

import tacl
from tacl.pipeline import compile_source_file, decode_source
from tacl.syntax.parser import MAX_CHARS

BASE = """contract "PO-1" {
  buyer "Acme GmbH"
  currency USD
  product "P-1" {
    quantity 100 pcs
    unit price 2.50 USD
  }
}
"""


def errors(text: str) -> list:
    with pytest.raises(tacl.ContractError) as info:
        tacl.compile_source(text, name="t.tacl")
    return list(info.value.diagnostics)


def codes(text: str) -> list[str]:
    return [d.code for d in errors(text)]


def bytes_errors(data: bytes) -> list:
    with pytest.raises(tacl.ContractError) as info:
        compile_source_file(decode_source(data, "t.tacl"))
    return list(info.value.diagnostics)


# --- the limits ----------------------------------------------------------------------------


def test_file_of_1_000_001_characters_is_e004() -> None:
    text = BASE + "#" + " " * (MAX_CHARS + 1 - len(BASE) - 2) + "\n"
    assert len(text) == MAX_CHARS + 1
    (diagnostic,) = errors(text)
    assert diagnostic.code == "E004"
    assert "1,000,000" in diagnostic.message


def test_file_of_exactly_the_limit_is_accepted() -> None:
    text = BASE + "#" + " " * (MAX_CHARS - len(BASE) - 2) + "\n"
    assert len(text) == MAX_CHARS
    assert tacl.compile_source(text).id == "PO-1"


def test_too_many_bytes_is_e004_before_decoding() -> None:
    (diagnostic,) = bytes_errors(b" " * (MAX_CHARS * 4 + 1))
    assert diagnostic.code == "E004"


def test_31_digit_number_is_e005() -> None:
    (diagnostic,) = errors(BASE.replace("quantity 100 pcs", f"quantity {'9' * 31} pcs"))
    assert diagnostic.code == "E005"
    assert diagnostic.span.line == 5
    assert "31 digits" in diagnostic.message


def test_31_digits_with_a_point_and_underscores_is_e005() -> None:
    number = "1_" + "0" * 21 + "." + "0" * 9  # 31 digits
    assert codes(BASE.replace("unit price 2.50 USD", f"unit price {number} USD")) == ["E005"]


def test_30_digits_are_within_the_limit() -> None:
    text = BASE.replace("quantity 100 pcs", f"quantity {'9' * 30} pcs")
    assert "E005" not in [d.code for d in _diagnostics_or_none(text)]


def test_10_001_character_string_is_e006() -> None:
    (diagnostic,) = errors(BASE.replace('"Acme GmbH"', '"' + "a" * 10_001 + '"'))
    assert diagnostic.code == "E006"
    assert diagnostic.span.line == 2


def test_10_000_character_string_is_accepted() -> None:
    contract = tacl.compile_source(BASE.replace('"Acme GmbH"', '"' + "a" * 10_000 + '"'))
    assert contract.buyer == "a" * 10_000


def _products(count: int) -> str:
    products = "".join(
        f'  product "P-{i}" {{\n    quantity 1 pcs\n    unit price 1 USD\n  }}\n'
        for i in range(count)
    )
    return f'contract "PO-1" {{\n  currency USD\n{products}}}\n'


def test_1_001_products_is_e007() -> None:
    (diagnostic,) = errors(_products(1_001))
    assert diagnostic.code == "E007"
    assert "1,001" in diagnostic.message or "1001" in diagnostic.message


def test_1_000_products_are_accepted() -> None:
    assert len(tacl.compile_source(_products(1_000)).products) == 1_000


@pytest.mark.parametrize(
    "data, line, column",
    [
        (b"\xff" + BASE.encode(), 1, 1),
        (BASE.encode().replace(b"Acme", b"Ac\xe9me"), 2, 12),
        (BASE.encode().replace(b"quantity", b"quan\xc3tity"), 5, 9),
        (BASE.encode() + b"\xf0\x9f\x99", 9, 1),  # a truncated 4-byte sequence at the end
        (BASE.encode().replace(b"Acme", b"\xed\xa0\x80"), 2, 10),  # a surrogate
        (BASE.encode().replace(b"Acme", "Äcme".encode() + b"\x80"), 2, 14),
    ],
)
def test_invalid_utf8_is_e008_on_the_right_line(data: bytes, line: int, column: int) -> None:
    (diagnostic,) = bytes_errors(data)
    assert diagnostic.code == "E008"
    assert (diagnostic.span.line, diagnostic.span.column) == (line, column)


# --- odd but harmless input ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", " ", "\n", "\n\n\n", " \t \n\t\n", "\r\n", "# only a comment\n"]
)
def test_empty_or_blank_file_is_one_syntax_error(text: str) -> None:
    (diagnostic,) = errors(text)
    assert diagnostic.code == "E001"
    assert diagnostic.span is not None


@pytest.mark.parametrize("text", ["", "  \n\t\n"])
def test_empty_file_says_there_is_no_contract(text: str) -> None:
    (diagnostic,) = errors(text)
    assert "empty" in diagnostic.message


@pytest.mark.parametrize(
    "data",
    [
        b"\x00",
        b"\x00" * 100,
        bytes(range(128)),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x00\x00",
        b"\x7fELF\x02\x01\x01",
        b"{}\n" * 3,
        b'contract "a" {\n\x00\n}\n',
    ],
)
def test_binary_garbage_is_a_contract_error(data: bytes) -> None:
    diagnostics = bytes_errors(data)
    assert diagnostics
    assert all(d.code.startswith("E") and d.message for d in diagnostics)


def test_a_bom_is_ignored() -> None:
    expected = tacl.compile_source(BASE).sha256
    assert tacl.compile_source("\ufeff" + BASE).sha256 == expected
    data = b"\xef\xbb\xbf" + BASE.encode()
    assert compile_source_file(decode_source(data, "t.tacl")).sha256 == expected


def test_a_bom_keeps_positions_right() -> None:
    (diagnostic,) = bytes_errors(b"\xef\xbb\xbf" + BASE.replace("pcs", "pcz").encode())
    assert (diagnostic.code, diagnostic.span.line, diagnostic.span.column) == ("E104", 5, 18)


def test_crlf_line_ends_compile_to_the_same_contract() -> None:
    assert (
        tacl.compile_source(BASE.replace("\n", "\r\n")).sha256 == tacl.compile_source(BASE).sha256
    )


def test_crlf_keeps_columns_right() -> None:
    (diagnostic,) = errors(BASE.replace("pcs", "pcz").replace("\n", "\r\n"))
    assert (diagnostic.span.line, diagnostic.span.column) == (5, 18)


def test_tabs_are_white_space() -> None:
    text = BASE.replace("  ", "\t").replace("quantity 100", "quantity\t\t100")
    assert tacl.compile_source(text).sha256 == tacl.compile_source(BASE).sha256


def test_a_lone_carriage_return_is_not_a_line_end() -> None:
    """Only LF and CRLF end a line; a bare CR is an invalid character, reported as such."""
    diagnostics = errors(BASE.replace("\n", "\r", 2))
    assert diagnostics[0].code in {"E001", "E003"}


@pytest.mark.parametrize(
    "value", ["Ärger & Söhne GmbH", "深圳市光明照明有限公司", "🙂 lamps", "Ελληνικά", "\u202eRTL"]
)
def test_non_ascii_text_in_strings_is_kept(value: str) -> None:
    assert tacl.compile_source(BASE.replace("Acme GmbH", value)).buyer == value


def test_non_ascii_outside_strings_is_e003_with_a_column_in_characters() -> None:
    (diagnostic,) = errors(BASE.replace("currency USD", "currency USD 深"))
    assert (diagnostic.code, diagnostic.span.line, diagnostic.span.column) == ("E003", 3, 16)


def test_curly_quotes_get_help() -> None:
    (diagnostic,) = errors(BASE.replace('"Acme GmbH"', "\u201cAcme GmbH\u201d"))
    assert diagnostic.code == "E003"
    assert "straight" in (diagnostic.help or "")


def test_a_nul_byte_in_a_string_is_an_error_or_kept_but_never_a_crash() -> None:
    try:
        contract = tacl.compile_source(BASE.replace("Acme", "Ac\x00me"))
    except tacl.ContractError:
        return
    assert contract.buyer == "Ac\x00me GmbH"


def test_many_syntax_errors_stop_at_the_cap() -> None:
    body = "".join(f"  buyer {i}\n" for i in range(100))
    diagnostics = errors(f'contract "PO-1" {{\n{body}}}\n')
    assert 1 <= len(diagnostics) <= 20


def test_deeply_nested_braces_are_a_syntax_error_not_a_recursion_error() -> None:
    text = 'contract "PO-1" {\n' + "  shipment {\n" * 2_000 + "  }\n" * 2_000 + "}\n"
    assert errors(text)


def test_a_long_line_of_tokens_finishes() -> None:
    text = BASE.replace("currency USD", "currency USD" + " USD" * 20_000)
    assert errors(text)


def _diagnostics_or_none(text: str) -> list:
    try:
        tacl.compile_source(text)
    except tacl.ContractError as exc:
        return list(exc.diagnostics)
    return []
