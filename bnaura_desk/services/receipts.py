"""A sale's receipt (abbreviated tax invoice) as a document to print, from what the sale recorded.

Everything printed comes from the stored sale, its lines and payments, the
issuing branch's details and the member's points as they stood right
after the sale: a reprint years later prints the same figures, marked as a
copy (``documents.Receipt.is_copy``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..documents import Discount, DocumentLine, Member, Payment, Receipt, Seller, Totals
from ..domain.branch import BRANCH_NUMBER
from ..domain.document_numbers import parse_document_number
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.payments import PaymentMethod
from ..domain.pricing import VatCode
from ..domain.referral import display_code
from ..store.models import Branch, Customer, Sale, SaleLine
from ..store.models import Payment as PaymentRow
from .loyalty import points_summary
from .points_ledger import loyalty_program


def seller_of(session: Session, branch_id: str) -> Seller:
    """Return the seller a branch's tax documents name.

    Raises:
        BadInput: the branch has no 13-digit tax id or no 5-digit branch
            code yet (a manager sets them in the branch's details).
    """
    branch = session.get(Branch, branch_id)
    if branch is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This branch is not known here"), field="branch")
    tin = (branch.tax_id or "").strip()
    code = (branch.branch_code or "").strip()
    if len(tin) != 13 or not tin.isdigit() or not BRANCH_NUMBER.fullmatch(code):
        raise BadInput(QT_TRANSLATE_NOOP(
            "errors", "Enter the branch's 13-digit tax id and branch code before printing tax documents"),
            field="tax_id")
    return Seller(branch.name_th, branch.name_en, branch.address, tin, code)


def find_sale(session: Session, number: str) -> str:
    """Return the id of the sale whose receipt number is ``number`` (as printed; case and spaces forgiven).

    Raises:
        NotFound: no sale here has that number.
    """
    parsed = parse_document_number(number)
    text = str(parsed) if parsed is not None else number.strip().upper()
    sale_id = session.scalars(select(Sale.id).where(Sale.number == text)).first()
    if sale_id is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no receipt {number}"), field="number", number=text)
    return sale_id


def last_sale(session: Session, device_id: str) -> str:
    """Return the id of this terminal's latest sale.

    Raises:
        NotFound: this terminal has sold nothing yet.
    """
    sale_id = session.scalars(select(Sale.id).where(Sale.device_id == device_id).order_by(Sale.seq.desc())).first()
    if sale_id is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This terminal has no receipt yet"), field="number")
    return sale_id


def _discounts(line: SaleLine, tier: str, tier_percent: int | None, coupon_code: str) -> tuple[Discount, ...]:
    found: list[Discount] = []
    if line.line_discount_satang:
        found.append(Discount(f"ส่วนลด {line.discount_reason}".strip(), line.line_discount_satang))
    if line.tier_discount_satang:
        rate = f" {tier_percent}%" if tier_percent is not None else ""
        found.append(Discount(f"ส่วนลดสมาชิก {tier.title()}{rate}", line.tier_discount_satang))
    if line.coupon_discount_satang:
        found.append(Discount(f"คูปอง {coupon_code}".strip(), line.coupon_discount_satang))
    return tuple(found)


def _payment(row: PaymentRow, sale_at: datetime) -> Payment:
    method = PaymentMethod(row.method)
    if method is PaymentMethod.CARD:
        reference = f"**** {row.card_last4} APPR {row.approval_code}"
    else:
        reference = row.reference
    return Payment(method, row.amount_satang, row.tendered_satang if method is PaymentMethod.CASH else None,
                   reference, row.at if row.at != sale_at else None)


def receipt_document(session: Session, sale_id: str, *, copy: bool = False) -> Receipt:
    """Return the receipt of sale ``sale_id`` as its document (``copy``: a reprint, marked สำเนา / COPY).

    The original lists the payments taken at checkout (those of the sale's
    own moment). A copy also lists each payment taken later toward a
    deposit's balance, dated, so the balance due it prints is what is
    still owed now.

    Raises:
        NotFound: no such sale here.
        BadInput: the issuing branch's tax id or branch code is missing (``seller_of``).
    """
    sale = session.get(Sale, sale_id)
    if sale is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such sale"), field="sale")
    seller = seller_of(session, sale.branch_id)
    rows = list(session.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id).order_by(SaleLine.line_no)))
    program = loyalty_program(session, sale.chain_id)
    tier_percent = next((t.discount_percent for t in program.tiers if t.key == sale.tier), None)
    lines = tuple(
        DocumentLine(row.name_th, row.quantity, row.unit_price_satang, row.net_satang, VatCode(row.vat_code),
                     _discounts(row, sale.tier, tier_percent, sale.coupon_code))
        for row in rows
    )
    discount = sale.line_discount_satang + sale.tier_discount_satang + sale.coupon_discount_satang
    # The documents print the 7 % part before VAT (vatable + VAT + exempt = total).
    totals = Totals(sale.subtotal_satang, discount, sale.total_satang, sale.vatable_satang - sale.vat_satang,
                    sale.vat_satang, sale.exempt_satang)
    which = PaymentRow.sale_id == sale.id
    if not copy:
        which &= PaymentRow.at == sale.at
    payments = tuple(_payment(p, sale.at) for p in session.scalars(
        select(PaymentRow).where(which).order_by(PaymentRow.at, PaymentRow.id)))
    member = None
    if sale.customer_id is not None:
        customer = session.get(Customer, sale.customer_id)
        if customer is not None:
            balance = points_summary(session, customer.id, sale.at).balance
            member = Member(display_code(customer.referral_code), sale.points_earned, balance)
    return Receipt(seller, sale.pos_number, sale.number, sale.at, lines, totals, payments, member, copy)
