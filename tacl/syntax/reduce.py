"""What a reduction builds: Lark's tree-building rules, for the builder's methods.

For each grammar rule (`tables.RULES`), the callable the parser calls with the
rule's children: the builder's method named after the rule or alias, behind
Lark's `ChildFilterLALR` (keep, splice inlined `_rules`, pad `[optional]` with
None) and `ExpandSingleChild` (`?rule` with one child) — or None when the single
child simply passes through.
"""

from __future__ import annotations

from operator import itemgetter


class Tree:
    """What a rule without a builder method becomes (Lark's default `Tree`)."""

    __slots__ = ("data", "children")

    def __init__(self, data, children):
        self.data, self.children = data, children

    def __repr__(self) -> str:
        return f"Tree({self.data!r}, {self.children!r})"


def reducer(builder, rule):
    """(origin, children count, callable or None) for one rule, wrapped as Lark wraps it.

    None: the rule hands its single child on (`?rule` with one child). A `_rule` with
    no method of its own gives its children as a list, which the parent splices in
    (Lark builds a Tree and splices its children).
    """
    origin, count, name, expand1, kept = rule
    if expand1 and count == 1 and kept in (None, (((0, False, 0),), 0)):
        return origin, count, None
    method = getattr(builder, name, None)
    if method is None:
        if name.startswith("_"):
            method = _AS_LIST
        else:

            def method(children, _name=name):
                return Tree(_name, children)

    build = method
    if expand1:
        build = _expand_single(build)
    if kept is not None:
        build = _keep(kept, build)
    elif build is _AS_LIST:
        build = list
    return origin, count, build


def _AS_LIST(children):  # a marker: the kept children themselves are the result
    return children


def _expand_single(build):
    def expand(children):
        return children[0] if len(children) == 1 else build(children)

    return expand


def _keep(kept, build):
    """Lark's ChildFilterLALR: keep, splice (`_rules`) and pad (`[optional]` → None).

    The children list is fresh for each reduction and a spliced child's list is
    used once, so the first spliced list is extended in place (Lark does the same
    for left recursion) and an inlined `_rule` returns it without a copy.
    """
    include, append_none = kept
    if all(not splice and not nones for _, splice, nones in include) and not append_none:
        indices = tuple(i for i, _, _ in include)
        if build is _AS_LIST:
            if not indices:  # `_NL+`: nothing kept (a fresh empty list, made in C)
                return itemgetter(slice(0, 0))
            return lambda children: [children[i] for i in indices]

        def pick(children):
            return build([children[i] for i in indices])

        return pick
    first, rest = include[0], include[1:]
    if first[1] and not first[2] and not append_none and all(not n for _, _, n in rest):
        start = first[0]
        tail = tuple((i, splice) for i, splice, _ in rest)
        if not tail and build is _AS_LIST:  # `_NL+` growing: the list it already is
            return itemgetter(start)

        def extend(children):
            kept_children = children[start]
            for i, splice in tail:
                if splice:
                    kept_children += children[i]
                else:
                    kept_children.append(children[i])
            return kept_children if build is _AS_LIST else build(kept_children)

        return extend

    def keep(children):
        kept_children = []
        for i, splice, nones in include:
            if nones:
                kept_children += [None] * nones
            if splice:
                kept_children += children[i]
            else:
                kept_children.append(children[i])
        if append_none:
            kept_children += [None] * append_none
        return kept_children if build is _AS_LIST else build(kept_children)

    return keep
