"""The A4 page shared by the full tax invoice and the credit note.

Seller and document title at the top, the parties, an items table whose
description column wraps between Thai words, the sums with the amount in
Thai words, and signature lines. Long documents flow onto more pages with
the table's header repeated.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from . import labels
from .fonts import Weight
from .layout import Gap, baht, columns, label_amount, text
from .model import DocumentLine, Seller, Totals
from .thai_words import baht_words

MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
SIZE = 9.5
SMALL = 8.5
PAD = 3
BOX_PADDING = 5
# No. | description | qty | unit price | discount | amount | VAT code
ITEM_COLUMNS = (10 * mm, WIDTH - 106 * mm, 14 * mm, 24 * mm, 22 * mm, 26 * mm, 10 * mm)


def header(seller: Seller, title_th: str, title_en: str, is_copy: bool) -> Table:
    """Return the seller block (left) beside the document's title and original/copy mark (right)."""
    left_width = WIDTH * 0.6
    right_width = WIDTH - left_width
    seller_block = [
        text(seller.name_th, left_width - PAD, 14, Weight.BOLD),
        text(seller.name_en, left_width - PAD, SIZE, Weight.SEMIBOLD),
        text(seller.address, left_width - PAD, SMALL),
        text(f"{labels.TIN} {seller.tin}", left_width - PAD, SMALL),
        text(labels.branch_line(seller.branch_label_th, seller.branch_label_en), left_width - PAD, SMALL),
    ]
    title_block = [
        text(title_th, right_width, 15, Weight.BOLD, "right"),
        text(title_en, right_width, SIZE, Weight.SEMIBOLD, "right"),
        Gap(4),
        text(labels.COPY if is_copy else labels.ORIGINAL, right_width, 12 if is_copy else SIZE,
             Weight.BOLD if is_copy else Weight.REGULAR, "right"),
    ]
    table = Table([[seller_block, title_block]], colWidths=[left_width, right_width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def boxed(rows: Sequence[Flowable], width: float = WIDTH) -> Table:
    """Return ``rows`` stacked in a thin box (the buyer and document details)."""
    table = Table([[list(rows)]], colWidths=[width])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, "black"),
        ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def field(label: str, value: str, width: float, label_width: float = 62 * mm) -> Table:
    """Return ``label`` and ``value`` side by side, each wrapping in its own column."""
    table = Table([[text(label, label_width - PAD, SMALL, Weight.SEMIBOLD), text(value, width - label_width, SIZE)]],
                  colWidths=[label_width, width - label_width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return table


def parties(left: Sequence[tuple[str, str]], right: Sequence[tuple[str, str]]) -> Table:
    """Return two boxes side by side of ``(label, value)`` fields: the buyer's (left) and the document's (right)."""
    half = WIDTH / 2 - 2
    inner = half - 2 * BOX_PADDING
    left_box = boxed([field(label, value, inner, 26 * mm) for label, value in left], half)
    right_box = boxed([field(label, value, inner, 34 * mm) for label, value in right], half)
    table = Table([[left_box, "", right_box]], colWidths=[half, 4, half])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def items(lines: Sequence[DocumentLine]) -> Table:
    """Return the items table: each line's description, quantity, unit price, discount, amount and VAT code."""
    heads = (labels.ITEM_NO, labels.DESCRIPTION, labels.QUANTITY, labels.UNIT_PRICE, labels.LINE_DISCOUNT,
             labels.AMOUNT, "VAT")
    aligns = ("center", "left", "right", "right", "right", "right", "center")
    inner = [w - 2 * PAD for w in ITEM_COLUMNS]
    rows = [[text(h, w, SMALL, Weight.SEMIBOLD, "center") for h, w in zip(heads, inner, strict=True)]]
    for n, line in enumerate(lines, start=1):
        description = line.name + "".join(f"\n{d.label}" for d in line.discounts)
        values = (str(n), description, f"{line.quantity:,}", baht(line.unit_price_satang),
                  baht(line.discount_satang) if line.discount_satang else "-", baht(line.net_satang),
                  labels.VAT_CODES[line.vat_code])
        rows.append([text(v, w, SIZE, align=a) for v, w, a in zip(values, inner, aligns, strict=True)])
    table = Table(rows, colWidths=list(ITEM_COLUMNS), repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
        ("BOX", (0, 0), (-1, -1), 0.6, "black"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, "#999999"),
        ("LINEAFTER", (0, 0), (-2, -1), 0.25, "#999999"),
    ]))
    return table


def sums(rows: Sequence[tuple[str, int, bool]], words_label: str, words_satang: int, note: str = "") -> Table:
    """Return the amount in Thai words (left) beside the sums (right), each row ``(label, satang, bold)``.

    ``note`` is printed under the sums (the "VAT included" statement).
    """
    right_width = 92 * mm
    left_width = WIDTH - right_width - 6 * mm
    figures: list[Flowable] = [
        label_amount(label, satang, right_width, SIZE + (1 if bold else 0), Weight.BOLD if bold else Weight.REGULAR,
                     amount_width=30 * mm)
        for label, satang, bold in rows
    ]
    if note:
        figures.append(text(note, right_width, SMALL, Weight.SEMIBOLD, "right"))
    words = [text(words_label, left_width, SMALL, Weight.SEMIBOLD),
             text(f"({baht_words(words_satang)})", left_width, SIZE + 1, Weight.SEMIBOLD),
             Gap(3), text(labels.VAT_CODE_LEGEND, left_width, SMALL - 1)]
    table = Table([[words, "", figures]], colWidths=[left_width, 6 * mm, right_width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOX", (0, 0), (0, 0), 0.6, "black"),
        ("LEFTPADDING", (0, 0), (0, 0), 5),
        ("TOPPADDING", (0, 0), (0, 0), 4),
        ("BOTTOMPADDING", (0, 0), (0, 0), 6),
    ]))
    return table


def vat_rows(totals: Totals) -> list[tuple[str, int, bool]]:
    """Return the three parts of a total as sum rows: VAT-able value, VAT, exempt part."""
    return [(labels.VATABLE, totals.vatable_satang, False), (labels.VAT, totals.vat_satang, False),
            (labels.EXEMPT, totals.exempt_satang, False)]


def signatures(left: str, right: str) -> Table:
    """Return two signature lines with their captions."""
    half = WIDTH / 2
    caption = [[text("......................................................", half, SIZE, align="center"),
                text("......................................................", half, SIZE, align="center")],
               [text(left, half, SMALL, align="center"), text(right, half, SMALL, align="center")]]
    table = Table(caption, colWidths=[half, half])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def page_pdf(flowables: list[Flowable], title: str, author: str) -> bytes:
    """Return ``flowables`` laid out on A4 pages.

    Every page's foot repeats ``title`` (the document's name and number,
    and the copy mark of a reprint) beside the page number, so a page that
    comes loose still says what it belongs to; ``title`` and ``author``
    also go into the PDF's properties.
    """
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                 bottomMargin=MARGIN, title=title, author=author, creator="BN-Aura Desk")

    def foot(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        # Thai in the foot too goes through a shaped paragraph, never drawString.
        row = columns([(title, WIDTH * 0.8, "left"), (f"หน้า / Page {doc.page}", WIDTH * 0.2, "right")], 7.5)
        _, height = row.wrapOn(canvas, WIDTH, MARGIN)
        row.drawOn(canvas, MARGIN, MARGIN - height - 4)

    document.build(flowables, onFirstPage=foot, onLaterPages=foot)
    return out.getvalue()
