"""A product has no packaging block.

## What it does

Fires on each `product` block without a `packaging { ... }` block.

## Why it matters

Goods damaged in transit because of weak cartons, or refused by a warehouse
because of missing carton marks, can be claimed only when the packaging was
specified. Without it, any box, or none, is compliant.

## Example

```tacl
  product "EB-300-WHT" {
    quantity 5_000 pairs ± 1 %
    unit price 11.85 USD
    barcode UPC-A "084123456784"
  }
```

## Instead

```tacl
  product "EB-300-WHT" {
    quantity 5_000 pairs ± 1 %
    unit price 11.85 USD
    barcode UPC-A "084123456784"
    packaging {
      unit packing "printed retail box with blister tray, shrink-wrapped"
      units per carton 50 pairs
      carton marking "HARBOR LANE / EB-300-WHT / 50 PAIRS / UN3481"
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
