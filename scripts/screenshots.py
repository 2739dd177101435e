"""Regenerate the README's screenshots (docs/images/) with headless Chromium.

    .venv/bin/python scripts/screenshots.py

The plan of the lamp order and the evidence file of its quality report, as a
reader sees them on screen; uses the same browser helper as the tests.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("browser", ROOT / "tests" / "render" / "browser.py")
browser = importlib.util.module_from_spec(spec)
spec.loader.exec_module(browser)

LAMPS = Path("examples") / "lamps"  # relative: the page shows the report's path as typed
SHOTS = {
    "plan.png": ["plan", "--format", "html", str(LAMPS / "po.tacl")],
    "evidence.png": [
        "check",
        str(LAMPS / "po.tacl"),
        str(LAMPS / "reports" / "quality.json"),
        "--format",
        "html",
    ],
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, args in SHOTS.items():
            page = Path(folder) / (name + ".html")
            html = subprocess.run(
                [sys.executable, "-m", "tacl.cli", *args], capture_output=True, cwd=ROOT
            )
            page.write_bytes(html.stdout)
            browser.screenshot(page, ROOT / "docs" / "images" / name, width=900, height=1300)
            print(f"docs/images/{name}")


if __name__ == "__main__":
    main()
