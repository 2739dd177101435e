"""Every unit of the table against an independent published value.

Reference figures are typed in from NIST Special Publication 811, *Guide for the
Use of the International System of Units (SI)*, 2008 edition (A. Thompson and
B. N. Taylor): Appendix B.8 "Factors for units listed alphabetically", Appendix
B.9 "Factors for units listed by kind of quantity", and Table 5 "SI prefixes".
NIST prints a factor in bold when it is exact; the others are rounded to seven
significant digits. An exact figure must equal our factor; a rounded one must be
our exact factor rounded to the digits NIST gives. Nothing here is computed from
the table under test.

A unit added to the table without a reference here fails
`test_every_unit_has_a_reference`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

import pytest

from tacl.standards.units import ATOMS, SCALES

B8 = "NIST SP 811 (2008), Appendix B.8"
T5 = "NIST SP 811 (2008), Table 5 (SI prefixes) and Table 3 (derived units with special names)"
DEF = "SI definition (NIST SP 811 (2008), Tables 1 and 3): coherent unit"

# symbol: (value of one unit in coherent SI units, exact?, source)
REFERENCES: dict[str, tuple[str, bool, str]] = {
    # length (m)
    "mm": ("1E-3", True, T5),
    "cm": ("1E-2", True, T5),
    "m": ("1", True, DEF),
    "km": ("1E3", True, T5),
    "µm": ("1E-6", True, T5),
    "in": ("2.54E-02", True, B8 + ", inch → meter (exact)"),
    "ft": ("3.048E-01", True, B8 + ", foot → meter (exact)"),
    # mass (kg)
    "µg": ("1E-9", True, T5),
    "mg": ("1E-6", True, T5),
    "g": ("1E-3", True, T5),
    "kg": ("1", True, DEF),
    "t": ("1E3", True, B8 + ", ton, metric → kilogram (exact)"),
    "oz": ("2.834952E-02", False, B8 + ", ounce (avoirdupois) → kilogram"),
    "lb": ("4.535924E-01", False, B8 + ", pound (avoirdupois) → kilogram"),
    # volume (m³)
    "ml": ("1E-6", True, B8 + ", liter → cubic meter 1.0 E-03 (exact), with milli"),
    "cl": ("1E-5", True, B8 + ", liter → cubic meter 1.0 E-03 (exact), with centi"),
    "l": ("1E-3", True, B8 + ", liter → cubic meter (exact)"),
    # areal density (kg/m²): gsm is gram per square meter
    "gsm": ("1E-3", True, T5 + ": g/m² = 10⁻³ kg/m²"),
    # counts: a count is a number (NIST SP 811 §7.10.2); a dozen is twelve
    "pcs": ("1", True, "a count of one"),
    "dozen": ("12", True, "twelve"),
    "pairs": ("1", True, "a count of one pair"),
    "sets": ("1", True, "a count of one set"),
    "cfu": ("1", True, "a count of one colony-forming unit"),
    # time and frequency
    "s": ("1", True, DEF),
    "min": ("6.0E+01", True, B8 + ", minute → second (exact)"),
    "h": ("3.6E+03", True, B8 + ", hour → second (exact)"),
    "Hz": ("1", True, DEF),
    "kHz": ("1E3", True, T5),
    "MHz": ("1E6", True, T5),
    # electrical
    "A": ("1", True, DEF),
    "mA": ("1E-3", True, T5),
    "µA": ("1E-6", True, T5),
    "V": ("1", True, DEF),
    "mV": ("1E-3", True, T5),
    "kV": ("1E3", True, T5),
    "Ω": ("1", True, DEF),
    "mΩ": ("1E-3", True, T5),
    "kΩ": ("1E3", True, T5),
    "MΩ": ("1E6", True, T5),
    "GΩ": ("1E9", True, T5),
    "mAh": ("3.6", True, B8 + ", ampere hour → coulomb 3.6 E+03 (exact), with milli"),
    "Ah": ("3.6E+03", True, B8 + ", ampere hour → coulomb (exact)"),
    # power and energy
    "mW": ("1E-3", True, T5),
    "W": ("1", True, DEF),
    "kW": ("1E3", True, T5),
    "J": ("1", True, DEF),
    "kJ": ("1E3", True, T5),
    "Wh": ("3.6E+03", True, B8 + ", watt hour → joule (exact)"),
    "kWh": ("3.6E+06", True, B8 + ", kilowatt hour → joule (exact)"),
    "Nm": ("1", True, DEF + ": newton meter"),
    # force
    "N": ("1", True, DEF),
    "cN": ("1E-2", True, T5),
    "kN": ("1E3", True, T5),
    "gf": ("9.80665E-03", True, B8 + ", kilogram-force → newton 9.806 65 (exact), with 10⁻³"),
    "kgf": ("9.80665", True, B8 + ", kilogram-force → newton (exact)"),
    "lbf": ("4.448222", False, B8 + ", pound-force → newton"),
    # pressure and stress
    "mPa": ("1E-3", True, T5),
    "Pa": ("1", True, DEF),
    "kPa": ("1E3", True, T5),
    "MPa": ("1E6", True, T5),
    "GPa": ("1E9", True, T5),
    "mbar": ("1.0E+02", True, B8 + ", millibar → pascal (exact)"),
    "bar": ("1.0E+05", True, B8 + ", bar → pascal (exact)"),
    "psi": ("6.894757E+03", False, B8 + ", pound-force per square inch → pascal"),
    # viscosity
    "cP": ("1.0E-03", True, B8 + ", centipoise → pascal second (exact)"),
    # light
    "lm": ("1", True, DEF),
    # ratios: %, ppm and ppb are the numbers 10⁻², 10⁻⁶ and 10⁻⁹ (NIST SP 811 §7.10.3)
    "%": ("1E-2", True, "NIST SP 811 (2008) §7.10.2: % = 0.01"),
    "ppm": ("1E-6", True, "NIST SP 811 (2008) §7.10.3: ppm = 10⁻⁶"),
    "ppb": ("1E-9", True, "NIST SP 811 (2008) §7.10.3: ppb = 10⁻⁹"),
    # temperatures: factors to °C for a difference
    "°C": ("1", True, "degree Celsius"),
    # the grade scale: a number on its own scale
    "grade": ("1", True, "an ordinal grade (ISO 105-A02 grey scale)"),
}

# Compound units against NIST's own figures for the same quantity.
COMPOUNDS = [
    ("lbf/in", "1.751268E+02", False, B8 + ", pound-force per inch → newton per meter"),
    ("lbf·in", "1.129848E-01", False, B8 + ", pound-force inch → newton meter"),
    ("lbf·ft", "1.355818", False, B8 + ", pound-force foot → newton meter"),
    ("lbf/in²", "6.894757E+03", False, B8 + ", pound-force per square inch → pascal"),
    ("kgf/cm²", "9.80665E+04", True, B8 + ", kilogram-force per square centimeter → pascal"),
    ("mPa·s", "1.0E-03", True, B8 + ", centipoise → pascal second (exact)"),
    ("N/mm²", "1E6", True, "newton per square millimeter = megapascal"),
    ("kN/m", "1E3", True, T5),
    ("N/mm", "1E3", True, T5),
    ("g/m²", "1E-3", True, T5),
    ("g/cm³", "1E3", True, T5 + ": g/cm³ = 10³ kg/m³"),
    ("oz/in²", "4.394185E+01", False, B8 + ", ounce (avoirdupois) per square inch → kg/m²"),
    ("ft³", "2.831685E-02", False, B8 + ", cubic foot → cubic meter"),
    ("in³", "1.6387064E-05", True, B8 + ", cubic inch → cubic meter (exact)"),
    ("ft²", "9.290304E-02", True, B8 + ", square foot → square meter (exact)"),
]


def _si(symbol: str) -> Fraction:
    from tacl.standards.compound import parse

    return parse(symbol).si


def _agrees(ours: Fraction, figure: str, exact: bool) -> bool:
    reference = Decimal(figure)
    if exact:
        return ours == Fraction(reference)
    digits = len(reference.as_tuple().digits)
    rounded = Decimal(ours.numerator) / Decimal(ours.denominator)
    exponent = rounded.adjusted() - digits + 1
    return rounded.quantize(Decimal(1).scaleb(exponent), ROUND_HALF_EVEN) == reference


@pytest.mark.parametrize("symbol", sorted(REFERENCES))
def test_unit_factor_matches_nist(symbol: str) -> None:
    figure, exact, source = REFERENCES[symbol]
    ours = ATOMS[symbol][1]
    assert _agrees(ours, figure, exact), f"{symbol}: {ours} against {figure} ({source})"


@pytest.mark.parametrize(("symbol", "figure", "exact", "source"), COMPOUNDS)
def test_compound_factor_matches_nist(symbol, figure, exact, source) -> None:
    ours = _si(symbol)
    assert _agrees(ours, figure, exact), f"{symbol}: {ours} against {figure} ({source})"


@pytest.mark.parametrize(
    ("fahrenheit", "celsius"), [("32", "0"), ("212", "100"), ("-40", "-40"), ("55.4", "13")]
)
def test_fahrenheit_follows_nist(fahrenheit: str, celsius: str) -> None:
    """NIST SP 811 (2008) B.8: t/°C = (t/°F − 32)/1.8, exact; the table is affine."""
    from tacl.standards.units import UNITS

    reference = (Fraction(fahrenheit) - 32) / Fraction("1.8")
    assert reference == Fraction(celsius)
    assert UNITS["°F"].to_base(Fraction(fahrenheit)) == reference


def test_every_unit_has_a_reference() -> None:
    primaries = {atom[3] for atom in ATOMS.values()}
    missing = primaries - set(REFERENCES) - SCALES - {"°F"}
    assert not missing, f"units without a published reference here: {sorted(missing)}"


def test_a_rounded_figure_does_not_pass_an_exact_check() -> None:
    """The checker itself: NIST's 7-digit lbf must not equal the exact factor."""
    assert not _agrees(ATOMS["lbf"][1], "4.448222", True)
    assert _agrees(ATOMS["lbf"][1], "4.448222", False)
    assert not _agrees(ATOMS["lbf"][1], "4.448223", False)
