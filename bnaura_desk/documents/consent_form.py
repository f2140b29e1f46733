"""The signed treatment consent form (หนังสือแสดงความยินยอมรับบริการ) on A4.

The clinic and branch at the top, who signs for which treatment and when,
the consent text in Thai then English (``domain.consents``), and the
customer's signature as drawn on the screen (a PNG of the ink), above the
signature line with the customer's name and the time of signing. The
staff member who took the signature is named as witness. One page: the
text is at most a page (``consents.TEXT_MAX``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Table, TableStyle

from . import a4, labels
from .fonts import Weight
from .layout import Gap, text

TITLE = "หนังสือแสดงความยินยอมรับบริการ"
TITLE_EN = "TREATMENT CONSENT FORM"
CUSTOMER = "ผู้รับบริการ / Customer"
TREATMENT = "ทรีตเมนต์ / Treatment"
BRANCH = "สาขา / Branch"
SIGNED_AT = "วันที่ลงนาม / Signed on"
FORM_NO = "เลขที่แบบฟอร์ม / Form No."
THAI_HEADING = "ข้อความแสดงความยินยอม"
ENGLISH_HEADING = "Consent"
CUSTOMER_SIGNATURE = "ลายมือชื่อผู้รับบริการ / Customer's signature"
WITNESS = "พยาน (เจ้าหน้าที่) / Witness (staff)"
SIGNED_ON_SCREEN = "ลงนามบนหน้าจอ / Signed on screen"
TEXT_SIZE = 11
SIGNATURE_BOX = (70 * mm, 28 * mm)  # the most room the ink takes: a signature's width, kept in proportion


@dataclass(frozen=True)
class ConsentForm:
    """What a signed consent form prints.

    Attributes:
        form_id: the consent record's id (printed, so the paper and the record meet).
        clinic_th, clinic_en: the chain's or branch's name as the clinic is known.
        branch: the branch where it was signed.
        customer: the customer's name as signed for.
        treatment: the treatment's name.
        text_th, text_en: the consent text, placeholders filled in.
        signed_at: when it was signed (aware; printed in Bangkok time).
        signature_png: the customer's ink (``ui.widgets.signature_pad`` exports it).
        witness: the staff member who took the signature ("" when none).
    """

    form_id: str
    clinic_th: str
    clinic_en: str
    branch: str
    customer: str
    treatment: str
    text_th: str
    text_en: str
    signed_at: datetime
    signature_png: bytes
    witness: str = ""

    def __post_init__(self) -> None:
        if self.signed_at.tzinfo is None or self.signed_at.utcoffset() is None:
            raise ValueError("signed_at must be an aware datetime (UTC is stored)")
        if not self.signature_png:
            raise ValueError("a signed form needs the signature")


def _signature(png: bytes) -> Image:
    """Return the ink scaled to fit ``SIGNATURE_BOX``, its proportions kept."""
    width, height = ImageReader(io.BytesIO(png)).getSize()
    scale = min(SIGNATURE_BOX[0] / width, SIGNATURE_BOX[1] / height)
    return Image(io.BytesIO(png), width=width * scale, height=height * scale)


def _signature_block(form: ConsentForm) -> Table:
    """Return the customer's signature (left) beside the witness's line (right), each with its caption."""
    half = a4.WIDTH / 2
    dots = "......................................................"
    rows: list[list[Any]] = [
        [_signature(form.signature_png), text(" ", half, a4.SIZE)],
        [text(dots, half, a4.SIZE, align="center"), text(dots, half, a4.SIZE, align="center")],
        [text(f"({form.customer})", half, a4.SIZE, Weight.SEMIBOLD, "center"),
         text(f"({form.witness})" if form.witness else "", half, a4.SIZE, Weight.SEMIBOLD, "center")],
        [text(CUSTOMER_SIGNATURE, half, a4.SMALL, align="center"), text(WITNESS, half, a4.SMALL, align="center")],
        [text(f"{SIGNED_ON_SCREEN} {labels.moment(form.signed_at)}", half, a4.SMALL, align="center"), ""],
    ]
    table = Table(rows, colWidths=[half, half])
    table.setStyle(TableStyle([
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return table


def _header(form: ConsentForm) -> Table:
    left_width = a4.WIDTH * 0.55
    right_width = a4.WIDTH - left_width
    clinic = [text(form.clinic_th, left_width - a4.PAD, 14, Weight.BOLD)]
    if form.clinic_en:
        clinic.append(text(form.clinic_en, left_width - a4.PAD, a4.SIZE, Weight.SEMIBOLD))
    title = [text(TITLE, right_width, 15, Weight.BOLD, "right"),
             text(TITLE_EN, right_width, a4.SIZE, Weight.SEMIBOLD, "right")]
    table = Table([[clinic, title]], colWidths=[left_width, right_width])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _details(form: ConsentForm) -> Table:
    """Return who signs for what (left box) beside where, when and the form's number (right box)."""
    half = a4.WIDTH / 2 - 2
    inner = half - 2 * a4.BOX_PADDING
    left = a4.boxed([a4.field(label, value, inner, 38 * mm)
                     for label, value in ((CUSTOMER, form.customer), (TREATMENT, form.treatment))], half)
    right = a4.boxed([a4.field(label, value, inner, 42 * mm) for label, value in (
        (BRANCH, form.branch), (SIGNED_AT, labels.moment(form.signed_at)), (FORM_NO, form.form_id[:8].upper()))],
        half)
    table = Table([[left, "", right]], colWidths=[half, 4, half])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def consent_form_pdf(form: ConsentForm) -> bytes:
    """Return the signed consent form as a one-page A4 PDF (more pages only if a chain's text is that long)."""
    inner = a4.WIDTH - 2 * a4.BOX_PADDING
    flowables: list[Flowable] = [
        _header(form),
        Gap(10),
        _details(form),
        Gap(12),
        a4.boxed([
            text(THAI_HEADING, inner, a4.SIZE, Weight.BOLD),
            Gap(2),
            text(form.text_th, inner, TEXT_SIZE),
            Gap(8),
            text(ENGLISH_HEADING, inner, a4.SIZE, Weight.BOLD),
            Gap(2),
            text(form.text_en, inner, a4.SIZE),
        ]),
        Gap(24),
        _signature_block(form),
    ]
    title = f"{TITLE} {form.form_id[:8].upper()}"
    return a4.page_pdf(flowables, title, form.clinic_th)
