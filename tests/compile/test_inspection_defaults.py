"""What an inspection block with only a level inspects, in the compiler and in the docs (issue 7 §3.8).

docs/language.md §8 said such a contract block "inspects no defect class at
all"; the compiler keeps the general AQLs at the named level, as a product
block with only a level keeps the contract's. The docs now say what the code does.
"""

from __future__ import annotations

import re
from pathlib import Path

import tacl
from tacl.compile.ir import GENERAL_AQL

DOC = Path(__file__).resolve().parents[2] / "docs" / "language.md"


def inspection(block: str):
    text = (
        f'contract "PO-7" {{\n  currency USD\n{block}  product "P" {{\n    quantity 500 pcs\n'
        "  }\n}\n"
    )
    return tacl.compile_source(text).inspection


def test_a_contract_block_with_only_a_level_keeps_the_general_aqls():
    terms = inspection("  inspection {\n    standard ISO 2859-1 level III\n  }\n")
    assert (terms.level, terms.aql) == ("III", GENERAL_AQL)


def test_a_contract_block_with_an_aql_line_inspects_only_those_classes():
    terms = inspection("  inspection {\n    aql major 1.5\n  }\n")
    assert [name for name, _ in terms.aql] == ["major"]


def test_the_language_reference_says_so():
    section = re.search(r"^## 8\. Inspection$(.*?)^## 9\.", DOC.read_text("utf-8"), re.S | re.M)
    text = " ".join(section.group(1).split())
    assert "inspects no defect class" not in text
    assert "keeps the general AQLs (critical 0, major 2.5, minor 4.0) at level III" in text
