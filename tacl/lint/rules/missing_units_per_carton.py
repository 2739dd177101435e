"""A packaging block without units per carton.

## What it does

Fires on a `packaging` block that has no `units per carton` statement (nor
`cartons per unit`, which says one unit ships in several cartons), unless the
product is in an `assortment`: a ratio-packed carton's count is the
assortment's.

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
    assorted = {
        item.sku.raw
        for assortment in walk.every(ctx.module.contract.statements, ast.Assortment)
        for item in assortment.statements
    }
    for product in walk.products(ctx.module):
        packaging = walk.block(product.statements, "packaging")
        if packaging is None or walk.sku(product) in assorted:
            continue
        # one unit in several cartons needs no count of units per carton
        if not walk.has(packaging.statements, (ast.UnitsPerCarton, ast.CartonsPerUnit)):
            yield ctx.report(
                ctx.head(packaging),
                f"the packaging of `{walk.sku(product)}` states no units per carton",
                "add `units per carton N` (or `cartons per unit N` for one unit in several boxes)",
            )
