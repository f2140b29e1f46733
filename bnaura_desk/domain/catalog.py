"""Catalog rules: what a valid treatment, product or package is; barcodes; stock moves.

Prices are VAT-inclusive integer satang (``vat_exempt`` marks medical
services exempt under Revenue Code section 81). A product's stock is the
sum of its movements; the rules here say which movement may be recorded
given the current sum, so a balance never goes below zero.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any

from .errors import QT_TRANSLATE_NOOP, BadInput


class ItemKind(StrEnum):
    TREATMENT = "treatment"
    PRODUCT = "product"
    PACKAGE = "package"


class StockReason(StrEnum):
    """Why a product's stock moved; the sign of the quantity follows from it."""

    RECEIVED = "received"
    COUNT_CORRECTION = "count_correction"
    DAMAGED = "damaged"
    SOLD = "sold"
    RETURNED = "returned"


KIND_LABELS = {
    ItemKind.TREATMENT: QT_TRANSLATE_NOOP("catalog", "Treatment"),
    ItemKind.PRODUCT: QT_TRANSLATE_NOOP("catalog", "Product"),
    ItemKind.PACKAGE: QT_TRANSLATE_NOOP("catalog", "Package"),
}

STOCK_REASON_LABELS = {
    StockReason.RECEIVED: QT_TRANSLATE_NOOP("catalog", "Received"),
    StockReason.COUNT_CORRECTION: QT_TRANSLATE_NOOP("catalog", "Count correction"),
    StockReason.DAMAGED: QT_TRANSLATE_NOOP("catalog", "Damaged or expired"),
    StockReason.SOLD: QT_TRANSLATE_NOOP("catalog", "Sold"),
    StockReason.RETURNED: QT_TRANSLATE_NOOP("catalog", "Returned by a customer"),
}

NAME_MAX = 200
PRICE_MAX_SATANG = 10_000_000 * 100  # ฿10,000,000: far above any real item, catches typos
DURATION_MIN, DURATION_MAX = 5, 600
STEPS_MAX = 40
STEP_MAX = 200
SKU_MAX = 40
SESSIONS_MIN, SESSIONS_MAX = 1, 100
NOTE_MAX = 500
CATEGORY_MAX = 60
TAG_MAX = 30
TAGS_MAX = 20
GTIN_LENGTHS = (8, 12, 13)  # EAN-8, UPC-A, EAN-13

# Fields that sync settles one by one (last writer wins per field). ``kind``
# is not among them: it never changes after creation.
ITEM_FIELDS = (
    "name_th",
    "name_en",
    "price_satang",
    "vat_exempt",
    "active",
    "duration_minutes",
    "protocol_steps",
    "sku",
    "barcode",
    "package_treatment_id",
    "package_sessions",
    "category",
    "tags",
)


@dataclass(frozen=True)
class ItemForm:
    """A catalog item as staff edit it; ``validate_item`` returns it normalised.

    Kind-specific fields are ignored (and emptied) for the other kinds.
    """

    kind: ItemKind
    name_th: str
    name_en: str = ""
    price_satang: int = 0
    vat_exempt: bool = False
    active: bool = True
    duration_minutes: int | None = None  # treatments
    protocol_steps: tuple[str, ...] = ()  # treatments: checklist the beautician ticks
    sku: str = ""  # products
    barcode: str = ""  # products, optional: EAN-13, EAN-8 or UPC-A
    package_treatment_id: str | None = None  # packages
    package_sessions: int | None = None  # packages
    category: str = ""  # the clinic's own grouping ("Laser", "Facial"), optional; pricing rules may name it
    tags: tuple[str, ...] = ()  # short words ("acne", "hydration") that suggestion rules match a scan against

    def with_changes(self, **kw: Any) -> ItemForm:
        """Return a copy with some fields replaced."""
        return replace(self, **kw)

    def as_record(self) -> dict[str, Any]:
        """Return the item as JSON-ready values (enums as text, steps as a list)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, StrEnum):
                value = str(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out


# ---------------------------------------------------------------- barcodes


def gtin_check_digit(body: str) -> int:
    """Return the GS1 check digit for the digits of ``body`` (without the check digit).

    The same rule serves EAN-8, UPC-A and EAN-13: weights 3 and 1
    alternate from the rightmost digit of the body.
    """
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    """Return whether ``code`` is an EAN-8, UPC-A or EAN-13 with a correct check digit."""
    return (
        code.isascii()
        and code.isdigit()
        and len(code) in GTIN_LENGTHS
        and gtin_check_digit(code[:-1]) == int(code[-1])
    )


def normalise_barcode(raw: str) -> str:
    """Return a typed or scanned barcode without spaces and dashes ("" when empty).

    Raises:
        BadInput: not 8, 12 or 13 digits, or a wrong check digit (a misread).
    """
    code = "".join(raw.split()).replace("-", "")
    if not code:
        return ""
    if not (code.isascii() and code.isdigit() and len(code) in GTIN_LENGTHS):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A barcode is 8, 12 or 13 digits (EAN-8, UPC-A or EAN-13)"),
            field="barcode",
        )
    if not is_valid_gtin(code):
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "Barcode {code} has a wrong check digit; scan or type it again"
            ),
            field="barcode",
            code=code,
        )
    return code


# ---------------------------------------------------------------- items


def _clean(text: str) -> str:
    return " ".join(text.split())


def _whole_number(value: object) -> bool:
    # bool is an int subclass: True must not pass for a price of 1 satang.
    return isinstance(value, int) and not isinstance(value, bool)


def _check_name(field: str, value: str) -> None:
    if len(value) > NAME_MAX:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A name may have at most {limit} characters"),
            field=field,
            limit=NAME_MAX,
        )


def check_price(price: object) -> int:
    """Return ``price`` (satang) when it is a price an item may have.

    Raises:
        BadInput: not a whole number of satang, negative, or beyond the limit.
    """
    return _check_price(price)


def check_category(text: str) -> str:
    """Return a category as stored: ``text`` with its spaces collapsed and trimmed ("" for none).

    Raises:
        BadInput: longer than 60 characters.
    """
    category = _clean(text)
    if len(category) > CATEGORY_MAX:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A category may have at most {limit} characters"),
            field="category",
            limit=CATEGORY_MAX,
        )
    return category


def check_tags(tags: object) -> tuple[str, ...]:
    """Return tags as stored: each trimmed, spaces collapsed, lower-cased; empty ones and repeats dropped.

    A text is split at commas (what the catalog screen's field holds).

    Raises:
        BadInput: not text or a list of texts; a tag over 30 characters; more than 20 tags.
    """
    if isinstance(tags, str):
        tags = tags.split(",")
    if not isinstance(tags, (list, tuple)) or not all(isinstance(t, str) for t in tags):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Tags are short words separated by commas"), field="tags")
    out: list[str] = []
    for raw in tags:
        tag = _clean(raw.replace(",", " ")).casefold()
        if len(tag) > TAG_MAX:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "A tag may have at most {limit} characters"),
                           field="tags", limit=TAG_MAX)
        if tag and tag not in out:
            out.append(tag)
    if len(out) > TAGS_MAX:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "An item may have at most {limit} tags"), field="tags",
                       limit=TAGS_MAX)
    return tuple(out)


def _check_price(price: object) -> int:
    if not _whole_number(price):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Enter the price in baht"), field="price_satang")
    assert isinstance(price, int)
    if price < 0:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A price cannot be negative"), field="price_satang"
        )
    if price > PRICE_MAX_SATANG:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A price may be at most {limit}; please check it"),
            field="price_satang",
            limit="฿10,000,000.00",
        )
    return price


def _check_treatment(form: ItemForm) -> tuple[int, tuple[str, ...]]:
    duration = form.duration_minutes
    if duration is None:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Enter how many minutes the treatment takes"),
            field="duration_minutes",
        )
    if not _whole_number(duration) or not DURATION_MIN <= duration <= DURATION_MAX:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A treatment takes {low} to {high} minutes"),
            field="duration_minutes",
            low=DURATION_MIN,
            high=DURATION_MAX,
        )
    steps: list[str] = []
    # Typed str, but a form built from a file or a widget may hold anything.
    raw_steps: tuple[object, ...] = form.protocol_steps
    for number, step in enumerate(raw_steps, start=1):
        text = _clean(step) if isinstance(step, str) else ""
        if not text:
            raise BadInput(
                QT_TRANSLATE_NOOP(
                    "errors", "Protocol step {number} is empty; fill it in or remove it"
                ),
                field="protocol_steps",
                number=number,
            )
        if len(text) > STEP_MAX:
            raise BadInput(
                QT_TRANSLATE_NOOP(
                    "errors", "Protocol step {number} is longer than {limit} characters"
                ),
                field="protocol_steps",
                number=number,
                limit=STEP_MAX,
            )
        steps.append(text)
    if len(steps) > STEPS_MAX:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A protocol may have at most {limit} steps"),
            field="protocol_steps",
            limit=STEPS_MAX,
        )
    return duration, tuple(steps)


def _check_sku(raw: str) -> str:
    # SKUs are read off shelf labels and typed in any case; one spelling
    # keeps "srm-01" and "SRM-01" from becoming two products.
    sku = "".join(raw.split()).upper()
    if not sku:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Enter the product's SKU"), field="sku")
    if len(sku) > SKU_MAX:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A SKU may have at most {limit} characters"),
            field="sku",
            limit=SKU_MAX,
        )
    return sku


def _check_package(form: ItemForm) -> tuple[str, int]:
    treatment_id = (form.package_treatment_id or "").strip()
    if not treatment_id:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Choose the treatment this package contains"),
            field="package_treatment_id",
        )
    sessions = form.package_sessions
    if not _whole_number(sessions) or not SESSIONS_MIN <= sessions <= SESSIONS_MAX:  # type: ignore[operator]
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A package has {low} to {high} sessions"),
            field="package_sessions",
            low=SESSIONS_MIN,
            high=SESSIONS_MAX,
        )
    assert isinstance(sessions, int)
    return treatment_id, sessions


def validate_item(form: ItemForm) -> ItemForm:
    """Return the normalised copy of ``form``.

    Names and protocol steps are trimmed, the SKU upper-cased, the barcode
    stripped of spaces; fields that do not belong to the item's kind are
    emptied. Rules that need the database (unique SKU and barcode, the
    package's treatment existing) are checked by ``services.catalog``.

    Raises:
        BadInput: naming the first field at fault: an unknown kind; no Thai
            name or a name over 200 characters; a price that is not a whole
            number of satang, negative or over ฿10,000,000; a category over
            60 characters; a bad tag (``check_tags``); a treatment
            without 5-600 minutes, with an empty step or over 40 steps; a
            product without SKU or with a malformed barcode; a package
            without treatment or with other than 1-100 sessions.
    """
    try:
        kind = ItemKind(form.kind)
    except ValueError:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Unknown kind of catalog item: {kind}"),
            field="kind",
            kind=form.kind,
        ) from None
    name_th, name_en = _clean(form.name_th), _clean(form.name_en)
    if not name_th:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Enter the item's name in Thai"), field="name_th"
        )
    _check_name("name_th", name_th)
    _check_name("name_en", name_en)
    price = _check_price(form.price_satang)
    # Typed str, but a form built from a file may hold anything.
    raw_category: object = form.category
    category = check_category(raw_category if isinstance(raw_category, str) else "")
    normal = ItemForm(
        kind=kind,
        name_th=name_th,
        name_en=name_en,
        price_satang=price,
        vat_exempt=bool(form.vat_exempt),
        active=bool(form.active),
        category=category,
        tags=check_tags(form.tags),
    )
    if kind is ItemKind.TREATMENT:
        duration, steps = _check_treatment(form)
        return replace(normal, duration_minutes=duration, protocol_steps=steps)
    if kind is ItemKind.PRODUCT:
        return replace(normal, sku=_check_sku(form.sku), barcode=normalise_barcode(form.barcode))
    treatment_id, sessions = _check_package(form)
    return replace(normal, package_treatment_id=treatment_id, package_sessions=sessions)


# ---------------------------------------------------------------- stock


def stock_reason(reason: object) -> StockReason:
    """Return ``reason`` as a ``StockReason`` or raise ``BadInput`` on ``reason``."""
    try:
        return StockReason(reason)  # type: ignore[arg-type]
    except ValueError:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Unknown reason for a stock movement: {reason}"),
            field="reason",
            reason=str(reason),
        ) from None


def check_quantity(quantity: object, reason: StockReason) -> int:
    """Return ``quantity`` if its sign fits ``reason``.

    Received and returned goods add stock (> 0); damaged and sold goods
    remove it (< 0); a count correction goes either way but is never 0.

    Raises:
        BadInput: on ``reason`` when it is unknown; on ``quantity`` when it
            is not a whole number or has the wrong sign.
    """
    reason = stock_reason(reason)
    if not _whole_number(quantity) or quantity == 0:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Enter a whole number of pieces other than zero"),
            field="quantity",
        )
    assert isinstance(quantity, int)
    if reason in (StockReason.RECEIVED, StockReason.RETURNED) and quantity < 0:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Received or returned stock must be a positive number"),
            field="quantity",
        )
    if reason in (StockReason.DAMAGED, StockReason.SOLD) and quantity > 0:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Damaged or sold stock must be a negative number"),
            field="quantity",
        )
    return quantity


def check_movement(current: int, quantity: object, reason: StockReason) -> int:
    """Return ``quantity`` if recording it keeps the stock at zero or above.

    Args:
        current: the stock now (the sum of the movements so far).
        quantity: the change asked for.
        reason: why (decides the allowed sign, see ``check_quantity``).

    Raises:
        BadInput: on ``quantity``: wrong sign, or more taken out than is in
            stock (the message says how many there are).
    """
    qty = check_quantity(quantity, reason)
    if current + qty < 0:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Only {stock} in stock; cannot take out {wanted}"),
            field="quantity",
            stock=current,
            wanted=-qty,
        )
    return qty


def count_correction(current: int, counted: object) -> int:
    """Return the movement that brings ``current`` stock to the ``counted`` value (may be 0).

    Raises:
        BadInput: on ``counted``: not a whole number, or negative.
    """
    if not _whole_number(counted) or counted < 0:  # type: ignore[operator]
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Enter the number of pieces counted (0 or more)"),
            field="counted",
        )
    assert isinstance(counted, int)
    return counted - current


def check_note(note: str) -> str:
    """Return a movement note trimmed, or raise ``BadInput`` when it is too long."""
    text = " ".join(note.split())
    if len(text) > NOTE_MAX:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A note may have at most {limit} characters"),
            field="note",
            limit=NOTE_MAX,
        )
    return text
