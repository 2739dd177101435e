"""Evaluating inspection reports: reports/second against baselines measured in the same run.

    python benchmarks/bench_evaluate.py            # full run (≈ 1–2 min on 2 vCPU)
    python benchmarks/bench_evaluate.py --quick    # fewer reports and repetitions
    python benchmarks/bench_evaluate.py --profile  # also: cProfile top of contract.evaluate

In-process, over the same pre-parsed reports (one product, 30 clauses, 5 samples
per measurement, values in mm, cm, in, g, kg, °C, °F):

- `tacl evaluate`: `contract.evaluate(report_dict)`, a full Verdict (findings with
  messages, the claim);
- `hand-written`: the same checks written by hand in plain Python, unit strings
  parsed with a regex, converted with Decimal factors, a pass/fail per clause;
- `jsonschema`: validating each report against an equivalent JSON Schema (types,
  value patterns with units, ranges of counts) — shape only, no unit conversion;
- `json.loads`: parsing each report's JSON text.

End to end: `tacl check CONTRACT r1 … rN --format json` over 10 000 report files
written to a temporary folder (a few calls of 2 500 files each), with the peak
resident memory of the child processes; and the tracemalloc peak of evaluating
1 000 reports in-process one after another.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

import tacl
from tacl.colorimetry import delta_e_2000, hex_to_lab

ROOT = Path(__file__).resolve().parents[1]
AIM_HAND = 2.0  # evaluate within 2x of the hand-written checks
AIM_JSON = 1.0  # evaluate costing no more than json.loads (aspirational, see the notes)

CONTRACT = """contract "BENCH-1" {
  buyer "Bench Buyer"
  supplier "Bench Supplier"
  currency USD
  coverage limit 50000 USD
  shipment {
    ship by 2026-03-15
    partial shipments not allowed
  }
  product "SKU-1" {
    quantity 1000 pcs ± 2 %
    unit price 12.50 USD
    size 420 x 180 x 120 mm ± 2 mm
    weight 1.2 kg ± 50 g
    dimension arm 300 mm ± 3 mm
    dimension base 150 mm +2/-0 mm
    dimension cable between 1.45 and 1.55 m
    material body "aluminium 6061"
    material shade one of "ABS", "PC"
    color body #1A1A1A ± 2 dE
    marking "BENCH / Made in China"
    barcode EAN-13 "4006381333931"
    spec storage at most 40 °C
    spec humidity between 30 and 70 %
    spec voltage 230 V ± 10 V
    test "power on" passes
    test "switch" passes
    packaging {
      unit packing "white corrugated box"
      units per carton 20
      carton size 600 x 400 x 300 mm ± 5 mm
      carton weight at most 25 kg
      carton marking "BENCH / SKU-1 / 20 pcs"
    }
    inspection {
      aql critical 0 major 2.5 minor 4.0
    }
  }
}
"""

# --- reports -----------------------------------------------------------------------------


def _length(rng: random.Random, mm: float) -> str:
    unit = rng.choice(["mm", "mm", "cm", "in"])
    value = mm + rng.uniform(-1.5, 1.5)
    scale = {"mm": 1, "cm": 10, "in": 25.4}[unit]
    return f"{value / scale:.{ {'mm': 1, 'cm': 2, 'in': 3}[unit] }f} {unit}"


def _samples(rng, make, count=5):
    return [make() for _ in range(count)]


def make_report(rng: random.Random) -> dict:
    def size(a, b, c, spread=1.5):
        return f"{a + rng.uniform(-spread, spread):.1f} x {b + rng.uniform(-spread, spread):.1f} x {c + rng.uniform(-spread, spread):.1f} mm"

    product = {
        "quantity": rng.randint(985, 1015),
        "size": _samples(rng, lambda: size(420, 180, 120)),
        "weight": _samples(rng, lambda: rng.choice([f"{rng.uniform(1.16, 1.24):.3f} kg", f"{rng.randint(1160, 1240)} g"])),
        "dimension": {
            "arm": _samples(rng, lambda: _length(rng, 300)),
            "base": _samples(rng, lambda: f"{rng.uniform(150, 152):.1f} mm"),
            "cable": _samples(rng, lambda: f"{rng.uniform(1.46, 1.54):.3f} m"),
        },
        "material": {"body": "Aluminium 6061", "shade": rng.choice(["ABS", "PC"])},
        "color": {"body": "#1B1A1A"},
        "marking": "BENCH / Made in China",
        "barcode": "4006381333931",
        "spec": {
            "storage": _samples(rng, lambda: rng.choice([f"{rng.uniform(20, 39):.1f} °C", f"{rng.uniform(70, 100):.1f} °F"])),
            "humidity": _samples(rng, lambda: f"{rng.uniform(35, 65):.1f} %"),
            "voltage": _samples(rng, lambda: f"{rng.uniform(225, 235):.1f} V"),
        },
        "test": {"power on": "pass", "switch": rng.choice(["pass", "pass", "fail"])},
        "packaging": {
            "unit-packing": "white corrugated box",
            "units-per-carton": 20,
            "carton-size": _samples(rng, lambda: size(600, 400, 300, 3)),
            "carton-weight": _samples(rng, lambda: f"{rng.uniform(22, 24.9):.2f} kg"),
            "carton-marking": "BENCH / SKU-1 / 20 pcs",
        },
        "aql": {"lot-size": 1000, "sample-size": 80, "defects": {"critical": 0, "major": rng.randint(0, 6), "minor": rng.randint(0, 8)}},
    }  # fmt: skip
    return {
        "tacl-report": 1,
        "contract": "BENCH-1",
        "inspection": {"kind": "post-delivery", "date": "2026-04-24", "inspector": "QC"},
        "shipment": {
            "shipped": f"2026-03-{rng.randint(10, 17):02d}",
            "customs-cleared": "2026-04-20",
            "partial": False,
        },
        "products": {"SKU-1": product},
    }


# --- baseline (a): the same checks by hand --------------------------------------------------

_D = Decimal
FACTORS = {  # Decimal: what a careful hand-written checker uses (°F divides inexactly)
    "mm": (_D(1), 0), "cm": (_D(10), 0), "m": (_D(1000), 0), "in": (_D("25.4"), 0),
    "g": (_D(1), 0), "kg": (_D(1000), 0), "°C": (_D(1), 0), "°F": (_D(5) / 9, _D(-160) / 9),
    "%": (_D(1), 0), "V": (_D(1), 0), "pcs": (_D(1), 0),
}  # fmt: skip
TARGET_LAB = hex_to_lab("#1A1A1A")
VALUE = re.compile(r"(-?\d+(?:\.\d+)?)\s*(\S+)\Z")
SIZE = re.compile(r"(\d+(?:\.\d+)?) x (\d+(?:\.\d+)?) x (\d+(?:\.\d+)?) (\S+)\Z")


def _base(text: str) -> Decimal:
    match = VALUE.match(text)
    if match is None:
        raise ValueError(text)
    factor, offset = FACTORS[match.group(2)]
    return _D(match.group(1)) * factor + offset


def _sizes(texts):
    out = []
    for text in texts:
        match = SIZE.match(text)
        factor = FACTORS[match.group(4)][0]
        out.append([_D(match.group(i)) * factor for i in (1, 2, 3)])
    return out


def _within(values, low, high):
    return all((low is None or v >= low) and (high is None or v <= high) for v in values)


def hand_written(report: dict) -> list[tuple[str, bool]]:
    """The benchmark contract's 30 checks written out in plain Python."""
    p = report["products"]["SKU-1"]
    pk = p["packaging"]
    sizes, cartons = _sizes(p["size"]), _sizes(pk["carton-size"])
    defects = p["aql"]["defects"]
    shipped = report["shipment"]["shipped"]
    r = [
        ("ship-by", shipped <= "2026-03-15"),
        ("partial", report["shipment"]["partial"] is False),
        ("quantity", 980 <= int(p["quantity"]) <= 1020),
        ("length", _within([s[0] for s in sizes], 418, 422)),
        ("width", _within([s[1] for s in sizes], 178, 182)),
        ("height", _within([s[2] for s in sizes], 118, 122)),
        ("weight", _within([_base(v) for v in p["weight"]], 1150, 1250)),
        ("arm", _within([_base(v) for v in p["dimension"]["arm"]], 297, 303)),
        ("base", _within([_base(v) for v in p["dimension"]["base"]], 150, 152)),
        ("cable", _within([_base(v) for v in p["dimension"]["cable"]], 1450, 1550)),
        ("body", " ".join(p["material"]["body"].split()).casefold() == "aluminium 6061"),
        ("shade", " ".join(p["material"]["shade"].split()).casefold() in ("abs", "pc")),
        ("color", delta_e_2000(TARGET_LAB, hex_to_lab(p["color"]["body"].upper())) <= 2),
        ("marking", " ".join(p["marking"].split()).casefold() == "bench / made in china"),
        ("barcode", p["barcode"].replace(" ", "") == "4006381333931"),
        ("storage", _within([_base(v) for v in p["spec"]["storage"]], None, 40)),
        ("humidity", _within([_base(v) for v in p["spec"]["humidity"]], 30, 70)),
        ("voltage", _within([_base(v) for v in p["spec"]["voltage"]], 220, 240)),
        ("power on", p["test"]["power on"] == "pass"),
        ("switch", p["test"]["switch"] == "pass"),
        ("unit-packing", " ".join(pk["unit-packing"].split()).casefold() == "white corrugated box"),
        ("units-per-carton", int(pk["units-per-carton"]) == 20),
        ("carton-length", _within([s[0] for s in cartons], 595, 605)),
        ("carton-width", _within([s[1] for s in cartons], 395, 405)),
        ("carton-height", _within([s[2] for s in cartons], 295, 305)),
        ("carton-weight", _within([_base(v) for v in pk["carton-weight"]], None, 25000)),
        ("carton-marking", " ".join(pk["carton-marking"].split()).casefold() == "bench / sku-1 / 20 pcs"),
        ("critical", int(defects["critical"]) <= 0),
        ("major", int(defects["major"]) <= 5),
        ("minor", int(defects["minor"]) <= 7),
    ]  # fmt: skip
    return r


# --- baseline (b): jsonschema ---------------------------------------------------------------

_NUM = r"-?\d+(\.\d+)?"


def _values(units: str) -> dict:
    one = {"type": "string", "pattern": rf"^{_NUM} ?({units})$"}
    return {"oneOf": [one, {"type": "array", "items": one, "minItems": 1, "maxItems": 10000}]}


def _size_values() -> dict:
    one = {"type": "string", "pattern": rf"^{_NUM} x {_NUM} x {_NUM} (mm|cm|in)$"}
    return {"type": "array", "items": one, "minItems": 1}


def _obj(props: dict, required=()) -> dict:
    return {
        "type": "object",
        "properties": props,
        "required": list(required),
        "additionalProperties": False,
    }


def schema() -> dict:
    text = {"type": "string", "maxLength": 10000}
    date = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    count = {"type": "integer", "minimum": 0}
    length = _values("mm|cm|m|in|ft")
    product = _obj({
        "quantity": {"oneOf": [count, {"type": "string", "pattern": r"^\d+ pcs$"}]},
        "size": _size_values(),
        "weight": _values("mg|g|kg|oz|lb"),
        "dimension": _obj({"arm": length, "base": length, "cable": length}),
        "material": _obj({"body": text, "shade": {"enum": ["ABS", "PC", "abs", "pc"]}}),
        "color": _obj({"body": {"type": "string", "pattern": r"^#[0-9A-Fa-f]{6}$"}}),
        "marking": text,
        "barcode": {"type": "string", "pattern": r"^\d{13}$"},
        "spec": _obj({"storage": _values("°C|°F|degC|degF"), "humidity": _values("%"), "voltage": _values("V")}),
        "test": _obj({"power on": {"enum": ["pass", "fail"]}, "switch": {"enum": ["pass", "fail"]}}),
        "packaging": _obj({
            "unit-packing": text, "units-per-carton": count, "carton-size": _size_values(),
            "carton-weight": _values("mg|g|kg|oz|lb"), "carton-marking": text,
        }),
        "aql": _obj({"lot-size": count, "sample-size": count,
                     "defects": _obj({"critical": count, "major": count, "minor": count})}),
    })  # fmt: skip
    return _obj(
        {
            "tacl-report": {"const": 1},
            "contract": {"const": "BENCH-1"},
            "inspection": _obj({"kind": {"enum": ["pre-shipment", "post-delivery"]}, "date": date, "inspector": text}, ["kind", "date"]),
            "shipment": _obj({"shipped": date, "customs-cleared": date, "delivered": date, "partial": {"type": "boolean"}}),
            "products": _obj({"SKU-1": product}),
        },
        ["tacl-report", "contract", "inspection"],
    )  # fmt: skip


# --- timing -------------------------------------------------------------------------------


def one_pass(function, items) -> float:
    start = time.perf_counter()
    for item in items:
        function(item)
    return (time.perf_counter() - start) / len(items)


def interleaved(contenders, repeats: int) -> dict:
    """Median seconds per report of each contender, and of its ratio to the first one.

    The contenders run in turn within each round, in an order rotated from round
    to round (whoever runs first after another's pass pays for cold caches), so a
    load spike on a shared machine hits all of them alike; the ratio to the first
    contender is taken within the round.
    """
    names = [name for name, _f, _items in contenders]
    times: dict[str, list[float]] = {name: [] for name in names}
    ratios: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(repeats):
        shift = round_ % len(contenders)
        order = contenders[shift:] + contenders[:shift]
        seconds = {name: one_pass(function, items) for name, function, items in order}
        for name in names:
            times[name].append(seconds[name])
            ratios[name].append(seconds[name] / seconds[names[0]])
    return {
        name: (statistics.median(times[name]), statistics.median(ratios[name])) for name in names
    }


def end_to_end(count: int, batch: int, rng: random.Random) -> tuple[float, float]:
    """Seconds per report of `tacl check` over `count` files, and peak child RSS in MB."""
    tacl_cmd = str(Path(sys.executable).with_name("tacl"))
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "po.tacl").write_text(CONTRACT, encoding="utf-8")
        names = []
        for index in range(count):
            path = base / f"r{index:05d}.json"
            path.write_text(json.dumps(make_report(rng)), encoding="utf-8")
            names.append(str(path))
        start = time.perf_counter()
        for offset in range(0, count, batch):
            command = [
                tacl_cmd,
                "check",
                str(base / "po.tacl"),
                *names[offset : offset + batch],
                "--format",
                "json",
            ]
            done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            assert done.returncode in (0, 1, 3), done.stderr[-2000:]
        elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed / count, peak


def memory_peak(contract, reports) -> float:
    tracemalloc.start()
    for report in reports:
        contract.evaluate(report)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    rng = random.Random(2026)
    count, repeats, files = (300, 10, 1000) if args.quick else (1000, 15, 10_000)
    contract = tacl.compile_source(CONTRACT, name="bench.tacl")
    reports = [make_report(rng) for _ in range(count)]
    texts = [json.dumps(r) for r in reports]
    statuses = {contract.evaluate(r).status for r in reports}
    hand = [hand_written(r) for r in reports]
    assert all(len(h) == len(contract.clauses) for h in hand), (len(hand[0]), len(contract.clauses))

    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    for report in reports:
        validator.validate(report)

    measured = interleaved(
        [
            ("tacl evaluate (Verdict)", contract.evaluate, reports),
            ("tacl evaluate + to_dict", lambda r: contract.evaluate(r).to_dict(), reports),
            ("hand-written checks", hand_written, reports),
            ("jsonschema validate", validator.validate, reports[: max(50, count // 4)]),
            ("json.loads", json.loads, texts),
        ],
        repeats,
    )
    rows = [(name, seconds, ratio) for name, (seconds, ratio) in measured.items()]
    per_file, rss = end_to_end(files, 2500, rng)
    rows.append((f"tacl check, {files:,} files (end to end)", per_file, per_file / rows[0][1]))
    mem = memory_peak(contract, reports[:1000])
    _print(rows, contract, count, statuses, mem, rss)
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(lambda: [contract.evaluate(r) for r in reports])
        pstats.Stats(profile).sort_stats("tottime").print_stats(15)


def _print(rows, contract, count, statuses, mem, rss) -> None:
    print(f"{len(contract.clauses)} clauses, {count:,} reports, statuses seen: {sorted(statuses)}")
    print(f"{'what':<40} {'µs/report':>10} {'reports/s':>11} {'÷ tacl':>8}")
    for name, seconds, ratio in rows:
        print(f"{name:<40} {seconds * 1e6:>10.1f} {1 / seconds:>11,.0f} {ratio:>7.2f}x")
    print("(medians over interleaved rounds; the ratio is the median of per-round ratios)")
    print()
    hand, json_loads = rows[2][2], rows[4][2]
    print(f"tacl / hand-written: {1 / hand:.2f}x (aim ≤ {AIM_HAND}x)")
    print(f"tacl / json.loads:   {1 / json_loads:.2f}x (aim ≤ {AIM_JSON}x)")
    print(f"tracemalloc peak, 1,000 reports evaluated in turn: {mem:,.0f} kB")
    print(f"peak RSS of a `tacl check` process over 2,500 files: {rss:.0f} MB")


if __name__ == "__main__":
    main()
