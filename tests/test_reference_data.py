"""The test oracles in tests/data are the verbatim copies SOURCES.md lists.

A reference table edited to agree with the code would let a wrong result pass;
the checksums recorded beside each source make such an edit visible.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ROW = re.compile(r"^\| `(?P<file>[^`]+)` \|.*\| `(?P<sha>[0-9a-f]{64})` \|$", re.M)


def listed() -> dict[str, str]:
    return {m["file"]: m["sha"] for m in ROW.finditer((DATA / "SOURCES.md").read_text("utf-8"))}


def test_every_reference_file_is_listed_with_its_checksum():
    files = {
        path.relative_to(DATA).as_posix()
        for path in DATA.rglob("*")
        if path.is_file() and path.name != "SOURCES.md"
    }
    assert files == set(listed())


def test_every_reference_file_matches_its_checksum():
    for name, sha in listed().items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == sha, name


def test_no_reference_file_is_the_packages_own_table():
    """The package's tables are not read as expectations: no test opens tacl/data."""
    tests = Path(__file__).resolve().parent
    for path in tests.rglob("*.py"):
        if path == Path(__file__).resolve():
            continue
        text = path.read_text("utf-8")
        assert '"tacl" / "data"' not in text and "tacl/data/" not in text, path


def test_nothing_reads_outside_the_repository():
    """A clone stands alone: no test, benchmark or module reaches for the `shared` folder
    that sits beside the repository in the development workspace (a user's clone has
    nothing beside it)."""
    root = Path(__file__).resolve().parents[1]
    outside = re.compile(r"""TACL_SHARED|\.\.[/\\]shared|/ ["']shared["']|parent / ["']shared""")
    for folder in ("tacl", "tests", "benchmarks", "scripts", ".ci"):
        for path in (root / folder).rglob("*"):
            if path.is_file() and path.suffix in {".py", ".sh", ""} and path != Path(__file__):
                text = path.read_text("utf-8", errors="replace")
                assert not outside.search(text), path
