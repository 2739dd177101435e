"""Which rules run, and with which settings: the CLI, `[tool.tacl]`, and how they combine.

Sources, in order of precedence:

1. The command line: `--select`, `--extend-select`, `--ignore` (comma-separated
   rule names, codes, code prefixes such as `W10` or `N`, or `ALL`).
2. The `[tool.tacl]` table of the nearest `pyproject.toml` that has one, found by
   walking up from the linted file's folder (from the working folder for `-`).
   Keys: `select`, `extend-select`, `ignore` (arrays of strings, or one
   comma-separated string) and the rules' settings (`min-production-days`,
   `max-quantity-tolerance`, `max-advance-percent`).
3. The default: every rule.

The enabled set is (select, or every rule) + extend-select − ignore. A `--select`
on the command line replaces both the table's `select` and its `ignore` (the user
asked for exactly these rules); `--extend-select` and `--ignore` add to the
table's. Every unknown name, wherever it appears, is an `unknown-rule` warning
with the closest known name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from tacl.diagnostics import Diagnostic
from tacl.errors import UsageError
from tacl.lint import registry
from tacl.source import SourceFile, Span

COMMAND_LINE = "<command line>"
LIST_KEYS = ("select", "extend-select", "ignore")


@attrs.frozen
class Selector:
    """One rule name as written, and where: for the `unknown-rule` warning."""

    word: str
    file: str = COMMAND_LINE
    span: Span | None = None


@attrs.frozen
class LintConfig:
    select: tuple[Selector, ...] | None = None
    extend_select: tuple[Selector, ...] = ()
    ignore: tuple[Selector, ...] = ()
    settings: Mapping[str, int] = attrs.field(factory=dict)
    problems: tuple[Diagnostic, ...] = ()
    source: SourceFile | None = None  # the pyproject text, for code frames

    @classmethod
    def from_cli(
        cls,
        select: str | None = None,
        extend_select: str | None = None,
        ignore: str | None = None,
    ) -> LintConfig:
        """A config from the command line's comma-separated `--select`, `--extend-select`,
        `--ignore`. `--select ""` (or only commas) names no rule, which would lint with
        nothing in silence, so it is a usage error."""
        if select is not None and not _split(select):
            raise UsageError(
                "--select names no rule; give rules or codes (`--select W101,vague-wording`), "
                "or `--select ALL`"
            )
        return cls(
            None if select is None else _split(select),
            _split(extend_select),
            _split(ignore),
        )

    @classmethod
    def from_table(
        cls, table: Mapping[str, object], source: SourceFile | None = None
    ) -> LintConfig:
        """A config from a `[tool.tacl]` table (or a plain dict given to `lint_source`)."""
        return _TableReader(table, source).read()

    def combine(self, cli: LintConfig) -> LintConfig:
        """This (file) config overridden by a command line config (module docstring)."""
        replaced = cli.select is not None
        return LintConfig(
            cli.select if replaced else self.select,
            self.extend_select + cli.extend_select,
            cli.ignore if replaced else self.ignore + cli.ignore,
            self.settings,
            self.problems + cli.problems,
            self.source,
        )

    def resolve(self) -> tuple[frozenset[str], list[Diagnostic]]:
        """The names of the enabled rules, and a warning for every unknown name."""
        unknown: list[Selector] = []
        chosen = set(r.name for r in registry.RULES) if self.select is None else set()
        for group, add in (
            (self.select or (), True),
            (self.extend_select, True),
            (self.ignore, False),
        ):
            for selector in group:
                rules = registry.expand(selector.word)
                if rules is None:
                    unknown.append(selector)
                    continue
                names = {r.name for r in rules}
                chosen = chosen | names if add else chosen - names
        if not any(registry.UNKNOWN_RULE in (registry.expand(s.word) or ()) for s in self.ignore):
            chosen.add(registry.UNKNOWN_RULE.name)  # on unless ignored by name: never lost
        problems = list(self.problems)
        if "unknown-rule" in chosen:
            problems += [unknown_rule(s.word, s.file, s.span) for s in unknown]
        else:
            problems = [p for p in problems if p.rule != "unknown-rule"]
        return frozenset(chosen), problems

    def merged_settings(self) -> dict[str, int]:
        return {**registry.SETTINGS, **self.settings}


def unknown_rule(word: str, file: str, span: Span | None, what: str = "rule") -> Diagnostic:
    rule = registry.UNKNOWN_RULE
    candidates = registry.SETTINGS if what == "setting" else None
    if candidates is not None:
        from tacl.diagnostics import did_you_mean

        help_ = did_you_mean(word, [*LIST_KEYS, *candidates])
    else:
        help_ = registry.suggestion(word)
    message = f"unknown {what} `{word}`"
    return Diagnostic(rule.code, rule.name, rule.severity, message, file, span, help_)


def _split(value: object) -> tuple[Selector, ...]:
    if value is None:
        return ()
    return tuple(Selector(w.strip()) for w in str(value).split(",") if w.strip())


class _TableReader:
    """Reads a `[tool.tacl]` table; names keep their position in the file for frames."""

    def __init__(self, table: Mapping[str, object], source: SourceFile | None):
        self.table = table
        self.source = source
        self.file = source.name if source else "<config>"
        self.problems: list[Diagnostic] = []

    def read(self) -> LintConfig:
        lists = {key: self.names(key) for key in LIST_KEYS if key in self.table}
        settings = {}
        for key, value in self.table.items():
            if key in LIST_KEYS:
                continue
            if key not in registry.SETTINGS:
                self.problems.append(unknown_rule(key, self.file, self.locate(key), "setting"))
            elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise UsageError(
                    f"{self.file}: `{key}` must be a whole number, not {_toml_value(value)}"
                )
            else:
                settings[key] = value
        return LintConfig(
            lists.get("select"),
            lists.get("extend-select", ()),
            lists.get("ignore", ()),
            settings,
            tuple(self.problems),
            self.source,
        )

    def names(self, key: str) -> tuple[Selector, ...]:
        value = self.table[key]
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UsageError(f"{self.file}: `{key}` must be a list of rule names or codes")
        words = [v.strip() for v in value if v.strip()]
        return tuple(Selector(w, self.file, self.locate(w)) for w in words)

    def locate(self, word: str) -> Span | None:
        """Where a name is written in the `[tool.tacl]` table (its first occurrence)."""
        if self.source is None:
            return None
        text = self.source.text
        start = max(0, text.find("[tool.tacl]"))
        at = text.find(word, start)
        return self.source.span(at, at + len(word)) if at != -1 else None


# --- finding pyproject.toml ----------------------------------------------------------


class ConfigFinder:
    """The `[tool.tacl]` config for a linted file, from the nearest pyproject.toml.

    Folders are looked up once each, so linting 2 000 files in one folder reads
    the pyproject once.
    """

    def __init__(self) -> None:
        self._by_dir: dict[str, LintConfig] = {}

    def for_file(self, path: str) -> LintConfig:
        start = os.getcwd() if path == "-" else os.path.dirname(os.path.abspath(path))
        return self.for_dir(start)

    def for_dir(self, directory: str) -> LintConfig:
        cached = self._by_dir.get(directory)
        if cached is None:
            cached = self._load(directory)
            self._by_dir[directory] = cached
        return cached

    def _load(self, directory: str) -> LintConfig:
        candidate = Path(directory) / "pyproject.toml"
        if candidate.is_file():
            config = load_pyproject(candidate)
            if config is not None:
                return config
        parent = os.path.dirname(directory)
        return LintConfig() if parent == directory else self.for_dir(parent)


def load_pyproject(path: Path) -> LintConfig | None:
    """The config of one pyproject.toml, or None when it has no `[tool.tacl]` table."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    relative = os.path.relpath(path)
    name = str(path) if relative.startswith("..") else relative
    table = tool_table(text, name)
    if table is None:
        return None
    return LintConfig.from_table(table, SourceFile(name, text))


def tool_table(text: str, name: str) -> dict[str, object] | None:
    """The `[tool.tacl]` table of a pyproject text, or None when it has none."""
    import tomllib  # only when a pyproject is read: lint runs without one most of the time

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{name}: not valid TOML: {exc}") from None
    tool = data.get("tool")
    if not isinstance(tool, dict):
        return None  # no `[tool]` table (or someone else's odd one): no tacl settings here
    table = tool.get("tacl")
    if table is not None and not isinstance(table, dict):
        raise UsageError(
            f"{name}: `tool.tacl` must be a table (`[tool.tacl]`), not a {_toml_type(table)}"
        )
    return table


def _toml_value(value: object) -> str:
    """A TOML value as its file writes it (`"3"`, `1.5`, `true`), never a Python repr."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (int, float)):
        return str(value)
    return f"a {_toml_type(value)}"


def _toml_type(value: object) -> str:
    return {str: "string", bool: "boolean", int: "integer", float: "float", list: "array"}.get(
        type(value), type(value).__name__
    )


def coerce(config: object) -> LintConfig:
    """A `LintConfig` from what `lint_source` accepts: None, a dict, or a LintConfig."""
    if config is None:
        return LintConfig()
    if isinstance(config, LintConfig):
        return config
    if isinstance(config, Mapping):
        return LintConfig.from_table(config)
    raise UsageError(f"config must be a dict or a LintConfig, not {type(config).__name__}")


def unique(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return list(dict.fromkeys(diagnostics))
