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
- Tree building. Each rule's children are filtered and spliced as Lark's
  `ChildFilterLALR` does (`maybe_placeholders=True`), `?rules` with one child pass
  it through, and the builder's method named after the rule (or alias) is called.

Nothing here knows the TACL grammar; tests/syntax/test_syntax_lalr.py checks that
it gives the same trees and the same errors as Lark itself.
"""

from __future__ import annotations

import re

from tacl.syntax import tables

END_TYPE = "$END"


class Token:
    """A lexed terminal with its offsets (0-based) and line/column (1-based)."""

    __slots__ = (
        "type",
        "value",
        "start_pos",
        "line",
        "column",
        "end_pos",
        "end_line",
        "end_column",
    )

    def __init__(self, type, value, start_pos, line, column, end_pos, end_line, end_column):
        self.type = type
        self.value = value
        self.start_pos = start_pos
        self.line = line
        self.column = column
        self.end_pos = end_pos
        self.end_line = end_line
        self.end_column = end_column

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r}, {self.line}:{self.column})"


class Tree:
    """What a rule without a builder method becomes (Lark's default `Tree`)."""

    __slots__ = ("data", "children")

    def __init__(self, data, children):
        self.data, self.children = data, children

    def __repr__(self) -> str:
        return f"Tree({self.data!r}, {self.children!r})"


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
    words = text.split()
    return dict(zip(words[::2], map(int, words[1::2])))


_ACTIONS = [_row(row) for row in tables.ACTIONS]
_RULES = tables.RULES
_IGNORE = frozenset(tables.IGNORE)
_NEWLINES = frozenset(tables.NEWLINE_TYPES)
_REGEXPS = {name: spec[2] for name, spec in tables.TERMINALS.items()}


def _union(names) -> re.Pattern:
    return re.compile("|".join(f"(?P<{name}>{_REGEXPS[name]})" for name in names))


class _StateLexer:
    """One of Lark's per-state lexers: its alternatives, collisions and shortcut."""

    __slots__ = ("alternatives", "unless", "allowed", "fast", "_patterns")

    def __init__(self, alternatives, unless, root_alternatives):
        self.alternatives = alternatives
        self.unless = unless
        self.allowed = frozenset(alternatives) - _IGNORE or frozenset({"<END-OF-FILE>"})
        # fast[name]: the keyword map to apply when the root alternation found `name`;
        # only alternatives no state-only terminal (a keyword the root folds into WORD)
        # comes before in Lark's order, so that the first match is the same.
        self.fast = {}
        for name in alternatives:
            if name not in root_alternatives:
                break
            self.fast[name] = unless.get(name)
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


_ROOT_ALTERNATIVES, _ROOT_UNLESS = tables.ROOT_LEXER
_ROOT = _StateLexer(_ROOT_ALTERNATIVES, _ROOT_UNLESS, frozenset(_ROOT_ALTERNATIVES))
_LEXERS = [
    _StateLexer(alts, unless, frozenset(_ROOT_ALTERNATIVES)) for alts, unless in tables.LEXERS
]
_STATE_LEXERS = [_LEXERS[i] for i in tables.STATE_LEXER]
_STATE_FAST = [lexer.fast for lexer in _STATE_LEXERS]
_ROOT_MATCH = _union(_ROOT_ALTERNATIVES).match  # the one regex compiled at run time


# --- parsing -------------------------------------------------------------------------------


class Parser:
    """Text → whatever the builder's methods make of the start rule."""

    def __init__(self, builder, collect: tuple[str, ...] = ()):
        """`builder` has one method per rule (or alias); `collect`: ignored terminals
        (comments) to hand back, in order, beside the result."""
        self._reducers = [_reducer(builder, rule) for rule in _RULES]
        self._collect = frozenset(collect)

    def parse(self, text: str) -> tuple[object, list[Token]]:
        """The built start rule and the collected tokens; raises `UnexpectedInput`."""
        match = _ROOT_MATCH
        actions, reducers, state_fast, newlines = _ACTIONS, self._reducers, _STATE_FAST, _NEWLINES
        ignore, collect = _IGNORE, self._collect
        collected: list[Token] = []
        states, values = [tables.START], []
        pos, line, line_start, size = 0, 1, 0, len(text)
        token = None
        while pos < size:
            state = states[-1]
            found = match(text, pos)
            kind = found.lastgroup if found is not None else None
            fast = state_fast[state]
            if kind in fast:
                value = found.group()
                keywords = fast[kind]
                if keywords:
                    kind = keywords.get(value, kind)
            else:
                kind, value = _slow_scan(text, pos, line, line_start, state, found, states, values)
            end = pos + len(value)
            column = pos - line_start + 1
            start_line = line
            if kind in newlines:
                breaks = value.count("\n")
                if breaks:
                    line += breaks
                    line_start = pos + value.rindex("\n") + 1
            if kind in ignore:
                if kind in collect:
                    collected.append(
                        Token(kind, value, pos, start_line, column, end, line, end - line_start + 1)
                    )
                pos = end
                continue
            token = Token(kind, value, pos, start_line, column, end, line, end - line_start + 1)
            pos = end
            while True:  # reduce as far as the table says, then shift the token
                action = actions[states[-1]].get(kind)
                if action is None:
                    raise _unexpected(token, states, values)
                if action >= 0:
                    states.append(action)
                    values.append(token)
                    break
                origin, count, build = reducers[~action]
                if count:
                    children = values[-count:]
                    del states[-count:]
                    del values[-count:]
                else:
                    children = []
                values.append(build(children))
                states.append(actions[states[-1]][origin])
        return _finish(token, states, values, actions, reducers), collected


def _finish(last, states, values, actions, reducers):
    """Feed `$END`: reduce until the start rule is complete."""
    if last is None:
        end = Token(END_TYPE, "", 0, 1, 1, None, None, None)
    else:
        end = Token(
            END_TYPE,
            "",
            last.start_pos,
            last.line,
            last.column,
            last.end_pos,
            last.end_line,
            last.end_column,
        )
    while True:
        action = actions[states[-1]].get(END_TYPE)
        if action is None:
            raise _unexpected(end, states, values)
        if action >= 0:  # Lark never shifts `$END`; a table that does is broken
            raise AssertionError("the parse tables shift $END")
        origin, count, build = reducers[~action]
        if count:
            children = values[-count:]
            del states[-count:]
            del values[-count:]
        else:
            children = []
        values.append(build(children))
        states.append(actions[states[-1]][origin])
        if states[-1] == tables.END:
            return values[-1]


def _unexpected(token: Token, states: list, values: list) -> UnexpectedToken:
    expected = {name for name in _ACTIONS[states[-1]] if name.isupper()}
    return UnexpectedToken(token, expected, states, values)


def _slow_scan(text, pos, line, line_start, state, found, states, values):
    """The state's own lexer, terminal by terminal; on no match, Lark's error."""
    lexer = _STATE_LEXERS[state]
    result = lexer.scan(text, pos)
    if result is not None:
        return result
    column = pos - line_start + 1
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
    token = Token(kind, value, pos, line, column, end, end_line, end - end_start + 1)
    raise UnexpectedToken(token, set(lexer.allowed), states, values)


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


# --- building ------------------------------------------------------------------------------


def _reducer(builder, rule):
    """(origin, children count, callable) for one rule, wrapped as Lark wraps it."""
    origin, count, name, expand1, kept = rule
    method = getattr(builder, name, None)
    if method is None:

        def method(children, _name=name):
            return Tree(_name, children)

    build = method
    if expand1:
        build = _expand_single(build)
    if kept is not None:
        build = _keep(kept, build)
    return origin, count, build


def _expand_single(build):
    def expand(children):
        return children[0] if len(children) == 1 else build(children)

    return expand


def _keep(kept, build):
    """Lark's ChildFilterLALR: keep, splice (`_rules`) and pad (`[optional]` → None)."""
    include, append_none = kept
    if all(not splice and not nones for _, splice, nones in include) and not append_none:
        indices = tuple(i for i, _, _ in include)

        def pick(children):
            return build([children[i] for i in indices])

        return pick

    def keep(children):
        kept_children = []
        for i, splice, nones in include:
            if nones:
                kept_children += [None] * nones
            if splice:
                kept_children += children[i].children
            else:
                kept_children.append(children[i])
        if append_none:
            kept_children += [None] * append_none
        return build(kept_children)

    return keep
