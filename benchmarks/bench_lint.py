"""`tacl lint` and `tacl fmt --check` over 2 000 contracts, next to the compile-only floor.

    python benchmarks/bench_lint.py            # 2 000 contracts, 5 runs each
    python benchmarks/bench_lint.py --quick    # 400 contracts, 3 runs (smoke test)

The corpus is generated into a temporary folder from the bundled examples
(sloppy ones included, so the rules have findings to report), each copy with
its own contract ID, SKUs and a comment, and every copy is checked once to
compile. Rows, as medians of several runs, in files per second:

- `analyze` in-process: parse + compile every file (the floor: lint cannot be
  faster than compiling);
- lint in-process: the same plus every rule and the suppression comments;
- `tacl lint DIR` and `tacl lint DIR --format json` end to end, in a fresh
  process: reading, config lookup, rendering, start-up included;
- `tacl fmt --check DIR` end to end (shown as n/a if `tacl fmt` is not there).

Ratios are against the in-process `analyze` row of the same run. Absolute
times on a shared machine are noise; the ratios are the signal.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tacl.lint.config import LintConfig
from tacl.lint.runner import lint_analysis
from tacl.pipeline import analyze, read_source

ROOT = Path(__file__).resolve().parents[1]
_SKU = re.compile(r'(product\s+)"([^"]+)"')
_ID = re.compile(r'(contract\s+)"([^"]+)"')


def generate(folder: Path, count: int, seed: int = 2026) -> list[Path]:
    """`count` contracts made from the examples, each with its own ID and SKUs."""
    rng = random.Random(seed)
    templates = [p.read_text("utf-8") for p in sorted(ROOT.glob("examples/*/*.tacl"))]
    paths = []
    for index in range(count):
        text = templates[index % len(templates)]
        text = _ID.sub(rf'\g<1>"PO-{index:05d}"', text, count=1)
        text = _SKU.sub(lambda m: f'{m.group(1)}"{m.group(2)}-{rng.randrange(10**6):06d}"', text)
        text = f"# generated copy {index} of a bundled example\n" + text
        path = folder / f"c{index // 100:02d}" / f"po-{index:05d}.tacl"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def check_corpus(paths: list[Path]) -> None:
    broken = [p for p in paths if analyze(read_source(p)).contract is None]
    if broken:
        raise SystemExit(f"{len(broken)} generated contracts do not compile, e.g. {broken[0]}")


def time_it(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_process(paths: list[Path], lint: bool) -> None:
    config = LintConfig()
    for path in paths:
        analysis = analyze(read_source(path))
        if lint:
            lint_analysis(analysis, config)


def tacl_command() -> list[str]:
    script = Path(sys.executable).with_name("tacl")
    if script.exists():
        return [str(script)]
    found = shutil.which("tacl")
    return [found] if found else [sys.executable, "-m", "tacl.cli"]


def cli(args: list[str], folder: Path):
    """A runner for an end-to-end command, or None when the verb is not usable."""

    def run() -> None:
        done = subprocess.run(
            [*tacl_command(), *args, str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        if done.returncode not in (0, 1):  # a crash must not pass for a fast run
            raise SystemExit(f"`tacl {' '.join(args)}` failed: {done.stderr.decode()[-500:]}")

    probe = subprocess.run(
        [*tacl_command(), *args, str(folder)], capture_output=True, text=True, check=False
    )
    usable = probe.returncode in (0, 1) and "Traceback" not in probe.stderr
    return run if usable else None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="400 contracts, 3 runs")
    parser.add_argument("--count", type=int, default=None, help="contracts (default 2000)")
    parser.add_argument("--repeat", type=int, default=None, help="runs per row (default 5)")
    args = parser.parse_args(argv)
    count = args.count or (400 if args.quick else 2000)
    repeat = args.repeat or (3 if args.quick else 5)
    with tempfile.TemporaryDirectory(prefix="tacl-bench-lint-") as tmp:
        folder = Path(tmp)
        paths = generate(folder, count)
        check_corpus(paths)  # also warms the parser and the imports
        rows = [
            ("analyze in-process (floor)", lambda: in_process(paths, lint=False)),
            ("lint in-process", lambda: in_process(paths, lint=True)),
            ("tacl lint DIR", cli(["lint"], folder)),
            ("tacl lint DIR --format json", cli(["lint", "--format", "json"], folder)),
            ("tacl fmt --check DIR", cli(["fmt", "--check"], folder)),
        ]
        print(
            f"{count} contracts, {sum(p.stat().st_size for p in paths) / 1e6:.2f} MB, "
            f"median of {repeat} runs, Python {sys.version.split()[0]}"
        )
        print(f"{'what':<30} {'median s':>9} {'files/s':>9} {'× floor':>8}")
        floor = None
        for name, run in rows:
            if run is None:
                print(f"{name:<30} {'n/a':>9} {'n/a':>9} {'n/a':>8}  (verb not available)")
                continue
            seconds = time_it(run, repeat)
            floor = floor or seconds
            print(f"{name:<30} {seconds:>9.3f} {count / seconds:>9.0f} {seconds / floor:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
