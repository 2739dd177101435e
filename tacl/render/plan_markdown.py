"""`tacl plan` as Markdown: the inspection plan an inspector reads before the visit.

Pure: the same plan gives the same text. Every text that comes from the
contract goes through `cell`, so a `|` or a line break in a description cannot
break a table, and a backtick cannot end a code span early.
"""

from __future__ import annotations

from tacl.render.accepted import is_carton_count
from tacl.render.inspection_plan import Check, InspectionPlan, Lot, Section
from tacl.visible import visible

HOW = {
    "measure": "value with its unit",
    "axes": '"L x W x H unit"',
    "assortment": "units per SKU, a mapping per carton",
    "text": "text as found",
    "color": "colour as read",
    "barcode": "digits scanned",
    "test": "pass / fail",
    "date": "YYYY-MM-DD",
    "dates": "YYYY-MM-DD a sample",
    "document": 'date received or "not received"',
    "flag": "true / false",
    "count": "defects found",
    "lot-size": "units in the lot",
    "sample-size": "units inspected",
}


def cell(text) -> str:
    """Contract text fit for a Markdown table cell: one line, `|` escaped."""
    if text is None:
        return "—"
    text = visible(" ".join(str(text).split()))  # no terminal escapes: issue 8 item 14
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def code(text: str) -> str:
    """A code span that survives backticks in the text."""
    text = visible(" ".join(text.split())).replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render_markdown(plan: InspectionPlan) -> str:
    contract = plan.contract
    lines = [f"# Inspection plan: {cell(contract.id)}", ""]
    lines += _header(contract)
    lines += [
        "Record each reading under its report key (`tacl plan --format template` prints the "
        "report skeleton). A reading exactly on a limit passes; every reading must pass.",
        "",
    ]
    for index, section in enumerate(plan.sections, 1):
        lines += _section(index, section)
    return "\n".join(lines).rstrip("\n") + "\n"


def _header(contract) -> list[str]:
    rows = [
        ("Buyer", contract.buyer),
        ("Supplier", contract.supplier),
        ("Signed", contract.signed.isoformat() if contract.signed else None),
        ("Protection", contract.protection),
        ("Fingerprint", f"sha256 {contract.sha256}"),
    ]
    out = ["| | |", "|---|---|"]
    out += [f"| {name} | {cell(value)} |" for name, value in rows]
    return [*out, ""]


def _section(index: int, section: Section) -> list[str]:
    title = f"## {index}. {cell(section.title)}"
    if section.subtitle:
        title += f" — {cell(section.subtitle)}"
    out = [title, ""]
    if section.note:
        out += [cell(section.note), ""]
    if section.lot is not None:
        out += lot_lines(section.lot)
    out += [
        "| # | Check | Accept | Readings | Report key | Line |",
        "|--:|---|---|--:|---|--:|",
    ]
    for check in section.checks:
        readings = "—" if check.samples is None else str(check.samples)
        out.append(
            f"| {check.number} | {cell(check.label)} | {cell(check.expected)} | {readings} "
            f"| {code(check.key)} ({how(check)}) | {check.line or '—'} |"
        )
    return [*out, ""]


def how(check: Check) -> str:
    """How the reading is written: a carton count is a bare number, not a value in pieces."""
    if is_carton_count(check.clause):
        return "cartons counted"
    return HOW.get(check.form, "value")


def lot_lines(lot: Lot) -> list[str]:
    size = f"{lot.size:,}" if lot.size is not None else "unknown"
    out = [f"Lot size: {size} ({cell(lot.size_source)})."]
    if not lot.classes:
        return [*out, "No AQL sampling for this lot: record the checks below.", ""]
    if lot.size is None:
        return [*out, "Sampling plan: unknown until the lot size is known.", ""]
    draw = f"inspect all {lot.size:,} units" if lot.full_inspection else f"draw {lot.sample_size}"
    out[0] += (
        f" ISO 2859-1, level {lot.level}, normal inspection, single sampling: "
        f"code letter {lot.code}; {draw}."
    )
    out += [
        "",
        "| Defect class | AQL | Code | Sample | Ac | Re | Defects |",
        "|---|--:|---|--:|--:|--:|---|",
    ]
    for plan in lot.classes:
        letters = plan.code if plan.code == plan.final_code else f"{plan.code}→{plan.final_code}"
        sample = f"{plan.sample_size}" + (" (100 %)" if plan.full_inspection else "")
        defects = ", ".join(cell(d) for d in plan.defects) or "as the inspector classifies"
        out.append(
            f"| {plan.defect_class} | {plan.aql} | {letters} | {sample} | {plan.accept} "
            f"| {plan.reject} | {defects} |"
        )
    return [*out, ""]
