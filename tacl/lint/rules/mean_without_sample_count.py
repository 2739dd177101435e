"""A mean or a Cpk required without saying on how many samples.

## What it does

Fires on a measured requirement judged by its `mean`, or with `cpk at least C`,
that has no `, on N samples`.

## Why it matters

An average or a process capability means something only over enough samples:
the mean of two bottles says little about a lot of 10,000, and a Cpk from three
parts is noise. Without a count, an inspector may measure two and the clause
passes on them. With `on N samples`, a report with fewer leaves the clause
missing and says how many more are needed.

## Example

```tacl
    spec "net content" mean at least 250 ml
    dimension "bore" 10 mm ± 0.05 mm, cpk at least 1.33
```

## Instead

```tacl
    spec "net content" mean at least 250 ml, on 20 samples
    dimension "bore" 10 mm ± 0.05 mm, cpk at least 1.33, on 30 samples
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "mean-without-sample-count"


def check(ctx):
    for product in walk.products(ctx.module):
        seen = set()
        for item in walk.measured(product):
            stmt = item.stmt
            modifiers = getattr(stmt, "modifiers", ())
            if id(stmt) in seen or any(isinstance(m, ast.OnSamples) for m in modifiers):
                continue
            seen.add(id(stmt))
            cpk = next((m for m in modifiers if isinstance(m, ast.CpkAtLeast)), None)
            if getattr(stmt, "statistic", "each") == "mean":
                what = "a mean"
            elif cpk is not None:
                what = "a Cpk"
            else:
                continue
            yield ctx.report(
                stmt,
                f"{what} is required of `{item.label}` without a number of samples",
                f"add `, on N samples` (such as `on {30 if cpk else 20} samples`): "
                "fewer samples in a report then leave the clause missing",
            )
