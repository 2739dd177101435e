"""A packaging block without a carton marking.

## What it does

Fires on a `packaging` block that has no `carton marking` statement, and
whose named cartons (`carton "NAME" { … }`, for goods shipped in several
boxes) state no `marking` either.

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
    for product in walk.products(ctx.module):
        packaging = walk.block(product.statements, "packaging")
        if packaging is None or _marked(packaging):
            continue
        yield ctx.report(
            ctx.head(packaging),
            f"the packaging of `{walk.sku(product)}` states no carton marking",
            'add `carton marking "BUYER / SKU / N pcs"`',
        )


def _marked(packaging) -> bool:
    """A carton marking for all cartons, or a marking in a named carton's block."""
    if walk.has(packaging.statements, ast.CartonMarking):
        return True
    cartons = walk.every(packaging.statements, ast.Carton)
    return any(walk.has(carton.statements, ast.Marking) for carton in cartons)
