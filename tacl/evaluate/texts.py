"""Checks of markings and origin (language-v2.md §8): `contains`, `origin`, `matches`.

Texts are folded like every text requirement (case ignored, runs of white space
as one space). `contains` and `origin` look for each required text as whole
words; `matches` runs the linear-time pattern of tacl/standards/patterns.py on
the whole text, so no pattern and no report text can stall an evaluation.
"""

from __future__ import annotations

from tacl.compile.requirements import ContainsClause, PatternClause
from tacl.compile.values import fold
from tacl.evaluate.verdict import FAIL, MISSING, PASS, Finding, finding
from tacl.standards import patterns

SHOWN, LISTED = 10, 5


def holds(text: str, word: str) -> bool:
    """Whether folded `text` holds folded `word` with no letter or digit touching it."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(word, start + 1)
    return False


def _quote(text: str) -> str:
    shown = " ".join(text.split())
    return '"' + (shown if len(shown) <= 200 else shown[:200] + "…") + '"'


def _actual(found) -> str:
    return ", ".join(_quote(t) for t in found[:SHOWN]) + (", …" if len(found) > SHOWN else "")


class ContainsCheck:
    __slots__ = ("clause",)

    def __init__(self, clause: ContainsClause):
        self.clause = clause

    def check(self, evidence, ctx) -> Finding:
        clause = self.clause
        found = evidence.samples.get(clause.path)
        if not found:
            return finding(clause, MISSING, None, "no text in the report")
        lacking = []
        for text in found:
            folded = fold(text)
            absent = [word for word in clause.required if not holds(folded, word)]
            if absent:
                lacking.append((text, absent))
        actual = _actual(found)
        if not lacking:
            return finding(clause, PASS, actual, f"{clause.expected}: found")
        text, absent = lacking[0]
        what = ", ".join(f'"{word}"' for word in absent)
        lead = "" if len(found) == 1 else f"{len(lacking)} of {len(found)} lack it; "
        return finding(clause, FAIL, actual, f"{lead}{_quote(text)} does not hold {what}")


class PatternCheck:
    __slots__ = ("clause", "pattern")

    def __init__(self, clause: PatternClause):
        self.clause = clause
        self.pattern = patterns.parse(clause.pattern)

    def check(self, evidence, ctx) -> Finding:
        clause = self.clause
        found = evidence.samples.get(clause.path)
        if not found:
            return finding(clause, MISSING, None, "no text in the report")
        wrong = [text for text in found if not self.pattern.matches(text)]
        actual = _actual(found)
        if not wrong:
            return finding(clause, PASS, actual, f"{clause.expected}: every text matches")
        shown = ", ".join(_quote(t) for t in wrong[:LISTED]) + (
            ", …" if len(wrong) > LISTED else ""
        )
        lead = "" if len(found) == 1 else f"{len(wrong)} of {len(found)} do not match: "
        tail = "" if len(found) > 1 else " does not match the pattern"
        return finding(clause, FAIL, actual, f"{lead}{shown}{tail}")
