"""Exact rationals as text: decimals that end, and a canonical form for those that do not.

Comparisons never go through text; these are for showing values (`expected`,
`actual`) and for the fingerprint, which needs one spelling per value.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def exact(number: Decimal | str) -> Fraction:
    """A decimal literal as an exact Fraction."""
    return Fraction(Decimal(number) if isinstance(number, str) else number)


def _finite_decimal(value: Fraction) -> str | None:
    """The exact decimal text of a rational, or None when its expansion does not end."""
    numerator, denominator = value.numerator, value.denominator
    if denominator == 1:
        return str(numerator)
    scale = _SCALES.get(denominator, False)
    if scale is False:
        scale = _scale(denominator)
    if scale is None:
        return None
    places, multiplier, unit = scale
    whole, frac = divmod(abs(numerator) * multiplier, unit)
    frac_text = str(frac).rjust(places, "0").rstrip("0")
    sign = "-" if numerator < 0 else ""  # a Fraction's denominator is positive
    return f"{sign}{whole}.{frac_text}" if frac_text else f"{sign}{whole}"


# denominator -> (decimal places, 10**places // denominator, 10**places), or None when
# the expansion does not end; values show the same few denominators again and again
_SCALES: dict[int, tuple[int, int, int] | None] = {}


def _scale(denominator: int) -> tuple[int, int, int] | None:
    twos = (denominator & -denominator).bit_length() - 1
    rest = denominator >> twos
    fives = 0
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    places = max(twos, fives)
    scale = None if rest != 1 else (places, 10**places // denominator, 10**places)
    if len(_SCALES) < 1024:
        _SCALES[denominator] = scale
    return scale


def format_fraction(value: Fraction) -> str:
    """A rational as a plain decimal when it has a finite expansion, else ≈ six places.

    Only for display (`expected` and `actual` texts); comparisons never use it.
    """
    text = _finite_decimal(value)
    if text is not None:
        return text
    return "≈" + (_finite_decimal(Fraction(round(value, 6))) or "0")


def format_quantity(value: Fraction, unit: str) -> str:
    """`12.5 mm`, `85 %`, `grade 4.5`, or a plain number when the unit is empty."""
    number = format_fraction(value)
    if not unit:
        return number
    if unit == "grade":
        return f"grade {number}"
    return f"{number} {unit}"


def rational_text(value: Fraction) -> str:
    """A canonical exact text for a rational (`13`, `1.25`, `1250/9`) for fingerprints."""
    text = format_fraction(value)
    return f"{value.numerator}/{value.denominator}" if text.startswith("≈") else text


def exact_decimal(value: Fraction) -> Decimal:
    """A rational with a finite decimal expansion as an exact Decimal (no context rounding)."""
    text = _finite_decimal(value)
    if text is None:
        raise ValueError(f"{value} has no finite decimal expansion")
    return Decimal(text)
