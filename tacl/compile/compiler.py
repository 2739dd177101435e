"""AST to a compiled `Contract`: statements resolved, clause paths assigned, defaults applied.

Every error of a file is collected (see `values.Reporter`); the contract is built
only when there are none. Clauses come out in contract order: the order of the
statements in the file, each product's AQL clauses right after its own clauses.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import tacl.paths as paths
from tacl.compile import currencies, shipments, values
from tacl.compile.assortments import compile_assortments
from tacl.compile.context import Context, ContractDraft
from tacl.compile.contract import Contract
from tacl.compile.defects import compile_defects
from tacl.compile.expand import expand_contract
from tacl.compile.inspection import resolve_inspection
from tacl.compile.ir import DEFAULT_CLAIMS, Claims, Duration, Inspection, Location, Product, Window
from tacl.compile.lots import build_lots
from tacl.compile.orders import DefectName
from tacl.compile.products import compile_product
from tacl.compile.references import compile_document, compile_reference
from tacl.compile.remedies import compile_remedies
from tacl.compile.values import MoneyContext, Reporter
from tacl.diagnostics import did_you_mean
from tacl.nodes import Node
from tacl.standards.compound import lookup
from tacl.standards.exact import exact_decimal
from tacl.syntax import ast

MAX_PRODUCTS = 1000
PROTECTIONS = ("pre-shipment", "post-delivery")
# contract-level blocks read whole, once each: block kind -> ContractDraft field
_BLOCKS = {
    "inspection": "inspection_block",
    "claims": "claims_block",
    "defects": "defects_block",
    "remedies": "remedies_block",
}


def location(node: Node) -> Location:
    return Location(node.span.line, node.span.column)


def compile_module(module: ast.Module, rep: Reporter) -> Contract | None:
    """Compile a parsed file; returns None when any error was reported.

    Size charts and `like` are expanded first (expand.py): what is compiled is the
    contract as written out in full, so both have the same fingerprint.
    """
    return _Compiler(Context(rep)).contract(expand_contract(module.contract, rep))


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
        shipment_drafts = shipments.collect(ctx, draft.shipment_blocks)
        unnamed = [d for d in shipment_drafts or () if d.name is None]
        if unnamed:
            draft.shipment = unnamed[0]
        inspection = resolve_inspection(rep, draft.inspection_block, None)
        claims = self.claims(draft.claims_block)
        defects = self.defects(draft.defects_block)
        remedies = (
            None if draft.remedies_block is None else compile_remedies(ctx, draft.remedies_block)
        )
        compiled_products = self.products(products, inspection)
        shipment_records = shipments.finish(ctx, shipment_drafts, compiled_products)
        lots = ()
        if inspection is not None:
            where = _lot_location(draft.inspection_block)
            lots = build_lots(ctx, inspection, where, compiled_products, shipment_records, defects)
        skus = [sku for sku in (values.text(Reporter(rep.source), p.sku) for p in products) if sku]
        compile_assortments(ctx, draft.assortments, skus, [p for p, _ in compiled_products])
        order_value = self.order_value(draft, compiled_products)
        advance = self.advance(draft, order_value)
        self.check_dates(draft, shipment_drafts or ())
        if rep.diagnostics or contract_id is None or inspection is None or claims is None:
            return None
        if draft.remedies_block is not None and remedies is None:
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
            shipments=shipment_records,
            lots=lots,
            defects=defects,
            remedies=remedies,
            references=tuple(ctx.references.values()),
            source_name=rep.source.name,
            location=location(node),
        )

    def contract_statement(self, stmt: Node, draft: ContractDraft) -> None:
        rep = self.rep
        if isinstance(stmt, ast.Shipment):
            draft.shipment_blocks.append(stmt)  # read together: named and unnamed may not mix
            return
        if isinstance(stmt, ast.ReferenceSample):
            compile_reference(self.ctx, stmt)
            return
        if isinstance(stmt, ast.Document):
            compile_document(self.ctx, stmt)
            return
        if isinstance(stmt, ast.SizeChart):
            return  # expanded into the products that use it (expand.py)
        if isinstance(stmt, ast.Assortment):
            draft.assortments.append(stmt)  # compiled once the products are known
            return
        if isinstance(stmt, ast.Block) and stmt.kind in _BLOCKS:
            if self.ctx.claim_path(stmt.kind, stmt):
                setattr(draft, _BLOCKS[stmt.kind], stmt)
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

    def check_dates(self, draft: ContractDraft, shipment_drafts) -> None:
        signed = draft.signed
        if signed is None:
            return
        for deadline in (d for s in shipment_drafts for d in s.deadlines):
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
            self.ctx.skus.append(sku)
            product = compile_product(self.ctx, stmt, sku, inspection)
            if product is None:
                self.ctx.order_unknown = True
            else:
                compiled.append((product, stmt))
        return compiled

    # --- defect classes -------------------------------------------------------------

    def defects(self, block: ast.Block | None) -> tuple[DefectName, ...]:
        if block is None:
            return ()
        named = compile_defects(self.ctx, block, "the contract's defects")
        self.ctx.defect_nodes.update({("", entry.key): text for entry, text in named})
        return tuple(entry for entry, _ in named)

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


def _lot_location(block: ast.Block | None) -> Location | None:
    """Where shared lots' AQL clauses point: the `lot per shipment` line."""
    if block is None:
        return None
    lot = next((s for s in block.statements if isinstance(s, ast.Lot)), None)
    return None if lot is None else location(lot)


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
