"""Text to AST: parse with the generated tables, and turn syntax errors into diagnostics.

Syntax errors are collected one per statement: after an error, the offending line
is blanked (offsets kept) and the text parsed again, so a user sees every broken
line at once. An error on a line that opens or closes a block stops the hunt,
because blanking it would only produce noise about braces.
"""

from __future__ import annotations

from tacl.diagnostics import ERROR, Diagnostic, did_you_mean
from tacl.source import SourceFile, Span
from tacl.syntax import ast, tables
from tacl.syntax.build import AstBuilder, token_span
from tacl.syntax.lalr import Parser, Token, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

MAX_CHARS = 1_000_000
MAX_SYNTAX_ERRORS = 20

_parser: Parser | None = None


def get_parser() -> Parser:
    """The shared parser over the generated tables; it keeps no state between parses,
    so one instance serves every thread."""
    global _parser
    if _parser is None:
        _parser = Parser(AstBuilder(), collect=("COMMENT",))
    return _parser


def parse(source: SourceFile) -> tuple[ast.Module | None, list[Diagnostic]]:
    """Parse a contract; returns the module, or None with every syntax error found."""
    if len(source.text) > MAX_CHARS:
        return None, [
            _error(
                source,
                "E004",
                "file-too-large",
                f"file has {len(source.text):,} characters; the limit is {MAX_CHARS:,}",
                source.span(0, 0),
                "split the order into several contracts",
            )
        ]
    parser = get_parser()
    text = source.text
    diagnostics: list[Diagnostic] = []
    # Each syntax error costs a fresh parse; cap the text re-read so a large file with
    # many broken lines cannot take minutes. The first error is always reported.
    budget = max(4 * len(text), 200_000)
    while True:
        budget -= len(text)
        try:
            contract, comments = parser.parse(text)
        except UnexpectedInput as exc:
            diagnostic, line, stop = _classify(source, exc)
            diagnostics.append(diagnostic)
            if stop or len(diagnostics) >= MAX_SYNTAX_ERRORS or budget <= 0:
                return None, diagnostics
            blanked = _blank_line(text, line)
            if blanked == text:  # nothing left to blank: the same error would come back
                return None, diagnostics
            text = blanked
            continue
        if diagnostics:
            return None, diagnostics
        comments = tuple(ast.Comment(t.value, span=token_span(t)) for t in comments)
        return ast.Module(contract, comments), []


def _blank_line(text: str, line: int) -> str:
    """The text with one line turned to spaces, so every later offset stays the same.

    A carriage return becomes a space too: a stray `\r` is itself a syntax error,
    and keeping it would report the same error again on the next pass.
    """
    lines = text.split("\n")
    lines[line - 1] = " " * len(lines[line - 1])
    return "\n".join(lines)


def _error(source, code, rule, message, span, help=None) -> Diagnostic:
    return Diagnostic(code, rule, ERROR, message, source.name, span, help)


# --- classification ---------------------------------------------------------------

_NAMES = {
    "STRING": "a string",
    "NUMBER": "a number",
    "NEG_NUMBER": "a number",
    "DATE": "a date (YYYY-MM-DD)",
    "WORD": "a word",
    "HEX": "a colour `#RRGGBB`",
    "PERCENT": "`%`",
    "PLUSMINUS": "`±`",
    "_NL": "the end of the line",
    "$END": "the end of the file",
    "PLUS": "`+`",
    "MINUS": "`-`",
    "SLASH": "`/`",
}

_STATEMENT_STARTS = {
    "BUYER": "contract",
    "QUANTITY": "product",
    "SHIP": "shipment",
    "UNITS": "packaging",
    "AQL": "inspection",
    "QUALITY": "claims",
}


def _describe(name: str) -> str:
    if name in _NAMES:
        return _NAMES[name]
    terminal = tables.TERMINALS.get(name)
    return f"`{terminal[1]}`" if terminal is not None else name.lower()


def _keywords(accepts) -> list[str]:
    words = []
    for name in accepts:
        terminal = tables.TERMINALS.get(name)
        if name in _NAMES or terminal is None:
            continue
        kind, value, _ = terminal
        if kind == "str" and value.isalpha():
            words.append(value)
    return sorted(words)


def _shown(value: str) -> str:
    return "`" + value.replace("\n", "\\n").replace("\r", "\\r") + "`"


def _classify(source: SourceFile, exc: UnexpectedInput):
    """Turn a syntax error into (diagnostic, line to blank, stop-after-this)."""
    if isinstance(exc, UnexpectedCharacters):
        return _unexpected_character(source, exc)
    token = exc.token if isinstance(exc, UnexpectedToken) else None
    if token is None or token.type == "$END":
        return _unexpected_end(source, exc), 1, True
    accepts = getattr(exc, "accepts", None) or exc.expected
    span = token_span(token) if token.type != "_NL" else _end_of_line_span(source, token)
    line_text = source.line_text(token.line)
    stop = "{" in line_text or "}" in line_text or token.type == "RBRACE"
    block = next((kind for key, kind in _STATEMENT_STARTS.items() if key in accepts), None)
    if block is not None and token.type != "RBRACE":
        return _unknown_statement(source, token, span, block, accepts), token.line, stop
    expected = sorted({_describe(name) for name in accepts})
    found = "the end of the line" if token.type == "_NL" else _shown(token.value)
    message = f"unexpected {found}; expected {_join(expected)}"
    help_ = _token_help(token, accepts, line_text)
    if token.type == "_NL":
        message = f"statement ends too early; expected {_join(expected)}"
    return _error(source, "E001", "syntax-error", message, span, help_), token.line, stop


# Statement keywords by block, to say where a misplaced statement belongs.
STATEMENTS = {
    "contract": (
        "buyer",
        "supplier",
        "signed",
        "currency",
        "protection",
        "coverage",
        "order",
        "advance",
        "shipment",
        "product",
        "inspection",
        "claims",
        "reference",
        "document",
    ),
    "shipment": ("ship", "deliver", "incoterm", "partial", "document"),
    "product": (
        "description",
        "quantity",
        "unit",
        "size",
        "dimension",
        "weight",
        "material",
        "color",
        "marking",
        "barcode",
        "spec",
        "test",
        "packaging",
        "inspection",
        "origin",
        "appearance",
    ),
    "packaging": ("unit", "units", "carton", "test"),
    "inspection": ("standard", "aql"),
    "claims": ("quality", "supplier"),
}


def _token_help(token: Token, accepts, line_text: str) -> str | None:
    """A hint for the commonest slips: a comma in a number, a sign, a misspelt keyword."""
    if token.value == ",":
        return "numbers have no thousands separator; write `1_000` or `1000`"
    if token.type in ("MINUS", "NEG_NUMBER"):
        return "a tolerance is `± 2 mm` or `+2/-1 mm`; only temperatures can be negative"
    if token.type == "NUMBER" and line_text.lstrip().startswith("barcode"):
        return "barcode types are written `EAN-13` and `UPC-A`"
    if token.type == "WORD":
        return did_you_mean(token.value, _keywords(accepts))
    if token.type == "SLASH":
        return "a compound unit has a unit on each side of `/`, such as `N/mm`"
    return None


def _unknown_statement(source, token, span, block, accepts):
    where = "at the top of a contract" if block == "contract" else f"in a `{block}` block"
    word = token.value
    if not word[:1].isalpha():
        return _error(
            source,
            "E001",
            "syntax-error",
            f"unexpected {_shown(word)}; a statement was expected {where}",
            span,
            "each statement starts with a keyword and ends at the end of its line",
        )
    home = next((b for b, words in STATEMENTS.items() if word in words and b != block), None)
    if home is not None:
        inside = "at the top of the contract" if home == "contract" else f"in a `{home}` block"
        return _error(
            source,
            "E101",
            "unknown-statement",
            f"`{word}` is not a statement {where}",
            span,
            f"`{word}` belongs {inside}",
        )
    help_ = did_you_mean(word, STATEMENTS[block])
    if help_ is None:
        others = {w: b for b, words in STATEMENTS.items() for w in words}
        close = did_you_mean(word, others)
        help_ = close or f"statements allowed here: {', '.join(STATEMENTS[block])}"
    return _error(
        source, "E101", "unknown-statement", f"unknown statement `{word}` {where}", span, help_
    )


def _unexpected_character(source: SourceFile, exc: UnexpectedCharacters):
    pos = exc.pos_in_stream
    char = source.text[pos] if pos < len(source.text) else ""
    span = source.span(pos, pos + 1)
    line = span.line
    if char == '"':
        return (
            _error(
                source,
                "E002",
                "unterminated-string",
                "string is not closed on this line",
                span,
                "a string ends on the line it starts; write a line break as `\\n`",
            ),
            line,
            True,
        )
    help_ = None
    if char == "#":
        help_ = "a comment is `#` followed by a space; a colour is `#RRGGBB`"
    elif char == "-":
        help_ = (
            "numbers have no sign, except inside `lab(...)`; a tolerance is `± 2 mm` or `+2/-1 mm`"
        )
    elif char in "\u201c\u201d":
        help_ = 'strings use straight double quotes: "..."'
    elif char in "$€£¥":
        help_ = "amounts are written number first, then the ISO 4217 code: `12.50 USD`"
    elif char == ",":
        help_ = "numbers have no thousands separator; write `1_000` or `1000`"
    elif char in "·*⋅":
        help_ = "a compound unit has a unit on each side of `·`, such as `mPa·s` or `N*m`"
    elif char in "{}":
        help_ = "a block's `{` ends its line, and its `}` stands on a line of its own"
    shown = repr(char)[1:-1] if not char.isprintable() else char
    message = f"unexpected character `{shown}`"
    line_text = source.line_text(line)
    stop = "{" in line_text or "}" in line_text
    return _error(source, "E003", "invalid-character", message, span, help_), line, stop


def _only_comments(text: str) -> bool:
    """Whether a text holds no statement at all: blank lines and `#` comments only."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _unexpected_end(source: SourceFile, exc: UnexpectedInput) -> Diagnostic:
    end = len(source.text)
    span = source.span(end, end)
    if _only_comments(source.text):
        return _error(
            source,
            "E001",
            "syntax-error",
            "empty file: no contract",
            span,
            'a file holds one `contract "ID" { ... }`',
        )
    opened = _open_block(exc)
    if opened is not None:
        name, line = opened
        return _error(
            source,
            "E001",
            "syntax-error",
            f"unexpected end of file; the `{name}` block opened on line {line} is not closed",
            span,
            "add `}` on a line of its own",
        )
    return _error(source, "E001", "syntax-error", "unexpected end of file", span)


def _open_block(exc: UnexpectedInput) -> tuple[str, int] | None:
    """The innermost block still open when the file ended, from the parser's stack."""
    stack = exc.value_stack if isinstance(exc, UnexpectedToken) else []
    tokens = [v for v in stack if isinstance(v, Token)]
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].type == "LBRACE":
            keyword = next((t for t in reversed(tokens[:i]) if t.value.isalpha()), tokens[i])
            return keyword.value, tokens[i].line
    return None


def _end_of_line_span(source: SourceFile, token: Token) -> Span:
    return source.span(token.start_pos, token.start_pos)


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) > 6:
        return ", ".join(items[:6]) + ", …"
    return ", ".join(items[:-1]) + " or " + items[-1]
