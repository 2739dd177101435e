"""The unit table of language.md §3, with exact factors and affine temperatures.

Every unit maps to its dimension's base unit (mm, g, ml, gsm, pcs, V, W, mAh, Wh,
lm, °C, %) by `base = value × factor + offset`, with Fractions so that no
conversion ever rounds: 1 in is exactly 127/5 mm, 1 lb exactly 45359237/100000 g,
and 55.4 °F is exactly 13 °C. Report values are read with the same table.

We do not use pint at run time: it costs ~0.7 s to import and set up, and with
Decimal it turned 25.4 mm into 0.99999…95 in. A small table is exact and fast.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs


@attrs.frozen
class Unit:
    symbol: str
    dimension: str
    factor: Fraction
    offset: Fraction = Fraction(0)

    def to_base(self, value: Fraction) -> Fraction:
        """An absolute value in the dimension's base unit."""
        if self.factor == 1 and not self.offset:  # most units: skip Fraction arithmetic
            return value
        return value * self.factor + self.offset

    def from_base(self, value: Fraction) -> Fraction:
        if self.factor == 1 and not self.offset:
            return value
        return (value - self.offset) / self.factor

    def difference_to_base(self, value: Fraction) -> Fraction:
        """A difference (a tolerance) in the base unit: offsets do not apply."""
        return value if self.factor == 1 else value * self.factor


_F = Fraction
_INCH = _F(127, 5)  # 25.4 mm
_POUND = _F(45359237, 100000)  # 453.59237 g

_TABLE: list[tuple[tuple[str, ...], str, Fraction, Fraction]] = [
    (("mm",), "length", _F(1), _F(0)),
    (("cm",), "length", _F(10), _F(0)),
    (("m",), "length", _F(1000), _F(0)),
    (("in", "inch"), "length", _INCH, _F(0)),
    (("ft",), "length", _INCH * 12, _F(0)),
    (("mg",), "mass", _F(1, 1000), _F(0)),
    (("g",), "mass", _F(1), _F(0)),
    (("kg",), "mass", _F(1000), _F(0)),
    (("t",), "mass", _F(1000000), _F(0)),
    (("oz",), "mass", _POUND / 16, _F(0)),
    (("lb",), "mass", _POUND, _F(0)),
    (("ml",), "volume", _F(1), _F(0)),
    (("l",), "volume", _F(1000), _F(0)),
    (("gsm",), "areal density", _F(1), _F(0)),
    (("pcs", "piece", "pieces", "unit", "units"), "count", _F(1), _F(0)),
    (("dozen",), "count", _F(12), _F(0)),
    (("pairs", "pair"), "pairs", _F(1), _F(0)),
    (("sets", "set"), "sets", _F(1), _F(0)),
    (("V",), "voltage", _F(1), _F(0)),
    (("W",), "power", _F(1), _F(0)),
    (("mAh",), "charge", _F(1), _F(0)),
    (("Ah",), "charge", _F(1000), _F(0)),
    (("Wh",), "energy", _F(1), _F(0)),
    (("lm",), "luminous flux", _F(1), _F(0)),
    (("°C", "degC"), "temperature", _F(1), _F(0)),
    (("°F", "degF"), "temperature", _F(5, 9), _F(-160, 9)),
    (("%",), "ratio", _F(1), _F(0)),
]

UNITS: dict[str, Unit] = {
    alias: Unit(names[0], dimension, factor, offset)
    for names, dimension, factor, offset in _TABLE
    for alias in names
}

DIMENSION_NOUNS = {
    "length": "a length",
    "mass": "a mass",
    "volume": "a volume",
    "areal density": "an areal density",
    "count": "a count",
    "pairs": "a count of pairs",
    "sets": "a count of sets",
    "voltage": "a voltage",
    "power": "a power",
    "charge": "a charge",
    "energy": "an energy",
    "luminous flux": "a luminous flux",
    "temperature": "a temperature",
    "ratio": "a percentage",
}

COUNT_DIMENSIONS = frozenset({"count", "pairs", "sets"})


def exact(number: Decimal | str) -> Fraction:
    """A decimal literal as an exact Fraction."""
    return Fraction(Decimal(number) if isinstance(number, str) else number)


def _finite_decimal(value: Fraction) -> str | None:
    """The exact decimal text of a rational, or None when its expansion does not end."""
    denominator = value.denominator
    if denominator == 1:
        return str(value.numerator)
    twos = (denominator & -denominator).bit_length() - 1
    rest = denominator >> twos
    fives = 0
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return None
    places = max(twos, fives)
    digits = abs(value.numerator) * (10**places // denominator)
    sign = "-" if value < 0 else ""
    whole, frac = divmod(digits, 10**places)
    frac_text = str(frac).rjust(places, "0").rstrip("0")
    return f"{sign}{whole}.{frac_text}" if frac_text else f"{sign}{whole}"


def format_fraction(value: Fraction) -> str:
    """A rational as a plain decimal when it has a finite expansion, else ≈ six places.

    Only for display (`expected` and `actual` texts); comparisons never use it.
    """
    text = _finite_decimal(value)
    if text is not None:
        return text
    return "≈" + (_finite_decimal(Fraction(round(value, 6))) or "0")


def format_quantity(value: Fraction, unit: str) -> str:
    """A value and its unit symbol for display: `420 mm`, `85 %`."""
    return f"{format_fraction(value)} {unit}"


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
