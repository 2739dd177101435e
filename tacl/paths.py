"""Clause paths and report key paths: segments joined by `.`, unambiguous (issue 8 item 7).

A path names a clause (`products.DL-200.spec.voltage`) or a place in a report
(`products.DL-200.weight[1]`). Names that users choose — SKUs, `dimension`,
`spec` and `test` names, shipment names — may contain the separator, so a segment
that holds `.`, `"`, `\\`, `[` or `]`, a control character, or is empty or padded
with white space, is written in double quotes with `\\"` and `\\\\` escaped:

    product "A" { spec "spec.b" … }   →  products.A.spec."spec.b"
    product "A.spec" { spec b … }     →  products."A.spec".spec.b

so that two different clauses never share a path (before, both were
`products.A.spec.spec.b`, "stated twice", and the help said to delete one). A
segment without such characters is written as it is, so every path of a contract
whose names hold no dot is unchanged, and so is its fingerprint. `split` reads a
path back into its segments; `split(join(*s)) == s` for any segments.
"""

from __future__ import annotations

import functools

_SPECIAL = frozenset('."\\[]')


@functools.lru_cache(maxsize=4096)  # a contract names the same few things again and again
def segment(name: str) -> str:
    """One segment as a path writes it: quoted when it could be read otherwise."""
    if name and name == name.strip() and not any(ch in _SPECIAL or ch < " " for ch in name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def join(*names: str) -> str:
    """The path of these segments (`join("products", "A.spec")` → `products."A.spec"`)."""
    return ".".join(segment(name) for name in names)


def child(path: str, name: str) -> str:
    """`path` extended by one segment (`path` may be empty: the root)."""
    return f"{path}.{segment(name)}" if path else segment(name)


def split(path: str) -> tuple[str, ...]:
    """The segments of a path written by `join`; a ValueError for one it cannot have written."""
    names: list[str] = []
    index, length = 0, len(path)
    while True:
        if index < length and path[index] == '"':
            name, index = _quoted(path, index)
        else:
            end = path.find(".", index)
            end = length if end == -1 else end
            name, index = path[index:end], end
        names.append(name)
        if index == length:
            return tuple(names)
        if path[index] != ".":
            raise ValueError(f"not a path: {path!r}")
        index += 1


def _quoted(path: str, index: int) -> tuple[str, int]:
    """The text of the quoted segment starting at `index`, and the index after it."""
    out = []
    index += 1
    while index < len(path):
        char = path[index]
        if char == "\\" and index + 1 < len(path):
            out.append(path[index + 1])
            index += 2
        elif char == '"':
            return "".join(out), index + 1
        else:
            out.append(char)
            index += 1
    raise ValueError(f"not a path (unclosed quote): {path!r}")
