"""The full tax invoice (ใบกำกับภาษีเต็มรูป, Revenue Code s. 86/4) on A4.

Issued on a customer's request for a sale whose receipt (an abbreviated
tax invoice) was already printed: it names the buyer (name, address, tax
id, establishment), says which receipt it replaces, repeats the sale's
items and sums, and spells the total out in Thai words.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from . import a4, labels
from .layout import Gap
from .model import Buyer, FullTaxInvoice


def buyer_fields(buyer: Buyer) -> list[tuple[str, str]]:
    """Return the buyer's name, address and, when they have them, tax id and establishment."""
    fields = [(labels.BUYER, buyer.name), (labels.ADDRESS, buyer.address)]
    if buyer.tin:
        fields.append((labels.TIN, buyer.tin))
    if buyer.branch_label_th:
        fields.append((labels.BUYER_BRANCH, buyer.branch_label_th))
    return fields


def full_tax_invoice_pdf(doc: FullTaxInvoice) -> bytes:
    """Return the full tax invoice as an A4 PDF (more pages when the items need them).

    Marked ``สำเนา / COPY`` when ``doc.is_copy``, ``ต้นฉบับ / ORIGINAL`` otherwise.
    """
    receipt, totals = doc.receipt, doc.receipt.totals
    document_fields = [
        (labels.NUMBER, doc.number),
        (labels.DATE, labels.moment(doc.issued_at)),
        (labels.REPLACES, receipt.number),
        (labels.POS_NUMBER, receipt.pos_number),
    ]
    rows = [(labels.SUBTOTAL, totals.subtotal_satang, False)]
    if totals.discount_satang:
        rows.append((labels.DISCOUNT, -totals.discount_satang, False))
    rows += a4.vat_rows(totals)
    rows.append((labels.TOTAL, totals.total_satang, True))
    flowables: list[Flowable] = [
        a4.header(receipt.seller, labels.FULL_TAX_INVOICE, labels.FULL_TAX_INVOICE_EN, doc.is_copy),
        Gap(10),
        a4.parties(buyer_fields(doc.buyer), document_fields),
        Gap(10),
        a4.items(receipt.lines),
        Gap(8),
        a4.sums(rows, labels.AMOUNT_IN_WORDS, totals.total_satang, f"({labels.VAT_INCLUDED})"),
        Gap(40),
        a4.signatures(labels.RECEIVED_BY, labels.AUTHORISED),
    ]
    title = f"{labels.FULL_TAX_INVOICE} {doc.number}" + (f" ({labels.COPY})" if doc.is_copy else "")
    return a4.page_pdf(flowables, title, receipt.seller.name_th)
