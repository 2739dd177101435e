"""Frozen attrs classes that are cheap to define: the AST and the IR are made of them.

attrs writes `__init__`, `__eq__`, `__hash__` and `__repr__` for each class by
generating code, which costs ~0.27 ms a class; with ~80 node classes that was
18 ms of every `tacl` start. Here attrs generates only `__init__` and the frozen
`__setattr__`; equality, hashing and repr come once from `Node`, driven by the
same attrs field metadata (a field with `eq=False`, such as a span, takes no part
in equality or hashing).

And attrs builds each class when it is first used, not at import: one run
touches a fraction of the ~140 node classes (`tacl compile` of a full TACL 1
contract, about 65), and building one is still ~0.17 ms.
"""

from __future__ import annotations

import threading
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


class _Unbuilt:
    """Stands in for `__attrs_attrs__` on a node class attrs has not built yet.

    Anything that asks attrs about the class (`attrs.fields`, `attrs.has`,
    `attrs.evolve`, Node's own equality) reads `__attrs_attrs__` first, and
    this descriptor builds the class at that moment. While attrs builds it, the
    building thread is told the class has none yet (as attrs expects); any other
    thread waits for the build to finish.
    """

    def __get__(self, instance: object, owner: type) -> Any:
        if _BUILDING.get(owner) == threading.get_ident():
            raise AttributeError("__attrs_attrs__")
        _build(owner)
        return owner.__attrs_attrs__  # type: ignore[attr-defined]


_UNBUILT = _Unbuilt()
_BUILD_LOCK = threading.RLock()
_BUILDING: dict[type, int] = {}  # class → the thread building it


def _build(cls: type) -> None:
    """Let attrs build `cls`, and any node class it inherits from, in place.

    slots=False keeps each the same class object, so nothing that holds it (an
    `isinstance` check, a dispatch table) needs to know. The placeholder
    `__init__` and `__attrs_attrs__` stay until attrs replaces them
    (auto_detect=False lets it overwrite the `__init__`), so another thread never
    sees the class half built: it calls the placeholder, which waits on the lock.
    """
    with _BUILD_LOCK:
        for klass in reversed(cls.__mro__):
            if klass.__dict__.get("__attrs_attrs__") is _UNBUILT and klass not in _BUILDING:
                _BUILDING[klass] = threading.get_ident()
                try:
                    attrs.frozen(
                        klass,
                        slots=False,
                        repr=False,
                        eq=False,
                        match_args=False,
                        auto_detect=False,
                    )
                finally:
                    del _BUILDING[klass]


def _first_init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    _build(cls)
    cls.__init__(self, *args, **kwargs)


@dataclass_transform(frozen_default=True, field_specifiers=(attrs.field,))
def node(cls: _C) -> _C:
    """Make `cls` (a subclass of Node) a frozen attrs class with Node's value semantics.

    attrs builds the class on first use: its first instance, or the first
    question asked of its fields (`attrs.fields`, `attrs.has`, equality).

    `dataclass_transform` tells type checkers what attrs does here: an `__init__`
    from the annotated fields, frozen instances.
    """
    cls.__attrs_attrs__ = _UNBUILT  # type: ignore[attr-defined]
    cls.__init__ = _first_init  # type: ignore[misc]
    return cls
