"""A colour given only as a name.

## What it does

Fires on a `color` whose target is a plain name in quotes (`color "navy"`),
which has no measurable form.

## Why it matters

Colour names mean different things to different people and factories: one
mill's "navy" is another's "midnight". With only a name, the colour passes
when the inspector writes down the same word, and a claim for a visibly wrong
shade turns on opinion. A `#RRGGBB` or `lab(...)` target with a `± dE`
tolerance is measured with a spectrophotometer and settles it.

## Example

```tacl
    color body "navy"
```

## Instead

```tacl
    color body lab(22.5, 1.8, -24.6) ± 2 dE
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "color-name-only"


def check(ctx):
    for product in walk.products(ctx.module):
        for stmt in walk.every(product.statements, ast.Color):
            if isinstance(stmt.colour, ast.ColourName):
                yield ctx.report(
                    stmt.colour,
                    f"colour `{stmt.colour.name.raw}` is only a name: it cannot be measured",
                    "give a `#RRGGBB` or `lab(L, a, b)` target with a tolerance such as `± 2 dE`",
                )
