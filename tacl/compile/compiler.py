"""AST to a compiled `Contract`: statements resolved, clause paths assigned, defaults applied.

Every error of a file is collected (see `values.Reporter`); the contract is built
only when there are none. Clauses come out in contract order: the order of the
statements in the file, each product's AQL clauses right after its own clauses.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import tacl.paths as paths
from tacl.compile import currencies, values
from tacl.compile.context import Context, ContractDraft, Deadline, ShipmentDraft
from tacl.compile.contract import Contract
from tacl.compile.inspection import resolve_inspection
from tacl.compile.ir import (
    DEFAULT_CLAIMS,
    Claims,
    DeliverByClause,
    Duration,
    Incoterm,
    Inspection,
    Location,
    PartialClause,
    Product,
    ShipByClause,
    Window,
)
from tacl.compile.products import compile_product
from tacl.compile.values import MoneyContext, Reporter
from tacl.diagnostics import did_you_mean
from tacl.nodes import Node
from tacl.standards.compound import lookup
from tacl.standards.exact import exact_decimal
from tacl.syntax import ast

MAX_PRODUCTS = 1000
PROTECTIONS = ("pre-shipment", "post-delivery")
INCOTERMS = ("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF")


def location(node: Node) -> Location:
    return Location(node.span.line, node.span.column)


def compile_module(module: ast.Module, rep: Reporter) -> Contract | None:
    """Compile a parsed file; returns None when any error was reported."""
    return _Compiler(Context(rep)).contract(module.contract)


class _Compiler:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.rep = ctx.rep

    # --- the contract ------------------------------------------------------------------

    def contract(self, node: ast.Contract) -> Contract | None:
        ctx, rep = self.ctx, self.rep
        contract_id = values.text(rep, node.id)
        statements = node.statements
        currency_stmt = next((s for s in statements if isinstance(s, ast.Currency)), None)
        if currency_stmt is not None:
            code = currency_stmt.code.text
            valid = currencies.is_currency(code)
            ctx.money = MoneyContext(code if valid else None, currency_stmt)
            ctx.order_unknown = not valid
        draft = ContractDraft(node)
        products = [stmt for stmt in statements if isinstance(stmt, ast.Product)]
        for stmt in statements:
            if not isinstance(stmt, ast.Product):
                self.contract_statement(stmt, draft)
        if len(products) > MAX_PRODUCTS:
            rep.error(
                "E007",
                "too-many-products",
                f"contract has {len(products)} products; the limit is {MAX_PRODUCTS}",
                products[MAX_PRODUCTS].sku,
            )
            return None
        inspection = resolve_inspection(rep, draft.inspection_block, None)
        claims = self.claims(draft.claims_block)
        compiled_products = self.products(products, inspection)
        order_value = self.order_value(draft, compiled_products)
        advance = self.advance(draft, order_value)
        self.check_dates(draft)
        if rep.diagnostics or contract_id is None or inspection is None or claims is None:
            return None
        return Contract(
            id=contract_id,
            buyer=draft.buyer,
            supplier=draft.supplier,
            signed=draft.signed,
            currency=ctx.money.currency,
            protection=draft.protection,
            coverage_limit=draft.coverage_limit,
            order_value=order_value,
            advance_payment=advance,
            incoterm=draft.shipment.incoterm,
            partial_allowed=draft.shipment.partial_allowed,
            products=tuple(product for product, _ in compiled_products),
            inspection=inspection,
            claims=claims,
            clauses=tuple(ctx.clauses),
            source_name=rep.source.name,
            location=location(node),
        )

    def contract_statement(self, stmt: Node, draft: ContractDraft) -> None:
        rep = self.rep
        if isinstance(stmt, ast.Block) and stmt.kind in ("inspection", "claims"):
            if self.ctx.claim_path(stmt.kind, stmt):
                if stmt.kind == "inspection":
                    draft.inspection_block = stmt
                else:
                    draft.claims_block = stmt
            return
        if isinstance(stmt, ast.Block):
            key = stmt.kind
        else:
            key = _STATEMENT_NAMES.get(type(stmt), type(stmt).__name__)
        if not self.ctx.claim_path(key, stmt):
            return
        if isinstance(stmt, ast.Buyer):
            draft.buyer = values.text(rep, stmt.name)
        elif isinstance(stmt, ast.Supplier):
            draft.supplier = values.text(rep, stmt.name)
        elif isinstance(stmt, ast.Signed):
            draft.signed = values.date(rep, stmt.date)
        elif isinstance(stmt, ast.Currency):
            code = stmt.code.text
            if not currencies.is_currency(code):
                used = _amount_currency(draft.statement)
                rep.error(
                    "E102",
                    "unknown-currency",
                    f"unknown currency `{code}`",
                    stmt.code,
                    currencies.unknown_code_help(code, used, ", the currency of the amounts"),
                )
        elif isinstance(stmt, ast.Protection):
            option = stmt.option.text
            if option in PROTECTIONS:
                draft.protection = option
            else:
                rep.error(
                    "E106",
                    "unknown-protection",
                    f"unknown protection `{option}`",
                    stmt.option,
                    did_you_mean(option, PROTECTIONS)
                    or "write `protection pre-shipment` or `protection post-delivery`",
                )
        elif isinstance(stmt, ast.CoverageLimit):
            draft.coverage_limit = self.ctx.amount(stmt.money)
        elif isinstance(stmt, ast.OrderValue):
            draft.order_value = self.ctx.amount(stmt.money)
            draft.order_value_statement = stmt
        elif isinstance(stmt, ast.AdvancePayment):
            draft.advance_statement = stmt
        elif isinstance(stmt, ast.Block) and stmt.kind == "shipment":
            self.shipment(stmt, draft.shipment)

    # --- shipment --------------------------------------------------------------------

    def shipment(self, block: ast.Block, draft: ShipmentDraft) -> None:
        ctx, rep = self.ctx, self.rep
        for stmt in block.statements:
            if isinstance(stmt, (ast.ShipBy, ast.ShipBetween)):
                if not ctx.claim_path("shipment.ship-by", stmt):
                    continue
                if isinstance(stmt, ast.ShipBy):
                    latest, earliest = values.date(rep, stmt.date), None
                    expected = f"on or before {stmt.date.text}"
                else:
                    earliest = values.date(rep, stmt.earliest)
                    latest = values.date(rep, stmt.latest)
                    expected = f"between {stmt.earliest.text} and {stmt.latest.text}"
                    if earliest and latest and earliest > latest:
                        rep.error(
                            "E203",
                            "empty-range",
                            f"`ship between {stmt.earliest.text} and {stmt.latest.text}` "
                            "is empty: the first date is after the second",
                            stmt,
                            "write the earlier date first",
                        )
                        continue
                if latest is not None:
                    draft.deadlines.append(Deadline(stmt, earliest or latest))
                    ctx.add(
                        ShipByClause(
                            "shipment.ship-by", expected, latest, earliest, location=location(stmt)
                        )
                    )
            elif isinstance(stmt, ast.DeliverBy):
                if ctx.claim_path("shipment.deliver-by", stmt):
                    latest = values.date(rep, stmt.date)
                    if latest is not None:
                        draft.deadlines.append(Deadline(stmt, latest))
                        ctx.add(
                            DeliverByClause(
                                "shipment.deliver-by",
                                f"on or before {stmt.date.text}",
                                latest,
                                location=location(stmt),
                            )
                        )
            elif isinstance(stmt, ast.Incoterm):
                if ctx.claim_path("shipment.incoterm", stmt):
                    draft.incoterm = self.incoterm(stmt)
            elif isinstance(stmt, ast.Partial):
                if ctx.claim_path("shipment.partial", stmt):
                    draft.partial_allowed = stmt.allowed
                    if not stmt.allowed:
                        ctx.add(
                            PartialClause(
                                "shipment.partial",
                                "one complete shipment (partial shipments not allowed)",
                                location=location(stmt),
                            )
                        )

    def incoterm(self, stmt: ast.Incoterm) -> Incoterm | None:
        code = stmt.code.text
        if code not in INCOTERMS:
            help_ = did_you_mean(code, INCOTERMS) or "Incoterms 2020: " + ", ".join(INCOTERMS)
            if code in ("DAT", "DDU"):
                help_ = "Incoterms 2020 replaced DAT with DPU; DDU is now DAP"
            self.rep.error(
                "E107", "unknown-incoterm", f"unknown Incoterm `{code}`", stmt.code, help_
            )
            return None
        place = values.text(self.rep, stmt.place) if stmt.place is not None else None
        return Incoterm(code, place)

    def check_dates(self, draft: ContractDraft) -> None:
        signed = draft.signed
        if signed is None:
            return
        for deadline in draft.shipment.deadlines:
            if deadline.day < signed:
                self.rep.error(
                    "E211",
                    "date-before-signed",
                    f"`{deadline.verb}` date {deadline.day.isoformat()} is before the contract "
                    f"was signed ({signed.isoformat()})",
                    deadline.statement,
                    "check the year; a deadline must come after the signature",
                )

    # --- products -------------------------------------------------------------------

    def products(
        self, statements: list[ast.Product], inspection: Inspection | None
    ) -> list[tuple[Product, ast.Product]]:
        compiled = []
        for stmt in statements:
            sku = values.name(self.rep, stmt.sku)
            if sku is None:
                self.ctx.order_unknown = True
                continue
            first = self.ctx.first(paths.join("products", sku))
            if first is not None:
                self.rep.error(
                    "E301",
                    "duplicate-sku",
                    f"product `{sku}` is stated twice; first on line {first.span.line}",
                    stmt.sku,
                    "give each line item its own SKU",
                )
                self.ctx.order_unknown = True
                continue
            self.ctx.claimed[paths.join("products", sku)] = stmt
            product = compile_product(self.ctx, stmt, sku, inspection)
            if product is None:
                self.ctx.order_unknown = True
            else:
                compiled.append((product, stmt))
        return compiled

    # --- money ---------------------------------------------------------------------

    def order_value(
        self, draft: ContractDraft, products: list[tuple[Product, ast.Product]]
    ) -> Decimal | None:
        stated = draft.order_value
        code = self.ctx.money.currency
        if self.ctx.order_unknown:  # an error it rests on is reported; say nothing more
            return stated
        computed = _sum_order([product for product, _ in products])
        if computed is None or code is None:
            if draft.order_value_statement is None:
                self.require_order_value(products)
            return stated
        rounded = currencies.quantize(exact_decimal(computed), code)
        if stated is not None and stated != rounded:
            self.rep.error(
                "E208",
                "order-value-mismatch",
                f"order value {currencies.format_amount(stated, code)} {code} differs "
                f"from Σ quantity × unit price = {currencies.format_amount(rounded, code)} {code}",
                draft.order_value_statement,
                "correct the order value, a quantity or a unit price",
            )
        return stated if stated is not None else rounded

    def require_order_value(self, products: list[tuple[Product, ast.Product]]) -> None:
        """A priced product whose quantity has no nominal value needs an explicit order value."""
        for product, stmt in products:
            if product.unit_price is None or product.quantity is None:
                continue
            if product.quantity.nominal is None:
                quantity = next(s for s in stmt.statements if isinstance(s, ast.Quantity))
                self.rep.error(
                    "E215",
                    "order-value-needed",
                    f"the quantity of `{product.sku}` has no nominal value, so the "
                    "order value cannot be computed",
                    quantity,
                    "state it with `order value AMOUNT CODE`, or write `V ± T`",
                )
                return

    def advance(self, draft: ContractDraft, order_value: Decimal | None) -> Decimal | None:
        node = draft.advance_statement
        if node is None:
            return None
        code = self.ctx.money.currency
        if node.money is not None:
            amount = self.ctx.amount(node.money)
        else:
            percent = values.number(self.rep, node.percent)
            if percent is None:
                return None
            if order_value is None:
                if self.ctx.order_unknown:  # missing because of an error reported elsewhere
                    return None
                self.rep.error(
                    "E215",
                    "order-value-needed",
                    "advance payment in % needs the order value",
                    node,
                    "give unit prices and quantities, or an `order value`",
                )
                return None
            exact = Fraction(order_value) * Fraction(percent) / 100
            amount = currencies.quantize(_decimal_of(exact), code)
        if amount is not None and order_value is not None and amount > order_value:
            self.rep.error(
                "E209",
                "advance-above-order-value",
                f"advance payment {currencies.format_amount(amount, code)} {code} is "
                f"above the order value {currencies.format_amount(order_value, code)} {code}",
                node,
                "an advance is part of the order value",
            )
            return None
        return amount

    # --- claims ---------------------------------------------------------------------

    def claims(self, block: ast.Block | None) -> Claims | None:
        if block is None:
            return DEFAULT_CLAIMS
        windows, response = DEFAULT_CLAIMS.quality_windows, DEFAULT_CLAIMS.supplier_response
        ok = True
        for stmt in block.statements:
            key = "claims.quality" if isinstance(stmt, ast.QualityClaim) else "claims.response"
            if not self.ctx.claim_path(key, stmt):
                ok = False
                continue
            if isinstance(stmt, ast.QualityClaim):
                parsed = [self.duration(w.duration) for w in stmt.windows]
                if None in parsed:
                    ok = False
                    continue
                windows = tuple(Window(d, w.event) for d, w in zip(parsed, stmt.windows))
            else:
                response = self.duration(stmt.duration)
                ok = ok and response is not None
        return Claims(windows, response) if ok else None

    def duration(self, node: ast.Duration) -> Duration | None:
        amount = values.number(self.rep, node.number)
        if amount is None:
            return None
        if amount != amount.to_integral_value() or amount < 1 or amount > 3660:
            self.rep.error(
                "E214",
                "invalid-duration",
                f"`{node.number.text} {node.unit}` is not a whole number of "
                f"{node.unit} from 1 to 3660",
                node.number,
            )
            return None
        return Duration(int(amount), node.unit)


# the once-only contract statements, by the words that write them
_STATEMENT_NAMES: dict[type, str] = {
    ast.Buyer: "buyer",
    ast.Supplier: "supplier",
    ast.Signed: "signed",
    ast.Currency: "currency",
    ast.Protection: "protection",
    ast.CoverageLimit: "coverage limit",
    ast.OrderValue: "order value",
    ast.AdvancePayment: "advance payment",
}


def _amount_currency(contract: ast.Contract) -> str | None:
    """The valid currency most amounts of a contract are written in, if any."""
    counts: dict[str, int] = {}
    for money in _amounts(contract):
        code = money.currency.text
        if currencies.is_currency(code):
            counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda code: counts[code]) if counts else None


def _amounts(node: object) -> list[ast.Money]:
    """Every amount (`NUMBER CODE`) written anywhere below `node`."""
    if isinstance(node, ast.Money):
        return [node]
    if isinstance(node, tuple):
        return [money for item in node for money in _amounts(item)]
    if isinstance(node, Node):
        return [money for value in vars(node).values() for money in _amounts(value)]
    return []


def _decimal_of(value: Fraction) -> Decimal:
    """Exact when the expansion ends; else rounded far below any currency's minor unit."""
    try:
        return exact_decimal(value)
    except ValueError:
        return exact_decimal(Fraction(round(value, 12)))


def _sum_order(products: list[Product]) -> Fraction | None:
    """Σ nominal quantity × unit price, exact; None when a product lacks either."""
    if not products:
        return None
    total = Fraction(0)
    for product in products:
        quantity = product.quantity
        if product.unit_price is None or quantity is None or quantity.nominal is None:
            return None
        nominal = lookup(quantity.unit).from_base(quantity.nominal)
        total += nominal * Fraction(product.unit_price)
    return total
