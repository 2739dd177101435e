"""Property tests of text → compiled contract: bad input only ever raises `TaclError`.

Four sources of input: contracts generated from the grammar itself
(`hypothesis.extra.lark.from_lark`), random mutations of the bundled examples,
random bytes, and layout-only or value-only edits of the examples (which must keep,
respectively change, the fingerprint). Anything other than a `TaclError` escaping
`compile_source` — a Lark exception, `VisitError`, `AttributeError`, `IndexError`,
`RecursionError` — is a bug. Minimal inputs of bugs found here are pinned in
`test_prop_regressions.py`.
"""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal
from pathlib import Path

import lark
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

import tacl
from tacl.compile.products import check_digit
from tacl.pipeline import compile_source_file, decode_source
from tacl.standards.iso2859 import PREFERRED_AQLS
from tacl.syntax.generate import grammar_text

ROOT = Path(__file__).resolve().parents[2]
SYNTAX_CODES = {"E001", "E002", "E003"}


def example_paths() -> list[Path]:
    return sorted(ROOT.glob("examples/**/*.tacl"))


def compiling_examples() -> list[str]:
    """The bundled examples that compile (others may be work in progress)."""
    texts = []
    for path in example_paths():
        text = path.read_bytes().decode("utf-8", "replace")
        try:
            tacl.compile_source(text, name=str(path))
        except tacl.TaclError:
            continue
        texts.append(text)
    return texts


EXAMPLES = [p.read_bytes().decode("utf-8", "replace") for p in example_paths()]
GOOD_EXAMPLES = compiling_examples()


def compile_or_tacl_error(text: str, name: str = "<prop>"):
    """Compile; return the contract, or the `ContractError` — anything else propagates."""
    try:
        return tacl.compile_source(text, name=name)
    except tacl.TaclError as exc:
        check_diagnostics(exc, text.removeprefix("\ufeff"))
        return exc


def check_diagnostics(exc: tacl.TaclError, text: str) -> None:
    """Every diagnostic has a code and a message, a span inside the text, and no twin."""
    seen = set()
    for diagnostic in getattr(exc, "diagnostics", ()):
        assert diagnostic.code and diagnostic.message
        span = diagnostic.span
        if span is not None:
            assert 0 <= span.start <= span.end <= len(text), diagnostic
            assert 1 <= span.line <= span.end_line and span.column >= 1, diagnostic
        key = (diagnostic.code, diagnostic.message, span and (span.start, span.end))
        assert key not in seen, f"reported twice: {diagnostic}"
        seen.add(key)


# --- contracts generated from the grammar ----------------------------------------------

STARTS = ["start", "contract_stmt", "product_stmt"]
_GRAMMAR = lark.Lark(grammar_text(), parser="lalr", lexer="contextual", start=STARTS)
KEYWORDS = frozenset(
    t.pattern.value for t in _GRAMMAR.terminals if t.pattern.type == "str" and t.name.isupper()
)

_PLAUSIBLE_WORDS = [
    "USD", "EUR", "CNY", "JPY", "usd", "XXX", "mm", "cm", "m", "in", "inch", "ft", "mg", "g",
    "kg", "t", "oz", "lb", "ml", "l", "gsm", "pcs", "piece", "pieces", "pairs", "sets", "dozen",
    "V", "W", "mAh", "Ah", "Wh", "lm", "°C", "degC", "°F", "degF", "µm", "mmm", "FOB", "EXW",
    "CIF", "DDP", "FOO", "post-delivery", "pre-shipment", "I", "II", "III", "S-1", "S-4", "IV",
    "EAN-13", "UPC-A", "EAN-8", "body", "shade", "cord", "pantone", "ral", "lab", "rgb", "hsl",
]  # fmt: skip


def _token(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Tokens are separated by ignored white space, which `from_lark` does not insert."""
    return st.tuples(st.sampled_from([" ", " ", "  ", "\t"]), strategy).map("".join)


_STRING_BODY = st.one_of(
    st.sampled_from(["Acme GmbH", "DL-200", "aluminium 6061", "", 'a\\"b', "tab\\t", "\\u{1F600}"]),
    st.text(st.characters(codec="utf-8", exclude_characters='"\\\r\n'), max_size=12),
    st.sampled_from(["\\q", "\\u{D800}", "\\u{110000}", "\\u{}", "x" * 40]),
)
_NUMBER = st.one_of(
    st.integers(0, 100_000).map(str),
    st.decimals(0, 10_000, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["0", "0.0", "1_000", "2.5", "4.0", "0.065", "9" * 31, "1_0.0_1"]),
)
_DATE = st.one_of(
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
)
_WORD = st.one_of(
    st.sampled_from(_PLAUSIBLE_WORDS),
    st.from_regex(re.compile(_GRAMMAR.get_terminal("WORD").pattern.to_regexp()), fullmatch=True),
).filter(lambda w: w not in KEYWORDS)

EXPLICIT = {
    "STRING": _token(_STRING_BODY.map(lambda s: f'"{s}"')),
    "DATE": _token(_DATE),
    "NUMBER": _token(_NUMBER),
    "HEX": _token(st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06X}")),
    "WORD": _token(_WORD),
    "PLUSMINUS": _token(st.sampled_from(["±", "+/-"])),
    "_NL": st.sampled_from(["\n", "\n", "\r\n", "\n\n", " # a comment\n"]),
    "WS": st.sampled_from([" ", "\t"]),
    "COMMENT": st.just(" "),  # a comment runs to the end of the line: only before _NL
}
if "NEG_NUMBER" in {t.name for t in _GRAMMAR.terminals}:
    EXPLICIT["NEG_NUMBER"] = _token(_NUMBER.map("-{}".format))
for _terminal in _GRAMMAR.terminals:  # keywords, and any terminal added to the grammar later
    if _terminal.name in EXPLICIT:
        continue
    if _terminal.pattern.type == "str":
        EXPLICIT[_terminal.name] = _token(st.just(_terminal.pattern.value))
    else:
        pattern = re.compile(_terminal.pattern.to_regexp())
        EXPLICIT[_terminal.name] = _token(st.from_regex(pattern, fullmatch=True))


def _from_grammar(rule: str) -> st.SearchStrategy[str]:
    """`from_lark` from `rule`, given explicit strategies for the terminals it can reach."""
    terminals, rules, ignored = _GRAMMAR.grammar.compile([rule], ())
    names = {t.name for t in terminals} | set(ignored)
    return from_lark(
        _GRAMMAR, start=rule, explicit={k: v for k, v in EXPLICIT.items() if k in names}
    )


whole_files = _from_grammar("start")


def _statements(rule: str, max_size: int) -> st.SearchStrategy[str]:
    statement = _from_grammar(rule)
    return st.lists(statement, max_size=max_size).map(lambda ss: "".join(s + "\n" for s in ss))


@st.composite
def _rich_contract(draw) -> str:
    """A contract whose statements, and those of its products, come from the grammar.

    `from_lark` prefers short expansions, so whole files are mostly tiny; composing
    statements reaches deep into products, constraints, colours and packaging.
    """
    products = draw(st.lists(_statements("product_stmt", 10), max_size=3))
    body = "".join(f'  product "P-{i}" {{\n{stmts}  }}\n' for i, stmts in enumerate(products))
    head = draw(_statements("contract_stmt", 8))
    tail = draw(_statements("contract_stmt", 3))
    return f'contract "PO-1" {{\n{head}{body}{tail}}}\n'


generated_contracts = st.one_of(whole_files, _rich_contract())


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(generated_contracts)
def test_generated_contract_compiles_or_raises_tacl_error(text: str) -> None:
    result = compile_or_tacl_error(text)
    event("compiled" if not isinstance(result, Exception) else "ContractError")


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(generated_contracts)
def test_generated_contract_has_no_syntax_error(text: str) -> None:
    """Text the grammar generates, tokens separated, is never a syntax error.

    This checks that the lexer agrees with the grammar (terminal collisions, the
    contextual lexer's choices): a rejection must come from the compiler.
    """
    result = compile_or_tacl_error(text)
    if isinstance(result, Exception):
        codes = {d.code for d in result.diagnostics}
        assert not codes & SYNTAX_CODES, [d.message for d in result.diagnostics]


# --- mutations of the bundled examples ---------------------------------------------------

TOKENS = sorted(KEYWORDS) + [
    "{", "}", "{\n", "}\n", "\n", "\r\n", "\r", '"', '"x"', "#", "# ", "#1A1A1A", "#12345",
    "±", "+/-", "+", "-", "/", "%", "×", "x", ",", "(", ")", "ΔE", "°C", "µm", "1", "0",
    "-1", "1e5", "1.", ".5", "1__0", "2026-02-30", "9" * 31, "\x00", "\ufeff", "\t", "\\",
    "\\u{", "\u0661\u0662", "\uff12", "-5", "- 5", "-0", "é", "日本", "🙂", "\u202e", "\u00a0", "\u2028", "\u201c", "\u201d", "\x0c",
]  # fmt: skip


@st.composite
def mutated_example(draw) -> str:
    assume(EXAMPLES)
    text = draw(st.sampled_from(EXAMPLES))
    for _ in range(draw(st.integers(1, 4))):
        text = draw(_mutation(text))
    return text


def _mutation(text: str) -> st.SearchStrategy[str]:
    lines = text.split("\n")
    n = len(lines)
    index = st.integers(0, max(n - 1, 0))
    pos = st.integers(0, len(text))

    def at_line(func):
        return index.map(lambda i: "\n".join(func(lines[:], i)))

    def delete(ls, i):
        del ls[i]
        return ls

    def duplicate(ls, i):
        ls.insert(i, ls[i])
        return ls

    def swap(ls, i):
        j = (i + 1) % n
        ls[i], ls[j] = ls[j], ls[i]
        return ls

    def insert(p, s):
        return text[:p] + s + text[p:]

    return st.one_of(
        at_line(delete),
        at_line(duplicate),
        at_line(swap),
        st.builds(insert, pos, st.sampled_from(TOKENS)),
        st.builds(insert, pos, st.sampled_from(TOKENS).map(lambda t: f" {t} ")),
        st.builds(insert, pos, st.text(st.characters(codec="utf-8"), min_size=1, max_size=3)),
        pos.map(lambda p: text[:p]),  # truncate
        pos.map(lambda p: text[:p] + text[p + 1 :]),  # drop one character
        st.builds(
            _replace_digit, st.just(text), st.integers(0, 10_000), st.sampled_from("0123456789_.-")
        ),
        st.just(text.replace("\n", "\r\n")),
        st.just(text.replace("  ", "\t")),
        st.just("\ufeff" + text),
        st.just(text.replace("\n", "\r")),
        st.builds(insert, pos, st.just("\x00")),
    )


def _replace_digit(text: str, which: int, new: str) -> str:
    digits = [m.start() for m in re.finditer(r"\d", text)]
    if not digits:
        return text
    p = digits[which % len(digits)]
    return text[:p] + new + text[p + 1 :]


@given(mutated_example())
def test_mutated_example_compiles_or_raises_tacl_error(text: str) -> None:
    result = compile_or_tacl_error(text)
    event("compiled" if not isinstance(result, Exception) else "ContractError")


# --- random bytes ---------------------------------------------------------------------------


@given(st.one_of(st.binary(max_size=400), mutated_example().map(lambda t: t.encode("utf-8"))))
def test_random_bytes_raise_only_tacl_error(data: bytes) -> None:
    try:
        source = decode_source(data, "<bytes>")
        compile_source_file(source)
    except tacl.TaclError:
        pass


@given(st.binary(max_size=40), st.integers(0, 2000))
def test_bytes_spliced_into_example_raise_only_tacl_error(junk: bytes, where: int) -> None:
    assume(EXAMPLES)
    data = EXAMPLES[where % len(EXAMPLES)].encode("utf-8")
    where %= len(data) + 1
    with contextlib.suppress(tacl.TaclError):
        compile_source_file(decode_source(data[:where] + junk + data[where:], "<bytes>"))


# --- the fingerprint ----------------------------------------------------------------------

_STRING_RE = re.compile(r'"(?:[^"\\\r\n]|\\.)*"')


def _outside_strings(line: str, func) -> str:
    """Apply `func` to the parts of a line that are not string literals or comments."""
    out, last = [], 0
    code, hash_, comment = line, -1, ""
    for match in _STRING_RE.finditer(line):
        before = line[last : match.start()]
        out.append(func(before))
        out.append(match.group(0))
        last = match.end()
    rest = line[last:]
    hash_ = rest.find("# ")
    if hash_ != -1 or rest.rstrip().endswith("#"):
        code, comment = (rest[:hash_], rest[hash_:]) if hash_ != -1 else (rest, "")
    else:
        code = rest
    out.append(func(code))
    out.append(comment)
    return "".join(out)


@st.composite
def relaid(draw, text: str) -> str:
    """The same contract with other white space, blank lines, comments and line ends."""
    out = []
    for line in text.split("\n"):
        if draw(st.booleans()):
            line = _outside_strings(
                line, lambda part: part.replace(" ", draw(st.sampled_from(["  ", "\t", " \t "])))
            )
        if line.strip() and draw(st.booleans()):
            line = draw(st.sampled_from(["", "  ", "\t"])) + line
        if line.strip() and not line.rstrip().endswith("#") and draw(st.booleans()):
            line += draw(st.sampled_from(["  # note", "\t# ½ – note #1A1A1A", " #"]))
        out.append(line)
        if draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(["", "   ", "# a comment line", "\t# x"])))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return draw(st.sampled_from(["", "\n", "# header\n"])) + eol.join(out)


@pytest.mark.skipif(not GOOD_EXAMPLES, reason="no example compiles")
@given(st.data())
def test_fingerprint_ignores_layout_and_comments(data) -> None:
    text = data.draw(st.sampled_from(GOOD_EXAMPLES))
    relaid_text = data.draw(relaid(text))
    original = tacl.compile_source(text)
    assert tacl.compile_source(relaid_text).sha256 == original.sha256


_NUMBER_RE = re.compile(r"(?<![\w#.\-])\d(?:_?\d)*(?:\.\d(?:_?\d)*)?(?![\w.\-])")


def _numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of every number literal outside strings and comments."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        masked = _outside_strings(line, lambda part: part)
        blank = _STRING_RE.sub(lambda m: " " * len(m.group(0)), line)
        hash_ = blank.find("# ")
        code = blank if hash_ == -1 else blank[:hash_]
        assert masked == line
        spans += [(offset + m.start(), offset + m.end()) for m in _NUMBER_RE.finditer(code)]
        offset += len(line) + 1
    return spans


def _line_at(text: str, at: int) -> str:
    return text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]


def _plain(value: Decimal) -> str:
    return format(value, "f")


def _number_variants(text: str, start: int, end: int) -> list[str]:
    """Edits of one number that keep the contract valid, so none has to be skipped.

    An AQL becomes its neighbour in the ISO 2859-1 preferred series (`2.5` is
    followed by `4.0`, not `3.5`); another number becomes V + 1, V / 2 and 2 V (a
    lower bound may not pass its upper one). Where the contract states its order
    value, the order value follows the edit (Σ quantity × price); an edit of the
    order value itself moves the first unit price by 0.01 and the order value with it.
    """
    value = Decimal(text[start:end].replace("_", ""))
    line = _line_at(text, start).lstrip()
    if line.startswith("order value"):
        return [_reprice(text)]
    if line.startswith("aql"):
        series = (Decimal(0), *PREFERRED_AQLS)
        at = next(i for i, v in enumerate(series) if v == value)
        candidates = [series[at + 1] if at + 1 < len(series) else series[at - 1]]
    else:
        candidates = [value + 1, value / 2, value * 2]
    edits = [
        _rebalance_goods(text[:start] + _plain(c) + text[end:], line, start, c - value)
        for c in candidates
        if c != value
    ]
    return [_restate_order_value(edit) for edit in edits]


_GOODS = re.compile(r'^(\s*goods\s+"([^"]*)"\s+)([0-9_.]+)', re.M)
_PRODUCT = re.compile(r'^\s*product\s+"([^"]*)"', re.M)
_QUANTITY = re.compile(r"^(\s*quantity\s+)([0-9_.]+)", re.M)


def _rebalance_goods(text: str, line: str, at: int, delta: Decimal) -> str:
    """Named shipments' goods lines add up to their product's quantity (TACL 2): an edit
    of one moves the other by the same amount, so the contract stays valid."""
    goods = _GOODS.match(line)
    if goods is not None:  # a goods line: the product's quantity follows
        return _shift_quantity(text, goods.group(2), delta)
    if not _QUANTITY.match(line):
        return text
    matches = list(_GOODS.finditer(text))
    if not matches:
        return text
    sku = _product_at(text, at)
    last = next((m for m in reversed(matches) if m.group(2) == sku), None)
    if last is None:
        return text
    moved = Decimal(last.group(3).replace("_", "")) + delta
    return text[: last.start(3)] + _plain(moved) + text[last.end(3) :]


def _product_at(text: str, at: int) -> str | None:
    found = [m for m in _PRODUCT.finditer(text) if m.start() < at]
    return found[-1].group(1) if found else None


def _shift_quantity(text: str, sku: str, delta: Decimal) -> str:
    header = re.search(rf'^\s*product\s+"{re.escape(sku)}"', text, re.M)
    if header is None:
        return text
    quantity = _QUANTITY.search(text, header.end())
    moved = Decimal(quantity.group(2).replace("_", "")) + delta
    return text[: quantity.start(2)] + _plain(moved) + text[quantity.end(2) :]


_ORDER_VALUE = re.compile(r"^(\s*order value\s+)(\S+)(\s+\S+)", re.M)
_UNIT_PRICE = re.compile(r"^(\s*unit price\s+)(\S+)(\s)", re.M)


def _restate_order_value(text: str) -> str:
    """The text with its stated order value set to Σ quantity × unit price, if it has one."""
    match = _ORDER_VALUE.search(text)
    if match is None:
        return text
    without = text[: match.start()] + text[match.end() :]
    computed = compile_or_tacl_error(without)
    if isinstance(computed, Exception) or computed.order_value is None:
        return text
    return text[: match.start(2)] + str(computed.order_value) + text[match.end(2) :]


def _reprice(text: str) -> str:
    price = _UNIT_PRICE.search(text)
    raised = Decimal(price.group(2).replace("_", "")) + Decimal("0.01")
    return _restate_order_value(text[: price.start(2)] + _plain(raised) + text[price.end(2) :])


_CHART = re.compile(r'^\s*size chart "([^"]+)"[^{\n]*\{[^}]*\}', re.M)


def _unused_charts(text: str) -> list[tuple[int, int]]:
    """Spans of size charts no product uses: by design they compile to nothing (W179)."""
    used = set(re.findall(r'size chart "([^"]+)" size ', text))
    return [m.span() for m in _CHART.finditer(text) if m.group(1) not in used]


def _value_edits():
    for number, text in enumerate(GOOD_EXAMPLES):
        unused = _unused_charts(text)
        for start, end in _numbers(text):
            if any(low <= start < high for low, high in unused):
                continue
            yield pytest.param(text, start, end, id=f"ex{number}-{text[start:end]}@{start}")


@pytest.mark.parametrize("text, start, end", list(_value_edits()))
def test_fingerprint_changes_with_every_number(text: str, start: int, end: int) -> None:
    original = tacl.compile_source(text)
    results = [compile_or_tacl_error(edit) for edit in _number_variants(text, start, end)]
    compiled = [r for r in results if not isinstance(r, Exception)]
    assert compiled, f"no valid variation of {text[start:end]}: {results}"
    for changed in compiled:
        assert changed.sha256 != original.sha256


def _string_edits():
    for number, text in enumerate(GOOD_EXAMPLES):
        unused = _unused_charts(text)
        for match in _STRING_RE.finditer(text):
            # a size chart's name and an unused chart's rows compile to nothing (§10)
            if any(low <= match.start() < high for low, high in unused) or re.search(
                r"size chart\s*$", text[: match.start()].rsplit("\n", 1)[-1]
            ):
                continue
            yield pytest.param(text, match.end() - 1, id=f"ex{number}-{match.group(0)[:20]}")


@pytest.mark.parametrize("text, end", list(_string_edits()))
def test_fingerprint_changes_with_every_string(text: str, end: int) -> None:
    original = tacl.compile_source(text)
    changed = compile_or_tacl_error(_string_variant(text, end))
    if isinstance(changed, Exception):  # a name referred to elsewhere (`like`, assortments)
        changed = compile_or_tacl_error(_renamed(text, end))
    assert not isinstance(changed, Exception), changed
    assert changed.sha256 != original.sha256


def _renamed(text: str, end: int) -> str:
    """The string ending at `end` changed everywhere it is written, as a rename is."""
    start = text.rfind('"', 0, end)
    quoted = text[start : end + 1]
    return text.replace(quoted, quoted[:-1] + 'Z"')


def _string_variant(text: str, end: int) -> str:
    """The string ending at `end` changed validly: a barcode stays a barcode (another
    code with its own check digit); any other text gains a letter."""
    start = text.rfind('"', 0, end) + 1
    content = text[start:end]
    line = _line_at(text, start).lstrip()
    if line.startswith("barcode") and content.isdigit():
        payload = str((int(content[0]) + 1) % 10) + content[1:-1]
        return text[:start] + payload + str(check_digit(payload)) + text[end:]
    if line.startswith(("goods ", "product ")) and _GOODS.search(text):
        # a SKU of a contract with goods lines: renamed everywhere it is named (TACL 2)
        for keyword in ("goods", "product"):
            text = re.sub(
                rf'^(\s*{keyword}\s+)"{re.escape(content)}"',
                lambda m: f'{m.group(1)}"{content}Z"',
                text,
                flags=re.M,
            )
        return text
    if line.startswith(("reference sample", "appearance as reference sample")):
        # a reference sample's name is declared once and used by name: rename it everywhere
        return text.replace(f'"{content}"', f'"{content}Z"')
    return text[:end] + "Z" + text[end:]
