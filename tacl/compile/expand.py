"""Shared requirements (language-v2.md §10): size charts and `like`, expanded before compiling.

The compiler never sees a size-chart reference or a `like`: this pass rewrites
the syntax tree into the contract the buyer would have written out by hand, so
the compiled contract and its fingerprint are those of the expanded text by
construction (tests/property/test_prop_expand.py writes that text independently
and compares). The rules, documented in docs/language.md ("Shared requirements"):

1. `size chart "C" size S` in a product becomes one `dimension ROW V UNIT TOL`
   per row of chart C, in row order, where the reference stands: V is the row's
   value under size S, TOL the row's tolerance or else the chart's.
2. `product "B" like "A" { … }` starts from A's statements, A's own `like` and
   size charts already expanded. Each statement of B *replaces* A's statement
   of the same key, in A's place; a block (`packaging`, `inspection`, a
   `carton`, the `pallet`) replaces A's block of the same key by merging the
   two the same way, one level down; statements with a new key are *added*
   after A's, in B's order. A statement's key is the clause path it states
   (`dimension.half chest`, `material.body`, `test.drop`) or, for a statement
   that states several clauses or none, its kind (`size`, `unit price`).

Located errors: an unknown chart, size or `like` name (with "did you mean"), a
row with the wrong number of values, a chart without sizes or rows, a `like`
cycle. A chart with an error expands to nothing, so its problems are reported
once, at the chart, and not again for every product that uses it (an unknown
size is still reported where it is asked for).
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from tacl.compile import values
from tacl.compile.values import Reporter
from tacl.diagnostics import did_you_mean
from tacl.source import SourceFile
from tacl.syntax import ast

Key = tuple


@attrs.frozen
class Chart:
    """A size chart: its size labels, and whether its rows passed their checks."""

    node: ast.SizeChart
    sizes: tuple[str, ...]
    valid: bool

    def column(self, label: str) -> int:
        return self.sizes.index(label)


def expand_module(module: ast.Module, rep: Reporter) -> ast.Module:
    """The module with every size-chart reference and `like` expanded (errors reported)."""
    contract = expand_contract(module.contract, rep)
    if contract is module.contract:
        return module
    return ast.Module(contract, module.comments)


def expand_contract(contract: ast.Contract, rep: Reporter) -> ast.Contract:
    statements = contract.statements
    products = [s for s in statements if isinstance(s, ast.Product)]
    uses_charts = any(isinstance(s, ast.SizeChart) for s in statements)
    if not uses_charts and not any(p.like is not None for p in products):
        if not any(_has_refs(p.statements) for p in products):
            return contract
    charts = _charts(statements, rep)
    expanded = _Expander(rep, charts, products).run()
    new = tuple(expanded.get(id(s), s) if isinstance(s, ast.Product) else s for s in statements)
    return ast.Contract(contract.id, new, span=contract.span)


def _has_refs(statements) -> bool:
    return any(isinstance(s, ast.SizeChartRef) for s in statements)


# --- size charts ----------------------------------------------------------------------


def label_text(node) -> str:
    """A size label as text: `M`, `36`, or a quoted label's characters (`"2XL"`)."""
    if isinstance(node, ast.Text):
        return _decoded(node)
    return node.text


def _decoded(node: ast.Text) -> str:
    """A string's value, escapes decoded; a bad escape is the compiler's to report."""
    if "\\" not in node.raw:
        return node.raw
    value = values.text(Reporter(SourceFile("<expand>", "")), node)
    return node.raw if value is None else value


def _charts(statements, rep: Reporter) -> dict[str, Chart | None]:
    """Every size chart by name; None for one without sizes or rows."""
    charts: dict[str, Chart | None] = {}
    first: dict[str, ast.SizeChart] = {}
    for stmt in statements:
        if not isinstance(stmt, ast.SizeChart):
            continue
        name = values.name(rep, stmt.name)
        if name is None:
            continue
        if name in first:
            _twice(rep, f'size chart "{name}"', first[name], stmt.name, "give each its own name")
            continue
        first[name] = stmt
        charts[name] = _chart(stmt, name, rep)
    return charts


def _chart(node: ast.SizeChart, name: str, rep: Reporter) -> Chart | None:
    sizes_lines = [s for s in node.statements if isinstance(s, ast.ChartSizes)]
    rows = [s for s in node.statements if isinstance(s, ast.ChartRow)]
    before = len(rep.diagnostics)
    if not sizes_lines or not rows:
        rep.error(
            "E273",
            "incomplete-size-chart",
            f'size chart "{name}" has no {"sizes" if not sizes_lines else "rows"}',
            node.name,
            "a chart lists its sizes, then one row per point of measure: "
            '`sizes S, M, L` and `"half chest" 54, 57, 60`',
        )
        return None
    for extra in sizes_lines[1:]:
        what = f'the sizes of chart "{name}"'
        _twice(rep, what, sizes_lines[0], extra, "list every size on one `sizes` line")
    sizes = _sizes(sizes_lines[0], rep)
    seen: dict[str, ast.ChartRow] = {}
    for row in rows:
        label = values.name(rep, row.name)
        if label is None:
            continue
        if label in seen:
            what = f'row "{label}" of chart "{name}"'
            _twice(rep, what, seen[label], row.name, "keep one row per point of measure")
            continue
        seen[label] = row
        _check_row(node, row, label, sizes, rep)
    return Chart(node, sizes, valid=len(rep.diagnostics) == before)


def _twice(rep: Reporter, what: str, first, node, help_: str) -> None:
    rep.error(
        "E302",
        "duplicate-clause",
        f"{what} is stated twice; first on line {first.span.line}",
        node,
        help_,
    )


def _sizes(line: ast.ChartSizes, rep: Reporter) -> tuple[str, ...]:
    labels: list[str] = []
    for node in line.labels:
        label = label_text(node)
        if label in labels:
            rep.error(
                "E274",
                "duplicate-size",
                f"size `{label}` is listed twice",
                node,
                "each size is one column of the chart",
            )
        labels.append(label)
    return tuple(labels)


def _check_row(chart: ast.SizeChart, row: ast.ChartRow, label: str, sizes, rep: Reporter) -> None:
    if len(row.values) != len(sizes):
        have = len(row.values)
        rep.error(
            "E272",
            "size-chart-row-length",
            f'row "{label}" has {have} value{"" if have == 1 else "s"}; the chart has '
            f"{len(sizes)} size{'' if len(sizes) == 1 else 's'} ({', '.join(sizes)})",
            row.values[len(sizes)] if have > len(sizes) else row,
            "give one value per size, in the order of the `sizes` line",
        )
        return
    for cell in row.values:
        # each value resolved as its `dimension` will be, so every problem is found here, once
        constraint = _cell_constraint(chart, row, cell)
        if values.constraint(rep, constraint, ("length",), f"dimension `{label}`") is None:
            return


def _cell_constraint(chart: ast.SizeChart, row: ast.ChartRow, cell: ast.Num):
    measure = ast.Measure(cell, chart.unit, span=cell.span)
    tolerance = row.tolerance if row.tolerance is not None else chart.tolerance
    if tolerance is None:
        return ast.Exact(measure, span=cell.span)
    return ast.Toleranced(measure, _with_unit(tolerance, chart.unit), span=row.span)


def _with_unit(tolerance, unit: ast.Word):
    """`± 1.5` in a `cm` chart is `± 1.5 cm`: the same interval (a tolerance without a unit
    takes its value's), written out as the buyer would in a `dimension` line."""
    if isinstance(tolerance, ast.SymTolerance) and tolerance.amount.unit is None:
        amount = ast.Measure(tolerance.amount.number, unit, span=tolerance.amount.span)
        return ast.SymTolerance(amount, span=tolerance.span)
    if isinstance(tolerance, ast.AsymTolerance) and tolerance.unit is None:
        return ast.AsymTolerance(tolerance.plus, tolerance.minus, unit, span=tolerance.span)
    return tolerance


def _rows_for(chart: Chart, ref: ast.SizeChartRef, column: int) -> list[ast.Dimension]:
    """The `dimension` statements one column of a chart stands for, spanning the reference."""
    node = chart.node
    return [
        ast.Dimension(row.name, _cell_constraint(node, row, row.values[column]), span=ref.span)
        for row in node.statements
        if isinstance(row, ast.ChartRow)
    ]


# --- like -------------------------------------------------------------------------------


class _Expander:
    """Expands every product: its size-chart references, then its `like`, bases first."""

    def __init__(self, rep: Reporter, charts: dict[str, Chart | None], products):
        self.rep = rep
        self.charts = charts
        self.products = products
        self.by_sku: dict[str, ast.Product] = {}
        for product in products:
            self.by_sku.setdefault(_decoded(product.sku), product)
        self.own = {id(p): self.references(p.statements) for p in products}
        self.done: dict[int, ast.Product] = {}

    def run(self) -> dict[int, ast.Product]:
        """Expanded products by the id of their node; bases before the products like them."""
        pending = list(self.products)
        while pending:
            waiting = [p for p in pending if not self.try_resolve(p)]
            if len(waiting) == len(pending):  # only cycles, or products that lead into one
                self.break_cycle(waiting)
            pending = waiting
        return self.done

    def try_resolve(self, product: ast.Product) -> bool:
        """Expand `product` if its base is expanded (or it has none); whether it was."""
        if product.like is None:
            self.finish(product, self.own[id(product)])
            return True
        base = self.by_sku.get(_decoded(product.like))
        if base is None:
            self.unknown_base(product)
            self.finish(product, self.own[id(product)])
            return True
        expanded = self.done.get(id(base))
        if expanded is None:
            return False
        self.finish(product, merge(expanded.statements, self.own[id(product)]))
        return True

    def finish(self, product: ast.Product, statements: tuple) -> None:
        self.done[id(product)] = ast.Product(
            product.sku, tuple(statements), span=product.span, like=product.like
        )

    def unknown_base(self, product: ast.Product) -> None:
        name = _decoded(product.like)
        help_ = did_you_mean(name, [s for s in self.by_sku if s != _decoded(product.sku)])
        self.rep.error(
            "E275",
            "unknown-product",
            f"product `{_decoded(product.sku)}` is like `{name}`, which the contract does not have",
            product.like,
            help_ or "`like` names another product of this contract by its SKU",
        )

    def break_cycle(self, waiting: list[ast.Product]) -> None:
        """Report the cycle the first waiting product leads into, at its first member."""
        chain: list[ast.Product] = []
        product = waiting[0]
        while product not in chain:
            chain.append(product)
            product = self.by_sku[_decoded(product.like)]
        cycle = chain[chain.index(product) :]
        order = {id(p): i for i, p in enumerate(self.products)}
        first = min(cycle, key=lambda p: order[id(p)])
        start = cycle.index(first)
        ring = [*cycle[start:], *cycle[:start], first]
        names = " → ".join(f"`{_decoded(p.sku)}`" for p in ring)
        message = (
            f"product `{_decoded(first.sku)}` is like itself"
            if len(cycle) == 1
            else f"`like` goes round in a circle: {names}"
        )
        self.rep.error(
            "E276",
            "like-cycle",
            message,
            first.like,
            "one product of the circle must state its requirements itself",
        )
        self.finish(first, self.own[id(first)])

    # --- size charts inside a product ---------------------------------------------------

    def references(self, statements) -> tuple:
        """The statements with every `size chart … size …` replaced by its rows."""
        if not _has_refs(statements):
            return tuple(statements)
        out: list = []
        for stmt in statements:
            if isinstance(stmt, ast.SizeChartRef):
                out.extend(self.reference(stmt))
            else:
                out.append(stmt)
        return tuple(out)

    def reference(self, ref: ast.SizeChartRef) -> list[ast.Dimension]:
        name = _decoded(ref.chart)
        if name not in self.charts:
            self.rep.error(
                "E270",
                "unknown-size-chart",
                f'the contract has no size chart "{name}"',
                ref.chart,
                did_you_mean(name, self.charts)
                or 'state it at contract level: `size chart "NAME" cm ± 1 { … }`',
            )
            return []
        chart = self.charts[name]
        if chart is None:  # no sizes or no rows: reported at the chart
            return []
        label = label_text(ref.size)
        if label not in chart.sizes:
            listed = ", ".join(chart.sizes)
            hint = did_you_mean(label, chart.sizes)
            self.rep.error(
                "E271",
                "unknown-size",
                f'size chart "{name}" has no size `{label}`',
                ref.size,
                f"{hint} The sizes are {listed}." if hint else f"the sizes are {listed}",
            )
            return []
        if not chart.valid:  # its errors were reported at the chart, once
            return []
        return _rows_for(chart, ref, chart.column(label))


# --- merging a product into the one it is like -----------------------------------------


def merge(base: tuple, own: tuple) -> tuple:
    """`base` with each statement of `own` in the place of the one of the same key.

    Blocks of the same key merge recursively; statements of `own` whose key `base`
    lacks come after, in their order. A key stated twice in `own` keeps both (the
    compiler then reports the duplicate at the second, as in any product).
    """
    own_keys: dict[Key, object] = {}
    for stmt in own:
        own_keys.setdefault(statement_key(stmt), stmt)
    placed: set[int] = set()
    out: list = []
    for stmt in base:
        key = statement_key(stmt)
        replacement = own_keys.get(key)
        if replacement is None:
            out.append(stmt)
        elif id(replacement) not in placed:
            placed.add(id(replacement))
            out.append(_merged(stmt, replacement))
        # a base statement whose key was already replaced once is dropped
    out.extend(stmt for stmt in own if id(stmt) not in placed)
    return tuple(out)


def _merged(base, own):
    """A block merged into the base's block of the same key; any other statement replaces."""
    if isinstance(own, ast.Block) and isinstance(base, ast.Block):
        return ast.Block(own.kind, merge(base.statements, own.statements), span=own.span)
    if isinstance(own, ast.Carton) and isinstance(base, ast.Carton):
        return ast.Carton(own.name, merge(base.statements, own.statements), span=own.span)
    return own


def _label(node) -> str:
    return node.text if isinstance(node, ast.Word) else _decoded(node)


def _part(node) -> str | None:
    return None if node.part is None else node.part.text


#: A statement's key, by its class: the clause path it states, or its kind.
KEYS: dict[type, Callable[[object], Key]] = {
    ast.Dimension: lambda s: ("dimension", _label(s.name)),
    ast.Spec: lambda s: ("spec", _label(s.name)),
    ast.Test: lambda s: ("test", _label(s.name)),
    ast.Material: lambda s: ("material", _part(s)),
    ast.Color: lambda s: ("color", _part(s)),
    ast.Marking: lambda s: ("marking", _part(s)),
    ast.Block: lambda s: ("block", s.kind),
    ast.Carton: lambda s: ("carton", _decoded(s.name)),
    # a line of a `defects` block (§4) is keyed by its class and names: B's lines add
    # to A's list, and a line B repeats as A wrote it stays once
    ast.DefectList: lambda s: ("defects", s.defect_class, tuple(map(_decoded, s.names))),
}


def statement_key(stmt) -> Key:
    """What a statement of a `like` product replaces: see KEYS; else its kind.

    A statement kind without an entry is keyed by its class, and by its `name` or
    `part` when it has one (so new kinds that name their clause merge by name).
    """
    keyed = KEYS.get(type(stmt))
    if keyed is not None:
        return keyed(stmt)
    name = getattr(stmt, "name", None)
    if isinstance(name, (ast.Word, ast.Text)):
        return (type(stmt).__name__, _label(name))
    part = getattr(stmt, "part", None)
    if isinstance(part, ast.Word) or (part is None and hasattr(stmt, "part")):
        return (type(stmt).__name__, _part(stmt))
    return (type(stmt).__name__,)
