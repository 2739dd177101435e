"""The report keys of named shipments, scopes, sampling lots and named defects (language-v2.md §2–4).

shape.py builds the report tree of a contract; this module adds what TACL 2
orders need to it:

- `inspection.shipments: [NAME, …]`, the inspection's scope;
- `shipments: {NAME: {shipped, customs-cleared, delivered, partial, goods: {SKU: Q},
  aql: {…}}}` in place of `shipment` when the contract names its shipments;
- `aql: {lot-size, sample-size, defects}` at the top level for the unnamed
  shipment's lot (`lot per shipment`), and under `shipments.NAME` for a named one;
- `defects` of any lot either as class counts (TACL 1) or as a list of named
  defects: `- {defect: "mould", count: 1, class: critical}` (class optional).

A name the contract does not have, in `shipments` or in the scope, is a report
error naming the key path and the known names; so is a `shipment` section in a
report for a contract with named shipments: its dates would belong to no shipment.
"""

from __future__ import annotations

from tacl.compile.values import fold
from tacl.diagnostics import did_you_mean
from tacl.errors import ReportError
from tacl.evaluate import samples

CLASSES = ("critical", "major", "minor")
SHIPMENT_KEYS = ("shipped", "customs-cleared", "delivered", "partial")


def dates_key(name: str | None, field: str):
    """Where a shipment's date or flag is stored: `shipment.FIELD` (unnamed) or a tuple."""
    return f"shipment.{field}" if name is None else ("shipments", name, field)


def scope(value, path: str, known: tuple[str, ...]) -> tuple[str, ...]:
    """`inspection.shipments`: the names of the shipments the inspection covers."""
    names = [
        samples.text(v, samples.item_path(path, i, True), "a shipment name")
        for i, v in enumerate(samples.as_list(value, path))
    ]
    for index, name in enumerate(names):
        if name not in known:
            raise ReportError(
                samples.item_path(path, index, isinstance(value, list)), unknown(name, known)
            )
    return tuple(name for name in known if name in names)  # contract order, each once


def unknown(name: str, known) -> str:
    """`the contract has no shipment "X"; did you mean …? Its shipments: a, b`."""
    hint = did_you_mean(name, known)
    listed = ", ".join(f'"{k}"' for k in known)
    return (
        f'the contract has no shipment "{name}"'
        + (f"; {hint}" if hint else "")
        + (f"; its shipments are {listed}")
    )


def named_defects(value, path: str) -> tuple:
    """A list of `{defect, count, class}`: (shown name, folded name, count, class or None)."""
    if not isinstance(value, (list, tuple)):
        raise ReportError(
            path,
            "expected defect counts by class ({critical: 0, major: 2, minor: 1}) or a list of "
            f'named defects ([{{defect: "open seam", count: 2}}]), got {samples.type_name(value)}',
        )
    found = []
    for index, item in enumerate(samples.as_list(value, path)):
        where = samples.item_path(path, index, True)
        found.append(_named_defect(item, where))
    return tuple(found)


def _named_defect(item, where: str) -> tuple:
    if not isinstance(item, dict):
        raise ReportError(
            where, f"expected {{defect: NAME, count: N}}, got {samples.type_name(item)}"
        )
    extra = sorted(set(item) - {"defect", "count", "class"}, key=str)
    if extra:
        raise ReportError(
            f"{where}.{extra[0]}", "a named defect has the keys defect, count and class only"
        )
    if "defect" not in item:
        raise ReportError(f"{where}.defect", "missing; name the defect as the contract lists it")
    name = samples.text(item["defect"], f"{where}.defect", "a defect name")
    count = samples.count(item.get("count", 1), f"{where}.count", "a number of defects", 0)
    defect_class = None
    if item.get("class") is not None:
        defect_class = samples.text(item["class"], f"{where}.class", "critical, major or minor")
        if defect_class not in CLASSES:
            hint = did_you_mean(defect_class, CLASSES)
            raise ReportError(
                f"{where}.class",
                f'"{defect_class}" is not a defect class; expected critical, major or minor'
                + (f"; {hint}" if hint else ""),
            )
    return (" ".join(name.split()), fold(name), count, defect_class)
