"""The 80 mm receipt: an abbreviated tax invoice (ใบกำกับภาษีอย่างย่อ) on a roll.

What the Revenue Code's s. 86/6 asks of it: the words "ใบกำกับภาษีอย่างย่อ",
the seller's name, tax id and establishment (head office or branch), the
POS registration number, the document number, the date, the items, and the
total with a statement that VAT is included. The VAT-able and exempt parts
are printed apart because a clinic sells both.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from . import labels
from .fonts import Weight
from .layout import Gap, baht, columns, label_amount, roll_pdf, text
from .model import DocumentLine, Receipt

ROLL_WIDTH = 80 * mm
MARGIN = 4 * mm  # an 80 mm thermal head prints about 72 mm
WIDTH = ROLL_WIDTH - 2 * MARGIN
SIZE = 8.5
SMALL = 7.5
AMOUNT_WIDTH = 22 * mm
INDENT = 3 * mm  # a line's quantity and discounts, a payment's tendered and change, under their heading


def _copy_mark() -> Table:
    mark = Table([[text(labels.COPY, WIDTH - 4, 12, Weight.BOLD, "center")]], colWidths=[WIDTH])
    mark.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, "black"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return mark


def _header(doc: Receipt) -> list[Flowable]:
    seller = doc.seller
    parts: list[Flowable] = []
    if doc.is_copy:
        parts += [_copy_mark(), Gap(4)]
    parts += [
        text(seller.name_th, WIDTH, 11, Weight.BOLD, "center"),
        text(seller.name_en, WIDTH, SIZE, Weight.SEMIBOLD, "center"),
        text(seller.address, WIDTH, SMALL, align="center"),
        text(f"{labels.TIN} {seller.tin}", WIDTH, SMALL, align="center"),
        text(labels.branch_line(seller.branch_label_th, seller.branch_label_en), WIDTH, SMALL, align="center"),
        Gap(3),
        text(labels.ABBREVIATED_TAX_INVOICE, WIDTH, 11, Weight.BOLD, "center"),
        text(labels.ABBREVIATED_TAX_INVOICE_EN, WIDTH, SMALL, Weight.SEMIBOLD, "center"),
        Gap(3),
        label_amount(labels.POS_NUMBER, doc.pos_number, WIDTH, SMALL, amount_width=30 * mm),
        label_amount(labels.NUMBER, doc.number, WIDTH, SIZE, Weight.SEMIBOLD, amount_width=38 * mm),
        label_amount(labels.DATE, labels.moment(doc.issued_at), WIDTH, SIZE, amount_width=38 * mm),
        Gap(6, dashed=True),
    ]
    return parts


def _line(line: DocumentLine) -> list[Flowable]:
    code = labels.VAT_CODES[line.vat_code]
    parts: list[Flowable] = [
        text(line.name, WIDTH, SIZE, Weight.SEMIBOLD),
        columns([(f"{line.quantity} × {baht(line.unit_price_satang)}", WIDTH - AMOUNT_WIDTH - 4 * mm, "left"),
                 (baht(line.gross_satang), AMOUNT_WIDTH, "right"), (code, 4 * mm, "right")], SIZE, indent=INDENT),
    ]
    for discount in line.discounts:
        parts.append(columns([(discount.label, WIDTH - AMOUNT_WIDTH - 4 * mm, "left"),
                              (baht(-discount.amount_satang), AMOUNT_WIDTH, "right"), ("", 4 * mm, "right")],
                             SIZE, indent=INDENT))
    return parts


def _totals(doc: Receipt) -> list[Flowable]:
    t = doc.totals
    parts: list[Flowable] = [label_amount(labels.SUBTOTAL, t.subtotal_satang, WIDTH, SIZE)]
    if t.discount_satang:
        parts.append(label_amount(labels.DISCOUNT, -t.discount_satang, WIDTH, SIZE))
    parts += [
        Gap(2),
        label_amount(labels.TOTAL, t.total_satang, WIDTH, 11, Weight.BOLD, amount_width=30 * mm),
        text(f"({labels.VAT_INCLUDED})", WIDTH, SMALL, Weight.SEMIBOLD),
        Gap(2),
        label_amount(labels.VATABLE, t.vatable_satang, WIDTH, SMALL),
        label_amount(labels.VAT, t.vat_satang, WIDTH, SMALL),
        label_amount(labels.EXEMPT, t.exempt_satang, WIDTH, SMALL),
        text(labels.VAT_CODE_LEGEND, WIDTH, 6.5),
        Gap(6, dashed=True),
    ]
    return parts


def _payments(doc: Receipt) -> list[Flowable]:
    parts: list[Flowable] = []
    for payment in doc.payments:
        method = labels.PAYMENT_METHODS[payment.method]
        if payment.reference:
            method = f"{method} {payment.reference}"
        parts.append(label_amount(method, payment.amount_satang, WIDTH, SIZE))
        if payment.tendered_satang is not None and payment.change_satang is not None:
            parts.append(label_amount(labels.TENDERED, payment.tendered_satang, WIDTH, SIZE, indent=INDENT))
            parts.append(label_amount(labels.CHANGE, payment.change_satang, WIDTH, SIZE, Weight.SEMIBOLD,
                                      indent=INDENT))
        if payment.received_at is not None:
            parts.append(label_amount(labels.RECEIVED_ON, labels.moment(payment.received_at), WIDTH, SMALL,
                                      indent=INDENT, amount_width=38 * mm))
    if doc.balance_due_satang and doc.payments:
        parts.append(label_amount(labels.BALANCE_DUE, doc.balance_due_satang, WIDTH, SIZE, Weight.BOLD))
    if parts:
        parts.append(Gap(6, dashed=True))
    return parts


def _member(doc: Receipt) -> list[Flowable]:
    if doc.member is None:
        return []
    m = doc.member
    return [
        label_amount(labels.MEMBER, m.code, WIDTH, SIZE, amount_width=30 * mm),
        label_amount(labels.POINTS_EARNED, f"+{m.points_earned:,}", WIDTH, SIZE),
        label_amount(labels.POINTS_BALANCE, f"{m.points_balance:,}", WIDTH, SIZE),
        Gap(6, dashed=True),
    ]


def receipt_pdf(doc: Receipt) -> bytes:
    """Return the receipt as a one-page PDF, 80 mm wide and as tall as its content.

    Marked ``สำเนา / COPY`` at the top when ``doc.is_copy`` (a reprint).
    """
    flowables: list[Flowable] = _header(doc)
    for line in doc.lines:
        flowables += _line(line)
    flowables.append(Gap(6, dashed=True))
    flowables += _totals(doc) + _payments(doc) + _member(doc)
    flowables.append(text(labels.THANK_YOU, WIDTH, SIZE, align="center"))
    title = f"{labels.ABBREVIATED_TAX_INVOICE} {doc.number}" + (f" ({labels.COPY})" if doc.is_copy else "")
    return roll_pdf(flowables, ROLL_WIDTH, MARGIN, title, doc.seller.name_th)
