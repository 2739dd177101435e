"""The worst inputs the limits allow: each must be read and judged in < 1 s and < 200 MB.

    python benchmarks/bench_limits.py            # every case, 3 runs each (≈ 1 min)
    python benchmarks/bench_limits.py --quick    # 1 run each
    python benchmarks/bench_limits.py --case NAME  # one case, printed as JSON (used internally)

Issue 8 found reports inside the documented limits that took 13–41 s and up to
818 MB, and a contract whose errors printed 66 MB in 33 s. Each case below builds
the worst input of its kind that the limits (docs/reports.md §5) still allow, or
just past a limit where the answer is an error, and runs it in a fresh process:
wall time and CPU time of the work itself (load, read, evaluate, render — not the
interpreter's start), and the process's peak resident memory.

Baseline, measured in the same run: the same work on a real report (the lamps
`quality.json`, 3 KB) — the ratio says how many real reports one worst case costs.
Aims: every case under 1 s and 200 MB (peak RSS). The second is judged on the
CPU time of the work, which on an idle machine is its wall time; on a shared one
the wall time is inflated by the load (printed above the table), so it is shown
but not judged.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAMPS = ROOT / "examples" / "lamps"
AIM_SECONDS = 1.0
AIM_MB = 200


def _report() -> dict:
    report = json.loads((LAMPS / "reports" / "quality.json").read_text("utf-8"))
    report.pop("contract-sha256", None)
    return report


def _yaml(data) -> str:
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


# --- the cases: each returns (text, name) of a report, or a callable for contracts ----


def case_real_report():
    """Baseline: the lamps quality report as shipped (3 KB, noncompliant)."""
    return (LAMPS / "reports" / "quality.json").read_text("utf-8"), "quality.json"


def case_yaml_flow_nodes():
    """A YAML flow list of tiny scalars under an unknown key, just under MAX_NODES."""
    from tacl.evaluate.report import MAX_NODES

    text = _yaml(_report())
    return text + "notes: [" + ",".join(["1"] * (MAX_NODES - 400)) + "]\n", "r.yaml"


def case_yaml_flow_over():
    """2 MiB of `1,1,1…` (a million scalars): refused while parsing, before it is built."""
    from tacl.evaluate.report import MAX_BYTES

    return "notes: [" + ",".join(["1"] * (MAX_BYTES // 2 - 8)) + "]\n", "r.yaml"


def case_json_flow_over():
    """The same million values as JSON: json builds them (C), the count refuses them."""
    from tacl.evaluate.report import MAX_BYTES

    return '{"notes": [' + ",".join(["1"] * (MAX_BYTES // 2 - 8)) + "]}", "r.json"


def case_unknown_keys():
    """49 000 unknown keys (and their values) under the product: 100 get a suggestion."""
    report = _report()
    product = report["products"]["DL-200"]
    for index in range(49_000):
        product[f"weigth{index}"] = "1.2 kg"
    return json.dumps(report), "r.json"


def case_max_samples():
    """Nine measured clauses with 10 000 samples each (90 000 samples), all read."""
    report = _report()
    product = report["products"]["DL-200"]
    product["weight"] = ["1.21 kg", "1190 g"] * 5000
    product["size"] = ["421 x 179 x 121 mm", "16.5 x 7.1 x 4.7 in"] * 5000
    product["packaging"]["carton-size"] = ["600 x 400 x 301 mm"] * 10000
    product["packaging"]["carton-weight"] = ["24.1 kg", "55.2 lb"] * 5000
    return json.dumps(report), "r.json"


def case_long_samples():
    """Ten 10 000-character samples that nearly parse (every regex on report text)."""
    report = _report()
    product = report["products"]["DL-200"]
    nasty = ["1" * 9_990 + " kg x", "1_" * 4_999 + "1 kg", "1 " * 5_000, " " * 9_999 + "1"]
    product["weight"] = nasty  # the first sample that fails ends the reading
    return json.dumps(report), "r.json"


def case_long_texts():
    """200 text samples of 10 000 characters with combining marks, NFC-normalised."""
    report = _report()
    report["products"]["DL-200"]["marking"] = ["e\u0301" * 5_000] * 200
    return json.dumps(report, ensure_ascii=False), "r.json"


def case_sexagesimal():
    """A 900 KB YAML 1.1 sexagesimal integer (27 s before: never computed now)."""
    return _yaml(_report()) + "notes: 1" + ":59" * 300_000 + "\n", "r.yaml"


def case_huge_integers():
    """Two million-digit integers, YAML and JSON, where a lot size is read."""
    report = _report()
    report["products"]["DL-200"]["aql"]["lot-size"] = "LOT"
    text = json.dumps(report).replace('"LOT"', "9" * 1_000_000)
    return text, "r.json"


def case_alias_bomb():
    """A "billion laughs" of YAML aliases: refused once MAX_NODES values are counted."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return _yaml(_report()) + "\n".join(lines) + "\n", "r.yaml"


def case_deep_nesting():
    """A JSON list nested 100 000 deep: refused at 64 levels."""
    return "[" * 100_000 + "]" * 100_000, "r.json"


def case_duplicate_clauses_on_one_line():
    """A 20 KB line of 2 000 `aql major 2.5`: was 66 MB of frames in 33 s (lint, text)."""
    line = "aql" + " major 2.5" * 2000
    return (
        'contract "D-1" {\n  currency USD\n  product "P" {\n    quantity 10 pcs\n'
        f"    inspection {{\n      {line}\n    }}\n  }}\n}}\n"
    ), "contract"


CASES = {
    name.removeprefix("case_"): function
    for name, function in globals().items()
    if name.startswith("case_")
}


def run_case(name: str) -> dict:
    """In this (fresh) process: the case's work, timed, and the peak memory."""
    import tacl
    from tacl.evaluate.evaluator import evaluate
    from tacl.evaluate.report import load_text
    from tacl.evaluate.text import render

    text, kind = CASES[name]()
    contract = tacl.load(LAMPS / "po.tacl")
    wall, cpu = time.perf_counter(), time.process_time()
    outcome, output = "ok", 0
    try:
        if kind == "contract":
            from tacl.lint.runner import lint_source
            from tacl.render.text import render_text
            from tacl.source import SourceFile

            diagnostics = lint_source(text, name="dup.tacl")
            output = len(render_text(diagnostics, {"dup.tacl": SourceFile("dup.tacl", text)}))
            outcome = f"{len(diagnostics)} diagnostics"
        else:
            verdict = evaluate(contract, load_text(text, kind), name=kind)
            output = len(render(verdict, kind)) + len(verdict.to_json())
            outcome = f"{verdict.status}, {len(verdict.warnings)} warnings"
    except tacl.TaclError as exc:
        outcome = f"error: {str(exc)[:70]}"
        output = len(str(exc))
    return {
        "case": name,
        "bytes": len(text),
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "output": output,
        "outcome": outcome,
    }


def measure(name: str, runs: int) -> dict:
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, __file__, "--case", name], capture_output=True, text=True, check=True
        )
        results.append(json.loads(done.stdout))
    best = dict(results[0])
    for key in ("wall", "cpu", "rss_mb"):
        best[key] = statistics.median(r[key] for r in results)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--case")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    runs = 1 if args.quick else 3
    rows = [measure(name, runs) for name in CASES]
    baseline = rows[list(CASES).index("real_report")]
    print(f"load average: {' '.join(os.getloadavg().__repr__().strip('()').split(', '))}")
    print(
        f"medians of {runs} run(s), each in a fresh process; aims < {AIM_SECONDS} s, < {AIM_MB} MB"
    )
    header = f"{'case':<34} {'input':>9} {'wall s':>7} {'cpu s':>7} {'÷ real':>8} {'RSS MB':>7} {'out':>8}  outcome"
    print(header)
    failed = []
    for row in rows:
        ratio = row["cpu"] / baseline["cpu"] if baseline["cpu"] else float("nan")
        over = row["cpu"] >= AIM_SECONDS or row["rss_mb"] >= AIM_MB
        if over:
            failed.append(row["case"])
        print(
            f"{row['case']:<34} {_size(row['bytes']):>9} {row['wall']:>7.3f} {row['cpu']:>7.3f} "
            f"{ratio:>7.0f}x {row['rss_mb']:>7.0f} {_size(row['output']):>8}  "
            f"{row['outcome']}{'  <-- over the aim' if over else ''}"
        )
    print("all within the aims" if not failed else f"over the aims: {', '.join(failed)}")


def _size(count: int) -> str:
    for unit, size in (("MB", 1e6), ("KB", 1e3)):
        if count >= size:
            return f"{count / size:.1f} {unit}"
    return f"{count} B"


if __name__ == "__main__":
    main()
