"""An inspection level that samples fewer units than the general level II.

## What it does

Fires on `standard ISO 2859-1 level I` and on the special levels `S-1` to
`S-4` in any `inspection` block.

## Why it matters

The inspection level sets the sample size. Level I inspects about 40 % as
many units as level II; the special levels far fewer. Defects that a level II
sample would find slip through, and the buyer has agreed in advance that the
smaller sample decides. Special levels are meant for destructive or costly
tests, named as such.

## Example

```tacl
  inspection {
    standard ISO 2859-1 level S-2
  }
```

## Instead

```tacl
  inspection {
    standard ISO 2859-1 level II
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "reduced-inspection-level"
REDUCED = ("I", "S-1", "S-2", "S-3", "S-4")


def check(ctx):
    blocks = [walk.block(ctx.statements, "inspection")]
    blocks += [walk.block(p.statements, "inspection") for p in walk.products(ctx.module)]
    for block in blocks:
        if block is None:
            continue
        for stmt in walk.every(block.statements, ast.Standard):
            if stmt.level.text in REDUCED:
                yield ctx.report(
                    stmt.level,
                    f"inspection level `{stmt.level.text}` samples fewer units than "
                    "the general level II",
                    "use `level II` unless a smaller sample was agreed on purpose",
                )
