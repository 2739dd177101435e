"""One lint rule a module; the module's docstring is the rule's documentation.

Codes are given in `tacl/lint/registry.py`, not here, so that one table shows
them all and no two rules can take the same code unnoticed.
"""
