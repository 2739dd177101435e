"""The linter: rules over a compiled contract's AST and meaning, one rule a module.

    registry.py   the RULES tuple: every rule's code, in one table
    rule.py       `Rule` and the `Context` a rule's check receives
    walk.py       small AST helpers the rules share
    config.py     select / ignore / settings from the CLI and `[tool.tacl]`
    suppress.py   `# tacl: ignore[rule]` comments
    runner.py     lint one file: compile, run the enabled rules, drop suppressed findings
    docs.py       docs/rules/*.md generated from the rules' docstrings

Lint runs only on contracts that compile: a contract with errors yields its
error diagnostics and nothing else.
"""
