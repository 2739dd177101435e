"""No inspection block: the general standard applies.

## What it does

Notes a contract without an `inspection` block at its top level when at least
one product has no `inspection` block of its own either.

## Why it matters

Such products are inspected to the general standard: ISO 2859-1 level II,
AQL critical 0, major 2.5, minor 4.0. That is a fair default, but a supplier
who has never read the standard may dispute a rejection "nobody agreed to".
Writing the plan down costs two lines and ends that argument.

## Example

```tacl
contract "PO-2026-0412" {
  product "DL-200" {
    quantity 1000 pcs
  }
}
```

## Instead

```tacl
contract "PO-2026-0412" {
  product "DL-200" {
    quantity 1000 pcs
  }
  inspection {
    standard ISO 2859-1 level II
    aql critical 0 major 2.5 minor 4.0
  }
}
```
"""

from tacl.lint import walk

NAME = "missing-inspection"


def check(ctx):
    if walk.has(ctx.statements, "inspection"):
        return
    bare = [p for p in walk.products(ctx.module) if not walk.has(p.statements, "inspection")]
    if not bare:
        return
    yield ctx.report(
        ctx.head(ctx.module.contract),
        "no inspection block: the general standard applies "
        "(ISO 2859-1 level II, AQL critical 0, major 2.5, minor 4.0)",
        "state it in an `inspection { ... }` block so both parties have read it",
    )
