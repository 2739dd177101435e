"""Packaging levels (language-v2.md §11): the clause paths, and what the levels exclude."""

from __future__ import annotations

import pytest

import tacl
from tacl.pipeline import analyze
from tacl.source import SourceFile

HEAD = """contract "TPF-2026-0611" {
  buyer "Timber & Pine Furnishings Inc."
  currency USD
  product "DR-OAK-6" {
    quantity 300 pcs
    unit price 189.00 USD
    packaging {
"""
TAIL = """    }
  }
}
"""


def compile_packaging(lines: str):
    return tacl.compile_source(HEAD + lines + TAIL, name="po.tacl")


def codes(lines: str) -> list[str]:
    return [d.code for d in analyze(SourceFile("po.tacl", HEAD + lines + TAIL)).diagnostics]


def clauses(contract) -> dict[str, tuple[str, str]]:
    prefix = "products.DR-OAK-6.packaging."
    return {
        c.path[len(prefix) :]: (c.kind, c.expected)
        for c in contract.clauses
        if c.path.startswith(prefix)
    }


def test_every_packaging_level_has_the_clause_path_of_the_spec():
    contract = compile_packaging(
        """      cartons per unit 2
      carton "case" {
        size 152 x 52 x 86 cm ± 1 cm
        weight at most 48 kg
        marking "BOX 1 OF 2"
      }
      carton "drawers" {
        size 140 x 50 x 40 cm ± 1 cm
        weight 31 kg ± 1.5 kg
        marking side "BOX 2 OF 2"
      }
      pallet {
        size 1200 x 1000 mm ± 10 mm
        height at most 1.8 m
        weight at most 520 kg
        marking "TIMBER & PINE / DR-OAK-6 / HT"
        test "stretch wrap and corner boards" passes
      }
"""
    )
    assert clauses(contract) == {
        "cartons-per-unit": ("measure", "2 pcs"),
        "carton.case.size.length": ("measure", "151 cm to 153 cm"),
        "carton.case.size.width": ("measure", "51 cm to 53 cm"),
        "carton.case.size.height": ("measure", "85 cm to 87 cm"),
        "carton.case.weight": ("measure", "at most 48 kg"),
        "carton.case.marking": ("text", '"BOX 1 OF 2"'),
        "carton.drawers.size.length": ("measure", "139 cm to 141 cm"),
        "carton.drawers.size.width": ("measure", "49 cm to 51 cm"),
        "carton.drawers.size.height": ("measure", "39 cm to 41 cm"),
        "carton.drawers.weight": ("measure", "29.5 kg to 32.5 kg"),
        "carton.drawers.marking.side": ("text", '"BOX 2 OF 2"'),
        "pallet.size.length": ("measure", "1190 mm to 1210 mm"),
        "pallet.size.width": ("measure", "990 mm to 1010 mm"),
        "pallet.height": ("measure", "at most 1.8 m"),
        "pallet.weight": ("measure", "at most 520 kg"),
        "pallet.marking": ("text", '"TIMBER & PINE / DR-OAK-6 / HT"'),
        "pallet.test.stretch wrap and corner boards": ("test", "passes"),
    }


def test_an_inner_pack_is_a_count_and_divides_the_carton():
    contract = compile_packaging("      inner pack 6\n      units per carton 24\n")
    assert clauses(contract) == {
        "inner-pack": ("measure", "6 pcs"),
        "units-per-carton": ("measure", "24 pcs"),
    }
    pairs = compile_packaging("      inner pack 3 pairs\n      units per carton 12 pairs\n")
    assert clauses(pairs)["inner-pack"] == ("measure", "3 pairs")


@pytest.mark.parametrize(
    "lines, code",
    [
        ("      inner pack 6\n      units per carton 20\n", "E279"),  # 20 / 6 is not whole
        ("      inner pack 6\n      units per carton 2 dozen\n", None),  # 24 / 6 = 4 packs
        ("      inner pack 3 pairs\n      units per carton 12\n", "E279"),  # pairs vs pieces
        ("      inner pack 0\n", "E204"),
        ("      inner pack 2.5\n", "E204"),
        ("      inner pack 6 kg\n", "E202"),
        ("      cartons per unit 0\n", "E204"),
        ("      cartons per unit 2\n      units per carton 1\n", "E277"),
        ("      cartons per unit 2\n      carton size 60 x 40 x 30 cm\n", "E277"),
        ("      cartons per unit 2\n      carton weight at most 30 kg\n", "E277"),
        ("      cartons per unit 2\n      inner pack 2\n", "E277"),
        ('      carton "case" {\n        weight at most 48 kg\n      }\n', "E278"),
        (
            '      cartons per unit 1\n      carton "a" {\n        weight at most 9 kg\n      }\n'
            '      carton "b" {\n        weight at most 9 kg\n      }\n',
            "E278",
        ),
        ("      pallet {\n        size 1200 x 800 x 1500 mm\n      }\n", "E280"),
        ("      pallet {\n        height at most 180 kg\n      }\n", "E202"),
        (
            "      pallet {\n        height at most 1.8 m\n      }\n      pallet {\n      }\n",
            "E302",
        ),
        (
            '      cartons per unit 2\n      carton "a" {\n        weight at most 9 kg\n      }\n'
            '      carton "a" {\n        weight at most 9 kg\n      }\n',
            "E302",
        ),
        ('      cartons per unit 2\n      carton marking "ACME"\n', None),  # on every carton
    ],
)
def test_packaging_levels_that_contradict_each_other_are_errors(lines, code):
    assert codes(lines) == ([] if code is None else [code])


def test_fewer_named_cartons_than_cartons_per_unit_compile():
    contract = compile_packaging(
        '      cartons per unit 3\n      carton "case" {\n        weight at most 48 kg\n      }\n'
    )
    assert "carton.case.weight" in clauses(contract)


ASSORTED = """contract "SN-2026-07" {
  currency EUR
  product "CV-37" {
    quantity 1200 pairs
  }
  product "CV-38" {
    quantity 1800 pairs
  }
  product "LACE-W" {
    quantity 50 m
  }
  ASSORTMENT
}
"""


@pytest.mark.parametrize(
    "assortment, code",
    [
        ('assortment "run" { "CV-37" 2, "CV-38" 3 }', None),
        ('assortment "run" { "CV-37" 2, "CV-39" 3 }', "E275"),
        ('assortment "run" { "CV-37" 2, "CV-37" 3 }', "E302"),
        ('assortment "run" { "CV-37" 0 }', "E204"),
        ('assortment "run" { "CV-37" 1.5 }', "E204"),
        ('assortment "run" { "LACE-W" 2 }', "E281"),
        ('assortment "run" { "CV-37" 2 }\n  assortment "run" { "CV-38" 2 }', "E302"),
    ],
)
def test_assortments_name_products_counted_in_units(assortment, code):
    text = ASSORTED.replace("ASSORTMENT", assortment)
    found = [d.code for d in analyze(SourceFile("po.tacl", text)).diagnostics]
    assert found == ([] if code is None else [code])


def test_an_assortment_is_one_clause_after_the_products():
    contract = tacl.compile_source(
        ASSORTED.replace("ASSORTMENT", 'assortment "size run" { "CV-37" 2, "CV-38" 3 }')
    )
    last = contract.clauses[-1]
    assert (last.path, last.kind, last.counts) == (
        "assortments.size run",
        "assortment",
        (("CV-37", 2), ("CV-38", 3)),
    )
    assert last.expected == "2 × CV-37 + 3 × CV-38 in each carton"
    assert contract.to_dict()["contract"]["clauses"][-1]["counts"] == [
        {"sku": "CV-37", "units": 2},
        {"sku": "CV-38", "units": 3},
    ]
