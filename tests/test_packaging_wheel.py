"""The wheel carries the grammar and its generated tables: an installed, non-editable copy
parses without the source tree and without Lark."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import tacl

ROOT = Path(__file__).resolve().parents[1]
# What the build reads; copied so that setuptools writes build/ and *.egg-info/
# into the temporary folder, never into the working tree.
BUILD_INPUTS = ("pyproject.toml", "README.md", "LICENSE", "tacl", "grammar", "docs")


def copy_build_inputs(target: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    target.mkdir()
    for name in BUILD_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def test_installed_wheel_finds_its_grammar(tmp_path: Path) -> None:
    before = {path.name for path in ROOT.iterdir()}
    source = copy_build_inputs(tmp_path / "src")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(source),
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(tmp_path / "dist"),
        ],
        check=True,
        cwd=tmp_path,
    )
    (wheel,) = (tmp_path / "dist").glob("tacl_lang-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "tacl/grammar/tacl.lark" in names
        assert "tacl/py.typed" in names  # PEP 561: type checkers read the inline types
        # the distribution is tacl-lang; the import name and the command stay `tacl`
        dist_info = "-".join(wheel.name.split("-")[:2]) + ".dist-info"
        assert {name.split("/")[0] for name in names} == {"tacl", dist_info}
        (entry_points,) = [name for name in names if name.endswith("entry_points.txt")]
        assert "tacl = tacl.cli:main" in archive.read(entry_points).decode("utf-8")
        assert "tacl/docs/language.md" in names and "tacl/docs/reports.md" in names
        assert "tacl/syntax/tables.py" in names
        templates = ROOT / "tacl" / "render" / "templates"
        for template in templates.iterdir():  # the HTML renderers' templates ship too
            assert f"tacl/render/templates/{template.name}" in names
        archive.extractall(tmp_path / "site")
    script = (  # Lark is not needed at run time: make importing it fail
        "import sys; sys.modules['lark'] = None\n"
        "import tacl, tacl.syntax.parser as p\n"
        "contract = tacl.load(sys.argv[1])\n"
        "print(tacl.__file__)\n"
        "print(contract.sha256)\n"
        "from tacl.render.inspection_plan import build_plan\n"
        "from tacl.render.plan_html import render_plan_html\n"
        "assert '<h1>Contract ' in render_plan_html(build_plan(contract))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    result = subprocess.run(
        [sys.executable, "-c", script, str(ROOT / "examples" / "lamps" / "po.tacl")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    )
    module_file, sha = result.stdout.split()
    assert Path(module_file).is_relative_to(tmp_path / "site")
    assert sha == tacl.load(ROOT / "examples" / "lamps" / "po.tacl").sha256
    written = {path.name for path in ROOT.iterdir()} - before
    assert not written, f"the build wrote {sorted(written)} into the working tree"


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "tacl").rglob("__init__.py")
    }
    assert found | {"tacl.grammar", "tacl.docs"} == listed
