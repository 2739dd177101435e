"""What a terminal's regular expression can match, for the generator's lexer shortcuts.

Generation-time only (`tacl.syntax.generate`): facts read off Python's parsed form of
each terminal's regex — the characters a match can start with, whether it can hold a
line feed, whether it has look-arounds — and the shortcuts they justify for the
run-time lexer (`tacl.syntax.lalr`): which matches of the one root regex a parser
state's own lexer would find too, which keywords it may take from it, and which white
space can be stepped over unasked. Each answer errs on the safe side: "unsure" means
"no shortcut", never a different token.
"""

from __future__ import annotations


def first_chars(regexp: str) -> frozenset[str] | None:
    """Every character a match of `regexp` can start with, or None if unsure.

    An over-approximation from the parsed pattern: literals and small character
    classes are listed, look-arounds and anchors are skipped (they consume
    nothing); negated classes, categories, `.`, flags or a pattern that can match
    the empty string give None.
    """
    import re._constants as c
    import re._parser as p

    def of(items) -> tuple[set | None, bool]:
        found: set = set()
        for op, av in items:
            first, nullable = item(op, av)
            if first is None:
                return None, False
            found |= first
            if not nullable:
                return found, False
        return found, True

    def item(op, av) -> tuple[set | None, bool]:
        if op is c.LITERAL:
            return {chr(av)}, False
        if op is c.IN:
            chars: set = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 1024:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None, False
            return chars, False
        if op is c.BRANCH:
            found, nullable = set(), False
            for branch in av[1]:
                first, empty = of(branch)
                if first is None:
                    return None, False
                found |= first
                nullable = nullable or empty
            return found, nullable
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            return of(av[3])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            first, empty = of(av[2])
            return first, empty or av[0] == 0
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True
        return None, False

    first, nullable = of(p.parse(regexp))
    return None if first is None or nullable else frozenset(first)


def _plain(regexp: str) -> bool:
    """True if `regexp` has no look-around or anchor, so that a text starting with
    a string it matches gives it a match too."""
    import re._constants as c
    import re._parser as p

    def walk(items) -> bool:
        for op, av in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT, c.GROUPREF, c.GROUPREF_EXISTS):
                return False
            if op is c.BRANCH and not all(walk(b) for b in av[1]):
                return False
            if op is c.SUBPATTERN and not walk(av[3]):
                return False
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and not walk(av[2]):
                return False
        return True

    return walk(p.parse(regexp))


def shadowing(alternatives, root) -> tuple[str, ...]:
    """The root alternatives a state lexer is better served without: each regex that
    keywords fold into (`UNIT`, `WORD`) which the state does not accept, and which
    comes, in the root's order, before one it does accept.

    Left in, such a regex would shadow the one the state wants: `UNIT` matches every
    word, so in a state that takes a `WORD` (or a keyword) the root would find `UNIT`
    and send each word, and the white space before it, to the slow per-state path.
    The root without it is still an alternation in Lark's order, so every proof below
    holds for it as for the whole root.
    """
    order, unless = root
    folding = [name for name in order if name in unless]
    wanted = [i for i, name in enumerate(folding) if name in alternatives]
    if not wanted:
        return ()
    return tuple(name for name in folding[: max(wanted)] if name not in alternatives)


def without(root, dropped) -> tuple[tuple[str, ...], dict]:
    """The root lexer (alternatives, keyword collisions) less the `dropped` alternatives."""
    order, unless = root
    return (
        tuple(name for name in order if name not in dropped),
        {name: words for name, words in unless.items() if name not in dropped},
    )


def fast_alternatives(alternatives, root, terminals) -> tuple[str, ...]:
    """The root alternatives of a state lexer whose root match the state would find too.

    A state's own alternatives that the root lacks are keywords the root folds into
    a regex R (WORD). Such a keyword can match only where R matches too (R has no
    look-around), so the root, which tries R first, finds R or something earlier:
    an alternative after R in the root's order is safe from it.
    """
    root_order, root_unless = root
    rank = {name: i for i, name in enumerate(root_order)}
    folded = {kw: regex for regex, words in root_unless.items() for kw in words.values()}
    fast, blocker = [], -1
    for name in alternatives:
        if name in rank:
            if rank[name] > blocker:
                fast.append(name)
            continue
        regex = folded.get(name)
        if regex is None or not _plain(terminals[regex][2]):
            break  # nothing known about what it matches: stop here
        blocker = max(blocker, rank[regex])
    return tuple(fast)


def keyword_shortcuts(alternatives, root, terminals) -> dict[str, tuple[str, ...]]:
    """For a state lexer: {root regex R: keywords it may take straight from the root}.

    When the root alternation finds R (not in this state) and R's text is a keyword
    K of this state, the state's own lexer would also find K — provided no
    alternative before K in this state's order can match there: root alternatives
    before R did not; a literal matches only if it is a prefix of K or extends it;
    a regex only if K's first character can start it.
    """
    root_order, root_unless = root
    rank = {name: i for i, name in enumerate(root_order)}
    shortcuts = {}
    for regex, keywords in root_unless.items():
        if regex in alternatives:
            continue
        safe = []
        for text, keyword in sorted(keywords.items()):
            if keyword not in alternatives:
                continue
            before = alternatives[: alternatives.index(keyword)]
            if all(_cannot_match(a, text, regex, rank, terminals) for a in before):
                safe.append(keyword)
        if safe:
            shortcuts[regex] = tuple(safe)
    return shortcuts


def _cannot_match(name: str, keyword: str, regex: str, rank: dict, terminals: dict) -> bool:
    if name in rank and rank[name] < rank[regex]:
        return True  # the root alternation tried it first, and it did not match
    kind, value, regexp = terminals[name]
    if kind == "str":
        return not (keyword.startswith(value) or value.startswith(keyword))
    first = first_chars(regexp)
    return first is not None and keyword[0] not in first


def may_span_lines(regexp: str) -> bool:
    """False only if no match of `regexp` can contain a line feed (then the lexer
    need not count lines in it); Lark's own test is a cruder look at the text."""
    import re._constants as c
    import re._parser as p

    if "(?s" in regexp:
        return True

    def in_set(items) -> bool:
        negate = any(kind is c.NEGATE for kind, _ in items)
        for kind, value in items:
            if kind is c.LITERAL and value == 10 or kind is c.RANGE and value[0] <= 10 <= value[1]:
                return not negate
            if kind is c.CATEGORY:
                return True
        return negate

    def walk(items) -> bool:
        for op, av in items:
            if op is c.LITERAL and av == 10 or op is c.NOT_LITERAL and av != 10:
                return True  # (`.` never matches a line feed here: "(?s" was ruled out)
            if op is c.IN and in_set(av):
                return True
            if op is c.BRANCH and any(walk(b) for b in av[1]):
                return True
            if op is c.SUBPATTERN and walk(av[3]):
                return True
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and walk(av[2]):
                return True
            if op not in KNOWN:
                return True
        return False

    KNOWN = {
        c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN, c.BRANCH, c.SUBPATTERN, c.MAX_REPEAT, c.MIN_REPEAT,
        c.POSSESSIVE_REPEAT, c.AT, c.ASSERT, c.ASSERT_NOT,
    }  # fmt: skip
    return walk(p.parse(regexp))


def skippable(ignore, terminals, newline_types, first=None) -> tuple[str, str] | None:
    """(name, regexp) of an ignored terminal the lexer may step over unasked.

    Safe when no other terminal can start with a character it starts with (so in
    every state, at such a character, it is the only match) and it spans no line
    break (so positions need no counting inside it).
    """
    first = first or {name: first_chars(spec[2]) for name, spec in terminals.items()}
    for name in sorted(ignore):
        own = first[name]
        if own is None or name in newline_types:
            continue
        others = [f for other, f in first.items() if other != name]
        if all(f is not None and not (f & own) for f in others):
            return name, terminals[name][2]
    return None
