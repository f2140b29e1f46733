"""How a sale is paid: cash, card, PromptPay, bank transfer, and any split of them.

What the person at the counter types is checked here, before anything is
written: each payment's amount, a card's approval code and last four
digits, a transfer's reference, the cash handed over and the change. A
sale is paid in full, or, with a deposit plan (a course paid in
installments), in part with the balance due on a date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .errors import QT_TRANSLATE_NOOP, BadInput
from .money import format_baht

# Thai banknotes and coins, in satang (the 25- and 50-satang coins are still legal tender).
THAI_DENOMINATIONS = frozenset({100_000, 50_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 25})
PAYMENT_MAX_SATANG = 10**11  # ฿1,000,000,000: beyond it a slip of the keyboard, not a sale


class PaymentMethod(StrEnum):
    """A way the customer pays."""

    CASH = "cash"
    CARD = "card"
    PROMPTPAY = "promptpay"
    TRANSFER = "transfer"


@dataclass(frozen=True)
class Tender:
    """One payment as the counter takes it.

    ``amount_satang`` is what it pays of the sale. For cash,
    ``tendered_satang`` is what the customer handed over (the change is the
    difference); for a card, the terminal's approval code and the card's
    last four digits; for a transfer, the bank's reference. A PromptPay
    payment is confirmed by staff seeing it arrive.
    """

    method: PaymentMethod
    amount_satang: int
    tendered_satang: int | None = None
    approval_code: str = ""
    card_last4: str = ""
    reference: str = ""

    @property
    def change_satang(self) -> int:
        """Return the change to give back (cash only)."""
        if self.method is PaymentMethod.CASH and self.tendered_satang is not None:
            return self.tendered_satang - self.amount_satang
        return 0


@dataclass(frozen=True)
class PaymentCheck:
    """What a sale's payments come to: paid, change, balance still due."""

    paid_satang: int
    change_satang: int
    balance_satang: int  # what a deposit plan leaves due (0 when paid in full)


_APPROVAL = re.compile(r"^[0-9A-Z]{1,12}$")
_LAST4 = re.compile(r"^\d{4}$")


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_tender(tender: Tender, number: int) -> Tender:
    """Return ``tender`` with its texts tidied (codes upper-case, spaces gone) when it is one the counter may take.

    ``number`` is its place among the sale's payments (1 for the first), for the message.

    Raises:
        BadInput: an amount not above zero or beyond ``PAYMENT_MAX_SATANG``;
            cash handed over that is less than the amount; a card without an
            approval code (1 to 12 letters or digits) or the last four digits;
            a transfer without its reference.
    """
    amount = tender.amount_satang
    if not _whole(amount) or not 0 < amount <= PAYMENT_MAX_SATANG:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Payment {number}: enter an amount above ฿0.00"),
                       field="amount", number=number)
    if tender.method is PaymentMethod.CASH:
        tendered = tender.tendered_satang
        if tendered is not None and (not _whole(tendered) or tendered < amount or tendered > PAYMENT_MAX_SATANG):
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Payment {number}: the cash received is less than {amount}"),
                           field="tendered", number=number, amount=format_baht(amount))
        return Tender(PaymentMethod.CASH, amount, tendered if tendered is not None else amount)
    if tender.method is PaymentMethod.CARD:
        code = tender.approval_code.strip().upper().replace(" ", "")
        last4 = tender.card_last4.strip().replace(" ", "")
        if not _APPROVAL.match(code):
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Payment {number}: enter the card terminal's approval code"),
                           field="approval_code", number=number)
        if not _LAST4.match(last4):
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Payment {number}: enter the card's last 4 digits"),
                           field="card_last4", number=number)
        return Tender(PaymentMethod.CARD, amount, approval_code=code, card_last4=last4)
    if tender.method is PaymentMethod.TRANSFER:
        reference = " ".join(tender.reference.split())
        if not reference or len(reference) > 60:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Payment {number}: enter the transfer's reference (up to 60 characters)"),
                           field="reference", number=number)
        return Tender(PaymentMethod.TRANSFER, amount, reference=reference)
    return Tender(PaymentMethod.PROMPTPAY, amount, reference=" ".join(tender.reference.split())[:60])


def check_payments(tenders: Sequence[Tender], due_satang: int, *, balance_due_on: date | None = None,
                   today: date | None = None) -> tuple[list[Tender], PaymentCheck]:
    """Return the tidied payments of a sale of ``due_satang`` and what they come to.

    Paid in full: the payments add up to exactly what is due (the change
    of cash is handed back, not paid). With ``balance_due_on`` (a deposit
    plan) they may add up to less, and the balance is due on that date,
    after ``today``. A sale of ฿0.00 (a free-item reward) needs no payment.

    Raises:
        BadInput: any ``check_tender`` refusal; more paid than due; less
            paid than due without a deposit plan; a deposit plan on a sale
            paid in full, with nothing paid, or due on a day already past.
    """
    checked = [check_tender(t, n) for n, t in enumerate(tenders, start=1)]
    paid = sum(t.amount_satang for t in checked)
    if paid > due_satang:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The payments come to {paid}, more than the {due} due"),
                       field="payments", paid=format_baht(paid), due=format_baht(due_satang))
    balance = due_satang - paid
    if balance_due_on is None:
        if balance:
            raise BadInput(
                QT_TRANSLATE_NOOP("errors", "{balance} is still to pay; take the rest or make it a deposit with a due date"),
                field="payments", balance=format_baht(balance))
    else:
        if not balance or not paid:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "A deposit pays part of the sale now and the rest later"),
                           field="balance_due_on")
        if today is not None and balance_due_on <= today:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "The balance's due date must be after today"),
                           field="balance_due_on")
    change = sum(t.change_satang for t in checked)
    return checked, PaymentCheck(paid, change, balance)


def check_balance_payments(tenders: Sequence[Tender], outstanding_satang: int) -> tuple[list[Tender], PaymentCheck]:
    """Return the tidied payments of a deposit's balance of ``outstanding_satang`` and what they come to.

    Part of the balance may be paid (an installment: the rest stays due on
    the sale's date); never more than is outstanding, except the change of
    cash handed over, which goes back to the customer.

    Raises:
        BadInput: nothing outstanding; no payment; any ``check_tender``
            refusal; more paid than is outstanding.
    """
    if outstanding_satang <= 0:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Nothing is left to pay on this sale"), field="sale")
    if not tenders:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Enter the payment of the balance"), field="payments")
    checked = [check_tender(t, n) for n, t in enumerate(tenders, start=1)]
    paid = sum(t.amount_satang for t in checked)
    if paid > outstanding_satang:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The payments come to {paid}, more than the {due} still to pay"),
                       field="payments", paid=format_baht(paid), due=format_baht(outstanding_satang))
    change = sum(t.change_satang for t in checked)
    return checked, PaymentCheck(paid, change, outstanding_satang - paid)
