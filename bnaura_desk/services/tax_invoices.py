"""Full tax invoices (ใบกำกับภาษีเต็มรูป) issued on a customer's request, replacing a sale's receipt.

``issue_full_invoice`` is one transaction: the buyer checked
(``domain.tax_invoices``), the number taken from this terminal's
``tax_invoice`` series (``counter.next_document_number``: no gap, never
reused, also offline and after a crash), the ``tax_invoice`` record, audit
and outbox. A sale has one full tax invoice: asking again is refused,
naming the invoice issued, whose reprint is a copy
(``tax_invoice_document(..., copy=True)``). Only the branch that sold the
sale issues it: the documents are that branch's.

``tax_invoice_document`` rebuilds the A4 document from what was stored:
the sale's receipt (seller, lines, totals with both VAT parts), the buyer
and the number, so a reprint years later prints the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..documents import Buyer, FullTaxInvoice
from ..domain.changes import ChangeSet, Kind
from ..domain.document_numbers import DocumentType, parse_document_number
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.ids import uuid7
from ..domain.refunds import RefundKind
from ..domain.roles import Permission
from ..domain.tax_invoices import BuyerForm, check_buyer
from ..store.models import Refund, Sale, TaxInvoice
from .context import ServiceContext
from .counter import next_document_number
from .receipts import find_sale, receipt_document, seller_of


@dataclass(frozen=True)
class InvoiceIssued:
    """What ``issue_full_invoice`` wrote: the record's id, the invoice's number, the receipt it replaces."""

    invoice_id: str
    number: str
    receipt_number: str


def invoice_of_sale(session: Session, sale_id: str) -> TaxInvoice | None:
    """Return the full tax invoice issued for a sale (the first, if two terminals issued one offline), or None."""
    return session.scalars(select(TaxInvoice).where(TaxInvoice.sale_id == sale_id)
                           .order_by(TaxInvoice.at, TaxInvoice.id)).first()


def find_invoice(session: Session, number: str) -> str:
    """Return the id of the full tax invoice whose number is ``number`` (as printed; case and spaces forgiven).

    Raises:
        NotFound: no full tax invoice here has that number.
    """
    parsed = parse_document_number(number)
    text = str(parsed) if parsed is not None else number.strip().upper()
    invoice_id = session.scalars(select(TaxInvoice.id).where(TaxInvoice.number == text)).first()
    if invoice_id is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no full tax invoice {number}"), field="number",
                       number=text)
    return invoice_id


def invoice_for_receipt(session: Session, receipt_number: str) -> str:
    """Return the id of the full tax invoice that replaced receipt ``receipt_number`` (for a copy of it).

    Raises:
        NotFound: no such receipt here, or no full tax invoice for it.
    """
    sale = session.get(Sale, find_sale(session, receipt_number))
    invoice = invoice_of_sale(session, sale.id) if sale is not None else None
    if sale is None or invoice is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Receipt {number} has no full tax invoice"), field="number",
                       number=sale.number if sale is not None else receipt_number)
    return invoice.id


def issue_full_invoice(ctx: ServiceContext, receipt_number: str, buyer: BuyerForm) -> ChangeSet:
    """Issue the full tax invoice that replaces receipt ``receipt_number``; result is an ``InvoiceIssued``.

    Everything is checked before the number is taken, so a refusal writes
    nothing and leaves no gap in the series.

    Raises:
        PermissionDenied: the actor may not sell.
        NotFound: no receipt with that number here.
        BadInput: the buyer's name, address, tax id (13 digits, check
            digit) or branch refused; another branch's sale; a voided sale;
            a receipt already replaced (the message names its invoice); the
            branch's own tax id or branch code missing.
    """
    ctx.require(Permission.SALE_SELL)
    details = check_buyer(buyer)
    sale = ctx.session.get(Sale, find_sale(ctx.session, receipt_number))
    if sale is None or sale.chain_id != ctx.chain_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no receipt {number}"), field="number",
                       number=receipt_number)
    if sale.branch_id != ctx.branch_id:
        raise BadInput(QT_TRANSLATE_NOOP(
            "errors", "A full tax invoice is issued only at the branch that issued the receipt"), field="number")
    voided = ctx.session.scalars(select(Refund.number).where(
        Refund.sale_id == sale.id, Refund.kind == str(RefundKind.VOID))).first()
    if voided is not None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Receipt {number} was voided (credit note {credit_note})"),
                       field="number", number=sale.number, credit_note=voided)
    existing = invoice_of_sale(ctx.session, sale.id)
    if existing is not None:
        raise BadInput(QT_TRANSLATE_NOOP(
            "errors", "Receipt {number} was already replaced by full tax invoice {invoice}; print a copy of it"),
            field="number", number=sale.number, invoice=existing.number)
    seller_of(ctx.session, sale.branch_id)  # refuses before the number is taken when the branch's tax id is missing
    seq, number = next_document_number(ctx, DocumentType.TAX_INVOICE)
    invoice_id = uuid7()
    record: dict[str, Any] = {
        "sale_id": sale.id, "branch_id": sale.branch_id, "terminal": ctx.device.device_name[:100],
        "number": number, "seq": seq, "buyer_name": details.name, "buyer_tin": details.tin,
        "buyer_address": details.address, "buyer_branch": details.branch_no, "at": ctx.now.isoformat(),
        "staff_id": ctx.actor_id,
    }
    stamp = ctx.tick()
    ctx.session.add(TaxInvoice(id=invoice_id, chain_id=ctx.chain_id, **{**record, "at": ctx.now},
                               device_id=ctx.device.device_id, hlc=stamp))
    ctx.journal(action="tax_invoice.record", entity="tax_invoice", entity_id=invoice_id, after=record,
                payload={"record": {"id": invoice_id, **record}}, hlc=stamp)
    ctx.changes.add(Kind.SALE, sale.id)
    return ctx.changes.build(result=InvoiceIssued(invoice_id, number, sale.number))


def tax_invoice_document(session: Session, invoice_id: str, *, copy: bool = False) -> FullTaxInvoice:
    """Return full tax invoice ``invoice_id`` as its A4 document (``copy``: a reprint, marked สำเนา / COPY).

    It repeats the replaced receipt (seller, lines, totals, both VAT parts)
    and names the buyer; the renderer spells the total in Thai words.

    Raises:
        NotFound: no such invoice (or its sale) here.
        BadInput: the issuing branch's tax id or branch code is missing (``receipts.seller_of``).
    """
    invoice = session.get(TaxInvoice, invoice_id)
    if invoice is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such full tax invoice"), field="number")
    receipt = receipt_document(session, invoice.sale_id)
    buyer = Buyer(invoice.buyer_name, invoice.buyer_address, invoice.buyer_tin, invoice.buyer_branch)
    return FullTaxInvoice(invoice.number, invoice.at, buyer, receipt, copy)
