"""Colour clauses: the same colour, or within a ΔE tolerance of the target.

ΔE is the one float in a verdict: colour difference is defined on real numbers.
It is rounded to six decimals (far below any instrument's precision, far above
float noise: 0.6² + 0.8² gives ΔE76 1.0000000000000004) and then compared with
the contract's tolerance (a Decimal) exactly, so a colour on the bound passes. Without a tolerance only the same colour passes:
the same hex, the same Lab numbers, or the same name, pantone or RAL code
(compared like text). A hex target and a Lab reading, or the reverse, are the
same colour when ΔE00 is below 0.005, the precision of a Lab reading to two
decimals. A name cannot be compared with a code or a measurement, so such a
sample leaves the clause `missing` rather than guessing.
"""

from __future__ import annotations

from decimal import Decimal

from tacl.colorimetry import delta_e_76, delta_e_2000
from tacl.errors import ReportError
from tacl.evaluate.verdict import FAIL, MISSING, PASS, Finding
from tacl.evaluate.verdict import finding as _finding

SAME = Decimal("0.005")
PLACES = Decimal("0.000001")
MEASURED = ("hex", "lab")
CACHED = 4096  # ΔE values kept per clause: a report names few colours, often the same


def check_colour(clause, found, deltas: dict | None = None) -> Finding:
    """The finding of a colour clause; `deltas` caches ΔE by Lab reading across reports."""
    deltas = {} if deltas is None else deltas
    actual = ", ".join(sample.shown for sample in found[:10]) + (", …" if len(found) > 10 else "")
    if clause.tolerance is not None:
        return _within(clause, found, actual, deltas)
    results = [_same(clause, sample, deltas) for sample in found]
    if None in results:
        form = next(s.form for s, r in zip(found, results) if r is None)
        return _finding(
            clause,
            MISSING,
            actual,
            f"a {form} colour cannot be compared with the contract's {clause.form}; "
            f"report it as the contract writes it ({clause.expected})",
        )
    wrong = [sample.shown for sample, same in zip(found, results) if not same]
    if not wrong:
        return _finding(clause, PASS, actual, "the same colour")
    return _finding(clause, FAIL, actual, f"{', '.join(wrong[:5])} is not {clause.expected}")


def _delta(clause, text: str, lab, deltas: dict) -> Decimal:
    """ΔE rounded to PLACES decimals: float noise must not fail a colour on the tolerance.

    A pure function of the clause's target and the reading, so kept in `deltas`
    (one dict per clause), keyed by the reading's text and Lab: the text tells
    -0.0 from 0.0, which compare (and hash) equal as floats.
    """
    key = (text, lab)
    delta = deltas.get(key)
    if delta is None:
        formula = delta_e_76 if clause.formula == "dE76" else delta_e_2000
        delta = Decimal(formula(clause.lab, lab)).quantize(PLACES)
        if len(deltas) < CACHED:
            deltas[key] = delta
    return delta


def _within(clause, found, actual, deltas: dict) -> Finding:
    name = "ΔE76" if clause.formula == "dE76" else "ΔE00"
    measured = []
    for index, (_form, text, lab, shown) in enumerate(found):
        if lab is None:
            where = clause.path if len(found) == 1 else f"{clause.path}[{index}]"
            raise ReportError(
                where,
                f'"{shown}" is not a measured colour; a ΔE tolerance needs "#RRGGBB" or '
                '"lab(L, a, b)"',
            )
        measured.append((_delta(clause, text, lab, deltas), shown))
    tolerance = clause.tolerance
    over = [(d, s) for d, s in measured if d > tolerance]
    worst = max(d for d, _ in measured)
    if not over:
        return _finding(
            clause, PASS, actual, f"{name} {worst:.2f} from {clause.text}, within {tolerance}"
        )
    if len(found) == 1:
        message = f"{name} {worst:.2f} from {clause.text}, above the tolerance of {tolerance}"
        return _finding(clause, FAIL, actual, message)
    listed = ", ".join(f"{s} ({name} {d:.2f})" for d, s in over[:5])
    message = f"{len(over)} of {len(found)} samples above the tolerance of {tolerance}: {listed}"
    return _finding(clause, FAIL, actual, message)


def _same(clause, sample, deltas: dict) -> bool | None:
    """Whether a sample is the target colour; None when the forms cannot be compared."""
    form, text, lab = sample.form, sample.text, sample.lab
    if form == clause.form:
        return lab == clause.lab if form == "lab" else text == clause.text
    if form in MEASURED and clause.form in MEASURED:
        return _delta(clause, text, lab, deltas) < SAME
    return None
