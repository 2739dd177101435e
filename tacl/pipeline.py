"""The pipeline in one place: text → AST → compiled contract → verdict, as the architecture shows.

    text ──parse──▶ AST ──compile──▶ CompiledContract ──evaluate(report)──▶ Verdict

`compile_source` and `load` raise `ContractError` with every diagnostic found;
`analyze` returns them instead, for the linter and the formatter.
"""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING, Any

import attrs

from tacl.compile.compiler import compile_module
from tacl.compile.contract import Contract
from tacl.compile.values import Reporter
from tacl.diagnostics import ERROR, Diagnostic
from tacl.errors import ContractError, UsageError
from tacl.source import SourceFile, read_file
from tacl.syntax import ast
from tacl.syntax.parser import MAX_CHARS, parse

if TYPE_CHECKING:
    from tacl.evaluate.verdict import Verdict


class CompiledContract(Contract):
    """A compiled contract that judges inspection reports.

    The data and the fingerprint are those of `tacl.compile.contract.Contract`;
    this class sits above the compiler and the evaluator and joins them, so
    neither needs the other.
    """

    def evaluate(self, report: Any, as_of: datetime.date | None = None) -> Verdict:
        """Judge an inspection report (a dict parsed from JSON or YAML); returns a Verdict."""
        from tacl.evaluate.evaluator import evaluate

        return evaluate(self, report, as_of=as_of)

    @classmethod
    def of(cls, contract: Contract) -> CompiledContract:
        """The public contract for what the compiler built (the same fields, shared)."""
        return cls(
            **{field.name: getattr(contract, field.name) for field in attrs.fields(Contract)}
        )


@attrs.frozen
class Analysis:
    """Everything one pass over a file learned: the AST, the contract, the errors."""

    source: SourceFile
    module: ast.Module | None
    contract: CompiledContract | None
    diagnostics: tuple[Diagnostic, ...]


def analyze(source: SourceFile) -> Analysis:
    module, diagnostics = parse(source)  # step one: text to AST
    if module is None:
        return Analysis(source, None, None, tuple(diagnostics))
    reporter = Reporter(source)
    contract = compile_module(module, reporter)  # step two: AST to compiled contract
    public = None if contract is None else CompiledContract.of(contract)
    return Analysis(source, module, public, tuple(reporter.reported()))


def compile_source(text: str | bytes, name: str = "<string>") -> CompiledContract:
    """Compile contract text (bytes are read as UTF-8); raises ContractError on any error."""
    if isinstance(text, (bytes, bytearray)):
        return compile_source_file(decode_source(bytes(text), name))
    if not isinstance(text, str):
        raise UsageError(f"a contract is text or bytes, not {type(text).__name__}")
    return compile_source_file(SourceFile(name, _normalise(text)))


def load(path: str | os.PathLike[str]) -> CompiledContract:
    """Read and compile a `.tacl` file."""
    return compile_source_file(read_source(path))


def compile_source_file(source: SourceFile) -> CompiledContract:
    analysis = analyze(source)
    if analysis.contract is None:
        raise ContractError(analysis.diagnostics, {source.name: source})
    return analysis.contract


def _normalise(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def decode_source(data: bytes, name: str, size: int | None = None) -> SourceFile:
    """Bytes of a contract file as a SourceFile; a BOM is dropped, bad UTF-8 is an error.

    `size` is the whole file's size when only its first bytes were read (`read_source`
    stops past the limit), so the message gives the real size, not the read cap.
    """
    if len(data) > MAX_CHARS * 4:
        raise ContractError(
            [
                _file_error(
                    name,
                    "E004",
                    "file-too-large",
                    f"file has {size or len(data):,} bytes; the limit is {MAX_CHARS:,} characters",
                )
            ]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = len(data[: exc.start].decode("utf-8"))
        # shown with U+FFFD for the bad bytes, so the code frame can point at them
        source = SourceFile(name, data.decode("utf-8", errors="replace"))
        raise ContractError(
            [
                Diagnostic(
                    "E008",
                    "invalid-encoding",
                    ERROR,
                    f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
                    name,
                    source.span(offset, offset + 1),
                    "save the contract as UTF-8",
                )
            ],
            {name: source},
        ) from None
    return SourceFile(name, _normalise(text))


def read_source(path: str | os.PathLike[str]) -> SourceFile:
    if not isinstance(path, (str, os.PathLike)):
        raise UsageError(f"a contract path is text or a path, not {type(path).__name__}")
    name = os.fspath(path)
    try:
        data = read_file(path, MAX_CHARS * 4 + 1)
        size = os.path.getsize(path) if len(data) > MAX_CHARS * 4 else None
    except OSError as exc:
        raise ContractError(
            [
                _file_error(
                    name, "E009", "unreadable-file", f"cannot read `{name}`: {exc.strerror or exc}"
                )
            ]
        ) from None
    return decode_source(data, name, size)


def _file_error(name: str, code: str, rule: str, message: str) -> Diagnostic:
    return Diagnostic(code, rule, ERROR, message, name, None, None)
