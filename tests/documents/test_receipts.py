"""The 80 mm receipt read back from its PDF: what the customer and the Revenue Department look for."""

from __future__ import annotations

import dataclasses
import subprocess

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont

from bnaura_desk.documents import DocumentLine, VatCode, receipt_pdf
from bnaura_desk.documents.fonts import Weight
from bnaura_desk.documents.thai_text import words
from bnaura_desk.domain.money import format_baht

from . import samples
from .pdf_probe import layout, lines_containing, pdf_text, squashed


@pytest.fixture(scope="module")
def original() -> bytes:
    return receipt_pdf(samples.receipt())


def amount(satang: int) -> str:
    return format_baht(satang, symbol=False)


def test_abbreviated_tax_invoice_says_what_the_revenue_code_asks(original: bytes) -> None:
    text = pdf_text(original)
    flat = squashed(text)
    seller = samples.SELLER
    assert "ใบกำกับภาษีอย่างย่อ" in text
    assert squashed(seller.name_th) in flat
    assert squashed(seller.address) in flat
    assert lines_containing(text, seller.tin) == [f"เลขประจำตัวผู้เสียภาษี / Tax ID {seller.tin}"]
    assert "สาขาที่ 00001 / Branch 00001" in text
    assert "E051234567890" in lines_containing(text, "POS")[0]
    assert "B01-T01-R-000123" in lines_containing(text, "เลขที่")[0]
    # Stored 03:32 UTC, printed in Bangkok time with the Buddhist-era year.
    assert "7 ธ.ค. 2569 10:32" in lines_containing(text, "วันที่")[0]
    assert "สำเนา" not in text and "COPY" not in text


def test_items_totals_and_vat_parts(original: bytes) -> None:
    doc = samples.receipt()
    text = pdf_text(original)
    flat = squashed(text)
    for line in doc.lines:
        assert squashed(line.name) in flat  # wrapped over lines, but every word there
        assert f"{line.quantity}×{amount(line.unit_price_satang)}{amount(line.gross_satang)}" in flat
    assert "ส่วนลดสมาชิกGold10%-300.00" in flat
    t = doc.totals
    assert amount(t.total_satang) in lines_containing(text, "ยอดสุทธิ / Total")[0]
    assert "รวมภาษีมูลค่าเพิ่มแล้ว" in text
    assert amount(t.vatable_satang) in lines_containing(text, "VATable")[0]
    assert amount(t.vat_satang) in lines_containing(text, "VAT 7%")[0]
    assert amount(t.exempt_satang) in lines_containing(text, "VAT exempt")[0]
    assert t.total_satang == 449_000 and t.exempt_satang == 50_000  # the sample is what the test thinks it is


def test_payments_change_and_points(original: bytes) -> None:
    text = pdf_text(original)
    assert "2,000.00" in lines_containing(text, "บัตร / Card **** 4242")[0]
    assert "3,000.00" in lines_containing(text, "รับเงิน / Tendered")[0]
    assert "510.00" in lines_containing(text, "เงินทอน / Change")[0]
    assert "M-7Q4K2P9XRT" in lines_containing(text, "สมาชิก / Member")[0]
    assert "+448" in lines_containing(text, "Points earned")[0]
    assert "3,512" in lines_containing(text, "Points balance")[0]


def test_a_reprint_is_marked_copy_at_the_top() -> None:
    text = pdf_text(receipt_pdf(samples.receipt(is_copy=True)))
    first = next(line.strip() for line in text.splitlines() if line.strip())
    assert first == "สำเนา / COPY"


def test_a_deposit_shows_the_balance_due() -> None:
    doc = samples.receipt()
    deposit = dataclasses.replace(doc, payments=doc.payments[:1])
    text = pdf_text(receipt_pdf(deposit))
    assert amount(doc.totals.total_satang - 200_000) in lines_containing(text, "ค้างชำระ / Balance due")[0]


def test_roll_is_80mm_wide_fits_its_content_and_cuts_nothing(original: bytes) -> None:
    pages, placed = layout(original)
    assert len(pages) == 1
    page = pages[0]
    assert page.width == pytest.approx(80 * mm, abs=0.1)
    margin = 4 * mm
    for word in placed:
        assert word.x_min >= margin - 0.5 and word.x_max <= page.width - margin + 0.5, word
        assert word.y_min >= 0 and word.y_max <= page.height, word
    # The roll ends right after its last line: no blank paper, no line past the edge.
    assert page.height - max(w.y_max for w in placed) < margin + 3
    assert min(w.y_min for w in placed) < margin + 3
    longer = layout(receipt_pdf(samples.receipt(lines=samples.many_lines(30))))[0][0]
    extra_lines = 30 - len(samples.sale_lines())
    assert longer.height > page.height + extra_lines * 2 * 10  # two rows of at least 10 pt per extra line


def test_long_thai_names_break_between_words(original: bytes) -> None:
    text = pdf_text(original)
    name = samples.LONG_NAME
    first = lines_containing(text, "ทรีตเมนต์")[0]
    assert len(first) < len(name)  # it did wrap
    ends, at = set(), 0
    for word in words(name):
        at += len(word)
        ends.add(at)
    assert name.index(first) + len(first) in ends


def test_tone_marks_are_placed_by_shaping_and_read_back(original: bytes) -> None:
    # Sarabun draws a tone mark over a letter without an upper vowel with its lowered
    # variant (uni0E48.small...): reportlab uses those glyphs only when HarfBuzz shaped the text.
    variants = getFont(Weight.REGULAR.value).private_use_chars()  # type: ignore[attr-defined]
    assert "\u0e48" in variants.values()
    text = pdf_text(original)
    assert not any("\ue000" <= char <= "\uf8ff" for char in text)  # the text layer names real characters
    assert "ผู้เสียภาษี" in text and "ชั้น" in text and "ที่" in text


def test_markup_characters_in_names_print_as_typed() -> None:
    odd = (DocumentLine("Mask & Peel <ชุดพิเศษ> 2 ชิ้น", 1, 59_000, 59_000, VatCode.STANDARD),)
    text = pdf_text(receipt_pdf(samples.receipt(lines=odd)))
    assert "Mask & Peel <ชุดพิเศษ> 2 ชิ้น" in text


def test_pdf_properties_name_the_document() -> None:
    info = subprocess.run(["pdfinfo", "-"], input=receipt_pdf(samples.receipt(is_copy=True)),
                          capture_output=True, check=True).stdout.decode()
    assert "ใบกำกับภาษีอย่างย่อ B01-T01-R-000123 (สำเนา / COPY)" in info
    assert samples.SELLER.name_th in info
