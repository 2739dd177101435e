"""`at least` on something that is usually a maximum, or `at most` on a usual minimum.

## What it does

Fires on `at least` for a carton weight or a spec that is by nature a limit
from above (moisture, shrinkage, noise, lead, formaldehyde …), and on
`at most` for a quantity or a spec that is by nature a limit from below
(strength, capacity, lifetime, luminous flux, colour fastness …, or any value
in mAh or lm).

## Why it matters

The words are easy to swap and the mistake is invisible until a dispute:
`carton weight at least 25 kg` accepts a 60 kg carton that no warehouse will
lift, and `quantity at most 1000 pcs` accepts a shipment of ten. The contract
then protects the supplier, not the buyer.

## Example

```tacl
    spec moisture at least 12 %
    packaging {
      carton weight at least 25 kg
    }
```

## Instead

```tacl
    spec moisture at most 12 %
    packaging {
      carton weight at most 25 kg
    }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "wrong-limit-direction"

USUAL_MAXIMA = (
    "carton weight", "moisture", "humidity", "shrinkage", "noise", "lead", "cadmium",
    "mercury", "formaldehyde", "phthalate", "nickel", "voc", "leakage", "defect", "odour",
    "odor", "standby",
)  # fmt: skip
USUAL_MINIMA = (
    "quantity", "strength", "capacity", "lifetime", "life", "flux", "brightness", "fastness",
    "cycles", "tear", "burst", "load", "thread count", "resistance", "endurance", "ip rating",
)  # fmt: skip
# Not energy: a maximum in Wh is the usual air-freight limit for batteries (IATA).
MINIMUM_DIMENSIONS = ("charge", "luminous flux")


def check(ctx):
    for product in walk.products(ctx.module):
        for item in walk.measured(product):
            constraint = item.constraint
            if isinstance(constraint, ast.AtLeast) and _usually(item, USUAL_MAXIMA):
                yield _finding(ctx, item, "at least", "at most", "a maximum")
            elif isinstance(constraint, ast.AtMost) and _is_minimum(item):
                yield _finding(ctx, item, "at most", "at least", "a minimum")


def _usually(item, words) -> bool:
    label = item.label.lower()
    return any(word in label for word in words)


def _is_minimum(item) -> bool:
    unit = walk.unit_of(item.constraint)
    by_unit = unit is not None and unit.dimension in MINIMUM_DIMENSIONS
    return by_unit or _usually(item, USUAL_MINIMA)


def _finding(ctx, item, written, meant, kind):
    return ctx.report(
        item.constraint,
        f"`{written}` on {item.label}, which is usually {kind}: "
        f"`{walk.written(ctx.source, item.constraint)}`",
        f"did you mean `{meant}`?",
    )
