"""Replacing a file the user named, all at once or not at all (`tacl fmt`, issue 8 item 11).

Rewriting a contract in place truncates it first: a full disk or a file-size limit
then leaves it cut in half. Instead, `replace_file`:

1. writes the new bytes to a temporary file in the same folder (so the final step
   is a rename within one file system), named `.NAME.XXXX.tacl-tmp`;
2. flushes and fsyncs it, and gives it the original's permission bits (and owner
   and group where the process may);
3. reads the original once more and refuses to go on if it no longer holds what was
   read at the start: an editor that saved meanwhile keeps its edit;
4. `os.replace`s the original with it (atomic on POSIX and Windows) and fsyncs
   the folder, so the rename itself survives a crash.

On any failure the temporary file is removed and the original is untouched; the
error says so. A symbolic link is followed: the file it points to is replaced and
the link stays a link. A file with several hard links is refused rather than split
from its other names (a rename gives it a new inode).
"""

from __future__ import annotations

import contextlib
import os
import tempfile

from tacl.errors import TaclError


class ReplaceError(TaclError):
    """The file could not be replaced; it is as it was."""


def replace_file(path: str, data: bytes, expected: bytes) -> None:
    """Replace the file at `path`, which held `expected` when it was read, with `data`."""
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
    except OSError as exc:
        raise ReplaceError(f"cannot write {path}: {_reason(exc)}") from None
    if info.st_nlink > 1:
        raise ReplaceError(
            f"{path} has {info.st_nlink} hard links; not replaced, so that they stay one file "
            "(format a copy, or `tacl fmt - < FILE`)"
        )
    folder, name = os.path.split(target)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tacl-tmp", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _copy_mode(info, temporary)
        if _current(target) != expected:
            raise ReplaceError(f"{path} changed while it was being formatted; not replaced")
        os.replace(temporary, target)
        temporary = None
        _sync_folder(folder)
    except OSError as exc:
        raise ReplaceError(f"cannot write {path}: {_reason(exc)}; the file is unchanged") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _copy_mode(info: os.stat_result, temporary: str) -> None:
    os.chmod(temporary, info.st_mode & 0o7777)
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.chown(temporary, info.st_uid, info.st_gid)


def _current(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _sync_folder(folder: str) -> None:
    """fsync the folder, so that the rename is on disk too (where the platform allows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
