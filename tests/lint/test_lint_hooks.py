"""`.pre-commit-hooks.yaml`: the two hooks a contract repository can use."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_pre_commit_hooks():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"tacl-lint", "tacl-fmt"}
    assert hooks["tacl-lint"]["entry"] == "tacl lint"
    assert hooks["tacl-fmt"]["entry"] == "tacl fmt"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert re.search(hook["files"], "contracts/po.tacl")
        assert not re.search(hook["files"], "po.tacl.bak")
