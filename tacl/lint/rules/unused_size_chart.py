"""A size chart that no product uses.

## What it does

Fires on a `size chart` that no product takes a size from
(`size chart "NAME" size M`).

## Why it matters

A chart that no product refers to checks nothing: its measurements are not
requirements of any SKU, however carefully they were agreed. Usually a
product names the chart with a typo's twin, or states its measurements
again by hand, and the two drift apart.

## Example

```tacl
  size chart "HD320" cm ± 1.5 {
    sizes S, M, L
    "half chest" 54, 57, 60
  }
  product "HD320-HGR-M" {
    dimension "half chest" 57 cm ± 1.5 cm
  }
```

## Instead

```tacl
  size chart "HD320" cm ± 1.5 {
    sizes S, M, L
    "half chest" 54, 57, 60
  }
  product "HD320-HGR-M" {
    size chart "HD320" size M
  }
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "unused-size-chart"


def check(ctx):
    written = ctx.written.contract.statements
    used = {
        stmt.chart.raw
        for product in walk.every(written, ast.Product)
        for stmt in product.statements
        if isinstance(stmt, ast.SizeChartRef)
    }
    for chart in walk.every(written, ast.SizeChart):
        if chart.name.raw not in used:
            yield ctx.report(
                ctx.head(chart),
                f'no product uses size chart "{chart.name.raw}"',
                f'add `size chart "{chart.name.raw}" size …` to the products it measures',
            )
