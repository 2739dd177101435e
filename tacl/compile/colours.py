"""Colour statements to colour clauses: hex and Lab targets, names, pantone, ral, ΔE."""

from __future__ import annotations

from decimal import Decimal

from tacl.colorimetry import LAB_AB_LIMIT
from tacl.compile import values
from tacl.compile.ir import ColourClause, Location, decimal_text
from tacl.syntax import ast

FORMULAS = {"dE": "dE00", "ΔE": "dE00", "dE00": "dE00", "dE76": "dE76"}
_FORMS_HELP = 'write `#RRGGBB`, `lab(L, a, b)`, `pantone "…"`, `ral "…"` or a name in quotes'


def compile_colour(rep, stmt: ast.Color, path: str, where: Location) -> ColourClause | None:
    colour = stmt.colour
    resolved = _target(rep, colour)
    if resolved is None:
        return None
    form, text, lab, shown = resolved
    tolerance, formula = None, "dE00"
    if stmt.tolerance is not None:
        if lab is None:
            rep.error(
                "E210",
                "tolerance-needs-lab",
                f"a `± {stmt.tolerance.amount.text} {stmt.tolerance.formula}` tolerance needs "
                "a colour with a Lab value",
                stmt.tolerance,
                "give the target as `#RRGGBB` or `lab(L, a, b)`, or drop the tolerance",
            )
            return None
        tolerance = values.number(rep, stmt.tolerance.amount)
        if tolerance is None:
            return None
        formula = FORMULAS[stmt.tolerance.formula]
        suffix = "dE76" if formula == "dE76" else "dE"
        shown = f"{shown} ± {decimal_text(tolerance)} {suffix}"
    written = _as_written(stmt, shown)
    return ColourClause(
        path, shown, form, text, lab, tolerance, formula, written=written, location=where
    )


def _as_written(stmt: ast.Color, shown: str) -> str | None:
    """A Lab target and a ΔE tolerance with the decimals the contract wrote
    (`lab(68.0, 4.5, 38.0) ± 2.0 dE`, shown by value as `lab(68, 4.5, 38) ± 2 dE`),
    or None when that is what `shown` says already."""
    colour, written = stmt.colour, shown
    if isinstance(colour, ast.ColourLab):
        parts = (colour.l, colour.a, colour.b)
        numbers = ", ".join(
            ("-" if neg else "") + _digits(n) for n, neg in zip(parts, colour.signs)
        )
        written = f"lab({numbers})" + written[written.index(")") + 1 :]
    if stmt.tolerance is not None:
        target, _, rest = written.rpartition(" ± ")
        written = f"{target} ± {_digits(stmt.tolerance.amount)} {rest.split(' ', 1)[1]}"
    return None if written == shown else written


def _digits(number: ast.Num) -> str:
    return number.text.replace("_", "")  # `1_000` is shown `1000`, as everywhere


def _target(rep, colour):
    """(form, normalised text, Lab or None, text to show) for a colour target."""
    if isinstance(colour, ast.ColourHex):
        from tacl.colorimetry import hex_to_lab

        text = colour.text.upper()
        return "hex", text, hex_to_lab(text), text
    if isinstance(colour, ast.ColourLab):
        numbers = [values.number(rep, n) for n in (colour.l, colour.a, colour.b)]
        if None in numbers:
            return None
        signed = [-n if neg else n for n, neg in zip(numbers, colour.signs)]
        if not Decimal(0) <= signed[0] <= Decimal(100):
            rep.error(
                "E213",
                "invalid-color",
                f"lightness L = {signed[0]} is outside 0 to 100",
                colour.l,
                "CIELAB lightness runs from 0 (black) to 100 (white)",
            )
            return None
        for value, node in zip(signed[1:], (colour.a, colour.b)):
            if not -LAB_AB_LIMIT <= value <= LAB_AB_LIMIT:
                rep.error(
                    "E213",
                    "invalid-color",
                    f"a or b = {value} is outside -{LAB_AB_LIMIT} to {LAB_AB_LIMIT}",
                    node,
                    "real surface colours have a and b well inside ±128",
                )
                return None
        text = "lab(" + ", ".join(decimal_text(n) for n in signed) + ")"
        return "lab", text, tuple(float(n) for n in signed), text
    if isinstance(colour, (ast.ColourPantone, ast.ColourRal)):
        form = "pantone" if isinstance(colour, ast.ColourPantone) else "ral"
        code = (
            colour.code.text if isinstance(colour.code, ast.Num) else values.text(rep, colour.code)
        )
        if code is None:
            return None
        return form, f"{form} {values.fold(code)}", None, f'{form} "{code}"'
    if isinstance(colour, ast.ColourName):
        name = values.text(rep, colour.name)
        if name is None:
            return None
        return "name", values.fold(name), None, f'"{name}"'
    rep.error(
        "E103",
        "unknown-color-form",
        f"unknown colour form `{colour.form.text}(…)`",
        colour,
        _FORMS_HELP,
    )
    return None
