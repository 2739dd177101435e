"""`tacl explain CODE`: the documentation of a lint rule, a compile error or a report warning.

A lint rule (`vague-wording`, `W101`) prints the page `python -m tacl.lint.docs`
writes to docs/rules/<name>.md. A compile error (`E104`, `unknown-unit`) prints its
section of docs/language.md, and a report warning (`R001`) its row of
docs/reports.md: both pages ship inside the package (`tacl.docs`), so an installed
tacl explains what it reports and the terminal and the docs never disagree.

An unknown code is a usage error (exit 2); the suggestion stays in the code's
family (`E104` is never answered with the unrelated lint rule `W104`).
"""

from __future__ import annotations

import re
import sys

from tacl.errors import UsageError

_SECTION = re.compile(r"^### ([ER][0-9]{3}) `([a-z0-9-]+)`$", re.M)
_ROW = re.compile(r"^\| (R[0-9]{3}) \| `([a-z0-9-]+)` \| (.*) \|$", re.M)
_CODE = re.compile(r"[A-Za-z][0-9]+")


def run(rule: str) -> int:
    from tacl.lint import registry
    from tacl.lint.docs import rule_page

    word = rule.strip()
    found = registry.lookup(word)
    if found is not None:
        sys.stdout.write(rule_page(found, stamp=False))
        return 0
    pages = code_pages()
    page = pages.get(word.upper()) or pages.get(word)
    if page is not None:
        sys.stdout.write(page)
        return 0
    hint = _suggestion(word, registry, pages)
    raise UsageError(f"unknown rule or code `{rule}`" + (f"; {hint}" if hint else ""))


def code_pages() -> dict[str, str]:
    """The page of every compile error and report warning, by code and by rule name."""
    pages: dict[str, str] = {}
    language, reports = _doc("language.md"), _doc("reports.md")
    matches = list(_SECTION.finditer(language))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(language)
        body = language[match.end() : end].split("\n## ", 1)[0].strip()
        code, name = match.groups()
        page = f"# {code} `{name}` (compile error)\n\n{body}\n\nFrom docs/language.md.\n"
        pages[code], pages[name] = page, page
    for code, name, when in _ROW.findall(reports):
        page = f"# {code} `{name}` (report warning)\n\n{when}\n\nFrom docs/reports.md §3.\n"
        pages[code], pages[name] = page, page
    return pages


def _doc(name: str) -> str:
    """A docs page: from the installed package (`tacl.docs`), or beside a source checkout
    (`docs/`, where an editable install or `python -m` from the tree finds it)."""
    from importlib import resources
    from pathlib import Path

    try:
        return resources.files("tacl.docs").joinpath(name).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        pass
    beside = Path(__file__).resolve().parents[2] / "docs" / name
    return beside.read_text("utf-8") if beside.is_file() else ""


def _suggestion(word: str, registry, pages: dict[str, str]) -> str | None:
    """`did you mean`, among codes of the same letter for a code, else among names."""
    from tacl.diagnostics import did_you_mean

    known = [*registry.BY_CODE, *registry.BY_NAME, *pages]
    if _CODE.fullmatch(word):
        family = word[0].upper()
        return did_you_mean(
            word.upper(), [k for k in known if _CODE.fullmatch(k) and k[0] == family]
        )
    return did_you_mean(word, [k for k in known if not _CODE.fullmatch(k)])
