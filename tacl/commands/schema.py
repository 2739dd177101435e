"""`tacl schema`: the JSON Schema of a report for one contract (see render/report_schema.py)."""

from __future__ import annotations

import json
import sys

from tacl.commands.files import compile_or_report


def run(contract: str) -> int:
    found = compile_or_report(contract)
    if found is None:
        return 2
    _source, compiled = found
    from tacl.render.report_schema import report_schema

    sys.stdout.write(json.dumps(report_schema(compiled), indent=2, ensure_ascii=False) + "\n")
    return 0
