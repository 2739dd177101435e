"""`tacl plan`: the inspection plan of a contract, as Markdown, printable HTML or a template.

`--lot-size N` sets every lot's size; `--lot-size LOT=N` one lot's, LOT being a
SKU, a shipment name or a lot's report key (`products.DL-200`). Without it a
lot's size is the contract's quantity for it.
"""

from __future__ import annotations

import re
import sys

from tacl.commands.files import compile_or_report
from tacl.errors import UsageError

MAX_LOT = 10**9


def run(contract: str, fmt: str = "markdown", lot_sizes=()) -> int:
    sizes = parse_lot_sizes(lot_sizes)
    found = compile_or_report(contract)
    if found is None:
        return 2
    source, compiled = found
    _check_lots(compiled, sizes)
    from tacl.render.inspection_plan import build_plan

    plan = build_plan(compiled, source.text, sizes)
    if fmt == "template":
        from tacl.render.report_template import render_template

        text = render_template(plan)
    elif fmt == "html":
        from tacl.render.plan_html import render_plan_html

        text = render_plan_html(plan, source.text)
    else:
        from tacl.render.plan_markdown import render_markdown

        text = render_markdown(plan)
    sys.stdout.write(text)
    return 0


def parse_lot_sizes(values) -> dict[str, int]:
    """`N` (every lot) or `LOT=N`; a UsageError names a bad one."""
    sizes: dict[str, int] = {}
    for value in values:
        name, equals, number = value.rpartition("=")
        if not re.fullmatch(r"[0-9][0-9_,]*", number.strip()):
            raise UsageError(f"--lot-size `{value}`: expected N or LOT=N with N a whole number")
        size = int(number.strip().replace("_", "").replace(",", ""))
        if not 2 <= size <= MAX_LOT:
            raise UsageError(f"--lot-size `{value}`: a lot has from 2 to {MAX_LOT:,} units")
        sizes[name.strip() if equals else "*"] = size
    return sizes


def _check_lots(contract, sizes: dict[str, int]) -> None:
    from tacl.diagnostics import did_you_mean
    from tacl.render.inspection_plan import lot_names

    known = lot_names(contract)
    for name in sizes:
        if name != "*" and name not in known:
            hint = did_you_mean(name, known)
            raise UsageError(
                f"--lot-size: the contract has no lot `{name}`"
                + (f"; {hint}" if hint else f"; its lots are {', '.join(sorted(known))}")
            )
