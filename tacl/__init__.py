"""TACL, the Trade Assurance Contract Language.

    contract = tacl.load("po.tacl")            # or tacl.compile_source(text, name=...)
    verdict = contract.evaluate(report_dict)   # a report parsed from JSON or YAML
    diagnostics = tacl.lint_source(text, name="po.tacl")

Every error for bad input is a `tacl.TaclError`: `ContractError` for contracts
(carrying diagnostics), `ReportError` for inspection reports (naming the key path).
The public names are typed (the package ships `py.typed`) and documented in
docs/api.md. The heavy modules load on first use, so `import tacl` stays cheap:
`tacl.CompiledContract`, `tacl.Verdict` and the others are imported when first
named.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tacl.errors import ContractError, ReportError, TaclError, UsageError

if TYPE_CHECKING:
    from tacl.diagnostics import Diagnostic as Diagnostic
    from tacl.evaluate.verdict import Claim as Claim
    from tacl.evaluate.verdict import Finding as Finding
    from tacl.evaluate.verdict import Verdict as Verdict
    from tacl.evaluate.verdict import VoidGround as VoidGround
    from tacl.lint.config import LintConfig as LintConfig
    from tacl.pipeline import CompiledContract as CompiledContract

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "CompiledContract",
    "ContractError",
    "Diagnostic",
    "Finding",
    "LintConfig",
    "ReportError",
    "TaclError",
    "UsageError",
    "Verdict",
    "VoidGround",
    "compile_source",
    "lint_source",
    "load",
    "__version__",
]

# name -> module that defines it; imported on first use (PEP 562)
_LAZY = {
    "Claim": "tacl.evaluate.verdict",
    "CompiledContract": "tacl.pipeline",
    "Diagnostic": "tacl.diagnostics",
    "Finding": "tacl.evaluate.verdict",
    "LintConfig": "tacl.lint.config",
    "Verdict": "tacl.evaluate.verdict",
    "VoidGround": "tacl.evaluate.verdict",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tacl' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def load(path: str | os.PathLike[str]) -> CompiledContract:
    """Read and compile a `.tacl` file; raises ContractError on any error."""
    from tacl.pipeline import load as _load

    return _load(path)


def compile_source(text: str | bytes, name: str = "<string>") -> CompiledContract:
    """Compile contract text (bytes are read as UTF-8); raises ContractError with every error."""
    from tacl.pipeline import compile_source as _compile

    return _compile(text, name=name)


def lint_source(
    text: str | bytes,
    name: str = "<string>",
    config: Mapping[str, object] | LintConfig | None = None,
) -> list[Diagnostic]:
    """Compile and lint contract text; returns the diagnostics (errors, warnings, notes)."""
    from tacl.lint.runner import lint_source as _lint

    return _lint(text, name=name, config=config)
