"""Issue 12's table in one run: cold start, parse+compile per byte, and 2 cores vs 1.

    python benchmarks/bench_speed.py            # medians of 5 runs (a few minutes on 2 vCPU)
    python benchmarks/bench_speed.py --quick    # 3 runs, smaller corpora (smoke test)
    python benchmarks/bench_speed.py --runs 9   # more runs

Each row is a ratio of two medians measured in this run, the commands interleaved
so that drifting load hits both sides alike; `/proc/loadavg` is printed before and
after, since on a shared machine only a quiet run says much.

1. `tacl compile examples/lamps/po.tacl` in a fresh process vs the dependency floor
   `python -c "import click, attrs, lark"` — wall time and CPU time (user+sys of
   the child, less sensitive to other load), for TACL installed with bytecode (as
   pip installs a wheel) and from source without bytecode (this environment's
   editable install with PYTHONDONTWRITEBYTECODE=1). Aim ≤ 1.0.
2. `tacl.compile_source` over bench_compile.py's corpus (≥ 1 MB) vs Lark's own JSON
   grammar (LALR, contextual lexer, building a tree) over a JSON document of the
   same size, per byte, in this process. Aim ≤ 1.5.
3. `--jobs 1` over `--jobs 2`, end to end: `tacl lint DIR` over generated
   contracts, `tacl check po.tacl FILES…` over report files, and `tacl check po.tacl
   --reports-from` over 10,000 reports (with the peak memory of that process).
   Aim ≥ 1.8 (2 cores; the machine must have them free for it to show). The CPU
   column there is CPU(--jobs 1) / CPU(--jobs 2), workers included (a child's
   rusage counts the workers it waited for): the share of work parallelism adds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench_compile
import bench_evaluate
import bench_lint

ROOT = Path(__file__).resolve().parents[1]
LAMPS = ROOT / "examples" / "lamps" / "po.tacl"
TACL = str(Path(sys.executable).with_name("tacl"))


def loadavg() -> str:
    try:
        with open("/proc/loadavg") as handle:
            return " ".join(handle.read().split()[:3])
    except OSError:
        return "n/a"


def child(argv, env=None, cwd=None) -> tuple[float, float, float]:
    """(wall s, cpu s, peak MB) of one command run to the end."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1, 3):
        raise SystemExit(f"failed ({status}): {' '.join(map(str, argv))}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def interleaved(commands: dict, runs: int) -> dict:
    """name -> (median wall, median cpu, max peak MB) over `runs` interleaved rounds."""
    for argv, env, cwd in commands.values():  # warm the OS caches
        child(argv, env, cwd)
    samples: dict = {name: [] for name in commands}
    for _ in range(runs):
        for name, (argv, env, cwd) in commands.items():
            samples[name].append(child(argv, env, cwd))
    return {
        name: (
            statistics.median(s[0] for s in rows),
            statistics.median(s[1] for s in rows),
            max(s[2] for s in rows),
        )
        for name, rows in samples.items()
    }


# --- 1. cold start ---------------------------------------------------------------------


def tacl_copies(base: Path) -> dict[str, dict]:
    """Environments running a copy of TACL: with bytecode, and from source only."""
    source = base / "source"
    shutil.copytree(ROOT / "tacl", source / "tacl", ignore=shutil.ignore_patterns("__pycache__"))
    compiled = base / "compiled"
    shutil.copytree(source / "tacl", compiled / "tacl")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(compiled)], check=True)
    env = dict(os.environ)
    return {
        "bytecode (installed)": {**env, "PYTHONPATH": str(compiled)},
        "no bytecode (editable)": {
            **env,
            "PYTHONPATH": str(source),
            "PYTHONDONTWRITEBYTECODE": "1",
        },
    }


def cold_start(runs: int, base: Path) -> list[tuple[str, float, float]]:
    envs = tacl_copies(base)
    floor = [sys.executable, "-c", "import click, attrs, lark"]
    commands = {"floor": (floor, None, str(base))}
    for label, env in envs.items():
        commands[label] = ([TACL, "compile", str(LAMPS)], env, str(base))
    result = interleaved(commands, runs)
    wall, cpu, _ = result["floor"]
    print(
        f'floor `python -c "import click, attrs, lark"`: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms cpu'
    )
    rows = []
    for label in envs:
        w, c, _ = result[label]
        rows.append((f"tacl compile cold start, {label}", w / wall, c / cpu))
        print(f"  tacl compile lamps, {label}: {w * 1000:.0f} ms wall, {c * 1000:.0f} ms cpu")
    return rows


# --- 2. parse + compile per byte ---------------------------------------------------------


def throughput(runs: int) -> list[tuple[str, float, float]]:
    corpus = bench_compile.build_corpus()
    size = sum(len(t.encode()) for t in corpus)
    document = bench_compile.json_document(corpus, size)
    json_size = len(document.encode())
    tree_parser, _ = bench_compile.json_parsers()
    cases = [lambda: bench_compile._compile_all(corpus), lambda: tree_parser.parse(document)]
    for case in cases:
        case()
    walls, cpus = [[], []], [[], []]
    for _ in range(runs):
        for i, case in enumerate(cases):
            w, c = time.perf_counter(), time.process_time()
            case()
            walls[i].append(time.perf_counter() - w)
            cpus[i].append(time.process_time() - c)
    w = [statistics.median(x) for x in walls]
    c = [statistics.median(x) for x in cpus]
    print(
        f"corpus {len(corpus)} contracts, {size / 1e6:.2f} MB: compile_source {size / w[0] / 1e6:.2f} MB/s, "
        f"Lark JSON tree {json_size / w[1] / 1e6:.2f} MB/s (wall)"
    )
    per_byte = lambda t: (t[0] / size) / (t[1] / json_size)  # noqa: E731
    return [("parse+compile vs Lark JSON, per byte", per_byte(w), per_byte(c))]


# --- 3. two cores vs one -------------------------------------------------------------------


def parallel(runs: int, base: Path, contracts: int, files: int, lines: int) -> list:
    folder = base / "contracts"
    folder.mkdir()
    bench_lint.generate(folder, contracts)
    reports = base / "reports"
    reports.mkdir()
    (base / "po.tacl").write_text(bench_evaluate.CONTRACT, "utf-8")
    rng = random.Random(2026)
    names = []
    for index in range(files):
        path = reports / f"r{index:05d}.json"
        path.write_text(json.dumps(bench_evaluate.make_report(rng)), "utf-8")
        names.append(str(path))
    stream = base / "day.jsonl"
    with stream.open("w", encoding="utf-8") as handle:
        for _ in range(lines):
            handle.write(json.dumps(bench_evaluate.make_report(rng)) + "\n")
    po = str(base / "po.tacl")
    workloads = {
        f"tacl lint DIR ({contracts} contracts)": ["lint", str(folder)],
        f"tacl check po.tacl FILES ({files} reports)": ["check", po, *names, "--format", "json"],
        f"tacl check --reports-from ({lines:,} reports)": [
            "check",
            po,
            "--reports-from",
            str(stream),
        ],
    }
    commands = {}
    for name, args in workloads.items():
        for jobs in ("1", "2"):
            commands[(name, jobs)] = ([TACL, *args, "--jobs", jobs], None, str(base))
    result = interleaved(commands, runs)
    rows = []
    for name in workloads:
        one, two = result[(name, "1")], result[(name, "2")]
        print(
            f"  {name}: --jobs 1 {one[0]:.2f} s wall {one[1]:.2f} s cpu, --jobs 2 {two[0]:.2f} s "
            f"wall {two[1]:.2f} s cpu (workers included); peak {one[2]:.0f} / {two[2]:.0f} MB "
            "(main process)"
        )
        # cpu column: --jobs 1 CPU over --jobs 2 CPU (workers included): below 1.0 is the
        # work parallelism adds (start-up, pickling); times 2 bounds the speed-up two
        # idle cores could give
        rows.append((f"{name}, 2 cores vs 1 (speed-up)", one[0] / two[0], one[1] / two[1]))
    return rows


def main(argv=None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="3 runs, smaller corpora")
    options.add_argument("--runs", type=int, default=None, help="runs per median (≥ 5)")
    args = options.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    sizes = (200, 400, 2000) if args.quick else (1000, 2000, 10_000)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; medians of {runs} runs")
    print(f"load before: {loadavg()}\n")
    base = Path(tempfile.mkdtemp(prefix="tacl-bench-speed-"))
    try:
        rows = cold_start(max(runs, 5) * 2, base)
        rows += throughput(runs)
        rows += parallel(runs, base, *sizes)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"\nload after: {loadavg()}\n")
    print(f"| {'row':<62} | {'ratio (wall)':>12} | {'ratio (cpu)':>11} |")
    print(f"|{'-' * 64}|{'-' * 14}|{'-' * 13}|")
    for name, wall, cpu in rows:
        cpu_text = f"{cpu:.2f}x" if cpu is not None else "—"
        print(f"| {name:<62} | {wall:>11.2f}x | {cpu_text:>11} |")


if __name__ == "__main__":
    main()
