"""A limit written into a test's name, where only `pass` or `fail` is judged.

## What it does

Fires on a `test` whose name states a limit — a comparison (`≥`, `<`, `min`,
`max`, `at least`, `not more than` …) next to a number with a unit, as in
`test "sole bond ≥ 3 N/mm" passes`. Test conditions without a comparison
(`test "hi-pot 1500 V 1 s" passes`) are fine.

## Why it matters

A test clause is judged on `pass` or `fail` alone: the limit in its name is
never compared with anything. The inspector's measured 2.6 N/mm is either
refused by the report reader (a measured value where `pass` or `fail` is
expected) or reported as a `pass` no one can check. A `spec` compares the
measured value with the limit, exactly, in any unit of the dimension.

## Example

```tacl
    test "sole bond ≥ 3 N/mm" passes
    test "leakage current max 0.25 mA" passes on 10 units
```

## Instead

```tacl
    spec "sole bond" at least 3 N/mm
    spec "leakage current" at most 0.25 mA, on 10 samples
```
"""

import re

from tacl.lint import walk
from tacl.standards.compound import lookup
from tacl.syntax import ast

NAME = "measurement-in-test-name"

_LIMIT = re.compile(
    r"(≥|≤|>=|<=|<|>|\b(?:min|max|minimum|maximum|at least|at most|not (?:more|less) than"
    r"|no (?:more|less) than|under|over|below|above)\b\.?)"
    r"\s*(\d+(?:[.,]\d+)?)\s*([^\s\d,;)]+)",
    re.IGNORECASE,
)


def check(ctx):
    for product in walk.products(ctx.module):
        for stmt in _tests(product):
            if not isinstance(stmt.name, ast.Text):
                continue
            match = next(
                (m for m in _LIMIT.finditer(stmt.name.raw) if lookup(m.group(3)) is not None), None
            )
            if match is None:
                continue
            limit = f"{match.group(2)} {match.group(3)}"
            yield ctx.report(
                ctx.inside(stmt.name, match.start(), match.end() - match.start()),
                f"the test `{stmt.name.raw}` names a limit, {limit}, that nothing judges",
                "state the measurement as a `spec` with its limit, such as "
                f'`spec "{stmt.name.raw[: match.start()].strip() or "value"}" '
                f"{_bound(match.group(1))} {limit}`",
            )


def _tests(product):
    for stmt in product.statements:
        if isinstance(stmt, ast.Test):
            yield stmt
        elif isinstance(stmt, ast.Block) and stmt.kind == "packaging":
            yield from (s for s in stmt.statements if isinstance(s, ast.Test))


def _bound(comparison: str) -> str:
    word = comparison.lower()
    low = ("≥", ">=", ">", "min", "minimum", "at least", "not less than", "no less than", "over")
    return "at least" if word.rstrip(".") in low or word.startswith("above") else "at most"
