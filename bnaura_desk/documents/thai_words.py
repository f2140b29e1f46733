"""An amount of money in Thai words, as a full tax invoice spells it out.

The rules: one in the tens place is ``สิบ`` (not หนึ่งสิบ), two is ``ยี่สิบ``;
one in the units place after a higher digit of the same million group is
``เอ็ด`` (สิบเอ็ด, หนึ่งร้อยเอ็ด), alone it is ``หนึ่ง``; above six digits
the number is read as groups of millions (``สิบเอ็ดล้าน``, ``หนึ่งล้านล้าน``).
Whole baht end in ``บาทถ้วน``; satang follow as ``...บาท...สตางค์``, and an
amount under one baht is only ``...สตางค์``.
"""

from __future__ import annotations

_DIGITS = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACES = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")
_MILLION = "ล้าน"


def _below_million(n: int) -> str:
    """Read 0 < n < 1,000,000; ``เอ็ด`` for a final one after any higher digit."""
    words = []
    digits = str(n)
    for position, char in enumerate(digits):
        digit = int(char)
        place = len(digits) - 1 - position
        if digit == 0:
            continue
        if place == 1 and digit == 1:
            words.append("สิบ")
        elif place == 1 and digit == 2:
            words.append("ยี่สิบ")
        elif place == 0 and digit == 1 and n > 9:
            words.append("เอ็ด")
        else:
            words.append(_DIGITS[digit] + _PLACES[place])
    return "".join(words)


def number_words(n: int) -> str:
    """Return the non-negative integer ``n`` in Thai words (``0`` is ``ศูนย์``).

    Raises:
        ValueError: ``n`` is negative.
    """
    if n < 0:
        raise ValueError("number_words reads non-negative numbers")
    if n == 0:
        return "ศูนย์"
    millions, rest = divmod(n, 1_000_000)
    head = number_words(millions) + _MILLION if millions else ""
    return head + (_below_million(rest) if rest else "")


def baht_words(satang: int) -> str:
    """Return an amount in satang as Thai words.

    ``150000`` → ``หนึ่งพันห้าร้อยบาทถ้วน``; ``12525`` →
    ``หนึ่งร้อยยี่สิบห้าบาทยี่สิบห้าสตางค์``; ``50`` → ``ห้าสิบสตางค์``;
    ``0`` → ``ศูนย์บาทถ้วน``; a negative amount (a refund) starts with ``ลบ``.
    """
    if satang < 0:
        return "ลบ" + baht_words(-satang)
    baht, rest = divmod(satang, 100)
    if rest == 0:
        return number_words(baht) + "บาทถ้วน"
    head = number_words(baht) + "บาท" if baht else ""
    return head + number_words(rest) + "สตางค์"
