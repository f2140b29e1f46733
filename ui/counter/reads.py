"""What the POS screen reads on the database worker: quotes, the member, the shift, favourites, the receipt.

Each function takes the worker's session first (``DeskRunner.read``) and
returns plain frozen data, so nothing lazy crosses to the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from bnaura_desk.documents import receipt_pdf
from bnaura_desk.documents.sales_report import ReportKind, sales_report_pdf
from bnaura_desk.domain.coupons import CouponMessage
from bnaura_desk.domain.dates import BANGKOK as BANGKOK_TZ
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.keyboard import keys_typed
from bnaura_desk.services import counter
from bnaura_desk.services.catalog import CatalogRow, find_by_barcode, list_items
from bnaura_desk.services.context import load_device
from bnaura_desk.services.counter_settings import promptpay_id
from bnaura_desk.services.coupons import CouponRefused, check_coupon_code
from bnaura_desk.services.customers import live_customer
from bnaura_desk.services.loyalty import points_summary
from bnaura_desk.services.receipts import receipt_document
from bnaura_desk.services.sales_reports import x_report, z_report
from bnaura_desk.services.shifts import cash_expected, open_shift_of

FAVOURITES = 12


@dataclass(frozen=True)
class CartQuote:
    """A quote of the cart, and what the coupon typed came to.

    ``quote`` is priced without the coupon when the coupon was refused
    (the cart still shows its totals); ``coupon_message`` says why a coupon
    does not apply ("" when it applies or none was typed).
    """

    quote: counter.Quote
    coupon_refused: CouponMessage | None = None


def quote_cart(session: Session, order: counter.Order, now: datetime) -> CartQuote:
    """Return ``order`` priced as checkout will price it, with why its coupon does not apply (if so).

    Raises:
        BadInput, NotFound: as ``counter.quote``, except a refused coupon.
    """
    try:
        quoted = counter.quote(session, order, now)
    except CouponRefused as refused:
        bare = counter.quote(session, replace(order, coupon_code=""), now)
        return CartQuote(bare, refused.verdict.message)
    refusal = quoted.priced.coupon_refusal
    if refusal is None or not order.coupon_code.strip():
        return CartQuote(quoted)
    # The cart's part of the rule (minimum spend, items): the check's words for it.
    verdict = check_coupon_code(session, order.coupon_code, now, customer_id=order.customer_id,
                                cart=quoted.priced.coupon_cart)
    return CartQuote(quoted, verdict.message)


@dataclass(frozen=True)
class CounterMember:
    """The member attached to the sale, as the counter shows them."""

    id: str
    name_th: str
    name_en: str
    phone: str
    referral_code: str
    tier: str  # the tier's key
    tier_percent: int
    balance: int


def counter_member(session: Session, customer_id: str, now: datetime) -> CounterMember:
    """Return the member ``customer_id`` with their tier and points balance.

    Raises:
        NotFound: no such customer (or deleted).
    """
    device = load_device(session)
    customer = live_customer(session, device.chain_id, customer_id)
    summary = points_summary(session, customer_id, now)
    return CounterMember(customer.id, customer.name_th, customer.name_en or "", customer.phone or "",
                         customer.referral_code or "", summary.tier.key, summary.tier.discount_percent,
                         summary.balance)


@dataclass(frozen=True)
class ShiftState:
    """This terminal's open shift: since when, the float, the cash the drawer should hold now."""

    id: str
    opened_at: datetime
    float_satang: int
    expected_satang: int


def shift_state(session: Session) -> ShiftState | None:
    """Return this terminal's open shift, or None when none is open."""
    shift = open_shift_of(session, load_device(session).device_id)
    if shift is None:
        return None
    return ShiftState(shift.id, shift.opened_at, shift.float_satang, cash_expected(session, shift))


@dataclass(frozen=True)
class CounterStart:
    """What the screen reads when it opens or the catalog or settings change."""

    favourites: tuple[CatalogRow, ...]
    shift: ShiftState | None
    promptpay_id: str | None


def counter_start(session: Session) -> CounterStart:
    """Return the favourites (the first active items sold here), the open shift and the PromptPay id."""
    rows = [r for r in list_items(session) if r.available_here][:FAVOURITES]
    return CounterStart(tuple(rows), shift_state(session), promptpay_id(session))


def find_items(session: Session, typed: str, limit: int = 30) -> list[CatalogRow]:
    """Return the active items sold here that match ``typed`` (name, SKU, barcode); an exact barcode or SKU first.

    A code scanned or typed with the keyboard set to Thai comes out as Thai
    letters: when the text as typed finds nothing, the keys that typed it
    are tried (``keyboard.keys_typed``).
    """
    text = typed.strip()
    if not text:
        return []
    rows = _matching(session, text, limit)
    keys = keys_typed(text)
    if not rows and keys != text:
        rows = _matching(session, keys, limit)
    return rows


def _matching(session: Session, text: str, limit: int) -> list[CatalogRow]:
    exact = find_by_barcode(session, text)
    rows = [r for r in list_items(session, query=text) if r.available_here]
    if exact is not None and exact.active and exact.available_here:
        rows = [exact, *[r for r in rows if r.id != exact.id]]
    else:
        wanted = "".join(text.split()).upper()
        rows.sort(key=lambda r: r.sku != wanted)  # stable: the SKU typed whole comes first
    return rows[:limit]


def write_receipt(session: Session, sale_id: str, folder: Path, copy: bool = False) -> Path:
    """Write sale ``sale_id``'s receipt PDF into ``folder`` (made if missing); return the file's path.

    ``copy`` writes a reprint, marked สำเนา / COPY, as ``NUMBER-copy.pdf``.

    Raises:
        NotFound, BadInput: as ``receipts.receipt_document`` (the branch's tax id not set).
        OSError: the folder cannot be written.
    """
    document = receipt_document(session, sale_id, copy=copy)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (f"{document.number}-copy.pdf" if copy else f"{document.number}.pdf")
    path.write_bytes(receipt_pdf(document))
    return path


def write_sales_report(session: Session, kind: ReportKind, folder: Path, now: datetime,
                       day: date | None = None) -> Path:
    """Write the X report of the open shift, or the Z report of ``day`` (default: today), as a PDF in ``folder``.

    The file is ``X-YYYYMMDD-HHMMSS.pdf`` (one per look at the shift) or
    ``Z-YYYY-MM-DD.pdf`` (written again with the day's latest figures).

    Raises:
        BadInput: an X report with no shift open here, or a branch without its tax id.
        OSError: the folder cannot be written.
    """
    if kind is ReportKind.X:
        report = x_report(session, now)
        name = f"X-{now.astimezone(BANGKOK_TZ):%Y%m%d-%H%M%S}.pdf"
    else:
        clinic_day = day or bangkok_date(now)
        report = z_report(session, clinic_day, now)
        name = f"Z-{clinic_day.isoformat()}.pdf"
    pdf = sales_report_pdf(report)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(pdf)
    return path
