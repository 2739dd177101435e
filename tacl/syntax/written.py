"""Constraints as the contract writes them: `5.000 +0.012/-0 mm`, `at least 25 mm`.

One canonical spelling (`±` for `+/-`, one space between tokens, `+A/-B UNIT`),
numbers exactly as written, so their precision stays. `tacl fmt` prints
constraints with these functions, and the compiler keeps this text on each
measured clause for verdicts to show (the fingerprint counts numbers by value
and never sees it).
"""

from __future__ import annotations

from tacl.syntax import ast


def measure(node: ast.Measure) -> str:
    if node.grade:
        return f"grade {node.number.text}"
    return node.number.text if node.unit is None else f"{node.number.text} {node.unit.text}"


def tolerance(node: ast.Tolerance) -> str:
    if isinstance(node, ast.SymTolerance):
        return f"± {measure(node.amount)}"
    unit = "" if node.unit is None else f" {node.unit.text}"
    return f"+{node.plus.text}/-{node.minus.text}{unit}"


def constraint(node: ast.Constraint) -> str:
    if isinstance(node, ast.Exact):
        return measure(node.value)
    if isinstance(node, ast.Toleranced):
        return f"{measure(node.value)} {tolerance(node.tolerance)}"
    if isinstance(node, ast.Between):
        low = node.low.text if node.low_unit is None else f"{node.low.text} {node.low_unit.text}"
        if node.low_grade:
            low = f"grade {node.low.text}"
        return f"between {low} and {measure(node.high)}"
    if isinstance(node, ast.AtLeast):
        return f"at least {measure(node.value)}"
    return f"at most {measure(node.value)}"
