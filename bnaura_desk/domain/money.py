"""Money in integer satang; VAT-inclusive prices; baht text."""

from __future__ import annotations

import re

from .errors import QT_TRANSLATE_NOOP, BadInput

VAT_RATE_BP = 700  # 7.00 % in basis points


def vat_included(total: int, rate_bp: int = VAT_RATE_BP) -> int:
    """Return the VAT contained in a VAT-inclusive ``total`` (satang).

    ``total * rate / (100 % + rate)``, rounded half-up to the satang and
    symmetric for negative totals (refunds).
    """
    sign = -1 if total < 0 else 1
    numerator = abs(total) * rate_bp
    denominator = 10_000 + rate_bp
    return sign * ((2 * numerator + denominator) // (2 * denominator))


_BAHT = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.(\d{1,2}))?$")


def parse_baht(text: str, *, field: str = "price") -> int:
    """Return satang for a typed amount in baht (``1,234.5`` → 123450).

    Raises:
        BadInput: empty, negative, more than two decimals, or not a number.
    """
    cleaned = text.strip().replace("฿", "").replace(" ", "")
    match = _BAHT.match(cleaned)
    if not match:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "{text} is not an amount in baht (e.g. 1,500.00)"),
            field=field,
            text=text.strip(),
        )
    whole = int(match.group(1).replace(",", ""))
    frac = (match.group(4) or "").ljust(2, "0")
    return whole * 100 + int(frac or 0)


def format_baht(satang: int, *, symbol: bool = True) -> str:
    """Return ``123450`` as ``฿1,234.50`` (``-฿50.00`` for negatives)."""
    sign = "-" if satang < 0 else ""
    whole, frac = divmod(abs(satang), 100)
    return f"{sign}{'฿' if symbol else ''}{whole:,}.{frac:02d}"
