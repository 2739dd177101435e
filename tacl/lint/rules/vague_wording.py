"""Vague or unmeasurable wording in a text requirement.

## What it does

Looks for wording an inspector cannot check — "good quality", "high quality",
"as sample" (or "as per approved sample", "same as golden sample" and every such
reference to a sample), "standard packing", "durable", "nice", "as usual", "first class",
"premium", "approx", "etc." and the like — in every text the contract requires
of the goods: materials, textual specs, colour names, test names and unit
packing. The phrase itself is underlined.

Markings and carton markings are not checked: they are the literal text to be
printed on the goods, where "PREMIUM" may well be the brand's word. Descriptions
are information only and are not checked either.

## Why it matters

Buyer protection refunds only what the contract states precisely. "Good
quality" passes every inspection and fails none: when the goods disappoint,
the claim has nothing to stand on. The same holds for a sample no one can
produce in a dispute — name it instead: `reference sample "PP-02" sealed
2026-03-02` at contract level, `appearance as reference sample "PP-02"` in the
product — or "approx." with no tolerance.

## Example

```tacl
    material "good quality cotton, approx 180 gsm"
    packaging {
      unit packing "standard export packing"
    }
```

## Instead

```tacl
    material "100 % cotton, combed"
    spec weight 180 gsm ± 5 %
    packaging {
      unit packing "polybag, 5-ply corrugated master carton"
    }
```
"""

import re

from tacl.lint import walk

NAME = "vague-wording"

_QUALITY = "say what makes it good: a named standard, a value with a tolerance, or a test"
_SAMPLE = (
    'name the sample: declare `reference sample "NAME" sealed DATE` in the contract and write '
    '`appearance as reference sample "NAME"`; state its measurable properties as well'
)
_HABIT = "earlier orders are not part of this contract: state the requirement itself"
_PACKING = "describe the packing: material, board grade (e.g. 5-ply), units per carton"
_APPROX = "give the value with a tolerance instead: `spec NAME V ± T UNIT`"
_LIST = 'list every accepted option: `one of "A", "B"`'
_EQUIVALENT = 'name every accepted alternative with `one of "A", "B"`'
_JUDGEMENT = "replace the judgement with a measurable limit or a named standard"
_STRENGTH = 'state the test that proves it: `test "drop 1.2 m" passes`, or a load'

PHRASES = {
    **dict.fromkeys(
        ("good quality", "high quality", "best quality", "top quality", "first class",
         "first-class", "premium", "excellent", "superior", "good", "nice", "beautiful",
         "high-end", "luxury"),
        _QUALITY,
    ),
    **dict.fromkeys(("as usual", "as before", "same as last order", "as last time"), _HABIT),
    **dict.fromkeys(
        ("standard packing", "standard packaging", "standard export packing", "normal packing",
         "export packing", "seaworthy packing"),
        _PACKING,
    ),
    **dict.fromkeys(("approx", "approx.", "approximately", "about", "around", "roughly"), _APPROX),
    **dict.fromkeys(("etc", "etc.", "and so on"), _LIST),
    **dict.fromkeys(("or similar", "or equivalent", "similar", "equivalent"), _EQUIVALENT),
    **dict.fromkeys(
        ("reasonable", "suitable", "acceptable", "appropriate", "proper", "if possible",
         "as required", "as needed", "industry standard", "market standard",
         "commercial quality"),
        _JUDGEMENT,
    ),
    **dict.fromkeys(("durable", "sturdy", "strong", "robust"), _STRENGTH),
}  # fmt: skip

# A reference to a physical sample, in the many ways trades write it: "as sample",
# "as per approved sample", "same as golden sample", "according to the buyer's
# counter sample", "match confirmation samples".
_SAMPLE_WORDS = (
    r"(?:(?:approved|golden|gold|confirmation|confirmed|counter|reference|pre-?production|pp"
    r"|signed|sealed|shipping|production|master|original|standard|buyer'?s|customer'?s"
    r"|our|your|the|last|previous)\s+)*samples?"
)
_SAMPLE_PATTERN = (
    r"(?:same\s+as|as\s+per|as|according\s+to|like|matching|matches|match|"
    r"identical\s+to|equal\s+to|refer\s+to)\s+" + _SAMPLE_WORDS
)
_SAMPLE_RE = re.compile(_SAMPLE_PATTERN + r"\Z", re.IGNORECASE)

# One alternation, longest first; the look-ahead on the first letters lets the
# engine skip most positions without trying seventy alternatives there.
_PATTERN = re.compile(
    r"(?<!\w)(?=["
    + "".join(sorted({p[0] for p in PHRASES} | set("saclpmierSACLPMIER")))
    + r"])(?:"
    + _SAMPLE_PATTERN
    + "|"
    + "|".join(
        r"\s+".join(re.escape(w) for w in phrase.split())
        for phrase in sorted(PHRASES, key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)


def help_for(phrase: str) -> str:
    """The advice for a vague phrase as it was found."""
    if _SAMPLE_RE.match(phrase):
        return _SAMPLE
    return PHRASES.get(" ".join(phrase.lower().split()), _JUDGEMENT)


def check(ctx):
    for product in walk.products(ctx.module):
        for _stmt, text in walk.text_requirements(product):
            for match in _PATTERN.finditer(text.raw):
                phrase = match.group(0)
                help_ = help_for(phrase)
                yield ctx.report(
                    ctx.inside(text, match.start(), len(phrase)),
                    f"vague wording `{phrase}` cannot be measured",
                    help_,
                )
