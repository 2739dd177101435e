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
      carton marking "NOORDERLICHT / TS180-NVY-M / C/No."
      carton size 600 x 400 x 300 mm ± 10 mm
    }
```

## Instead

```tacl
    packaging {
      units per carton 48
      carton marking "NOORDERLICHT / TS180-NVY-M / 48 PCS / C/No."
      carton size 600 x 400 x 300 mm ± 10 mm
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
