"""ISO 4217 currency codes and their minor units, for money in contracts.

Money in TACL is ``NUMBER CODE`` (language.md §2) and verdict amounts are
"decimal strings with the currency's minor units" (reports.md §2), so the
compiler needs to know which codes exist and how many decimals each has.

The table follows ISO 4217 List one as amended up to amendment 180 (2025),
restricted to currencies that goods can be paid in:

- Withdrawn codes are absent: a contract signed now must not be priced in
  them. :data:`WITHDRAWN` maps the recent ones to their successor so an
  error message can say what to write instead (HRK → EUR on 2023-01-01,
  SLL → SLE, ZWL → ZWG in 2024, ANG → XCG on 2025-03-31, BGN → EUR on
  2026-01-01, CUC → CUP).
- Funds, units of account, precious metals, bond-market units and the
  testing/"no currency" codes are absent too: nobody invoices lamps in
  troy ounces of gold (XAU), special drawing rights (XDR), Chile's
  inflation-indexed Unidad de Fomento (CLF, 4 decimals) or Uruguay's wage-
  indexed Unidad Previsional (UYW, 4 decimals), and a refund cannot be paid
  in them. They are listed in :data:`NON_TRADE_CODES` for error messages.

Codes are case-sensitive, as the language says: ``usd`` is not a currency.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

__all__ = [
    "MINOR_UNITS",
    "NON_TRADE_CODES",
    "WITHDRAWN",
    "format_amount",
    "is_currency",
    "minor_units",
    "quantize",
]


def _table(text: str) -> dict[str, int]:
    pairs = (entry.split(":") for entry in text.split())
    return {code: int(units) for code, units in pairs}


#: Active ISO 4217 trade currencies → number of decimal digits (minor units).
MINOR_UNITS: dict[str, int] = _table(
    """
    AED:2 AFN:2 ALL:2 AMD:2 AOA:2 ARS:2 AUD:2 AWG:2 AZN:2
    BAM:2 BBD:2 BDT:2 BHD:3 BIF:0 BMD:2 BND:2 BOB:2 BRL:2 BSD:2 BTN:2 BWP:2 BYN:2 BZD:2
    CAD:2 CDF:2 CHF:2 CLP:0 CNY:2 COP:2 CRC:2 CUP:2 CVE:2 CZK:2
    DJF:0 DKK:2 DOP:2 DZD:2
    EGP:2 ERN:2 ETB:2 EUR:2
    FJD:2 FKP:2
    GBP:2 GEL:2 GHS:2 GIP:2 GMD:2 GNF:0 GTQ:2 GYD:2
    HKD:2 HNL:2 HTG:2 HUF:2
    IDR:2 ILS:2 INR:2 IQD:3 IRR:2 ISK:0
    JMD:2 JOD:3 JPY:0
    KES:2 KGS:2 KHR:2 KMF:0 KPW:2 KRW:0 KWD:3 KYD:2 KZT:2
    LAK:2 LBP:2 LKR:2 LRD:2 LSL:2 LYD:3
    MAD:2 MDL:2 MGA:2 MKD:2 MMK:2 MNT:2 MOP:2 MRU:2 MUR:2 MVR:2 MWK:2 MXN:2 MYR:2 MZN:2
    NAD:2 NGN:2 NIO:2 NOK:2 NPR:2 NZD:2
    OMR:3
    PAB:2 PEN:2 PGK:2 PHP:2 PKR:2 PLN:2 PYG:0
    QAR:2
    RON:2 RSD:2 RUB:2 RWF:0
    SAR:2 SBD:2 SCR:2 SDG:2 SEK:2 SGD:2 SHP:2 SLE:2 SOS:2 SRD:2 SSP:2 STN:2 SVC:2 SYP:2 SZL:2
    THB:2 TJS:2 TMT:2 TND:3 TOP:2 TRY:2 TTD:2 TWD:2 TZS:2
    UAH:2 UGX:0 USD:2 UYU:2 UZS:2
    VED:2 VES:2 VND:0 VUV:0
    WST:2
    XAF:0 XCD:2 XCG:2 XOF:0 XPF:0
    YER:2
    ZAR:2 ZMW:2 ZWG:2
    """
)

#: Withdrawn codes still met in old documents → the code that replaced them.
WITHDRAWN: dict[str, str] = {
    "ANG": "XCG",
    "BGN": "EUR",
    "BYR": "BYN",
    "CUC": "CUP",
    "HRK": "EUR",
    "LTL": "EUR",
    "LVL": "EUR",
    "MRO": "MRU",
    "SLL": "SLE",
    "STD": "STN",
    "VEF": "VES",
    "ZWL": "ZWG",
}

#: ISO 4217 codes that are not trade currencies: funds and units of account,
#: precious metals, bond-market units, SDR, testing and "no currency".
# fmt: off
NON_TRADE_CODES: frozenset[str] = frozenset({
    "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW",  # funds, units of account
    "XAG", "XAU", "XPD", "XPT",  # precious metals
    "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA",  # bond-market units, SDR, SUCRE, ADB
    "XTS", "XXX",  # testing, no currency
})
# fmt: on


def is_currency(code: object) -> bool:
    """Whether ``code`` is an active ISO 4217 trade currency (case-sensitive)."""
    return isinstance(code, str) and code in MINOR_UNITS


def minor_units(code: str) -> int:
    """Number of decimal digits of ``code``; ``ValueError`` if it is not a currency."""
    try:
        return MINOR_UNITS[code]
    except (KeyError, TypeError):
        raise ValueError(f"{code!r} is not an ISO 4217 trade currency") from None


def quantize(amount: Decimal, code: str) -> Decimal:
    """``amount`` rounded to the minor unit of ``code``, halves away from zero.

    ROUND_HALF_UP is commercial rounding, what invoices, banks and buyer-
    protection refunds use ("stated to the cent"): 0.125 USD is 0.13, not
    the 0.12 of Python's default banker's rounding. Negative zero comes back
    as zero. The precision is widened as needed, so any finite amount works.
    """
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
        raise TypeError(f"amount must be a Decimal, not {type(amount).__name__}")
    amount = Decimal(amount)
    if not amount.is_finite():
        raise ValueError(f"amount must be finite, not {amount}")
    exponent = Decimal(1).scaleb(-minor_units(code))
    context = Context(prec=max(28, amount.adjusted() + minor_units(code) + 2))
    rounded = amount.quantize(exponent, rounding=ROUND_HALF_UP, context=context)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def format_amount(amount: Decimal, code: str) -> str:
    """``amount`` as a plain decimal string with exactly the minor digits.

    ``"10000.00"`` for USD, ``"1500"`` for JPY, ``"1.250"`` for KWD; never an
    exponent. Rounds like :func:`quantize`; a compiler wanting to reject
    amounts finer than the minor unit compares ``quantize(x, code) == x``.
    """
    return format(quantize(amount, code), "f")


def unknown_code_help(code: str, likely: str | None = None, why: str = "") -> str:
    """The `help` for a currency code that is not an active ISO 4217 trade currency.

    A withdrawn code names its successor (`HRK` → `EUR`); otherwise `likely`, the
    currency the rest of the contract uses, beats a mere spelling neighbour (for
    `USX` in a contract priced in USD, `USD`, not `UZS`).
    """
    if code in WITHDRAWN:
        return f"`{code}` was withdrawn from ISO 4217; its successor is `{WITHDRAWN[code]}`"
    if likely is not None and is_currency(likely) and likely != code:
        return f"did you mean `{likely}`{why}?"
    from tacl.diagnostics import did_you_mean

    return did_you_mean(code, MINOR_UNITS) or "use an ISO 4217 code such as USD"
