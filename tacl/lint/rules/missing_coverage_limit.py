"""The contract states no coverage limit.

## What it does

Fires when the contract has no `coverage limit` statement.

## Why it matters

A buyer-protection scheme refunds up to the coverage limit the platform
granted for this order, not up to whatever the contract says. When the
contract is silent, TACL assumes no cap, and the buyer may believe the whole
order is protected when it is not. Writing the limit down makes the gap
visible before the contract is signed.

## Example

```tacl
  protection post-delivery
```

## Instead

```tacl
  protection post-delivery
  coverage limit 12500 USD
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-coverage-limit"


def check(ctx):
    if walk.has(ctx.statements, ast.CoverageLimit):
        return
    contract = ctx.contract
    amount = ""
    if contract.order_value is not None and contract.currency:
        amount = f" (the order value is {_money(contract.order_value, contract.currency)})"
    yield ctx.report(
        ctx.head(ctx.module.contract),
        f"no coverage limit: how much of the order is protected is not stated{amount}",
        "add `coverage limit AMOUNT CODE`, as granted for this order",
    )


def _money(amount, code) -> str:
    from tacl.compile.currencies import format_amount

    return f"{format_amount(amount, code)} {code}"
