"""Issue 8 item 11: `tacl fmt` replaces a file whole or not at all, and never loses an edit.

A size limit (`RLIMIT_FSIZE`, in a subprocess) and a really full file system (a
64 KB tmpfs in a private mount namespace, where `unshare` allows one) must leave
the contract exactly as it was, say why, and exit 2; the file keeps its mode; an
edit saved while tacl was formatting is kept; no temporary file is left behind.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tacl.commands.replace import ReplaceError, replace_file

ROOT = Path(__file__).resolve().parents[2]
TACL = shutil.which("tacl", path=str(Path(sys.executable).parent)) or "tacl"
LAMPS = (ROOT / "examples" / "lamps" / "po.tacl").read_text("utf-8")
# Unformatted: every statement indented by 7 spaces instead of 2 or 4
SLOPPY = "\n".join(
    ("       " + line.lstrip()) if line.strip() else line for line in LAMPS.split("\n")
)


def _formatted(tmp_path: Path) -> bytes:
    probe = tmp_path / "probe.tacl"
    probe.write_text(SLOPPY, "utf-8")
    subprocess.run([TACL, "fmt", str(probe)], check=True, capture_output=True)
    return probe.read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tacl-tmp"))


def test_a_file_size_limit_leaves_the_contract_whole(tmp_path: Path) -> None:
    formatted = _formatted(tmp_path)
    contract = tmp_path / "po.tacl"
    contract.write_text(SLOPPY, "utf-8")
    assert len(formatted) < len(SLOPPY.encode())  # the limit stops the new text only
    limit = len(formatted) // 2
    script = textwrap.dedent(
        f"""
        import resource, subprocess, sys
        resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
        done = subprocess.run([{TACL!r}, "fmt", {str(contract)!r}], capture_output=True, text=True)
        sys.stderr.write(done.stderr)
        sys.exit(done.returncode)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "File too large" in done.stderr and "the file is unchanged" in done.stderr
    assert "Traceback" not in done.stderr
    assert contract.read_text("utf-8") == SLOPPY
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare(1)")
def test_a_full_file_system_leaves_the_contract_whole(tmp_path: Path) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    source = tmp_path / "sloppy.tacl"
    source.write_text(SLOPPY, "utf-8")
    script = textwrap.dedent(
        f"""
        set -e
        mount -t tmpfs -o size=64k tmpfs {mount}
        cp {source} {mount}/po.tacl
        dd if=/dev/zero of={mount}/filler bs=1k count=1000 2>/dev/null || true
        set +e
        {TACL} fmt {mount}/po.tacl
        echo "exit=$?"
        cmp -s {source} {mount}/po.tacl && echo "unchanged"
        ls -a {mount}
        """
    )
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True)
    if "mount:" in done.stderr and "exit=" not in done.stdout:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    assert "exit=2" in done.stdout, (done.stdout, done.stderr)
    assert "unchanged" in done.stdout
    assert "No space left on device" in done.stderr and "the file is unchanged" in done.stderr
    assert ".tacl-tmp" not in done.stdout  # `ls -a` of the full file system


def test_the_mode_is_kept(tmp_path: Path) -> None:
    contract = tmp_path / "po.tacl"
    contract.write_text(SLOPPY, "utf-8")
    contract.chmod(0o640)
    done = subprocess.run([TACL, "fmt", str(contract)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(contract.stat().st_mode) == 0o640
    assert contract.read_bytes() == _formatted(tmp_path)


def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.tacl"
    real.write_text(SLOPPY, "utf-8")
    link = tmp_path / "po.tacl"
    link.symlink_to(real.name)
    done = subprocess.run([TACL, "fmt", str(link)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_bytes() == _formatted(tmp_path)


def test_a_file_with_hard_links_is_refused_not_split(tmp_path: Path) -> None:
    contract = tmp_path / "po.tacl"
    contract.write_text(SLOPPY, "utf-8")
    os.link(contract, tmp_path / "other-name.tacl")
    done = subprocess.run([TACL, "fmt", str(contract)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "hard links" in done.stderr
    assert contract.read_text("utf-8") == SLOPPY
    assert os.stat(contract).st_nlink == 2


def test_an_edit_saved_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    contract = tmp_path / "po.tacl"
    contract.write_text("the editor's newer text", "utf-8")
    with pytest.raises(ReplaceError, match="changed while it was being formatted"):
        replace_file(str(contract), b"formatted", b"what tacl read first")
    assert contract.read_text("utf-8") == "the editor's newer text"
    assert _leftovers(tmp_path) == []


def test_a_replaced_file_holds_exactly_the_new_bytes(tmp_path: Path) -> None:
    contract = tmp_path / "po.tacl"
    contract.write_bytes(b"old")
    replace_file(str(contract), b"new text\n", b"old")
    assert contract.read_bytes() == b"new text\n"
    assert _leftovers(tmp_path) == []


def test_an_unwritable_folder_is_an_error_and_the_file_stays(tmp_path: Path) -> None:
    contract = tmp_path / "po.tacl"
    contract.write_bytes(b"old")
    missing = tmp_path / "gone" / "po.tacl"
    with pytest.raises(ReplaceError, match="cannot write"):
        replace_file(str(missing), b"new", b"old")
