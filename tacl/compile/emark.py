"""`spec NAME ℮ Qn` (or `e-mark Qn`) to an `EMarkClause` (language-v2.md §6).

The nominal quantity must be a mass or a volume within the directive's scope,
5 g or ml to 10 kg or l (Article 1); anything else is E233 with help.
"""

from __future__ import annotations

from fractions import Fraction

from tacl.compile import values
from tacl.compile.context import Context
from tacl.compile.ir import Location
from tacl.compile.requirements import EMarkClause
from tacl.standards import compound, emark
from tacl.standards.exact import format_quantity
from tacl.syntax import ast


def compile_emark(ctx: Context, stmt: ast.Spec, path: str, sku: str) -> None:
    rep = ctx.rep
    quantity = stmt.value.quantity
    constraint = ast.Exact(quantity, span=quantity.span)
    resolved = values.constraint(rep, constraint, ("mass", "volume"), "`℮`")
    if resolved is None:
        return
    nominal = resolved.nominal
    if not emark.SMALLEST <= nominal <= emark.LARGEST:
        rep.error(
            "E233",
            "invalid-e-mark",
            f"℮ {resolved.expected} is outside the directive's scope of 5 g or ml to 10 kg or l",
            stmt.value,
            "Directive 76/211/EEC applies to prepackages of 5 g (ml) to 10 kg (l); "
            "write the limits as a `spec` constraint instead",
        )
        return
    if not ctx.claim_path(path, stmt):
        return
    tne = emark.tolerable_negative_error(nominal)
    unit = compound.lookup(resolved.unit)
    shown = [format_quantity(unit.from_base(v), resolved.unit) for v in (tne, nominal - tne)]
    t2 = format_quantity(unit.from_base(nominal - 2 * tne), resolved.unit)
    expected = (
        f"℮ {resolved.expected}: mean at least {resolved.expected} (Annex II 2.3), "
        f"TNE {shown[0]}, T1 {shown[1]}, none below T2 {t2}"
    )
    ctx.add(
        EMarkClause(
            path,
            expected,
            resolved.dimension,
            resolved.unit,
            Fraction(nominal),
            tne,
            sku,
            location=Location(stmt.span.line, stmt.span.column),
        )
    )
