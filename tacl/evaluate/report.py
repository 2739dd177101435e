"""Inspection reports: YAML or JSON text → a dict → a typed `Report`, checked against a contract.

Reading is directed by the contract (see shape.py): each known key is parsed where
it stands, and a bad value raises `ReportError` naming its key path and what was
expected. Keys the contract does not know become warnings (R001), never silently
dropped: a typo must not turn a requirement into `missing`. A null clause value is
read as "not checked" with a warning (R002): the clause is missing, not failed (an
empty text `""` is "checked, nothing there" and fails a text clause).

Limits (docs/reports.md): MAX_BYTES of text, MAX_DEPTH of nesting and MAX_NODES
values in the loaded tree, samples.MAX_SAMPLES samples a clause, samples.MAX_TEXT
characters a text, samples.MAX_DIGITS digits a number, MAX_WARNINGS warnings.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping

import attrs

import tacl.paths as paths
from tacl.diagnostics import WARNING, Diagnostic, did_you_mean
from tacl.errors import ReportError
from tacl.evaluate import numbers, order_shape, samples
from tacl.evaluate.evidence import (
    UNSET,
    DisputeFacts,
    Evidence,
    EvidenceBuilder,
    InspectionFacts,
    Sampling,
    ShipmentFacts,
)
from tacl.evaluate.shape import Node, shape_of
from tacl.source import read_file, read_stdin
from tacl.visible import clip

# Limits a real report never reaches, that keep any report under a second and 200 MB
# (benchmarks/bench_limits.py measures the worst inputs they allow; docs/reports.md §5).
MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 100_000  # keys and values, counted while YAML is parsed, before it is built
MAX_WARNINGS = 100
REPORT_VERSION = 1


@attrs.frozen
class Report:
    """A report read against one contract: its sections as records, then the evidence."""

    name: str
    inspection: InspectionFacts
    shipment: ShipmentFacts
    dispute: DisputeFacts
    evidence: Evidence = attrs.field(repr=False)
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def scope(self) -> tuple[str, ...] | None:
        """`inspection.shipments`: the named shipments covered; None: every shipment."""
        return self.inspection.shipments

    def covers(self, shipment: str | None) -> bool:
        """Whether the inspection covers a shipment (every one when no scope is given)."""
        return self.inspection.shipments is None or shipment in self.inspection.shipments

    def dates(self, shipment: str | None) -> ShipmentFacts:
        """A shipment's facts: the `shipment` section for the unnamed one (None), else
        `shipments.NAME` (empty when the report says nothing of it)."""
        if shipment is None:
            return self.shipment
        return self.evidence.record(ShipmentFacts, shipment) or ShipmentFacts()


def read_report(contract, data, name: str = "<report>") -> Report:
    """Check a parsed report against a contract and return it typed; ReportError if invalid."""
    if not isinstance(data, Mapping):
        raise ReportError("", f"a report is a mapping of keys, not {samples.type_name(data)}")
    _check_header(contract, data)
    found = EvidenceBuilder()
    warnings: list[Diagnostic] = []
    _walk(shape_of(contract), data, found, warnings, name)
    inspection = found.values.get((InspectionFacts, ""), (UNSET, UNSET))
    for key, value in zip(("kind", "date"), inspection):
        if value is UNSET:
            raise ReportError(
                f"inspection.{key}", "missing; a report says which inspection it records and when"
            )
    evidence = found.build()
    _check_sampling(evidence)
    facts = (
        evidence.record(InspectionFacts, ""),
        evidence.record(ShipmentFacts, "") or ShipmentFacts(),
        evidence.record(DisputeFacts, "") or DisputeFacts(),
    )
    _check_named_dates(evidence)
    dated = dates_warnings(contract, *facts, name)  # or a ReportError: first, never capped
    return Report(name, *facts, evidence, tuple(dated + _capped(warnings, name)))


def _walk(node: Node, data: Mapping, found: EvidenceBuilder, warnings: list, name: str) -> None:
    """Read `data`, the report's mapping at `node`, into `found`; every child's path is its own."""
    children = node.children
    for key, value in data.items():
        child = children.get(key) or node.lookup(key)
        if child is None or type(key) is not str:
            _unknown(node, key, warnings, name)
        elif value is None and node.in_products:
            warnings.append(_empty(child.path, name))
        elif child.children and (type(value) is dict or isinstance(value, Mapping)):
            _walk(child, value, found, warnings, name)
        elif child.leaf is not None:
            child.leaf.read(value, child.path, found)
        else:
            raise ReportError(
                child.path,
                f"expected a mapping with keys {_keys(child)}, got {samples.type_name(value)}",
            )


def _empty(path: str, name: str) -> Diagnostic:
    """R002: a null value means *not checked* (docs/reports.md §2), unlike `""`."""
    if "color" in path.split(".")[-2:]:
        help_ = (
            "null means not checked; in YAML an unquoted #1B1A1A is a comment that leaves "
            'the key null: quote it, "#1B1A1A"'
        )
    else:
        help_ = (
            'null means not checked; give what the inspector found ("" for a text, marking '
            "or barcode that was checked and is not there)"
        )
    return _warning(
        "R002",
        "empty-report-value",
        f"`{path}` is null (not checked); the clause counts as missing",
        name,
        help_,
    )


def _unknown(node: Node, key, warnings: list, name: str) -> None:
    """An unknown key: an error under `products` or if it is no text, else warning R001.

    Only the first MAX_WARNINGS are described (with a "did you mean"); the rest are
    counted, so 100 000 unknown keys cost no 100 000 suggestions.
    """
    prefix = node.path
    path = paths.child(prefix, key) if type(key) is str else f"{prefix}.{key}"
    if type(key) is not str:
        raise ReportError(
            path,
            f"key {samples.type_name(key)} is not text; put it in quotes "
            "(YAML reads unquoted no/yes/on/off as true/false and digits as numbers)",
        )
    if prefix == "products":
        hint = did_you_mean(key, node.children) if len(key) <= 100 else None
        raise ReportError(
            clip(path), f"the contract has no product `{clip(key)}`" + (f"; {hint}" if hint else "")
        )
    if prefix == "shipments":
        raise ReportError(clip(path), order_shape.unknown(clip(key), tuple(node.children)))
    if prefix.startswith("shipments.") and prefix.endswith(".goods"):
        carried = ", ".join(f"`{sku}`" for sku in node.children)
        raise ReportError(
            clip(path), f"this shipment carries no `{clip(key)}`; its goods are {carried}"
        )
    if len(warnings) >= MAX_WARNINGS:
        warnings.append(None)  # counted, not shown: no suggestion computed for it
        return
    help_ = (
        did_you_mean(key, node.children) if len(key) <= 100 else None
    ) or "the contract has no clause here, so it is not checked"
    warnings.append(
        _warning("R001", "unknown-report-key", f"unknown key `{clip(path)}`", name, help_)
    )


def _warning(code: str, rule: str, message: str, name: str, help_: str | None) -> Diagnostic:
    return Diagnostic(code, rule, WARNING, message, name, None, help_)


def _capped(warnings: list, name: str) -> list:
    if len(warnings) <= MAX_WARNINGS:
        return warnings
    more = len(warnings) - MAX_WARNINGS
    return warnings[:MAX_WARNINGS] + [
        _warning("R001", "unknown-report-key", f"and {more:,} more unknown keys", name, None)
    ]  # only unknown keys go past the cap (R002, empty values, are few: one per clause)


def _keys(node: Node) -> str:
    names = list(node.children)
    shown = ", ".join(names[:6]) + (", …" if len(names) > 6 else "")
    return shown or "(none)"


def _check_header(contract, data: Mapping) -> None:
    """The format version and the contract come first: nothing else matters if they differ."""
    version = data.get("tacl-report")
    if version is None:
        raise ReportError("tacl-report", "missing; a report starts with `tacl-report: 1`")
    if isinstance(version, bool) or version != REPORT_VERSION or not isinstance(version, int):
        raise ReportError(
            "tacl-report",
            f"expected 1 (the report format version), got {samples.type_name(version)}",
        )
    contract_id = data.get("contract")
    if contract_id is None:
        raise ReportError("contract", f"missing; expected the contract ID `{contract.id}`")
    if contract_id != contract.id:
        raise ReportError(
            "contract", f"report is for `{contract_id}`, but the contract is `{contract.id}`"
        )
    fingerprint = data.get("contract-sha256")
    if fingerprint is not None and fingerprint != contract.sha256:
        raise ReportError(
            "contract-sha256",
            f"does not match the contract's fingerprint {contract.sha256}: "
            "the report was written against another version of the contract",
        )


def _check_sampling(evidence: Evidence) -> None:
    """A sample fits in its lot, and a defect class counts at most one per sampled unit."""
    for where, sampling in evidence.records.get(Sampling, {}).items():
        lot, size = sampling.lot_size, sampling.sample_size
        if lot is not None and size is not None and size > lot:
            raise ReportError(
                f"{where}.sample-size", f"sample of {size} is larger than the lot of {lot}"
            )
        named = sampling.named
        if named is not None and size is not None:
            total = sum(count for _, _, count, _ in named)
            if total > size:
                raise ReportError(
                    f"{where}.defects",
                    f"{total} named defects in a sample of {size}; a unit counts at most one "
                    "defect of each class",
                )
        for defect_class in ("critical", "major", "minor"):
            found = sampling.defects(defect_class)
            if found is not None and size is not None and found > size:
                raise ReportError(
                    f"{where}.defects.{defect_class}",
                    f"{found} defects in a sample of {size}; a class counts at most one per unit",
                )


def _check_named_dates(evidence: Evidence) -> None:
    """A named shipment (language-v2.md §2) cleared or delivered before it shipped: an error."""
    for key, shipment in evidence.records.get(ShipmentFacts, {}).items():
        shipped = shipment.shipped
        if key == "" or shipped is None:
            continue  # the unnamed `shipment` section: dates_warnings
        for field, day in (
            ("customs-cleared", shipment.customs_cleared),
            ("delivered", shipment.delivered),
        ):
            if day is not None and day < shipped:
                where = paths.join("shipments", key, field)
                raise ReportError(where, f"{day} is before the shipment date {shipped}")


def dates_warnings(contract, inspection, shipment, dispute, name: str) -> list[Diagnostic]:
    """Check the report's dates against each other and the contract; the warnings they give.

    Impossible orders are errors: a customs clearance or delivery before the goods
    shipped, a response before the dispute it answers, an inspection or a dispute
    before the contract was signed. Orders that happen but change what can be
    judged are warnings (docs/reports.md §3): a later event dated without the
    shipment date (R003), a dispute opened before the goods shipped (R004).
    """
    shipped = shipment.shipped
    later = (("customs-cleared", shipment.customs_cleared), ("delivered", shipment.delivered))
    for key, day in later:
        if day is not None and shipped is not None and day < shipped:
            raise ReportError(f"shipment.{key}", f"{day} is before the shipment date {shipped}")
    responded, opened = dispute.supplier_responded, dispute.opened
    if responded is not None and opened is None:
        raise ReportError(
            "dispute.opened", "missing; the supplier responded to a dispute never opened"
        )
    if responded is not None and responded < opened:
        raise ReportError(
            "dispute.supplier-responded", f"{responded} is before the dispute was opened ({opened})"
        )
    signed = getattr(contract, "signed", None)
    if signed is not None:
        for key, day in (("inspection.date", inspection.date), ("dispute.opened", opened)):
            if day is not None and day < signed:
                raise ReportError(key, f"{day} is before the contract was signed on {signed}")
    warnings = []
    dated = [(key, day) for key, day in later if day is not None]
    if shipped is None and dated:
        key, day = dated[0]
        warnings.append(
            _warning(
                "R003",
                "shipment-date-missing",
                f"the report dates `shipment.{key}` ({day}) but not `shipment.shipped`: the goods "
                "left, on a day it does not say, so ship-by clauses are missing, not judged",
                name,
                "add the bill-of-lading date as `shipment.shipped`",
            )
        )
    if opened is not None and shipped is not None and opened < shipped:
        warnings.append(
            _warning(
                "R004",
                "dispute-before-shipment",
                f"the dispute was opened on {opened}, before the goods shipped on {shipped}; "
                f"a refund is not applied for before {shipped}",
                name,
                None,
            )
        )
    return warnings


# --- text to dict ----------------------------------------------------------------------


def load_text(
    data: bytes | str, name: str = "<report>", json_only: bool = False, size: int | None = None
):
    """Parse report text: JSON for *.json (and for JSON text on stdin), else YAML;
    only JSON with `json_only` (a line of a JSON Lines file). `size` is the whole
    file's size when only its first bytes were read, for the message."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise ReportError(
                "", f"{name}: report of {size or len(data):,} bytes; the limit is {MAX_BYTES:,}"
            )
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReportError("", f"{name}: byte {exc.start} is not valid UTF-8") from None
    if len(data) > MAX_BYTES:
        raise ReportError(
            "", f"{name}: report of {len(data):,} characters; the limit is {MAX_BYTES:,}"
        )
    try:
        as_json = json_only or _looks_like_json(data, name)
        tree = _json(data, name) if as_json else _yaml(data, name)
    except RecursionError:
        raise ReportError(
            "", f"{name}: nested too deeply; the limit is {MAX_DEPTH} levels"
        ) from None
    _check_tree(tree, name)
    return tree


_NEEDS_INT_HOOK = re.compile(rf"-0(?![0-9.eE])|[0-9]{{{numbers.MAX_DIGITS + 1}}}")


def _looks_like_json(text: str, name: str) -> bool:
    """JSON by name; for other names (and stdin), JSON when it is valid JSON, else YAML."""
    if name.endswith(".json"):
        return True
    if name.endswith((".yaml", ".yml")) or not text.lstrip().startswith(("{", "[")):
        return False
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False  # YAML flow style, or broken JSON: YAML says what is wrong
    return True


def _json(text: str, name: str):
    def pairs(items):
        result = {}
        for key, value in items:
            if key in result:
                raise ReportError("", f"{name}: key `{key}` is given twice in one mapping")
            result[key] = value
        return result

    def constant(word):
        raise ReportError("", f"{name}: `{word}` is not JSON, and not a number a report can hold")

    # numbers as the YAML loader reads them (numbers.py); every JSON integer is plain
    # decimal, so only `-0` and over-long ones need the (slower) hook, and only texts
    # that may hold one pay for it
    ints = numbers.integer if _NEEDS_INT_HOOK.search(text) else int
    try:
        return json.loads(
            text,
            object_pairs_hook=pairs,
            parse_int=ints,
            parse_float=numbers.NumberText,
            parse_constant=constant,
        )
    except json.JSONDecodeError as exc:
        raise ReportError("", f"{name}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None


def load_file(path: str) -> tuple[dict, str]:
    """Read a report file (or `-` for standard input); returns (tree, name)."""
    if path == "-":
        return load_text(read_stdin(MAX_BYTES + 1), "<stdin>"), "<stdin>"
    try:
        data = read_file(path, MAX_BYTES + 1)
        size = os.path.getsize(path) if len(data) > MAX_BYTES else None
    except OSError as exc:
        raise ReportError("", f"cannot read `{path}`: {exc.strerror or exc}") from None
    return load_text(data, path, size=size), path


def _yaml(text: str, name: str):
    from tacl.evaluate.yaml_loader import load_yaml

    return load_yaml(text, name, MAX_NODES, MAX_DEPTH)


def _check_tree(tree, name: str) -> None:
    """Bound depth and size, so YAML aliases cannot make a small file a huge tree."""
    stack = [(tree, 0)]
    visited = 0
    while stack:
        value, depth = stack.pop()
        visited += 1
        if depth > MAX_DEPTH:
            raise ReportError("", f"{name}: nested too deeply; the limit is {MAX_DEPTH} levels")
        if visited > MAX_NODES:
            raise ReportError(
                "", f"{name}: more than {MAX_NODES:,} values; the report is too large"
            )
        if type(value) is dict:  # the loaders build plain dicts and lists only
            visited += len(value)  # the keys count too, as YAML's parse counts them
            stack.extend((item, depth + 1) for item in value.values())
        elif type(value) is list:
            stack.extend((item, depth + 1) for item in value)
