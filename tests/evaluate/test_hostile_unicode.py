"""Issue 8 item 3: text compares in Unicode normal form C, whatever form each side uses.

`"Café"` written precomposed in the contract and decomposed in the report (or the
other way round, in a SKU or a test name too) is the same text; what still differs
is shown with its invisible and combining characters spelled out (tacl.visible).
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

import tacl
from tacl.compile.values import fold
from tacl.visible import visible

FORMS = ("NFC", "NFD")

# Text a contract string can hold: no quote, backslash or line break, no controls.
TEXTS = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Cf", "Zl", "Zp", "Co", "Cn"),
        blacklist_characters='"\\\r\n',
    ),
    min_size=1,
    max_size=12,
).filter(lambda t: t.strip())


def _contract(marking: str, sku: str = "P-1", test: str = "drop") -> tacl.CompiledContract:
    source = (
        'contract "U-1" {\n  currency USD\n'
        f'  product "{sku}" {{\n    marking "{marking}"\n    test "{test}" passes\n  }}\n}}\n'
    )
    return tacl.compile_source(source, name="u.tacl")


def _report(sku: str, marking: str, test: str = "drop") -> dict:
    return {
        "tacl-report": 1,
        "contract": "U-1",
        "inspection": {"kind": "pre-shipment", "date": "2026-04-24"},
        "products": {sku: {"marking": marking, "test": {test: "pass"}}},
    }


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(FORMS), st.sampled_from(FORMS))
def test_text_in_any_normal_form_matches(text, contract_form, report_form):
    contract = _contract(unicodedata.normalize(contract_form, text))
    verdict = contract.evaluate(_report("P-1", unicodedata.normalize(report_form, text)))
    assert [f.status for f in verdict.findings[:2]] == ["pass", "pass"], verdict.findings


def test_cafe_precomposed_and_decomposed():
    """The reproducer: `"Café" is not "Café"` opened a quality claim."""
    contract = _contract("Caf\u00e9")
    verdict = contract.evaluate(_report("P-1", "Cafe\u0301"))
    assert verdict.findings[0].status == "pass"
    assert verdict.status == "inconclusive"  # no lot size for the default AQLs: no claim


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(FORMS), st.sampled_from(FORMS))
def test_skus_and_test_names_match_in_any_normal_form(contract_form, report_form):
    sku, test = "Caf\u00e9-\u1e9b\u0323", "\u00e9preuve de chute"
    contract = _contract(
        "X", unicodedata.normalize(contract_form, sku), unicodedata.normalize(contract_form, test)
    )
    report = _report(
        unicodedata.normalize(report_form, sku), "X", unicodedata.normalize(report_form, test)
    )
    assert [f.status for f in contract.evaluate(report).findings[:2]] == ["pass", "pass"]


@settings(max_examples=300)
@given(TEXTS)
def test_fold_is_the_same_for_every_canonically_equal_text(text):
    assert len({fold(unicodedata.normalize(form, text)) for form in FORMS}) == 1


def test_text_that_still_differs_is_shown_with_its_hidden_characters():
    """A zero-width space is not folded away: it makes another text, and it shows."""
    contract = _contract("ACME")
    verdict = contract.evaluate(_report("P-1", "AC\u200bME"))
    finding = verdict.findings[0]
    assert finding.status == "fail"
    assert "\u200b" in finding.message  # the JSON stays exact
    assert visible(finding.message) == '"AC\\u{200B}ME" is not "ACME"'
