"""The bundled examples as the renderer tests use them: each contract and its reports."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def contracts() -> list[Path]:
    """Every example contract that compiles (`sloppy/` holds lint fixtures, not orders)."""
    return sorted(p / "po.tacl" for p in (ROOT / "examples").iterdir() if (p / "reports").is_dir())


def reports(contract: Path | None = None) -> list[Path]:
    folders = [contract.parent] if contract else [c.parent for c in contracts()]
    found = []
    for folder in folders:
        for path in sorted((folder / "reports").iterdir()):
            if path.suffix in (".yaml", ".yml", ".json") and not path.name.endswith(
                ".verdict.json"
            ):
                found.append(path)
    return found


def ident(path: Path) -> str:
    return path.relative_to(ROOT / "examples").as_posix()
