"""`like` and size charts (TACL 2 §10): compiling the short text against its expansion.

    python benchmarks/bench_expand.py            # 5 colours x 8 sizes = 40 SKUs, 6 points
    python benchmarks/bench_expand.py --quick    # fewer repetitions

The short contract states one size chart and one full product; every other SKU is
`like` the first of its colour (which is `like` the very first product) and names its
chart column. The long contract is the same order written out, one `dimension` line
per point of measure and product. Both compile to the same fingerprint (checked here);
the ratio short/long says what expanding costs on top of compiling what it writes.
Absolute times on a shared machine are noise; the ratio in one run is the signal.
"""

from __future__ import annotations

import argparse
import statistics
import time

import tacl

SIZES = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL"]
POINTS = ["half chest", "body length", "sleeve", "shoulder", "hem", "neck opening"]
COLOURS = ["NVY", "WHT", "BLK", "GRN", "RED"]


def _value(point: int, size: int) -> int:
    return 40 + 6 * point + 2 * size


def _full(sku: str, colour: int, dims: list[str]) -> list[str]:
    return [
        f'  product "{sku}" {{',
        f'    description "Polo PL220, colour {colour}"',
        "    quantity 600 pcs",
        "    unit price 6.80 EUR",
        *dims,
        f"    color body lab(40.0, {colour}.0, -10.0) ± 1.0 dE",
        '    material fabric "100% cotton piqué"',
        '    test "colour fastness to washing" passes',
        "  }",
    ]


def contracts() -> tuple[str, str]:
    chart = ['  size chart "PL220" cm ± 1 {', "    sizes " + ", ".join(SIZES)]
    chart += [
        f'    "{p}" ' + ", ".join(str(_value(i, s)) for s in range(len(SIZES)))
        for i, p in enumerate(POINTS)
    ]
    chart.append("  }")
    short, long = list(chart), []
    for c, colour in enumerate(COLOURS):
        for s, size in enumerate(SIZES):
            sku = f"PL220-{colour}-{size}"
            dims = [f'    dimension "{p}" {_value(i, s)} cm ± 1 cm' for i, p in enumerate(POINTS)]
            long += _full(sku, c, dims)
            if c == 0 and s == 0:
                short += _full(sku, c, [f'    size chart "PL220" size {size}'])
            elif s == 0:
                short += [
                    f'  product "{sku}" like "PL220-NVY-XXS" {{',
                    f"    color body lab(40.0, {c}.0, -10.0) ± 1.0 dE",
                    f'    description "Polo PL220, colour {c}"',
                    "  }",
                ]
            else:
                short += [
                    f'  product "{sku}" like "PL220-{colour}-XXS" {{',
                    f'    size chart "PL220" size {size}',
                    "  }",
                ]
    head = ['contract "BENCH-EXPAND" {', "  currency EUR"]
    return "\n".join(head + short + ["}"]) + "\n", "\n".join(head + long + ["}"]) + "\n"


def best(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        tacl.compile_source(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    runs = 5 if parser.parse_args().quick else 30
    short, long = contracts()
    assert tacl.compile_source(short).sha256 == tacl.compile_source(long).sha256
    t_short, t_long = best(short, runs), best(long, runs)
    print(f"{len(COLOURS) * len(SIZES)} SKUs x {len(POINTS)} points of measure, median of {runs}")
    print(f"short (chart + like): {len(short):>7} bytes  {t_short * 1000:8.2f} ms")
    print(f"long (written out):   {len(long):>7} bytes  {t_long * 1000:8.2f} ms")
    print(f"ratio short/long: {t_short / t_long:.2f}")


if __name__ == "__main__":
    main()
