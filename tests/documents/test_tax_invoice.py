"""The full tax invoice on A4, read back: buyer, the receipt it replaces, sums, the amount in Thai words."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from bnaura_desk.documents import full_tax_invoice_pdf
from bnaura_desk.domain.money import format_baht

from . import samples
from .pdf_probe import layout, lines_containing, pdf_text, squashed


@pytest.fixture(scope="module")
def original() -> bytes:
    return full_tax_invoice_pdf(samples.full_tax_invoice())


def test_names_seller_buyer_and_the_replaced_receipt(original: bytes) -> None:
    text = pdf_text(original)
    flat = squashed(text)
    assert "ใบกำกับภาษี" in text and "TAX INVOICE" in text
    assert squashed(samples.SELLER.name_th) in flat
    assert "0105561234567" in flat and "สาขาที่00001" in flat
    buyer = samples.BUYER
    assert squashed(buyer.name) in flat
    assert squashed(buyer.address) in flat
    assert "เลขประจำตัวผู้เสียภาษี/TaxID0105559876543" in flat
    assert "สาขา/Branchสำนักงานใหญ่" in flat
    assert "B01-T01-F-000045" in flat
    assert "B01-T01-R-000123" in flat and "Replaces" in text  # the abbreviated invoice it replaces
    assert "7ธ.ค.256912:10" in flat  # 05:10 UTC in Bangkok
    assert "ต้นฉบับ / ORIGINAL" in text and "COPY" not in text


def test_items_sums_and_amount_in_words(original: bytes) -> None:
    doc = samples.full_tax_invoice()
    text = pdf_text(original)
    flat = squashed(text)
    for line in doc.receipt.lines:
        assert squashed(line.name) in flat
    t = doc.receipt.totals
    for label, satang in (("Subtotal", t.subtotal_satang), ("VATable", t.vatable_satang), ("VAT 7%", t.vat_satang),
                          ("VAT exempt", t.exempt_satang)):
        assert format_baht(satang, symbol=False) in lines_containing(text, label)[-1], label
    assert "4,490.00" in squashed(text[text.index("ยอดสุทธิ"):])[:80]
    assert "(สี่พันสี่ร้อยเก้าสิบบาทถ้วน)" in flat
    assert "(รวมภาษีมูลค่าเพิ่มแล้ว / VAT included)" in text


def test_a4_and_long_invoices_flow_onto_numbered_pages_with_headers_repeated() -> None:
    pdf = full_tax_invoice_pdf(samples.full_tax_invoice(lines=samples.many_lines(70)))
    pages, words = layout(pdf)
    assert len(pages) >= 2
    assert all((p.width, p.height) == pytest.approx(A4, abs=0.1) for p in pages)
    for page_no in range(len(pages)):
        on_page = [w.text for w in words if w.page == page_no]
        assert "Description" in on_page  # the table's header on every page
        foot = " ".join(w.text for w in words if w.page == page_no and w.y_min > pages[page_no].height - 16 * mm)
        assert "B01-T01-F-000045" in foot and f"Page {page_no + 1}" in foot  # a loose page says what it is
    for word in words:
        page = pages[word.page]
        assert 0 <= word.x_min and word.x_max <= page.width and 0 <= word.y_min and word.y_max <= page.height
    text = pdf_text(pdf)
    for n in (1, 35, 70):
        assert f"มาส์กหน้าสูตรพิเศษ ชุดที่ {n}" in text


def test_a_reprint_is_marked_copy() -> None:
    text = pdf_text(full_tax_invoice_pdf(samples.full_tax_invoice(is_copy=True)))
    assert "สำเนา / COPY" in text and "ORIGINAL" not in text
