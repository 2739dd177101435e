"""A small LALR(1) driver and contextual lexer over the tables in `tacl.syntax.tables`.

The tables are Lark's, written down ahead of time by `tacl.syntax.generate`; this
module reproduces what `Lark(parser="lalr", lexer="contextual", transformer=...)`
does with them, without Lark, a grammar file, a pickle or a per-state regex:

- Lexing. Lark's contextual lexer compiles one alternation per parser state and
  takes the first alternative that matches. Here one alternation of every terminal
  is compiled once; where the parser state accepts the alternative it found, and no
  terminal of that state's own lexer comes before it in the order Lark sorts them
  (`tables.LEXERS`), Lark's state lexer would have found the same match. Otherwise
  the state's terminals are tried one by one in Lark's order (rare: a keyword used
  as a word, or a syntax error). Keyword collisions (`x` is a WORD and a keyword)
  are resolved per state as Lark's `UnlessCallback` does.
- Errors. `UnexpectedCharacters` and `UnexpectedToken` carry what the diagnostics
  need: the position, the token, the terminals expected, the exact `accepts` set
  (the terminals that would really be shifted, after default reductions) and the
  parser's value stack (to name the innermost open block).
- Tree building (`tacl.syntax.reduce`). Each rule's children are filtered and
  spliced as Lark's `ChildFilterLALR` does (`maybe_placeholders=True`), `?rules`
  with one child pass it through, and the builder's method named after the rule
  (or alias) is called.

Nothing here knows the TACL grammar; tests/syntax/test_syntax_lalr.py checks that
it gives the same trees and the same errors as Lark itself.
"""

from __future__ import annotations

import functools
import re

from tacl.source import Span
from tacl.syntax import tables
from tacl.syntax.reduce import reducer

END_TYPE = "$END"
_new = tuple.__new__  # builds a Span without the Python-level NamedTuple.__new__


class Token:
    """A lexed terminal: its type, its text and its span (offsets and positions).

    The Lark-style position attributes (`start_pos`, `line`, …) read the span.
    """

    __slots__ = ("type", "value", "span")

    def __init__(self, type: str, value: str, span: Span):
        self.type, self.value, self.span = type, value, span

    start_pos = property(lambda self: self.span.start)
    end_pos = property(lambda self: self.span.end)
    line = property(lambda self: self.span.line)
    column = property(lambda self: self.span.column)
    end_line = property(lambda self: self.span.end_line)
    end_column = property(lambda self: self.span.end_column)

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r}, {self.line}:{self.column})"


class UnexpectedInput(Exception):
    """A syntax error; the parser's classification turns it into a diagnostic."""


class UnexpectedCharacters(UnexpectedInput):
    def __init__(self, pos_in_stream: int, line: int, column: int, allowed: frozenset):
        super().__init__(f"unexpected character at {line}:{column}")
        self.pos_in_stream, self.line, self.column, self.allowed = (
            pos_in_stream,
            line,
            column,
            allowed,
        )


class UnexpectedToken(UnexpectedInput):
    """A token the grammar does not allow here (`$END` for the end of the text)."""

    def __init__(self, token: Token, expected: set, state_stack: list, value_stack: list):
        super().__init__(f"unexpected {token.type} at {token.line}:{token.column}")
        self.token, self.expected = token, expected
        self.state_stack, self.value_stack = state_stack, value_stack
        self._accepts = None

    @property
    def accepts(self) -> set:
        """The terminals that would be shifted in this state (Lark's `accepts`)."""
        if self._accepts is None:
            self._accepts = _accepts(self.state_stack)
        return self._accepts


# --- the tables, in the shape the loop wants -----------------------------------------------


def _row(text: str) -> dict[str, int]:
    words = iter(text.split())  # symbol, action, symbol, action, …
    return dict(zip(words, map(int, words)))


_ACTIONS = [_row(row) for row in tables.ACTIONS]
_RULES = tables.RULES
_IGNORE = frozenset(tables.IGNORE)
_NEWLINES = frozenset(tables.NEWLINE_TYPES)
_REGEXPS = {name: spec[2] for name, spec in tables.TERMINALS.items()}
_ROOT_ALTERNATIVES, _ROOT_UNLESS = tables.ROOT_LEXER
_KEYWORD_TEXT = {kw: text for words in _ROOT_UNLESS.values() for text, kw in words.items()}


def _union(names) -> str:
    return "|".join(f"(?P<{name}>{_REGEXPS[name]})" for name in names)


class _StateLexer:
    """One of Lark's per-state lexers: its alternatives, collisions and shortcuts."""

    __slots__ = ("alternatives", "unless", "allowed", "root", "fast", "_patterns")

    def __init__(self, alternatives, unless, root, fast, shortcuts):
        self.alternatives = alternatives
        self.unless = unless
        self.root = root  # index into tables.ROOTS: the root alternation it is matched with
        self.allowed = frozenset(alternatives) - _IGNORE or frozenset({"<END-OF-FILE>"})
        # fast[name] says what to make of the root alternation's match `name`: None,
        # take it as it is; a dict, look its text up ("" holds the type when the text
        # is no keyword here: `name`, or None for "ask this state's own lexer").
        # The generator proved that this state's lexer would find the same match.
        self.fast = {}
        for name in fast:
            keywords = unless.get(name)
            self.fast[name] = None if keywords is None else {**keywords, "": name}
        for regex, keywords in shortcuts.items():
            self.fast[regex] = {**{_KEYWORD_TEXT[kw]: kw for kw in keywords}, "": None}
        self._patterns = None

    def scan(self, text: str, pos: int):
        """(type, value) of the first alternative matching at `pos`, or None."""
        if self._patterns is None:
            self._patterns = [(n, re.compile(_REGEXPS[n])) for n in self.alternatives]
        for name, pattern in self._patterns:
            match = pattern.match(text, pos)
            if match is not None:
                value = match.group()
                keywords = self.unless.get(name)
                return (keywords.get(value, name) if keywords else name), value
        return None


_LEXERS = [_StateLexer(*lexer) for lexer in tables.LEXERS]
_STATE_LEXERS = [_LEXERS[i] for i in tables.STATE_LEXER]
_NOT_FAST = object()
_LINES, _DROP, _COLLECT = 1, 2, 4  # a token type that spans lines, is ignored, is kept
_SKIP = tables.SKIP  # (name, regexp): white space no other terminal can start with


@functools.cache
def _root_match(skip: bool, root: int = 0):
    """`match` of a regex compiled at run time: the alternation of every terminal (less
    those `tables.ROOTS[root]` leaves out), and, with `skip`, the same stepping over
    skippable white space first (possessively).

    Skipping saves a turn of the loop for most tokens (the state's lexer would match
    the white space and ignore it; nothing else can start with it, the generator
    checked). Each form is compiled when first needed (~2 ms each): a parse that keeps
    its comments (the formatter) never needs the skipping one, a parse that drops them
    needs the whole root without skipping only to name an unexpected token.
    """
    dropped = tables.ROOTS[root]
    alternation = _union(name for name in _ROOT_ALTERNATIVES if name not in dropped)
    return re.compile(f"(?:{_SKIP[1]})?+(?:{alternation})" if skip else alternation).match


def _scanners(skip: bool) -> list:
    """Per parser state: (the `match` of its root alternation, its shortcuts). A root
    is compiled on its first use: the entry holds a stand-in until then."""
    scanners: list = []

    def stand_in(root):
        def first_match(text, pos):
            match = _root_match(skip, root)
            for state, lexer in enumerate(_STATE_LEXERS):
                if lexer.root == root:
                    scanners[state] = (match, lexer.fast)
            return match(text, pos)

        return first_match

    stand_ins = [stand_in(root) for root in range(len(tables.ROOTS))]
    scanners.extend((stand_ins[lexer.root], lexer.fast) for lexer in _STATE_LEXERS)
    return scanners


# --- parsing -------------------------------------------------------------------------------


class Parser:
    """Text → whatever the builder's methods make of the start rule."""

    def __init__(self, builder, collect: tuple[str, ...] = ()):
        """`builder` has one method per rule (or alias); `collect`: ignored terminals
        (comments) to hand back, in order, beside the result."""
        self._reducers = [reducer(builder, rule) for rule in _RULES]
        self._collect = frozenset(collect)
        skip = _SKIP is not None and _SKIP[0] not in self._collect
        self._scanners = _scanners(skip)
        # what a token type needs besides a span and a shift (none for most)
        self._needs = dict.fromkeys(_NEWLINES, _LINES)
        for name in _IGNORE:
            self._needs[name] = self._needs.get(name, 0) | _DROP
            if name in self._collect:
                self._needs[name] |= _COLLECT

    def parse(self, text: str) -> tuple[object, list[Token]]:
        """The built start rule and the collected tokens; raises `UnexpectedInput`."""
        scanners, actions, reducers = self._scanners, _ACTIONS, self._reducers
        needs = self._needs
        collected: list[Token] = []
        states, values = [tables.START], []
        pos, line, line_start, size = 0, 1, 0, len(text)
        token = None
        while pos < size:
            match, fast = scanners[states[-1]]
            found = match(text, pos)
            if found is not None:
                kind = found.lastgroup
                keywords = fast.get(kind, _NOT_FAST)
                if keywords is not _NOT_FAST:
                    value = found.group(found.lastindex)  # by index: ~3x faster than by name
                    end = found.end()
                    if keywords is not None:
                        kind = keywords.get(value) or keywords[""]
                else:
                    kind = None
            else:
                kind = None
            if kind is None:
                kind, value = _slow_scan(text, pos, line, line_start, states, values)
                end = pos + len(value)
            start, pos = end - len(value), end
            column = start - line_start + 1
            need = needs.get(kind)
            if need is None:  # the common case: a token on one line, to shift
                span = _new(Span, (start, end, line, column, line, end - line_start + 1))
                token = Token(kind, value, span)
            else:
                span_line = line
                if need & _LINES:
                    breaks = value.count("\n")
                    if breaks:
                        line += breaks
                        line_start = start + value.rindex("\n") + 1
                span = _new(Span, (start, end, span_line, column, line, end - line_start + 1))
                if need & _COLLECT:
                    collected.append(Token(kind, value, span))
                if need & _DROP:
                    continue
                token = Token(kind, value, span)
            while True:  # reduce as far as the table says, then shift the token
                action = actions[states[-1]].get(kind)
                if action is None:
                    raise _unexpected(token, states, values)
                if action >= 0:
                    states.append(action)
                    values.append(token)
                    break
                origin, count, build = reducers[~action]  # inlined `_reduce`: the hot path
                if build is None:
                    states[-1] = actions[states[-2]][origin]
                    continue
                if count:
                    children = values[-count:]
                    del states[-count:]
                    del values[-count:]
                else:
                    children = []
                values.append(build(children))
                states.append(actions[states[-1]][origin])
        return _finish(token, states, values, actions, reducers), collected


def _reduce(reducer, states: list, values: list, actions: list) -> None:
    origin, count, build = reducer
    if build is None:  # a `?rule` whose one child passes through unchanged
        states[-1] = actions[states[-2]][origin]
        return
    if count:
        children = values[-count:]
        del states[-count:]
        del values[-count:]
    else:
        children = []
    values.append(build(children))
    states.append(actions[states[-1]][origin])


def _finish(last, states, values, actions, reducers):
    """Feed `$END` (placed where the last token is, as Lark does): reduce to the start."""
    span = last.span if last is not None else _new(Span, (0, None, 1, 1, None, None))
    end = Token(END_TYPE, "", span)
    while True:
        action = actions[states[-1]].get(END_TYPE)
        if action is None:
            raise _unexpected(end, states, values)
        if action >= 0:  # Lark never shifts `$END`; a table that does is broken
            raise AssertionError("the parse tables shift $END")
        _reduce(reducers[~action], states, values, actions)
        if states[-1] == tables.END:
            return values[-1]


def _unexpected(token: Token, states: list, values: list) -> UnexpectedToken:
    expected = {name for name in _ACTIONS[states[-1]] if name.isupper()}
    return UnexpectedToken(token, expected, states, values)


def _slow_scan(text, pos, line, line_start, states, values):
    """The state's own lexer, terminal by terminal; on no match, Lark's error."""
    lexer = _STATE_LEXERS[states[-1]]
    result = lexer.scan(text, pos)
    if result is not None:
        return result
    column = pos - line_start + 1
    found = _root_match(False)(text, pos)
    if found is None:
        raise UnexpectedCharacters(pos, line, column, lexer.allowed)
    # The text is a terminal, just not one this state allows: say which (as Lark does).
    kind, value = found.lastgroup, found.group()
    keywords = _ROOT_UNLESS.get(kind)
    if keywords:
        kind = keywords.get(value, kind)
    end = pos + len(value)
    end_line, end_start = line, line_start
    if kind in _NEWLINES and "\n" in value:
        end_line += value.count("\n")
        end_start = pos + value.rindex("\n") + 1
    span = _new(Span, (pos, end, line, column, end_line, end - end_start + 1))
    raise UnexpectedToken(Token(kind, value, span), set(lexer.allowed), states, values)


def _accepts(state_stack: list) -> set:
    """Terminals that, fed now, would be shifted (or would end the text) — not merely
    listed in the state's row, where a default reduction may still lead to an error."""
    accepted = set()
    for name in _ACTIONS[state_stack[-1]]:
        if not name.isupper():
            continue
        stack = list(state_stack)
        while True:
            action = _ACTIONS[stack[-1]].get(name)
            if action is None:
                break
            if action >= 0:
                accepted.add(name)
                break
            origin, count = _RULES[~action][:2]
            if count:
                del stack[-count:]
            stack.append(_ACTIONS[stack[-1]][origin])
            if name == END_TYPE and stack[-1] == tables.END:
                accepted.add(name)
                break
    return accepted
