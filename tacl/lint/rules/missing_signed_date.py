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
contract "HLA-2026-EB-0077" {
  buyer "Harbor Lane Audio LLC, Portland, Oregon"
  shipment {
    ship by 2026-04-20
  }
}
```

## Instead

```tacl
contract "HLA-2026-EB-0077" {
  buyer  "Harbor Lane Audio LLC, Portland, Oregon"
  signed 2026-02-02
  shipment {
    ship by 2026-04-20
  }
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
