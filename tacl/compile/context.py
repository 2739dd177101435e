"""What the compiler carries while it walks one contract: typed records, no string-keyed dicts.

`Context` is shared by every part of the compiler (contract statements, products,
inspection): the error reporter, the contract's currency, the clauses compiled so
far and the paths already claimed. The *draft* records gather what the statements
of one block said before the immutable IR (`ir.py`, `contract.py`) is built from
them: a field per statement, so a misspelt key is an attribute error, not a
silent `None`.

A new idea of the language gets one draft record here (a named shipment, a lot,
a remedy…), one field where it belongs, and one handler next to its kind.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs

import tacl.paths as paths
from tacl.compile import values
from tacl.compile.ir import Clause, Incoterm, MeasureClause
from tacl.compile.requirements import ReferenceSample
from tacl.compile.values import MoneyContext, Reporter
from tacl.nodes import Node
from tacl.syntax import ast


@attrs.define
class Context:
    """The compiler's shared state for one file: reporter, money, clauses, claimed paths."""

    rep: Reporter
    money: MoneyContext = attrs.field(factory=lambda: MoneyContext(None, None))
    clauses: list[Clause] = attrs.field(factory=list)
    # clause path or once-only statement name -> the statement that first claimed it
    claimed: dict[str, Node] = attrs.field(factory=dict)
    # reference samples declared at contract level, by name (language-v2.md §9)
    references: dict[str, ReferenceSample] = attrs.field(factory=dict)
    # The order value cannot be known because a statement it rests on is in error (the
    # currency, a price, a quantity, a product). That error is reported where it is;
    # nothing downstream may then say the order value is missing or wrong.
    order_unknown: bool = False

    def amount(self, node: ast.Money, strict_minor: bool = True) -> Decimal | None:
        """An amount in the contract's currency (see `values.money`); notes a failure."""
        value = values.money(self.rep, node, self.money, strict_minor=strict_minor)
        if value is None:
            self.order_unknown = True
        return value

    skus: list[str] = attrs.field(factory=list)  # every product's SKU, compiled or not
    # (SKU, or "" for the contract's list; folded defect name) -> the string that named it
    defect_nodes: dict[tuple[str, str], ast.Text] = attrs.field(factory=dict)

    def first(self, path: str) -> Node | None:
        """The statement that claimed `path`, or None when nothing has."""
        return self.claimed.get(path)

    def claim_path(self, path: str, node: Node) -> bool:
        """Register a clause path (or a once-only statement); report a second one."""
        first = self.claimed.get(path)
        if first is not None:
            self.rep.error(
                "E302",
                "duplicate-clause",
                f"`{path}` is stated twice; first on line {first.span.line}",
                node,
                "keep one statement and delete the other",
            )
            return False
        self.claimed[path] = node
        return True

    def add(self, clause: Clause) -> None:
        self.clauses.append(clause)


@attrs.define
class Deadline:
    """A dated shipment statement, kept to check it against the signing date."""

    statement: ast.ShipBy | ast.ShipBetween | ast.DeliverBy
    day: datetime.date  # the first day the statement allows

    @property
    def verb(self) -> str:
        if isinstance(self.statement, ast.DeliverBy):
            return "deliver by"
        return "ship between" if isinstance(self.statement, ast.ShipBetween) else "ship by"


@attrs.define
class ShipmentDraft:
    """What a `shipment` block said: the unnamed one (name None) or a named one."""

    incoterm: Incoterm | None = None
    partial_allowed: bool = True
    deadlines: list[Deadline] = attrs.field(factory=list)
    name: str | None = None
    node: ast.Shipment | None = None
    latest: datetime.date | None = None  # ship by (the second date of `ship between`)
    earliest: datetime.date | None = None
    deliver_by: datetime.date | None = None
    goods: list[tuple[ast.Goods, str, MeasureClause]] = attrs.field(factory=list)
    named_skus: set[str] = attrs.field(factory=set)  # every SKU a goods line names, valid or not


@attrs.define
class ContractDraft:
    """What the contract-level statements said; the blocks are resolved after all are read."""

    statement: ast.Contract
    buyer: str | None = None
    supplier: str | None = None
    signed: datetime.date | None = None
    protection: str = "post-delivery"
    coverage_limit: Decimal | None = None
    order_value: Decimal | None = None
    order_value_statement: ast.OrderValue | None = None
    advance_statement: ast.AdvancePayment | None = None
    inspection_block: ast.Block | None = None
    claims_block: ast.Block | None = None
    defects_block: ast.Block | None = None
    remedies_block: ast.Block | None = None
    shipment: ShipmentDraft = attrs.field(factory=ShipmentDraft)  # the unnamed one's
    shipment_blocks: list[ast.Shipment] = attrs.field(factory=list)
    assortments: list[ast.Assortment] = attrs.field(factory=list)


@attrs.define
class InspectionDraft:
    """The statements of one `inspection` block (each may appear once; `aql none` is an `aql`)."""

    standard: ast.Standard | None = None
    aql: ast.Aql | ast.AqlNone | None = None
    lot: ast.Lot | None = None

    def first_like(self, stmt: Node) -> Node | None:
        """The earlier statement of the same kind as `stmt`, if any."""
        return getattr(self, self.kind_of(stmt))

    @staticmethod
    def kind_of(stmt: Node) -> str:
        if isinstance(stmt, ast.Standard):
            return "standard"
        return "lot" if isinstance(stmt, ast.Lot) else "aql"


@attrs.define
class ProductDraft:
    """What one product block said; its clauses go straight into the `Context`."""

    sku: str
    statement: ast.Product
    within: str = ""  # a packaging level's path below the product (`packaging.pallet.`)
    description: str | None = None
    unit_price: Decimal | None = None
    quantity: MeasureClause | None = None
    inspection_block: ast.Block | None = None
    # (`material`, `color` or `marking`, whether it names a part) -> first statement of that form
    part_forms: dict[tuple[str, bool], Node] = attrs.field(factory=dict)

    @property
    def prefix(self) -> str:
        """`products.SKU.` and the packaging level below it, the SKU quoted when it holds
        a dot (tacl/paths.py)."""
        return paths.join("products", self.sku) + "." + self.within
