"""Every module's share of a cold `tacl` start, from `python -X importtime`.

    python benchmarks/bench_imports.py            # import tacl, tacl --help, tacl compile lamps
    python benchmarks/bench_imports.py --quick    # fewer runs
    python benchmarks/bench_imports.py --markdown # the table as benchmarks/README.md shows it

Each command runs in a fresh interpreter (`python -X importtime`), several times
interleaved; a module's figure is the median of its *self* time over the runs.
TACL's modules are listed one by one; third-party packages are summed per
package, and the standard library (with interpreter start-up and `site`) as one
row. Run two ways: with no bytecode for TACL (this environment sets
PYTHONDONTWRITEBYTECODE=1 and the editable install leaves TACL's sources
uncompiled, so each start compiles them) and with bytecode, as a wheel installed
by pip has it. Absolute milliseconds are noise on a shared machine; the shares
and the ranking are the signal.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAMPS = ROOT / "examples" / "lamps" / "po.tacl"
THIRD_PARTY = ("click", "attr", "attrs", "yaml", "jinja2", "markupsafe", "lark")

COMMANDS = [
    ("import tacl", ["-c", "import tacl"]),
    ("tacl --help", ["-m", "tacl.cli", "--help"]),
    ("tacl compile lamps", ["-m", "tacl.cli", "compile", str(LAMPS)]),
]


def group(name: str) -> str:
    top = name.split(".")[0]
    if top == "tacl":
        return name
    if top in THIRD_PARTY:
        return "attrs" if top == "attr" else top
    return "(standard library, start-up, site)"


def self_times(args: list[str], env: dict) -> dict[str, float]:
    """Milliseconds of self import time per group, for one run."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=env["PYTHONPATH"],  # not the repository: `-m`/`-c` put the cwd first on sys.path
    )
    times: dict[str, float] = defaultdict(float)
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, _, name = line[len("import time:") :].split("|", 2)
        times[group(name.strip())] += int(self_us) / 1000
    return times


def measure(args: list[str], env: dict, runs: int) -> dict[str, float]:
    samples: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        for name, ms in self_times(args, env).items():
            samples[name].append(ms)
    return {
        name: statistics.median(values + [0.0] * (runs - len(values)))
        for name, values in samples.items()
    }


def environments() -> list[tuple[str, dict]]:
    """(label, env): TACL from source (a stripped copy without __pycache__), and compiled."""
    base = dict(os.environ)
    copy = Path(tempfile.mkdtemp(prefix="tacl-imports-"))
    shutil.copytree(ROOT / "tacl", copy / "tacl", ignore=shutil.ignore_patterns("__pycache__"))
    source = {**base, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    compiled_copy = Path(tempfile.mkdtemp(prefix="tacl-imports-pyc-"))
    shutil.copytree(copy / "tacl", compiled_copy / "tacl")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(compiled_copy)], check=True)
    compiled = {**base, "PYTHONPATH": str(compiled_copy)}
    return [("no bytecode", source), ("bytecode", compiled)]


def table(results: dict, columns: list[str], top: int) -> list[str]:
    rows = sorted(
        {name for r in results.values() for name in r},
        key=lambda n: -max(r.get(n, 0) for r in results.values()),
    )
    head = f"| module | {' | '.join(columns)} |"
    lines = [head, "|---|" + "---:|" * len(columns)]
    totals = {c: sum(results[c].values()) for c in columns}
    for name in rows[:top]:
        cells = [
            f"{results[c].get(name, 0):.1f} ({100 * results[c].get(name, 0) / totals[c]:.0f} %)"
            for c in columns
        ]
        lines.append(f"| `{name}` | {' | '.join(cells)} |")
    rest = {c: sum(v for n, v in results[c].items() if n not in rows[:top]) for c in columns}
    lines.append(f"| (other TACL modules) | {' | '.join(f'{rest[c]:.1f}' for c in columns)} |")
    lines.append(
        f"| **total import time** | {' | '.join(f'**{totals[c]:.1f}**' for c in columns)} |"
    )
    return lines


def main(argv=None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="fewer runs")
    options.add_argument("--markdown", action="store_true", help="print Markdown tables")
    options.add_argument("--top", type=int, default=25, help="rows to show")
    args = options.parse_args(argv)
    runs = 3 if args.quick else 9
    with open("/proc/loadavg") as handle:
        load = handle.read().split()[:3]
    print(
        f"median self import time (ms) of {runs} runs, Python {sys.version.split()[0]}; load {' '.join(load)}"
    )
    envs = environments()
    for label, env in envs:
        for _, cmd_args in COMMANDS:  # warm the OS caches
            self_times(cmd_args, env)
        results = {name: measure(cmd_args, env, runs) for name, cmd_args in COMMANDS}
        print(f"\n### TACL {label}\n")
        print("\n".join(table(results, [name for name, _ in COMMANDS], args.top)))
    for _, env in envs:
        shutil.rmtree(env["PYTHONPATH"], ignore_errors=True)


if __name__ == "__main__":
    main()
