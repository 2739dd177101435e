"""A packaging block without units per carton.

## What it does

Fires on a `packaging` block that has no `units per carton` statement.

## Why it matters

The carton count is how a short shipment is found at the door: 50 cartons of
20 are 1000 pieces. Without it, cartons can be under-filled, and a
warehouse cannot check a delivery without opening every box.

## Example

```tacl
    packaging {
      carton marking "ACME / DL-200"
    }
```

## Instead

```tacl
    packaging {
      units per carton 20
      carton marking "ACME / DL-200 / 20 pcs"
    }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-units-per-carton"


def check(ctx):
    yield from walk.lacking(
        ctx,
        ast.UnitsPerCarton,
        "the packaging of `{sku}` states no units per carton",
        "add `units per carton N`",
        within="packaging",
    )
