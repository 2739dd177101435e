"""Shipment blocks to `Shipment` records and their clauses (language.md §5.1, language-v2.md §2).

A contract has either one unnamed `shipment { … }` (TACL 1: clauses under
`shipment.`) or one or more named ones (clauses under `shipments.NAME.`), never
both. A named shipment may carry `goods "SKU" QUANTITY` lines; each product's
nominal goods quantities over all shipments must add up to its own nominal
quantity, and every product must ship in one of them. Each mistake is reported at
the line that can be fixed, with what to change.

Compiling happens in two steps: `collect` turns each block into a draft (clauses
are added in contract order as they are met), and `finish`, once the products are
known, checks the goods lines against them and builds the records.
"""

from __future__ import annotations

from fractions import Fraction

import tacl.paths as paths
from tacl.compile import values
from tacl.compile.context import Deadline, ShipmentDraft
from tacl.compile.ir import (
    DeliverByClause,
    Incoterm,
    Location,
    MeasureClause,
    PartialClause,
    ShipByClause,
)
from tacl.compile.orders import GoodsLine, Shipment
from tacl.compile.products import quantity_problem
from tacl.compile.references import compile_document
from tacl.diagnostics import did_you_mean
from tacl.standards.compound import lookup
from tacl.standards.exact import format_quantity
from tacl.syntax import ast

INCOTERMS = ("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF")
QUANTITY_DIMENSIONS = ("count", "pairs", "sets", "mass", "volume", "length")


def location(node) -> Location:
    return Location(node.span.line, node.span.column)


def collect(ctx, blocks: list[ast.Shipment]) -> list[ShipmentDraft] | None:
    """Read every shipment block in order; None when named and unnamed blocks are mixed.

    After a mix nothing is known about which shipment carries what, so no error
    that would follow from it (a product in no shipment) is reported.
    """
    drafts = []
    named = blocks[0].name is not None if blocks else False
    mixed = False
    for block in blocks:
        if (block.name is not None) != named:
            _mixed(ctx, block, blocks[0])
            mixed = True
            continue
        name = None if block.name is None else values.name(ctx.rep, block.name)
        if block.name is not None and name is None:
            continue
        key = "shipment" if name is None else paths.join("shipments", name)
        if not ctx.claim_path(key, block.name or block):
            continue
        drafts.append(_read(ctx, block, name))
    return None if mixed else drafts


def _mixed(ctx, block: ast.Shipment, first: ast.Shipment) -> None:
    kind = "named" if first.name is not None else "unnamed"
    ctx.rep.error(
        "E223",
        "mixed-shipments",
        f"an {'unnamed' if kind == 'named' else 'named'} shipment block in a contract whose "
        f"first shipment block (line {first.span.line}) is {kind}",
        block.name or _head(block),
        "a contract has one unnamed `shipment { … }` or only named ones "
        '(`shipment "NAME" { … }`); name every block, or merge them into one',
    )


def _head(block) -> ast.Word:
    """The `shipment` keyword of a block, as a node to point at."""
    span = block.span
    from tacl.source import Span

    head = Span(span.start, span.start + 8, span.line, span.column, span.line, span.column + 8)
    return ast.Word("shipment", span=head)


def _read(ctx, block: ast.Shipment, name: str | None) -> ShipmentDraft:
    draft = ShipmentDraft(name=name, node=block)
    prefix = "shipment." if name is None else paths.join("shipments", name) + "."
    for stmt in block.statements:
        if isinstance(stmt, (ast.ShipBy, ast.ShipBetween)):
            _ship_by(ctx, stmt, prefix, draft)
        elif isinstance(stmt, ast.DeliverBy):
            _deliver_by(ctx, stmt, prefix, draft)
        elif isinstance(stmt, ast.Incoterm):
            if ctx.claim_path(prefix + "incoterm", stmt):
                draft.incoterm = _incoterm(ctx.rep, stmt)
        elif isinstance(stmt, ast.Partial):
            if ctx.claim_path(prefix + "partial", stmt):
                draft.partial_allowed = stmt.allowed
                if not stmt.allowed:
                    ctx.add(
                        PartialClause(
                            prefix + "partial",
                            "one complete shipment (partial shipments not allowed)",
                            location=location(stmt),
                        )
                    )
        elif isinstance(stmt, ast.Goods):
            _goods(ctx, stmt, prefix, draft)
        elif isinstance(stmt, ast.Document):  # TACL 2 §9: `documents.NAME`, or under the shipment
            compile_document(ctx, stmt, name)
    return draft


def _ship_by(ctx, stmt, prefix: str, draft: ShipmentDraft) -> None:
    rep = ctx.rep
    if not ctx.claim_path(prefix + "ship-by", stmt):
        return
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
            return
    if latest is not None:
        draft.latest, draft.earliest = latest, earliest
        draft.deadlines.append(Deadline(stmt, earliest or latest))
        ctx.add(
            ShipByClause(
                prefix + "ship-by",
                expected,
                latest,
                earliest,
                location=location(stmt),
                shipment=draft.name,
            )
        )


def _deliver_by(ctx, stmt: ast.DeliverBy, prefix: str, draft: ShipmentDraft) -> None:
    if not ctx.claim_path(prefix + "deliver-by", stmt):
        return
    latest = values.date(ctx.rep, stmt.date)
    if latest is None:
        return
    draft.deliver_by = latest
    draft.deadlines.append(Deadline(stmt, latest))
    ctx.add(
        DeliverByClause(
            prefix + "deliver-by",
            f"on or before {stmt.date.text}",
            latest,
            location=location(stmt),
            shipment=draft.name,
        )
    )


def _incoterm(rep, stmt: ast.Incoterm) -> Incoterm | None:
    code = stmt.code.text
    if code not in INCOTERMS:
        help_ = did_you_mean(code, INCOTERMS) or "Incoterms 2020: " + ", ".join(INCOTERMS)
        if code in ("DAT", "DDU"):
            help_ = "Incoterms 2020 replaced DAT with DPU; DDU is now DAP"
        rep.error("E107", "unknown-incoterm", f"unknown Incoterm `{code}`", stmt.code, help_)
        return None
    place = values.text(rep, stmt.place) if stmt.place is not None else None
    return Incoterm(code, place)


def _goods(ctx, stmt: ast.Goods, prefix: str, draft: ShipmentDraft) -> None:
    rep = ctx.rep
    if draft.name is None:
        rep.error(
            "E224",
            "goods-in-unnamed-shipment",
            "`goods` lines belong in named shipments",
            stmt,
            'the unnamed shipment carries the whole order; to split it, name each block: `shipment "1" { … }`',
        )
        return
    sku = values.name(rep, stmt.sku)
    if sku is None:
        return
    draft.named_skus.add(sku)
    resolved = values.constraint(rep, stmt.constraint, QUANTITY_DIMENSIONS, "`goods`")
    path = prefix + paths.join("goods", sku)
    if resolved is None or not ctx.claim_path(path, stmt):
        return
    if resolved.nominal is None:
        rep.error(
            "E225",
            "goods-without-nominal",
            f"`goods` quantity `{resolved.expected}` has no nominal value to add up",
            stmt.constraint,
            "write `V`, `V ± T` or `at least V`: the goods of all shipments must add up to "
            "the product's quantity",
        )
        return
    clause = values.measure_clause(path, resolved, location(stmt))
    problem = quantity_problem(clause)
    if problem is not None:
        rep.error(
            "E204",
            "non-positive-quantity",
            problem,
            stmt.constraint,
            "ship at least one whole unit; a tolerance must stay below the quantity",
        )
        return
    ctx.add(clause)
    draft.goods.append((stmt, sku, clause))


# --- once the products are known ---------------------------------------------------


def finish(ctx, drafts: list[ShipmentDraft] | None, products: list) -> tuple[Shipment, ...]:
    """The Shipment records, after checking every goods line against the products.

    `products` is the compiler's list of (Product, ast.Product) that compiled;
    `ctx.skus` holds every SKU the contract has, compiled or not (a product with
    an error of its own is no reason to call its goods lines unknown). Without
    named shipments there are no goods lines: the one shipment carries the whole
    order.
    """
    declared = ctx.skus
    if drafts is None:
        return ()
    by_sku = {product.sku: (product, node) for product, node in products}
    named = any(d.name is not None for d in drafts)
    mentioned = set().union(*(d.named_skus for d in drafts)) if drafts else set()
    lines: dict[str, list] = {}
    shipments = []
    for draft in drafts:
        goods = []
        for stmt, sku, clause in draft.goods:
            line = _goods_line(ctx, stmt, sku, clause, by_sku, declared)
            if line is not None:
                goods.append(line)
                lines.setdefault(sku, []).append((draft.name, stmt, clause))
        shipments.append(_record(draft, goods))
    if named:
        for product, node in products:
            if product.sku in mentioned and product.sku not in lines:
                continue  # its goods lines have errors of their own
            _check_total(ctx, product, node, lines.get(product.sku, []))
    return tuple(shipments)


def _record(draft: ShipmentDraft, goods: list) -> Shipment:
    return Shipment(
        draft.name,
        draft.latest,
        draft.earliest,
        draft.deliver_by,
        draft.incoterm,
        draft.partial_allowed,
        tuple(goods),
        location=None if draft.node is None else location(draft.node),
    )


def _goods_line(ctx, stmt: ast.Goods, sku: str, clause: MeasureClause, by_sku, declared):
    found = by_sku.get(sku)
    if found is None and sku in declared:
        return None  # the product has errors of its own
    if found is None:
        ctx.rep.error(
            "E221",
            "unknown-goods-sku",
            f"the contract has no product `{sku}`",
            stmt.sku,
            did_you_mean(sku, declared) or "each goods line names the SKU of a `product` block",
        )
        return None
    product, _node = found
    quantity = product.quantity
    if quantity is not None and quantity.dimension != clause.dimension:
        ctx.rep.error(
            "E202",
            "dimension-mismatch",
            f"goods of `{sku}` are counted in `{clause.unit}`, but the product's quantity is in "
            f"`{quantity.unit}`",
            stmt.constraint,
            f"give the goods in the product's unit, such as `{quantity.unit}`",
        )
        return None
    return GoodsLine(sku, clause, _value(product, clause))


def _value(product, clause: MeasureClause) -> Fraction | None:
    """Nominal goods quantity × unit price, in the unit the price is per."""
    if product.unit_price is None:
        return None
    unit = product.quantity.unit if product.quantity is not None else clause.unit
    return lookup(unit).from_base(clause.nominal) * Fraction(product.unit_price)


def _check_total(ctx, product, node: ast.Product, lines: list) -> None:
    rep = ctx.rep
    if not lines:
        rep.error(
            "E222",
            "product-not-shipped",
            f"product `{product.sku}` is in no shipment",
            node.sku,
            f'add `goods "{product.sku}" QUANTITY` to the shipment that carries it',
        )
        return
    quantity = product.quantity
    if quantity is None:
        return  # `missing-quantity` says so; there is nothing to add up to
    unit = lookup(quantity.unit)
    stated = next(s for s in node.statements if isinstance(s, ast.Quantity))
    if quantity.nominal is None:
        rep.error(
            "E225",
            "goods-without-nominal",
            f"the quantity of `{product.sku}` has no nominal value for its goods lines to add up to",
            stated,
            "write the quantity as `V ± T` or `V`",
        )
        return
    total = sum((clause.nominal for _, _, clause in lines), Fraction(0))
    if total == quantity.nominal:
        return
    difference = total - quantity.nominal
    shown = format_quantity(unit.from_base(abs(difference)), quantity.unit)
    listed = ", ".join(
        f"{name}: {format_quantity(unit.from_base(clause.nominal), quantity.unit)} "
        f"(line {stmt.span.line})"
        for name, stmt, clause in lines
    )
    rep.error(
        "E220",
        "goods-do-not-add-up",
        f"the goods of `{product.sku}` add up to "
        f"{format_quantity(unit.from_base(total), quantity.unit)}, "
        f"{shown} {'more' if difference > 0 else 'less'} than its quantity of "
        f"{format_quantity(unit.from_base(quantity.nominal), quantity.unit)}",
        stated,
        f"goods lines: {listed}; correct one of them or the quantity",
    )
