"""Marking patterns against hostile input: a time budget, and the cost next to a plain match.

    python benchmarks/bench_patterns.py            # 7 runs a row
    python benchmarks/bench_patterns.py --quick    # 3 runs a row (smoke test)

Rows, as medians in milliseconds:

- a batch code `L#{5}@` on a 7-character text (the everyday case);
- hostile patterns that a backtracking engine would take exponential or
  quadratic time over — `?{0,999}` nine times then `b`, `@{0,1000}` nine times
  then `#`, `a{0,1000}` nine times then `a{1000}` — on texts that almost match,
  of 1 000 and 9 000 characters (the longest a pattern may match is 10 000);
- the same patterns on a 100 000-character text, which the length bound refuses
  before matching;
- a whole `tacl check` evaluation of a contract with such a pattern and a
  report whose marking is 9 000 characters long, in process.

Baseline, in the same run: Python's `re.fullmatch` of a literal string of the
same length (a non-backtracking match, the floor of "look at every character").
The budget column says whether a row stayed under 100 ms (the load is printed:
compare ratios, not milliseconds, on a shared machine). The exit status is 1
when a row exceeds the budget, so the script can guard a release.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

from tacl.standards import patterns

BUDGET_MS = 100.0

HOSTILE = {
    "any{0,999}×9 b": ("?{0,999}" * 9 + "b", "a"),
    "letter{0,1000}×9 digit": ("@{0,1000}" * 9 + "#", "a"),
    "a{0,1000}×9 a{1000}": ("a{0,1000}" * 9 + "a{1000}", "a"),
}


def _median_ms(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _evaluation_ms(pattern: str, text: str, runs: int) -> float:
    import tacl

    source = (
        'contract "B-1" {\n  currency USD\n  product "P" {\n'
        f'    marking batch matches "{pattern}"\n  }}\n}}\n'
    )
    contract = tacl.compile_source(source, name="bench.tacl")
    report = {
        "tacl-report": 1,
        "contract": "B-1",
        "inspection": {"kind": "post-delivery", "date": "2026-04-24"},
        "products": {"P": {"marking": {"batch": text}}},
    }
    return _median_ms(lambda: contract.evaluate(report), runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else 7
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    print(f"load average: {' '.join(load) or 'n/a'}; {runs} runs a row; budget {BUDGET_MS:.0f} ms")
    print(f"{'case':44} {'text':>8} {'ms':>9} {'re floor':>9} {'ratio':>7}  budget")
    over = False
    rows = [("batch code L#{5}@", "L#{5}@", "L12345A")]
    for name, (pattern, filler) in HOSTILE.items():
        for size in (1_000, 9_000, 100_000):
            rows.append((name, pattern, filler * size))
    for name, pattern, text in rows:
        compiled = patterns.parse(pattern)
        literal = re.compile(re.escape(text))
        ours = _median_ms(lambda c=compiled, t=text: c.matches(t), runs)
        floor = _median_ms(lambda r=literal, t=text: r.fullmatch(t), runs)
        verdict = "ok" if ours <= BUDGET_MS else "OVER"
        over |= ours > BUDGET_MS
        ratio = ours / floor if floor else float("inf")
        print(f"{name:44} {len(text):>8} {ours:>9.3f} {floor:>9.3f} {ratio:>7.0f}  {verdict}")
    for name, (pattern, filler) in HOSTILE.items():
        ours = _evaluation_ms(pattern, filler * 9_000, runs)
        verdict = "ok" if ours <= BUDGET_MS else "OVER"
        over |= ours > BUDGET_MS
        print(f"{'evaluate, ' + name:44} {9_000:>8} {ours:>9.3f} {'':>9} {'':>7}  {verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
