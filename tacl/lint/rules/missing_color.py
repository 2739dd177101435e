"""A product states no colour.

## What it does

Fires on each `product` block without a `color` statement.

## Why it matters

A wrong colour is a quality defect only against a colour the contract names.
Goods in any colour pass a contract that is silent about it.

## Example

```tacl
  product "MUG-350-BLU" {
    description "Stoneware mug, 350 ml, reactive glaze outside"
    quantity 4_800 pcs ± 2 %
    material body "stoneware, fired at 1,200 °C or above"
  }
```

## Instead

```tacl
  product "MUG-350-BLU" {
    description "Stoneware mug, 350 ml, reactive glaze outside"
    quantity 4_800 pcs ± 2 %
    material body "stoneware, fired at 1,200 °C or above"
    color outside lab(52.8, -6.4, -21.7) ± 3 dE
    color inside #EDE8DC ± 2 dE
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
