"""A quantity tolerance wider than the usual ± 10 %.

## What it does

Fires when a product's quantity lets the shipped amount stray from the
nominal quantity by more than `max-quantity-tolerance` percent (default 10)
in either direction, with `± T`, `+A/-B` or `between A and B`.

## Why it matters

Over- and under-shipment allowances in trade are a few percent. A wide one
lets a supplier ship 30 % short, invoice the difference away and still be
compliant, and leaves the buyer short of stock with no claim. When a range is
really meant, make it a deliberate, documented decision.

## Example

```tacl
    quantity 1000 pcs ± 30 %
```

## Instead

```tacl
    quantity 1000 pcs ± 3 %
```

## Settings

`max-quantity-tolerance` (percent, default 10), in `[tool.tacl]`.
"""

from fractions import Fraction

from tacl.lint import walk
from tacl.syntax import ast

NAME = "wide-quantity-tolerance"
SETTINGS = {"max-quantity-tolerance": 10}


def check(ctx):
    limit = Fraction(ctx.settings["max-quantity-tolerance"])
    for product in walk.products(ctx.module):
        stmt = walk.first(product.statements, ast.Quantity)
        if stmt is None or not isinstance(stmt.constraint, (ast.Toleranced, ast.Between)):
            continue
        resolved = walk.resolve(ctx.source, stmt.constraint)
        if resolved is None:
            continue
        spread = _spread(resolved)
        if spread is not None and spread > limit:
            low, high = resolved.interval.low, resolved.interval.high
            yield ctx.report(
                stmt.constraint,
                f"quantity of `{walk.sku(product)}` may be off by {_percent(spread)} %: "
                f"anything from {walk.shown(low, resolved.unit)} to "
                f"{walk.shown(high, resolved.unit)} passes",
                f"keep the tolerance within ± {limit} % (setting `max-quantity-tolerance`)",
            )


def _spread(resolved) -> Fraction | None:
    """The largest deviation from the nominal, in percent of it."""
    low, high = resolved.interval.low, resolved.interval.high
    nominal = resolved.nominal if resolved.nominal is not None else (low + high) / 2
    if not nominal:
        return None
    return max(nominal - low, high - nominal) * 100 / nominal


def _percent(value: Fraction) -> str:
    from tacl.standards.exact import format_fraction

    return format_fraction(round(value, 1))
