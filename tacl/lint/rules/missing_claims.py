"""No claims terms stated: the default windows apply.

## What it does

Notes a contract without a `claims` block, or a `claims` block that leaves out
the `quality claim` window or the `supplier response` time.

## Why it matters

The defaults — a quality claim within 15 days after customs clearance or
90 days after shipment, a supplier response within 15 days — decide whether a
post-delivery claim is in time. A buyer who does not know them may inspect
too late and lose the claim. Stating them puts the deadline in front of
everyone who reads the contract.

## Example

```tacl
contract "NB-PO-26-0318" {
  supplier "Padma Knit Composite Ltd., Gazipur"
  protection post-delivery
}
```

## Instead

```tacl
contract "NB-PO-26-0318" {
  supplier "Padma Knit Composite Ltd., Gazipur"
  protection post-delivery
  claims {
    quality claim within 10 days after delivery or 60 days after shipment
    supplier response within 10 days
  }
}
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "missing-claims"
QUALITY_DEFAULT = "quality claim within 15 days after customs clearance or 90 days after shipment"
RESPONSE_DEFAULT = "supplier response within 15 days"


def check(ctx):
    block = walk.block(ctx.statements, "claims")
    if block is None:
        yield ctx.report(
            ctx.head(ctx.module.contract),
            f"no claims block: the defaults apply (`{QUALITY_DEFAULT}`; `{RESPONSE_DEFAULT}`)",
            "state the claim terms in a `claims { ... }` block",
        )
        return
    for kind, default in (
        (ast.QualityClaim, QUALITY_DEFAULT),
        (ast.SupplierResponse, RESPONSE_DEFAULT),
    ):
        if not walk.has(block.statements, kind):
            yield ctx.report(
                ctx.head(block),
                f"the claims block leaves out `{default.split(' within')[0]}`: "
                f"the default applies (`{default}`)",
                f"add `{default}` or the terms agreed",
            )
