"""AST + comments → canonical text: the walk over blocks that places every comment.

Statements stay in the author's order. Comments stay where they were:

- a comment on its own line stays before the statement that follows it, at
  that statement's indentation; one before a closing `}` stays inside the
  block, one line deeper than the `}`; one before `contract` stays at the top;
- a trailing comment stays at the end of its line, after the last code printed
  from that line (a statement, a block's `{` or a `}`), two spaces after the
  code (see `layout.py`).

Blank lines: one between a block and its neighbours, and wherever the author
left one or more (kept as exactly one); none elsewhere. `layout.render`
drops the ones that would open or close a block.
"""

from __future__ import annotations

from tacl.fmt import statements
from tacl.fmt.comments import SourceLayout
from tacl.fmt.layout import BLANK, Line, render
from tacl.source import SourceFile
from tacl.syntax import ast

ALIGNED = (ast.Buyer, ast.Supplier, ast.Signed, ast.Currency, ast.ChartSizes, ast.ChartRow)
_END = float("inf")


def print_module(module: ast.Module, source: SourceFile) -> str:
    """The canonical text of a parsed file; `source` supplies comments and blank lines."""
    printer = _Printer(source, SourceLayout.read(module, source))
    contract = module.contract
    header = printer.comments(printer.layout.own_lines_between(0, contract.span.line), 0, None)
    printer.gap(header, contract.span.line)
    printer.block(contract, 0)
    tail = printer.layout.own_lines_between(contract.span.end_line, _END)
    printer.comments(tail, 0, contract.span.end_line)
    printer.place_trailing()
    return render(printer.items)


class _Printer:
    def __init__(self, source: SourceFile, layout: SourceLayout):
        self.source = source
        self.layout = layout
        self.last: dict[int, Line] = {}
        self.items: list = []

    def emit(self, line: int, item: Line) -> None:
        """Add a code line printed from source line `line`.

        The source line's trailing comment goes to the last code printed from it
        (`place_trailing`): a block written on one line (`assortment "A" { "S" 1 }
        # note`) keeps its comment after the `}`, where the comment's characters
        stay in their order.
        """
        self.items.append(item)
        self.last[line] = item

    def place_trailing(self) -> None:
        for line, item in self.last.items():
            item.comment = self.layout.trailing.get(line)

    def comments(self, comments, depth: int, after: int | None) -> int | None:
        """Own-line comments at `depth`, with the author's blank lines kept between them."""
        for comment in comments:
            self.gap(after, comment.line)
            self.items.append(Line(depth, comment=comment.text))
            after = comment.line
        return after

    def gap(self, after: int | None, before: int) -> None:
        if after is not None and self.layout.blank_between(after, before):
            self.items.append(BLANK)

    def block(self, node, depth: int) -> None:
        start, end = node.span.line, node.span.end_line
        self.emit(start, Line(depth, statements.opener(node) + " {", "", opens=True))
        after, previous = start, None
        separator = statements.separator(node)
        last = len(node.statements) - 1
        for index, statement in enumerate(node.statements):
            if previous is not None and _is_block(previous, statement):
                self.items.append(BLANK)
            leading = self.layout.own_lines_between(after, statement.span.line)
            after = self.comments(leading, depth + 1, after)
            self.gap(after, statement.span.line)
            self.statement(statement, depth + 1, separator if index < last else "")
            after, previous = statement.span.end_line, statement
        after = self.comments(self.layout.own_lines_between(after, end), depth + 1, after)
        self.gap(after, end)
        self.emit(end, Line(depth, "}", "", closes=True))

    def statement(self, node, depth: int, separator: str = "") -> None:
        if statements.is_block(node):
            self.block(node, depth)
            return
        keyword, value = statements.phrase(node, self.source)
        value += separator
        self.emit(node.span.line, Line(depth, keyword, value, aligned=isinstance(node, ALIGNED)))


def _is_block(*nodes) -> bool:
    return any(statements.is_block(node) for node in nodes)
