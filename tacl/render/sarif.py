"""`tacl lint --format sarif`: the diagnostics as a SARIF 2.1.0 log.

One run, tool `tacl`. The driver's `rules` are the given rule descriptions in the
order given, then a descriptor built from the diagnostic itself for every code
that appears in the results but not in that list (compile errors, for one),
in code order. Each result points at its rule by `ruleId` and `ruleIndex`.

Columns are counted in characters (code points), as `tacl.source` counts them,
so the run says `columnKind: unicodeCodePoints`; `endColumn` is exclusive, as in
SARIF. A diagnostic without a span gets a location with no `region` (the whole
file). File names become URI references: backslashes turned into slashes and
everything outside the unreserved set percent-encoded, so a relative name stays
relative; an absolute name (`/…` or `C:/…`) becomes a `file://` URI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from urllib.parse import quote

import attrs

from tacl.diagnostics import SEVERITIES, Diagnostic
from tacl.render.json import ordered

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
# This project's documentation: `[project.urls] Documentation` of pyproject.toml, kept
# equal by a test. (`tacl` on the package index is an unrelated project; ours is
# `tacl-lang`.) Callers may pass their own.
DOCS_URL = "https://pypi.org/project/tacl-lang/"
INFORMATION_URI = DOCS_URL

_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


@attrs.frozen
class RuleInfo:
    """What SARIF needs to know about one rule: the lint registry adapts to this."""

    code: str
    name: str
    severity: str = attrs.field(validator=attrs.validators.in_(SEVERITIES))
    summary: str
    description: str
    help_uri: str | None = None


def render_sarif(
    diagnostics: Iterable[Diagnostic],
    rules: Sequence[RuleInfo],
    tool_version: str,
    *,
    information_uri: str = INFORMATION_URI,
) -> str:
    """A SARIF 2.1.0 log (indented JSON, newline at the end) of these diagnostics.

    Raises ValueError when two rules share a code: `ruleIndex` would be ambiguous.
    """
    results = ordered(diagnostics)
    descriptors = _descriptors(rules, results)
    index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
    driver = {
        "name": "tacl",
        "informationUri": information_uri,
        "version": tool_version,
        "rules": descriptors,
    }
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index[d.code]) for d in results],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _descriptors(rules: Sequence[RuleInfo], results: list[Diagnostic]) -> list[dict]:
    known: dict[str, RuleInfo] = {}
    for rule in rules:
        if rule.code in known:
            raise ValueError(f"two rules share the code `{rule.code}`")
        known[rule.code] = rule
    extra: dict[str, RuleInfo] = {}
    for diagnostic in results:
        if diagnostic.code in known:
            continue
        seen = extra.get(diagnostic.code)
        if seen is None or _more_severe(diagnostic.severity, seen.severity):
            extra[diagnostic.code] = _rule_from(diagnostic)
    every = list(rules) + [extra[code] for code in sorted(extra)]
    return [_descriptor(rule) for rule in every]


def _more_severe(severity: str, than: str) -> bool:
    return _SEVERITY_RANK.get(severity, 99) < _SEVERITY_RANK.get(than, 99)


def _rule_from(diagnostic: Diagnostic) -> RuleInfo:
    """A descriptor for a code no rule describes, built from its name: `unknown-unit`."""
    words = diagnostic.rule.replace("-", " ").replace("_", " ").strip() or diagnostic.code
    severity = diagnostic.severity if diagnostic.severity in SEVERITIES else "error"
    return RuleInfo(diagnostic.code, diagnostic.rule, severity, words, words)


def _descriptor(rule: RuleInfo) -> dict:
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
    }
    if rule.help_uri:
        descriptor["helpUri"] = rule.help_uri
    descriptor["defaultConfiguration"] = {"level": rule.severity}
    return descriptor


def _result(diagnostic: Diagnostic, rule_index: int) -> dict:
    text = diagnostic.message
    if diagnostic.help:
        text += f"\nhelp: {diagnostic.help}"
    physical: dict = {"artifactLocation": {"uri": file_uri(diagnostic.file)}}
    span = diagnostic.span
    if span is not None:
        physical["region"] = {
            "startLine": span.line,
            "startColumn": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
        }
    level = diagnostic.severity if diagnostic.severity in SEVERITIES else "error"
    return {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": level,
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
    }


_DRIVE = re.compile(r"[A-Za-z]:/")


def file_uri(name: str) -> str:
    """A URI reference for a file name as the user gave it (see the module docstring).

    A name that is not UTF-8 (its bytes kept by Python as lone surrogates) is
    percent-encoded byte for byte: `bad\xff.tacl` is `bad%FF.tacl`, exact.
    """
    path = name.replace("\\", "/")
    if _DRIVE.match(path):
        return "file:///" + path[:2] + _quote(path[2:])
    if path.startswith("/"):
        return "file://" + _quote(path)
    return _quote(path)


def _quote(path: str) -> str:
    return quote(path.encode("utf-8", "surrogateescape"), safe="/")
