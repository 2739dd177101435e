"""Fixtures for evaluator tests: the lamp contract and a compliant report to mutate."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

import tacl

ROOT = Path(__file__).resolve().parents[2]

COMPLIANT = {
    "tacl-report": 1,
    "contract": "PO-2026-0412",
    "inspection": {"kind": "post-delivery", "date": "2026-04-24"},
    "shipment": {
        "shipped": "2026-03-13",
        "customs-cleared": "2026-04-20",
        "partial": False,
        "delivered": "2026-04-22",
    },
    "products": {
        "DL-200": {
            "quantity": 1000,
            "size": ["421 x 179 x 121 mm", "420 x 180 x 120 mm"],
            "weight": ["1.21 kg", "1.19 kg"],
            "material": {"body": "Aluminium 6061", "shade": "ABS"},
            "color": {"body": "#1B1A1A"},
            "marking": "DL-200 / Made in China",
            "barcode": "4006381333931",
            "test": {"power on": "pass"},
            "packaging": {
                "unit-packing": "white corrugated box",
                "units-per-carton": 20,
                "carton-size": ["600 x 400 x 301 mm"],
                "carton-weight": ["24.1 kg"],
                "carton-marking": "ACME / DL-200 / 20 pcs",
                "test": {"carton drop": "pass"},
            },
            "aql": {
                "lot-size": 1000,
                "sample-size": 80,
                "defects": {"critical": 0, "major": 3, "minor": 5},
            },
        }
    },
}


@pytest.fixture(scope="session")
def lamps():
    return tacl.load(ROOT / "examples" / "lamps" / "po.tacl")


@pytest.fixture
def report():
    """A fresh compliant report for the lamp contract; tests change what they need."""
    return copy.deepcopy(COMPLIANT)


@pytest.fixture(scope="session")
def compliant():
    """The compliant lamp report itself, for Hypothesis tests: copy it before changing it."""
    return COMPLIANT
