"""Thai mobile numbers: validation, E.164 normalisation, display, search digits."""

from __future__ import annotations

import re

from .errors import QT_TRANSLATE_NOOP, BadInput

# Thai mobile numbers are 10 digits nationally: 06x, 08x or 09x.
_NATIONAL_MOBILE = re.compile(r"0[689][0-9]{8}")
_ALLOWED = re.compile(r"[0-9\s\-().+]+")
# A Thai keyboard types Thai digits (๐-๙); they mean the same number. Other
# scripts' digits are refused rather than stored as non-ASCII "E.164".
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def normalise_thai_mobile(raw: str) -> str:
    """Return ``raw`` as E.164 (``+66812345678``).

    Accepts the forms people type: ``081-234-5678``, ``0812345678``,
    ``+66 81 234 5678``, ``66812345678``, ``(081) 234 5678``.

    Raises:
        BadInput: empty, not digits, or not a Thai mobile number.
    """
    text = raw.strip().translate(_THAI_DIGITS)
    if not text:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Phone number is required"), field="phone")
    if not _ALLOWED.fullmatch(text) or text.count("+") > 1 or "+" in text[1:]:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Phone number may contain only digits, spaces and dashes"),
            field="phone",
        )
    digits = re.sub(r"[^0-9]", "", text)
    if digits.startswith("66") and len(digits) == 11:
        digits = "0" + digits[2:]
    elif digits.startswith("660") and len(digits) == 12:  # "+66 081..." typed with the 0
        digits = digits[2:]
    if not _NATIONAL_MOBILE.fullmatch(digits):
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "{phone} is not a Thai mobile number (10 digits starting 06, 08 or 09)"
            ),
            field="phone",
            phone=raw.strip(),
        )
    return "+66" + digits[1:]


def national_digits(e164: str) -> str:
    """Return the national form without separators: ``+66812345678`` → ``0812345678``."""
    return "0" + e164[3:] if e164.startswith("+66") else e164


def display_phone(e164: str) -> str:
    """Return the form staff read aloud: ``+66812345678`` → ``081-234-5678``."""
    d = national_digits(e164)
    if len(d) == 10:
        return f"{d[:3]}-{d[3:6]}-{d[6:]}"
    return e164


def query_digits(text: str) -> str:
    """Return the digits of a typed query in national form, for phone search.

    ``+66 81 23`` → ``08123``; ``081-23`` → ``08123``; ``5678`` → ``5678``.
    Four digits are left as typed even when they start ``66``: that is a
    "last four digits" search far more often than a country code.
    """
    text = text.translate(_THAI_DIGITS)
    digits = re.sub(r"[^0-9]", "", text)
    if text.strip().startswith("+66") or (digits.startswith("66") and len(digits) >= 5 and digits[2] in "689"):
        digits = "0" + digits[2:]
    return digits
