"""Numbers in reports: what counts as one, and the forms a report may not use.

A number in a report is read the way a contract's number is: ASCII digits, one
`_` allowed between two digits, an optional `.` and fraction, a leading `-`
where a value may be negative (`NUMBER`, the contract grammar's, with possessive
quantifiers so that no text makes a match backtrack). Outside a string, only a
**plain decimal integer** is a number: `-?(0|[1-9][0-9]*)`, at most MAX_DIGITS
digits, and not `-0`.

Everything else that YAML or JSON would turn into a number — YAML 1.1's octal
`015` (13), `0x3E8`, `0b…`, `0o…`, sexagesimal `16:40` (1000), `+1000`, `1_000`,
every float (`1.5`, `1e3`, `.inf`, `.nan`), an integer of more digits than any
count has — is loaded as a `NumberText`, never built as a number: the reader
that meets it names its key path and says what YAML would have made of it. So a
report cannot turn a rejected lot into an accepted one by writing `minor: 015`,
and a 5 000-digit or 900 KB sexagesimal scalar costs no more than reading it.
"""

from __future__ import annotations

import re

MAX_DIGITS = 30

#: The contract grammar's NUMBER (ASCII digits, single `_` between digits, a fraction).
DIGITS = r"[0-9](?:_?[0-9])*+"
NUMBER = rf"(-?)({DIGITS})(?:\.({DIGITS}))?+"

_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")


class NumberText:
    """A number written in a form a report may not use, kept as the text it was written as."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __eq__(self, other: object) -> bool:
        return type(other) is NumberText and other.text == self.text

    def __hash__(self) -> int:
        return hash((NumberText, self.text))

    def __repr__(self) -> str:
        return f"NumberText({self.text!r})"

    def __str__(self) -> str:
        return self.text

    def why(self) -> str:
        """`015, which YAML 1.1 reads as octal 13`: the number and what is wrong with it."""
        return f"{_shown(self.text)}{_problem(self.text)}"

    def plain(self) -> str | None:
        """The plain decimal integer the writer most likely meant (`015` → `15`), if any."""
        text = self.text.strip()
        sign = "-" if text.startswith("-") else ""
        digits = text.lstrip("+-").replace("_", "")
        if not (digits.isascii() and digits.isdigit()) or len(digits) > MAX_DIGITS:
            return None
        value = digits.lstrip("0") or "0"
        return value if value == "0" else sign + value


def integer(text: str):
    """The value of an integer scalar's text: an `int` if plain decimal, else a `NumberText`."""
    if len(text.lstrip("-")) <= MAX_DIGITS and _PLAIN_INT.match(text) and text != "-0":
        return int(text)
    return NumberText(text)


def _shown(text: str) -> str:
    if len(text) <= 40:
        return text
    return f"{text[:20]}… (a number of {len(text):,} characters)"


def _problem(text: str) -> str:
    """What YAML or JSON would make of the number, in words; the first reason found."""
    body = text.lstrip("+-")
    lower = body.lower()
    if sum(ch.isdigit() for ch in body) > MAX_DIGITS:
        return f", which has more than {MAX_DIGITS} digits"
    if lower in (".inf", "inf", "infinity", ".nan", "nan"):
        return ", which is not a finite number"
    if lower.startswith(("0x", "0b", "0o")):
        base = {"x": "hexadecimal", "b": "binary", "o": "octal"}[lower[1]]
        return f", which YAML 1.1 reads as a {base} number"
    if ":" in body:
        return ", which YAML 1.1 reads as a sexagesimal (base 60) number, as 16:40 is 1000"
    if "." in body or "e" in lower:
        return ", a fraction or an exponent, where a whole number is needed"
    if "_" in body:
        return ", which YAML 1.1 reads with its `_` dropped"
    if text.startswith("+"):
        return ", with a plus sign, which YAML reads as a number"
    if text.strip() == "-0":
        return ", a negative zero"
    if len(body) > 1 and body.startswith("0") and body.isdigit():
        if set(body) <= set("01234567"):
            return f", which YAML 1.1 reads as octal {int(body, 8)}"
        return ", with a leading zero, which YAML 1.1 reads as octal where it can"
    return ""
