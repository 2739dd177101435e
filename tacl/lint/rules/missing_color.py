"""A product states no colour.

## What it does

Fires on each `product` block without a `color` statement.

## Why it matters

A wrong colour is a quality defect only against a colour the contract names.
Goods in any colour pass a contract that is silent about it.

## Example

```tacl
  product "DL-200" {
    quantity 1000 pcs
  }
```

## Instead

```tacl
  product "DL-200" {
    quantity 1000 pcs
    color body #1A1A1A ± 2 dE
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-color"


def check(ctx):
    yield from walk.lacking(
        ctx,
        ast.Color,
        "product `{sku}` states no colour",
        "add `color #RRGGBB ± 2 dE` or `color lab(L, a, b) ± 2 dE`",
    )
