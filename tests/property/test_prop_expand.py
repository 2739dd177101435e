"""`like` and size charts compile to exactly the contract written out in full (language-v2.md §10).

Hypothesis draws a size chart and products that are `like` one another in
chains and trees, listed in any order (a product may be like one written
after it), each with a random mix of statements that replace the base's or add
new ones, packaging blocks merged statement by statement, and size-chart
columns. The test writes the contract twice: as a buyer would with `like` and
`size chart`, and expanded by hand — by the rules of docs/language.md, modelled
here on lists of lines, without any of TACL's code — then compiles both and
compares fingerprints and clauses.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import tacl

SIZES = ["XS", "S", "M", "L", "XL", "36", "37", '"2XL"']
ROWS = ["half chest", "body length", "sleeve length", "hem width", "neck drop"]
UNITS = ["cm", "mm", "in"]
PARTS = ["body", "lining", "trim"]
TESTS = ["seam strength", "colour fastness", "zip run"]
SPECS = ["fabric weight", "pilling grade"]

amounts = st.integers(1, 9999).map(lambda n: f"{n // 10}.{n % 10}" if n % 3 else str(n // 10 + 1))
tolerances = st.one_of(
    st.none(),
    st.sampled_from(["± 1", "± 1.5", "± 2 %", "+1/-0.5", "± 0.5 cm", "+2/-1 mm"]),
)
words = st.text("abcdefghij klmno", min_size=1, max_size=12).map(str.strip).filter(bool)


@st.composite
def charts(draw):
    unit = draw(st.sampled_from(UNITS))
    tolerance = draw(tolerances)
    sizes = draw(st.lists(st.sampled_from(SIZES), min_size=1, max_size=5, unique=True))
    rows = draw(st.lists(st.sampled_from(ROWS), min_size=1, max_size=4, unique=True))
    table = [
        (row, [draw(amounts) for _ in sizes], draw(tolerances) if draw(st.booleans()) else None)
        for row in rows
    ]
    return {"unit": unit, "tolerance": tolerance, "sizes": sizes, "rows": table}


def chart_text(chart) -> str:
    head = f'  size chart "C" {chart["unit"]}'
    if chart["tolerance"]:
        head += f" {chart['tolerance']}"
    lines = [head + " {", "    sizes " + ", ".join(chart["sizes"])]
    for row, cells, tolerance in chart["rows"]:
        lines.append(f'    "{row}" ' + ", ".join(cells) + (f" {tolerance}" if tolerance else ""))
    return "\n".join(lines + ["  }"])


def chart_lines(chart, size: str) -> list:
    """The `dimension` lines of one column, as the buyer would have typed them."""
    column = chart["sizes"].index(size)
    out = []
    for row, cells, tolerance in chart["rows"]:
        tolerance = tolerance or chart["tolerance"]
        text = f'dimension "{row}" {cells[column]} {chart["unit"]}'
        out.append((("dimension", row), text + (f" {tolerance}" if tolerance else "")))
    return out


# A product is a list of items: (key, line) or (key, header, [items]) for a block.
@st.composite
def statements(draw, chart, base: bool):
    items: dict = {}
    if base or draw(st.booleans()):
        items[("quantity",)] = f"quantity {draw(st.integers(1, 5000))} pcs"
    if base or draw(st.booleans()):
        items[("price",)] = f"unit price {draw(st.integers(1, 99))}.{draw(st.integers(10, 99))} EUR"
    if draw(st.booleans()):
        items[("weight",)] = f"weight {draw(amounts)} g ± {draw(st.integers(1, 9))} %"
    for part in draw(st.lists(st.sampled_from(PARTS), max_size=2, unique=True)):
        items[("material", part)] = f'material {part} "{draw(words)}"'
    for name in draw(st.lists(st.sampled_from(TESTS), max_size=2, unique=True)):
        items[("test", name)] = f'test "{name}" passes'
    for name in draw(st.lists(st.sampled_from(SPECS), max_size=1)):
        items[("spec", name)] = f'spec "{name}" at least {draw(amounts)} gsm'
    ref = None
    if draw(st.booleans()):
        ref = draw(st.sampled_from(chart["sizes"]))
    explicit = [r for r in draw(st.lists(st.sampled_from(ROWS), max_size=2, unique=True))]
    if ref is not None:
        taken = {row for row, _, _ in chart["rows"]}
        explicit = [r for r in explicit if r not in taken]
    for row in explicit:
        items[("dimension", row)] = f'dimension "{row}" {draw(amounts)} cm ± 1 cm'
    if draw(st.booleans()):
        inner: dict = {}
        if draw(st.booleans()):
            inner[("units",)] = f"units per carton {draw(st.integers(1, 60))}"
        if draw(st.booleans()):
            inner[("marking",)] = f'carton marking "{draw(words)}"'
        if draw(st.booleans()):
            inner[("weight",)] = f"carton weight at most {draw(st.integers(5, 25))} kg"
        if draw(st.booleans()):
            inner[("test", "drop")] = 'test "carton drop" passes'
        items[("packaging",)] = ("packaging", list(inner.items()))
    order = draw(st.permutations(list(items.items())))
    listed = [(k, v) for k, v in order]
    if ref is not None:
        at = draw(st.integers(0, len(listed)))
        listed.insert(at, ("ref", ref))
    return listed


def expand_refs(items, chart) -> list:
    out = []
    for key, value in items:
        if key == "ref":
            out.extend(chart_lines(chart, value))
        else:
            out.append((key, value))
    return out


def merge(base: list, own: list) -> list:
    """The rule of docs/language.md: replace in place by key, merge blocks, append the rest."""
    own_keys = dict(own)
    used = set()
    out = []
    for key, value in base:
        if key not in own_keys:
            out.append((key, value))
        elif key not in used:
            used.add(key)
            mine = own_keys[key]
            if isinstance(mine, tuple) and isinstance(value, tuple):
                mine = (mine[0], merge(value[1], mine[1]))
            out.append((key, mine))
    out.extend((key, value) for key, value in own if key not in used)
    return out


def render(items, depth: int = 2) -> list[str]:
    pad = "  " * depth
    lines = []
    for key, value in items:
        if key == "ref":
            lines.append(f'{pad}size chart "C" size {value}')
        elif isinstance(value, tuple):
            lines += [f"{pad}{value[0]} {{", *render(value[1], depth + 1), f"{pad}}}"]
        else:
            lines.append(pad + value)
    return lines


def contract(products: list[str], chart: str | None = None) -> str:
    head = [
        'contract "PO-PROP" {',
        '  buyer "Nordwind Outdoor GmbH"',
        "  currency EUR",
    ]
    return "\n".join(head + ([chart] if chart else []) + products + ["}"]) + "\n"


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_like_and_size_charts_compile_to_the_expanded_text(data) -> None:
    chart = data.draw(charts())
    count = data.draw(st.integers(1, 5))
    # product i may be like any product j < i; the file lists them in any order
    bases = [None] + [
        data.draw(st.one_of(st.none(), st.integers(0, i - 1))) for i in range(1, count)
    ]
    own = [data.draw(statements(chart, base=bases[i] is None)) for i in range(count)]
    full: list = []
    for i in range(count):
        mine = expand_refs(own[i], chart)
        full.append(mine if bases[i] is None else merge(full[bases[i]], mine))
    written, expanded = [], []
    for i in data.draw(st.permutations(range(count))):
        like = "" if bases[i] is None else f' like "HD-{bases[i]}"'
        written += [f'  product "HD-{i}"{like} {{', *render(own[i]), "  }"]
        expanded += [f'  product "HD-{i}" {{', *render(full[i]), "  }"]
    short = tacl.compile_source(contract(written, chart_text(chart)), name="like.tacl")
    long = tacl.compile_source(contract(expanded), name="expanded.tacl")
    assert short.sha256 == long.sha256
    assert short.clauses == long.clauses
