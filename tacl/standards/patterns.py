"""Patterns for markings (language-v2.md §8): `"L#{5}@"`, matched in linear time by construction.

A pattern is a sequence of items, each one character class with a repetition:

    literal   any character stands for itself, compared like text (case ignored)
    #         a digit 0–9
    @         a letter
    ?         any one character
    {N}       the item before, exactly N times; {N,M} from N to M times
    \\        escapes the next character (`\\#` is a literal `#`); in a contract's
              string also `\\"`, `\\\\`, `\\n`, `\\t` and `\\u{HEX}` as for any string

The whole text must match. Text is compared like every text requirement: runs
of white space fold to one space, ends trimmed, letters compared without case.

There is no alternation, no nesting and no unbounded repetition, so a pattern
matches only texts whose length lies between the sum of its minimum and the sum
of its maximum repetitions — a longer text is refused before anything else.
Matching then keeps the set of positions the items so far can end at as the
bits of one integer and advances it one repetition at a time (`(set & class) <<
1`): no backtracking, so the time is bounded by (pattern length) × (text length)
/ 64 word operations however hostile the pattern or the text.
"""

from __future__ import annotations

import attrs

MAX_REPEAT = 1000  # the largest N or M in {N,M}
MAX_LENGTH = 10_000  # the longest text a pattern may match (a report text's limit)

DIGIT, LETTER, ANY, LITERAL = "digit", "letter", "any", "literal"


class PatternError(ValueError):
    """A pattern that does not parse: `message`, `offset` and `length` in the raw string."""

    def __init__(self, message: str, offset: int, length: int = 1, help: str | None = None):
        super().__init__(message)
        self.message, self.offset, self.length, self.help = message, offset, length, help


@attrs.frozen
class Item:
    kind: str  # digit | letter | any | literal
    char: str = ""  # the literal's character, case-folded
    low: int = 1
    high: int = 1


@attrs.frozen
class Pattern:
    items: tuple[Item, ...]

    @property
    def shortest(self) -> int:
        return sum(item.low for item in self.items)

    @property
    def longest(self) -> int:
        return sum(item.high for item in self.items)

    def matches(self, text: str) -> bool:
        """Whether the whole text (folded like text) matches; linear, never backtracks."""
        folded = " ".join(text.split())
        size = len(folded)
        if not self.shortest <= size <= self.longest:
            return False
        masks: dict[tuple[str, str], int] = {}
        reach = 1  # bit i: the items so far can end at position i
        for item in self.items:
            key = (item.kind, item.char)
            mask = masks.get(key)
            if mask is None:
                mask = masks[key] = _mask(folded, item)
            for _ in range(item.low):
                reach = (reach & mask) << 1
            gathered = reach
            for _ in range(item.high - item.low):
                reach = (reach & mask) << 1
                if not reach:
                    break
                gathered |= reach
            reach = gathered
            if not reach:
                return False
        return bool(reach >> size & 1)


def _mask(text: str, item: Item) -> int:
    """Bit i set where text[i] is in the item's class."""
    if item.kind == ANY:
        return (1 << len(text)) - 1
    if item.kind == DIGIT:
        test = "0123456789".__contains__
    elif item.kind == LETTER:
        test = str.isalpha
    else:
        char = item.char

        def test(c: str) -> bool:
            return c == char or c.casefold() == char

    bits = 0
    for index, c in enumerate(text):
        if test(c):
            bits |= 1 << index
    return bits


_CLASSES = {"#": DIGIT, "@": LETTER, "?": ANY}
_STRING_ESCAPES = {'"': '"', "\\": "\\", "n": " ", "t": " "}  # white space folds to a space


def parse(raw: str) -> Pattern:
    """The pattern of a string literal as written (escapes undecoded); PatternError if bad."""
    items: list[Item] = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "{":
            index = _repeat(raw, index, items)
            continue
        if char == "}":
            raise PatternError(
                "`}` without a `{` before it", index, 1, "write a literal `}` as `\\}`"
            )
        if char == "\\":
            literal, width = _escape(raw, index)
            items.append(_literal(literal))
            index += width
            continue
        kind = _CLASSES.get(char)
        items.append(Item(kind) if kind else _literal(char))
        index += 1
    items = _fold_spaces(items)
    if not items:
        raise PatternError(
            "the pattern is empty", 0, 0, 'a pattern has at least one item: `"L#{5}"`'
        )
    pattern = Pattern(tuple(items))
    if pattern.longest > MAX_LENGTH:
        raise PatternError(
            f"the pattern can match up to {pattern.longest:,} characters; the limit is "
            f"{MAX_LENGTH:,}",
            0,
            len(raw),
            "a marking is not that long: give the repetitions their real range",
        )
    return pattern


def _literal(char: str) -> Item:
    if char.isspace():
        return Item(LITERAL, " ")
    folded = char.casefold()
    return Item(LITERAL, folded if len(folded) == 1 else char.lower())


def _escape(raw: str, index: int) -> tuple[str, int]:
    if index + 1 >= len(raw):
        raise PatternError("`\\` at the end of the pattern", index, 1, "escape a character: `\\#`")
    nxt = raw[index + 1]
    if nxt in _CLASSES or nxt in "{}":
        return nxt, 2
    if nxt in _STRING_ESCAPES:
        return _STRING_ESCAPES[nxt], 2
    if nxt == "u" and raw[index + 2 : index + 3] == "{":
        end = raw.find("}", index + 3)
        digits = raw[index + 3 : end] if end != -1 else ""
        if (
            end != -1
            and 1 <= len(digits) <= 6
            and all(c in "0123456789abcdefABCDEF" for c in digits)
        ):
            code = int(digits, 16)
            if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                return chr(code), end + 1 - index
    raise PatternError(
        f"invalid escape `\\{nxt}` in a pattern",
        index,
        2,
        'escape `#`, `@`, `?`, `{`, `}`, `\\` or `"`; other characters stand for themselves',
    )


def _repeat(raw: str, index: int, items: list[Item]) -> int:
    """Apply `{N}` or `{N,M}` at raw[index] to the last item; return the index after it."""
    end = raw.find("}", index)
    if end == -1:
        raise PatternError("`{` is not closed", index, 1, "a repetition is `{N}` or `{N,M}`")
    body = raw[index + 1 : end]
    width = end + 1 - index
    if not items or (items[-1].low, items[-1].high) != (1, 1):
        what = "nothing" if not items else "another repetition"
        raise PatternError(
            f"`{{{body}}}` repeats {what}",
            index,
            width,
            "a repetition follows the item it repeats: `#{5}`, `@{2,3}`",
        )
    parts = body.split(",")
    if len(parts) > 2 or not all(p.strip().isdigit() and p.strip().isascii() for p in parts):
        raise PatternError(
            f"`{{{body}}}` is not a repetition",
            index,
            width,
            "write `{N}` or `{N,M}` with whole numbers",
        )
    low, high = int(parts[0]), int(parts[-1])
    if low > high or high > MAX_REPEAT or high == 0:
        raise PatternError(
            f"`{{{body}}}` is not a repetition from N to M (N ≤ M, 1 ≤ M ≤ {MAX_REPEAT})",
            index,
            width,
            "write the smaller count first: `{2,5}`",
        )
    items[-1] = attrs.evolve(items[-1], low=low, high=high)
    return end + 1


def _fold_spaces(items: list[Item]) -> list[Item]:
    """Literal spaces fold like text: no space at either end, runs of them as one."""
    out: list[Item] = []
    for item in items:
        space = item.kind == LITERAL and item.char == " " and (item.low, item.high) == (1, 1)
        if space and (not out or (out[-1].kind == LITERAL and out[-1].char == " ")):
            continue
        out.append(item)
    while out and out[-1].kind == LITERAL and out[-1].char == " " and out[-1].high == 1:
        out.pop()
    return out
