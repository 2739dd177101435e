"""A ship date too close to the date of signature for production.

## What it does

Fires when the latest ship date (`ship by`, or the second date of
`ship between`) is fewer than `min-production-days` days (default 30) after
`signed`.

## Why it matters

A date the supplier cannot meet is no protection: the supplier asks for an
extension the buyer can hardly refuse, or ships goods rushed through
production. Either way the late-shipment ground is lost or worthless. A
realistic date that is then missed is a claim.

## Example

```tacl
  signed 2026-01-10
  shipment {
    ship by 2026-01-20
  }
```

## Instead

```tacl
  signed 2026-01-10
  shipment {
    ship by 2026-03-15
  }
```

## Settings

`min-production-days` (default 30), in `[tool.tacl]`.
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "short-production-time"
SETTINGS = {"min-production-days": 30}


def check(ctx):
    signed = ctx.contract.signed
    if signed is None:
        return
    for shipment in walk.shipments(ctx.statements):
        yield from _check(ctx, shipment, signed)


def _check(ctx, shipment, signed):
    stmt = walk.first(shipment.statements, (ast.ShipBy, ast.ShipBetween))
    if stmt is None:
        return
    date = stmt.date if isinstance(stmt, ast.ShipBy) else stmt.latest
    days = (ctx.contract.shipment(walk.shipment_name(shipment)).latest - signed).days
    minimum = ctx.settings["min-production-days"]
    if days < minimum:
        yield ctx.report(
            date,
            f"ship date {date.text} leaves {days} day{'s' if days != 1 else ''} after "
            f"signing for production (less than {minimum})",
            "agree a date the supplier can meet; the threshold is the "
            "`min-production-days` setting",
        )
