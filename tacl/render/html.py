"""The HTML renderers' shared engine: one Jinja2 environment with autoescape on.

Jinja2 is imported here, on first use, so `tacl check` in text or JSON never
loads it. Autoescaping covers every value a template prints; the few fragments
built in Python (the SVG plots in svg.py) escape their texts with MarkupSafe
before they are marked safe. Templates live in `tacl/render/templates/` and ship
in the wheel. Output is byte-stable: no clock, no random ids, no dict order that
depends on anything but the inputs.
"""

from __future__ import annotations

import functools


@functools.cache
def environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("tacl.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["thousands"] = lambda n: "—" if n is None else f"{n:,}"
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
