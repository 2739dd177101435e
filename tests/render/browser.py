"""Headless Chromium (Debian's `chromium`) and poppler's `pdftotext`, as the tests drive them.

Each call starts a fresh browser with a fresh profile and every network feature
off, prints or photographs one local file, and returns what it wrote. A tiny
PNG reader (stdlib zlib) lets a test see whether a screenshot shows anything.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(page: Path, *args: str) -> None:
    with tempfile.TemporaryDirectory(prefix="tacl-chromium-") as profile:
        subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
            env={**os.environ, "HOME": profile},
        )


def print_pdf(page: Path, pdf: Path) -> Path:
    _run(page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    return pdf


def screenshot(page: Path, png: Path, width: int = 1000, height: int = 1400) -> Path:
    _run(page, f"--window-size={width},{height}", f"--screenshot={png}")
    return png


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_pages(pdf: Path) -> int:
    """Pages of a PDF: pdftotext separates them with form feeds."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.count("\f")


def pdf_page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    line = next(x for x in info.splitlines() if x.startswith("Page size:"))
    width, _x, height = line.split(":", 1)[1].split()[:3]
    return float(width), float(height)


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit, non-interlaced PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _c, _f, interlace = header
    assert depth == 8 and interlace == 0 and colour in (2, 6), header
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    rows, previous, stride = [], bytearray(width * step), width * step
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def ink(path: Path) -> float:
    """The share of pixels, on a sample grid, that are not near-white."""
    width, height, rows = png_pixels(path)
    step = 4 if len(rows[0]) == width * 4 else 3
    seen = dark = 0
    for y in range(0, height, 7):
        row = rows[y]
        for x in range(0, width, 7):
            r, g, b = row[x * step : x * step + 3]
            seen += 1
            dark += (r + g + b) < 600
    return dark / seen
