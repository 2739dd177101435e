"""The unit algebra: one table of exact factors, dimensions as exponents, compound units.

Every unit is a *dimension* — exponents of the base quantities (length, mass,
time, current, luminous flux and the counts), or a scale of its own — and an
exact factor to that dimension's *base unit*. Compound units (`N/mm`, `mPa·s`,
`g/m²`) are products of table units, so their dimension and factor follow by
arithmetic on Fractions; nothing rounds. The table and its sources are in
docs/units.md; tests/standards/test_units_nist.py checks every factor against
NIST SP 811.

Base units are the ones the fingerprint shows intervals in. The TACL 1
dimensions keep their TACL 1 bases (mm, g, ml, gsm, pcs, V, W, mAh, Wh, lm,
°C, %) so that every TACL 1 contract keeps its fingerprint; a dimension first
named in TACL 2 has the base listed in `DIMENSIONS`, and one with no name is
measured in coherent SI units.

Scales (dB, dB(A), °Brix, Shore A, Shore D, GU, pH), grades and temperatures
are dimensions of their own that take part in no product: 70 Shore A compares
with Shore A values only, and `°C/h` is refused.

We do not use pint at run time: it costs ~0.7 s to import and set up, and with
Decimal it turned 25.4 mm into 0.99999…95 in. A small table is exact and fast.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from tacl.standards.exact import format_quantity

_F = Fraction

Vector = tuple[tuple[str, int], ...]  # (base quantity, exponent), sorted, no zero exponents


@attrs.frozen
class Unit:
    """A unit: its symbol, its dimension's name, and its exact factor to the base unit.

    `vector` is the dimension as exponents; `combinable` is False for scales,
    grades, temperatures and percentages, which take part in no compound unit.
    """

    symbol: str
    dimension: str
    factor: Fraction
    offset: Fraction = _F(0)
    vector: Vector = attrs.field(default=(), eq=False, repr=False)
    combinable: bool = attrs.field(default=True, eq=False, repr=False)

    def to_base(self, value: Fraction) -> Fraction:
        """An absolute value in the dimension's base unit."""
        # Fraction arithmetic costs microseconds a step, and only temperatures have
        # an offset: skip the steps that change nothing.
        if self.offset:
            return value * self.factor + self.offset
        return value if self.factor == 1 else value * self.factor

    def from_base(self, value: Fraction) -> Fraction:
        if self.offset:
            return (value - self.offset) / self.factor
        return value if self.factor == 1 else value / self.factor

    def difference_to_base(self, value: Fraction) -> Fraction:
        """A difference (a tolerance) in the base unit: offsets do not apply."""
        return value if self.factor == 1 else value * self.factor

    def show(self, value: Fraction) -> str:
        """A value in this unit, as a person reads it (`12.5 N/mm`, `grade 4`, `1.5`)."""
        return format_quantity(value, self.symbol)


# --- the table ----------------------------------------------------------------------
#
# (aliases, dimension as exponents, factor to coherent SI — or to °C for
# temperatures, to 1 for a scale —, combinable). The first alias is the symbol.

_INCH = _F(254, 10000)  # m, exact (NIST SP 811 B.8)
_POUND = _F(45359237, 100000000)  # kg, exact
_G_N = _F(980665, 100000)  # standard gravity, m/s², exact
_LBF = _POUND * _G_N  # N, exact: 4.4482216152605
_KILO, _MEGA, _GIGA = _F(10**3), _F(10**6), _F(10**9)
_MILLI, _MICRO = _F(1, 10**3), _F(1, 10**6)

L, M, T, I = "L", "M", "T", "I"  # noqa: E741 - the SI letters for the base quantities
ENERGY = {M: 1, L: 2, T: -2}
POWER = {M: 1, L: 2, T: -3}
VOLTAGE = {M: 1, L: 2, T: -3, I: -1}
OHM = {M: 1, L: 2, T: -3, I: -2}
FORCE = {M: 1, L: 1, T: -2}
PRESSURE = {M: 1, L: -1, T: -2}

_TABLE: list[tuple[tuple[str, ...], dict, Fraction, bool]] = [
    # length
    (("mm",), {L: 1}, _MILLI, True),
    (("cm",), {L: 1}, _F(1, 100), True),
    (("m",), {L: 1}, _F(1), True),
    (("km",), {L: 1}, _KILO, True),
    (("µm", "um"), {L: 1}, _MICRO, True),
    (("in", "inch"), {L: 1}, _INCH, True),
    (("ft",), {L: 1}, _INCH * 12, True),
    # mass
    (("µg", "ug"), {M: 1}, _F(1, 10**9), True),
    (("mg",), {M: 1}, _MICRO, True),
    (("g",), {M: 1}, _MILLI, True),
    (("kg",), {M: 1}, _F(1), True),
    (("t",), {M: 1}, _KILO, True),
    (("oz",), {M: 1}, _POUND / 16, True),
    (("lb",), {M: 1}, _POUND, True),
    # volume
    (("ml", "mL"), {L: 3}, _MICRO, True),
    (("cl", "cL"), {L: 3}, _F(1, 10**5), True),
    (("l", "L"), {L: 3}, _MILLI, True),
    # areal density
    (("gsm",), {M: 1, L: -2}, _MILLI, True),
    # counts
    (("pcs", "piece", "pieces", "unit", "units"), {"count": 1}, _F(1), True),
    (("dozen",), {"count": 1}, _F(12), True),
    (("pairs", "pair"), {"pairs": 1}, _F(1), True),
    (("sets", "set"), {"sets": 1}, _F(1), True),
    (("cfu",), {"cfu": 1}, _F(1), True),
    # time and frequency
    (("s", "sec"), {T: 1}, _F(1), True),
    (("min",), {T: 1}, _F(60), True),
    (("h", "hr"), {T: 1}, _F(3600), True),
    (("Hz",), {T: -1}, _F(1), True),
    (("kHz",), {T: -1}, _KILO, True),
    (("MHz",), {T: -1}, _MEGA, True),
    # electrical
    (("A",), {I: 1}, _F(1), True),
    (("mA",), {I: 1}, _MILLI, True),
    (("µA", "uA"), {I: 1}, _MICRO, True),
    (("V",), VOLTAGE, _F(1), True),
    (("mV",), VOLTAGE, _MILLI, True),
    (("kV",), VOLTAGE, _KILO, True),
    (("Ω", "ohm"), OHM, _F(1), True),
    (("mΩ", "mohm"), OHM, _MILLI, True),
    (("kΩ", "kohm"), OHM, _KILO, True),
    (("MΩ", "Mohm"), OHM, _MEGA, True),
    (("GΩ", "Gohm"), OHM, _GIGA, True),
    (("mAh",), {I: 1, T: 1}, _F(36, 10), True),
    (("Ah",), {I: 1, T: 1}, _F(3600), True),
    # power and energy
    (("mW",), POWER, _MILLI, True),
    (("W",), POWER, _F(1), True),
    (("kW",), POWER, _KILO, True),
    (("J",), ENERGY, _F(1), True),
    (("kJ",), ENERGY, _KILO, True),
    (("Wh",), ENERGY, _F(3600), True),
    (("kWh",), ENERGY, _F(3600) * _KILO, True),
    (("Nm",), ENERGY, _F(1), True),  # N·m written without the dot, as torque specs do
    # force
    (("N",), FORCE, _F(1), True),
    (("cN",), FORCE, _F(1, 100), True),
    (("kN",), FORCE, _KILO, True),
    (("gf",), FORCE, _G_N / 1000, True),
    (("kgf",), FORCE, _G_N, True),
    (("lbf",), FORCE, _LBF, True),
    # pressure and stress
    (("mPa",), PRESSURE, _MILLI, True),
    (("Pa",), PRESSURE, _F(1), True),
    (("kPa",), PRESSURE, _KILO, True),
    (("MPa",), PRESSURE, _MEGA, True),
    (("GPa",), PRESSURE, _GIGA, True),
    (("mbar",), PRESSURE, _F(100), True),
    (("bar",), PRESSURE, _F(100000), True),
    (("psi",), PRESSURE, _LBF / (_INCH * _INCH), True),
    # viscosity: cP is mPa·s
    (("cP",), {M: 1, L: -1, T: -1}, _MILLI, True),
    # light
    (("lm",), {"lm": 1}, _F(1), True),
    # ratios: dimensionless, like mg/kg
    (("%",), {}, _F(1, 100), False),
    (("ppm",), {}, _MICRO, False),
    (("ppb",), {}, _F(1, 10**9), False),
    # temperatures, affine: factors to °C (offsets below)
    (("°C", "degC"), {"temperature": 1}, _F(1), False),
    (("°F", "degF"), {"temperature": 1}, _F(5, 9), False),
    # scales that compare only with themselves
    (("dB",), {"dB": 1}, _F(1), False),
    (("dB(A)", "dBA"), {"dB(A)": 1}, _F(1), False),
    (("°Brix", "Brix", "°Bx"), {"°Brix": 1}, _F(1), False),
    (("Shore A", "Shore-A", "ShA"), {"Shore A": 1}, _F(1), False),
    (("Shore D", "Shore-D", "ShD"), {"Shore D": 1}, _F(1), False),
    (("GU",), {"GU": 1}, _F(1), False),
    (("pH",), {"pH": 1}, _F(1), False),
    (("grade",), {"grade": 1}, _F(1), False),
]
_OFFSETS = {"°F": _F(-160, 9)}  # °C = °F × 5/9 − 160/9

# The plain number of `spec "elongation ratio" at least 1.5`: dimensionless, 1 = 100 %.
PLAIN = ""


def vector(exponents: dict) -> Vector:
    return tuple(sorted((base, power) for base, power in exponents.items() if power))


@attrs.frozen
class Dimension:
    name: str
    noun: str
    base: str  # the symbol of the base unit
    example: str
    base_si: Fraction | None = None  # the base's SI factor, for a compound base


# Named dimensions: the TACL 1 ones first, with their TACL 1 bases.
DIMENSIONS: dict[Vector, Dimension] = {
    vector(exp): Dimension(name, noun, base, example, *base_si)
    for exp, name, noun, base, example, *base_si in [
        ({L: 1}, "length", "a length", "mm", "420 mm"),
        ({M: 1}, "mass", "a mass", "g", "210 g"),
        ({L: 3}, "volume", "a volume", "ml", "500 ml"),
        ({M: 1, L: -2}, "areal density", "an areal density", "gsm", "180 gsm"),
        ({"count": 1}, "count", "a count", "pcs", "1000 pcs"),
        ({"pairs": 1}, "pairs", "a count of pairs", "pairs", "500 pairs"),
        ({"sets": 1}, "sets", "a count of sets", "sets", "200 sets"),
        (VOLTAGE, "voltage", "a voltage", "V", "220 V"),
        (POWER, "power", "a power", "W", "9 W"),
        ({I: 1, T: 1}, "charge", "a charge", "mAh", "5000 mAh"),
        (ENERGY, "energy", "an energy or a torque", "Wh", "100 Wh"),
        ({"lm": 1}, "luminous flux", "a luminous flux", "lm", "800 lm"),
        ({"temperature": 1}, "temperature", "a temperature", "°C", "25 °C"),
        ({}, "ratio", "a ratio (%, ppm, mg/kg or a plain number)", "%", "85 %"),
        (FORCE, "force", "a force", "N", "50 N"),
        (PRESSURE, "pressure", "a pressure or a stress", "Pa", "200 kPa"),
        ({I: 1}, "current", "a current", "A", "0.25 mA"),
        (OHM, "resistance", "a resistance", "Ω", "100 MΩ"),
        ({T: -1}, "frequency", "a frequency", "Hz", "50 Hz"),
        ({T: 1}, "time", "a time", "s", "60 s"),
        ({M: 1, L: -1, T: -1}, "viscosity", "a viscosity", "mPa·s", "3500 mPa·s", _MILLI),
        ({M: 1, T: -2}, "force per length", "a force per length", "N/mm", "3.5 N/mm", _KILO),
        ({M: 1, L: -3}, "density", "a density", "g/cm³", "0.95 g/cm³", _KILO),
        ({L: 1, T: -1}, "speed", "a speed", "mm/min", "50 mm/min", _F(1, 60000)),
        ({"cfu": 1}, "microbial count", "a count of colony-forming units", "cfu", "100 cfu"),
        ({"cfu": 1, M: -1}, "count per mass", "a count per mass", "cfu/g", "100 cfu/g", _KILO),
        ({"lm": 1, M: -1, L: -2, T: 3}, "luminous efficacy", "a luminous efficacy", "lm/W", "90 lm/W", _F(1)),
        ({"dB": 1}, "dB", "a level in dB", "dB", "30 dB"),
        ({"dB(A)": 1}, "dB(A)", "an A-weighted sound level in dB(A)", "dB(A)", "55 dB(A)"),
        ({"°Brix": 1}, "°Brix", "a sugar content in °Brix", "°Brix", "12 °Brix"),
        ({"Shore A": 1}, "Shore A", "a Shore A hardness", "Shore A", "70 Shore A"),
        ({"Shore D": 1}, "Shore D", "a Shore D hardness", "Shore D", "60 Shore D"),
        ({"GU": 1}, "GU", "a gloss in GU", "GU", "85 GU"),
        ({"pH": 1}, "pH", "a pH", "pH", "5.5 pH"),
        ({"grade": 1}, "grade", "a grade", "grade", "grade 4"),
    ]
}  # fmt: skip
BY_NAME = {dimension.name: dimension for dimension in DIMENSIONS.values()}

#: Dimensions whose values may be below zero: temperatures and decibel levels.
SIGNED = frozenset({"temperature", "dB", "dB(A)"})
#: Dimensions a report may give as a bare number: the clause fixes the scale.
BARE = frozenset({"count", "pairs", "sets", "grade", "dB", "dB(A)", "°Brix", "Shore A", "Shore D", "GU", "pH"})  # fmt: skip
COUNT_DIMENSIONS = frozenset({"count", "pairs", "sets"})
SCALES = frozenset({"dB", "dB(A)", "°Brix", "Shore A", "Shore D", "GU", "pH"})

# Atoms: (vector, factor to coherent SI or to the scale, combinable), by every alias.
ATOMS: dict[str, tuple[Vector, Fraction, bool, str]] = {
    alias: (vector(exp), factor, combinable, names[0])
    for names, exp, factor, combinable in _TABLE
    for alias in names
}


def dimension_of(vec: Vector) -> Dimension:
    """The named dimension of a vector, or one named after its coherent SI unit."""
    found = DIMENSIONS.get(vec)
    if found is not None:
        return found
    text = si_text(vec)
    return Dimension(text, f"a quantity in {text}", text, f"1 {text}")


_SI_SYMBOLS = {L: "m", M: "kg", T: "s", I: "A"}
_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def si_text(vec: Vector) -> str:
    """`kg·m⁻¹·s⁻²` for a vector: how an unnamed dimension is named."""
    parts = []
    for base, power in vec:
        symbol = _SI_SYMBOLS.get(base, base)
        parts.append(symbol if power == 1 else symbol + str(power).translate(_SUPERSCRIPTS))
    return "·".join(parts) or "1"


def make_unit(symbol: str, vec: Vector, si: Fraction, combinable: bool = True) -> Unit:
    """A Unit from its SI (or scale) factor: its factor is taken to the dimension's base."""
    dimension = dimension_of(vec)
    base_si = _base_factor(dimension, vec)
    return Unit(
        symbol,
        dimension.name,
        si / base_si,
        _OFFSETS.get(symbol, _F(0)),
        vec,
        combinable,
    )


_BASE_FACTORS: dict[Vector, Fraction] = {}


def _base_factor(dimension: Dimension, vec: Vector) -> Fraction:
    """The SI factor of a dimension's base unit (1 for an unnamed dimension)."""
    found = _BASE_FACTORS.get(vec)
    if found is None:
        if dimension.base_si is not None:
            found = dimension.base_si
        elif dimension.base in ATOMS:
            found = ATOMS[dimension.base][1]
        else:  # an unnamed dimension: coherent SI
            found = _F(1)
        _BASE_FACTORS[vec] = found
    return found


UNITS: dict[str, Unit] = {}
for _alias, (_vec, _si, _combinable, _symbol) in ATOMS.items():
    UNITS[_alias] = make_unit(_symbol, _vec, _si, _combinable)
UNITS[PLAIN] = make_unit(PLAIN, (), _F(1), False)

DIMENSION_NOUNS = {dimension.name: dimension.noun for dimension in DIMENSIONS.values()}
EXAMPLES = {dimension.name: dimension.example for dimension in DIMENSIONS.values()}


def noun(dimension: str) -> str:
    """How a dimension reads in a sentence: `a force`, `a quantity in kg·s⁻²`."""
    return DIMENSION_NOUNS.get(dimension) or f"a quantity in {dimension}"


def example(dimension: str) -> str:
    return EXAMPLES.get(dimension) or f"1 {dimension}"


def units_of(dimension: str) -> dict[str, Unit]:
    """The table units written after a number, by every alias (compound ones are not listed).

    The plain number has no symbol and a grade is written before its number
    (`grade 4`), so neither is listed.
    """
    found = _UNITS_OF.get(dimension)
    if found is None:
        found = {
            s: u for s, u in UNITS.items() if u.dimension == dimension and s not in (PLAIN, "grade")
        }
        _UNITS_OF[dimension] = found
    return found


_UNITS_OF: dict[str, dict[str, Unit]] = {}
