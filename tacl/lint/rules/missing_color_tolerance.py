"""A measurable colour (`#RRGGBB`, `lab(...)`) without a `± dE` tolerance.

## What it does

Fires on a `color` with a hex or Lab target and no `± N dE` tolerance.

## Why it matters

Without a tolerance the colour passes only when the measured value is
exactly the target, which no dyed or moulded part ever is. Every inspection
then fails the colour, or — worse — inspectors learn to ignore the clause.
A tolerance of 1–2 ΔE00 is a usual commercial match.

## Example

```tacl
    color body #1A1A1A
```

## Instead

```tacl
    color body #1A1A1A ± 2 dE
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-color-tolerance"


def check(ctx):
    for product in walk.products(ctx.module):
        for stmt in walk.every(product.statements, ast.Color):
            if isinstance(stmt.colour, (ast.ColourHex, ast.ColourLab)) and stmt.tolerance is None:
                text = walk.written(ctx.source, stmt.colour)
                yield ctx.report(
                    stmt.colour,
                    f"colour `{text}` has no tolerance: only exactly this colour passes",
                    f"add a tolerance: `{text} ± 2 dE`",
                )
