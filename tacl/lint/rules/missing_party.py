"""The contract does not name its buyer or its supplier.

## What it does

Fires when the contract has no `buyer` or no `supplier` statement, once for
each party that is missing.

## Why it matters

A buyer-protection claim is opened by a named buyer against a named supplier.
A contract that leaves a party out cannot be matched to the order on the
platform, and the dispute stalls before it starts.

## Example

```tacl
contract "PO-2026-0412" {
  buyer "Acme Imports GmbH"
}
```

## Instead

```tacl
contract "PO-2026-0412" {
  buyer    "Acme Imports GmbH"
  supplier "Shenzhen Bright Lighting Co., Ltd."
}
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-party"


def check(ctx):
    for kind, word in ((ast.Buyer, "buyer"), (ast.Supplier, "supplier")):
        if not walk.has(ctx.statements, kind):
            yield ctx.report(
                ctx.head(ctx.module.contract),
                f"the contract names no {word}",
                f'add `{word} "Legal name of the company"`',
            )
