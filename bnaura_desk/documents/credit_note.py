"""The credit note (ใบลดหนี้, Revenue Code s. 86/10) printed for a refund, on A4.

It names the original tax document (number and date), the reason, the
original value, the corrected value and the difference credited with its
VAT, the credited items, how the money went back and the coupon given
back, if any.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from . import a4, labels
from .layout import Gap, baht
from .model import CreditNote
from .tax_invoice import buyer_fields


def credit_note_pdf(doc: CreditNote) -> bytes:
    """Return the credit note as an A4 PDF, marked ``สำเนา / COPY`` when ``doc.is_copy``."""
    totals = doc.totals
    left = buyer_fields(doc.buyer) if doc.buyer is not None else []
    left.append((labels.REASON, doc.reason))
    document_fields = [
        (labels.NUMBER, doc.number),
        (labels.DATE, labels.moment(doc.issued_at)),
        (labels.ORIGINAL_DOCUMENT, doc.original_number),
        (labels.ORIGINAL_DATE, labels.moment(doc.original_issued_at)),
    ]
    rows = [
        (labels.ORIGINAL_VALUE, doc.original_value_satang, False),
        (labels.CORRECTED_VALUE, doc.corrected_value_satang, False),
        (labels.CREDITED, totals.total_satang, True),
        *a4.vat_rows(totals),
    ]
    flowables: list[Flowable] = [
        a4.header(doc.seller, labels.CREDIT_NOTE, labels.CREDIT_NOTE_EN, doc.is_copy),
        Gap(10),
        a4.parties(left, document_fields),
        Gap(10),
        a4.items(doc.lines),
        Gap(8),
        a4.sums(rows, labels.AMOUNT_IN_WORDS, totals.total_satang),
    ]
    for refund in doc.refunds:
        method = labels.PAYMENT_METHODS[refund.method] + (f" {refund.reference}" if refund.reference else "")
        flowables += [Gap(4), a4.field(labels.REFUNDED_BY, f"{method}  {baht(refund.amount_satang)}", a4.WIDTH)]
    if doc.restored_coupon:
        flowables += [Gap(4), a4.field(labels.RESTORED_COUPON, doc.restored_coupon, a4.WIDTH)]
    flowables += [Gap(40), a4.signatures(labels.RECEIVED_BY, labels.AUTHORISED)]
    title = f"{labels.CREDIT_NOTE} {doc.number}" + (f" ({labels.COPY})" if doc.is_copy else "")
    return a4.page_pdf(flowables, title, doc.seller.name_th)
