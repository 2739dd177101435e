"""`tacl plan --format template`: the skeleton of a report for a contract, in YAML.

Every key the contract needs is present and empty, with a comment giving what
is accepted (the clause's own `expected` text), how many readings to record and
how a value is written. The inspector fills in the values; TACL reads an empty
product value as "not measured" (warning R002), so a half-filled skeleton
checks as inconclusive, never as compliant.

Keys and texts that come from the contract are written as YAML double-quoted
scalars (JSON string syntax, which YAML reads the same, with every
non-printable character escaped), so no SKU, name or text can change the
document's structure, and comments are kept on one line.
"""

from __future__ import annotations

import json

from tacl.render import report_keys as rk
from tacl.render.accepted import accepted, example, is_carton_count
from tacl.render.inspection_plan import Check, InspectionPlan

STRUCTURAL = frozenset(
    [
        "tacl-report",
        "contract",
        "contract-sha256",
        "inspection",
        "kind",
        "date",
        "inspector",
        "shipment",
        "shipments",
        "goods",
        "shipped",
        "customs-cleared",
        "delivered",
        "partial",
        "dispute",
        "opened",
        "supplier-responded",
        "agreement",
        "products",
        "aql",
        "lot-size",
        "sample-size",
        "defects",
        "critical",
        "major",
        "minor",
        "size",
        "weight",
        "quantity",
        "material",
        "color",
        "marking",
        "barcode",
        "test",
        "spec",
        "dimension",
        "packaging",
        "unit-packing",
        "units-per-carton",
        "carton-size",
        "carton-weight",
        "carton-marking",
        "documents",
        "appearance",
        "origin",
        "inner-pack",
        "cartons-per-unit",
        "carton",
        "pallet",
        "height",
        "assortments",
    ]
)


def yaml_quote(text: str) -> str:
    """A YAML double-quoted scalar of `text`; every non-printable character escaped."""
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(c if c.isprintable() else _escape(c) for c in quoted)


def _escape(char: str) -> str:
    point = ord(char)
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"


def yaml_key(key: str) -> str:
    return key if key in STRUCTURAL else yaml_quote(key)


def one_line(text: str) -> str:
    """Text for a comment: one line, non-printable characters escaped."""
    return "".join(c if c.isprintable() else _escape(c) for c in " ".join(text.split(" ")))


def render_template(plan: InspectionPlan) -> str:
    contract = plan.contract
    by_key = {c.key: c for c in plan.checks}
    lot_of = {s.lot.key: s.lot for s in plan.sections if s.lot is not None}
    out = [
        f"# Inspection report for contract {one_line(contract.id)}: fill in every value.",
        '# A measured value is a text with its unit ("421 mm"), or a list of them, one a',
        "# reading; every reading must pass. Dates are YYYY-MM-DD. An empty value is not",
        "# measured. Check the finished report with: tacl check CONTRACT REPORT",
        "tacl-report: 1",
        f"contract: {yaml_quote(contract.id)}",
        f"contract-sha256: {yaml_quote(contract.sha256)}",
        "inspection:",
        f"  kind:  # pre-shipment or post-delivery (the contract's protection: {contract.protection})",
        "  date:  # YYYY-MM-DD, the day of the inspection",
        "  inspector:  # the inspection company and the inspector's name",
    ]
    tree = rk.nested(plan.entries)
    shipment = tree.pop("shipment", None)
    named = tree.pop("shipments", None)
    if named is not None:  # named shipments: each one's dates under `shipments.NAME`
        names = ", ".join(yaml_quote(name) for name in named)
        out.append(
            f"  # shipments: [{names}]  # the shipments this inspection covers; "
            "leave out when it covers all"
        )
        out.append("shipments:")
        for name, node in named.items():
            out.append(f"  {yaml_key(name)}:")
            out += _shipment(node, by_key, "    ")
            for key, child in node.items():
                if key not in SHIPMENT_KEYS:
                    out += _block(key, child, 2, by_key, lot_of)
    elif shipment is not None or contract.protection == "post-delivery":
        out.append("shipment:")
        out += _shipment(shipment or {}, by_key)
    products = tree.pop("products", {})
    for key, node in tree.items():  # shared lots: whatever else the contract has
        out += _block(key, node, 0, by_key, lot_of)
    out += _block("products", products, 0, by_key, lot_of)
    out += [
        "dispute:  # the buyer fills these in if a dispute is opened",
        "  opened:  # YYYY-MM-DD",
        "  supplier-responded:  # YYYY-MM-DD, or leave empty",
        "  agreement:  # true when the parties settled, false when they did not",
    ]
    return "\n".join(out) + "\n"


SHIPMENT_KEYS = ("shipped", "customs-cleared", "delivered", "partial")


def _shipment(found: dict, by_key, pad: str = "  ") -> list[str]:
    out = []
    for key in SHIPMENT_KEYS:
        entry = found.get(key)
        if entry is not None:
            out.append(f"{pad}{key}:  # {_comment(entry, by_key, {})}")
        elif key == "shipped":
            out.append(
                f"{pad}shipped:  # YYYY-MM-DD, the bill-of-lading date; empty if not shipped"
            )
        elif key != "partial":
            out.append(f"{pad}{key}:  # YYYY-MM-DD; the quality-claim window runs from it")
    return out


def _block(name: str, node, depth: int, by_key, lot_of) -> list[str]:
    pad = "  " * depth
    if not isinstance(node, dict):
        return [f"{pad}{yaml_key(name)}:  # {_comment(node, by_key, lot_of)}"]
    out = [f"{pad}{yaml_key(name)}:"]
    for key, value in node.items():
        out += _block(key, value, depth + 1, by_key, lot_of)
    return out


def _comment(entry: rk.Entry, by_key, lot_of) -> str:
    check: Check | None = by_key.get(entry.dotted)
    form = entry.form
    clause = entry.clause
    readings = _readings(check)
    if form == rk.MEASURE and is_carton_count(clause):
        count = clause.interval.low
        text = f"{accepted(clause)}{readings}; the cartons one unit ships in, e.g. {count}"
    elif form == rk.MEASURE:
        text = f"{accepted(clause)}{readings}; a value with its unit, e.g. {_example(clause)}"
    elif form == rk.AXES_FORM:
        axes = ", ".join(f"{rk.axis_name(c)} {accepted(c)}" for c in entry.clauses)
        shown = rk.axes_text(len(entry.clauses), clause.unit)
        text = f'{axes}{readings}; one "{shown}" a reading'
    elif form == rk.COLOUR:
        text = f'{accepted(clause)}{readings}; as read: "#RRGGBB", "lab(L, a, b)" or the name'
    elif form == rk.BARCODE:
        text = f"{clause.expected}; the digits scanned"
    elif form == rk.TEST and getattr(clause, "units", None):
        text = (
            f"pass or fail a unit, as a list, or {{passed: P, failed: F}}; "
            f"must pass ({clause.expected})"
        )
    elif form == rk.TEST:
        text = f"pass or fail; must pass ({clause.expected})"
    elif form == rk.DATES:
        text = f"YYYY-MM-DD, or a list of them (one a sample); {clause.expected}"
    elif form == rk.DOCUMENT:
        text = f'YYYY-MM-DD, the day it was received, or "not received"; {clause.expected}'
    elif form == rk.DATE:
        text = f"YYYY-MM-DD; {clause.expected}"
    elif form == rk.FLAG:
        text = f"true if only part of the order shipped; {clause.expected}"
    elif form == rk.ASSORTMENT:
        example = ", ".join(
            f"{json.dumps(sku, ensure_ascii=False)}: {n}" for sku, n in clause.counts
        )
        text = (
            f"{clause.expected}{readings.replace('reading', 'carton')}; one mapping a carton "
            f"opened, units found per SKU (0 if none), e.g. [{{{example}}}]"
        )
    elif form in (rk.LOT_SIZE, rk.SAMPLE_SIZE, rk.COUNT):
        text = _aql_comment(entry, lot_of)
    else:
        text = f"{clause.expected}; the text as found"
    return one_line(text)


def _readings(check: Check | None) -> str:
    if check is None or check.samples is None:
        return ""
    return f"; {check.samples} reading" + ("" if check.samples == 1 else "s")


def _example(clause) -> str:
    from tacl.standards.compound import lookup

    unit = lookup(clause.unit)
    if clause.nominal is not None:
        value = unit.from_base(clause.nominal)
    else:
        bound = clause.interval.low if clause.interval.low is not None else clause.interval.high
        value = unit.from_base(bound)
    return json.dumps(example(clause, value), ensure_ascii=False)


def _aql_comment(entry: rk.Entry, lot_of) -> str:
    lot = lot_of.get(".".join(entry.key[: entry.key.index("aql")]))
    if entry.form == rk.LOT_SIZE:
        size = "unknown" if lot is None or lot.size is None else f"{lot.size}"
        return f"units in the lot (plan: {size}, {lot.size_source if lot else ''})"
    if entry.form == rk.SAMPLE_SIZE:
        if lot is None or lot.sample_size is None or lot.size is None:
            return "units inspected (at least the plan's sample size)"
        return f"units inspected: at least {lot.sample_size} for a lot of {lot.size}"
    name = entry.key[-1]
    plan = next((c for c in lot.classes if c.defect_class == name), None) if lot else None
    if plan is None or lot.size is None:
        return f"{name} defects found in the sample"
    return (
        f"{name} defects found in the sample; the lot passes with at most {plan.accept}, "
        f"fails at {plan.reject} (AQL {plan.aql}, n={plan.sample_size})"
    )
