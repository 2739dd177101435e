"""A packaging block without a carton marking.

## What it does

Fires on a `packaging` block that has no `carton marking` statement.

## Why it matters

Shipping marks identify the goods in a container, at customs and in the
buyer's warehouse. Unmarked or wrongly marked cartons are delayed, lost or
refused, and the cost is a claim only when the marking was required.

## Example

```tacl
    packaging {
      unit packing "printed kraft gift box with moulded pulp insert"
      units per carton 24
    }
```

## Instead

```tacl
    packaging {
      unit packing "printed kraft gift box with moulded pulp insert"
      units per carton 24
      carton marking "KETTLE & HEARTH / MUG-350-BLU / 24 PCS / FRAGILE"
    }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-carton-marking"


def check(ctx):
    yield from walk.lacking(
        ctx,
        ast.CartonMarking,
        "the packaging of `{sku}` states no carton marking",
        'add `carton marking "BUYER / SKU / N pcs"`',
        within="packaging",
    )
