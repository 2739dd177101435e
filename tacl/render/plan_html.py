"""`tacl plan --format html`: the inspection plan to print and fill in on site.

One section per lot (a new page each when printed), check boxes, the sampling
plan per defect class with a column for the defects found, and one blank cell
per reading to record. Self-contained: inline CSS, no script, no network.
"""

from __future__ import annotations

from tacl.render.html import render
from tacl.render.inspection_plan import Check, InspectionPlan

MAX_CELLS = 13  # S-2 draws at most 13; a larger count gets a wide cell for a list


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


def render_plan_html(plan: InspectionPlan, source_text: str | None = None) -> str:
    return render(
        "plan.html.j2", plan=plan, contract=plan.contract, cells=cells, breakable=breakable
    )
