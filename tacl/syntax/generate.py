"""Build the parse tables ahead of time: grammar/tacl.lark → tacl/syntax/tables.py.

    python -m tacl.syntax.generate           # rewrite tables.py from the grammar
    python -m tacl.syntax.generate --check   # exit 1 if tables.py is out of date

Run it after every change to the grammar; tests/syntax/test_syntax_tables.py fails
while tables.py no longer matches. This is the only place that imports Lark: Lark
analyses the grammar (LALR(1) tables, terminal order, keyword collisions, which
children each rule keeps) exactly as `Lark(parser="lalr", lexer="contextual")`
would at run time, and this module writes the result down as plain Python literals
for `tacl.syntax.lalr` to drive. At run time nothing is loaded, built or unpickled.

The output is canonical: states are renumbered breadth-first from the start state,
following symbols in sorted order, so the same grammar gives the same bytes whatever
Lark's internal (hash-dependent) numbering was.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from functools import partial
from pathlib import Path

from tacl.syntax.lexer_facts import (
    fast_alternatives,
    keyword_shortcuts,
    may_span_lines,
    shadowing,
    skippable,
    without,
)

HERE = Path(__file__).resolve().parent
TABLES = HERE / "tables.py"
START = "start"


def grammar_path() -> Path:
    """The grammar in the source tree (`grammar/`) or in the wheel (`tacl/grammar/`)."""
    for candidate in (
        HERE.parents[1] / "grammar" / "tacl.lark",
        HERE.parent / "grammar" / "tacl.lark",
    ):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("grammar/tacl.lark not found next to the tacl package")


def grammar_text() -> str:
    return grammar_path().read_text("utf-8")


def reference_parser(text: str | None = None, **options):
    """The Lark parser the tables are taken from (also the reference in tests)."""
    from lark import Lark

    return Lark(text or grammar_text(), parser="lalr", lexer="contextual", **options)


# --- what Lark decided -----------------------------------------------------------------


def _states(lark_parser) -> tuple[dict, int, int]:
    table = lark_parser.parser.parser._parse_table
    return table.states, table.start_states[START], table.end_states[START]


def _canonical_order(states: dict, start: int) -> list[int]:
    """Lark's state ids in breadth-first order from the start, symbols sorted by name."""
    from lark.parsers.lalr_analysis import Shift

    order, seen = [start], {start}
    for state in order:
        for symbol in sorted(states[state]):
            action, target = states[state][symbol]
            if action is Shift and target not in seen:
                seen.add(target)
                order.append(target)
    missing = set(states) - seen
    order.extend(sorted(missing))  # unreachable states keep a stable place at the end
    return order


def _rule_plan(rule, builder_chain) -> tuple:
    """(origin, size, callback name, expand single child, children kept).

    `children kept` is None (all children, as they are) or a tuple of
    (index, splice, nones before) and the number of Nones appended — Lark's
    ChildFilter for this rule with `maybe_placeholders=True`.
    """
    from lark.parse_tree_builder import (
        ChildFilterLALR,
        ChildFilterLALR_NoPlaceholders,
        ExpandSingleChild,
    )

    expand1, kept = False, None
    for wrapper in builder_chain:
        if wrapper is ExpandSingleChild:
            expand1 = True
        elif isinstance(wrapper, partial) and wrapper.func is ChildFilterLALR:
            include, append_none = wrapper.args
            kept = (tuple((i, bool(x), n) for i, x, n in include), append_none)
        elif isinstance(wrapper, partial) and wrapper.func is ChildFilterLALR_NoPlaceholders:
            (include,) = wrapper.args
            kept = (tuple((i, bool(x), 0) for i, x in include), 0)
        else:
            raise SystemExit(f"generate: unsupported tree-builder step {wrapper!r}")
    if rule.options.template_source:
        raise SystemExit("generate: grammar templates are not supported")
    name = str(rule.alias or rule.origin.name)
    return (str(rule.origin.name), len(rule.expansion), name, expand1, kept)


def _lexer_config(basic_lexer) -> tuple[tuple[str, ...], dict]:
    """(alternatives in match order, {regex terminal: {keyword text: keyword}})."""
    from lark.lexer import _create_unless

    terminals, callbacks = _create_unless(
        basic_lexer.terminals, basic_lexer.g_regex_flags, basic_lexer.re, basic_lexer.use_bytes
    )
    unless = {}
    for name, callback in sorted(callbacks.items()):
        scanner = getattr(callback, "scanner", None)
        if scanner is None:
            raise SystemExit(f"generate: unsupported lexer callback on {name}")
        unless[str(name)] = {str(t.pattern.value): str(t.name) for t in scanner.terminals}
    return tuple(str(t.name) for t in terminals), unless


def collect(lark_parser) -> dict:
    """Everything the run-time parser needs, as plain data in canonical order."""
    from lark.parsers.lalr_analysis import Shift

    options = lark_parser.options
    if options.postlex is not None or lark_parser.lexer_conf.g_regex_flags:
        raise SystemExit("generate: postlexers and global regex flags are not supported")
    states, start, end = _states(lark_parser)
    order = _canonical_order(states, start)
    number = {old: new for new, old in enumerate(order)}
    rules = list(lark_parser.rules)
    rule_number = {rule: i for i, rule in enumerate(rules)}
    builders = dict(lark_parser._parse_tree_builder.rule_builders)

    actions = []
    for old in order:
        row = []
        for symbol in sorted(states[old]):
            action, arg = states[old][symbol]
            row.append(f"{symbol} {number[arg] if action is Shift else ~rule_number[arg]}")
        actions.append(" ".join(row))

    terminals = {}
    for t in lark_parser.terminals:
        regexp = t.pattern.to_regexp()
        if "(?P" in regexp or "\\1" in regexp:
            raise SystemExit(f"generate: terminal {t.name} uses named groups or backreferences")
        terminals[str(t.name)] = (t.pattern.type, str(t.pattern.value), regexp)

    contextual = lark_parser.parser.lexer
    configs: dict[tuple, int] = {}
    state_lexer = []
    for old in order:
        config = _lexer_config(contextual.lexers[old])
        key = (config[0], tuple((k, tuple(sorted(v.items()))) for k, v in config[1].items()))
        state_lexer.append(configs.setdefault(key, len(configs)))
    root = _lexer_config(contextual.root_lexer)
    roots, lexers = _state_roots(configs, root, terminals)
    return {
        "terminals": terminals,
        "ignore": tuple(sorted(lark_parser.lexer_conf.ignore)),
        "newline_types": tuple(
            sorted(
                n for n in contextual.root_lexer.newline_types if may_span_lines(terminals[n][2])
            )
        ),
        "root": root,
        "roots": roots,
        "lexers": lexers,
        "state_lexer": state_lexer,
        "rules": [_rule_plan(rule, builders[rule]) for rule in rules],
        "actions": actions,
        "skip": skippable(
            lark_parser.lexer_conf.ignore, terminals, contextual.root_lexer.newline_types
        ),
        "start": number[start],
        "end": number[end],
    }


def _state_roots(configs, root, terminals) -> tuple[list, list]:
    """(the root alternations, each as the alternatives it leaves out; the state lexers).

    Each state lexer is matched by the root less what would shadow its own terminals
    (`lexer_facts.shadowing`), with its shortcuts proved against that root. The whole
    root comes first: it also names the unexpected token of a syntax error.
    """
    roots: dict[tuple, int] = {(): 0}
    lexers = []
    for alts, unless in configs:
        dropped = shadowing(alts, root)
        own = without(root, dropped)
        lexers.append(
            (
                alts,
                {k: dict(v) for k, v in unless},
                roots.setdefault(dropped, len(roots)),
                fast_alternatives(alts, own, terminals),
                keyword_shortcuts(alts, own, terminals),
            )
        )
    return list(roots), lexers


# --- writing it down ---------------------------------------------------------------------

HEADER = (
    "# Generated by `python -m tacl.syntax.generate` from grammar/tacl.lark; do not edit.\n"
    "# Regenerate after every grammar change (tests/syntax/test_syntax_tables.py checks).\n"
)


def render(data: dict, grammar: str) -> str:
    digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()
    out = [
        HEADER,
        '"""LALR(1) tables and lexer data for the TACL grammar, read by `tacl.syntax.lalr`."""\n',
        "# fmt: off",
        f"GRAMMAR_SHA256 = {digest!r}",
        f"START = {data['start']}",
        f"END = {data['end']}",
        f"IGNORE = {data['ignore']!r}",
        f"NEWLINE_TYPES = {data['newline_types']!r}",
        "# (name, regexp) of white space no other terminal starts with, or None",
        f"SKIP = {data['skip']!r}",
        "",
        "# name: (pattern type, pattern as written, regular expression)",
        "TERMINALS = {",
        *(f"    {name!r}: {value!r}," for name, value in data["terminals"].items()),
        "}",
        "",
        "# the lexer of the whole grammar: (alternatives in match order, keyword collisions)",
        f"ROOT_LEXER = {data['root']!r}",
        "",
        "# the root alternations the states match with: each is ROOT_LEXER less these",
        f"ROOTS = {tuple(data['roots'])!r}",
        "",
        "# one lexer per distinct set of terminals a parser state accepts: (alternatives in",
        "# match order, keyword collisions, its root (index into ROOTS), matches of that root",
        "# it would find too, keywords it takes from that root's match)",
        "LEXERS = (",
        *(f"    {value!r}," for value in data["lexers"]),
        ")",
        "",
        "# the lexer each state uses (index into LEXERS)",
        f"STATE_LEXER = {tuple(data['state_lexer'])!r}",
        "",
        "# (origin, size, callback, expand single child, children kept) by rule number",
        "RULES = (",
        *(f"    {value!r}," for value in data["rules"]),
        ")",
        "",
        "# per state: `symbol action` pairs; action >= 0 shifts to (or goes to) that state,",
        "# ~n (that is -n-1) reduces by rule n. Strings: they compile ~10x faster than tuples",
        "# when no bytecode is cached, and each row reads as one line.",
        "ACTIONS = (",
        *(f"    {value!r}," for value in data["actions"]),
        ")",
        "# fmt: on",
        "",
    ]
    return "\n".join(out)


def generate(grammar: str | None = None) -> str:
    text = grammar if grammar is not None else grammar_text()
    return render(collect(reference_parser(text)), text)


def main(argv=None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument(
        "--check", action="store_true", help="only say whether tables.py is current"
    )
    args = options.parse_args(argv)
    fresh = generate()
    current = TABLES.read_text("utf-8") if TABLES.exists() else ""
    if args.check:
        if fresh != current:
            print("tacl/syntax/tables.py is out of date: run python -m tacl.syntax.generate")
            return 1
        print("tacl/syntax/tables.py is up to date")
        return 0
    if fresh != current:
        TABLES.write_text(fresh, "utf-8")
        print(f"wrote {TABLES}")
    else:
        print(f"{TABLES} already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
