"""A tolerance as wide as the value, so the range reaches zero or below.

## What it does

Fires on `V ± T` or `V +A/-B` where the lower bound is zero or negative: the
tolerance is at least as large as the value itself (`thickness 2 mm ± 3 mm`,
`quantity 500 pcs ± 100 %`). Temperatures are not reported, since a range
below 0 °C is a real range.

## Why it matters

Such a tolerance almost always hides a typo (`± 3 mm` for `± 0.3 mm`, a unit
mix-up) and in any case lets nearly anything pass: a zero-thickness wall, an
empty shipment. A claim cannot be made against a range that contains nothing.

## Example

```tacl
    dimension wall 2 mm ± 3 mm
```

## Instead

```tacl
    dimension wall 2 mm ± 0.3 mm
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "tolerance-exceeds-value"


def check(ctx):
    for product in walk.products(ctx.module):
        for item in walk.measured(product):
            constraint = item.constraint
            if not isinstance(constraint, ast.Toleranced):
                continue
            resolved = walk.resolve(ctx.source, constraint)
            if resolved is None or resolved.dimension == "temperature":
                continue
            low = resolved.interval.low
            if low is not None and low <= 0:
                value = walk.written(ctx.source, constraint.value)
                tolerance = walk.written(ctx.source, constraint.tolerance)
                where = "zero" if low == 0 else walk.shown(low, resolved.unit)
                yield ctx.report(
                    constraint.tolerance,
                    f"{item.label}: tolerance `{tolerance}` is as wide as the value "
                    f"`{value}`; the range reaches down to {where}",
                    "check for a typo or a wrong unit; a tolerance is a small part of the value",
                )
