"""The order value cannot be known: no unit prices and no `order value`.

## What it does

Fires when the compiled contract has no order value: some product lacks a
`unit price` (or a quantity with a nominal value) and the contract states no
`order value`.

## Why it matters

A post-delivery refund is the order value, capped by the coverage limit; an
advance payment in % is a share of it. When the contract does not let anyone
compute it, the amount a claim can reach is left to argument.

## Example

```tacl
  product "HM105-25KG" {
    material "Thai Hom Mali jasmine rice, 100 % grade B, in 25 kg bags"
    quantity 24_000 kg ± 2 %
  }
```

## Instead

```tacl
  product "HM105-25KG" {
    material "Thai Hom Mali jasmine rice, 100 % grade B, in 25 kg bags"
    quantity 24_000 kg ± 2 %
    unit price 1.12 USD
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-order-value"


def check(ctx):
    if ctx.contract.order_value is not None:
        return
    unpriced = [
        walk.sku(p) for p in walk.products(ctx.module) if not walk.has(p.statements, ast.UnitPrice)
    ]
    detail = f"; no unit price for `{unpriced[0]}`" if unpriced else ""
    yield ctx.report(
        ctx.head(ctx.module.contract),
        f"the order value cannot be computed{detail}",
        "give every product a `unit price`, or state `order value AMOUNT CODE`",
    )
