"""`like` and size charts (language-v2.md §10): what a `like` product inherits, replaces and adds.

Each test writes the expected contract out in full, by hand, and compares the
compiled clauses (and fingerprints) with the short form; the random version of
this is tests/property/test_prop_expand.py.
"""

from __future__ import annotations

import time

import pytest

import tacl
from tacl.pipeline import analyze
from tacl.source import SourceFile

HEAD = """contract "NW-AW26" {
  buyer "Nordwind Outdoor GmbH"
  currency EUR
"""


def compile_body(body: str):
    return tacl.compile_source(HEAD + body + "}\n", name="po.tacl")


def errors(body: str):
    return [d for d in analyze(SourceFile("po.tacl", HEAD + body + "}\n")).diagnostics]


def line_of(body: str, text: str) -> int:
    """The line of the contract on which `text` is written (the first time)."""
    full = HEAD + body
    return full[: full.index(text)].count("\n") + 1


def paths(contract, sku: str) -> dict[str, str]:
    prefix = f"products.{sku}."
    return {
        c.path[len(prefix) :]: c.expected for c in contract.clauses if c.path.startswith(prefix)
    }


BASE = """  product "HD-GRY-M" {
    description "Hoodie, grey, M"
    quantity 800 pcs
    unit price 11.40 EUR
    dimension "half chest" 57 cm ± 1.5 cm
    weight 560 g ± 5 %
    material body "recycled polyester fleece"
    test "seam strength" passes
    packaging {
      unit packing "single polybag"
      units per carton 20
      carton marking "HD-GRY-M / 20 PCS"
    }
    inspection {
      aql major 1.5
    }
  }
"""


def test_a_like_product_replaces_in_place_and_adds_at_the_end():
    short = compile_body(
        BASE
        + """  product "HD-GRN-M" like "HD-GRY-M" {
    test "colour fastness" passes
    description "Hoodie, green, M"
    material body "recycled polyester fleece, dyed"
    packaging {
      carton marking "HD-GRN-M / 20 PCS"
      test "carton drop" passes
    }
  }
"""
    )
    long = compile_body(
        BASE
        + """  product "HD-GRN-M" {
    description "Hoodie, green, M"
    quantity 800 pcs
    unit price 11.40 EUR
    dimension "half chest" 57 cm ± 1.5 cm
    weight 560 g ± 5 %
    material body "recycled polyester fleece, dyed"
    test "seam strength" passes
    packaging {
      unit packing "single polybag"
      units per carton 20
      carton marking "HD-GRN-M / 20 PCS"
      test "carton drop" passes
    }
    inspection {
      aql major 1.5
    }
    test "colour fastness" passes
  }
"""
    )
    assert short.sha256 == long.sha256
    assert short.clauses == long.clauses
    # the order: replaced clauses where the base had them, new ones last
    assert list(paths(short, "HD-GRN-M"))[-5:] == [
        "packaging.test.carton drop",
        "test.colour fastness",
        "aql.critical",
        "aql.major",
        "aql.minor",
    ]


def test_unit_price_quantity_and_inspection_are_inherited():
    contract = compile_body(BASE + '  product "HD-GRN-M" like "HD-GRY-M" {\n  }\n')
    green = contract.product("HD-GRN-M")
    assert green.unit_price == contract.product("HD-GRY-M").unit_price
    assert paths(contract, "HD-GRN-M")["quantity"] == "800 pcs"
    # 800 × 11.40 twice: 18,240.00 EUR
    assert str(contract.order_value) == "18240.00"
    assert dict(green.inspection.aql)["major"] == pytest.approx(1.5)


def test_an_inspection_block_merges_statement_by_statement():
    contract = compile_body(
        BASE
        + """  product "HD-GRN-M" like "HD-GRY-M" {
    inspection {
      standard ISO 2859-1 level III
    }
  }
"""
    )
    green = contract.product("HD-GRN-M").inspection
    assert green.level == "III"  # B's standard line
    assert str(dict(green.aql)["major"]) == "1.5"  # A's aql line, kept


def test_a_like_may_name_a_product_written_after_it():
    contract = compile_body(
        '  product "HD-GRN-M" like "HD-GRY-M" {\n    quantity 500 pcs\n  }\n' + BASE
    )
    assert paths(contract, "HD-GRN-M")["quantity"] == "500 pcs"
    assert paths(contract, "HD-GRN-M")["weight"] == "532 g to 588 g"  # 560 g ± 5 %


def test_chains_resolve_through_every_link():
    body = BASE + '  product "HD-GRN-M" like "HD-GRY-M" {\n    weight 600 g ± 5 %\n  }\n'
    body += '  product "HD-GRN-L" like "HD-GRN-M" {\n    quantity 300 pcs\n  }\n'
    found = paths(compile_body(body), "HD-GRN-L")
    assert found["weight"] == "570 g to 630 g"  # from the middle link: 600 g ± 5 %
    assert found["quantity"] == "300 pcs"
    assert found["dimension.half chest"] == "55.5 cm to 58.5 cm"  # from the first


def test_a_long_chain_compiles_without_recursion():
    # 1,000 products (the limit), each like the one before: resolved in a loop
    body = BASE.replace("HD-GRY-M", "P-0")
    for n in range(1, 1000):
        body += f'  product "P-{n}" like "P-{n - 1}" {{\n    quantity {n} pcs\n  }}\n'
    started = time.perf_counter()
    contract = compile_body(body)
    assert paths(contract, "P-999")["quantity"] == "999 pcs"
    assert time.perf_counter() - started < 60  # a generous bound against quadratic blow-ups


def test_an_error_in_an_inherited_statement_is_reported_once():
    body = BASE.replace("weight 560 g ± 5 %", "weight 560 mm ± 5 %")
    body += '  product "HD-GRN-M" like "HD-GRY-M" {\n  }\n'
    body += '  product "HD-GRN-L" like "HD-GRN-M" {\n  }\n'
    found = errors(body)
    assert [(d.code, d.span.line) for d in found] == [("E202", line_of(body, "weight 560 mm"))]


def test_mixed_parts_are_reported_at_the_like_products_statement():
    body = BASE + '  product "HD-GRN-M" like "HD-GRY-M" {\n    material "cotton"\n  }\n'
    found = errors(body)
    assert [(d.code, d.span.line) for d in found] == [("E219", line_of(body, 'material "cotton"'))]


def test_a_size_chart_column_is_the_dimensions_written_out():
    chart = """  size chart "HD320" cm ± 1.5 {
    sizes S, M, L
    "half chest" 54, 57, 60
    "body length" 68, 70, 72 ± 2
    "sleeve" 62, 64, 66 +1/-0.5 cm
  }
"""
    short = compile_body(chart + '  product "HD-M" {\n    size chart "HD320" size M\n  }\n')
    long = compile_body(
        """  product "HD-M" {
    dimension "half chest" 57 cm ± 1.5 cm
    dimension "body length" 70 cm ± 2 cm
    dimension "sleeve" 64 cm +1/-0.5 cm
  }
"""
    )
    assert short.sha256 == long.sha256
    assert paths(short, "HD-M") == {
        "dimension.half chest": "55.5 cm to 58.5 cm",  # 57 ∓ 1.5 (the chart's tolerance)
        "dimension.body length": "68 cm to 72 cm",  # 70 ∓ 2 (the row's)
        "dimension.sleeve": "63.5 cm to 65 cm",  # 64 − 0.5, 64 + 1
        "aql.critical": "no critical defects (AQL 0) at level II",
        "aql.major": "AQL 2.5 at level II",
        "aql.minor": "AQL 4.0 at level II",
    }


def test_a_like_product_takes_another_column_of_the_same_chart():
    chart = '  size chart "HD320" cm ± 1.5 {\n    sizes S, M, L\n    "half chest" 54, 57, 60\n  }\n'
    body = (
        chart + '  product "HD-M" {\n    size chart "HD320" size M\n    weight 560 g ± 5 %\n  }\n'
    )
    body += '  product "HD-L" like "HD-M" {\n    size chart "HD320" size L\n  }\n'
    found = paths(compile_body(body), "HD-L")
    assert found["dimension.half chest"] == "58.5 cm to 61.5 cm"  # 60 ∓ 1.5
    assert list(found)[:2] == ["dimension.half chest", "weight"]  # replaced in place


def test_a_chart_with_an_error_is_reported_once_however_many_products_use_it():
    chart = '  size chart "HD320" kg {\n    sizes S, M\n    "half chest" 54, 57\n  }\n'
    body = chart + "".join(
        f'  product "HD-{n}" {{\n    size chart "HD320" size M\n  }}\n' for n in range(5)
    )
    assert [d.code for d in errors(body)] == ["E202"]


@pytest.mark.parametrize(
    "label, written",
    [("M", "M"), ("38", "38"), ('"2XL"', '"2XL"'), ("XL", '"XL"')],
)
def test_size_labels_compare_as_written_text(label, written):
    chart = f'  size chart "C" cm {{\n    sizes S, {label}\n    "chest" 50, 60\n  }}\n'
    body = chart + f'  product "P" {{\n    size chart "C" size {written}\n  }}\n'
    assert paths(compile_body(body), "P")["dimension.chest"] == "60 cm"


def test_a_sku_in_an_assortment_is_checked_after_like():
    body = BASE + '  product "HD-GRN-M" like "HD-GRY-M" {\n  }\n'
    body += '  assortment "mix" { "HD-GRY-M" 2, "HD-GRN-M" 2 }\n'
    clause = compile_body(body).clause("assortments.mix")
    assert clause.counts == (("HD-GRY-M", 2), ("HD-GRN-M", 2))
    assert clause.expected == "2 × HD-GRY-M + 2 × HD-GRN-M in each carton"


def test_a_defects_block_adds_the_like_products_lines_to_the_inherited_ones():
    """A product-level `defects` block (§4) merges line by line: every line is its own
    key (class and names), so B's new lines are added and A's are kept."""
    base = """  product "HD-GRY-M" {
    quantity 800 pcs
    unit price 11.40 EUR
    test "seam strength" passes
    defects {
      critical "broken needle"
      major "open seam", "hole"
    }
  }
"""
    short = compile_body(
        base
        + """  product "HD-GRN-M" like "HD-GRY-M" {
    defects {
      minor "loose thread"
    }
  }
"""
    )
    full = compile_body(
        base
        + """  product "HD-GRN-M" {
    quantity 800 pcs
    unit price 11.40 EUR
    test "seam strength" passes
    defects {
      critical "broken needle"
      major "open seam", "hole"
      minor "loose thread"
    }
  }
"""
    )
    assert short.sha256 == full.sha256
    assert short.clauses == full.clauses
