"""Lint rules read whole words and phrases, on wording from several trades (issue 7 §3.5).

`wrong-limit-direction` fired on `spec "THD at full load" at most 3 %`;
`missing-barcode` fired on moulded recycling codes, shipping cartons and bulk
bags; `vague-wording` missed "as golden sample", "as per approved sample",
"same as golden sample" and "as confirmation sample".
"""

from __future__ import annotations

import pytest

import tacl


def lint(product_lines: str, rule: str) -> list[str]:
    text = (
        'contract "PO-7" {\n  currency USD\n  product "SKU-1" {\n    quantity 500 pcs\n'
        + "".join(f"    {line}\n" for line in product_lines.strip().splitlines())
        + "  }\n}\n"
    )
    return [d.message for d in tacl.lint_source(text, config={"select": [rule]})]


# --- wrong-limit-direction ----------------------------------------------------------

LIMITS_RIGHT = [
    'spec "THD at full load" at most 3 %',  # audio amplifiers: THD is a maximum
    'spec "ripple at full load" at most 1 %',  # power supplies
    'spec "noise at 1 m" at most 2 W',  # fans
    'spec "leakage @ 250 V" at most 0.25 V',
    'spec "shrinkage after 5 washes" at most 3 %',  # garments
    'spec "moisture in kernels" at most 14 %',  # rice
    'spec "lead in glaze" at most 0.009 %',  # ceramics
    'spec "breaking strength in warp" at least 30 %',
    'spec "load capacity" at least 120 kg',  # furniture: a minimum
    'spec "colour fastness to washing" at least 80 %',
    'spec "leader length" at least 30 cm',  # fishing line: not "lead"
    'spec "tear-off tab width" at most 9 mm',  # not "tear"
    'spec "shelf lifestyle score" at most 3 %',  # not "life"
]
LIMITS_WRONG = [
    'spec "load capacity" at most 120 kg',
    'spec "breaking strength" at most 30 %',
    'spec "shelf life" at most 24 %',
    'spec "moisture" at least 14 %',
    'spec "visible defects" at least 2 %',  # a plural of a usual maximum
    'spec "formaldehyde at 23 °C" at least 0.1 %',
    'spec "battery capacity at 0.2 C" at most 3000 mAh',
]


@pytest.mark.parametrize("line", LIMITS_RIGHT)
def test_limit_direction_silent_on_the_right_direction(line):
    assert lint(line, "wrong-limit-direction") == []


@pytest.mark.parametrize("line", LIMITS_WRONG)
def test_limit_direction_fires_on_the_wrong_direction(line):
    assert len(lint(line, "wrong-limit-direction")) == 1


# --- missing-barcode ----------------------------------------------------------------

NOT_RETAIL = [
    'marking ">PP<"',  # a moulded ISO 11469 code on a food container
    'marking "PET 1"',
    'marking "PP 5"',
    'marking "♷"',
    'marking ">PE-HD<"',
    'description "5-ply export carton, 600 x 400 x 300 mm"\n    marking "ACME / FRAGILE"',
    'description "Master carton for DL-200"\n    marking "ACME"',
    'description "FIBC bulk bag, 90 x 90 x 120 cm"\n    marking "SWL 1000 kg 5:1"',
    'marking "SAFE WORKING LOAD 1500 KG"',
    'description "jumbo bag for rice"\n    marking "ACME RICE / 1 t"',
    'description "steel drum 200 l"\n    marking "UN 1A1/Y1.4/150"',
]
RETAIL = [
    'marking "DL-200 / Made in China"',  # lamps
    'marking "ACME Kitchen — microwave safe"',  # ceramics
    'marking "Size M / 100 % cotton / Made in Bangladesh"',  # garments
    'marking "ACME Rice 1 kg — Jasmine"',  # a retail pack of rice
    'description "gift box of 3 lipsticks"\n    marking "ACME Beauty"',
    'marking ">PP< ACME lunch box"',  # a brand beside the code: it is a label
]


@pytest.mark.parametrize("lines", NOT_RETAIL)
def test_barcode_note_silent_on_goods_not_sold_at_retail(lines):
    assert lint(lines, "missing-barcode") == []


@pytest.mark.parametrize("lines", RETAIL)
def test_barcode_note_on_retail_labels(lines):
    assert len(lint(lines, "missing-barcode")) == 1


# --- vague-wording ------------------------------------------------------------------

VAGUE_SAMPLES = [
    ('material "glaze as golden sample"', "as golden sample"),  # ceramics
    ('material "finish as per approved sample"', "as per approved sample"),  # furniture
    ('material "fabric same as golden sample"', "same as golden sample"),  # garments
    ('material "colour as confirmation sample"', "as confirmation sample"),  # cosmetics
    (
        'spec "hand feel" "according to the buyer\'s counter sample"',
        "according to the buyer's counter sample",
    ),
    ('spec "print" "matches PP samples"', "matches PP samples"),  # electronics packaging
    ('material "as sample"', "as sample"),
]
NOT_VAGUE = [
    'material "100 % cotton, combed, 30s"',
    'spec "sampling" "per ISO 2859-1, 5 units per sample"',
    'spec "sample retention" "keep 2 samples drawn at random"',
    'material "stoneware, lead-free glaze"',
    'material "goodyear welt"',  # not "good"
]


@pytest.mark.parametrize(("line", "phrase"), VAGUE_SAMPLES)
def test_vague_wording_finds_every_reference_to_a_sample(line, phrase):
    assert lint(line, "vague-wording") == [f"vague wording `{phrase}` cannot be measured"]


@pytest.mark.parametrize("line", NOT_VAGUE)
def test_vague_wording_silent_on_measurable_text(line):
    assert lint(line, "vague-wording") == []
