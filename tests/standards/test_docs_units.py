"""docs/units.md lists every unit of the table, each alias in backticks."""

from __future__ import annotations

from pathlib import Path

from tacl.standards.units import ATOMS, DIMENSIONS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "units.md").read_text("utf-8")


def test_every_unit_and_alias_is_documented() -> None:
    missing = [alias for alias in ATOMS if f"`{alias}`" not in DOC]
    assert not missing, f"docs/units.md lacks {missing}"


def test_every_named_dimension_is_documented() -> None:
    missing = [d.name for d in DIMENSIONS.values() if f"| {d.name}" not in DOC]
    assert not missing, f"docs/units.md lacks the dimensions {missing}"
