"""Reading one report value: measured samples, sizes, colours, barcodes, test results, dates.

Every reader takes the raw value (from JSON, YAML or a caller's dict) and the key
path it sits at, and either returns a typed value or raises `ReportError` naming
that path and what was expected. Nothing is guessed: a number without a unit is
accepted only for counts, grades, scales and plain numbers, floats are refused
(they are not exact), and units come from the one unit algebra
(tacl/standards/units.py), compound units included.

A measured sample is a `Measured` (evidence.py): `mantissa / 10**exponent` in
`unit`, since integers compare exactly and much faster than Fractions on the hot
path (see checks.py); a clause's samples are kept as `MeasuredSamples` columns. A
colour sample is a `ColourReading`.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from tacl.colorimetry import LAB_AB_LIMIT
from tacl.compile.values import fold
from tacl.errors import ReportError
from tacl.evaluate.evidence import ColourReading, Measured, MeasuredSamples, RunTally, new_record
from tacl.evaluate.numbers import MAX_DIGITS, NUMBER, NumberText
from tacl.standards import compound
from tacl.standards.exact import format_fraction
from tacl.standards.units import BARE, PLAIN, SIGNED, UNITS, Unit, noun, units_of
from tacl.visible import clip

MAX_SAMPLES = 10_000
MAX_TEXT = 10_000

BARE_UNIT = {"count": "pcs", "pairs": "pairs", "sets": "sets"}
COUNT_DIMENSIONS = frozenset(BARE_UNIT)
# Possessive quantifiers (or a bounded unit of at most 61 characters): a text that does
# not match fails at once, never by trying every way to split it (a 10 000-character
# sample cost 2.6 s of backtracking before). Digits are ASCII only: `\d` would take
# Arabic-Indic, fullwidth and other digits that `int()` reads (issue 8 item 4).
_VALUE = re.compile(rf"\s*+{NUMBER}\s*+(\S.{{0,60}}?)?\s*+\Z", re.S)
_GRADE = re.compile(
    r"\s*+(?:grade\s*+)?([0-9]{1,3})(?:\.(5|0))?+(?:\s*+[-/]\s*+([0-9]{1,3}))?+\s*+\Z", re.I
)
_AXES = re.compile(rf"\s*+{NUMBER}\s*+[x×]\s*+{NUMBER}(?:\s*+[x×]\s*+{NUMBER})?+\s*+(\S++)?+\s*+\Z")
_LAB = re.compile(rf"\s*+lab\(\s*+{NUMBER}\s*+,\s*+{NUMBER}\s*+,\s*+{NUMBER}\s*+\)\s*+\Z", re.I)
_HEX = re.compile(r"\s*+#([0-9A-Fa-f]{6})\s*+\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_COUNT = re.compile(r"\s*+(-?)([0-9]{1,30})\s*+\Z")
_PLAIN_DECIMAL = re.compile(rf"{NUMBER}\Z")

_LENGTHS = units_of("length")


def quick_measured(value, units: dict) -> Measured | None:
    """The common case `"421 mm"` without a regex; None sends the value to `measured`."""
    found = quick_measured_all((value,), units)
    return None if found is None else Measured(*found[0])


def quick_measured_all(values, units: dict) -> MeasuredSamples | None:
    """`quick_measured` over a list in one loop: the samples, or None if any needs `measured`.

    One loop rather than a call per sample: a report has tens of samples, and a
    call costs about as much as reading one. Rows are plain tuples (see
    `MeasuredSamples`).
    """
    rows = []
    append = rows.append
    for value in values:
        if type(value) is not str:
            return None
        # "421 mm" exactly: any other spacing has a word that is no unit, and goes slow
        number, _, word = value.partition(" ")
        unit = units.get(word)
        if unit is None or len(number) > MAX_DIGITS or not number.isascii():
            return None
        if number[:1] == "0" and number[1:2].isdigit():
            return None  # a leading zero: `measured` shows the number without it
        if number.isdigit():
            append((int(number), 0, unit, value))
            continue
        whole, dot, frac = number.partition(".")
        if not (dot and whole.isdigit() and frac.isdigit()) or unit.dimension in COUNT_DIMENSIONS:
            return None  # a count with a fraction: `measured` says whether it is whole
        append((int(whole + frac), len(frac), unit, value))
    return new_record(MeasuredSamples, rows)


def quick_axes(value, count: int) -> list[Measured] | None:
    """The common case `"421 x 179 x 121 mm"`; None sends the value to `axes`.

    Numbers are held to MAX_DIGITS here as in `axes`: a longer one falls through to
    `axes`, which reports it.
    """
    columns = quick_axes_all((value,), count)
    return None if columns is None else [Measured(*column[0]) for column in columns]


def quick_axes_all(values, count: int) -> list[MeasuredSamples] | None:
    """`quick_axes` over a list, transposed: the samples of each axis, or None."""
    columns = [[] for _ in range(count)]
    width, separators = 2 * count, count - 1
    for value in values:
        if type(value) is not str or not value.isascii():
            return None
        parts = value.split(" ")  # single spaces: any other spacing goes slow
        if len(parts) != width:
            return None
        word = parts[-1]
        unit = _LENGTHS.get(word)
        if unit is None or parts[1:-1:2].count("x") != separators:
            return None
        suffix = " " + word
        for column, number in zip(columns, parts[0:-1:2]):
            if len(number) > MAX_DIGITS or (number[:1] == "0" and number[1:2].isdigit()):
                return None
            if number.isdigit():
                column.append((int(number), 0, unit, number + suffix))
                continue
            whole, dot, frac = number.partition(".")
            if not (dot and whole.isdigit() and frac.isdigit()):
                return None
            column.append((int(whole + frac), len(frac), unit, number + suffix))
    return [new_record(MeasuredSamples, column) for column in columns]


def type_name(value) -> str:
    """How a value reads to a person writing YAML or JSON."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, NumberText):
        return f"the number {value.why()}"
    if isinstance(value, (int, float, Decimal)):
        shown = shown_number(value)
        return shown if shown.startswith("a number") else f"the number {shown}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    return f"a {type(value).__name__}"


def shown_number(value: int | float | Decimal) -> str:
    """A number as a message shows it: never a repr, never a million digits."""
    if isinstance(value, int) and value.bit_length() > 100:
        return f"a number of more than {MAX_DIGITS} digits"
    if isinstance(value, Decimal):
        return clip(str(value), 40) if value.is_finite() else str(value)
    return clip(str(value), 40)


def as_list(value, path: str) -> list:
    """A sample list: one value stands for a list of one; at most MAX_SAMPLES."""
    if not isinstance(value, (list, tuple)):
        return [value]
    if not value:
        raise ReportError(path, "an empty list; give at least one sample or leave the key out")
    if len(value) > MAX_SAMPLES:
        raise ReportError(path, f"{len(value):,} samples; the limit is {MAX_SAMPLES:,} per clause")
    return list(value)


def item_path(path: str, index: int, many: bool) -> str:
    return f"{path}[{index}]" if many else path


def text(value, path: str, what: str = "text") -> str:
    """Text, in Unicode normal form C: a precomposed and a decomposed `é` are one letter."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise ReportError(path, f"text of {len(value):,} characters; the limit is {MAX_TEXT:,}")
        return nfc(value)
    hint = ""
    if isinstance(value, bool):
        hint = " (YAML reads unquoted yes/no/on/off as true/false: put the text in quotes)"
    raise ReportError(path, f"expected {what}, got {type_name(value)}{hint}")


def number_text(mantissa: int, exponent: int) -> str:
    """A reported number shown normalised: its digits and its precision, nothing else.

    `0.000_003` is `0.000003`, `+21.50` is `21.50`, `0421` is `421`; the decimals
    the inspector wrote stay (they say how precisely it was measured).
    """
    digits = str(abs(mantissa)).rjust(exponent + 1, "0")
    text = f"{digits[:-exponent]}.{digits[-exponent:]}" if exponent else digits
    return f"-{text}" if mantissa < 0 else text


def nfc(value: str) -> str:
    """`value` in normal form C (ASCII and already normal text come back as they are)."""
    if value.isascii() or unicodedata.is_normalized("NFC", value):
        return value
    return unicodedata.normalize("NFC", value)


def _digits(sign: str, whole: str, frac: str | None, path: str, raw: str) -> tuple[int, int]:
    whole = whole.replace("_", "")
    frac = (frac or "").replace("_", "")
    if len(whole) + len(frac) > MAX_DIGITS:
        raise ReportError(path, f'"{clip(raw)}" has more than {MAX_DIGITS} digits')
    mantissa = int(whole + frac)
    return (-mantissa if sign else mantissa), len(frac)


def _unit(word: str, path: str, raw: str, dimension: str = "length") -> Unit:
    """The unit a report names, compound ones included; the help stays in `dimension`."""
    try:
        return compound.parse(word).unit
    except compound.UnitError as problem:
        if problem.message.startswith("unknown unit"):
            hint = (
                compound.suggest_in(word, problem.part, (dimension,)) if len(word) <= 20 else None
            )
            hint = f"; {hint}" if hint else ""
            raise ReportError(path, f'"{clip(raw)}" has an {clip(problem.message)}{hint}') from None
        hint = f"; {problem.help}" if problem.help else ""
        raise ReportError(path, f'"{clip(raw)}": {clip(problem.message)}{hint}') from None


def _expect(dimension: str, number, unit: str) -> str:
    return f'expected {noun(dimension)} such as "{_quantity(number, unit)}"'


def _quantity(number, unit: str) -> str:
    if not unit:
        return f"{number}"
    return f"grade {number}" if unit == "grade" else f"{number} {unit}"


def _bare_unit(dimension: str, shown_unit: str) -> Unit | None:
    """The unit a bare number stands in: pieces for counts, the clause's own scale or grade."""
    if dimension in BARE_UNIT:
        return UNITS[BARE_UNIT[dimension]]
    if dimension in BARE or shown_unit == PLAIN:
        return compound.lookup(shown_unit)
    return None


def measured(value, path: str, dimension: str, shown_unit: str) -> Measured:
    """One measured value of `dimension` (`"421 mm"`, `"3.1 N/mm"`, `"70 Shore A"`).

    A bare number is read only where the clause fixes its unit: counts (pieces),
    grades, scales (pH, Shore A…) and plain numbers; for a count only a plain
    decimal integer (numbers.py), elsewhere a plain decimal as a contract writes it.
    """
    bare = _bare_unit(dimension, shown_unit)
    counted = dimension in BARE_UNIT  # counts are whole: a JSON 975.0 is refused as in TACL 1
    if isinstance(value, int) and not isinstance(value, bool) and bare is not None:
        if value.bit_length() > 100:
            raise ReportError(path, f"a number of more than {MAX_DIGITS} digits")
        return _bare_number(Decimal(value), path, dimension, bare)
    if isinstance(value, NumberText):
        plain = _PLAIN_DECIMAL.match(value.text)
        if bare is not None and not counted and plain is not None:
            return _bare_number(Decimal(value.text.replace("_", "")), path, dimension, bare)
        expected = _expect_raw(dimension, shown_unit).removeprefix("expected ")
        raise ReportError(path, f"expected {expected}, got {value.why()}")
    if isinstance(value, Decimal) and value.is_finite() and bare is not None and not counted:
        return _bare_number(value, path, dimension, bare)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        shown = shown_number(value)
        if bare is None or counted:
            raise ReportError(
                path, f'"{shown}" has no unit; {_expect(dimension, shown, shown_unit)}'
            )
        raise ReportError(
            path, f'{shown} is a floating-point number; write it as text, such as "{shown}"'
        )
    raw = text(value, path, f'a value with its unit, such as "{_example(dimension, shown_unit)}"')
    if dimension == "grade":
        return grade(raw, path)
    match = _VALUE.match(raw)
    if match is None:
        raise ReportError(
            path,
            f'"{clip(raw)}" is not a number with a unit; {_expect_raw(dimension, shown_unit)}',
        )
    sign, whole, frac, word = match.groups()
    mantissa, exponent = _digits(sign, whole, frac, path, raw)
    number = f"{sign}{whole}" + (f".{frac}" if frac is not None else "")
    if word is None:
        if bare is None:
            raise ReportError(
                path, f'"{clip(raw)}" has no unit; {_expect(dimension, number, shown_unit)}'
            )
        unit = bare
    else:
        unit = _unit(word, path, raw, dimension)
    if unit.dimension != dimension:
        raise ReportError(
            path,
            f'"{clip(raw)}" is {noun(unit.dimension)}; {_expect(dimension, number, shown_unit)}',
        )
    _check_sign(bool(sign), dimension, path, raw)
    if counted:
        _check_whole(mantissa, exponent, unit, path, raw)
    text_ = _quantity(number_text(mantissa, exponent), word or unit.symbol)
    return Measured(mantissa, exponent, unit, text_)


def grade(raw: str, path: str) -> Measured:
    """A grade: `grade 4`, `4`, `3.5`, or a half grade as labs write it, `4-5` (= 4.5)."""
    match = _GRADE.match(raw)
    if match is None:
        raise ReportError(
            path, f'"{clip(raw)}" is not a grade; expected such as "grade 4" or "4-5"'
        )
    whole, half, upper = match.groups()
    mantissa = int(whole) * 10 + (5 if half == "5" else 0)
    if upper is not None:
        if half is not None or int(upper) != int(whole) + 1:
            raise ReportError(
                path,
                f'"{clip(raw)}" is not a half grade; a half grade joins two neighbours, as "4-5"',
            )
        mantissa += 5
    text_ = _quantity(format_fraction(Fraction(mantissa, 10)), "grade")
    return Measured(mantissa, 1, UNITS["grade"], text_)


def _example(dimension: str, unit: str) -> str:
    return _quantity("25" if dimension == "temperature" else "420", unit)


def _expect_raw(dimension: str, unit: str) -> str:
    return f'expected {noun(dimension)} such as "{_example(dimension, unit)}"'


def _bare_number(value: Decimal, path: str, dimension: str, unit: Unit) -> Measured:
    sign, digits, exponent = value.as_tuple()
    if len(digits) > MAX_DIGITS or not isinstance(exponent, int) or abs(exponent) > MAX_DIGITS:
        raise ReportError(path, f"a number of more than {MAX_DIGITS} digits")
    if dimension == "grade":
        return grade(str(value), path)
    mantissa = int("".join(map(str, digits))) * (-1 if sign else 1)
    places = max(-exponent, 0)
    mantissa *= 10 ** max(exponent, 0)
    if sign and dimension in BARE_UNIT:
        raise ReportError(path, f"a count cannot be negative ({value})")
    _check_sign(bool(sign), dimension, path, str(value))
    return Measured(mantissa, places, unit, _quantity(value, unit.symbol))


def _check_sign(negative: bool, dimension: str, path: str, raw: str) -> None:
    """Only temperatures and decibels go below zero; a negative length or count (`-0`
    too) is a typo."""
    if negative and dimension not in SIGNED:
        raise ReportError(path, f'"{clip(raw)}" is negative; {noun(dimension)} cannot be')


def _check_whole(mantissa: int, exponent: int, unit: Unit, path: str, raw: str) -> None:
    """A count is whole in its base unit, as a contract's is: `83.5 dozen` is 1002 pieces,
    `83.4 dozen` and `1000.5 pcs` are no count at all."""
    if (Fraction(mantissa, 10**exponent) * unit.factor).denominator != 1:
        raise ReportError(
            path, f'"{clip(raw)}" is not a whole number of {BARE_UNIT[unit.dimension]}'
        )


def axes(value, path: str, count: int, shown: str) -> tuple[Measured, ...]:
    """One size sample, `"421 x 179 x 121 mm"`: `count` numbers and one length unit."""
    example = f'"{shown}"'
    raw = text(value, path, f"a size such as {example}")
    match = _AXES.match(raw)
    if match is None:
        raise ReportError(
            path,
            f'"{clip(raw)}" is not a size; expected {count} numbers and a unit, such as {example}',
        )
    groups = match.groups()
    word = groups[9]
    numbers = [groups[i : i + 3] for i in (0, 3, 6) if groups[i + 1] is not None]
    if len(numbers) != count:
        raise ReportError(
            path, f'"{clip(raw)}" has {len(numbers)} numbers; expected {count}, as in {example}'
        )
    if word is None:
        raise ReportError(path, f'"{clip(raw)}" has no unit; expected a length such as {example}')
    unit = _unit(word, path, raw)
    if unit.dimension != "length":
        raise ReportError(
            path,
            f'"{clip(raw)}" is {noun(unit.dimension)}; expected a length such as {example}',
        )
    samples = []
    for sign, whole, frac in numbers:
        mantissa, exponent = _digits(sign, whole, frac, path, raw)
        _check_sign(bool(sign), "length", path, raw)
        samples.append(
            Measured(mantissa, exponent, unit, f"{number_text(mantissa, exponent)} {word}")
        )
    return tuple(samples)


def colour(value, path: str) -> ColourReading:
    """A colour sample, normalised like the compiler's colours."""
    raw = text(value, path, 'a colour such as "#1B1A1A", "lab(10.9, 0.3, -0.6)" or a name')
    hex_match = _HEX.match(raw)
    if hex_match:
        shown = "#" + hex_match.group(1).upper()
        return ColourReading("hex", shown, _hex_lab(shown), shown)
    lab_match = _LAB.match(raw)
    if lab_match:
        return _lab(lab_match.groups(), path, raw)
    if raw.lstrip()[:4].casefold() == "lab(":
        raise ReportError(path, f'"{clip(raw)}" is not a Lab colour such as "lab(10.9, 0.3, -0.6)"')
    folded = fold(raw)
    for form in ("pantone", "ral"):
        if folded.startswith(form + " "):
            return ColourReading(form, folded, None, raw.strip())
    if not folded:
        raise ReportError(path, "an empty colour")
    return ColourReading("name", folded, None, raw.strip())


_HEX_LABS: dict[str, tuple] = {}


def _hex_lab(hex_text: str) -> tuple:
    """Lab of an sRGB hex, cached: a report names few colours, often the same ones."""
    lab = _HEX_LABS.get(hex_text)
    if lab is None:
        from tacl.colorimetry import hex_to_lab

        lab = hex_to_lab(hex_text)
        if len(_HEX_LABS) < 4096:
            _HEX_LABS[hex_text] = lab
    return lab


def _lab(groups, path: str, raw: str) -> ColourReading:
    """A Lab reading under the contract's rules: L from 0 to 100, a and b within ±128."""
    numbers, texts = [], []
    for index in (0, 3, 6):
        sign, whole, frac = groups[index : index + 3]
        mantissa, exponent = _digits(sign, whole, frac, path, raw)
        numbers.append(Fraction(mantissa, 10**exponent))
        texts.append((f"{sign}{whole}" + (f".{frac}" if frac is not None else "")).replace("_", ""))
    if not 0 <= numbers[0] <= 100:
        raise ReportError(path, f'"{clip(raw)}": lightness L must be from 0 to 100')
    if not all(-LAB_AB_LIMIT <= n <= LAB_AB_LIMIT for n in numbers[1:]):
        raise ReportError(
            path, f'"{clip(raw)}": a and b must be from -{LAB_AB_LIMIT} to {LAB_AB_LIMIT}'
        )
    shown = "lab(" + ", ".join(texts) + ")"
    return ColourReading(
        "lab", shown, (float(numbers[0]), float(numbers[1]), float(numbers[2])), shown
    )


def barcode(value, path: str) -> str:
    """The digits of a barcode; spaces and hyphens between digit groups are allowed."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise ReportError(
            path, f'a barcode is text: write it in quotes ("{value}"), a number loses leading zeros'
        )
    raw = text(value, path, 'a barcode such as "4006381333931"')
    if not raw.strip():
        return ""  # checked, and no barcode is there: it fails the clause
    digits = raw.replace(" ", "").replace("-", "")
    if not digits or not digits.isascii() or not digits.isdigit():
        raise ReportError(
            path, f'"{clip(raw)}" is not a barcode; expected digits such as "4006381333931"'
        )
    return digits


def test_result(value, path: str) -> bool:
    """True for `pass`, False for `fail` (either case); anything else is an error."""
    if isinstance(value, str) and value.strip().casefold() in ("pass", "fail"):
        return value.strip().casefold() == "pass"
    hint = (
        ' (YAML reads unquoted yes/no as true/false; write "pass" or "fail")'
        if isinstance(value, bool)
        else ""
    )
    if isinstance(value, str) and _MEASURED_LOOK.match(value) or _is_number(value):
        raise ReportError(
            path,
            f"expected pass or fail, got {_show(value)}: a measured value; a contract that "
            "judges it writes `spec NAME at most LIMIT UNIT` (or `at least`) instead of "
            "`test NAME passes`",
        )
    raise ReportError(path, f"expected pass or fail, got {_show(value)}{hint}")


def _is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal, NumberText)) and not isinstance(value, bool)


_MEASURED_LOOK = re.compile(r"\s*-?\d+(?:[.,]\d+)?\s*[^\s\d]")


def test_runs(value, path: str) -> RunTally:
    """A test's runs: `pass`, `fail`, a list of them, or `{passed: P, failed: F}`."""
    if isinstance(value, Mapping):
        return _counted_runs(value, path)
    items = as_list(value, path)
    many = isinstance(value, (list, tuple))
    results = [test_result(item, item_path(path, i, many)) for i, item in enumerate(items)]
    failed = results.count(False)
    return RunTally(len(results) - failed, failed)


def _counted_runs(value: Mapping, path: str) -> RunTally:
    unknown = [key for key in value if key not in ("passed", "failed")]
    if unknown:
        raise ReportError(
            f"{path}.{unknown[0]}", "expected `passed` and `failed`: the number of units each"
        )
    passed = count(value.get("passed", 0), f"{path}.passed", "a number of units")
    failed = count(value.get("failed", 0), f"{path}.failed", "a number of units")
    if passed > 10**9 or failed > 10**9:
        raise ReportError(path, "more than 10^9 units; the limit is 10^9")
    return RunTally(passed, failed)


def _show(value) -> str:
    return f'"{clip(value)}"' if isinstance(value, str) else type_name(value)


def date(value, path: str) -> datetime.date:
    """A calendar date: a YAML date, or text `YYYY-MM-DD` that exists."""
    if type(value) is str and len(value) == 10 and _DATE.match(value):
        try:  # the common case, checked as strictly as below
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, datetime.datetime):
        raise ReportError(path, f"expected a date YYYY-MM-DD, got a date and time ({value})")
    if isinstance(value, datetime.date):
        return value
    raw = text(value, path, "a date YYYY-MM-DD")
    if not _DATE.match(raw):
        raise ReportError(path, f'"{clip(raw)}" is not a date; expected YYYY-MM-DD')
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise ReportError(path, f'"{raw}" is not a valid date') from None


NOT_RECEIVED = "not received"


def received(value, path: str) -> datetime.date | str:
    """A document's date received, or `not received` (NOT_RECEIVED)."""
    if isinstance(value, str) and " ".join(value.split()).casefold() == NOT_RECEIVED:
        return NOT_RECEIVED
    if isinstance(value, str) and not re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
        raise ReportError(
            path,
            f'"{clip(value)}" is not a date; expected the date received (YYYY-MM-DD) '
            'or "not received"',
        )
    return date(value.strip() if isinstance(value, str) else value, path)


def count(value, path: str, what: str = "a whole number", minimum: int = 0) -> int:
    """A whole number: a plain decimal integer (`80`) or its text ("80"); nothing else."""
    if isinstance(value, str):
        match = _COUNT.match(value)
        if match is not None:
            if match.group(1):
                raise ReportError(path, f"expected {what}, got the negative {value.strip()}")
            value = int(match.group(2))
    if isinstance(value, NumberText):
        plain = value.plain()
        write = f"; write {plain}" if plain is not None and plain != value.text else ""
        raise ReportError(path, f"expected {what}, got {value.why()}{write}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ReportError(path, f"expected {what}, got {_show(value)}")
    if value < minimum:
        raise ReportError(path, f"expected {what} of at least {minimum}, got {shown_number(value)}")
    if value > 10**15:
        raise ReportError(path, f"{shown_number(value)} is implausibly large; the limit is 10^15")
    return value


def flag(value, path: str) -> bool:
    if isinstance(value, bool):
        return value
    raise ReportError(path, f"expected true or false, got {_show(value)}")
