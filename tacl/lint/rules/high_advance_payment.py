"""An advance payment above the usual share of the order value.

## What it does

Fires when the `advance payment` is more than `max-advance-percent` percent
(default 50) of the order value, whether it is written in % or as an amount.

## Why it matters

The advance is money the buyer has paid before seeing any goods. The usual
terms are 30 % before and 70 % against the shipping documents, so the supplier
still has most of its payment to earn. With a large advance the supplier has
little reason to fix defects, and under post-delivery protection the refund
may be the buyer's only way back to that money.

## Example

```tacl
  advance payment 80 %
```

## Instead

```tacl
  advance payment 30 %
```

## Settings

`max-advance-percent` (default 50), in `[tool.tacl]`.
"""

from decimal import Decimal

from tacl.compile.currencies import format_amount
from tacl.lint import walk
from tacl.syntax import ast

NAME = "high-advance-payment"
SETTINGS = {"max-advance-percent": 50}


def check(ctx):
    contract = ctx.contract
    advance, value = contract.advance_payment, contract.order_value
    if advance is None or not value:
        return
    limit = ctx.settings["max-advance-percent"]
    share = advance * 100 / value
    if share > limit:
        code = contract.currency
        yield ctx.report(
            walk.first(ctx.statements, ast.AdvancePayment),
            f"advance payment {format_amount(advance, code)} {code} is "
            f"{_percent(share)} % of the order value, more than {limit} %",
            "keep most of the payment for after inspection, e.g. 30 % before, 70 % after "
            "(setting `max-advance-percent`)",
        )


def _percent(share: Decimal) -> str:
    return format(share.quantize(Decimal("0.1")).normalize(), "f")
