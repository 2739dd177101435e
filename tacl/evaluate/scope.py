"""Which clauses a scoped inspection judges (language-v2.md §2).

`inspection.shipments: [NAME, …]` names the shipments an inspection covers
(absent: every shipment). Findings then list exactly the clauses in scope:

- the clauses of the covered shipments (`shipments.NAME.…`, their lots included);
- the product clauses of the products they carry;
- a product's order-level `quantity` only when every shipment holding the SKU is
  covered: otherwise the reported quantity is that of the covered shipments, and
  their goods lines judge it.

Which shipment or product owns each clause is worked out once per compiled
contract and cached with its checks.
"""

from __future__ import annotations

import tacl.paths as paths
from tacl.compile.ir import AqlClause
from tacl.evaluate.shape import cached

ALL = ("all",)


def owners(contract) -> tuple:
    """For each clause, in contract order: ("shipment", NAME), ("quantity", SKU),
    ("product", SKU) or ALL (clauses of the unnamed shipment and its lot)."""
    found = []
    for clause in contract.clauses:
        segments = paths.split(clause.lot if isinstance(clause, AqlClause) else clause.path)
        if segments[0] == "shipments":
            found.append(("shipment", segments[1]))
        elif segments[0] == "products":
            owner = "quantity" if segments[2:] == ("quantity",) else "product"
            found.append((owner, segments[1]))
        else:
            found.append(ALL)
    return tuple(found)


def carriers(contract) -> dict[str, tuple[str, ...]]:
    """SKU → the named shipments with a goods line for it, in contract order."""
    found: dict[str, list[str]] = {}
    for shipment in contract.shipments:
        for line in shipment.goods:
            found.setdefault(line.sku, []).append(shipment.name)
    return {sku: tuple(names) for sku, names in found.items()}


def select(contract, checks: tuple, report) -> tuple:
    """The checks of the clauses in the report's scope (all of them without a scope)."""
    covered = report.scope
    if covered is None:
        return checks
    owned = cached(contract, "owners", owners)
    held = cached(contract, "carriers", carriers)
    return tuple(check for check, owner in zip(checks, owned) if _in_scope(owner, covered, held))


def _in_scope(owner, covered, held) -> bool:
    kind = owner[0]
    if kind == "shipment":
        return owner[1] in covered
    if kind == "product":
        return any(name in covered for name in held.get(owner[1], ()))
    if kind == "quantity":
        return all(name in covered for name in held.get(owner[1], ()))
    return True
