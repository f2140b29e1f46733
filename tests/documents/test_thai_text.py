"""Thai lines broken between words, never between a letter and its marks, and never too wide."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from bnaura_desk.documents.fonts import Weight, ensure_fonts
from bnaura_desk.documents.thai_text import words, wrap

SENTENCE = ("ผู้ซื้อกำลังจะได้รับคะแนนสะสมเพิ่มขึ้นอีกหนึ่งร้อยยี่สิบห้าคะแนน เมื่อชำระค่าทรีตเมนต์หน้าใสเลเซอร์"
            "ครบตามจำนวนที่กำหนดภายในวันที่สามสิบเอ็ดธันวาคม")
FONT = Weight.REGULAR.value


@pytest.fixture(autouse=True)
def _fonts() -> None:
    ensure_fonts()


def _boundaries(text: str) -> set[int]:
    ends, at = set(), 0
    for word in words(text):
        at += len(word)
        ends.add(at)
    return ends


@pytest.mark.parametrize("width", [60.0, 90.0, 140.0, 200.0])
def test_lines_break_only_between_words_and_fit(width: float) -> None:
    lines = wrap(SENTENCE, width, FONT, 9)
    assert len(lines) > 1
    boundaries = _boundaries(SENTENCE)
    at = 0
    for line in lines:
        assert stringWidth(line, FONT, 9) <= width
        at = SENTENCE.index(line, at) + len(line)
        assert at in boundaries, f"line ends mid-word: {line!r}"
    assert "".join(lines).replace(" ", "") == SENTENCE.replace(" ", "")  # nothing lost, nothing added


def test_clinic_words_stay_whole() -> None:
    assert "ทรีตเมนต์" in words("ค่าทรีตเมนต์หน้าใส")
    assert "เลเซอร์" in words("เลเซอร์หน้าใส")


def test_a_word_wider_than_the_line_keeps_marks_on_their_letters() -> None:
    word = "ภาษีมูลค่าเพิ่ม"  # one dictionary word, about 60 pt at 9 pt
    lines = wrap(word, 25, FONT, 9)
    assert len(lines) > 1
    assert "".join(lines) == word
    for line in lines[1:]:
        # A line never starts with a combining mark (it would float over nothing) ...
        assert unicodedata.category(line[0]) != "Mn", lines
        assert line[0] != "\u0e33"
    for line in lines[:-1]:
        # ... nor ends with a leading vowel cut off from its letter.
        assert line[-1] not in "เแโใไ", lines


def test_spaces_at_breaks_are_dropped_and_newlines_kept() -> None:
    lines = wrap("Botox 50 units\nฟิลเลอร์ร่องแก้ม", 40, FONT, 9)
    assert all(line == line.strip() for line in lines)
    assert "Botox" in lines[0]
    assert any(line.startswith("ฟิลเลอร์") for line in lines)


def test_brackets_stay_with_their_words() -> None:
    text = "ฟิลเลอร์ (ร่องแก้ม) ฉีดเพิ่มได้เรื่อยๆ ตามที่แพทย์แนะนำ, นัดครั้งถัดไป (ภายใน 14 วัน)"
    for width in (30.0, 45.0, 60.0, 80.0, 120.0):
        for line in wrap(text, width, FONT, 9):
            assert not line.startswith((")", ",", "ๆ")), (width, line)
            assert not line.endswith("("), (width, line)


_PIECES = ("ผู้", "ซื้อ", "กำลัง", "ได้รับ", "คะแนน", "เพิ่มขึ้น", "ทรีตเมนต์", "น้ำ", "ปิ๊ก", "ฤๅษี", "Botox", "50", "ml",
           "1,234.50", " ", " ", "(", ")", "ๆ", ",", "เลเซอร์", "ก๊วยเตี๋ยว")


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40), width=st.floats(20, 220))
def test_any_text_wraps_into_lines_that_fit_and_lose_nothing(pieces: list[str], width: float) -> None:
    text = "".join(pieces)
    lines = wrap(text, width, FONT, 9)
    assert all(stringWidth(line, FONT, 9) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert not line or unicodedata.category(line[0]) != "Mn"
