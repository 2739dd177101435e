"""A product states neither a size nor any dimension.

## What it does

Fires on each `product` block that has no `size` and no `dimension`
statement.

## Why it matters

Goods of the wrong size are a quality claim only against a size the contract
states. "Same as last order" is not evidence an inspector can measure.

## Example

```tacl
  product "TS180-NVY-M" {
    description "Men's crew-neck T-shirt, navy, size M, as last season"
    material fabric "100% combed cotton, 180 gsm single jersey"
    quantity 2_400 pcs ± 3 %
  }
```

## Instead

```tacl
  product "TS180-NVY-M" {
    description "Men's crew-neck T-shirt, navy, size M"
    material fabric "100% combed cotton, 180 gsm single jersey"
    quantity 2_400 pcs ± 3 %
    dimension "chest width" 53 cm ± 1 cm
    dimension "body length" 72 cm ± 1.5 cm
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
