"""Ratio-packed cartons (language-v2.md §11): reading the counts, judging the ratio.

The report gives, for the clause `assortments.NAME`, one mapping per carton the
inspector opened, SKU → units found (a single mapping is one carton):

    assortments:
      size run 12:
        - {CV-36: 1, CV-37: 2, CV-38: 3, CV-39: 3, CV-40: 2, CV-41: 1}
        - {CV-36: 1, CV-37: 2, CV-38: 3, CV-39: 2, CV-40: 3, CV-41: 1}

Every SKU of the assortment needs its count in every carton (0 when none was
found): a count left out is a report error, not a guess. A SKU outside the
assortment may be listed (a carton can hold a wrong article); any unit of it
fails the carton. The clause passes when every opened carton holds exactly the
ratio, fails when any carton differs, and is missing when no carton was opened.
"""

from __future__ import annotations

from collections.abc import Mapping

import tacl.paths as paths
from tacl.compile.ir import AssortmentClause
from tacl.errors import ReportError
from tacl.evaluate import samples
from tacl.evaluate.verdict import FAIL, MISSING, PASS, finding

Carton = tuple[tuple[str, int], ...]  # (SKU, units found), as the report lists them
SHOWN = 5  # differing cartons described in a message


def reader(clause: AssortmentClause):
    """A report value → the cartons it describes (a tuple of `Carton`)."""
    wanted = [sku for sku, _ in clause.counts]

    def read(value, path: str) -> tuple[Carton, ...]:
        many = isinstance(value, (list, tuple))
        cartons = []
        for index, item in enumerate(samples.as_list(value, path)):
            where = samples.item_path(path, index, many)
            cartons.append(_carton(item, where, wanted))
        return tuple(cartons)

    return read


def _carton(item, path: str, wanted: list[str]) -> Carton:
    if not isinstance(item, Mapping):
        raise ReportError(
            path,
            f"expected the units found per SKU in one carton, such as {{{wanted[0]}: 2}}, "
            f"got {samples.type_name(item)}",
        )
    counts = []
    for sku, units in item.items():
        if not isinstance(sku, str):
            raise ReportError(paths.child(path, str(sku)), "a SKU is text; put it in quotes")
        counts.append((sku, samples.count(units, paths.child(path, sku), "a number of units", 0)))
    missing = [sku for sku in wanted if sku not in item]
    if missing:
        raise ReportError(
            paths.child(path, missing[0]),
            f"missing; give the units of every SKU of the assortment in each carton "
            f"({', '.join(wanted)}), 0 when none was found",
        )
    return tuple(counts)


class AssortmentCheck:
    """Every opened carton holds exactly the assortment's counts and nothing else."""

    __slots__ = ("clause", "wanted")

    def __init__(self, clause: AssortmentClause):
        self.clause = clause
        self.wanted = dict(clause.counts)

    def check(self, evidence, ctx):
        clause = self.clause
        cartons = evidence.samples.get(clause.path)
        if not cartons:
            return finding(clause, MISSING, None, "the report opens no carton of this assortment")
        wrong = [(i, d) for i, carton in enumerate(cartons, 1) if (d := self.differences(carton))]
        count = len(cartons)
        noun = "carton" if count == 1 else "cartons"
        if not wrong:
            every = "the carton holds" if count == 1 else f"each of {count} cartons holds"
            return finding(clause, PASS, f"{count} {noun} as the ratio", f"{every} the ratio")
        described = "; ".join(f"carton {i}: {', '.join(diff)}" for i, diff in wrong[:SHOWN])
        more = "; …" if len(wrong) > SHOWN else ""
        return finding(clause, FAIL, f"{len(wrong)} of {count} {noun} differ", described + more)

    def differences(self, carton: Carton) -> list[str]:
        """What differs from the ratio, one text per SKU (`3 × CV-39 instead of 2`)."""
        found = dict(carton)
        out = []
        for sku, units in self.wanted.items():
            if found[sku] != units:
                out.append(f"{found[sku]} × {sku} instead of {units}")
        for sku, units in carton:
            if sku not in self.wanted and units:
                out.append(f"{units} × {sku}, not in the assortment")
        return out
