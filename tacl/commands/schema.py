"""`tacl schema`: the JSON Schema of a report for one contract (see render/report_schema.py)."""

from __future__ import annotations

import json
import sys

from tacl.commands.files import read
from tacl.commands.output import print_diagnostics
from tacl.errors import ContractError
from tacl.pipeline import compile_source_file


def run(contract: str) -> int:
    try:
        compiled = compile_source_file(read(contract))
    except ContractError as exc:
        print_diagnostics(exc.diagnostics, exc.sources, stream=sys.stderr)
        return 2
    from tacl.render.report_schema import report_schema

    sys.stdout.write(json.dumps(report_schema(compiled), indent=2, ensure_ascii=False) + "\n")
    return 0
