"""Resolving the paths a user names: files, folders searched for `*.tacl`, and `-`."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import attrs

from tacl.diagnostics import ERROR, Diagnostic
from tacl.errors import UsageError
from tacl.pipeline import decode_source, read_source
from tacl.source import SourceFile, read_stdin

STDIN = "-"


@attrs.frozen
class Expanded:
    """The files a command works on, and what could not be searched (error diagnostics)."""

    files: list[str]
    problems: list[Diagnostic]


def expand(paths, suffix: str = ".tacl") -> Expanded:
    """Files in the order named; folders contribute their `*.tacl` files, sorted.

    Nothing is skipped in silence: a folder that cannot be read (E010), a symbolic
    link that leads back into its own folder (E011) and a link that leads nowhere
    (E009) are each an error diagnostic, which `lint` and `fmt` report and count.
    Links to folders are followed, each folder searched once.
    """
    found: list[str] = []
    problems: list[Diagnostic] = []
    if list(paths).count(STDIN) > 1:
        raise UsageError("standard input (`-`) can be read only once")
    for path in paths:
        if path == STDIN:
            found.append(STDIN)
        elif os.path.isdir(path):
            _walk(path, suffix, found, problems, set(), set())
        elif os.path.exists(path):
            found.append(path)
        elif os.path.islink(path):
            problems.append(_dangling(path))
        else:
            raise UsageError(f"no such file or folder: {path}")
    return Expanded(found, problems)


def _walk(folder: str, suffix: str, found: list, problems: list, ancestors: set, seen: set) -> None:
    """Search one folder: its matching files sorted by name, then each subfolder in turn."""
    try:
        info = os.stat(folder)
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(
            _problem(
                folder, "E010", "unreadable-folder", f"cannot read folder `{folder}`: {_why(exc)}"
            )
        )
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return  # reached again through another link: its files are listed already
    seen.add(key)
    ancestors = ancestors | {key}
    folders = []
    for entry in entries:
        path = str(Path(folder, entry.name))  # `./a.tacl` is `a.tacl`, as the user wrote
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            problems.append(
                _problem(path, "E009", "unreadable-file", f"cannot read `{path}`: {_why(exc)}")
            )
            continue
        if is_dir:
            folders.append((path, entry))
        elif is_file:
            if entry.name.endswith(suffix):
                found.append(path)
        elif entry.is_symlink() and entry.name.endswith(suffix):
            problems.append(_dangling(path))
    for path, entry in folders:
        try:
            target = os.stat(path)
        except OSError as exc:
            problems.append(
                _problem(
                    path, "E010", "unreadable-folder", f"cannot read folder `{path}`: {_why(exc)}"
                )
            )
            continue
        if (target.st_dev, target.st_ino) in ancestors:
            problems.append(
                _problem(
                    path,
                    "E011",
                    "symlink-loop",
                    f"`{path}` links back to `{os.readlink(path) if entry.is_symlink() else path}`, "
                    "a folder it is in; not searched again",
                )
            )
            continue
        _walk(path, suffix, found, problems, ancestors, seen)


def _dangling(path: str) -> Diagnostic:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    message = f"cannot read `{path}`: it links to `{target}`, which does not exist"
    if os.path.islink(path) and os.path.lexists(path):
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                message = f"cannot read `{path}`: its links go round in a loop"
    return _problem(path, "E009", "unreadable-file", message)


def _problem(path: str, code: str, rule: str, message: str) -> Diagnostic:
    return Diagnostic(code, rule, ERROR, message, path, None, None)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def read(path: str) -> SourceFile:
    """The source of a path, `-` being standard input (reported as `<stdin>`)."""
    if path == STDIN:
        return decode_source(read_stdin(), "<stdin>")
    return read_source(path)


def compile_or_report(path: str):
    """(source, compiled contract) of a path, or None after printing its errors to stderr."""
    from tacl.commands.output import print_diagnostics
    from tacl.errors import ContractError
    from tacl.pipeline import compile_source_file

    try:
        source = read(path)
        return source, compile_source_file(source)
    except ContractError as exc:
        print_diagnostics(exc.diagnostics, exc.sources, stream=sys.stderr)
        return None
