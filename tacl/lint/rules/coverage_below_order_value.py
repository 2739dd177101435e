"""A coverage limit below the amount a claim could reach.

## What it does

Fires when the `coverage limit` is below the amount a refund would be: the
order value under `protection post-delivery`, the advance payment under
`protection pre-shipment`. The message says how much stays unprotected.

## Why it matters

The refund is capped by the coverage limit. Whatever lies above it is the
buyer's own risk: with a 10 000 USD limit on a 25 000 USD order, 15 000 USD of
goods can go wrong with no refund at all. The buyer should know that before
paying, and ask for more coverage or a smaller order.

## Example

```tacl
  coverage limit 10000 USD    # the order is worth 25000 USD
```

## Instead

```tacl
  coverage limit 25000 USD
```
"""

from tacl.compile.currencies import format_amount
from tacl.lint import walk
from tacl.syntax import ast

NAME = "coverage-below-order-value"


def check(ctx):
    contract = ctx.contract
    stmt = walk.first(ctx.statements, ast.CoverageLimit)
    claimable, what = _claimable(contract)
    if stmt is None or claimable is None or contract.coverage_limit is None:
        return
    gap = claimable - contract.coverage_limit
    if gap <= 0:
        return
    code = contract.currency
    yield ctx.report(
        stmt.money,
        f"coverage limit {format_amount(contract.coverage_limit, code)} {code} is below "
        f"the {what} {format_amount(claimable, code)} {code}: "
        f"{format_amount(gap, code)} {code} of the order stays unprotected",
        "ask for a higher coverage limit, or split the order",
    )


def _claimable(contract):
    """What a refund could reach: the advance (pre-shipment) or the order value."""
    if contract.protection == "pre-shipment" and contract.advance_payment is not None:
        return contract.advance_payment, "advance payment"
    return contract.order_value, "order value"
