"""`tacl plan --format html`: the inspection plan to print and fill in on site.

One section per lot (a new page each when printed), check boxes, the sampling
plan per defect class with a column for the defects found, and one blank cell
per reading to record. Self-contained: inline CSS, no script, no network.
"""

from __future__ import annotations

import re

from tacl.render.html import render
from tacl.render.inspection_plan import Check, InspectionPlan

MAX_CELLS = 13  # S-2 draws at most 13; a larger count gets a wide cell for a list
#: What a printed line must not split: a date, and a number with the word after it (its
#: unit: `6.0 pH`, `± 1.5 dE`, `150.5 cm`), unless that word joins two bounds.
_TOGETHER = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b"
    r"|(?:± )?(?<![\w.-])-?\d+(?:\.\d+)?(?: (?!(?:to|and|or)\b)[^\s,;)]+)?"
)


def cells(check: Check) -> int:
    """Blank cells to draw for a check: one per reading, up to MAX_CELLS."""
    if check.form in ("count", "lot-size", "sample-size"):
        return 1  # the AQL table above takes the defects found
    if check.samples is None or check.samples > MAX_CELLS:
        return 1
    return check.samples


def breakable(key: str):
    """A report key that may wrap after each dot (escaped first, then `<wbr>` added)."""
    from markupsafe import Markup, escape

    return (
        Markup("<wbr>").join(escape(part) + "." for part in key.split(".")[:-1])
        + (Markup("<wbr>") if "." in key else "")
        + escape(key.split(".")[-1])
    )


def together(text: str):
    """`text` escaped, each date and number with its unit in one unbreakable span: a bound
    printed as `6.0` on one line and `pH` on the next is misread on site."""
    from markupsafe import Markup, escape

    out, last = [], 0
    for match in _TOGETHER.finditer(text):
        out += [escape(text[last : match.start()]), Markup('<span class="nowrap">')]
        out += [escape(match.group()), Markup("</span>")]
        last = match.end()
    return Markup("").join([*out, escape(text[last:])])


def render_plan_html(plan: InspectionPlan, source_text: str | None = None) -> str:
    return render(
        "plan.html.j2",
        plan=plan,
        contract=plan.contract,
        cells=cells,
        breakable=breakable,
        together=together,
    )
