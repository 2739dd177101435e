"""A continuous measurement without a tolerance.

## What it does

Fires on a size, dimension, weight, carton size, carton weight, numeric spec
or quantity by mass, volume or length that is written as a bare value
(`weight 1.2 kg`), with no `±`, `between`, `at least` or `at most`. Counts
(`1000 pcs`) are exact by nature and are not reported.

## Why it matters

A bare value passes only when the measurement is exactly that value. No real
lamp weighs exactly 1.200 kg, so every inspection fails it — and a supplier
will refuse a contract read that way, or argue in a dispute that "1.2 kg"
obviously meant "about". Either way the requirement is not usable.

## Example

```tacl
    weight 1.2 kg
    size 420 x 180 x 120 mm
```

## Instead

```tacl
    weight 1.2 kg ± 50 g
    size 420 x 180 x 120 mm ± 2 mm
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-tolerance"


def check(ctx):
    for product in walk.products(ctx.module):
        seen = set()
        for item in walk.measured(product):
            constraint = item.constraint
            if not isinstance(constraint, ast.Exact) or not walk.is_continuous(constraint):
                continue
            node = _reported_node(item)
            if id(node) in seen:
                continue
            seen.add(id(node))
            text = walk.written(ctx.source, node)
            yield ctx.report(
                node,
                f"`{text}` has no tolerance: only exactly that value passes",
                f"add a tolerance, such as `{text} ± 2 %`, or write `between A and B`",
            )


def _reported_node(item):
    """A size is reported once, on all its axes; anything else on its value."""
    axes = getattr(item.stmt, "axes", None)
    return axes if axes is not None else item.constraint
