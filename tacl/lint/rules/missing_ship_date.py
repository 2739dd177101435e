"""The contract states no ship date.

## What it does

Fires when the contract has no `ship by` or `ship between` date in a
`shipment` block.

## Why it matters

Late shipment is the most common buyer-protection claim, and it can only be
made against a date the contract states. Without one, a supplier may ship
whenever it likes and the buyer has no ground for a refund.

## Example

```tacl
  shipment {
    incoterm FOB "Shenzhen"
  }
```

## Instead

```tacl
  shipment {
    ship by 2026-03-15
    incoterm FOB "Shenzhen"
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-ship-date"


def check(ctx):
    shipments = walk.shipments(ctx.statements)
    if not shipments:
        yield ctx.report(
            ctx.head(ctx.module.contract),
            "no ship date: late shipment cannot be claimed",
            "add `ship by YYYY-MM-DD` to the `shipment` block",
        )
    for shipment in shipments:
        if walk.first(shipment.statements, (ast.ShipBy, ast.ShipBetween)):
            continue
        named = shipment.name is not None
        yield ctx.report(
            ctx.head(shipment),
            f'no ship date for shipment "{shipment.name.raw}": its late shipment cannot be claimed'
            if named
            else "no ship date: late shipment cannot be claimed",
            "add `ship by YYYY-MM-DD` to the `shipment` block",
        )
