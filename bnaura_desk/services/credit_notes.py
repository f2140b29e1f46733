"""A refund's credit note (ใบลดหนี้) as a document to print, from what the refund and its sale recorded.

Everything printed comes from the stored refund, the sale it names and the
issuing branch: a reprint years later prints the same figures, marked as
a copy (``documents.CreditNote.is_copy``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..documents import CreditNote, Discount, DocumentLine, Payment, Totals
from ..domain.document_numbers import parse_document_number
from ..domain.errors import QT_TRANSLATE_NOOP, NotFound
from ..domain.money import vat_included
from ..domain.payments import PaymentMethod
from ..domain.pricing import VatCode
from ..store.models import Coupon, Refund, Sale, SaleLine
from .coupons import replacement_coupon_id
from .receipts import seller_of


def find_refund(session: Session, number: str) -> str:
    """Return the id of the refund whose credit note number is ``number`` (as printed; case and spaces forgiven).

    Raises:
        NotFound: no refund here has that number.
    """
    parsed = parse_document_number(number)
    text = str(parsed) if parsed is not None else number.strip().upper()
    refund_id = session.scalars(select(Refund.id).where(Refund.number == text)).first()
    if refund_id is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no credit note {number}"), field="number", number=text)
    return refund_id


def credit_note_document(session: Session, refund_id: str, *, copy: bool = False) -> CreditNote:
    """Return the credit note of refund ``refund_id`` (``copy``: a reprint, marked สำเนา / COPY).

    The original value is the sale's total less the refunds made before
    this one, so the corrected value is what the sale stands at after it.
    Each credited line shows the pieces returned at their unit price, less
    the part of the line's discounts that stays with the customer.

    Raises:
        NotFound: no such refund here.
        BadInput: the issuing branch's tax id or branch code is missing (``receipts.seller_of``).
    """
    refund = session.get(Refund, refund_id)
    if refund is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such credit note"), field="refund")
    sale = session.get(Sale, refund.sale_id)
    if sale is None:  # a refund's sale is its parent: pulled before it
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such sale"), field="sale")
    seller = seller_of(session, refund.branch_id)
    sold = {row.id: row for row in session.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id))}
    lines = []
    for credited in sorted(refund.lines, key=lambda line: sold[str(line["line_id"])].line_no):
        row = sold[str(credited["line_id"])]
        quantity, amount = int(credited["quantity"]), int(credited["amount_satang"])
        # Never negative: ``domain.refunds`` gives back at most the pieces' share of the line's net.
        discount = quantity * row.unit_price_satang - amount
        discounts = (Discount("ส่วนลด", discount),) if discount else ()
        lines.append(DocumentLine(row.name_th, quantity, row.unit_price_satang, amount, VatCode(row.vat_code),
                                  discounts))
    total = refund.amount_satang
    exempt = sum(line.net_satang for line in lines if line.vat_code is VatCode.EXEMPT)
    vat = vat_included(total - exempt)
    subtotal = sum(line.gross_satang for line in lines)
    totals = Totals(subtotal, subtotal - total, total, total - exempt - vat, vat, exempt)
    restored = session.get(Coupon, replacement_coupon_id(refund.id))
    before = sum(session.scalars(select(Refund.amount_satang).where(
        Refund.sale_id == sale.id, Refund.id != refund.id, Refund.at <= refund.at)))
    return CreditNote(
        seller=seller, number=refund.number, issued_at=refund.at, original_number=sale.number,
        original_issued_at=sale.at, original_value_satang=sale.total_satang - before, reason=refund.reason,
        lines=tuple(lines), totals=totals, refunds=(Payment(PaymentMethod(refund.method), total),), is_copy=copy,
        restored_coupon=restored.code if restored is not None else None,
    )
