"""Cash in and cash out of a shift's drawer: money put in or taken out that is not a sale's.

Change brought from the bank is cash in; drinking water bought from petty
cash is cash out. Each names its reason; the drawer's cash expected counts
them (``services.shifts.cash_expected``). Pure rules: the service checks
what people typed with them before it writes.
"""

from __future__ import annotations

from enum import StrEnum

from .errors import QT_TRANSLATE_NOOP, BadInput
from .money import format_baht

REASON_MAX = 500
AMOUNT_MAX_SATANG = 10_000_000  # ฿100,000 moved at once by hand is a typo, as for a float


class CashDirection(StrEnum):
    """Cash put into the drawer, or taken out of it."""

    IN = "in"
    OUT = "out"


def check_direction(direction: object) -> CashDirection:
    """Return ``direction`` as a ``CashDirection``.

    Raises:
        BadInput: neither ``in`` nor ``out``.
    """
    try:
        return CashDirection(str(direction))
    except ValueError:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Choose cash in or cash out"), field="direction") from None


def check_amount(amount_satang: object) -> int:
    """Return the amount when it is a whole number of satang from ฿0.01 to ฿100,000.

    Raises:
        BadInput: zero, negative, too large, or not a whole number of satang.
    """
    # Checked at run time as well: the screens pass what people typed.
    if isinstance(amount_satang, bool) or not isinstance(amount_satang, int) \
            or not 0 < amount_satang <= AMOUNT_MAX_SATANG:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The amount is more than ฿0 and at most {most}"),
                       field="amount_satang", most=format_baht(AMOUNT_MAX_SATANG))
    return amount_satang


def check_reason(reason: object) -> str:
    """Return the reason with its spaces tidied.

    Raises:
        BadInput: no reason (blank), or one longer than ``REASON_MAX`` characters.
    """
    text = " ".join(reason.split()) if isinstance(reason, str) else ""
    if not text:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Say why the cash goes in or out"), field="reason")
    if len(text) > REASON_MAX:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The reason is at most {count} characters"), field="reason",
                       count=REASON_MAX)
    return text


def check_cash_out(direction: CashDirection, amount_satang: int, expected_satang: int) -> None:
    """Refuse taking out more cash than the drawer should hold.

    Raises:
        BadInput: a cash out above ``expected_satang``.
    """
    if direction is CashDirection.OUT and amount_satang > expected_satang:
        raise BadInput(QT_TRANSLATE_NOOP(
            "errors", "The drawer should hold only {cash}: you cannot take out {amount}"),
            field="amount_satang", cash=format_baht(max(expected_satang, 0)), amount=format_baht(amount_satang))
