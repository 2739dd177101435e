"""A retail product with a marking but no barcode.

## What it does

Notes a product that has a `marking` (so it is labelled for sale) but no
`barcode` statement.

## Why it matters

Retailers and marketplaces reject goods whose barcode is missing, unreadable
or not the one registered for the item. Stating the EAN-13 or UPC-A code
lets TACL verify its check digit now and the inspector scan it later.
Goods that are not sold at retail need no barcode; silence the note there.

## Example

```tacl
    marking "DL-200 / Made in China"
```

## Instead

```tacl
    marking "DL-200 / Made in China"
    barcode EAN-13 "4006381333931"
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-barcode"


def check(ctx):
    for product in walk.products(ctx.module):
        if walk.has(product.statements, ast.Marking) and not walk.has(
            product.statements, ast.Barcode
        ):
            yield ctx.report(
                ctx.head(product),
                f"product `{walk.sku(product)}` is marked for retail but has no barcode",
                'add `barcode EAN-13 "…"` (or UPC-A), or silence this note if not sold at retail',
            )
