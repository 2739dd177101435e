"""Lint one contract: compile it, run the enabled rules, drop what comments silence.

A contract that does not compile yields its error diagnostics and nothing else:
rules judge what a contract means, and a contract with errors means nothing yet.
"""

from __future__ import annotations

from tacl.compile.expand import expand_module
from tacl.compile.values import Reporter
from tacl.diagnostics import Diagnostic
from tacl.errors import ContractError, UsageError
from tacl.lint import registry
from tacl.lint.config import LintConfig, coerce
from tacl.lint.rule import Context
from tacl.lint.rules import unused_suppression
from tacl.lint.suppress import read_suppressions
from tacl.pipeline import Analysis, analyze, decode_source
from tacl.render.json import order_key
from tacl.source import SourceFile


def lint_source(text: str | bytes, name: str = "<string>", config=None) -> list[Diagnostic]:
    """Compile and lint contract text; the diagnostics in the one stable order.

    `config` is None (every rule), a dict shaped like `[tool.tacl]`, or a
    `LintConfig`. Unknown rule names in it are reported as `unknown-rule`.
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            source = decode_source(bytes(text), name)
        except ContractError as exc:  # not UTF-8: the error is the whole answer
            return list(exc.diagnostics)
    elif isinstance(text, str):
        source = SourceFile(name, text[1:] if text.startswith("\ufeff") else text)
    else:
        raise UsageError(f"a contract is text or bytes, not {type(text).__name__}")
    return lint_analysis(analyze(source), coerce(config))


def lint_analysis(
    analysis: Analysis, config: LintConfig, *, with_config_problems: bool = True
) -> list[Diagnostic]:
    """The findings for one analysed file; config problems too unless the caller reports them."""
    if analysis.contract is None or analysis.module is None:
        return sorted(analysis.diagnostics, key=order_key)
    enabled, problems = config.resolve()
    findings = run_rules(analysis, enabled, config.merged_settings())
    suppressions = read_suppressions(analysis.source, analysis.module.comments)
    kept, used = suppressions.split(findings)
    if "unknown-rule" in enabled:
        kept += suppressions.problems
    if "unused-suppression" in enabled:
        kept += unused(suppressions, used, enabled, analysis.source.name)
    if with_config_problems:
        kept += problems
    return sorted(kept, key=order_key)


def unused(suppressions, used, enabled, file: str) -> list[Diagnostic]:
    """Names that silenced nothing, judged only when all the rules they name have run."""
    rule = registry.BY_NAME["unused-suppression"]
    return [
        unused_suppression.report(rule, d, file)
        for d in suppressions.directives
        if d not in used and d.rules <= enabled and rule.name not in d.rules
    ]


def run_rules(analysis: Analysis, enabled, settings) -> list[Diagnostic]:
    """Every enabled rule's findings, once each.

    Rules read the contract with its size charts and `like` expanded (what it
    means: a `like` product has the size its base states), so a statement that
    several products share is seen once per product; the same finding at the same
    place is kept once, as there is one line to fix.
    """
    expanded = expand_module(analysis.module, Reporter(analysis.source))
    findings: list[Diagnostic] = []
    seen: set[tuple] = set()
    for rule in registry.RULES:
        if rule.check is not None and rule.name in enabled:
            for found in rule.check(Context(analysis, rule, settings, expanded)):
                where = (found.code, found.span, found.message)
                if where not in seen:
                    seen.add(where)
                    findings.append(found)
    return findings
