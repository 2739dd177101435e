"""A product states no material.

## What it does

Fires on each `product` block without a `material` statement.

## Why it matters

Substituted materials (ABS for aluminium, polyester for cotton) are a frequent
and costly defect, and a claim needs the material the contract promised.

## Example

```tacl
  product "BP-22L-GRY" {
    quantity 1_500 pcs ± 2 %
    size 480 x 300 x 160 mm ± 5 mm
    color shell #5A5F66 ± 2 dE
  }
```

## Instead

```tacl
  product "BP-22L-GRY" {
    quantity 1_500 pcs ± 2 %
    size 480 x 300 x 160 mm ± 5 mm
    color shell #5A5F66 ± 2 dE
    material shell "600D recycled polyester, PU-coated"
    material zipper "YKK #5 nylon coil"
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
