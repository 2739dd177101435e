"""Goods shipped in several cartons, some of which are not described.

## What it does

Fires on `cartons per unit N` when fewer than N `carton "NAME" { … }` blocks
give the cartons' sizes, weights or markings.

## Why it matters

A dresser shipped in two boxes arrives damaged when one box is too weak, too
heavy for one person, or mislabelled, and a missing box leaves a unit that
cannot be sold. The inspector can only check, and the buyer can only claim
for, the boxes the contract describes.

## Example

```tacl
    packaging {
      cartons per unit 2
      carton "case" {
        size 152 x 52 x 86 cm ± 1 cm
        weight at most 48 kg
      }
    }
```

## Instead

```tacl
    packaging {
      cartons per unit 2
      carton "case" {
        size 152 x 52 x 86 cm ± 1 cm
        weight at most 48 kg
        marking "DR-OAK-6 / BOX 1 OF 2"
      }
      carton "drawers" {
        size 140 x 50 x 40 cm ± 1 cm
        weight at most 35 kg
        marking "DR-OAK-6 / BOX 2 OF 2"
      }
    }
```
"""

from decimal import Decimal

from tacl.lint import walk
from tacl.syntax import ast

NAME = "undescribed-carton"


def check(ctx):
    for product in walk.products(ctx.module):
        packaging = walk.block(product.statements, "packaging")
        several = (
            None if packaging is None else walk.first(packaging.statements, ast.CartonsPerUnit)
        )
        if several is None:
            continue
        described = len(walk.every(packaging.statements, ast.Carton))
        wanted = int(Decimal(several.count.text.replace("_", "")))  # compiled: whole, > 0
        if described < wanted:
            yield ctx.report(
                several,
                f"`{walk.sku(product)}` ships in {wanted} cartons, but {described} "
                f"{'is' if described == 1 else 'are'} described",
                'describe each carton in a `carton "NAME" { size …; weight …; marking … }` block',
            )
