"""Reading `pyproject.toml`: `tomllib` on Python 3.11+, else `tomli`, else a tiny reader.

The tiny reader exists so that Python 3.10 needs no extra dependency. It reads
only the `[tool.tacl]` table and only the values that table holds: strings,
integers, booleans and arrays of strings (one line or several). Anything else in
that table is reported as a usage error; the rest of the file is skipped.
"""

from __future__ import annotations

import re

from tacl.errors import UsageError

try:  # Python 3.11+
    import tomllib as _toml
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    try:
        import tomli as _toml
    except ModuleNotFoundError:
        _toml = None


def tool_table(text: str, name: str) -> dict | None:
    """The `[tool.tacl]` table of a pyproject text, or None when it has none."""
    if _toml is None:  # pragma: no cover - exercised by a test that forces it
        return tiny_tool_table(text, name)
    try:
        data = _toml.loads(text)
    except _toml.TOMLDecodeError as exc:
        raise UsageError(f"{name}: not valid TOML: {exc}") from None
    table = data.get("tool", {}).get("tacl")
    return table if isinstance(table, dict) else None


_HEADER = re.compile(r"^\s*\[\s*tool\s*\.\s*tacl\s*\]\s*(#.*)?$")
_OTHER_HEADER = re.compile(r"^\s*\[")
_KEY = re.compile(r'^\s*("?)([A-Za-z0-9_-]+)\1\s*=\s*(.*)$')
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'')


def tiny_tool_table(text: str, name: str) -> dict | None:
    """The `[tool.tacl]` table, read without a TOML library (see the module docstring)."""
    lines = text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if _HEADER.match(line))
    except StopIteration:
        return None
    table: dict = {}
    pending = ""
    for line in lines[start + 1 :]:
        if not pending and _OTHER_HEADER.match(line):
            break
        pending += " " + _strip_comment(line)
        if pending.count("[") > pending.count("]"):
            continue  # an array goes on over the next line
        if pending.strip():
            key, value = _pair(pending.strip(), name)
            table[key] = value
        pending = ""
    return table


def _strip_comment(line: str) -> str:
    out, quote = [], None
    for char in line:
        if quote is None and char == "#":
            break
        if char in "\"'":
            quote = None if quote == char else (quote or char)
        out.append(char)
    return "".join(out)


def _pair(text: str, name: str) -> tuple[str, object]:
    match = _KEY.match(text)
    if match is None:
        raise UsageError(f"{name}: cannot read `{text}` in [tool.tacl]")
    return match.group(2), _value(match.group(3).strip(), name)


def _value(text: str, name: str):
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"[+-]?\d[\d_]*", text):
        return int(text.replace("_", ""))
    if text.startswith("[") and text.endswith("]"):
        return [
            m.group(1) if m.group(1) is not None else m.group(2) for m in _STRING.finditer(text)
        ]
    match = _STRING.fullmatch(text)
    if match is None:
        raise UsageError(f"{name}: cannot read the value `{text}` in [tool.tacl]")
    return match.group(1) if match.group(1) is not None else match.group(2)
