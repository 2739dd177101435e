"""A product states neither a size nor any dimension.

## What it does

Fires on each `product` block that has no `size` and no `dimension`
statement.

## Why it matters

Goods of the wrong size are a quality claim only against a size the contract
states. "Same as last order" is not evidence an inspector can measure.

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
    size 420 x 180 x 120 mm ± 2 mm
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-size"


def check(ctx):
    yield from walk.lacking(
        ctx,
        (ast.Size, ast.Dimension),
        "product `{sku}` states no size or dimension",
        "add `size L x W x H mm ± T mm`, or `dimension NAME V mm ± T mm`",
    )
