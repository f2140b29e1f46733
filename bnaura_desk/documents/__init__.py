"""Tax documents as the counter prints them: receipts, full tax invoices, credit notes.

No database and no Qt here: a caller (checkout, a reprint, the command line)
fills the frozen models of ``model`` and hands them to a renderer, which
returns the PDF's bytes. Thai text goes through shaped, word-segmented
paragraphs (``thai_text``) so tone marks sit right and lines break between
words; ``thai_words`` spells an amount out in Thai.
"""

from __future__ import annotations

from .credit_note import credit_note_pdf
from .model import (
    Buyer,
    CreditNote,
    Discount,
    DocumentLine,
    FullTaxInvoice,
    Member,
    Payment,
    PaymentMethod,
    Receipt,
    Seller,
    Totals,
    VatCode,
)
from .receipt import receipt_pdf
from .tax_invoice import full_tax_invoice_pdf
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
]
