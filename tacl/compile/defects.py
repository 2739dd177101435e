"""`defects { … }` blocks: named defects and the class the contract gives each (language-v2.md §4).

A list may stand at contract level and in a product; a product's list adds to the
contract's and, for a name in both, overrides it. Names compare like text (case
and runs of white space folded). Within one list a name in two classes is an
error (E226); the same name twice in one class is a duplicate (E302).
"""

from __future__ import annotations

from tacl.compile import values
from tacl.compile.orders import DefectName
from tacl.syntax import ast


def compile_defects(ctx, block: ast.Block, where: str) -> list[tuple[DefectName, ast.Text]]:
    """The named defects of one block, each with the string node that named it."""
    seen: dict[str, tuple[DefectName, ast.Text]] = {}
    out = []
    for stmt in block.statements:
        for node in stmt.names:
            name = values.text(ctx.rep, node)
            if name is None:
                continue
            key = values.fold(name)
            entry = DefectName(key, name, stmt.defect_class)
            first = seen.get(key)
            if first is None:
                seen[key] = (entry, node)
                out.append((entry, node))
            elif first[0].defect_class != entry.defect_class:
                ctx.rep.error(
                    "E226",
                    "defect-in-two-classes",
                    f'defect "{name}" is {entry.defect_class} here and '
                    f"{first[0].defect_class} on line {first[1].span.line}",
                    node,
                    f"a defect has one class in {where}; keep the name in one list",
                )
            else:
                ctx.rep.error(
                    "E302",
                    "duplicate-clause",
                    f'defect "{name}" is listed twice; first on line {first[1].span.line}',
                    node,
                    "keep one and delete the other",
                )
    return out


def merged(base: tuple[DefectName, ...], own: tuple[DefectName, ...]) -> tuple[DefectName, ...]:
    """A product's classification: the contract's list, with the product's own on top."""
    keys = {entry.key for entry in own}
    return tuple(entry for entry in base if entry.key not in keys) + own
