"""A Pantone or RAL code with no Lab or hex reference to measure against.

## What it does

Fires on `color pantone ...` and `color ral ...`. TACL compares such a colour
by its code only, and a `± dE` tolerance needs a Lab value, which a code alone
does not give.

## Why it matters

An inspector measures colour with an instrument and reports a Lab value. A
Pantone or RAL code on its own can only be matched by eye against a swatch,
so a shade that is off passes unless the inspector writes down a different
code. Giving the reference's Lab value (from the Pantone or RAL data) with a
tolerance makes the colour measurable; keep the code in a comment for people.

## Example

```tacl
    color pantone "19-4052 TCX"
```

## Instead

```tacl
    color lab(23.7, 2.6, -31.9) ± 2 dE  # Pantone 19-4052 TCX Classic Blue
```
"""

from tacl.lint import walk
from tacl.syntax import ast

NAME = "color-code-without-lab"
_FORMS = {ast.ColourPantone: "Pantone", ast.ColourRal: "RAL"}


def check(ctx):
    for product in walk.products(ctx.module):
        for stmt in walk.every(product.statements, ast.Color):
            form = _FORMS.get(type(stmt.colour))
            if form is not None:
                yield ctx.report(
                    stmt.colour,
                    f"{form} colour `{walk.written(ctx.source, stmt.colour)}` has no Lab "
                    "reference: a measured colour cannot be compared with it",
                    f"write the {form} reference as `lab(L, a, b) ± 2 dE` and keep the "
                    "code in a comment",
                )
