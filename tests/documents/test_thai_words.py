"""The amount in Thai words, against hand-written readings and the published vectors of bahtrext."""

from __future__ import annotations

import pytest

from bnaura_desk.documents.thai_words import baht_words, number_words


@pytest.mark.parametrize(("satang", "words"), [
    (0, "ศูนย์บาทถ้วน"),
    (100, "หนึ่งบาทถ้วน"),
    (1_000, "สิบบาทถ้วน"),
    (1_100, "สิบเอ็ดบาทถ้วน"),
    (2_000, "ยี่สิบบาทถ้วน"),
    (2_100, "ยี่สิบเอ็ดบาทถ้วน"),
    (2_200, "ยี่สิบสองบาทถ้วน"),
    (10_100, "หนึ่งร้อยเอ็ดบาทถ้วน"),
    (11_100, "หนึ่งร้อยสิบเอ็ดบาทถ้วน"),
    (150_000, "หนึ่งพันห้าร้อยบาทถ้วน"),
    (449_000, "สี่พันสี่ร้อยเก้าสิบบาทถ้วน"),
    (100_100, "หนึ่งพันเอ็ดบาทถ้วน"),
    (12_525, "หนึ่งร้อยยี่สิบห้าบาทยี่สิบห้าสตางค์"),
    (50, "ห้าสิบสตางค์"),
    (1, "หนึ่งสตางค์"),
    (11, "สิบเอ็ดสตางค์"),
    (21, "ยี่สิบเอ็ดสตางค์"),
    (100_000_000, "หนึ่งล้านบาทถ้วน"),
    (1_100_000_000, "สิบเอ็ดล้านบาทถ้วน"),
    (2_100_000_000, "ยี่สิบเอ็ดล้านบาทถ้วน"),
    (100_000_100, "หนึ่งล้านหนึ่งบาทถ้วน"),  # a lone one after the millions is หนึ่ง, not เอ็ด
    (123_456_789_00, "หนึ่งร้อยยี่สิบสามล้านสี่แสนห้าหมื่นหกพันเจ็ดร้อยแปดสิบเก้าบาทถ้วน"),
    (-12_525, "ลบหนึ่งร้อยยี่สิบห้าบาทยี่สิบห้าสตางค์"),
])
def test_hand_written_readings(satang: int, words: str) -> None:
    assert baht_words(satang) == words


# Published test vectors of the bahtrext package (npm, PingHuskar/npm-bahtrext, index.test.js), as facts.
@pytest.mark.parametrize(("satang", "words"), [
    (200_000_000_000_000, "สองล้านล้านบาทถ้วน"),
    (12_300, "หนึ่งร้อยยี่สิบสามบาทถ้วน"),
    (800, "แปดบาทถ้วน"),
    (567_800, "ห้าพันหกร้อยเจ็ดสิบแปดบาทถ้วน"),
    (6_314_789, "หกหมื่นสามพันหนึ่งร้อยสี่สิบเจ็ดบาทแปดสิบเก้าสตางค์"),
    (5_100_000_100, "ห้าสิบเอ็ดล้านหนึ่งบาทถ้วน"),
    (31_710, "สามร้อยสิบเจ็ดบาทสิบสตางค์"),
    (42_226, "สี่ร้อยยี่สิบสองบาทยี่สิบหกสตางค์"),
    (1_111, "สิบเอ็ดบาทสิบเอ็ดสตางค์"),
    (19_141_511, "หนึ่งแสนเก้าหมื่นหนึ่งพันสี่ร้อยสิบห้าบาทสิบเอ็ดสตางค์"),
    (101, "หนึ่งบาทหนึ่งสตางค์"),
    (567_846, "ห้าพันหกร้อยเจ็ดสิบแปดบาทสี่สิบหกสตางค์"),
    (67, "หกสิบเจ็ดสตางค์"),
])
def test_published_vectors(satang: int, words: str) -> None:
    assert baht_words(satang) == words


def test_every_number_below_a_million_reads_back() -> None:
    # A reader that parses the words back must get the number: no place or digit lost or doubled.
    values = {"หนึ่ง": 1, "เอ็ด": 1, "สอง": 2, "ยี่": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8,
              "เก้า": 9}
    places = {"สิบ": 10, "ร้อย": 100, "พัน": 1_000, "หมื่น": 10_000, "แสน": 100_000}
    for n in range(1, 1_000_000, 7):
        text, total, digit = number_words(n), 0, 0
        while text:
            for word, value in (*values.items(), *places.items()):
                if text.startswith(word):
                    text = text[len(word):]
                    if word in places:
                        total += (digit or 1) * value
                        digit = 0
                    else:
                        digit = value
                    break
            else:
                raise AssertionError(f"unreadable {number_words(n)!r}")
        assert total + digit == n, number_words(n)
