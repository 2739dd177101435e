"""The library as a platform embeds it: `mypy --strict` accepts it (issue 7 §5).

`mypy --strict` on `import tacl` said "module is installed, but missing library
stubs or py.typed marker", and `load`, `compile_source`, `lint_source` had no
return types. Now the package ships `py.typed`, and:

- tests/typing/embedding.py, a small platform program that uses every public
  name of `tacl`, type-checks under `mypy --strict` and runs;
- the modules that define the public names type-check under `mypy --strict`
  themselves, so their signatures are complete, not merely inferred.

Imported modules are followed silently, as mypy treats an installed package:
their own internals are not this test's subject.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import tacl

ROOT = Path(__file__).resolve().parents[2]
EMBEDDING = Path(__file__).resolve().parent / "embedding.py"
PUBLIC_MODULES = [
    "tacl/__init__.py",
    "tacl/pipeline.py",
    "tacl/errors.py",
    "tacl/diagnostics.py",
    "tacl/source.py",
    "tacl/nodes.py",
    "tacl/compile/contract.py",
    "tacl/compile/ir.py",
    "tacl/evaluate/verdict.py",
    "tacl/lint/config.py",
]


def mypy(tmp_path: Path, *paths: str | Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--follow-imports=silent",
        "--cache-dir",
        str(tmp_path / "mypy-cache"),
        *map(str, paths),
    ]
    env = {**os.environ, "MYPYPATH": str(ROOT)}
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)


def test_the_package_is_marked_typed():
    assert (Path(tacl.__file__).parent / "py.typed").is_file()


def test_every_public_name_is_used_by_the_embedding_program():
    text = EMBEDDING.read_text("utf-8")
    unused = [name for name in tacl.__all__ if name not in text]
    assert not unused


def test_every_public_name_resolves():
    for name in tacl.__all__:
        assert getattr(tacl, name) is not None, name


def test_an_embedding_program_type_checks_under_strict(tmp_path):
    done = mypy(tmp_path, EMBEDDING)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_public_modules_type_check_under_strict(tmp_path):
    done = mypy(tmp_path, *PUBLIC_MODULES)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_check_is_not_vacuous(tmp_path):
    wrong = tmp_path / "wrong.py"
    wrong.write_text(
        "import tacl\n"
        "contract = tacl.load('po.tacl')\n"
        "amount: int = contract.evaluate({}).claim.amount\n"  # str | None, not int
        "tacl.lint_source('x', config=3)\n",
        "utf-8",
    )
    done = mypy(tmp_path, wrong)
    assert done.returncode == 1
    assert 'has type "str | None", variable has type "int"' in done.stdout
    assert "lint_source" in done.stdout


def test_the_embedding_program_runs():
    done = subprocess.run(
        [sys.executable, str(EMBEDDING), str(ROOT / "examples" / "lamps")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "noncompliant (1), refund 10000.00" in done.stdout


@pytest.mark.parametrize("name", ["CompiledContract", "Verdict", "Finding", "Claim", "Diagnostic"])
def test_public_classes_are_the_ones_the_library_returns(name):
    contract = tacl.load(ROOT / "examples" / "lamps" / "po.tacl")
    verdict = contract.evaluate(
        {
            "tacl-report": 1,
            "contract": "PO-2026-0412",
            "inspection": {"kind": "post-delivery", "date": "2026-04-24"},
        }
    )
    diagnostics = tacl.lint_source('contract "X" {\n}\n')
    made = {
        "CompiledContract": contract,
        "Verdict": verdict,
        "Finding": verdict.findings[0],
        "Claim": verdict.claim,
        "Diagnostic": diagnostics[0],
    }
    assert isinstance(made[name], getattr(tacl, name))
