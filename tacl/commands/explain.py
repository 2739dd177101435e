"""`tacl explain RULE`: a lint rule's documentation, by name or code.

The text is the same page `python -m tacl.lint.docs` writes to
docs/rules/<name>.md, so the terminal and the docs never disagree.
An unknown rule is a usage error (exit 2) with the closest known name.
"""

from __future__ import annotations

import sys

from tacl.errors import UsageError


def run(rule: str) -> int:
    from tacl.lint import registry
    from tacl.lint.docs import rule_page

    found = registry.lookup(rule.strip())
    if found is None:
        hint = registry.suggestion(rule.strip())
        raise UsageError(f"unknown rule `{rule}`" + (f"; {hint}" if hint else ""))
    sys.stdout.write(rule_page(found, stamp=False))
    return 0
