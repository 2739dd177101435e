"""Colour maths for colour clauses: sRGB hex → CIELAB (D65), CIEDE2000, CIE76.

A contract's ``color body #1A1A1A ± 2 dE`` compares the measured colour with
the target in CIELAB under D65 (language.md §5.2). This is the one place in
TACL where floats are allowed: colour difference is defined on real numbers
and a tolerance in ΔE is never an exact-decimal question.

Why not coloraide at run time: importing it costs about 210 ms, as much as
the rest of a cold ``tacl`` start, and only contracts with a ΔE clause need
it. The formulas are short, and the tests pin them to the 34 reference pairs
of Sharma, Wu and Dalal (2005) and to coloraide itself on random inputs, so
owning them is cheap and safe.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from numbers import Real

__all__ = ["delta_e_2000", "delta_e_76", "hex_to_lab"]

Lab = tuple[float, float, float]

# Linear sRGB → CIE XYZ, derived from the sRGB primaries and the D65 white
# chromaticity (0.3127, 0.3290) as in CSS Color 4; the same matrix coloraide
# uses, so ``hex_to_lab`` agrees with its ``lab-d65`` space.
#: The range a contract or a report may give CIELAB a* and b* in (±128, as real surface
#: colours stay well inside it); lightness L* runs from 0 to 100.
LAB_AB_LIMIT = 128

_RGB_TO_XYZ = (
    (0.4123907992659593, 0.357584339383878, 0.1804807884018343),
    (0.21263900587151024, 0.715168678767756, 0.07219231536073371),
    (0.01933081871559182, 0.11919477979462598, 0.9505321522496607),
)
# D65 reference white, XYZ with Y = 1, from the same chromaticity.
_WHITE = (0.3127 / 0.3290, 1.0, (1.0 - 0.3127 - 0.3290) / 0.3290)
_EPSILON = 216 / 24389  # (6/29)^3: below it CIELAB's f(t) is linear
_KAPPA = 24389 / 27
_POW25_7 = 25.0**7


def hex_to_lab(hex: str) -> Lab:
    """CIELAB (D65) of an sRGB colour written ``#RRGGBB`` (either case).

    sRGB values are decoded with the IEC 61966-2-1 transfer function, taken
    to XYZ with D65 as sRGB's own white (no chromatic adaptation) and to
    CIELAB against that same white.
    """
    if len(hex) != 7 or hex[0] != "#" or not all(c in "0123456789abcdefABCDEF" for c in hex[1:]):
        raise ValueError(f"expected a colour #RRGGBB, got {hex!r}")
    rgb = [_decode(int(hex[i : i + 2], 16) / 255) for i in (1, 3, 5)]
    xyz = [sum(m * c for m, c in zip(row, rgb, strict=True)) for row in _RGB_TO_XYZ]
    fx, fy, fz = (_f(value / white) for value, white in zip(xyz, _WHITE, strict=True))
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e_76(lab1: Sequence[Real], lab2: Sequence[Real]) -> float:
    """CIE76 colour difference: the Euclidean distance in CIELAB."""
    return math.dist(_floats(lab1), _floats(lab2))


def delta_e_2000(lab1: Sequence[Real], lab2: Sequence[Real]) -> float:
    """CIEDE2000 colour difference with kL = kC = kH = 1.

    Follows Sharma, Wu and Dalal (2005) equation by equation, including their
    notes: the hue angle of a colour with a′ = b = 0 is 0; when either chroma
    C′ is 0 the hue difference is 0 and the mean hue is the plain sum; else
    hue differences and means go the short way round the circle. Symmetric in
    its arguments. Accepts any real numbers (``Decimal`` from a contract too).
    """
    l1, a1, b1 = _floats(lab1)
    l2, a2, b2 = _floats(lab2)
    c_mean7 = ((_chroma(a1, b1) + _chroma(a2, b2)) / 2) ** 7
    g = 0.5 * (1 - math.sqrt(c_mean7 / (c_mean7 + _POW25_7)))
    ap1, ap2 = (1 + g) * a1, (1 + g) * a2
    cp1, cp2 = _chroma(ap1, b1), _chroma(ap2, b2)
    hp1, hp2 = _hue_degrees(ap1, b1), _hue_degrees(ap2, b2)

    chroma_product = cp1 * cp2
    hue_diff = hp2 - hp1
    if chroma_product == 0:
        dhp = 0.0
    elif abs(hue_diff) <= 180:
        dhp = hue_diff
    else:
        dhp = hue_diff - 360 if hue_diff > 180 else hue_diff + 360
    dL, dC = l2 - l1, cp2 - cp1
    dH = 2 * math.sqrt(chroma_product) * math.sin(math.radians(dhp / 2))

    l_mean, cp_mean = (l1 + l2) / 2, (cp1 + cp2) / 2
    hue_sum = hp1 + hp2
    if chroma_product == 0:
        h_mean = hue_sum
    elif abs(hp1 - hp2) <= 180:
        h_mean = hue_sum / 2
    else:
        h_mean = (hue_sum + 360) / 2 if hue_sum < 360 else (hue_sum - 360) / 2

    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    d_theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    cp_mean7 = cp_mean**7
    r_c = 2 * math.sqrt(cp_mean7 / (cp_mean7 + _POW25_7))
    l_dev = (l_mean - 50) ** 2
    s_l = 1 + 0.015 * l_dev / math.sqrt(20 + l_dev)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c

    lightness, chroma, hue = dL / s_l, dC / s_c, dH / s_h
    return math.sqrt(lightness**2 + chroma**2 + hue**2 + r_t * chroma * hue)


def _decode(channel: float) -> float:
    """IEC 61966-2-1 sRGB transfer function, encoded → linear light."""
    if channel <= 0.04045:
        return channel / 12.92
    return ((channel + 0.055) / 1.055) ** 2.4


def _f(t: float) -> float:
    return t ** (1 / 3) if t > _EPSILON else (_KAPPA * t + 16) / 116


def _chroma(a: float, b: float) -> float:
    # sqrt of squares as in Sharma's reference code, not math.hypot: where a
    # square underflows, the zero-chroma rules must see the same zero.
    return math.sqrt(a**2 + b**2)


def _hue_degrees(a: float, b: float) -> float:
    """Hue angle in [0, 360), 0 for a neutral colour (Sharma's note)."""
    if a == 0 and b == 0:
        return 0.0
    h = math.atan2(b, a)
    return math.degrees(h + math.tau if h < 0 else h)


def _floats(lab: Sequence[Real]) -> Lab:
    lightness, a, b = (float(value) for value in lab)
    return (lightness, a, b)
