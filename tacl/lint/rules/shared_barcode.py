"""Two products with the same barcode.

## What it does

Fires on each product whose barcode (symbology and digits) is already another
product's. A product written `like` another inherits its barcode unless it
states its own, which is how this usually happens.

## Why it matters

GS1 gives every trade item its own GTIN: each size and colour of a garment is
its own SKU with its own EAN. Two SKUs sharing one code cannot both pass a
retailer's receiving scan, and an inspector who scans the shared code on the
second SKU proves nothing about which goods were packed.

## Example

```tacl
  product "HD320-HGR-M" {
    barcode EAN-13 "4260123450021"
  }
  product "HD320-HGR-L" like "HD320-HGR-M" {
    quantity 600 pcs
  }
```

## Instead

```tacl
  product "HD320-HGR-L" like "HD320-HGR-M" {
    quantity 600 pcs
    barcode EAN-13 "4260123450038"
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "shared-barcode"


def check(ctx):
    first: dict[tuple[str, str], ast.Product] = {}
    for product in walk.products(ctx.module):
        barcode = walk.first(product.statements, ast.Barcode)
        if barcode is None:
            continue
        code = (barcode.symbology.text, barcode.digits.raw)
        other = first.setdefault(code, product)
        if other is product:
            continue
        inherited = product.like is not None and barcode not in _own(ctx, product)
        how = f', inherited through `like "{product.like.raw}"`' if inherited else ""
        yield ctx.report(
            ctx.head(product),
            f"product `{walk.sku(product)}` has the barcode of `{walk.sku(other)}` "
            f"({code[0]} {code[1]}){how}",
            f'give `{walk.sku(product)}` its own code: `barcode {code[0]} "…"`',
        )


def _own(ctx, product: ast.Product) -> tuple:
    """The statements the product states itself, as written (before `like` is expanded)."""
    for written in walk.products(ctx.written):
        if written.span == product.span:
            return written.statements
    return ()
