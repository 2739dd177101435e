"""A `# tacl: ignore[...]` name that silences nothing where it stands.

## What it does

Reports each rule name in a suppression comment that silenced no finding on
the line it covers: the rule does not fire there (any more), or the comment
is on the wrong line. A name is only judged when every rule it names is
enabled, so `--select` never makes a needed suppression look unused.

## Why it matters

A suppression outlives the problem it was written for: the contract is fixed,
the comment stays, and months later it silences a new and real finding on
that line without anyone deciding to. Removing stale suppressions keeps each
one a deliberate, current decision.

## Example

```tacl
    # tacl: ignore[wrong-limit-direction] a transport limit
    spec "battery energy" at most 1.9 Wh
```

## Instead

```tacl
    spec "battery energy" at most 1.9 Wh
```
"""

from tacl.diagnostics import Diagnostic

NAME = "unused-suppression"
# No check: the runner reports this rule, once the other rules have run.


def report(rule, directive, file: str) -> Diagnostic:
    """The finding for one unused name of a suppression comment."""
    return Diagnostic(
        rule.code,
        rule.name,
        rule.severity,
        f"`{directive.word}` silences nothing here",
        file,
        directive.span,
        "remove it, or move the comment onto the line of the finding or just above it",
    )
