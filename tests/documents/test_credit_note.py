"""The credit note for a refund, read back: the original document, reason, values, VAT and words."""

from __future__ import annotations

import dataclasses

from bnaura_desk.documents import credit_note_pdf
from bnaura_desk.domain.money import format_baht

from . import samples
from .pdf_probe import lines_containing, pdf_text, squashed


def test_credit_note_says_what_was_credited_and_why() -> None:
    note = samples.credit_note()
    text = pdf_text(credit_note_pdf(note))
    flat = squashed(text)
    assert "ใบลดหนี้" in text and "CREDIT NOTE" in text
    assert "B01-T01-C-000007" in flat
    assert "Originaltaxinvoice No.B01-T01-R-000123".replace(" ", "") in flat
    assert "7ธ.ค.256910:32" in flat and "8ธ.ค.256909:00" in flat  # original date and credit note date
    assert squashed(note.reason) in flat
    assert squashed(samples.BUYER.name) in flat
    money = {"Original value": note.original_value_satang, "Corrected value": note.corrected_value_satang,
             "Difference credited": note.totals.total_satang, "VATable": note.totals.vatable_satang,
             "VAT 7%": note.totals.vat_satang}
    for label, satang in money.items():
        assert format_baht(satang, symbol=False) in lines_containing(text, label)[-1], label
    assert note.corrected_value_satang == 449_000 - 135_000
    assert "(หนึ่งพันสามร้อยห้าสิบบาทถ้วน)" in flat
    assert "1,350.00" in lines_containing(text, "Refunded by")[0]
    assert "COPY" not in text


def test_a_reprinted_credit_note_is_marked_copy() -> None:
    assert "สำเนา / COPY" in pdf_text(credit_note_pdf(samples.credit_note(is_copy=True)))


def test_a_walk_in_refund_needs_no_buyer() -> None:
    note = dataclasses.replace(samples.credit_note(), buyer=None)
    text = pdf_text(credit_note_pdf(note))
    assert "Buyer" not in text
    assert squashed(note.reason) in squashed(text)
    assert "(หนึ่งพันสามร้อยห้าสิบบาทถ้วน)" in squashed(text)
