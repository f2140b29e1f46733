"""What a tax document says, independent of how it is stored or printed.

Frozen values the checkout, a reprint or a refund fills in and a renderer
draws. Money is integer satang throughout. Each document checks on
construction that its figures add up (lines to totals, parts of the total
to the total), so a document that would print wrong sums cannot be made:
the pricing rules themselves (discounts, the VAT formula) live in
``bnaura_desk.domain`` and are not repeated here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ..domain.branch import BRANCH_NUMBER, tax_document_label_en, tax_document_label_th
from ..domain.payments import PaymentMethod
from ..domain.pricing import VatCode

_TIN = re.compile(r"^[0-9]{13}$", re.ASCII)


def _require_tin(tin: str, who: str) -> None:
    if not _TIN.fullmatch(tin):
        raise ValueError(f"{who} tax id must be 13 digits, not {tin!r}")


def _require_aware(moment: datetime, what: str) -> None:
    # Documents are kept for years and shown in Bangkok time: a naive time has no meaning.
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime (UTC is stored)")


@dataclass(frozen=True)
class Seller:
    """The branch that issues the document, as the Revenue Code wants it named.

    ``branch_no`` is the five-digit establishment number: ``00000`` prints
    ``สำนักงานใหญ่``, ``00001`` prints ``สาขาที่ 00001``.
    """

    name_th: str
    name_en: str
    address: str
    tin: str
    branch_no: str

    def __post_init__(self) -> None:
        _require_tin(self.tin, "the seller's")
        if not BRANCH_NUMBER.fullmatch(self.branch_no):
            raise ValueError(f"branch number must be five digits, not {self.branch_no!r}")

    @property
    def branch_label_th(self) -> str:
        """``สำนักงานใหญ่`` or ``สาขาที่ 00001``."""
        return tax_document_label_th(self.branch_no)

    @property
    def branch_label_en(self) -> str:
        """``Head office`` or ``Branch 00001``."""
        return tax_document_label_en(self.branch_no)


@dataclass(frozen=True)
class Buyer:
    """The customer named on a full tax invoice or a credit note.

    ``tin`` is 13 digits, or empty for a person without one; ``branch_no``
    is the buyer's establishment when the buyer is a VAT-registered
    business, ``None`` for a person.
    """

    name: str
    address: str
    tin: str = ""
    branch_no: str | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a buyer needs a name")
        if self.tin:
            _require_tin(self.tin, "the buyer's")
        if self.branch_no is not None and not BRANCH_NUMBER.fullmatch(self.branch_no):
            raise ValueError(f"buyer's branch number must be five digits, not {self.branch_no!r}")

    @property
    def branch_label_th(self) -> str:
        """The buyer's establishment in Thai, or ``""`` for a person."""
        return "" if self.branch_no is None else tax_document_label_th(self.branch_no)


@dataclass(frozen=True)
class Discount:
    """Money taken off one line, with the reason the customer reads (tier, coupon, manager)."""

    label: str
    amount_satang: int

    def __post_init__(self) -> None:
        if self.amount_satang < 0:
            raise ValueError("a discount is money off: not negative")


@dataclass(frozen=True)
class DocumentLine:
    """One sold (or, on a credit note, credited) item, priced VAT-inclusive.

    ``net_satang`` is what the line costs after its discounts; every
    discount of the sale (a coupon on the whole cart too) is already spread
    over the lines by the pricing function, so the VAT parts follow from
    the lines alone.
    """

    name: str
    quantity: int
    unit_price_satang: int
    net_satang: int
    vat_code: VatCode
    discounts: tuple[Discount, ...] = ()

    def __post_init__(self) -> None:
        if self.quantity <= 0:
            raise ValueError(f"quantity must be positive, not {self.quantity}")
        if self.unit_price_satang < 0:
            raise ValueError("a unit price is not negative")
        if self.net_satang != self.gross_satang - self.discount_satang:
            raise ValueError(f"line {self.name!r}: net {self.net_satang} is not gross less discounts")
        if self.net_satang < 0:
            raise ValueError(f"line {self.name!r}: discounts exceed the line")

    @property
    def gross_satang(self) -> int:
        """Quantity times unit price, before discounts."""
        return self.quantity * self.unit_price_satang

    @property
    def discount_satang(self) -> int:
        """All discounts of this line together."""
        return sum(d.amount_satang for d in self.discounts)


@dataclass(frozen=True)
class Totals:
    """The sums a tax document prints.

    ``vatable_satang`` is the value of the 7 % lines before VAT, so
    ``vatable + vat + exempt == total`` (the three parts the Revenue
    Department asks to see apart).
    """

    subtotal_satang: int
    discount_satang: int
    total_satang: int
    vatable_satang: int
    vat_satang: int
    exempt_satang: int

    def __post_init__(self) -> None:
        if self.subtotal_satang - self.discount_satang != self.total_satang:
            raise ValueError("total is not subtotal less discounts")
        if self.vatable_satang + self.vat_satang + self.exempt_satang != self.total_satang:
            raise ValueError("VAT-able value, VAT and exempt part do not add up to the total")
        if min(self.vatable_satang, self.vat_satang, self.exempt_satang) < 0:
            raise ValueError("a part of the total is negative")


def _require_lines_add_up(lines: tuple[DocumentLine, ...], totals: Totals) -> None:
    if not lines:
        raise ValueError("a document has at least one line")
    if sum(line.gross_satang for line in lines) != totals.subtotal_satang:
        raise ValueError("lines do not add up to the subtotal")
    if sum(line.discount_satang for line in lines) != totals.discount_satang:
        raise ValueError("line discounts do not add up to the discount total")
    exempt = sum(line.net_satang for line in lines if line.vat_code is VatCode.EXEMPT)
    if exempt != totals.exempt_satang:
        raise ValueError("exempt lines do not add up to the exempt part")


@dataclass(frozen=True)
class Payment:
    """One payment of a sale (or one refund of a credit note).

    For cash, ``tendered_satang`` is what the customer handed over and the
    change follows; ``reference`` is a card's last four digits and approval
    code, or a transfer's reference. ``received_at`` dates a payment taken
    after the sale (a deposit's balance); None for one taken with it.
    """

    method: PaymentMethod
    amount_satang: int
    tendered_satang: int | None = None
    reference: str = ""
    received_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.amount_satang <= 0:
            raise ValueError("a payment is a positive amount")
        if self.tendered_satang is not None:
            if self.method is not PaymentMethod.CASH:
                raise ValueError("only cash is tendered")
            if self.tendered_satang < self.amount_satang:
                raise ValueError("tendered cash is less than the amount")

    @property
    def change_satang(self) -> int | None:
        """Change given back for cash, ``None`` when nothing was tendered."""
        return None if self.tendered_satang is None else self.tendered_satang - self.amount_satang


@dataclass(frozen=True)
class Member:
    """The loyalty member a sale was made for: what they earned and their balance after it."""

    code: str
    points_earned: int
    points_balance: int


@dataclass(frozen=True)
class Receipt:
    """A sale's receipt: the abbreviated tax invoice (ใบกำกับภาษีอย่างย่อ, s. 86/6).

    ``pos_number`` is the number the Revenue Department registered the
    terminal under; ``issued_at`` is aware (stored UTC, printed in Bangkok
    time with the Buddhist-era year). ``is_copy`` marks a reprint
    (สำเนา / COPY). Payments may add up to less than the total (a deposit):
    the rest prints as the balance due.
    """

    seller: Seller
    pos_number: str
    number: str
    issued_at: datetime
    lines: tuple[DocumentLine, ...]
    totals: Totals
    payments: tuple[Payment, ...] = ()
    member: Member | None = None
    is_copy: bool = False

    def __post_init__(self) -> None:
        _require_aware(self.issued_at, "issued_at")
        _require_lines_add_up(self.lines, self.totals)
        if not self.number.strip():
            raise ValueError("a receipt has a number")
        if self.paid_satang > self.totals.total_satang:
            raise ValueError("payments exceed the total")

    @property
    def paid_satang(self) -> int:
        """All payments together."""
        return sum(p.amount_satang for p in self.payments)

    @property
    def balance_due_satang(self) -> int:
        """What is still to pay (a deposit plan); 0 when paid in full."""
        return self.totals.total_satang - self.paid_satang


@dataclass(frozen=True)
class FullTaxInvoice:
    """A full tax invoice (ใบกำกับภาษีเต็มรูป, s. 86/4) issued on request for a sale.

    It replaces the sale's receipt (``receipt``), whose seller, lines and
    totals it repeats, and names the buyer.
    """

    number: str
    issued_at: datetime
    buyer: Buyer
    receipt: Receipt
    is_copy: bool = False

    def __post_init__(self) -> None:
        _require_aware(self.issued_at, "issued_at")
        if not self.number.strip():
            raise ValueError("a tax invoice has a number")

    @property
    def seller(self) -> Seller:
        """The seller of the replaced receipt."""
        return self.receipt.seller


@dataclass(frozen=True)
class CreditNote:
    """A credit note (ใบลดหนี้, s. 86/10) for a refund.

    ``lines`` and ``totals`` are what is credited; ``original_value_satang``
    is the value of the original document, so the corrected value is the
    difference. ``buyer`` is ``None`` when the original was an abbreviated
    tax invoice without a buyer's name. ``refunds`` say how the money went
    back.
    """

    seller: Seller
    number: str
    issued_at: datetime
    original_number: str
    original_issued_at: datetime
    original_value_satang: int
    reason: str
    lines: tuple[DocumentLine, ...]
    totals: Totals
    buyer: Buyer | None = None
    refunds: tuple[Payment, ...] = ()
    is_copy: bool = False
    # The code of a new coupon given back for the one the sale used, if the chain restores coupons.
    restored_coupon: str | None = None

    def __post_init__(self) -> None:
        _require_aware(self.issued_at, "issued_at")
        _require_aware(self.original_issued_at, "original_issued_at")
        _require_lines_add_up(self.lines, self.totals)
        if not self.reason.strip():
            raise ValueError("a credit note states its reason")
        if self.totals.total_satang > self.original_value_satang:
            raise ValueError("more credited than the original document's value")

    @property
    def corrected_value_satang(self) -> int:
        """The original value less what is credited."""
        return self.original_value_satang - self.totals.total_satang
