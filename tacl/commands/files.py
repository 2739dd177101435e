"""Resolving the paths a user names: files, folders searched for `*.tacl`, and `-`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tacl.errors import UsageError
from tacl.pipeline import decode_source, read_source
from tacl.source import SourceFile

STDIN = "-"


def expand(paths, suffix: str = ".tacl") -> list[str]:
    """Files in the order named; folders contribute their `*.tacl` files, sorted."""
    found: list[str] = []
    for path in paths:
        if path == STDIN:
            found.append(STDIN)
        elif os.path.isdir(path):
            found.extend(sorted(str(p) for p in Path(path).rglob(f"*{suffix}") if p.is_file()))
        elif os.path.exists(path):
            found.append(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    return found


def read(path: str) -> SourceFile:
    """The source of a path, `-` being standard input (reported as `<stdin>`)."""
    if path == STDIN:
        return decode_source(sys.stdin.buffer.read(), "<stdin>")
    return read_source(path)


def compile_or_report(path: str):
    """(source, compiled contract) of a path, or None after printing its errors to stderr."""
    from tacl.commands.output import print_diagnostics
    from tacl.errors import ContractError
    from tacl.pipeline import compile_source_file

    try:
        source = read(path)
        return source, compile_source_file(source)
    except ContractError as exc:
        print_diagnostics(exc.diagnostics, exc.sources, stream=sys.stderr)
        return None
