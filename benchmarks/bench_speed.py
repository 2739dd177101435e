"""Issue 12's table in one run: cold start, parse+compile per byte, and 2 cores vs 1.

    python benchmarks/bench_speed.py            # medians of 5 runs (a few minutes on 2 vCPU)
    python benchmarks/bench_speed.py --quick    # 3 runs, smaller corpora (smoke test)
    python benchmarks/bench_speed.py --runs 9   # more runs
    python benchmarks/bench_speed.py --only parallel   # one part (repeatable)

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
   Run as installed (bytecode, buffered standard output). Each row also prints
   what decides the speed-up on a shared machine: the serial start-up (the same
   command on one input), the parent's CPU with --jobs 2, the workers' CPU, and
   the bound on 2 idle cores, CPU(1) / (start-up + (CPU(2) - start-up) / 2).
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

# `tacl` as the console script runs it, reporting on exit its own CPU time and that of
# the workers it waited for (RUSAGE_SELF / RUSAGE_CHILDREN) to the file named in
# TACL_BENCH_RUSAGE: the parent's share is what two cores cannot split
SPLIT = """
import atexit, os, resource, sys
def _report():
    own, workers = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    with open(os.environ["TACL_BENCH_RUSAGE"], "w") as out:
        out.write(f"{own.ru_utime + own.ru_stime} {workers.ru_utime + workers.ru_stime}")
atexit.register(_report)
sys.argv[0] = "tacl"
from tacl.cli import main
main()
"""


def split_child(argv, env, cwd, report: Path) -> tuple[float, float, float, float]:
    """(wall s, cpu s of all, peak MB, cpu s of the parent process alone) of one run."""
    wall, cpu, peak = child([sys.executable, "-c", SPLIT, *argv], env, cwd)
    own, _ = map(float, report.read_text().split())
    return wall, cpu, peak, own


def installed(base: Path) -> dict:
    """The environment of a user's install: TACL with bytecode (as pip installs a wheel)
    and standard output buffered (no PYTHONUNBUFFERED). Without bytecode every start
    compiles TACL's modules again (≈ 0.25 s more of serial start on 2 vCPU), which
    is not what a platform running `tacl check` every day pays."""
    compiled = base / "installed"
    if not compiled.exists():
        shutil.copytree(
            ROOT / "tacl", compiled / "tacl", ignore=shutil.ignore_patterns("__pycache__")
        )
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(compiled)], check=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE")
    }
    return {**env, "PYTHONPATH": str(compiled), "TACL_BENCH_RUSAGE": str(base / "rusage")}


def parallel(runs: int, base: Path, contracts: int, files: int, lines: int) -> list:
    """Each workload with --jobs 1 and --jobs 2, and once on a single input (the serial
    start-up: interpreter, imports, the contract compiled; no worker is started)."""
    folder = base / "contracts"
    folder.mkdir()
    first_contract = bench_lint.generate(folder, contracts)[0]
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
    one_line = base / "one.jsonl"
    one_line.write_text(stream.read_text("utf-8").split("\n", 1)[0] + "\n", "utf-8")
    po = str(base / "po.tacl")
    workloads = {
        f"tacl lint DIR ({contracts} contracts)": (
            ["lint", str(folder)],
            ["lint", str(first_contract)],
        ),
        f"tacl check po.tacl FILES ({files} reports)": (
            ["check", po, *names, "--format", "json"],
            ["check", po, names[0], "--format", "json"],
        ),
        f"tacl check --reports-from ({lines:,} reports)": (
            ["check", po, "--reports-from", str(stream)],
            ["check", po, "--reports-from", str(one_line)],
        ),
    }
    env = installed(base)
    report = Path(env["TACL_BENCH_RUSAGE"])
    print(f"workloads run as installed (bytecode, buffered output): PYTHONPATH={env['PYTHONPATH']}")
    for args, _ in workloads.values():  # warm the OS caches
        split_child([*args, "--jobs", "2"], env, str(base), report)
    samples: dict = {}
    for _ in range(runs):  # interleaved, so that drifting load hits every command alike
        for name, (args, start) in workloads.items():
            for jobs, argv in (("1", args), ("2", args), ("start", start)):
                argv = [*argv, "--jobs", "1" if jobs == "start" else jobs]
                samples.setdefault((name, jobs), []).append(
                    split_child(argv, env, str(base), report)
                )
    median = lambda rows, i: statistics.median(row[i] for row in rows)  # noqa: E731
    rows = []
    for name in workloads:
        one, two, start = (samples[(name, jobs)] for jobs in ("1", "2", "start"))
        wall1, cpu1, wall2, cpu2 = median(one, 0), median(one, 1), median(two, 0), median(two, 1)
        own2, serial = median(two, 3), median(start, 1)
        # two idle cores: the start-up runs alone, then the parent's share and the
        # workers' split over both cores at best; an upper bound, not a measurement
        bound = cpu1 / (serial + (cpu2 - serial) / 2)
        print(
            f"  {name}: --jobs 1 {wall1:.2f} s wall {cpu1:.2f} s cpu, --jobs 2 {wall2:.2f} s "
            f"wall {cpu2:.2f} s cpu (workers included); peak {max(r[2] for r in one):.0f} / "
            f"{max(r[2] for r in two):.0f} MB (main process)\n"
            f"    serial start-up {serial:.3f} s cpu; --jobs 2 parent {own2:.3f} s cpu "
            f"(beyond the start-up {own2 - serial:.3f} s), workers {cpu2 - own2:.3f} s; "
            f"work added by the workers {cpu2 / cpu1 - 1:+.1%}; "
            f"bound on 2 idle cores {bound:.2f}x"
        )
        # cpu column: --jobs 1 CPU over --jobs 2 CPU (workers included): below 1.0 is the
        # work parallelism adds (start-up, pickling); times 2 bounds the speed-up two
        # idle cores could give
        rows.append((f"{name}, 2 cores vs 1 (speed-up)", wall1 / wall2, cpu1 / cpu2))
    return rows


def main(argv=None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="3 runs, smaller corpora")
    options.add_argument("--runs", type=int, default=None, help="runs per median (≥ 5)")
    options.add_argument(
        "--only",
        choices=("cold-start", "throughput", "parallel"),
        action="append",
        help="run only these rows (repeatable)",
    )
    args = options.parse_args(argv)
    only = set(args.only or ("cold-start", "throughput", "parallel"))
    runs = args.runs or (3 if args.quick else 5)
    sizes = (200, 400, 2000) if args.quick else (1000, 2000, 10_000)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; medians of {runs} runs")
    print(f"load before: {loadavg()}\n")
    base = Path(tempfile.mkdtemp(prefix="tacl-bench-speed-"))
    try:
        rows = cold_start(max(runs, 5) * 2, base) if "cold-start" in only else []
        rows += throughput(runs) if "throughput" in only else []
        rows += parallel(runs, base, *sizes) if "parallel" in only else []
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
