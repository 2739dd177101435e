"""TACL, the Trade Assurance Contract Language.

    contract = tacl.load("po.tacl")            # or tacl.compile_source(text, name=...)
    verdict = contract.evaluate(report_dict)   # a report parsed from JSON or YAML
    diagnostics = tacl.lint_source(text, name="po.tacl")

Every error for bad input is a `tacl.TaclError`: `ContractError` for contracts
(carrying diagnostics), `ReportError` for inspection reports (naming the key path).
The heavy modules load on first use, so `import tacl` stays cheap.
"""

from __future__ import annotations

from tacl.errors import ContractError, ReportError, TaclError, UsageError

__version__ = "0.1.0"

__all__ = [
    "ContractError",
    "ReportError",
    "TaclError",
    "UsageError",
    "compile_source",
    "lint_source",
    "load",
    "__version__",
]


def load(path):
    """Read and compile a `.tacl` file; raises ContractError on any error."""
    from tacl.pipeline import load as _load

    return _load(path)


def compile_source(text: str, name: str = "<string>"):
    """Compile contract text; raises ContractError carrying every error diagnostic."""
    from tacl.pipeline import compile_source as _compile

    return _compile(text, name=name)


def lint_source(text: str, name: str = "<string>", config=None):
    """Compile and lint contract text; returns the diagnostics (errors, warnings, notes)."""
    from tacl.lint.runner import lint_source as _lint

    return _lint(text, name=name, config=config)
