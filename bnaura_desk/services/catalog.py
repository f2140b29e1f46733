"""Catalog: manage treatments, products and packages; move and count stock; find items."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from ..domain.catalog import (
    ITEM_FIELDS,
    ItemForm,
    ItemKind,
    StockReason,
    check_movement,
    check_note,
    check_price,
    count_correction,
    is_valid_gtin,
    stock_reason,
    validate_item,
)
from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.ids import derived_id, uuid7
from ..domain.roles import Permission
from ..store.models import Branch, BranchPrice, CatalogItem, DeviceState, StockMovement
from .context import ServiceContext, stamp_written

# ---------------------------------------------------------------- helpers


def _not_found() -> NotFound:
    return NotFound(QT_TRANSLATE_NOOP("errors", "This catalog item no longer exists"))


def _live_item(ctx: ServiceContext, item_id: str) -> CatalogItem:
    row = ctx.session.get(CatalogItem, item_id)
    if row is None or row.deleted_at is not None or row.chain_id != ctx.chain_id:
        raise _not_found()
    return row


def form_of(item: CatalogItem) -> ItemForm:
    """Return the edit form filled with a stored item's values."""
    return ItemForm(
        kind=ItemKind(item.kind),
        name_th=item.name_th,
        name_en=item.name_en,
        price_satang=item.price_satang,
        vat_exempt=item.vat_exempt,
        active=item.active,
        duration_minutes=item.duration_minutes,
        protocol_steps=tuple(item.protocol_steps or ()),
        sku=item.sku or "",
        barcode=item.barcode or "",
        package_treatment_id=item.package_treatment_id,
        package_sessions=item.package_sessions,
        category=item.category,
        tags=tuple(item.tags or ()),
    )


def _column_values(form: ItemForm) -> dict[str, Any]:
    # Empty SKU and barcode are stored as NULL, so "no barcode" is never a
    # value two items could share.
    return {
        "name_th": form.name_th,
        "name_en": form.name_en,
        "price_satang": form.price_satang,
        "vat_exempt": form.vat_exempt,
        "active": form.active,
        "duration_minutes": form.duration_minutes,
        "protocol_steps": list(form.protocol_steps),
        "sku": form.sku or None,
        "barcode": form.barcode or None,
        "package_treatment_id": form.package_treatment_id,
        "package_sessions": form.package_sessions,
        "category": form.category,
        "tags": list(form.tags),
    }


def _item_name(name_th: str, name_en: str) -> str:
    return name_th or name_en


def _check_sku_free(ctx: ServiceContext, sku: str, *, except_id: str | None = None) -> None:
    query = select(CatalogItem.id, CatalogItem.name_th, CatalogItem.name_en).where(
        CatalogItem.chain_id == ctx.chain_id,
        CatalogItem.kind == str(ItemKind.PRODUCT),
        CatalogItem.deleted_at.is_(None),
        CatalogItem.sku == sku,
    )
    if except_id is not None:
        query = query.where(CatalogItem.id != except_id)
    hit = ctx.session.execute(query.limit(1)).first()
    if hit is not None:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "SKU {sku} is already used by {name}"),
            field="sku",
            sku=sku,
            name=_item_name(hit.name_th, hit.name_en),
        )


def _check_barcode_free(ctx: ServiceContext, barcode: str, *, except_id: str | None = None) -> None:
    query = select(CatalogItem.id, CatalogItem.name_th, CatalogItem.name_en).where(
        CatalogItem.chain_id == ctx.chain_id,
        CatalogItem.deleted_at.is_(None),
        CatalogItem.barcode == barcode,
    )
    if except_id is not None:
        query = query.where(CatalogItem.id != except_id)
    hit = ctx.session.execute(query.limit(1)).first()
    if hit is not None:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Barcode {code} is already used by {name}"),
            field="barcode",
            code=barcode,
            name=_item_name(hit.name_th, hit.name_en),
        )


def _check_package_treatment(ctx: ServiceContext, treatment_id: str) -> None:
    row = ctx.session.get(CatalogItem, treatment_id)
    if (
        row is None
        or row.deleted_at is not None
        or row.chain_id != ctx.chain_id
        or row.kind != str(ItemKind.TREATMENT)
        or not row.active
    ):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A package must contain a treatment that is on sale"),
            field="package_treatment_id",
        )


def _check_references(
    ctx: ServiceContext, form: ItemForm, changed: set[str], except_id: str | None
) -> None:
    """Check the rules that need the database, for the fields in ``changed``.

    Only changed fields are checked: a package whose treatment was taken off
    sale later can still have its price edited.
    """
    if form.sku and "sku" in changed:
        _check_sku_free(ctx, form.sku, except_id=except_id)
    if form.barcode and "barcode" in changed:
        _check_barcode_free(ctx, form.barcode, except_id=except_id)
    if form.package_treatment_id and "package_treatment_id" in changed:
        _check_package_treatment(ctx, form.package_treatment_id)


# ---------------------------------------------------------------- writing


def create_item(ctx: ServiceContext, form: ItemForm) -> ChangeSet:
    """Add a treatment, product or package; result is the new item's id.

    Raises:
        PermissionDenied: the actor may not manage the catalog.
        BadInput: the form breaks a rule (see ``validate_item``), the SKU or
            barcode belongs to another item (named in the message), or a
            package's treatment does not exist or is not on sale.
    """
    ctx.require(Permission.CATALOG_MANAGE)
    form = validate_item(form)
    _check_references(ctx, form, set(ITEM_FIELDS), except_id=None)
    stamp = ctx.tick()
    item = CatalogItem(
        id=uuid7(),
        chain_id=ctx.chain_id,
        kind=str(form.kind),
        created_at=ctx.now,
        updated_at=ctx.now,
        hlc=stamp,
        field_clocks={},
        **_column_values(form),
    )
    ctx.session.add(item)
    record = form.as_record()
    ctx.journal(
        action="catalog.create",
        entity=Kind.CATALOG_ITEM,
        entity_id=item.id,
        after=record,
        payload={"record": record},
        hlc=stamp,
    )
    return ctx.changes.build(result=item.id)


def _write_fields(ctx: ServiceContext, item: CatalogItem, form: ItemForm) -> ChangeSet:
    """Write the fields of ``form`` that differ from ``item``; journal them as one update."""
    old, new = form_of(item).as_record(), form.as_record()
    changed = {f: new[f] for f in ITEM_FIELDS if new[f] != old[f]}
    if not changed:
        return ctx.changes.build(result=item.id)
    _check_references(ctx, form, set(changed), except_id=item.id)
    stamp = ctx.tick()
    columns = _column_values(form)
    for f in changed:
        setattr(item, f, columns[f])
    # Each changed field carries this change's clock, so two terminals
    # editing different fields offline both keep their edit.
    stamp_written(item, changed, stamp, ctx.now)
    ctx.journal(
        action="catalog.update",
        entity=Kind.CATALOG_ITEM,
        entity_id=item.id,
        before={f: old[f] for f in changed},
        after=changed,
        payload={"fields": changed},
        hlc=stamp,
    )
    return ctx.changes.build(result=item.id)


def update_item(ctx: ServiceContext, item_id: str, form: ItemForm) -> ChangeSet:
    """Save an edited item; only fields that differ are written and synced.

    Saving an unchanged form writes nothing. Result is the item id.

    Raises:
        PermissionDenied: the actor may not manage the catalog.
        NotFound: the item does not exist (or was deleted).
        BadInput: as for ``create_item``, or the form's kind differs from
            the item's (a kind never changes: sales and stock refer to it).
    """
    ctx.require(Permission.CATALOG_MANAGE)
    item = _live_item(ctx, item_id)
    form = validate_item(form)
    if str(form.kind) != item.kind:
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "A catalog item's kind cannot change; add a new item instead"
            ),
            field="kind",
        )
    return _write_fields(ctx, item, form)


def set_item_active(ctx: ServiceContext, item_id: str, active: bool) -> ChangeSet:
    """Put an item on sale or take it off (it stays in history and reports).

    Journaled as a ``catalog.update`` of the ``active`` field; setting the
    state the item is already in writes nothing. Result is the item id.
    """
    ctx.require(Permission.CATALOG_MANAGE)
    item = _live_item(ctx, item_id)
    return _write_fields(ctx, item, form_of(item).with_changes(active=bool(active)))


def branch_price_id(item_id: str, branch_id: str) -> str:
    """Return the id of ``branch_id``'s own price of ``item_id`` (the same on every terminal)."""
    return derived_id("branch_price", item_id, branch_id)


def set_branch_price(
    ctx: ServiceContext, item_id: str, branch_id: str, price_satang: int | None, available: bool
) -> ChangeSet:
    """Set a branch's own price of an item (``None``: the catalog's) and whether it sells it there.

    Any terminal of the chain may set any branch's price (the catalog is
    the chain's). Setting what is already set writes nothing. Result is the
    row's id.

    Raises:
        PermissionDenied: the actor may not manage the catalog.
        NotFound: the item does not exist (or was deleted).
        BadInput: not a branch of this chain, or not a valid price.
    """
    ctx.require(Permission.CATALOG_MANAGE)
    _live_item(ctx, item_id)
    branch = ctx.session.get(Branch, branch_id)
    if branch is None or branch.deleted_at is not None or branch.chain_id != ctx.chain_id:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "This chain has no branch {branch}"), field="branch_id", branch=branch_id
        )
    price = None if price_satang is None else check_price(price_satang)
    row_id = branch_price_id(item_id, branch_id)
    row = ctx.session.get(BranchPrice, row_id)
    written: dict[str, Any] = {
        "item_id": item_id, "branch_id": branch_id, "price_satang": price, "available": bool(available),
    }
    before = None if row is None else {"price_satang": row.price_satang, "available": row.available}
    if before == {"price_satang": price, "available": bool(available)}:
        return ctx.changes.build(result=row_id)
    stamp = ctx.tick()
    if row is None:
        ctx.session.add(BranchPrice(
            id=row_id, chain_id=ctx.chain_id, **written, created_at=ctx.now, updated_at=ctx.now, hlc=stamp,
            field_clocks={},
        ))
    else:
        row.price_satang, row.available = price, bool(available)
        stamp_written(row, list(written), stamp, ctx.now)
    ctx.journal(
        action="branch_price.set",
        entity="branch_price",
        entity_id=row_id,
        before=before,
        after=written,
        payload={"fields": written},
        hlc=stamp,
    )
    ctx.changes.add(Kind.CATALOG_ITEM, item_id)
    return ctx.changes.build(result=row_id)


@dataclass(frozen=True)
class PriceHere:
    """What an item costs at a branch, and whether it is sold there."""

    price_satang: int
    available: bool
    # The branch has a price of its own (not the catalog's).
    own_price: bool


def price_at_branch(session: Session, item_id: str, branch_id: str) -> PriceHere:
    """Return the price of ``item_id`` at ``branch_id`` and whether it may be sold there.

    The branch's own price when it has one, else the catalog's; available
    when the item is on sale and the branch has not taken it off.

    Raises:
        NotFound: the item does not exist (or was deleted).
    """
    item = session.get(CatalogItem, item_id)
    if item is None or item.deleted_at is not None:
        raise _not_found()
    return price_here(item, session.get(BranchPrice, branch_price_id(item_id, branch_id)))


def price_here(item: CatalogItem, own: BranchPrice | None) -> PriceHere:
    """Return what ``price_at_branch`` returns for ``item`` given the branch's row for it (``own``, or None).

    For a caller that read the items and branch prices of a whole cart at once.
    """
    if own is None:
        return PriceHere(item.price_satang, item.active, own_price=False)
    price = own.price_satang
    return PriceHere(
        item.price_satang if price is None else price, item.active and own.available, own_price=price is not None
    )


def _live_product(ctx: ServiceContext, item_id: str) -> CatalogItem:
    item = _live_item(ctx, item_id)
    if item.kind != str(ItemKind.PRODUCT):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Only products have stock; {name} is not a product"),
            field="item_id",
            name=_item_name(item.name_th, item.name_en),
        )
    return item


def _record_movement(
    ctx: ServiceContext, item: CatalogItem, quantity: int, reason: StockReason, note: str
) -> str:
    stamp = ctx.tick()
    movement = StockMovement(
        id=uuid7(),
        chain_id=ctx.chain_id,
        item_id=item.id,
        quantity=quantity,
        reason=str(reason),
        note=note,
        at=ctx.now,
        staff_id=ctx.actor_id,
        hlc=stamp,
    )
    ctx.session.add(movement)
    record = {
        "id": movement.id,
        "item_id": item.id,
        "quantity": quantity,
        "reason": str(reason),
        "note": note,
        "at": ctx.now.isoformat(),
        "staff_id": ctx.actor_id,
    }
    ctx.journal(
        action="stock.move",
        entity=Kind.STOCK,
        entity_id=movement.id,
        after=record,
        payload={"record": record},
        hlc=stamp,
    )
    # The product's stock column on every screen changed with it.
    ctx.changes.add(Kind.CATALOG_ITEM, item.id)
    return movement.id


def record_sold(ctx: ServiceContext, item: CatalogItem, quantity: int, sale_number: str) -> str:
    """Take ``quantity`` pieces of a product sold by sale ``sale_number`` out of stock; return the movement id.

    A building block of checkout: a sale is never refused for stock the
    count says is not there (the product is in the customer's hand; the
    count is what is wrong), so stock may go below zero until it is counted.
    """
    return _record_movement(ctx, item, -quantity, StockReason.SOLD, sale_number)


def record_returned(ctx: ServiceContext, item: CatalogItem, quantity: int, credit_note_number: str) -> str:
    """Put ``quantity`` pieces of a refunded product back in stock; return the movement id.

    A building block of a refund or void (``services.refunds``): the note
    is the credit note's number, as a sale's movement names its receipt.
    """
    return _record_movement(ctx, item, quantity, StockReason.RETURNED, credit_note_number)


def move_stock(
    ctx: ServiceContext, item_id: str, quantity: int, reason: StockReason, note: str = ""
) -> ChangeSet:
    """Record stock received, sold, written off, returned or corrected; result is the movement id.

    A product taken off sale still has stock that can be counted, written
    off or returned, so ``active`` is not checked here.

    Args:
        quantity: pieces in (> 0) or out (< 0); received and returned stock
            is positive, damaged and sold stock negative, a count
            correction either (never 0).
        reason: why the stock moved.
        note: free text for the audit (supplier invoice, what broke).

    Raises:
        PermissionDenied: the actor may not adjust stock.
        NotFound: the item does not exist.
        BadInput: the item is not a product, the quantity is 0 or has the
            wrong sign for the reason, or more would be taken out than is
            in stock.
    """
    ctx.require(Permission.STOCK_ADJUST)
    item = _live_product(ctx, item_id)
    reason = stock_reason(reason)
    text = check_note(note)
    # The check and the write share one BEGIN IMMEDIATE transaction (see
    # Terminal.run), so no other writer slips in between.
    quantity = check_movement(stock_level(ctx.session, item_id), quantity, reason)
    return ctx.changes.build(result=_record_movement(ctx, item, quantity, reason, text))


def set_stock_count(ctx: ServiceContext, item_id: str, counted: int, note: str = "") -> ChangeSet:
    """Record a stock count: writes the count correction from the current stock to ``counted``.

    Result is the movement id, or ``None`` when the count matches the stock
    (nothing is written then).

    Raises:
        PermissionDenied: the actor may not adjust stock.
        NotFound: the item does not exist.
        BadInput: the item is not a product, or ``counted`` is negative.
    """
    ctx.require(Permission.STOCK_ADJUST)
    item = _live_product(ctx, item_id)
    text = check_note(note)
    delta = count_correction(stock_level(ctx.session, item_id), counted)
    if delta == 0:
        return ctx.changes.build(result=None)
    return ctx.changes.build(
        result=_record_movement(ctx, item, delta, StockReason.COUNT_CORRECTION, text)
    )


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class CatalogRow:
    """One row of the catalog list (and of a barcode look-up at the till)."""

    id: str
    kind: ItemKind
    name_th: str
    name_en: str
    price_satang: int
    vat_exempt: bool
    active: bool
    duration_minutes: int | None
    sku: str
    barcode: str
    stock: int | None  # products only
    package_sessions: int | None
    # Sold at the branch listed for (``list_items(branch_id=...)``); the
    # price is then that branch's.
    available_here: bool = True
    category: str = ""
    tags: tuple[str, ...] = ()


# Treatments first, as the clinic thinks of its menu; then products, packages.
_KIND_ORDER = {str(kind): rank for rank, kind in enumerate(ItemKind)}


def _stock_sums() -> Any:
    return (
        select(StockMovement.item_id, func.sum(StockMovement.quantity).label("stock"))
        .group_by(StockMovement.item_id)
        .subquery()
    )


def _rows_query() -> Any:
    sums = _stock_sums()
    stock = case(
        (CatalogItem.kind == str(ItemKind.PRODUCT), func.coalesce(sums.c.stock, 0)), else_=None
    )
    return (
        select(CatalogItem, stock.label("stock"))
        .outerjoin(sums, sums.c.item_id == CatalogItem.id)
        .where(CatalogItem.deleted_at.is_(None))
    )


def _row(item: CatalogItem, stock: int | None, here: BranchPrice | None = None) -> CatalogRow:
    own_price = None if here is None else here.price_satang
    return CatalogRow(
        id=item.id,
        kind=ItemKind(item.kind),
        name_th=item.name_th,
        name_en=item.name_en,
        price_satang=item.price_satang if own_price is None else own_price,
        vat_exempt=item.vat_exempt,
        active=item.active,
        duration_minutes=item.duration_minutes,
        sku=item.sku or "",
        barcode=item.barcode or "",
        stock=None if stock is None else int(stock),
        package_sessions=item.package_sessions,
        available_here=here is None or here.available,
        category=item.category,
        tags=tuple(item.tags or ()),
    )


def list_items(
    session: Session,
    *,
    kind: ItemKind | None = None,
    query: str = "",
    include_inactive: bool = False,
    branch_id: str | None = None,
) -> list[CatalogRow]:
    """Return live catalog items, treatments first, then products, then packages, each by Thai name.

    Each row gives the item's price and availability (``available_here``)
    at a branch: its own price there when it has one, else the catalog's.

    Args:
        branch_id: the branch (default: this terminal's).
        kind: only items of this kind.
        query: matches a substring of the Thai or English name (any case),
            of the SKU or of the barcode.
        include_inactive: also items taken off sale.
    """
    rows = _rows_query()
    if kind is not None:
        rows = rows.where(CatalogItem.kind == str(ItemKind(kind)))
    if not include_inactive:
        rows = rows.where(CatalogItem.active.is_(True))
    text = " ".join(query.split())
    if text:
        folded = text.casefold()
        rows = rows.where(
            or_(
                func.lower(CatalogItem.name_th).contains(folded, autoescape=True),
                func.lower(CatalogItem.name_en).contains(folded, autoescape=True),
                CatalogItem.sku.contains(text.upper().replace(" ", ""), autoescape=True),
                CatalogItem.barcode.contains(text.replace(" ", ""), autoescape=True),
            )
        )
    kind_rank = case(_KIND_ORDER, value=CatalogItem.kind, else_=len(_KIND_ORDER))
    result = session.execute(rows.order_by(kind_rank, CatalogItem.name_th, CatalogItem.id)).all()
    here = _branch_prices(session, branch_id)
    return [_row(item, stock, here.get(item.id)) for item, stock in result]


def _branch_prices(session: Session, branch_id: str | None, item_id: str | None = None) -> dict[str, BranchPrice]:
    """Return the branch's own prices by item (``branch_id`` None: this terminal's branch)."""
    if branch_id is None:
        branch_id = session.scalars(select(DeviceState.branch_id)).first()
        if branch_id is None:
            return {}
    query = select(BranchPrice).where(BranchPrice.branch_id == branch_id)
    if item_id is not None:
        query = query.where(BranchPrice.item_id == item_id)
    return {p.item_id: p for p in session.scalars(query)}


def get_item(session: Session, item_id: str) -> tuple[ItemForm, int | None]:
    """Return an item's edit form and its stock (``None`` for treatments and packages).

    Raises:
        NotFound: unknown or deleted.
    """
    item = session.get(CatalogItem, item_id)
    if item is None or item.deleted_at is not None:
        raise _not_found()
    stock = stock_level(session, item_id) if item.kind == str(ItemKind.PRODUCT) else None
    return form_of(item), stock


def find_by_barcode(session: Session, barcode: str) -> CatalogRow | None:
    """Return the live item with this barcode (as scanned or typed), on sale or not.

    The row's ``active`` says whether it may be sold, ``available_here``
    whether this branch sells it, and its price is this branch's. A code that is not a
    valid EAN/UPC finds nothing.
    """
    code = "".join(barcode.split()).replace("-", "")
    if not is_valid_gtin(code):
        return None
    hit = session.execute(_rows_query().where(CatalogItem.barcode == code).limit(1)).first()
    if hit is None:
        return None
    return _row(hit[0], hit[1], _branch_prices(session, None, hit[0].id).get(hit[0].id))


def categories_in_use(session: Session) -> list[str]:
    """Return the categories of the live catalog items (taken off sale or not), sorted, without repeats."""
    found = session.scalars(
        select(CatalogItem.category).where(CatalogItem.deleted_at.is_(None), CatalogItem.category != "").distinct()
    )
    return sorted(found, key=str.casefold)


def stock_level(session: Session, item_id: str) -> int:
    """Return a product's stock: the sum of its movements (0 when it has none)."""
    total = session.execute(
        select(func.coalesce(func.sum(StockMovement.quantity), 0)).where(
            StockMovement.item_id == item_id
        )
    ).scalar_one()
    return int(total)
