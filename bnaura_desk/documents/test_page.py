"""A printer's test page: the 80 mm roll layout of the receipt, with Thai that shows a misplaced mark at once.

Printed by ``bnaura printer test``: whoever sets up a printer sees that the
paper width is used edge to edge (a full-width rule) and that tone marks
and upper and lower vowels sit where they belong (words that stack them).
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from . import labels
from .fonts import Weight
from .layout import Gap, label_amount, roll_pdf, text
from .receipt import MARGIN, ROLL_WIDTH, SIZE, SMALL, WIDTH

TITLE = "หน้าทดสอบเครื่องพิมพ์ / Printer test page"
# Tone marks over upper vowels, marks alone, lower vowels, tall letters: what a wrong code page or font breaks.
THAI_SAMPLES = (
    "ผู้ใหญ่ ปู่ ป้า น้ำ ที่ นี่ ญี่ปุ่น ฎีกา ฤๅษี",
    "ก่ ก้ ก๊ ก๋ กิ่ง กี้ กึ๊ก กื๋อ ปั้น ฟั่น",
    "ทรีตเมนต์หน้าใส เซรั่มไฮยาลูรอน",
)


def test_page_pdf(printer: str, connection: str, width_dots: int, printed_at: datetime) -> bytes:
    """Return the test page of ``printer`` (reached by ``connection``, ``width_dots`` wide) as a roll PDF."""
    flowables: list[Flowable] = [
        text(TITLE, WIDTH, 11, Weight.BOLD, "center"),
        Gap(6, dashed=True),
        label_amount("เครื่องพิมพ์ / Printer", printer, WIDTH, SIZE, amount_width=40 * mm),
        label_amount("การเชื่อมต่อ / Connection", connection, WIDTH, SMALL, amount_width=40 * mm),
        label_amount("ความกว้าง / Width", f"{width_dots} dots", WIDTH, SIZE),
        label_amount(labels.DATE, labels.moment(printed_at), WIDTH, SIZE, amount_width=38 * mm),
        Gap(6, dashed=True),
    ]
    flowables += [text(sample, WIDTH, 11) for sample in THAI_SAMPLES]
    flowables += [
        text("0123456789 ฿1,234.50 ABCDEFGHIJKLMNOPQRSTUVWXYZ", WIDTH, SIZE),
        Gap(6, dashed=True),
        text(labels.THANK_YOU, WIDTH, SIZE, align="center"),
    ]
    return roll_pdf(flowables, ROLL_WIDTH, MARGIN, TITLE, "BN-Aura Desk")
