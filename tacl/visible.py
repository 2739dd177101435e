"""Text from contracts and reports, made visible and harmless before a terminal shows it.

A report comes from a third party and a contract from anyone; their text reaches
the screen in verdicts, diagnostics and error lines. `visible` is the one function
every text renderer calls on such text (JSON stays exact; HTML has its own
escaping). It guarantees that the result holds no character that a terminal acts
on or that hides what the text says:

- C0 controls and DEL become their Unicode control pictures (ESC → ␛, LF → ␊,
  DEL → ␡): one column each, so code frames keep their carets aligned;
- C1 controls (CSI among them), bidirectional overrides, embeddings, isolates and
  marks, every other format character (zero-width space and joiners, soft hyphen,
  BOM, tag characters), line and paragraph separators, lone surrogates (a file name
  that is not UTF-8) and unassigned code points become `\\u{XXXX}`, the escape a
  contract string itself uses;
- a combining mark is written `\\u{XXXX}` too when it stands alone (at the start,
  after a space or another escaped character), follows an ASCII character, or
  would compose with the character before it under NFC: `"Cafe\\u{301}"` shows why
  it is not written like `"Café"`, while the marks that scripts such as Devanagari
  or Thai are written with are left as they are.

Ordinary text (ASCII or not) comes back unchanged, and fast.
"""

from __future__ import annotations

import unicodedata

#: Characters that are printed as something else: control pictures for C0 and DEL.
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES[0x7F] = "\u2421"

_ESCAPED_CATEGORIES = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs", "Cn"))
_MARKS = frozenset(("Mn", "Me"))


def visible(text: str) -> str:
    """`text` with every control, invisible and detached combining character spelled out."""
    if text.isprintable() and (text.isascii() or not _has_marks(text)):
        return text
    out = []
    base = ""  # the character a following mark would sit on; "" when it stands alone
    for char in text:
        code = ord(char)
        picture = _PICTURES.get(code)
        if picture is not None:
            out.append(picture)
            base = ""
            continue
        category = unicodedata.category(char)
        if category in _ESCAPED_CATEGORIES or (category in _MARKS and _detached(base, char)):
            out.append(f"\\u{{{code:X}}}")
            base = ""
        else:
            out.append(char)
            base = "" if category.startswith("Z") else char if category not in _MARKS else base
    return "".join(out)


def _has_marks(text: str) -> bool:
    return any(unicodedata.combining(char) for char in text)


def _detached(base: str, mark: str) -> bool:
    """A mark shown escaped: alone, on ASCII, or one that NFC would compose into its base."""
    if not base or base.isascii():
        return True
    return len(unicodedata.normalize("NFC", base + mark)) == 1


def visible_width(text: str) -> int:
    """Terminal columns of already visible text: wide and fullwidth count two, marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def clip(text: str, keep: int = 60) -> str:
    """`text` cut to its first `keep` characters for a message, saying how long it was.

    A report value or a contract line can be 10 000 characters; a message that
    echoes it whole buries the point and multiplies the output. Cut values still
    say what they start with and how long they are: a caller writing
    `f'"{clip(value)}"'` shows `"AAAA… (10,000 characters)"`.
    """
    if len(text) <= keep:
        return text
    return f"{text[:keep]}… ({len(text):,} characters)"
