"""Parse+compile throughput and `tacl` cold start, against baselines measured in the same run.

    python benchmarks/bench_compile.py            # full run (≈ 1 min on 2 vCPU)
    python benchmarks/bench_compile.py --quick    # fewer repetitions, for a smoke test
    python benchmarks/bench_compile.py --profile  # also print cProfile / -X importtime tops

Throughput: `tacl.compile_source` over a generated corpus (≥ 1 MB of varied contracts,
every one of which compiles), next to Lark's own JSON grammar (LALR, contextual lexer,
building a tree, and with a tree-less transformer) and stdlib `json.loads` on a JSON
document of the same size (the compiled contracts, dumped). Cold start: `tacl compile
examples/lamps/po.tacl` in a fresh process, against `python -c pass` and the
dependency floor `python -c "import click, attrs, lark"`; also with a bytecode cache
(PYTHONPYCACHEPREFIX: this environment sets PYTHONDONTWRITEBYTECODE=1, so an editable
TACL is compiled from source at each start), and `tacl --version`. Absolute times on a shared machine are noise; the ratios in one run are the signal.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import lark

import tacl
from tacl.pipeline import decode_source
from tacl.syntax.parser import parse

ROOT = Path(__file__).resolve().parents[1]
LAMPS = ROOT / "examples" / "lamps" / "po.tacl"
CORPUS_BYTES = 1_100_000

AIM_PARSE = 2.0  # parse+compile within 2x of the Lark JSON parser (tree) per byte
AIM_START = 1.3  # `tacl compile` cold start at most 1.3x the dependency floor

# --- the corpus -----------------------------------------------------------------------

_WORDS = ["lamp", "kettle", "towel", "mug", "chair", "cable", "bag", "shelf", "fan", "box"]
_COLOURS = ["black", "white", "matte grey", "navy", "olive", "sand"]
_MATERIALS = ["ABS", "PC", "aluminium 6061", "steel Q235", "cotton 100%", "oak", "glass"]


def _ean13(rng: random.Random) -> str:
    digits = [rng.randrange(10) for _ in range(12)]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def _product(rng: random.Random, sku: str) -> str:
    word = rng.choice(_WORDS)
    length, width, height = rng.randint(100, 900), rng.randint(50, 500), rng.randint(20, 400)
    per_carton = rng.choice([6, 10, 12, 20, 24, 50])
    lines = [
        f'  product "{sku}" {{',
        f'    description "{word}, {rng.choice(_COLOURS)}, model {sku}"',
        f"    quantity {rng.randint(1, 200) * 50} pcs ± {rng.choice([1, 2, 3, 5])} %",
        f"    unit price {rng.randint(1, 9999) / 100:.2f} USD",
        f"    size {length} x {width} x {height} mm ± {rng.randint(1, 5)} mm",
        f"    weight {rng.randint(1, 500) / 10} kg ± {rng.randint(10, 90)} g",
        f'    material body "{rng.choice(_MATERIALS)}"',
        f'    material trim one of "{rng.choice(_MATERIALS)}", "{rng.choice(_MATERIALS)}"',
        f"    color body #{rng.randrange(1 << 24):06X} ± {rng.choice([1, 2, 3])} dE",
        f'    marking "{sku} / Made in China"',
        f'    barcode EAN-13 "{_ean13(rng)}"',
        f'    test "{word} function" passes',
        f"    dimension cord between {rng.randint(100, 150)} and {rng.randint(151, 200)} cm",
        f"    spec voltage {rng.choice([110, 220, 230])} V ± {rng.randint(1, 10)} %",
        "",
        "    packaging {",
        '      unit packing "white corrugated box"',
        f"      units per carton {per_carton}",
        f"      carton size {length * 2 + 20} x {width * 2 + 20} x {height + 40} mm ± 5 mm",
        f"      carton weight at most {rng.randint(5, 30)} kg",
        f'      carton marking "ACME / {sku} / {per_carton} pcs"',
        "    }",
        "  }",
    ]
    return "\n".join(lines)


def generate_contract(rng: random.Random, index: int) -> str:
    """One contract of 1-5 products with random (but valid) SKUs, numbers and colours."""
    skus = [f"{rng.choice('ABCDEFGHJK')}{rng.choice('LMNPRST')}-{index}{n}" for n in range(5)]
    products = "\n\n".join(_product(rng, sku) for sku in skus[: rng.randint(1, 5)])
    return f"""# generated order {index}
contract "PO-{2026 + index % 3}-{index:05d}" {{
  buyer    "Buyer {index} GmbH"
  supplier "Supplier {rng.randint(1, 999)} Co., Ltd."
  signed   2026-01-{rng.randint(1, 28):02d}
  currency USD

  protection {rng.choice(["post-delivery", "pre-shipment"])}
  coverage limit {rng.randint(1, 100) * 1000} USD
  advance payment {rng.randint(0, 50)} %

  shipment {{
    ship by 2026-0{rng.randint(3, 9)}-{rng.randint(1, 28):02d}
    incoterm {rng.choice(["FOB", "EXW", "CIF", "DDP"])} "Shenzhen"
    partial shipments {rng.choice(["not allowed", "allowed"])}
  }}

{products}

  inspection {{
    standard ISO 2859-1 level {rng.choice(["I", "II", "III", "S-2"])}
    aql critical 0 major {rng.choice(["1.0", "1.5", "2.5"])} minor {rng.choice(["2.5", "4.0"])}
  }}

  claims {{
    quality claim within {rng.randint(5, 30)} days after customs clearance or 90 days after shipment
    supplier response within {rng.randint(5, 20)} days
  }}
}}
"""


def example_texts() -> list[str]:
    """The bundled examples that compile today (others are still being written)."""
    texts = []
    for path in sorted(ROOT.glob("examples/**/*.tacl")):
        text = path.read_bytes().decode("utf-8", "replace")
        try:
            tacl.compile_source(text, name=str(path))
        except tacl.TaclError:
            continue
        texts.append(text)
    return texts


def build_corpus(size: int = CORPUS_BYTES, seed: int = 2026) -> list[str]:
    rng = random.Random(seed)
    corpus = example_texts()
    total = sum(len(t.encode()) for t in corpus)
    index = 0
    while total < size:
        text = generate_contract(rng, index)
        corpus.append(text)
        total += len(text.encode())
        index += 1
    return corpus


# --- Lark's JSON grammar (as in lark/examples/json_parser.py) --------------------------

JSON_GRAMMAR = r"""
    ?start: value

    ?value: object
          | array
          | string
          | SIGNED_NUMBER      -> number
          | "true"             -> true
          | "false"            -> false
          | "null"             -> null

    array  : "[" [value ("," value)*] "]"
    object : "{" [pair ("," pair)*] "}"
    pair   : string ":" value

    string : ESCAPED_STRING

    %import common.ESCAPED_STRING
    %import common.SIGNED_NUMBER
    %import common.WS

    %ignore WS
"""


class TreeToJson(lark.Transformer):
    def string(self, s):
        (s,) = s
        return s[1:-1]

    def number(self, n):
        (n,) = n
        return float(n)

    def array(self, items):
        return list(items)

    def object(self, pairs):
        return dict(pairs)

    pair = tuple

    def null(self, _):
        return None

    def true(self, _):
        return True

    def false(self, _):
        return False


def json_parsers() -> tuple[lark.Lark, lark.Lark]:
    tree = lark.Lark(JSON_GRAMMAR, parser="lalr", lexer="contextual")
    treeless = lark.Lark(JSON_GRAMMAR, parser="lalr", lexer="contextual", transformer=TreeToJson())
    return tree, treeless


def json_document(corpus: list[str], size: int) -> str:
    """The compiled contracts as one pretty-printed JSON array of about `size` bytes."""
    docs = [tacl.compile_source(text).to_dict() for text in corpus]
    out: list = []
    total = 2
    i = 0
    while total < size:
        doc = docs[i % len(docs)]
        out.append(doc)
        total += len(json.dumps(doc, indent=2, ensure_ascii=False).encode()) + 2
        i += 1
    return json.dumps(out, indent=2, ensure_ascii=False)


# --- measuring ------------------------------------------------------------------------


def median_times(funcs: list, runs: int) -> list[float]:
    """The median time of each function; runs are interleaved so load drifts hit all alike."""
    for func in funcs:  # warm-up: lazy scanners, imports, caches
        func()
    times: list[list[float]] = [[] for _ in funcs]
    for _ in range(runs):
        for func, bucket in zip(funcs, times):
            start = time.perf_counter()
            func()
            bucket.append(time.perf_counter() - start)
    return [statistics.median(bucket) for bucket in times]


def _compile_all(corpus):
    compile_ = tacl.compile_source
    for text in corpus:
        compile_(text)


def _parse_all(sources):
    for source in sources:
        parse(source)


def throughput(corpus: list[str], runs: int) -> list[tuple[str, float, int, int | None]]:
    """Rows (name, median seconds, bytes, contracts) for TACL and the JSON baselines."""
    tacl_bytes = sum(len(t.encode()) for t in corpus)
    document = json_document(corpus, tacl_bytes)
    json_bytes = len(document.encode())
    tree_parser, treeless_parser = json_parsers()
    sources = [decode_source(t.encode(), "<bench>") for t in corpus]
    n = len(corpus)
    cases = [
        ("tacl.compile_source (parse+compile)", lambda: _compile_all(corpus), tacl_bytes, n),
        ("tacl parse only (text → AST)", lambda: _parse_all(sources), tacl_bytes, n),
        ("Lark JSON, LALR, tree", lambda: tree_parser.parse(document), json_bytes, None),
        (
            "Lark JSON, LALR, tree + Transformer",
            lambda: TreeToJson().transform(tree_parser.parse(document)),
            json_bytes,
            None,
        ),
        (
            "Lark JSON, LALR, tree-less transformer",
            lambda: treeless_parser.parse(document),
            json_bytes,
            None,
        ),
        ("stdlib json.loads", lambda: json.loads(document), json_bytes, None),
    ]
    medians = median_times([func for _, func, _, _ in cases], runs)
    return [(name, seconds, size, items) for (name, _, size, items), seconds in zip(cases, medians)]


def _tacl_command() -> list[str]:
    script = Path(sys.executable).with_name("tacl")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "tacl.cli"]


def cold_start(runs: int) -> list:
    tacl_cmd = _tacl_command()
    commands = [
        ("python -c pass", [sys.executable, "-c", "pass"], {}),
        (
            'python -c "import click, attrs, lark" (floor)',
            [sys.executable, "-c", "import click, attrs, lark"],
            {},
        ),
        ("tacl --version", [*tacl_cmd, "--version"], {}),
        ("tacl compile lamps", [*tacl_cmd, "compile", str(LAMPS)], {}),
    ]
    base_env = dict(os.environ)
    pycache = tempfile.mkdtemp(prefix="tacl-bench-pyc-")
    commands.append(
        (
            "tacl compile lamps, bytecode cached",
            [*tacl_cmd, "compile", str(LAMPS)],
            {"PYTHONPYCACHEPREFIX": pycache, "PYTHONDONTWRITEBYTECODE": ""},
        )
    )
    for _, argv, extra in commands:  # warm the OS caches
        subprocess.run(argv, env={**base_env, **extra}, capture_output=True, check=True)
    times: dict[str, list[float]] = {name: [] for name, _, _ in commands}
    for _ in range(runs):  # interleaved, so drifting load hits every command alike
        for name, argv, extra in commands:
            start = time.perf_counter()
            subprocess.run(argv, env={**base_env, **extra}, capture_output=True, check=True)
            times[name].append(time.perf_counter() - start)
    shutil.rmtree(pycache, ignore_errors=True)
    return [(name, statistics.median(times[name])) for name, _, _ in commands]


# --- profiles -------------------------------------------------------------------------


def profile_compile(corpus: list[str], top: int = 25) -> str:
    _compile_all(corpus[:50])
    profiler = cProfile.Profile()
    profiler.enable()
    _compile_all(corpus)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def profile_imports(top: int = 25) -> str:
    """`python -X importtime -m tacl.cli compile lamps`: the slowest imports, cumulative."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tacl.cli", "compile", str(LAMPS)],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:") :].split("|", 2)
        rows.append((int(cumulative_us), int(self_us), name.rstrip()))
    rows.sort(reverse=True)
    lines = [f"{'cumul ms':>9} {'self ms':>8}  module"]
    lines += [f"{c / 1000:9.1f} {s / 1000:8.1f}  {n}" for c, s, n in rows[:top]]
    return "\n".join(lines)


# --- the table ------------------------------------------------------------------------


def main(argv=None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="fewer repetitions")
    options.add_argument("--profile", action="store_true", help="print profiles as well")
    args = options.parse_args(argv)
    runs, start_runs = (3, 5) if args.quick else (5, 15)

    corpus = build_corpus()
    for text in corpus:  # every contract of the corpus must compile
        tacl.compile_source(text)
    total = sum(len(t.encode()) for t in corpus)
    print(
        f"TACL {tacl.__version__}, lark {lark.__version__}, Python {sys.version.split()[0]}; "
        f"corpus: {len(corpus)} contracts, {total / 1e6:.2f} MB; median of {runs} runs"
    )
    print()
    rows = throughput(corpus, runs)
    print(f"{'parse (median)':<46} {'s':>7} {'MB/s':>7} {'contr/s':>8} {'vs Lark JSON tree':>18}")
    json_per_byte = rows[2][1] / rows[2][2]
    for name, seconds, size, items in rows:
        ratio = (seconds / size) / json_per_byte
        per_s = f"{items / seconds:8.0f}" if items else f"{'':8}"
        print(f"{name:<46} {seconds:7.3f} {size / seconds / 1e6:7.2f} {per_s} {ratio:17.2f}x")
    compile_ratio = (rows[0][1] / rows[0][2]) / json_per_byte
    verdict = "met" if compile_ratio <= AIM_PARSE else "NOT met"
    print(
        f"aim: parse+compile ≤ {AIM_PARSE:.1f}x Lark JSON (tree) per byte → "
        f"{compile_ratio:.2f}x, {verdict}"
    )
    print()
    starts = cold_start(start_runs)
    floor = starts[1][1]
    print(f"{'cold start (median of ' + str(start_runs) + ')':<46} {'ms':>7} {'vs floor':>9}")
    for name, seconds in starts:
        print(f"{name:<46} {seconds * 1000:7.1f} {seconds / floor:8.2f}x")
    start_ratio = starts[3][1] / floor
    verdict = "met" if start_ratio <= AIM_START else "NOT met"
    print(
        f"aim: tacl compile ≤ {AIM_START:.1f}x the dependency floor → {start_ratio:.2f}x, {verdict}"
    )
    if args.profile:
        print("\n--- cProfile of compile_source over the corpus ---")
        print(profile_compile(corpus))
        print("--- python -X importtime -m tacl.cli compile lamps (slowest, cumulative) ---")
        print(profile_imports())


if __name__ == "__main__":
    main()
