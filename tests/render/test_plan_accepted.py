"""The plan's accept column: the contract's own precision, and carton counts in cartons.

Every expectation is written by hand from the contract text in the test: a bound
the contract writes is shown as written; a bound worked out from a value and its
tolerance has at least as many decimals as the most precise number written (and
every further digit the exact bound needs). The verdict's `expected` (the text
the fingerprint counts) stays by value.
"""

from __future__ import annotations

import pytest

import tacl
from tacl.render.inspection_plan import build_plan
from tacl.render.plan_markdown import render_markdown
from tacl.render.report_template import render_template

from .examples import ROOT

BODY_LOTION = ROOT / "examples" / "body-lotion" / "po.tacl"
DRESSERS = ROOT / "examples" / "dressers" / "po.tacl"


def _plan_of(path):
    return build_plan(tacl.load(path), path.read_text("utf-8"))


def _accepts(plan) -> dict[str, str]:
    return {c.clause.path: c.expected for c in plan.checks}


def _product(lines: str, packaging: str = "") -> str:
    return (
        'contract "P-1" {\n  currency USD\n  product "X" {\n    quantity 500 pcs\n'
        f"    unit price 2 USD\n{lines}{packaging}  }}\n}}\n"
    )


def _accepts_of(source: str) -> dict[str, str]:
    return _accepts(build_plan(tacl.compile_source(source), source))


def test_body_lotion_ph_keeps_its_decimal() -> None:
    """`spec "pH" between 5.0 and 6.0 pH`: the bounds are the numbers written."""
    accepts = _accepts(_plan_of(BODY_LOTION))
    assert accepts["products.NL-BL250.spec.pH"] == "5.0 pH to 6.0 pH"
    # whole numbers written stay whole: `50 x 50 x 185 mm ± 1 mm` → 49 to 51, 184 to 186
    assert accepts["products.NL-BL250.size.height"] == "184 mm to 186 mm"
    # a statistic around the range is kept: `mean between 8000 and 12000 mPa·s, on 3 samples`
    assert (
        accepts["products.NL-BL250.spec.viscosity"]
        == "mean 8000 mPa·s to 12000 mPa·s, on 3 samples"
    )
    # the verdict's text (and the fingerprint's) is unchanged: by value
    contract = tacl.load(BODY_LOTION)
    ph = next(c for c in contract.clauses if c.path == "products.NL-BL250.spec.pH")
    assert ph.expected == "5 pH to 6 pH"


@pytest.mark.parametrize(
    ("statement", "path", "accept"),
    [
        # written bounds, as written
        ('    dimension "wall" at least 0.80 mm\n', "dimension.wall", "at least 0.80 mm"),
        ('    dimension "wall" at most 1.50 mm\n', "dimension.wall", "at most 1.50 mm"),
        ("    weight 250.0 g\n", "weight", "250.0 g"),
        # between a bound in g and one in kg: each as written
        ("    weight between 500 g and 1.50 kg\n", "weight", "500 g to 1.50 kg"),
        # 150.0 ± 0.5: one decimal written; 149.5 and 150.5 have one already
        ('    dimension "length" 150.0 mm ± 0.5 mm\n', "dimension.length", "149.5 mm to 150.5 mm"),
        # 150.0 ± 1: one decimal written → 149.0 and 151.0
        ('    dimension "length" 150.0 mm ± 1 mm\n', "dimension.length", "149.0 mm to 151.0 mm"),
        # 5.000 +0.012/-0: three decimals → 5.000 (5.000 − 0) and 5.012 (5.000 + 0.012)
        (
            '    dimension "bore" 5.000 mm +0.012/-0 mm\n',
            "dimension.bore",
            "5.000 mm to 5.012 mm",
        ),
        # 1.20 kg ± 5 %: 5 % of 1.2 is 0.06 → 1.14 and 1.26, two decimals as written
        ("    weight 1.20 kg ± 5 %\n", "weight", "1.14 kg to 1.26 kg"),
        # 2.0 kg ± 5 %: 0.1 → 1.9 and 2.1 (one decimal); a bound never loses a digit
        ("    weight 2.0 kg ± 2.5 %\n", "weight", "1.95 kg to 2.05 kg"),
        # a temperature: −18.0 ± 2 → −20.0 and −16.0
        ('    spec "core" -18.0 °C ± 2 °C\n', "spec.core", "-20.0 °C to -16.0 °C"),
        # a statistic keeps its words: 8000.0 to 12000.0 (one decimal), on 3 samples
        (
            '    spec "viscosity" mean 10000.0 mPa·s ± 2000 mPa·s, on 3 samples\n',
            "spec.viscosity",
            "mean 8000.0 mPa·s to 12000.0 mPa·s, on 3 samples",
        ),
    ],
)
def test_accept_range_in_the_contracts_precision(statement, path, accept) -> None:
    assert _accepts_of(_product(statement))[f"products.X.{path}"] == accept


def test_a_rebate_keeps_its_words_and_the_target_its_decimals() -> None:
    source = _product('    spec "purity" at least 95.0 %, rebate 1 % per 1 % down to 92 %\n')
    assert _accepts_of(source)["products.X.spec.purity"] == (
        "at least 95.0 %; down to 92 % with a rebate of 1 % per 1 %"
    )


def test_a_colour_tolerance_keeps_its_decimal() -> None:
    """`color finish lab(72.5, 6.8, 24.1) ± 2.0 dE`: the limit the ΔE reading meets."""
    accepts = _accepts(_plan_of(DRESSERS))
    assert accepts["products.DR-OAK-6.color.finish"] == "lab(72.5, 6.8, 24.1) ± 2.0 dE"
    assert accepts["products.HW-KIT-6.color.knobs"].endswith(" ± 2.5 dE")


def test_the_template_comments_give_the_range_as_written() -> None:
    text = render_template(_plan_of(BODY_LOTION))
    assert '"pH":  # 5.0 pH to 6.0 pH; 8 readings; a value with its unit, e.g. "5.0 pH"' in text


def test_cartons_per_unit_reads_as_cartons() -> None:
    """`cartons per unit 2`: a dresser ships in two cartons, not "2 pcs"."""
    plan = _plan_of(DRESSERS)
    key = "products.DR-OAK-6.packaging.cartons-per-unit"
    check = next(c for c in plan.checks if c.key == key)
    assert check.expected == "2 cartons"
    assert check.samples == 1  # counted once, like the quantity
    assert f"| 2 cartons | 1 | `{key}` (cartons counted) |" in render_markdown(plan)
    template = render_template(plan)
    assert "cartons-per-unit:  # 2 cartons; 1 reading; the cartons one unit ships in, e.g. 2" in (
        template
    )
    # the other counts stay pieces, and the verdict and fingerprint keep the count as compiled
    assert _accepts(plan)["products.HW-KIT-6.packaging.inner-pack"] == "12 pcs"
    assert check.clause.expected == "2 pcs"


def test_one_carton_a_unit_is_one_carton() -> None:
    packaging = (
        "    packaging {\n      cartons per unit 1\n"
        '      carton "main" {\n        size 60 x 40 x 30 cm ± 1 cm\n      }\n    }\n'
    )
    accepts = _accepts_of(_product("", packaging))
    assert accepts["products.X.packaging.cartons-per-unit"] == "1 carton"


def test_html_keeps_a_bound_with_its_unit_and_a_barcode_whole() -> None:
    """On screen (1000 px) the accept column broke `6.0 | pH` and the EAN after 11 digits."""
    from tacl.render.plan_html import render_plan_html

    html = render_plan_html(_plan_of(BODY_LOTION))
    for whole in ("5.0 pH", "6.0 pH", "4260123456788", "2026-04-28", "± 1.5 dE"):
        assert f'<span class="nowrap">{whole}</span>' in html
    # `EAN-13` keeps its hyphenated name; `to` between the bounds may break
    assert 'EAN-13 <span class="nowrap">4260123456788</span>' in html


def test_html_escapes_what_it_keeps_together() -> None:
    from tacl.render.plan_html import together

    assert str(together("<b>1 x</b> & 2 <i>")) == (
        '&lt;b&gt;<span class="nowrap">1 x&lt;/b&gt;</span> &amp; '
        '<span class="nowrap">2 &lt;i&gt;</span>'
    )


def test_a_products_aql_shows_no_block_opening_as_its_statement() -> None:
    """A product's AQL classes point at `product "SKU" {`, which is not what they require."""
    plan = _plan_of(DRESSERS)
    aql = [c for c in plan.checks if c.clause.kind == "aql"]
    assert aql and all(c.statement is None for c in aql)
