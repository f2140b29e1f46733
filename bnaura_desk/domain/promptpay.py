"""PromptPay QR payloads: the EMVCo merchant-presented text a Thai banking app scans.

A payload is a string of data objects, each ``ID`` (2 digits), ``length``
(2 digits) and value, ending with a CRC-16/CCITT-FALSE of everything before
its value (EMV QRCPS Merchant-Presented Mode). PromptPay puts the receiving
account in tag 29 under the AID ``A000000677010111``.

The data objects are written in the order of dtinth/promptpay-qr, the
reference implementation most Thai apps and libraries are checked against,
so its published payloads come out byte for byte: the spec fixes only the
first (``00``) and the last (``63``), and bank apps read either order.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass
from enum import StrEnum

from .errors import QT_TRANSLATE_NOOP, BadInput
from .money import format_baht

PROMPTPAY_AID = "A000000677010111"

# Tag 54 holds at most 13 characters (EMV QRCPS MPM, "Transaction Amount"):
# "9999999999.99" is the largest amount it can carry.
MAX_AMOUNT_SATANG = 999_999_999_999

# People type separators and Thai digits (๐-๙) into ids as into phone numbers.
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SEPARATORS = re.compile(r"[\s\-().]")
_MOBILE = re.compile(r"0[689][0-9]{8}")


class TargetKind(StrEnum):
    """What a PromptPay id is; the value is its sub-tag inside tag 29."""

    MOBILE = "01"
    TAX_ID = "02"  # a 13-digit national id (a person) or tax id (a company)
    EWALLET = "03"


@dataclass(frozen=True)
class PromptPayTarget:
    """A checked PromptPay id.

    Attributes:
        kind: mobile number, national or tax id, or e-wallet id.
        digits: the id in its national form, digits only: ``0812345678``
            for a mobile, the 13 or 15 digits otherwise.
    """

    kind: TargetKind
    digits: str

    def account_value(self) -> str:
        """Return the id as tag 29 carries it (a mobile as ``0066`` + 9 digits)."""
        if self.kind is TargetKind.MOBILE:
            return "0066" + self.digits[1:]
        return self.digits


def promptpay_target(text: str) -> PromptPayTarget:
    """Return the PromptPay id typed as ``text``, checked and normalised.

    Accepts a Thai mobile number as people write it (``0812345678``,
    ``081-234-5678``, ``+66 81 234 5678``, ``66812345678``), a 13-digit
    national or tax id and a 15-digit e-wallet id, with spaces, dashes,
    dots or brackets between the digits, in Thai or Arabic digits.

    Raises:
        BadInput: empty; letters or other signs; a ``+`` that is not the
            start of a ``+66`` mobile number; any other number of digits,
            such as a landline (9 digits) or a mobile not starting 06, 08
            or 09.
    """
    stripped = text.strip()
    if not stripped:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "PromptPay id is required"), field="promptpay_id")
    cleaned = _SEPARATORS.sub("", stripped.translate(_THAI_DIGITS))
    international = cleaned.startswith("+")
    digits = cleaned[1:] if international else cleaned
    if digits.isascii() and digits.isdigit():
        target = _classify(digits, international)
        if target is not None:
            return target
    raise BadInput(
        QT_TRANSLATE_NOOP(
            "errors",
            "{target} is not a PromptPay id: enter a Thai mobile number (10 digits starting 06, 08 or 09),"
            " a 13-digit national or tax id, or a 15-digit e-wallet id",
        ),
        field="promptpay_id",
        target=stripped,
    )


def _classify(digits: str, international: bool) -> PromptPayTarget | None:
    """Return what ``digits`` are as a PromptPay id, or None when they are none."""
    if digits.startswith("66") and len(digits) in (11, 12):
        # 66 812345678, or 66 0812345678 typed with the trunk 0 after the country code.
        national = "0" + digits[2:] if len(digits) == 11 else digits[2:]
        return PromptPayTarget(TargetKind.MOBILE, national) if _MOBILE.fullmatch(national) else None
    if international:
        return None  # a "+" and not Thailand's country code
    if _MOBILE.fullmatch(digits):
        return PromptPayTarget(TargetKind.MOBILE, digits)
    if len(digits) == 13:
        return PromptPayTarget(TargetKind.TAX_ID, digits)
    if len(digits) == 15:
        return PromptPayTarget(TargetKind.EWALLET, digits)
    return None


def amount_text(amount_satang: int) -> str:
    """Return integer satang as tag 54 writes baht: ``123450`` → ``1234.50``.

    Exact: integer division, never a float.

    Raises:
        TypeError: ``amount_satang`` is not an ``int`` (a float, a Decimal, a bool).
        BadInput: zero or negative (the spec forbids a zero amount and a
            customer cannot pay a negative one), or more than tag 54's 13
            characters can carry.
    """
    # bool is an int subclass: True would silently become 0.01 baht.
    if isinstance(amount_satang, bool) or not isinstance(amount_satang, int):
        raise TypeError(f"amount_satang must be an int of satang, not {type(amount_satang).__name__}")
    if amount_satang <= 0:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A PromptPay QR needs an amount above ฿0.00, not {amount}"),
            field="amount",
            amount=format_baht(amount_satang),
        )
    if amount_satang > MAX_AMOUNT_SATANG:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "{amount} is more than a PromptPay QR can carry (at most {maximum})"),
            field="amount",
            amount=format_baht(amount_satang),
            maximum=format_baht(MAX_AMOUNT_SATANG),
        )
    baht, satang = divmod(amount_satang, 100)
    return f"{baht}.{satang:02d}"


def payload(target: str, amount_satang: int | None = None) -> str:
    """Return the PromptPay QR payload that pays ``target``.

    Args:
        target: the receiving PromptPay id as typed, see ``promptpay_target``.
        amount_satang: the amount due in satang; None for a static QR where
            the customer types the amount in their banking app.

    Return:
        The EMVCo text to draw as a QR code: payload format 01, point of
        initiation 11 (static, no amount) or 12 (dynamic, with amount),
        tag 29 with the PromptPay AID and the id, country TH, currency 764
        (baht), the amount with two decimals when given, and the CRC
        (tag 63, four uppercase hex digits).

    Raises:
        BadInput: the target is no PromptPay id, or the amount is zero,
            negative or too large.
        TypeError: the amount is not an ``int``.
    """
    account = promptpay_target(target)
    amount = None if amount_satang is None else amount_text(amount_satang)
    objects = [
        _data_object("00", "01"),
        _data_object("01", "11" if amount is None else "12"),
        _data_object("29", _data_object("00", PROMPTPAY_AID) + _data_object(account.kind.value, account.account_value())),
        _data_object("58", "TH"),
        _data_object("53", "764"),
    ]
    if amount is not None:
        objects.append(_data_object("54", amount))
    # The CRC covers its own ID and length, "6304", as well as everything before it.
    unsigned = "".join(objects) + "6304"
    return unsigned + crc16(unsigned)


def crc16(text: str) -> str:
    """Return the CRC-16/CCITT-FALSE of ASCII ``text`` as four uppercase hex digits.

    Polynomial 0x1021, initial value 0xFFFF, as EMV QRCPS asks for tag 63.
    """
    return f"{binascii.crc_hqx(text.encode('ascii'), 0xFFFF):04X}"


def _data_object(tag: str, value: str) -> str:
    # Every value here is ASCII and under 100 characters, so its length is two digits.
    return f"{tag}{len(value):02d}{value}"
