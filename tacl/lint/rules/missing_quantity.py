"""A product states no quantity.

## What it does

Fires on each `product` block without a `quantity` statement.

## Why it matters

A short shipment is a claim only when the contract says how many units were
ordered. Without a quantity the order value cannot be computed either, so the
amount a refund could reach is unknown.

## Example

```tacl
  product "DL-200" {
    unit price 12.50 USD
  }
```

## Instead

```tacl
  product "DL-200" {
    quantity 1000 pcs ± 2 %
    unit price 12.50 USD
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-quantity"


def check(ctx):
    yield from walk.lacking(
        ctx,
        ast.Quantity,
        "product `{sku}` states no quantity",
        "add `quantity N pcs ± T %` (or kg, m, l for goods sold by measure)",
    )
