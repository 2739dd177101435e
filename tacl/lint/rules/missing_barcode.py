"""A retail product with a marking but no barcode.

## What it does

Notes a product that has a `marking` (so it is labelled for sale) but no
`barcode` statement. It stays silent when the only marking is a material code
for recyclers (`>PP<`, `PET 1`, `♷`), and for goods that are not sold on a
shelf: shipping, master and export cartons, bulk bags (FIBC, "SWL 1000 kg"),
pallets, drums and IBCs, as the SKU, description or marking names them.

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

import re

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-barcode"

# Goods that travel or are used in bulk, not sold on a shelf: their markings are
# handling or load marks, not retail labels.
_NOT_RETAIL = re.compile(
    r"(?<![\w-])(?:shipping|master|export|outer|mailer)\s+(?:cartons?|box(?:es)?)"
    r"|(?<![\w-])(?:bulk|big|jumbo|tonne|ton|fibc)\s+bags?(?![\w-])"
    r"|(?<![\w-])(?:fibcs?|pallets?|drums?|ibcs?|totes?|intermediate\s+bulk)(?![\w-])"
    r"|(?<![\w-])swl(?![\w-])|safe\s+working\s+load",
    re.IGNORECASE,
)
# A moulded or printed material code (ISO 11469 `>PP<`, resin codes 1-7 `PET 1`,
# `♳`…`♹`, `PAP 20`): it tells a recycler the material, it is no retail label.
_MATERIAL_CODE = re.compile(
    r"^\s*(?:>\s*[A-Z][A-Z0-9+\-/ ]*<|[\u2673-\u2679]"
    r"|(?:PETE?|HDPE|PE-?HD|PVC|V|LDPE|PE-?LD|PP|PS|O|OTHER|PAP|ALU|FE|GL|C/PAP)\s*\d{0,2}"
    r"|\d{1,2}\s*(?:PETE?|HDPE|PVC|LDPE|PP|PS|OTHER))"
    r"(?:\s*[/,;]\s*(?:recyclable|recycle|♻)\S*)?\s*$",
    re.IGNORECASE,
)


def check(ctx):
    for product in walk.products(ctx.module):
        markings = walk.every(product.statements, ast.Marking)
        if not markings or walk.has(product.statements, ast.Barcode):
            continue
        if all(_MATERIAL_CODE.match(m.text.raw) for m in markings):
            continue  # only a recycling code is moulded or printed on it
        if any(_NOT_RETAIL.search(text) for text in _names(product)):
            continue
        yield ctx.report(
            ctx.head(product),
            f"product `{walk.sku(product)}` is marked for retail but has no barcode",
            'add `barcode EAN-13 "…"` (or UPC-A), or silence this note if not sold at retail',
        )


def _names(product: ast.Product) -> list[str]:
    """What the product is called: its SKU, description and markings."""
    texts = [product.sku.raw]
    texts += [s.text.raw for s in walk.every(product.statements, ast.Description)]
    texts += [m.text.raw for m in walk.every(product.statements, ast.Marking)]
    return texts
