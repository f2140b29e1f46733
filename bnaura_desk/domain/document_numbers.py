"""The numbers of the tax documents a terminal issues.

Thai law wants a POS's receipts (abbreviated tax invoices), full tax
invoices and credit notes numbered in sequence, with no gaps and never
reused (Revenue Code section 86/6). Each terminal numbers its own
documents, one sequence per document type, taken in the same transaction
as the document: a crash leaves either both or neither. The number shows
the branch (its Revenue Department branch code) and the terminal's tag, so
numbers from two terminals never look alike::

    R00001-K7QM-000123    receipt 123 of terminal K7QM at branch 00001
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class DocumentType(StrEnum):
    """A kind of tax document, each numbered in its own sequence."""

    RECEIPT = "receipt"  # ใบกำกับภาษีอย่างย่อ / ใบเสร็จรับเงิน
    TAX_INVOICE = "tax_invoice"  # ใบกำกับภาษีเต็มรูป
    CREDIT_NOTE = "credit_note"  # ใบลดหนี้


PREFIX: dict[DocumentType, str] = {
    DocumentType.RECEIPT: "R",
    DocumentType.TAX_INVOICE: "T",
    DocumentType.CREDIT_NOTE: "C",
}
SEQUENCE_DIGITS = 6
SEQUENCE_MAX = 10**SEQUENCE_DIGITS - 1  # a terminal issuing 1,000 a day takes 2,700 years to reach it

_TAG_CHARACTERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NUMBER = re.compile(r"^([RTC])(\d{5})-([0-9A-Z]{4})-(\d{6})$")


@dataclass(frozen=True)
class DocumentNumber:
    """One document's number, as parts."""

    kind: DocumentType
    branch_code: str  # 5 digits: 00000 is the head office
    terminal_tag: str  # the terminal's 4-character tag
    seq: int  # 1, 2, 3... per terminal and kind

    def __str__(self) -> str:
        return f"{PREFIX[self.kind]}{self.branch_code}-{self.terminal_tag}-{self.seq:0{SEQUENCE_DIGITS}d}"


def document_number(kind: DocumentType, branch_code: str, terminal_tag: str, seq: int) -> str:
    """Return the printed number of document ``seq`` of ``kind``.

    Raises:
        ValueError: a branch code that is not 5 digits, a tag that is not 4
            letters or digits, or ``seq`` outside 1 .. ``SEQUENCE_MAX``.
    """
    if not (len(branch_code) == 5 and branch_code.isascii() and branch_code.isdigit()):
        raise ValueError(f"branch code must be 5 digits: {branch_code!r}")
    if len(terminal_tag) != 4 or not set(terminal_tag) <= _TAG_CHARACTERS:
        raise ValueError(f"terminal tag must be 4 capital letters or digits: {terminal_tag!r}")
    if not 1 <= seq <= SEQUENCE_MAX:
        raise ValueError(f"document sequence out of range: {seq}")
    return str(DocumentNumber(kind, branch_code, terminal_tag, seq))


def parse_document_number(text: str) -> DocumentNumber | None:
    """Return the parts of a printed number (spaces and case forgiven), or None if it is not one."""
    match = _NUMBER.match(text.strip().upper())
    if match is None:
        return None
    prefix, branch_code, tag, seq = match.groups()
    kind = next(k for k, p in PREFIX.items() if p == prefix)
    return DocumentNumber(kind, branch_code, tag, int(seq)) if int(seq) >= 1 else None
