"""A named shipment that carries no goods.

## What it does

Fires on a named `shipment "NAME" { … }` block without any `goods` line.

## Why it matters

A named shipment's goods lines say what that call-off or split delivery must
hold, and they are what a late penalty and a refund of affected goods are
computed on. Without them the shipment's quantity cannot be checked, its late
penalty is zero and a late shipment refunds nothing, which is seldom what the
buyer agreed.

## Example

```tacl
  shipment "green" {
    ship by 2026-08-21
  }
```

## Instead

```tacl
  shipment "green" {
    ship by 2026-08-21
    goods "HD320-GRN-S" 300 pcs
    goods "HD320-GRN-M" 500 pcs
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "shipment-without-goods"


def check(ctx):
    for shipment in walk.shipments(ctx.statements):
        if shipment.name is None or walk.has(shipment.statements, ast.Goods):
            continue
        yield ctx.report(
            ctx.head(shipment),
            f'shipment "{shipment.name.raw}" carries no goods',
            'add a `goods "SKU" QUANTITY` line for each product it carries',
        )
