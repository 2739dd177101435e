"""`at least` on something that is usually a maximum, or `at most` on a usual minimum.

## What it does

Fires on `at least` for a carton weight or a spec that is by nature a limit
from above (moisture, shrinkage, noise, lead, formaldehyde …), and on
`at most` for a quantity or a spec that is by nature a limit from below
(strength, capacity, lifetime, luminous flux, colour fastness …, or any value
in mAh or lm). Names are matched as whole words, and only the part before a
condition counts: `spec "THD at full load" at most 3 %` limits THD, measured at
full load, so it is not a load.

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

import functools
import re

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
    """Whether what the item measures is one of `words`, matched as whole words.

    Only the part of a spec's name before a condition counts: in "THD at full
    load" the spec measures THD, and "load" is the condition it is measured at.
    """
    return _words_pattern(words).search(_measured_part(item.label)) is not None


# Words that start the condition a value is measured under, not the value itself.
_CONDITION = re.compile(
    r"\s(?:at|under|after|before|during|per|with|without|to|for|in|on|from|@)\s.*\Z|\s@.*\Z",
    re.IGNORECASE,
)


def _measured_part(label: str) -> str:
    return _CONDITION.sub("", label.casefold())


@functools.cache
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Whole words or phrases, a plural `s`/`es` allowed: `defects` is `defect`."""
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:e?s)?(?![\w-])", re.IGNORECASE)


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
