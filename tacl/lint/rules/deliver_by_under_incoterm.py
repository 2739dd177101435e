"""A delivery date under an Incoterm where carriage after handover is the buyer's.

## What it does

Fires on `deliver by` in a shipment whose Incoterm is EXW, FCA, FAS, FOB, CFR,
CIF, CPT or CIP.

## Why it matters

Under these Incoterms 2020 rules the supplier's duty ends when the goods are
handed to the first carrier or loaded at the port; the voyage and the inland leg
after it are the buyer's carriage (under CFR, CIF, CPT and CIP the supplier pays
the freight but does not promise its arrival date). A late delivery is then no
breach of the supplier, so a refund claimed on it is void: TACL lists such a
late delivery as a void ground, with this reason. A date the supplier controls
belongs in `ship by`.

## Example

```tacl
  shipment {
    ship by 2026-08-14
    deliver by 2026-09-25
    incoterm FOB "Ningbo"
  }
```

## Instead

```tacl
  shipment {
    # the supplier's deadline; the buyer books the voyage to the warehouse
    ship by 2026-08-14
    incoterm FOB "Ningbo"
  }
```

or, when the supplier is to deliver to the door, a D-rule:
`incoterm DAP "Calgary warehouse"` with `deliver by 2026-09-25`.
"""

from tacl.compile.orders import BUYERS_CARRIAGE
from tacl.lint import walk
from tacl.syntax import ast

NAME = "deliver-by-under-incoterm"


def check(ctx):
    for shipment in walk.shipments(ctx.statements):
        deliver = walk.first(shipment.statements, ast.DeliverBy)
        incoterm = walk.first(shipment.statements, ast.Incoterm)
        if deliver is None or incoterm is None or incoterm.code.text not in BUYERS_CARRIAGE:
            continue
        code = incoterm.code.text
        yield ctx.report(
            deliver,
            f"`deliver by` under {code}: carriage after handover is the buyer's, so a late "
            "delivery is no breach of the supplier",
            f"put the supplier's deadline in `ship by`, or use a D-rule (DAP, DPU, DDP) if the "
            f"supplier is to deliver; under {code} a late-delivery claim is void",
        )
