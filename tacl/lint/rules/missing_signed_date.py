"""The contract has no date of signature.

## What it does

Fires when the contract has no `signed` statement.

## Why it matters

The signature date starts the production time and shows which version of a
contract the parties agreed on. Without it, the linter cannot check that the
ship date leaves time to produce, and a dispute over "which PO" is harder to
settle.

## Example

```tacl
contract "PO-2026-0412" {
  buyer "Acme Imports GmbH"
}
```

## Instead

```tacl
contract "PO-2026-0412" {
  buyer  "Acme Imports GmbH"
  signed 2026-01-10
}
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-signed-date"


def check(ctx):
    if not walk.has(ctx.statements, ast.Signed):
        yield ctx.report(
            ctx.head(ctx.module.contract),
            "the contract has no date of signature",
            "add `signed YYYY-MM-DD`",
        )
