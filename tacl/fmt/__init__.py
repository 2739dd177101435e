"""The formatter: AST + comments → canonical text, checked by a safety net on every run.

`format_source` / `format_text` are the entry points (`tacl fmt` uses the first);
`printer.py` walks the blocks and places comments, `statements.py` and
`phrases.py` spell each statement, `layout.py` settles blank lines and
alignment, `comments.py` reads layout facts from the source, and
`formatter.py` proves that only layout changed. docs/formatting.md describes
the canonical layout.
"""

from tacl.fmt.formatter import FormatError, Formatted, format_source, format_text

__all__ = ["FormatError", "Formatted", "format_source", "format_text"]
