"""A late penalty without a cap.

## What it does

Fires on `late penalty R % per day` (or `per week`) without `, at most C %`.

## Why it matters

A penalty that grows without limit is what suppliers refuse to sign, and in
many legal systems a court may cut down a penalty it finds excessive, so the
buyer cannot count on the amount. Purchase contracts cap it, typically at 5 to
10 % of the late goods' value; the cap also says when the penalty stops
growing and the buyer's right to cancel takes over.

## Example

```tacl
  remedies {
    late penalty 0.5 % per day
  }
```

## Instead

```tacl
  remedies {
    late penalty 0.5 % per day, at most 10 %
    cancel if more than 21 days late
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "penalty-without-cap"


def check(ctx):
    remedies = walk.block(ctx.statements, "remedies")
    if remedies is None:
        return
    for stmt in walk.every(remedies.statements, ast.LatePenalty):
        if stmt.cap is None:
            yield ctx.report(
                stmt,
                f"`late penalty {stmt.rate.text} % per {stmt.period}` has no cap",
                "add `, at most 10 %` (or the cap agreed): penalties are capped at a share of "
                "the late goods' value",
            )
