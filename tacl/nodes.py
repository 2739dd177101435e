"""Frozen attrs classes that are cheap to define: the AST and the IR are made of them.

attrs writes `__init__`, `__eq__`, `__hash__` and `__repr__` for each class by
generating code, which costs ~0.27 ms a class; with ~80 node classes that was
18 ms of every `tacl` start. Here attrs generates only `__init__` and the frozen
`__setattr__`; equality, hashing and repr come once from `Node`, driven by the
same attrs field metadata (a field with `eq=False`, such as a span, takes no part
in equality or hashing).
"""

from __future__ import annotations

from typing import Any, TypeVar, dataclass_transform

import attrs

_C = TypeVar("_C", bound=type)

_EQ_FIELDS: dict[type, tuple[str, ...]] = {}


def _eq_fields(cls: type) -> tuple[str, ...]:
    names = _EQ_FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in attrs.fields(cls) if f.eq)
        _EQ_FIELDS[cls] = names
    return names


class Node:
    """Value semantics over a class's attrs fields, spans and locations excluded."""

    __slots__ = ()

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _eq_fields(type(self)))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._key()))

    def __repr__(self) -> str:
        parts = ", ".join(
            f"{f.name}={getattr(self, f.name)!r}"
            for f in attrs.fields(type(self))  # type: ignore[arg-type]  # every Node is attrs
            if f.repr
        )
        return f"{type(self).__name__}({parts})"


@dataclass_transform(frozen_default=True, field_specifiers=(attrs.field,))
def node(cls: _C) -> _C:
    """Make `cls` (a subclass of Node) a frozen attrs class with Node's value semantics.

    `dataclass_transform` tells type checkers what attrs does here: an `__init__`
    from the annotated fields, frozen instances.
    """
    return attrs.frozen(cls, slots=False, repr=False, eq=False, match_args=False)
