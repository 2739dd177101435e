"""YAML reports through PyYAML's safe loader, imported only when a YAML report is read.

Changes to plain `yaml.safe_load`, all so that a report means what it says:

- a key given twice in one mapping is an error (safe_load keeps the last one in
  silence);
- a date that does not exist (`2026-02-30`) stays text, so that the report reader
  rejects it with its key path instead of a bare ValueError;
- only a plain decimal integer becomes an `int`; every other YAML 1.1 number
  (`015` octal, `0x3E8`, `+1000`, `1_000`, `16:40` sexagesimal, floats, `.inf`)
  and any integer of more than MAX_DIGITS digits is kept as a `NumberText`
  (numbers.py), which no reader takes for a number. Nothing is computed from such
  a scalar, so a 900 KB sexagesimal costs no more than its reading.
"""

from __future__ import annotations

import functools

from tacl.errors import ReportError
from tacl.evaluate import numbers


@functools.cache
def _loader():
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class ReportLoader(base):
        pass

    def mapping(loader, node, deep=False):
        loader.flatten_mapping(node)
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=deep)
            try:
                duplicate = key in result
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be text", key_node.start_mark
                ) from None
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key `{key}` is given twice in one mapping", key_node.start_mark
                )
            result[key] = loader.construct_object(value_node, deep=deep)
        return result

    def timestamp(loader, node):
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    def integer(loader, node):
        return numbers.integer(loader.construct_scalar(node))

    def fraction(loader, node):
        return numbers.NumberText(loader.construct_scalar(node))

    ReportLoader.add_constructor("tag:yaml.org,2002:map", mapping)
    ReportLoader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    ReportLoader.add_constructor("tag:yaml.org,2002:int", integer)
    ReportLoader.add_constructor("tag:yaml.org,2002:float", fraction)
    return yaml, ReportLoader


def load_yaml(text: str, name: str, max_nodes: int, max_depth: int):
    """The tree of a YAML report; its nodes are counted while it is parsed, so a text
    of too many (or too deeply nested) values is refused before it is built."""
    yaml, loader = _loader()
    try:
        _count_nodes(yaml, loader, text, name, max_nodes, max_depth)
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise ReportError("", f"{name}{where}: invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise ReportError("", f"{name}: invalid YAML: {exc}") from None


def _count_nodes(yaml, loader, text: str, name: str, max_nodes: int, max_depth: int) -> None:
    """Walk the parser's events (libyaml's, when present) and stop at the first limit.

    PyYAML builds a node object (with two marks) for every scalar before any value
    is constructed: a 4 MB flow list of `1,1,1…` is two million of them and about a
    gigabyte. The events come one by one and are dropped at once.
    """
    events = yaml.events
    scalar, alias = events.ScalarEvent, events.AliasEvent
    opening = (events.MappingStartEvent, events.SequenceStartEvent)
    closing = (events.MappingEndEvent, events.SequenceEndEvent)
    nodes = depth = 0
    for event in yaml.parse(text, Loader=loader):
        kind = type(event)
        if kind is scalar or kind is alias:
            nodes += 1
        elif kind in opening:
            nodes += 1
            depth += 1
            if depth > max_depth:
                raise ReportError("", f"{name}: nested too deeply; the limit is {max_depth} levels")
        elif kind in closing:
            depth -= 1
        else:
            continue
        if nodes > max_nodes:
            raise ReportError(
                "", f"{name}: more than {max_nodes:,} values; the report is too large"
            )
