"""Text to AST: every statement kind, spans from tokens, comments, token aliases."""

from __future__ import annotations

import pytest

from tacl.source import SourceFile
from tacl.syntax import ast
from tacl.syntax.parser import parse


def wrap(body: str, product: str = "") -> str:
    inner = f'  product "P-1" {{\n{product}  }}\n' if product else ""
    return f'contract "C-1" {{\n{body}{inner}}}\n'


def parse_ok(text: str) -> ast.Module:
    module, diagnostics = parse(SourceFile("t.tacl", text))
    assert not diagnostics, [d.message for d in diagnostics]
    return module


def product_statements(lines: str) -> tuple:
    module = parse_ok(wrap("", lines))
    return module.contract.statements[0].statements


def test_contract_header_and_parties() -> None:
    module = parse_ok(wrap('  buyer "A"\n  supplier "B"\n  signed 2026-01-10\n  currency EUR\n'))
    buyer, supplier, signed, currency = module.contract.statements
    assert module.contract.id == ast.Text("C-1", span=None)
    assert buyer == ast.Buyer(ast.Text("A", span=None), span=None)
    assert signed.date.text == "2026-01-10"
    assert currency.code.text == "EUR"
    assert supplier.span.line == 3


@pytest.mark.parametrize(
    "line, expected",
    [
        ("advance payment 30 %", (None, "30")),
        ("advance payment 30%", (None, "30")),
        ("advance payment 1500.00 USD", ("1500.00", None)),
    ],
)
def test_advance_payment_forms(line: str, expected) -> None:
    (stmt,) = parse_ok(wrap(f"  {line}\n")).contract.statements
    money = stmt.money.amount.text if stmt.money else None
    percent = stmt.percent.text if stmt.percent else None
    assert (money, percent) == expected


def test_plus_minus_and_times_aliases_parse_to_equal_trees() -> None:
    a = product_statements("    size 420 x 180 x 120 mm ± 2 mm\n")
    b = product_statements("    size 420×180×120 mm +/- 2 mm\n")
    assert a == b
    assert [n.text for n in a[0].axes.numbers] == ["420", "180", "120"]


def test_layout_does_not_change_the_tree_but_spans_differ() -> None:
    a = parse_ok(wrap('  buyer "A"\n'))
    b = parse_ok('# header\n\ncontract   "C-1"   {\n\n\n  buyer    "A"   # trailing\n}\n')
    assert a == b
    assert a.contract.statements[0].span != b.contract.statements[0].span
    assert [c.text for c in b.comments] == ["# header", "# trailing"]


def test_hex_colour_is_not_a_comment() -> None:
    (color,) = product_statements("    color body #1A1A1A ± 2 dE  # measured\n")
    assert color.colour.text == "#1A1A1A"
    assert color.part.text == "body"
    assert color.tolerance.formula == "dE"


def test_constraint_forms() -> None:
    stmts = product_statements(
        "    weight 1.2 kg ± 50 g\n"
        "    spec humidity between 70 and 90 %\n"
        '    dimension "seat height" 45 cm +2/-0 cm\n'
        "    spec load at least 120 kg\n"
        "    spec temp at most 13 °C\n"
        "    quantity 1_000 pcs\n"
    )
    weight, humidity, seat, load, temp, quantity = stmts
    assert isinstance(weight.constraint, ast.Toleranced)
    assert isinstance(humidity.value, ast.Between) and humidity.value.low_unit is None
    assert isinstance(seat.constraint.tolerance, ast.AsymTolerance)
    assert seat.name == ast.Text("seat height", span=None)
    assert isinstance(load.value, ast.AtLeast) and isinstance(temp.value, ast.AtMost)
    assert quantity.constraint.value.number.text == "1_000"


def test_material_one_of_and_colour_forms() -> None:
    stmts = product_statements(
        '    material shade one of "ABS", "PC"\n'
        "    color lab(50, -3.2, 4) ± 1 dE76\n"
        '    color trim pantone "19-4024 TCX"\n'
        "    color strap ral 9005\n"
        '    color lining "navy"\n'
    )
    material, lab, pantone, ral, name = stmts
    assert material.one_of and [o.raw for o in material.options] == ["ABS", "PC"]
    assert lab.colour.signs == (False, True, False)
    assert isinstance(pantone.colour, ast.ColourPantone)
    assert ral.colour.code.text == "9005"
    assert name.colour.name.raw == "navy"


def test_blocks_and_claims() -> None:
    module = parse_ok(
        wrap(
            "  shipment {\n    ship between 2026-03-01 and 2026-03-15\n    partial shipments allowed\n  }\n"
            "  claims {\n    quality claim within 10 business days after delivery or 2 weeks after shipment\n"
            "    supplier response within 1 day\n  }\n"
        )
    )
    shipment, claims = module.contract.statements
    assert shipment.kind == "shipment" and shipment.statements[1].allowed
    quality, response = claims.statements
    assert [(w.duration.unit, w.event) for w in quality.windows] == [
        ("business days", "delivery"),
        ("weeks", "shipment"),
    ]
    assert response.duration.unit == "days"


def test_spans_are_one_based_and_cover_the_statement() -> None:
    text = wrap("", "    weight 1.2 kg ± 50 g\n")
    (weight,) = product_statements("    weight 1.2 kg ± 50 g\n")
    assert (weight.span.line, weight.span.column) == (3, 5)
    assert text[weight.span.start : weight.span.end] == "weight 1.2 kg ± 50 g"


def test_crlf_and_tabs() -> None:
    module = parse_ok('contract "C-1" {\r\n\tbuyer\t"A"\r\n}\r\n')
    assert module.contract.statements[0].name.raw == "A"


# Bad snippets and the error they map to (architecture point 5: classify by example).
BAD = [
    ("", "E001", "empty file"),
    ('contract "C" {\n  buyer "A"\n', "E001", "block opened on line 1 is not closed"),
    ('contract "C" {\n  colour "red"\n}\n', "E101", "unknown statement `colour`"),
    ('contract "C" {\n  quantity 5 pcs\n}\n', "E101", "is not a statement at the top"),
    ('contract "C" {\n  buyer "A\n}\n', "E002", "not closed"),
    ('contract "C" {\n  buyer "A" @\n}\n', "E003", "unexpected character `@`"),
    ('contract "C" {\n  signed\n}\n', "E001", "statement ends too early"),
    ('contract "C" {\n}\ncontract "D" {\n}\n', "E001", "unexpected `contract`"),
    ('contract "C" {\n  product "P" {\n    weight 5 kg +- 1 kg\n  }\n}\n', "E001", "unexpected"),
]


@pytest.mark.parametrize("text, code, fragment", BAD)
def test_bad_snippets_map_to_their_errors(text: str, code: str, fragment: str) -> None:
    module, diagnostics = parse(SourceFile("t.tacl", text))
    assert module is None
    assert diagnostics[0].code == code
    assert fragment in diagnostics[0].message


def test_a_stray_carriage_return_is_reported_once() -> None:
    """Found by Hypothesis: blanking the line kept the `\\r`, so each pass found it again."""
    module, diagnostics = parse(SourceFile("t.tacl", 'contract "X" {\r\n}\r\n# note\r'))
    assert module is None
    assert [(d.code, d.span.line) for d in diagnostics] == [("E003", 3)]
