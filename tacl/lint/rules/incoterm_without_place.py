"""An Incoterm without its named place.

## What it does

Fires on an `incoterm` statement that gives a code but no place, such as
`incoterm FOB`.

## Why it matters

Every Incoterms 2020 rule needs a named place or port: it is where risk passes
from supplier to buyer. `FOB` alone does not say which port, so who bears
damage in transit — and whether a claim is the supplier's or the carrier's —
is left open.

## Example

```tacl
    incoterm FOB
```

## Instead

```tacl
    incoterm FOB "Shenzhen"
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "incoterm-without-place"


def check(ctx):
    for shipment in walk.shipments(ctx.statements):
        yield from _check(ctx, shipment)


def _check(ctx, shipment):
    for stmt in walk.every(shipment.statements, ast.Incoterm):
        if stmt.place is None:
            yield ctx.report(
                stmt,
                f"`incoterm {stmt.code.text}` names no place",
                f'name the port or place: `incoterm {stmt.code.text} "Shenzhen"`',
            )
