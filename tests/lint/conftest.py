"""Helpers for the lint tests: lint a fixture file, compare with (or rewrite) a golden file.

Set TACL_UPDATE_GOLDEN=1 to rewrite the golden files instead of comparing; review
the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
UPDATE = bool(os.environ.get("TACL_UPDATE_GOLDEN"))


def relative(path: Path) -> str:
    """A file's name as the goldens show it: relative to the repository, with slashes."""
    return path.resolve().relative_to(ROOT).as_posix()


def lint_text(path: Path, config=None) -> tuple[list, str]:
    """Lint a file in-process; the diagnostics and the text a user would see."""
    import tacl
    from tacl.render.text import render_text, summary_line
    from tacl.source import SourceFile

    name = relative(path)
    text = path.read_text("utf-8")
    diagnostics = tacl.lint_source(text, name=name, config=config)
    rendered = render_text(diagnostics, {name: SourceFile(name, text)})
    return diagnostics, rendered + ("\n" if rendered else "") + summary_line(diagnostics, 1) + "\n"


def check_golden(path: Path, actual: str) -> None:
    if UPDATE or not path.exists():
        path.write_text(actual, "utf-8")
        if not UPDATE:
            pytest.fail(f"golden file {relative(path)} was missing and has been written")
        return
    assert actual == path.read_text("utf-8"), f"differs from {relative(path)}"


@pytest.fixture
def golden():
    return check_golden


@pytest.fixture
def lint_file():
    return lint_text
