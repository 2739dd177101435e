"""A rule name or code that TACL does not know, in a selection or a suppression.

## What it does

Reports a rule name or code that names no rule: in `--select`, `--ignore` or
`--extend-select`, in the `[tool.tacl]` table of `pyproject.toml`, or inside a
`# tacl: ignore[...]` comment. It suggests the closest known name. An unknown
key in `[tool.tacl]` and a bare `# tacl: ignore` (which names no rule, and so
silences nothing) are reported under this rule too.

It is on unless it is ignored by name or code: `--select` does not turn it off.

## Why it matters

A misspelt suppression silences nothing, and a misspelt `ignore` leaves a rule
on, so the author believes a finding is handled when it is not. A misspelt
`select` is worse: the rule the author wanted never runs.

## Example

```tacl
    color "red"  # tacl: ignore[colour-name-only]
```

## Instead

```tacl
    color "red"  # tacl: ignore[color-name-only] the buyer accepts any red
```
"""

NAME = "unknown-rule"
# No check: the configuration and suppression layers report this rule.
