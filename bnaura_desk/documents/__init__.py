"""Tax documents as the counter prints them: receipts, full tax invoices, credit notes.

No database and no Qt here: a caller (checkout, a reprint, the command line)
fills the frozen models of ``model`` and hands them to a renderer, which
returns the PDF's bytes. Thai text goes through shaped, word-segmented
paragraphs (``thai_text``) so tone marks sit right and lines break between
words; ``thai_words`` spells an amount out in Thai.
"""

from __future__ import annotations

from ..domain.payments import PaymentMethod
from ..domain.pricing import VatCode
from .credit_note import credit_note_pdf
from .fonts import ensure_fonts
from .model import (
    Buyer,
    CreditNote,
    Discount,
    DocumentLine,
    FullTaxInvoice,
    Member,
    Payment,
    Receipt,
    Seller,
    Totals,
)
from .receipt import receipt_pdf
from .tax_invoice import full_tax_invoice_pdf
from .thai_text import words
from .thai_words import baht_words

__all__ = [
    "Buyer",
    "CreditNote",
    "Discount",
    "DocumentLine",
    "FullTaxInvoice",
    "Member",
    "Payment",
    "PaymentMethod",
    "Receipt",
    "Seller",
    "Totals",
    "VatCode",
    "baht_words",
    "credit_note_pdf",
    "full_tax_invoice_pdf",
    "receipt_pdf",
    "warm_up",
]


def warm_up() -> None:
    """Register the fonts and load the Thai dictionary now (about half a second, once per process).

    The first document of a process pays for both; an app that calls this
    in its worker at start-up keeps that wait away from the first sale.
    """
    ensure_fonts()
    words("ใบกำกับภาษี")
