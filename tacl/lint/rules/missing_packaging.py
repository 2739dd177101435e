"""A product has no packaging block.

## What it does

Fires on each `product` block without a `packaging { ... }` block.

## Why it matters

Goods damaged in transit because of weak cartons, or refused by a warehouse
because of missing carton marks, can be claimed only when the packaging was
specified. Without it, any box, or none, is compliant.

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
    packaging {
      unit packing "white corrugated box"
      units per carton 20
      carton marking "ACME / DL-200 / 20 pcs"
    }
  }
```
"""

from tacl.lint import walk

NAME = "missing-packaging"


def check(ctx):
    yield from walk.lacking(
        ctx,
        "packaging",
        "product `{sku}` has no packaging block",
        "add `packaging { ... }` with unit packing, units per carton and carton marking",
    )
