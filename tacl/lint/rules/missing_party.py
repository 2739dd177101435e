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
contract "KH-PO-2026-114" {
  supplier "Chaozhou Fengxi Ceramics Manufacturing Co., Ltd."
  signed   2026-04-07
}
```

## Instead

```tacl
contract "KH-PO-2026-114" {
  buyer    "Kettle & Hearth Ltd, Stoke-on-Trent"
  supplier "Chaozhou Fengxi Ceramics Manufacturing Co., Ltd."
  signed   2026-04-07
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
