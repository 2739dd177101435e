"""Compound units: `N/mm`, `mPa·s`, `g/m²`, `lbf/in`, `N*m`, `kg/m^3`, read into a Unit.

A unit text is one or more table units joined by `·` (also written `*` or `.`),
each with an optional power `²`/`³` (or `^2`/`^3`), and at most one `/`: what
follows it is the denominator (`W/m·K` is W/(m·K), as engineers read it). The
spelling is normalised (`N*m` → `N·m`, `m^2` → `m²`, Greek mu → micro sign)
so two spellings of one unit are one unit, with one fingerprint.

`parse` raises `UnitError` saying what is wrong and where in the text; `lookup`
is the forgiving form (None when the text is not a unit). Results are cached:
a report repeats the same few units thousands of times.
"""

from __future__ import annotations

import re
from fractions import Fraction

import attrs

from tacl.standards.units import ATOMS, PLAIN, UNITS, Unit, example, make_unit, noun, units_of

SPELLINGS = str.maketrans({"*": "·", "⋅": "·", "•": "·", "μ": "µ", "Ω": "Ω"})
_POWERS = {"²": 2, "³": 3}
_CARET = re.compile(r"\^([0-9]+)")
_DOT = re.compile(r"(?<=[A-Za-zµΩ°²³)])\s*\.\s*(?=[A-Za-zµΩ°])")
_SPACES = re.compile(r"\s*([·/])\s*")
MAX_UNIT = 40  # characters: no real unit is longer


class UnitError(ValueError):
    """A unit text that is not a unit: `message`, the offending part, and a `help`."""

    def __init__(self, message: str, part: str, help: str | None = None):
        super().__init__(message)
        self.message = message
        self.part = part
        self.help = help


@attrs.frozen
class Parsed:
    unit: Unit
    si: Fraction


def normalise(text: str) -> str:
    """One spelling per unit: `·` for products, `²`/`³` for powers, µ and Ω as in SI."""
    if text in UNITS:
        return text
    out = _CARET.sub(lambda m: {"2": "²", "3": "³"}.get(m.group(1), m.group(0)), text)
    out = _DOT.sub("·", out.translate(SPELLINGS))
    return _SPACES.sub(r"\1", out).strip()


_CACHE: dict[str, Unit | None] = {}


def lookup(text: str) -> Unit | None:
    """The unit a text names (a table unit or a compound), or None."""
    found = UNITS.get(text)
    if found is not None:
        return found
    if text in _CACHE:
        return _CACHE[text]
    try:
        found = parse(text).unit
    except UnitError:
        found = None
    if len(_CACHE) < 4096:
        _CACHE[text] = found
    return found


def parse(text: str) -> Parsed:
    """The unit a text names, with its SI factor; UnitError when it names none."""
    if len(text) > MAX_UNIT:
        raise UnitError(f"`{text[:MAX_UNIT]}…` is too long to be a unit", text)
    symbol = normalise(text)
    atom = ATOMS.get(symbol)
    if atom is not None:
        return Parsed(UNITS[symbol], atom[1])
    if symbol == PLAIN:
        raise UnitError("a unit cannot be empty", text)
    parts = symbol.split("/")
    symbol = "/".join("·".join(_canonical(f) for f in part.split("·")) for part in parts)
    if len(parts) > 2:
        raise UnitError(
            f"`{text}` has more than one `/`",
            text,
            "write one `/` and put the whole denominator after it: `W/m·K`",
        )
    exponents: dict[str, int] = {}
    si = Fraction(1)
    for sign, part in zip((1, -1), parts):
        for factor in part.split("·"):
            vec, value = _factor(factor, text)
            si = si * value**sign
            for base, power in vec:
                exponents[base] = exponents.get(base, 0) + sign * power
    from tacl.standards.units import vector

    return Parsed(make_unit(symbol, vector(exponents), si), si)


def _canonical(factor: str) -> str:
    """A factor with its atom's own symbol (`ug²` → `µg²`), when the atom is known."""
    power = factor[-1] if factor[-1:] in _POWERS else ""
    atom = ATOMS.get(factor[: len(factor) - len(power)])
    return factor if atom is None else atom[3] + power


def _factor(factor: str, text: str) -> tuple[tuple, Fraction]:
    """One `atom[power]` of a compound: its dimension vector and SI factor."""
    if not factor:
        raise UnitError(
            f"`{text}` is not a unit: a `/` or `·` has nothing on one side",
            text,
            "a compound unit joins units, such as `N/mm` or `mPa·s`",
        )
    power = 1
    if factor[-1] in _POWERS:
        power, factor = _POWERS[factor[-1]], factor[:-1]
    elif "^" in factor:
        raise UnitError(
            f"`{text}`: only the powers ² and ³ are allowed", text, "write `m²` or `m^2`"
        )
    atom = ATOMS.get(factor)
    if atom is None and factor[-1:] in ("2", "3") and factor[:-1] in ATOMS:
        raise UnitError(
            f"`{factor}` is not a unit: a power is written `²` or `^2`",
            factor,
            f"write `{factor[:-1]}{'²' if factor[-1] == '2' else '³'}` or `{factor[:-1]}^{factor[-1]}`",
        )
    if atom is None:
        raise UnitError(f"unknown unit `{factor}`", factor)
    vec, si, combinable, symbol = atom
    if not combinable:
        raise UnitError(
            f"`{symbol}` cannot be part of a compound unit",
            factor,
            f"{noun(UNITS[symbol].dimension)} compares only with itself; write it alone",
        )
    return tuple((base, exp * power) for base, exp in vec), si**power


def suggest_in(text: str, part: str, dimensions: tuple[str, ...] = ()) -> str:
    """Help for an unknown `part` of a unit text: a repair that keeps the needed dimension.

    For a compound (`N/mn`), the closest table units are tried in the unknown
    part's place, and one is offered only when the whole then has a dimension
    this place accepts (`N/mm`); a lone unit goes to `suggest`.
    """
    if part == text:
        return suggest(part, dimensions)
    import difflib

    atoms = [s for s, atom in ATOMS.items() if atom[2]]
    for candidate in difflib.get_close_matches(part, atoms, n=6, cutoff=0.6):
        repaired = lookup(text.replace(part, candidate, 1))
        if repaired is not None and (not dimensions or repaired.dimension in dimensions):
            return f"did you mean `{repaired.symbol}`?"
    if dimensions:
        return suggest(part, dimensions)
    return "a compound unit joins units of the table, such as `N/mm` or `mPa·s`"


def suggest(word: str, dimensions: tuple[str, ...] = ()) -> str:
    """A help line for an unknown unit: the closest unit of the needed dimension, if any.

    With the dimension known, only its units are offered (`lbf` never suggests
    `lb`: a force is not a mass); where any dimension fits, the closest unit of
    the table is offered with its dimension named, so a wrong kind shows.
    """
    from tacl.diagnostics import closest, did_you_mean

    if dimensions:
        candidates = {s: u for d in dimensions for s, u in units_of(d).items()}
        close = did_you_mean(word, candidates)
        if close is not None:
            return close
        wanted = " or ".join(noun(d) for d in dimensions)
        listed = ", ".join(dict.fromkeys(u.symbol for u in candidates.values()))
        if not listed:
            return f"{wanted} is written such as `{example(dimensions[0])}`"
        return f"no unit for {wanted} is named `{word}`; known: {listed}"
    name = closest(word, (s for s in UNITS if s != PLAIN))
    if name is None:
        return "see the units table in docs/units.md"
    return f"did you mean `{name}` ({noun(UNITS[name].dimension)})?"
