"""A product states no material.

## What it does

Fires on each `product` block without a `material` statement.

## Why it matters

Substituted materials (ABS for aluminium, polyester for cotton) are a frequent
and costly defect, and a claim needs the material the contract promised.

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
    material body "aluminium 6061"
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-material"


def check(ctx):
    yield from walk.lacking(
        ctx,
        ast.Material,
        "product `{sku}` states no material",
        'add `material "..."`, or `material PART "..."` for each part',
    )
