"""Every lint rule and its code, in one table: the `RULES` tuple.

Code scheme: a letter for the default severity (W warning, N note), then three
digits, unique across both letters. The tens digit groups rules by topic:

    10x  completeness: what the contract leaves out
    11x  wording
    12x  measurements and tolerances
    13x  money, protection and remedies
    14x  inspection and claims
    15x  colour
    16x  dates and shipment
    17x  packaging and marking
    19x  the linter's own: unknown rule names, stale suppressions

A code is never reused for another rule once released.
"""

from __future__ import annotations

from tacl.diagnostics import did_you_mean
from tacl.lint.rule import Rule
from tacl.lint.rules import (
    color_code_without_lab,
    color_name_only,
    coverage_below_order_value,
    deliver_by_under_incoterm,
    delivery_before_shipment,
    high_advance_payment,
    incoterm_without_place,
    loose_aql,
    mean_without_sample_count,
    measurement_in_test_name,
    missing_advance_payment,
    missing_barcode,
    missing_carton_marking,
    missing_claims,
    missing_color,
    missing_color_tolerance,
    missing_coverage_limit,
    missing_inspection,
    missing_material,
    missing_order_value,
    missing_packaging,
    missing_party,
    missing_quantity,
    missing_ship_date,
    missing_signed_date,
    missing_size,
    missing_tolerance,
    missing_units_per_carton,
    penalty_without_cap,
    reduced_inspection_level,
    response_outlasts_claim_window,
    shared_barcode,
    shipment_without_goods,
    short_production_time,
    tolerance_exceeds_value,
    undescribed_carton,
    unknown_rule,
    unused_size_chart,
    unused_suppression,
    vague_wording,
    wide_quantity_tolerance,
    wrong_limit_direction,
)

_TABLE = (
    ("W101", missing_ship_date),
    ("W102", missing_quantity),
    ("W103", missing_size),
    ("W104", missing_material),
    ("W105", missing_color),
    ("W106", missing_packaging),
    ("W107", missing_party),
    ("W108", missing_signed_date),
    ("W109", missing_order_value),
    ("W111", vague_wording),
    ("W112", measurement_in_test_name),
    ("W121", missing_tolerance),
    ("W122", tolerance_exceeds_value),
    ("W123", wrong_limit_direction),
    ("W124", wide_quantity_tolerance),
    ("W125", mean_without_sample_count),
    ("W131", missing_coverage_limit),
    ("W132", coverage_below_order_value),
    ("W133", missing_advance_payment),
    ("W134", high_advance_payment),
    ("W135", penalty_without_cap),
    ("N141", missing_inspection),
    ("W142", loose_aql),
    ("W143", reduced_inspection_level),
    ("N144", missing_claims),
    ("W145", response_outlasts_claim_window),
    ("W151", color_name_only),
    ("W152", color_code_without_lab),
    ("W153", missing_color_tolerance),
    ("W161", short_production_time),
    ("W162", incoterm_without_place),
    ("W163", delivery_before_shipment),
    ("W167", deliver_by_under_incoterm),
    ("W168", shipment_without_goods),
    ("W171", missing_carton_marking),
    ("W172", missing_units_per_carton),
    ("N173", missing_barcode),
    ("W177", shared_barcode),
    ("W178", undescribed_carton),
    ("W179", unused_size_chart),
    ("W191", unknown_rule),
    ("N192", unused_suppression),
)

RULES: tuple[Rule, ...] = tuple(Rule.from_module(code, module) for code, module in _TABLE)
BY_NAME = {rule.name: rule for rule in RULES}
BY_CODE = {rule.code: rule for rule in RULES}
UNKNOWN_RULE = BY_NAME["unknown-rule"]
SETTINGS = {key: default for rule in RULES for key, default in rule.settings.items()}


def lookup(word: str) -> Rule | None:
    """A rule by its name or its code (codes in any case)."""
    return BY_NAME.get(word) or BY_CODE.get(word.upper())


def expand(selector: str) -> tuple[Rule, ...] | None:
    """The rules a selector names: a name, a code, a code prefix (`W10`, `N`) or `ALL`.

    None when it names nothing; the caller reports that as `unknown-rule`.
    """
    rule = lookup(selector)
    if rule is not None:
        return (rule,)
    upper = selector.upper()
    if upper == "ALL":
        return RULES
    if upper[:1] in ("W", "N") and (upper[1:].isdigit() or len(upper) == 1) and len(upper) < 4:
        matched = tuple(r for r in RULES if r.code.startswith(upper))
        return matched or None
    return None


def suggestion(word: str) -> str | None:
    """A `did you mean` help for an unknown rule name or code."""
    return did_you_mean(word, [*BY_NAME, *BY_CODE])


def sarif_rules():
    """The registry as SARIF rule descriptors (`RuleInfo`), in code order."""
    from tacl.render.sarif import RuleInfo

    return [
        RuleInfo(r.code, r.name, r.severity, r.summary, r.section("What it does") or r.summary)
        for r in sorted(RULES, key=lambda r: r.code[1:])
    ]
