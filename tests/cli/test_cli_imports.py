"""`import tacl` and each verb load only what they use (measured by `python -X importtime`).

A cold `tacl` start is paid by every editor save and pre-commit hook, so the
library keeps its heavy modules behind the verbs that need them. These tests run
the command in a fresh interpreter and read the modules it imported; how long
they take is measured in benchmarks/bench_imports.py, never here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAMPS = ROOT / "examples" / "lamps"
HEAVY = {"yaml", "jinja2", "markupsafe", "lark", "coloraide"}
# the parse tables are never unpickled; only --jobs hands work to processes by pickle
PICKLE = {"pickle"}


def imported(*args: str) -> set[str]:
    """Every module a fresh `python -X importtime ARGS` imported."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode in (0, 1, 3), result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


def tacl_modules(names: set[str]) -> set[str]:
    return {name for name in names if name == "tacl" or name.startswith("tacl.")}


def packages(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def test_import_tacl_loads_the_errors_and_nothing_else() -> None:
    names = imported("-c", "import tacl")
    assert tacl_modules(names) == {"tacl", "tacl.errors"}
    assert not packages(names) & (HEAVY | PICKLE | {"attr", "attrs", "click"})


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_load_click_and_the_cli_only(flag: str) -> None:
    names = imported("-m", "tacl.cli", flag)
    # `-m` runs tacl.cli as __main__, so it is not listed under its own name
    assert tacl_modules(names) <= {"tacl", "tacl.errors", "tacl.cli"}
    assert not packages(names) & (HEAVY | PICKLE | {"attr", "attrs"})


@pytest.mark.parametrize(
    "verb, unwanted",
    [
        (["compile", "po.tacl"], {"tacl.lint", "tacl.fmt", "tacl.render", "tacl.evaluate.report"}),
        (["lint", "po.tacl"], {"tacl.fmt", "tacl.evaluate.report", "tacl.evaluate.evaluator"}),
        (["fmt", "--check", "po.tacl"], {"tacl.lint", "tacl.render", "tacl.evaluate.report"}),
        (["check", "po.tacl", "reports/quality.json"], {"tacl.lint", "tacl.fmt"}),
    ],
)
def test_each_verb_loads_neither_lark_nor_what_other_verbs_use(verb, unwanted) -> None:
    args = [str(LAMPS / a) if a.endswith((".tacl", ".json")) else a for a in verb]
    names = imported("-m", "tacl.cli", *args)
    heavy = HEAVY | PICKLE if verb[0] == "compile" else HEAVY
    assert not packages(names) & heavy, sorted(packages(names) & heavy)
    loaded = {n for n in tacl_modules(names) for u in unwanted if n == u or n.startswith(u + ".")}
    assert not loaded, sorted(loaded)


# --- the cycle collector during start-up (tacl/cli.py `_verb`) -------------------------------


def test_a_verb_run_in_process_leaves_the_collector_as_it_found_it():
    """The CLI freezes what start-up imported so the collector skips it; a caller that
    stays (a test, an embedding) must get every object back under collection."""
    import gc

    from click.testing import CliRunner

    from tacl.cli import main

    assert gc.isenabled() and gc.get_freeze_count() == 0
    for args in (["compile", str(LAMPS / "po.tacl")], ["lint", str(LAMPS / "po.tacl")]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code in (0, 1), result.output
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0


def test_a_verb_freezes_its_start_up_objects_before_it_runs(monkeypatch):
    """While the verb runs, what importing it allocated is frozen (out of the collector's
    walks) and the collector is on again for the verb's own objects."""
    import gc

    from tacl import cli
    from tacl.commands import compile as verb

    seen = {}

    def run(path):
        seen["frozen"], seen["enabled"] = gc.get_freeze_count(), gc.isenabled()
        return 0

    monkeypatch.setattr(verb, "run", run)
    with pytest.raises(SystemExit) as exit_:
        cli._run("compile", path=str(LAMPS / "po.tacl"))
    assert exit_.value.code == 0
    assert seen["frozen"] > 10_000 and seen["enabled"]
    assert gc.get_freeze_count() == 0
