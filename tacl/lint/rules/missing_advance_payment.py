"""Pre-shipment protection with no advance payment.

## What it does

Fires on `protection pre-shipment` when the contract states no
`advance payment`.

## Why it matters

Under pre-shipment protection the refund is the advance payment: what the
buyer paid before the goods left. With no advance stated, the claimable amount
is zero and the protection protects nothing — or the advance was agreed
elsewhere and the contract does not record it.

## Example

```tacl
  protection pre-shipment
```

## Instead

```tacl
  protection pre-shipment
  advance payment 30 %
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-advance-payment"


def check(ctx):
    if ctx.contract.protection != "pre-shipment" or ctx.contract.advance_payment is not None:
        return
    stmt = walk.first(ctx.statements, ast.Protection)
    yield ctx.report(
        stmt,
        "`protection pre-shipment` refunds the advance payment, but none is stated",
        "add `advance payment N %` (or an amount), or use `protection post-delivery`",
    )
