"""An AQL looser than the general standard, or a defect class left uninspected.

## What it does

Fires on an `aql` value above the general standard — critical above 0, major
above 2.5, minor above 4.0 — in any `inspection` block, and on a contract-level
`inspection` block that names no AQL for a defect class, which means that class
is not inspected at all.

## Why it matters

A higher AQL accepts a lot with more defective units in the sample: with
major 6.5 a lot of 1000 passes with 10 major defects found in 80 units.
Claims for defects the sampling plan accepts will be refused. A critical
AQL above 0 accepts units that are unsafe.

## Example

```tacl
  inspection {
    aql critical 1.0 major 6.5
  }
```

## Instead

```tacl
  inspection {
    aql critical 0 major 2.5 minor 4.0
  }
```
"""

from decimal import Decimal

from tacl.compile.ir import GENERAL_AQL
from tacl.lint import walk
from tacl.syntax import ast

NAME = "loose-aql"
LIMITS = dict(GENERAL_AQL)


def check(ctx):
    for block in _inspection_blocks(ctx.module):
        for stmt in walk.every(block.statements, ast.Aql):
            for entry in stmt.entries:
                yield from _loose(ctx, entry)
    top = walk.block(ctx.statements, "inspection")
    if top is not None:
        yield from _uninspected(ctx, top)


def _loose(ctx, entry):
    limit = LIMITS[entry.defect_class]
    if Decimal(entry.value.text.replace("_", "")) > limit:
        yield ctx.report(
            entry,
            f"`{entry.defect_class} {entry.value.text}` is looser than the general standard "
            f"({entry.defect_class} {limit})",
            f"use `{entry.defect_class} {limit}` unless a looser plan was agreed on purpose",
        )


def _uninspected(ctx, block):
    named = {e.defect_class for s in walk.every(block.statements, ast.Aql) for e in s.entries}
    missing = [name for name in LIMITS if name not in named]
    if missing and named:
        listed = ", ".join(f"`{m}`" for m in missing)
        yield ctx.report(
            ctx.head(block),
            f"this inspection block names no AQL for {listed}: those defects are not inspected",
            "name every class: `aql critical 0 major 2.5 minor 4.0`",
        )


def _inspection_blocks(module):
    top = walk.block(module.contract.statements, "inspection")
    if top is not None:
        yield top
    for product in walk.products(module):
        own = walk.block(product.statements, "inspection")
        if own is not None:
            yield own
