"""Small SVG plots for the evidence file, drawn from the verdict's data: no plotting library.

Each function returns MarkupSafe `Markup`: every text it places (labels, values
from the report) is escaped first, so a report value cannot become markup.
Coordinates are rounded to one decimal, so the same data always gives the same
bytes. Floats appear only here, for positions on a picture, never on the way to
a verdict.
"""

from __future__ import annotations

import datetime

from markupsafe import Markup, escape

PASS, FAIL = "#1d7a46", "#b42318"
BAND, BAND_EDGE, AXIS, MUTED = "#dff1e6", "#8cc7a2", "#1d2330", "#5b6474"


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(label)}" '
        f'style="max-width:{width}px">'
    )
    return Markup(head + "".join(body) + "</svg>")


def _text(
    x: float,
    y: float,
    text,
    anchor: str = "middle",
    size: float = 10,
    fill: str = MUTED,
    weight: str = "normal",
) -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{_n(size)}" '
        f'fill="{fill}" font-weight="{weight}">{escape(text)}</text>'
    )


def strip_plot(samples, low, high, low_text, high_text, unit: str) -> Markup:
    """Every sample (value, text, passed) on a line against the tolerance band [low, high].

    `low`/`high` are floats or None (an open end); values are in the contract's unit.
    """
    values = [v for v, _t, _p in samples]
    ends = [v for v in (low, high) if v is not None]
    lo, hi = min(values + ends), max(values + ends)
    if low is None:
        lo = min(lo, high - max(abs(high) * 0.1, 1.0))
    if high is None:
        hi = max(hi, low + max(abs(low) * 0.1, 1.0))
    span = (hi - lo) or max(abs(hi) * 0.1, 1.0)
    lo, hi = lo - span * 0.12, hi + span * 0.12
    width, left, right, axis_y = 520, 14, 506, 34

    def x(value: float) -> float:
        return left + (value - lo) / (hi - lo) * (right - left)

    band_left = x(low) if low is not None else left
    band_right = x(high) if high is not None else right
    body = [
        f'<rect x="{_n(band_left)}" y="12" width="{_n(max(band_right - band_left, 1.5))}" '
        f'height="36" fill="{BAND}" stroke="none"/>',
        f'<line x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="{AXIS}" '
        'stroke-width="0.8"/>',
    ]
    for bound, text, anchor in ((low, low_text, "end"), (high, high_text, "start")):
        if bound is None:
            continue
        bx = x(bound)
        body.append(
            f'<line x1="{_n(bx)}" y1="10" x2="{_n(bx)}" y2="50" stroke="{BAND_EDGE}" '
            'stroke-width="1.6"/>'
        )
        offset = -3 if anchor == "end" else 3
        body.append(_text(bx + offset, 60, text, anchor, 9.5, MUTED))
    rows = (-8, 0, 8)
    for index, (value, _text_value, passed) in enumerate(samples):
        colour = PASS if passed else FAIL
        cy = axis_y + rows[index % 3] if len(samples) > 1 else axis_y
        shape = (
            f'<circle cx="{_n(x(value))}" cy="{cy}" r="4.2" fill="{colour}" '
            'fill-opacity="0.85" stroke="#fff" stroke-width="0.8"/>'
        )
        if not passed:
            shape = (
                f'<path d="M{_n(x(value) - 4)} {cy - 4}l8 8m0 -8l-8 8" stroke="{FAIL}" '
                'stroke-width="2.2"/>'
            )
        body.append(shape)
    label = f"{len(samples)} readings against {low_text or '…'} to {high_text or '…'}"
    return _svg(width, 66, body, label)


def lab_to_hex(lab) -> str:
    """A CIELAB (D65) colour as the nearest displayable sRGB hex, for a swatch only."""
    lightness, a, b = lab
    fy = (lightness + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200

    def inverse(t: float) -> float:
        return t**3 if t**3 > 216 / 24389 else (116 * t - 16) / (24389 / 27)

    white = (0.3127 / 0.3290, 1.0, (1.0 - 0.3127 - 0.3290) / 0.3290)
    xyz = (inverse(fx) * white[0], inverse(fy) * white[1], inverse(fz) * white[2])
    matrix = (
        (3.2409699419045226, -1.537383177570094, -0.4986107602930034),
        (-0.9692436362808796, 1.8759675015077202, 0.04155505740717559),
        (0.05563007969699366, -0.20397695888897652, 1.0569715142428786),
    )
    channels = []
    for row in matrix:
        linear = sum(m * c for m, c in zip(row, xyz))
        linear = min(1.0, max(0.0, linear))
        encoded = 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055
        channels.append(round(encoded * 255))
    return "#" + "".join(f"{c:02X}" for c in channels)


def swatches(target, readings) -> Markup:
    """The target colour beside each reading, with its ΔE and pass or fail.

    `target` is (label, hex or None); `readings` are (label, hex or None, ΔE text or
    None, passed).
    """
    size, gap = 54, 14
    width = 20 + (size + gap) * (1 + len(readings))
    body = []
    cells = [(target[0], target[1], None, None), *readings]
    for index, (label, colour, delta, passed) in enumerate(cells):
        left = 10 + index * (size + gap)
        fill = colour or "#ffffff"
        stroke = MUTED if passed is None else (PASS if passed else FAIL)
        body.append(
            f'<rect x="{left}" y="6" width="{size}" height="{size}" rx="4" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="{1 if passed is None else 2.2}"/>'
        )
        if colour is None:
            body.append(_text(left + size / 2, 38, "no value", "middle", 8.5))
        body.append(_text(left + size / 2, 74, _short(label), "middle", 8.5, AXIS))
        if index == 0:
            body.append(_text(left + size / 2, 86, "target", "middle", 8.5, MUTED, "bold"))
        if delta is not None:
            mark = "ΔE " + delta
            body.append(_text(left + size / 2, 86, mark, "middle", 8.5, stroke, "bold"))
    return _svg(width, 92, body, f"target colour and {len(readings)} readings")


def _short(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def aql_bar(found: int, accept: int, reject: int, sample: int) -> Markup:
    """Defects found on a scale from 0 past the rejection number: accept zone, reject zone."""
    top = max(reject + 2, found + 2, 4)
    width, left, right = 520, 14, 506

    def x(count: float) -> float:
        return left + count / top * (right - left)

    body = [
        f'<rect x="{left}" y="14" width="{_n(x(accept + 0.5) - left)}" height="18" fill="{BAND}"/>',
        f'<rect x="{_n(x(reject - 0.5))}" y="14" width="{_n(right - x(reject - 0.5))}" '
        'height="18" fill="#fbe0dd"/>',
        _text(left + 4, 27, f"accept ≤ {accept}", "start", 9, PASS, "bold"),
        _text(right - 4, 27, f"reject ≥ {reject}", "end", 9, FAIL, "bold"),
    ]
    for count in range(top + 1):
        if top <= 30 or count % 5 == 0:
            body.append(_text(x(count), 46, str(count), "middle", 8))
    colour = FAIL if found >= reject else PASS
    fx = x(found)
    body.append(f'<path d="M{_n(fx)} 34l-5 -9h10z" fill="{colour}"/>')
    body.append(_text(fx, 10, f"{found} found in {sample}", "middle", 9, colour, "bold"))
    return _svg(width, 52, body, f"{found} defects found; accept up to {accept}")


def timeline(events) -> Markup:
    """Dated events (label, date, kind) on one axis drawn to scale, labels never overlapping.

    When one quiet stretch takes more than half of the whole span (months between
    signing and shipment), it is cut out and marked with its length in days, so the
    weeks around shipment, inspection and dispute stay readable; each part on
    either side of the cut keeps its own scale.
    """
    events = sorted(events, key=lambda e: (e[1], _KIND_ORDER.get(e[2], 9)))
    width, left, right, axis_y = 700, 30, 670, 0
    x, cut = _scale([day for _l, day, _k in events], left, right)
    body = []
    if cut is None:
        body.append(_axis(left, right))
    else:
        start, end, gap = cut
        body += [_axis(left, start), _axis(end, right)]
        for edge in (start + 12, end - 12):  # the axis is cut: // at each end of the cut
            body.append(
                f'<line x1="{_n(edge - 3)}" y1="6" x2="{_n(edge + 3)}" y2="-6" '
                f'stroke="{AXIS}" stroke-width="1.2"/>'
            )
        body.append(_text((start + end) / 2, 3, f"{gap} days", "middle", 8, MUTED))
    placed: list[tuple[float, int]] = []
    for label, day, kind in events:
        px = x(day)
        wide = _label_width(label)
        row = _free_row(px, wide, placed)
        placed.append((px, row, wide))
        above, level = row % 2 == 0, row // 2
        ty = -16 - level * 26 if above else 28 + level * 26
        colour = _KIND_COLOUR.get(kind, AXIS)
        body.append(
            f'<line x1="{_n(px)}" y1="{axis_y}" x2="{_n(px)}" y2="{_n(ty + (4 if above else -11))}" '
            f'stroke="{colour}" stroke-width="0.7" stroke-dasharray="2 2"/>'
        )
        body.append(f'<circle cx="{_n(px)}" cy="{axis_y}" r="4" fill="{colour}"/>')
        anchor = "start" if px < left + 40 else "end" if px > right - 40 else "middle"
        tx = px - 4 if anchor == "start" else px + 4 if anchor == "end" else px
        body.append(_text(tx, ty - 9, label, anchor, 9, colour, "bold"))
        body.append(_text(tx, ty + 2, day.isoformat(), anchor, 8.5, MUTED))
    above_rows = max((r // 2 for _x, r, _w in placed if r % 2 == 0), default=0)
    below_rows = max((r // 2 + 1 for _x, r, _w in placed if r % 2 == 1), default=0)
    top = -16 - above_rows * 26 - 22
    bottom = max(28, 28 + (below_rows - 1) * 26 + 8) if below_rows else 28
    inner = "".join(body)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 {top} {width} {bottom - top}" '
        f'width="100%" role="img" aria-label="timeline of {len(events)} dates">{inner}</svg>'
    )


def _axis(start: float, end: float) -> str:
    return (
        f'<line x1="{_n(start)}" y1="0" x2="{_n(end)}" y2="0" stroke="{AXIS}" stroke-width="1.2"/>'
    )


_BREAK = 72  # the width a cut-out stretch takes on the axis


def _scale(days: list[datetime.date], left: float, right: float):
    """(day → x, the cut as (x start, x end, days) or None) for sorted days."""
    first, last = days[0], days[-1]
    total = max((last - first).days, 1)
    gaps = [((b - a).days, a, b) for a, b in zip(days, days[1:])]
    gap, before, after = max(gaps, default=(0, first, first), key=lambda g: g[0])
    if gap <= total / 2 or gap <= 30:
        return (lambda day: left + (day - first).days / total * (right - left)), None
    room = right - left - _BREAK
    span_one, span_two = (before - first).days, (last - after).days
    share = span_one / (span_one + span_two) if span_one + span_two else 0.5
    one = room * share
    cut_start, cut_end = left + one, left + one + _BREAK

    def x(day: datetime.date) -> float:
        if day <= before:
            return left + ((day - first).days / span_one * one if span_one else 0)
        if not span_two:
            return right
        return cut_end + (day - after).days / span_two * (right - cut_end)

    return x, (cut_start, cut_end, gap)


_KIND_ORDER = {"contract": 0, "report": 1, "claim": 2}
_KIND_COLOUR = {"contract": "#24426b", "report": "#1d2330", "late": FAIL, "claim": "#7a4cc2"}
_LABEL_WIDTH = 92  # the least room a label takes: `signed`, a date below it
_CHAR_WIDTH = 5.6  # a character of a 9-unit bold label, generously


def _label_width(label: str) -> float:
    """Room a label needs on the axis: long ones (`customs cleared co-3`) need more."""
    return max(_LABEL_WIDTH, len(label) * _CHAR_WIDTH + 8)


def _free_row(px: float, wide: float, placed) -> int:
    """The first row where this label keeps clear of every label already placed in it."""
    row = 0
    while any(r == row and abs(px - other) < (wide + w) / 2 for other, r, w in placed):
        row += 1
    return row
