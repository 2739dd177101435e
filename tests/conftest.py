"""Shared test setup: Hypothesis profiles, paths, and the golden-file switch.

Set TACL_UPDATE_GOLDEN=1 to rewrite golden files instead of comparing; review the
diff like code. HYPOTHESIS_PROFILE=thorough runs more examples.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"  # reference data copied into the repository; see SOURCES.md

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def examples_dir() -> Path:
    return ROOT / "examples"
