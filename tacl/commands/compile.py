"""`tacl compile`: the compiled contract as canonical JSON, or its errors."""

from __future__ import annotations

import sys

from tacl.commands.files import read
from tacl.commands.output import print_diagnostics
from tacl.errors import ContractError
from tacl.pipeline import compile_source_file


def run(path: str) -> int:
    try:
        source = read(path)
        contract = compile_source_file(source)
    except ContractError as exc:
        print_diagnostics(exc.diagnostics, exc.sources, stream=sys.stderr)
        return 2
    sys.stdout.write(contract.to_json())
    return 0
