"""The buyer a full tax invoice (ใบกำกับภาษีเต็มรูป, Revenue Code s. 86/4) names, as the counter takes it.

Pure rules: the counter's ``services.tax_invoices`` checks what staff typed
here before it takes a number, so a refused form writes nothing.

A Thai tax id is 13 digits whose last is a check digit (the same rule for a
person's national id and a company's tax id): a digit typed wrong or two
digits swapped are caught at the counter, not by the buyer's accountant.
The buyer's establishment is ``สำนักงานใหญ่`` (head office, ``00000``) or a
five-digit branch number; a person has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from .branch import HEAD_OFFICE, parse_branch_number
from .errors import QT_TRANSLATE_NOOP, BadInput

NAME_MAX = 200
ADDRESS_MAX = 500
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# What people type for the head office instead of 00000.
_HEAD_OFFICE_WORDS = frozenset({"สำนักงานใหญ่", "สนญ", "สนญ.", "head office", "ho", "hq"})


def tin_check_digit(first_twelve: str) -> int:
    """Return the check digit of a Thai tax id from its first 12 digits.

    Each digit weighs 13 down to 2; the check digit is ``(11 - sum % 11) % 10``.

    Raises:
        ValueError: ``first_twelve`` is not 12 ASCII digits (a bug, not input).
    """
    if len(first_twelve) != 12 or not (first_twelve.isascii() and first_twelve.isdigit()):
        raise ValueError(f"not 12 digits: {first_twelve!r}")
    total = sum(int(digit) * (13 - i) for i, digit in enumerate(first_twelve))
    return (11 - total % 11) % 10


def parse_tin(raw: str) -> str:
    """Return the 13-digit tax id ``raw`` stands for (spaces, dashes and Thai digits forgiven).

    Raises:
        BadInput: not 13 digits, or a wrong check digit (a typing mistake).
    """
    digits = "".join(ch for ch in raw.translate(_THAI_DIGITS) if ch not in " -\t")
    if len(digits) != 13 or not (digits.isascii() and digits.isdigit()):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A tax id is 13 digits"), field="buyer_tin")
    if tin_check_digit(digits[:12]) != int(digits[12]):
        raise BadInput(QT_TRANSLATE_NOOP(
            "errors", "Tax id {tin} is not valid (its check digit is wrong); check it with the buyer"),
            field="buyer_tin", tin=digits)
    return digits


def parse_buyer_branch(raw: str | None) -> str | None:
    """Return the buyer's establishment as five digits, ``None`` for none (a person).

    ``สำนักงานใหญ่`` (or "head office") is ``00000``; ``1`` or ``00001`` is
    branch 00001.

    Raises:
        BadInput: neither the head office nor up to five digits.
    """
    text = " ".join((raw or "").split())
    if not text:
        return None
    if text.lower() in _HEAD_OFFICE_WORDS:
        return HEAD_OFFICE
    try:
        return parse_branch_number(text)
    except BadInput:
        raise BadInput(QT_TRANSLATE_NOOP(
            "errors", "The buyer's branch is สำนักงานใหญ่ (head office) or a branch number of up to five digits"),
            field="buyer_branch") from None


@dataclass(frozen=True)
class BuyerForm:
    """The buyer as staff typed it, unchecked (the command line's options, the counter's dialog)."""

    name: str
    tin: str
    address: str
    branch: str = ""  # "สำนักงานใหญ่", a branch number, or empty for a person


@dataclass(frozen=True)
class BuyerDetails:
    """The buyer as a full tax invoice records and prints it (checked: make it with ``check_buyer``)."""

    name: str
    tin: str  # 13 digits, check digit right
    address: str
    branch_no: str | None  # five digits (00000: head office), None for a person


def check_buyer(form: BuyerForm) -> BuyerDetails:
    """Return the buyer staff typed, tidied and checked.

    Raises:
        BadInput: no name or address, one too long, a tax id that is not 13
            digits or whose check digit is wrong, a branch that is neither
            the head office nor a branch number.
    """
    tidy_name = " ".join(form.name.split())
    if not tidy_name:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Enter the buyer's name"), field="buyer_name")
    if len(tidy_name) > NAME_MAX:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The buyer's name is longer than {limit} characters"),
                       field="buyer_name", limit=NAME_MAX)
    # An address keeps its line breaks (it prints on several lines); only its ends are trimmed.
    tidy_address = "\n".join(" ".join(line.split()) for line in form.address.strip().splitlines() if line.strip())
    if not tidy_address:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Enter the buyer's address"), field="buyer_address")
    if len(tidy_address) > ADDRESS_MAX:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The buyer's address is longer than {limit} characters"),
                       field="buyer_address", limit=ADDRESS_MAX)
    return BuyerDetails(tidy_name, parse_tin(form.tin), tidy_address, parse_buyer_branch(form.branch))
