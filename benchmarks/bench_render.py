"""What the evidence file and the inspection plan cost: ms per report beside JSON.

    python benchmarks/bench_render.py [--quick]

In process, over every bundled example report: the verdict's JSON
(`evaluate` + `Verdict.to_json()`, the work of `tacl check --format json`)
against the evidence file (`read_report` + `evaluate` + `render_evidence`,
the work of `--format html`), median of several rounds, with the ratio measured
in the same run. Then the plans per contract (Markdown, HTML, template) and
the cold start of `tacl check` in JSON and in HTML, end to end, interleaved,
which shows the one-off cost of importing Jinja2 and the templates.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import tacl  # noqa: E402
from tacl.evaluate.evaluator import evaluate  # noqa: E402
from tacl.evaluate.report import load_file, read_report  # noqa: E402
from tacl.render.evidence import render_evidence  # noqa: E402
from tacl.render.inspection_plan import build_plan  # noqa: E402
from tacl.render.plan_html import render_plan_html  # noqa: E402
from tacl.render.plan_markdown import render_markdown  # noqa: E402
from tacl.render.report_template import render_template  # noqa: E402


def _cases():
    cases = []
    for folder in sorted((ROOT / "examples").iterdir()):
        if not (folder / "reports").is_dir():
            continue
        contract = tacl.load(folder / "po.tacl")
        text = (folder / "po.tacl").read_text("utf-8")
        for path in sorted((folder / "reports").iterdir()):
            if path.suffix in (".yaml", ".json") and not path.name.endswith(".verdict.json"):
                tree, name = load_file(str(path))
                cases.append((contract, text, tree, name))
    return cases


def _median_ms(function, items, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for item in items:
            function(item)
        times.append((time.perf_counter() - start) / len(items) * 1000)
    return statistics.median(times)


def _json(case):
    contract, _text, tree, name = case
    return evaluate(contract, tree, name=name).to_json()


def _html(case):
    contract, text, tree, name = case
    report = read_report(contract, tree, name)
    return render_evidence(contract, text, report, evaluate(contract, report, name=name), name)


def _cold(args, rounds: int) -> float:
    tacl_bin = str(Path(sys.executable).with_name("tacl"))
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([tacl_bin, *args], capture_output=True, cwd=ROOT, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    quick = "--quick" in sys.argv
    rounds = 3 if quick else 9
    cases = _cases()
    _html(cases[0])  # templates compiled once per process, as in one `tacl check` run
    json_ms = _median_ms(_json, cases, rounds)
    html_ms = _median_ms(_html, cases, rounds)
    print(f"load {Path('/proc/loadavg').read_text().split()[:3]}  ({len(cases)} example reports)")
    print(f"{'per report, in process':34} {'ms':>8} {'× json':>8}")
    print(f"{'verdict JSON (--format json)':34} {json_ms:8.2f} {1:8.2f}")
    print(f"{'evidence file (--format html)':34} {html_ms:8.2f} {html_ms / json_ms:8.2f}")
    contracts = {id(c[0]): c for c in cases}.values()
    plans = [(c[0], c[1]) for c in contracts]
    print(f"{'per contract, in process':34} {'ms':>8}")
    for label, render in (
        ("plan, Markdown", render_markdown),
        ("plan, HTML", render_plan_html),
        ("plan, template", render_template),
    ):
        ms = _median_ms(lambda p, r=render: r(build_plan(p[0], p[1])), plans, rounds)
        print(f"{label:34} {ms:8.2f}")
    lamps = ["examples/lamps/po.tacl", "examples/lamps/reports/quality.json"]
    cold = {"json": [], "html": []}
    for _ in range(3 if quick else 7):  # interleaved: drifting load hits both alike
        for fmt in cold:
            cold[fmt].append(_cold(["check", *lamps, "--format", fmt], 1))
    json_cold = statistics.median(cold["json"])
    html_cold = statistics.median(cold["html"])
    print(f"{'cold start, one report':34} {'ms':>8} {'× json':>8}")
    print(f"{'tacl check --format json':34} {json_cold:8.1f} {1:8.2f}")
    print(f"{'tacl check --format html':34} {html_cold:8.1f} {html_cold / json_cold:8.2f}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set: modules compile on every cold start")


if __name__ == "__main__":
    main()
