"""A delivery date before the ship date.

## What it does

Fires when `deliver by` is earlier than the latest ship date (`ship by`, or the
second date of `ship between`).

## Why it matters

The two dates contradict each other: a supplier who ships on the last allowed
day cannot deliver in time, so one of the two clauses is bound to fail. In a
dispute the supplier will argue that the contract was impossible to meet, and
the late-shipment or late-delivery claim is weakened.

## Example

```tacl
  shipment {
    ship by 2026-03-15
    deliver by 2026-03-01
  }
```

## Instead

```tacl
  shipment {
    ship by 2026-03-15
    deliver by 2026-04-20
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "delivery-before-shipment"


def check(ctx):
    clauses = {c.path: c for c in ctx.contract.clauses if c.path.startswith("shipment.")}
    ship, deliver = clauses.get("shipment.ship-by"), clauses.get("shipment.deliver-by")
    if ship is None or deliver is None or deliver.latest >= ship.latest:
        return
    shipment = walk.block(ctx.statements, "shipment")
    stmt = walk.first(shipment.statements, ast.DeliverBy)
    yield ctx.report(
        stmt.date,
        f"`deliver by {deliver.latest.isoformat()}` is before the ship date "
        f"{ship.latest.isoformat()}: both cannot be met",
        "move the delivery date after the ship date, allowing for transit time",
    )
