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
    for shipment in walk.shipments(ctx.statements):
        record = ctx.contract.shipment(walk.shipment_name(shipment))
        ship, deliver = record.latest, record.deliver_by
        if ship is None or deliver is None or deliver >= ship:
            continue
        stmt = walk.first(shipment.statements, ast.DeliverBy)
        yield ctx.report(
            stmt.date,
            f"`deliver by {deliver.isoformat()}` is before the ship date "
            f"{ship.isoformat()}: both cannot be met",
            "move the delivery date after the ship date, allowing for transit time",
        )
