"""`Rule`, what every lint rule is, and `Context`, what its check function is given.

A rule module holds the rule's documentation as its docstring, its `NAME`, a
`check(ctx)` generator of diagnostics and, optionally, `SETTINGS` (setting name →
default). The code lives in the one table of `registry.py`; the severity follows
from the code's letter (W warning, N note), so a code never lies about it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType

import attrs

from tacl.diagnostics import NOTE, WARNING, Diagnostic
from tacl.source import SourceFile, Span

SECTIONS = ("What it does", "Why it matters", "Example", "Instead")
_SEVERITY_BY_LETTER = {"W": WARNING, "N": NOTE}


@attrs.frozen
class Rule:
    code: str
    name: str
    doc: str
    check: Callable[[Context], Iterable[Diagnostic]] | None
    settings: Mapping[str, int] = attrs.field(factory=dict)

    @classmethod
    def from_module(cls, code: str, module: ModuleType) -> Rule:
        return cls(
            code,
            module.NAME,
            inspect.cleandoc(module.__doc__ or ""),
            getattr(module, "check", None),
            dict(getattr(module, "SETTINGS", {})),
        )

    @property
    def severity(self) -> str:
        return _SEVERITY_BY_LETTER[self.code[0]]

    @property
    def summary(self) -> str:
        """The docstring's first line: one sentence naming the problem."""
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    def section(self, title: str) -> str:
        """The body of a `## title` section of the docstring ("" when absent)."""
        match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", self.doc, re.M | re.S)
        return match.group(1).strip() if match else ""


class Context:
    """What a check sees: the source, the AST, the compiled contract, its settings.

    `report` builds a diagnostic with the rule's code, name and severity, so a
    check only says where and what.
    """

    def __init__(self, analysis, rule: Rule, settings: Mapping[str, int], expanded=None):
        self.source: SourceFile = analysis.source
        # the contract as it means: size charts and `like` expanded (compile/expand.py)
        self.module = expanded if expanded is not None else analysis.module
        # the contract as written, for a rule about what the author wrote themselves
        self.written = analysis.module
        self.contract = analysis.contract
        self.rule = rule
        self.settings = settings

    @property
    def statements(self) -> tuple:
        return self.module.contract.statements

    def report(self, where, message: str, help: str | None = None) -> Diagnostic:
        span = where if isinstance(where, Span) or where is None else where.span
        rule = self.rule
        return Diagnostic(
            rule.code, rule.name, rule.severity, message, self.source.name, span, help
        )

    def head(self, node) -> Span:
        """The first line of a block or statement, without its `{`: `product "DL-200"`."""
        text = self.source.text
        start = node.span.start
        end = text.find("\n", start, node.span.end)
        line = text[start : node.span.end if end == -1 else end].rstrip()
        if line.endswith("{"):
            line = line[:-1].rstrip()
        return self.source.span(start, start + max(1, len(line)))

    def inside(self, node, offset: int, length: int) -> Span:
        """A span inside a string literal: `offset` counts from the first character of `raw`."""
        start = node.span.start + 1 + offset
        return self.source.span(start, start + length)
