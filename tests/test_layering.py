"""The package reads one way: syntax → compile → evaluate → render and commands.

Each module sits on a floor; it may import its own floor and the floors below,
never one above, not even lazily inside a function: a lazy import is still a
dependency, and an upward one ties the floors into one import cycle. Facts that
several floors use (ISO 2859-1, colour difference, diagnostics) live on the
ground floor.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tacl"

# The first matching prefix decides a module's floor.
FLOORS: tuple[tuple[str, int], ...] = (
    ("tacl.source", 0),
    ("tacl.nodes", 0),
    ("tacl.diagnostics", 0),
    ("tacl.errors", 0),
    ("tacl.colorimetry", 0),
    ("tacl.standards", 0),
    ("tacl.data", 0),
    ("tacl.visible", 0),
    ("tacl.paths", 0),
    ("tacl.syntax", 1),
    ("tacl.compile", 2),
    ("tacl.evaluate", 3),
    ("tacl.lint", 4),
    ("tacl.fmt", 4),
    ("tacl.render", 4),
    ("tacl.pipeline", 4),
    ("tacl.commands", 5),
    ("tacl.cli", 5),
    ("tacl", 5),  # the package itself: the public API on top of everything
)
NAMES = {0: "ground", 1: "syntax", 2: "compile", 3: "evaluate", 4: "render/lint/fmt", 5: "commands"}


def floor_of(module: str) -> int:
    for prefix, floor in FLOORS:
        if module == prefix or module.startswith(prefix + "."):
            return floor
    raise AssertionError(f"{module} has no floor; add it to FLOORS")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, int]]:
    """Every `tacl` module a file imports, at any depth, with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            # `from tacl.standards import iso2859` imports the submodule itself
            names += [f"{node.module}.{alias.name}" for alias in node.names]
            found += [(name, node.lineno) for name in names if name.split(".")[0] == "tacl"]
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.split(".")[0] == "tacl"]
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: use absolute imports")
    return found


def target_floor(name: str) -> int:
    """The floor of an imported name: `tacl.compile.ir.Location` is the module's floor."""
    while name.count(".") and not _exists(name):
        name = name.rsplit(".", 1)[0]
    return floor_of(name)


def _exists(name: str) -> bool:
    base = PACKAGE.parent.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_module_imports_a_floor_above_its_own(path):
    own = floor_of(module_name(path))
    upward = [
        f"line {line}: {name} ({NAMES[target_floor(name)]})"
        for name, line in imports(path)
        if target_floor(name) > own
    ]
    assert not upward, f"{module_name(path)} ({NAMES[own]}) imports upward: {upward}"


def test_compile_never_imports_evaluate():
    """The issue's own wording: no module of tacl/compile imports tacl/evaluate."""
    for path in (PACKAGE / "compile").rglob("*.py"):
        assert not [n for n, _ in imports(path) if n.startswith("tacl.evaluate")], path


def test_the_checker_sees_lazy_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from tacl.evaluate.evaluator import evaluate\n", "utf-8")
    assert ("tacl.evaluate.evaluator", 2) in imports(sample)
    assert target_floor("tacl.compile.ir.Location") == 2


def test_the_evaluator_judges_what_the_compiler_built():
    """evaluate() needs only the compile floor's Contract, not the public class above it."""
    import yaml

    from tacl.compile.compiler import compile_module
    from tacl.compile.contract import Contract
    from tacl.compile.values import Reporter
    from tacl.evaluate.evaluator import evaluate
    from tacl.pipeline import CompiledContract, read_source
    from tacl.syntax.parser import parse

    root = PACKAGE.parent / "examples" / "lamps"
    source = read_source(root / "po.tacl")
    module, _ = parse(source)
    built = compile_module(module, Reporter(source))
    assert type(built) is Contract
    report = yaml.safe_load((root / "reports" / "late-shipment.yaml").read_text("utf-8"))
    public = CompiledContract.of(built)
    assert public == built and public.sha256 == built.sha256
    assert evaluate(built, report).to_dict() == public.evaluate(report).to_dict()
