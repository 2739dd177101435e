"""What the inspection plan prints as accepted: the compiled range, as the contract wrote it.

A measured clause's `expected` is its requirement by value (`5 pH to 6 pH`), the
text the fingerprint counts, so a trailing zero the buyer wrote is gone. An
inspector reads `between 5.0 and 6.0 pH` as "read to one decimal", and a
micrometer reading of `0.80 mm` against `at least 0.8 mm` invites a doubt the
contract never had. The plan therefore shows the range in the contract's own
precision, from what the IR already keeps (`written`, the constraint as the
contract writes it), and never rounds: a bound is either a number the contract
wrote (shown as written) or one worked out from a value and its tolerance
(shown with at least as many decimals as the most precise number written, and
every further digit the exact bound needs).

A product's `cartons per unit N` compiles to a count in pieces, which the
verdict and the fingerprint keep; the plan says what the inspector counts:
cartons.
"""

from __future__ import annotations

import re
from fractions import Fraction

from tacl.compile.ir import Clause, ColourClause, MeasureClause

_NUMBER = r"\d+(?:\.\d+)?"
#: A number as the compiled range shows it (`-20`, `149.5`); `≈…` is left alone.
_SHOWN = re.compile(rf"-?{_NUMBER}")
#: A number as the written constraint has it: a value, a bound, `+A/-B` of a tolerance.
_WRITTEN = re.compile(rf"[+-]?({_NUMBER})|\+({_NUMBER})/-({_NUMBER})")


def accepted(clause: Clause) -> str:
    """The accept text of a clause for the plan and the report template."""
    if isinstance(clause, MeasureClause):
        if is_carton_count(clause):
            return _cartons(clause)
        return _in_written_precision(clause)
    if isinstance(clause, ColourClause):
        return _colour(clause)
    return clause.expected


def is_carton_count(clause: Clause) -> bool:
    """`products.SKU.packaging.cartons-per-unit`: how many cartons one unit ships in."""
    return clause.path.endswith(".packaging.cartons-per-unit")


def _cartons(clause: MeasureClause) -> str:
    low, high = clause.interval.low, clause.interval.high
    if low is None or low != high or low.denominator != 1:
        return clause.expected  # the compiler allows only a whole count; never guess
    return f"{low} carton" + ("" if low == 1 else "s")


def _in_written_precision(clause: MeasureClause) -> str:
    parts = _parts(clause)
    if parts is None:
        return clause.expected  # a form this module does not know: show it by value
    head, shown, numbers, tail = parts
    tokens = shown.split(" ")
    at = [i for i, token in enumerate(tokens) if _SHOWN.fullmatch(token)]
    if [Fraction(tokens[i]) for i in at] == [Fraction(n) for n in numbers]:
        for i, text in zip(at, numbers):
            tokens[i] = text  # the bounds are the numbers written: as written
    else:
        places = max((_places(n) for n in numbers), default=0)
        for i in at:
            tokens[i] = _padded(tokens[i], places)
    return f"{head}{' '.join(tokens)}{tail}"


def example(clause: Clause, value: Fraction) -> str:
    """`value` (in the clause's unit) as a reading in the contract's precision: `5.0 pH`."""
    from tacl.standards.exact import format_quantity

    text = format_quantity(value, clause.unit)
    parts = _parts(clause)
    places = max((_places(n) for n in parts[2]), default=0) if parts else 0
    tokens = text.split(" ")
    return " ".join(_padded(t, places) if _SHOWN.fullmatch(t) else t for t in tokens)


def _parts(clause: Clause) -> tuple[str, str, list[str], str] | None:
    """(head, the range by value, the numbers written, tail) of a measured clause, or None
    where `written` is missing or not of a form known here."""
    expected, written = clause.expected, getattr(clause, "written", None)
    if not written:
        return None
    head, tail = _decorations(clause)
    if not all(t.startswith(head) and t.endswith(tail) for t in (expected, written)):
        return None
    shown = expected[len(head) : len(expected) - len(tail)]
    stated = written[len(head) : len(written) - len(tail)].removesuffix(f" ({shown})")
    return head, shown, _written_numbers(stated), tail


def _decorations(clause: Clause) -> tuple[str, str]:
    """What `expected` and `written` share around the range: a statistic's `mean ` and
    `, on N samples`, or a rebate's `; up to … with a rebate of …`."""
    statistic = getattr(clause, "statistic", None)
    if statistic is not None:
        from tacl.compile.statistics import describe

        head = "mean " if statistic.mean else ""
        return head, describe(statistic, "")[len(head) :]
    if getattr(clause, "rebate", None) is not None and "; " in clause.expected:
        return "", clause.expected[clause.expected.index("; ") :]
    return "", ""


def _written_numbers(stated: str) -> list[str]:
    """The numbers of a written constraint, in order, without a sign of `+A/-B`."""
    found = []
    for token in stated.split(" "):
        match = _WRITTEN.fullmatch(token)
        if match is None:
            continue  # a word or a unit (`g/m2` is not a number)
        if match.group(1) is not None:
            found.append(token.lstrip("+"))
        else:
            found += [match.group(2), match.group(3)]
    return found


def _places(number: str) -> int:
    return len(number.partition(".")[2])


def _padded(number: str, places: int) -> str:
    """`149` to two places is `149.00`; a number never loses a digit it has."""
    missing = places - _places(number)
    if missing <= 0:
        return number
    return number + ("" if "." in number else ".") + "0" * missing


def _colour(clause: ColourClause) -> str:
    """The target and ΔE tolerance as written (`lab(68.0, 4.5, 38.0) ± 2.0 dE`)."""
    return clause.written or clause.expected
