"""The supplier may take longer to respond than the quality claim window lasts.

## What it does

Fires when the `supplier response` time is longer than the shortest
`quality claim` window (defaults included). Weeks count as 7 days and
business days as 7/5 of a day, which is exact over whole weeks.

## Why it matters

The buyer may apply for a refund only after the supplier's response time has
passed. When that time is longer than the claim window, the goods may be
sold, used or mixed with other stock before the dispute can go any further,
and a supplier can simply run out the clock.

## Example

```tacl
  claims {
    quality claim within 15 days after customs clearance
    supplier response within 30 days
  }
```

## Instead

```tacl
  claims {
    quality claim within 15 days after customs clearance
    supplier response within 10 days
  }
```
"""

from fractions import Fraction

from tacl.lint import walk
from tacl.syntax import ast

NAME = "response-outlasts-claim-window"
DAYS = {"days": Fraction(1), "weeks": Fraction(7), "business days": Fraction(7, 5)}


def check(ctx):
    claims = ctx.contract.claims
    response = _days(claims.supplier_response)
    window = min(claims.quality_windows, key=lambda w: _days(w.duration))
    if response <= _days(window.duration):
        return
    block = walk.block(ctx.statements, "claims")
    stmt = walk.first(block.statements, ast.SupplierResponse) if block else None
    yield ctx.report(
        stmt if stmt is not None else ctx.head(block or ctx.module.contract),
        f"the supplier has {claims.supplier_response} to respond, longer than the "
        f"quality claim window of {window.duration} after {window.event}",
        f"shorten the response time to at most {window.duration}",
    )


def _days(duration) -> Fraction:
    return duration.amount * DAYS[duration.unit]
