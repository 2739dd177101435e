"""Named defects in a report, counted in the class the contract gives them (language-v2.md §4).

A report may give a lot's defects as a list of named defects instead of class
counts. A name the contract lists takes the contract's class (names compare like
text); where the report's `class` disagrees, the contract wins and the finding
says so. An unlisted name takes the report's `class`; without one it cannot be
counted anywhere, and the AQL clauses it might belong to are `missing`, the
message naming the defect to classify — unless a class is rejected already by
the defects that are classified, since one more defect cannot accept it again.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Counted:
    """The named defects of one class: their count, how to show them, what to say."""

    count: int
    listed: tuple[str, ...]  # `open seam ×2`, in report order
    overruled: tuple[str, ...]  # notes where the contract's class beat the report's
    unclassified: tuple[str, ...]  # names neither the contract nor the report classifies


def count_class(named, lot, defect_class: str) -> Counted:
    """Count the named defects (shown, folded, count, class) that fall in `defect_class`."""
    count, listed, overruled, unclassified = 0, [], [], []
    for shown, key, number, reported in named:
        contract_class = lot.classify(key) if lot is not None else None
        decided = contract_class or reported
        if decided is None:
            unclassified.append(f'"{shown}"')
            continue
        if decided != defect_class:
            continue
        if contract_class is not None and reported is not None and reported != contract_class:
            overruled.append(
                f'"{shown}" is reported as {reported} but the contract classifies it '
                f"{contract_class}"
            )
        count += number
        listed.append(f"{shown} ×{number}")
    return Counted(count, tuple(listed), tuple(overruled), tuple(unclassified))
