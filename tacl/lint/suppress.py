"""`# tacl: ignore[rule, …]` comments: which findings they silence, and which names are wrong.

A suppression comment silences the named rules (names, codes or code prefixes)

- on its own line, when it trails a statement:
  `color "red"  # tacl: ignore[color-name-only] any red will do`;
- on the next line, when it stands alone on its line, just above the finding.

A finding belongs to the line its span starts on. Text after the `]` is free:
write the reason there. `# tacl: ignore` without a list silences nothing and is
reported, so a blanket suppression cannot creep in unnoticed; so is a name that
silences nothing where it stands (`unused-suppression`), so a suppression does
not outlive the finding it was written for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from tacl.diagnostics import Diagnostic
from tacl.lint import registry
from tacl.lint.config import unknown_rule
from tacl.source import SourceFile, Span

_DIRECTIVE = re.compile(r"#\s*tacl\s*:\s*ignore\b(\[(?P<names>[^\]]*)\])?")
_NAME = re.compile(r"[^,\s]+")


@attrs.frozen
class Directive:
    """One name in a suppression comment: the rules it names and the lines it covers."""

    word: str
    span: Span
    rules: frozenset[str]
    lines: tuple[int, ...]

    def silences(self, diagnostic: Diagnostic) -> bool:
        span = diagnostic.span
        return span is not None and span.line in self.lines and diagnostic.rule in self.rules


@attrs.frozen
class Suppressions:
    directives: tuple[Directive, ...]
    problems: tuple[Diagnostic, ...]  # unknown names, bare `# tacl: ignore`

    def split(self, findings: Iterable[Diagnostic]) -> tuple[list[Diagnostic], set[Directive]]:
        """The findings no directive silences, and the directives that silenced something."""
        kept, used = [], set()
        for finding in findings:
            silencing = [d for d in self.directives if d.silences(finding)]
            used.update(silencing)
            if not silencing:
                kept.append(finding)
        return kept, used


def read_suppressions(source: SourceFile, comments) -> Suppressions:
    directives: list[Directive] = []
    problems: list[Diagnostic] = []
    for comment in comments:
        match = _DIRECTIVE.search(comment.text)
        if match is None:
            continue
        lines = _lines(source, comment)
        if match.group("names") is None:
            problems.append(_bare(source, comment, match))
            continue
        offset = comment.span.start + match.start("names")
        for found in _NAME.finditer(match.group("names")):
            span = source.span(offset + found.start(), offset + found.end())
            rules = registry.expand(found.group(0))
            if rules is None:
                problems.append(unknown_rule(found.group(0), source.name, span))
            else:
                names = frozenset(r.name for r in rules)
                directives.append(Directive(found.group(0), span, names, lines))
    return Suppressions(tuple(directives), tuple(problems))


def _bare(source: SourceFile, comment, match) -> Diagnostic:
    start = comment.span.start
    span = source.span(start + match.start(), start + match.end())
    return attrs.evolve(
        unknown_rule("", source.name, span),
        message="`# tacl: ignore` names no rule; nothing is silenced",
        help="name the rules: `# tacl: ignore[rule-name] reason`",
    )


def _lines(source: SourceFile, comment) -> tuple[int, ...]:
    line = comment.span.line
    before = source.line_text(line)[: comment.span.column - 1]
    return (line, line + 1) if not before.strip() else (line,)
