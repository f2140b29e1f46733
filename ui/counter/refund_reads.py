"""What the refund dialog reads on the database worker: a sale by its receipt number, and the credit note it writes.

Each function takes the worker's session first (``DeskRunner.read``) and
returns plain frozen data, so nothing lazy crosses to the GUI thread. The
figures of what is left to give back come from ``services.refunds.refund_state``,
the same ones ``refund_sale`` and ``void_sale`` check against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bnaura_desk.documents import credit_note_pdf
from bnaura_desk.domain.errors import NotFound
from bnaura_desk.domain.keyboard import keys_typed
from bnaura_desk.services.context import load_device
from bnaura_desk.services.credit_notes import credit_note_document
from bnaura_desk.services.receipts import find_sale, last_sale
from bnaura_desk.services.refunds import RefundState, refund_state
from bnaura_desk.store.models import Customer, Sale, SaleLine

CREDIT_NOTES_DIR_NAME = "credit-notes"


def credit_notes_folder(database: Path) -> Path:
    """Return where the terminal keeps its credit note PDFs: ``credit-notes/`` beside its database."""
    return database.parent / CREDIT_NOTES_DIR_NAME


@dataclass(frozen=True)
class LineNames:
    """What the refund dialog shows of a sale line besides its quantities: its names and unit price."""

    name_th: str
    name_en: str
    unit_price_satang: int


@dataclass(frozen=True)
class SaleForRefund:
    """A sale as the refund dialog shows it: the receipt, the member, and what is left to give back."""

    sale_id: str
    number: str
    at: datetime
    customer_th: str  # the member's names ("" for a walk-in)
    customer_en: str
    total_satang: int
    points_earned: int
    state: RefundState
    names: tuple[LineNames, ...]  # one per ``state.sold`` line, in the same order


def sale_for_refund(session: Session, number: str) -> SaleForRefund:
    """Return the sale with receipt ``number`` ("" : this terminal's latest sale) as a refund sees it.

    A number typed or scanned with the keyboard set to Thai comes out as
    Thai letters: when it finds nothing, the keys that typed it are tried.

    Raises:
        NotFound: no such receipt, or (for "") this terminal has sold nothing yet.
        BadInput: another branch's sale, or a voided one (``refunds.refund_state``).
    """
    text = number.strip()
    if not text:
        sale_id = last_sale(session, load_device(session).device_id)
    else:
        try:
            sale_id = find_sale(session, text)
        except NotFound:
            keys = keys_typed(text)
            if keys == text:
                raise
            sale_id = find_sale(session, keys)
    state = refund_state(session, sale_id)
    sale = session.get(Sale, sale_id)
    assert sale is not None  # refund_state found it
    customer = session.get(Customer, sale.customer_id) if sale.customer_id else None
    rows = {row.id: row for row in session.scalars(select(SaleLine).where(SaleLine.sale_id == sale_id))}
    names = tuple(LineNames(rows[line.line_id].name_th, rows[line.line_id].name_en,
                            rows[line.line_id].unit_price_satang) for line in state.sold)
    name_th, name_en = (customer.name_th, customer.name_en or "") if customer is not None else ("", "")
    return SaleForRefund(sale.id, sale.number, sale.at, name_th, name_en, sale.total_satang, sale.points_earned,
                         state, names)


def write_credit_note(session: Session, refund_id: str, folder: Path) -> Path:
    """Write refund ``refund_id``'s credit note PDF into ``folder`` (made if missing) as ``NUMBER.pdf``; return its path.

    Raises:
        NotFound, BadInput: as ``credit_notes.credit_note_document`` (the branch's tax id not set).
        OSError: the folder cannot be written.
    """
    document = credit_note_document(session, refund_id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{document.number}.pdf"
    path.write_bytes(credit_note_pdf(document))
    return path
