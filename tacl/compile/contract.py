"""`Contract`: the immutable result of compiling, and its fingerprint.

This is the compiled contract as data. The public `tacl.CompiledContract` adds
`evaluate()` on top of it one floor up (tacl/pipeline.py), so that nothing here
depends on the evaluator: the pipeline reads one way, syntax → compile → evaluate.

The fingerprint is the sha256 of the canonical JSON of `to_dict()`: no positions,
no comments, so layout never changes it and any change of meaning does. Two
compiled contracts are equal exactly when their fingerprints are.
"""

from __future__ import annotations

import datetime
import functools
from decimal import Decimal
from typing import Any

import attrs

from tacl.compile.ir import (
    Claims,
    Clause,
    Incoterm,
    Inspection,
    Location,
    Product,
    clause_dict,
    decimal_text,
)
from tacl.compile.orders import DefectName, Lot, Remedies, Shipment, defects_dict
from tacl.compile.requirements import ReferenceSample


def canonical_json(data: object) -> str:
    """The one JSON text of a value: sorted keys, no spaces, UTF-8 kept."""
    import json  # json and hashlib load on first use: `tacl lint` and `tacl fmt` need neither

    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@attrs.frozen(eq=False, slots=False)
class Contract:
    """A compiled contract: every value resolved and exact, clauses in contract order."""

    id: str
    buyer: str | None
    supplier: str | None
    signed: datetime.date | None
    currency: str | None
    protection: str
    coverage_limit: Decimal | None
    order_value: Decimal | None
    advance_payment: Decimal | None
    incoterm: Incoterm | None
    partial_allowed: bool
    products: tuple[Product, ...]
    inspection: Inspection
    claims: Claims
    clauses: tuple[Clause, ...]
    shipments: tuple[Shipment, ...] = ()
    lots: tuple[Lot, ...] = ()
    defects: tuple[DefectName, ...] = ()
    remedies: Remedies | None = None
    source_name: str = ""
    location: Location | None = None
    references: tuple[ReferenceSample, ...] = ()  # declared reference samples (TACL 2 §9)

    @functools.cached_property
    def sha256(self) -> str:
        """The fingerprint, computed on first use: `tacl lint` never needs it."""
        import hashlib

        return hashlib.sha256(canonical_json(self.meaning()).encode("utf-8")).hexdigest()

    def meaning(self) -> dict[str, Any]:
        """Everything the contract says, and nothing about how it was laid out.

        TACL 2 statements add keys only when the contract uses them, so a TACL 1
        contract keeps the fingerprint it always had.
        """
        meaning: dict[str, Any] = {
            "id": self.id,
            "buyer": self.buyer,
            "supplier": self.supplier,
            "signed": None if self.signed is None else self.signed.isoformat(),
            "currency": self.currency,
            "protection": self.protection,
            "coverage-limit": money_text(self.coverage_limit, self.currency),
            "order-value": money_text(self.order_value, self.currency),
            "advance-payment": money_text(self.advance_payment, self.currency),
            "incoterm": None if self.incoterm is None else self.incoterm.to_dict(),
            "partial-shipments": "allowed" if self.partial_allowed else "not allowed",
            "products": [p.to_dict(self.currency) for p in self.products],
            "inspection": self.inspection.to_dict(),
            "claims": self.claims.to_dict(),
            "clauses": [clause_dict(c) for c in self.clauses],
        }
        if self.named_shipments:
            meaning["shipments"] = [s.to_dict() for s in self.shipments]
        if self.defects:
            meaning["defects"] = defects_dict(self.defects)
        if self.remedies is not None:
            meaning["remedies"] = self.remedies.to_dict()
        if self.references:  # absent in TACL 1 contracts: their fingerprint stays
            meaning["reference-samples"] = [r.to_dict() for r in self.references]
        return meaning

    @property
    def named_shipments(self) -> bool:
        """Whether the order ships in named shipments (language-v2.md §2)."""
        return any(s.name is not None for s in self.shipments)

    def shipment(self, name: str | None) -> Shipment:
        """The shipment record of that name (None: the unnamed one)."""
        for shipment in self.shipments:
            if shipment.name == name:
                return shipment
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        """The document `tacl compile` prints: the meaning and its fingerprint."""
        return {"tacl-contract": 1, "sha256": self.sha256, "contract": self.meaning()}

    def to_json(self) -> str:
        import json

        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def clause(self, path: str) -> Clause:
        for clause in self.clauses:
            if clause.path == path:
                return clause
        raise KeyError(path)

    def product(self, sku: str) -> Product:
        for product in self.products:
            if product.sku == sku:
                return product
        raise KeyError(sku)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Contract):
            return NotImplemented
        return self.sha256 == other.sha256

    def __hash__(self) -> int:
        return hash(self.sha256)


def money_text(amount: Decimal | None, currency: str | None) -> str | None:
    """An amount by value, in one canonical text: its currency's minor digits at least,
    more only when the value has them, never an exponent.

    `100.000 USD` is `100.00`, `12.5000 USD` is `12.50` (as `12.50 USD` is), and a
    unit price finer than the cent keeps its digits: `0.0125`.
    """
    if amount is None:
        return None
    if currency is None:
        return decimal_text(amount)
    from tacl.compile.currencies import minor_units

    exponent = amount.normalize().as_tuple().exponent
    places = max(minor_units(currency), -exponent if isinstance(exponent, int) else 0)
    return format(amount.quantize(Decimal(1).scaleb(-places)), "f")
