"""Coupons: issuing one, a campaign's codes in bulk, voiding, using one at a sale; the reads a screen needs.

The rules (codes, terms, whether a coupon applies, the discount) are
``domain.coupons``; this module writes ``coupons`` (a profile, synced
chain-wide: ``coupon.issue``, ``coupon.void``) and ``coupon_uses`` (a
ledger: ``coupon.use``), and reads them back as ``CouponFacts``. When two
terminals use a single-use coupon offline, the server settles it
(``sync.server.coupons``): both uses stand, the later one is reported.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, TextIO, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.catalog import ItemKind
from ..domain.changes import ChangeSet, Kind
from ..domain.coupons import (
    BODY_SPACE,
    CartLine,
    CouponFacts,
    CouponKind,
    CouponMessage,
    CouponState,
    CouponTerms,
    CouponUseSeen,
    CouponVerdict,
    check_coupon,
    coupon_state,
    display_coupon_code,
    make_coupon_code,
    state_of,
    terms_problem,
    what_it_gives,
)
from ..domain.dates import bangkok_date
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, Translate
from ..domain.ids import derived_id, uuid7
from ..domain.roles import Permission
from ..store.fast_insert import bulk_writing, insert_rows, table_of
from ..store.models import Branch, CatalogItem, Coupon, CouponUse
from .bulk_journal import BulkJournal
from .context import ServiceContext, stamp_written
from .customers import live_customer

MAX_CAMPAIGN = 1_000_000
_CHUNK = 900  # values per IN (...): under the 999 bound parameters of older SQLite builds
_NAMED_CHANGES = 1_000  # a larger campaign's change set says "many coupons" instead of naming each


def _identity(context: str, text: str) -> str:
    return text


class CouponRefused(BadInput):
    """A coupon does not apply; the message is ``check_coupon``'s (context ``coupons``), nothing changed."""

    context = "coupons"

    def __init__(self, verdict: CouponVerdict) -> None:
        self.verdict = verdict
        self.refusal = verdict.refusal
        super().__init__(verdict.message.template, field="coupon", **dict(verdict.message.params))

    def render(self, translate: Translate = _identity) -> str:
        return self.verdict.message.render(translate)


@dataclass(frozen=True)
class IssuedCoupon:
    """A coupon just issued: its id and its code."""

    id: str
    code: str


# ---------------------------------------------------------------------- writing


def _next_codes(ctx: ServiceContext, count: int) -> list[str]:
    """Return the next ``count`` coupon codes of this device (its tag, its coupon counter).

    The counter makes them unique on this device; a code already held (one
    that came by sync from a device with the same tag) is skipped.
    """
    device = ctx.device
    codes: list[str] = []
    while len(codes) < count:
        start = device.coupon_counter
        wanted = count - len(codes)
        if start + wanted > BODY_SPACE:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "This terminal has made all the coupon codes it can"),
                           field="count")
        candidates = [make_coupon_code(device.referral_tag, start + k) for k in range(wanted)]
        device.coupon_counter = start + wanted
        held: set[str] = set()
        for at in range(0, len(candidates), _CHUNK):
            held.update(ctx.session.scalars(select(Coupon.code).where(Coupon.code.in_(candidates[at : at + _CHUNK]))))
        codes.extend(c for c in candidates if c not in held)
    return codes


def _record(terms: CouponTerms, code: str, customer_id: str | None, campaign: str, reward_id: str | None,
            issued_at: datetime) -> dict[str, Any]:
    """Return the synced record of a new coupon (every field: a new row travels whole)."""
    return {
        "code": code,
        "kind": str(terms.kind),
        "percent": terms.percent,
        "amount_satang": terms.amount_satang,
        "free_item_id": terms.free_item_id,
        "valid_from": terms.valid_from.isoformat() if terms.valid_from else None,
        "valid_until": terms.valid_until.isoformat() if terms.valid_until else None,
        "min_spend_satang": terms.min_spend_satang,
        "item_ids": sorted(terms.item_ids),
        "item_kinds": sorted(str(k) for k in terms.item_kinds),
        "usage_limit": terms.usage_limit,
        "per_customer_limit": terms.per_customer_limit,
        "before_tier_discount": terms.before_tier_discount,
        "customer_id": customer_id,
        "campaign": campaign,
        "reward_id": reward_id,
        "voided": False,
        "void_reason": "",
        "issued_at": issued_at.isoformat(),
    }


def _row(ctx: ServiceContext, coupon_id: str, record: dict[str, Any], terms: CouponTerms, stamp: str
         ) -> dict[str, Any]:
    """Return the ``coupons`` row of ``record`` (column values)."""
    return {
        **record,
        "id": coupon_id,
        "chain_id": ctx.chain_id,
        "valid_from": terms.valid_from,
        "valid_until": terms.valid_until,
        "issued_at": ctx.now,
        "created_at": ctx.now,
        "updated_at": ctx.now,
        "hlc": stamp,
        "field_clocks": {},
        "deleted_at": None,
    }


def _check_terms(ctx: ServiceContext, terms: CouponTerms) -> None:
    problem = terms_problem(terms)
    if problem is not None:
        raise problem
    if terms.free_item_id is not None:
        item = ctx.session.get(CatalogItem, terms.free_item_id)
        if item is None or item.deleted_at is not None or item.chain_id != ctx.chain_id:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "The catalog has no such item"), field="free_item")


def _clean(text: str, limit: int, field: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) > limit:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "At most {limit} characters"), field=field, limit=limit)
    return cleaned


def write_coupon(ctx: ServiceContext, terms: CouponTerms, *, customer_id: str | None = None, campaign: str = "",
                 reward_id: str | None = None, coupon_id: str | None = None) -> IssuedCoupon:
    """Write one coupon, journaled as ``coupon.issue``; return it (a building block: the caller checked who acts).

    ``coupon_id`` is the new coupon's id when its cause names it (a refund's
    replacement coupon); by default a new one.
    """
    _check_terms(ctx, terms)
    if customer_id is not None:
        live_customer(ctx.session, ctx.chain_id, customer_id)
    (code,) = _next_codes(ctx, 1)
    stamp = ctx.tick()
    coupon_id = coupon_id or uuid7()
    record = _record(terms, code, customer_id, _clean(campaign, 200, "campaign"), reward_id, ctx.now)
    ctx.session.add(Coupon(**_row(ctx, coupon_id, record, terms, stamp)))
    ctx.journal(action="coupon.issue", entity=Kind.COUPON, entity_id=coupon_id, after=record,
                payload={"record": record}, hlc=stamp)
    if customer_id is not None:
        ctx.changes.add(Kind.CUSTOMER, customer_id)
    return IssuedCoupon(coupon_id, code)


def replacement_coupon_id(refund_id: str) -> str:
    """Return the id of the coupon that refund ``refund_id`` gave back (the same on every terminal)."""
    return derived_id("restored_coupon", refund_id)


def restore_coupon(ctx: ServiceContext, code: str, customer_id: str | None, refund_id: str) -> IssuedCoupon | None:
    """Give back the coupon ``code`` a refunded sale used, as a new coupon; return it, or None when it cannot be.

    A use is never taken back (the server hands out each use slot once,
    ``sync.server.coupons``), so the member gets a new single-use coupon
    with the same terms, expiry, campaign and reward, bound to the sale's
    member (or open when the sale had none), under the id
    ``replacement_coupon_id(refund_id)``. Nothing is given back for a coupon
    that is void or expired by now, or that the chain no longer has. A
    building block of a refund: the caller checked who acts.
    """
    row = ctx.session.execute(select(Coupon).where(Coupon.code == code, Coupon.chain_id == ctx.chain_id)).scalar()
    if row is None or row.voided or row.deleted_at is not None:
        return None
    terms = _terms(row)
    if terms.valid_until is not None and terms.valid_until < bangkok_date(ctx.now):
        return None
    again = replace(terms, usage_limit=1, per_customer_limit=None)
    return write_coupon(ctx, again, customer_id=customer_id or row.customer_id, campaign=row.campaign or "",
                        reward_id=row.reward_id, coupon_id=replacement_coupon_id(refund_id))


def issue_coupon(ctx: ServiceContext, terms: CouponTerms, customer_id: str | None = None,
                 campaign: str = "") -> ChangeSet:
    """Issue one coupon, open or bound to ``customer_id``; result is an ``IssuedCoupon``.

    Raises:
        PermissionDenied: the actor may not manage the loyalty program (managers may).
        BadInput: terms the coupon cannot have (``domain.coupons.terms_problem``),
            a free item the catalog lacks, a campaign name over 200 characters.
        NotFound: the customer was deleted.
    """
    ctx.require(Permission.LOYALTY_MANAGE)
    return ctx.changes.build(result=write_coupon(ctx, terms, customer_id=customer_id, campaign=campaign))


def generate_campaign(ctx: ServiceContext, campaign: str, count: int, terms: CouponTerms) -> ChangeSet:
    """Issue ``count`` open coupons of one campaign in one transaction; result is their codes, in order.

    Each is what ``issue_coupon`` would write (a ``coupon.issue`` with its
    own clock and audit entry), written with one statement per table: a
    campaign of 100,000 codes takes about 20 s on a 2-core VM (an ORM
    object per row would take minutes). The change set says that many
    coupons changed instead of naming each.

    Raises:
        PermissionDenied: the actor may not manage the loyalty program.
        BadInput: no campaign name, a count outside 1 to 1,000,000, or
            terms the coupons cannot have.
    """
    ctx.require(Permission.LOYALTY_MANAGE)
    name = _clean(campaign, 200, "campaign")
    if not name:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Give the campaign a name"), field="campaign")
    if not 1 <= count <= MAX_CAMPAIGN:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A campaign has 1 to 1,000,000 codes"), field="count")
    _check_terms(ctx, terms)
    with bulk_writing(ctx.session):
        codes = _next_codes(ctx, count)
        journal = BulkJournal(ctx)
        rows: list[dict[str, Any]] = []
        template = _record(terms, "", None, name, None, ctx.now)
        for code in codes:
            stamp = ctx.tick()
            coupon_id = uuid7()
            record = {**template, "code": code}
            rows.append(_row(ctx, coupon_id, record, terms, stamp))
            journal.add(action="coupon.issue", entity=Kind.COUPON, entity_id=coupon_id, after=record,
                        payload={"record": record}, hlc=stamp)
        insert_rows(ctx.session, table_of(Coupon), rows)
        journal.write()
    if count > _NAMED_CHANGES:
        ctx.changes.add_many(Kind.COUPON)
    return ctx.changes.build(result=codes)


def void_coupon(ctx: ServiceContext, coupon_id: str, reason: str) -> ChangeSet:
    """Void a coupon, saying why (``coupon.void``); it no longer applies anywhere once synced.

    Raises:
        PermissionDenied: the actor may not manage the loyalty program.
        BadInput: no such coupon, no reason, or the coupon is already void.
    """
    ctx.require(Permission.LOYALTY_MANAGE)
    row = ctx.session.get(Coupon, coupon_id)
    if row is None or row.chain_id != ctx.chain_id:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "There is no such coupon"), field="coupon")
    text = _clean(reason, 500, "reason")
    if not text:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Say why the coupon is voided"), field="reason")
    if row.voided:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This coupon is already void"), field="coupon")
    stamp = ctx.tick()
    row.voided, row.void_reason = True, text
    stamp_written(row, ("voided", "void_reason"), stamp, ctx.now)
    fields = {"voided": True, "void_reason": text}
    ctx.journal(action="coupon.void", entity=Kind.COUPON, entity_id=row.id, before={"voided": False},
                after=fields, payload={"fields": fields}, hlc=stamp)
    return ctx.changes.build(result=row.id)


@dataclass(frozen=True)
class CouponUsed:
    """What ``record_coupon_use`` made: the use's id, the coupon's, and the discount it gives."""

    use_id: str
    coupon_id: str
    discount_satang: int


def record_coupon_use(ctx: ServiceContext, code: str, cart: Sequence[CartLine], *, customer_id: str | None = None,
                      subtotal_satang: int | None = None, sale_ref: str = "") -> ChangeSet:
    """Use a coupon on a cart (what the counter calls at checkout); result is a ``CouponUsed``.

    The coupon is checked as ``check_coupon`` checks it, in this
    transaction (``BEGIN IMMEDIATE``: two uses on this terminal cannot both
    see it unused), and the use is written as ``coupon.use`` with the
    discount it gives, numbered as this terminal counts the coupon's uses.

    Raises:
        PermissionDenied: the actor may not sell.
        CouponRefused: the coupon does not apply, with exactly why.
        NotFound: ``customer_id`` was deleted.
        BadInput: a cart line of a negative amount or no quantity, a negative subtotal.
    """
    return use_coupon(ctx, code, cart, lambda c: coupon_facts(ctx.session, c), customer_id=customer_id,
                      subtotal_satang=subtotal_satang, sale_ref=sale_ref)


def use_coupon(ctx: ServiceContext, code: str, cart: Sequence[CartLine],
               read_facts: Callable[[str], CouponFacts | None], *, customer_id: str | None = None,
               subtotal_satang: int | None = None, sale_ref: str = "") -> ChangeSet:
    """``record_coupon_use`` for a use case that already read the coupon's facts in its own transaction.

    ``read_facts`` answers as ``coupon_facts`` does in ``ctx``'s
    transaction: checkout passes what its quote read moments before, in the
    same ``BEGIN IMMEDIATE`` transaction, with no coupon use written since
    (facts read in another transaction would let a coupon be used twice).
    Same checks, rows, result and errors as ``record_coupon_use``.
    """
    ctx.require(Permission.SALE_SELL)
    if any(line.amount_satang < 0 or line.quantity < 1 for line in cart) or (subtotal_satang or 0) < 0:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A sale's lines and total cannot be negative"), field="cart")
    if customer_id is not None:
        live_customer(ctx.session, ctx.chain_id, customer_id)
    verdict = check_coupon(code, read_facts, now=ctx.now, customer_id=customer_id, cart=cart,
                           subtotal_satang=subtotal_satang)
    if not verdict.applies or verdict.coupon is None:
        raise CouponRefused(verdict)
    coupon = ctx.session.execute(select(Coupon).where(Coupon.code == verdict.code)).scalar_one()
    facts = verdict.coupon
    stamp = ctx.tick()
    use_id = uuid7()
    record = {
        "coupon_id": coupon.id, "customer_id": customer_id, "use_no": len(facts.uses) + 1,
        "customer_use_no": facts.uses_by(customer_id) + 1 if customer_id is not None else 0,
        "at": ctx.now.isoformat(), "staff_id": ctx.actor_id, "branch_id": ctx.branch_id,
        "terminal": ctx.device.device_name[:100], "sale_ref": _clean(sale_ref, 100, "sale_ref"),
        "discount_satang": verdict.discount_satang,
    }
    ctx.session.add(CouponUse(id=use_id, chain_id=ctx.chain_id, **{**record, "at": ctx.now}, hlc=stamp))
    ctx.journal(action="coupon.use", entity="coupon_use", entity_id=use_id, after=record,
                payload={"record": {"id": use_id, **record}}, hlc=stamp)
    ctx.changes.add(Kind.COUPON, coupon.id)
    if customer_id is not None:
        ctx.changes.add(Kind.CUSTOMER, customer_id)
    return ctx.changes.build(result=CouponUsed(use_id, coupon.id, verdict.discount_satang))


# ---------------------------------------------------------------------- reading


def _terms(c: Coupon) -> CouponTerms:
    return CouponTerms(
        kind=CouponKind(c.kind), percent=c.percent, amount_satang=c.amount_satang, free_item_id=c.free_item_id,
        valid_from=c.valid_from, valid_until=c.valid_until, min_spend_satang=c.min_spend_satang,
        item_ids=frozenset(c.item_ids or ()), item_kinds=frozenset(ItemKind(k) for k in c.item_kinds or ()),
        usage_limit=c.usage_limit, per_customer_limit=c.per_customer_limit,
        before_tier_discount=c.before_tier_discount,
    )


def coupon_facts(session: Session, code: str) -> CouponFacts | None:
    """Return the coupon with canonical ``code`` and its uses, or None.

    One query: the coupon by its unique code, its uses by their coupon
    index, each use's branch and the free item's name (the counter asks
    this for every code typed).
    """
    rows = session.execute(
        select(Coupon, CouponUse.customer_id, CouponUse.at, CouponUse.terminal, Branch.name_th, Branch.name_en,
               CatalogItem.name_th, CatalogItem.name_en)
        .outerjoin(CouponUse, CouponUse.coupon_id == Coupon.id)
        .outerjoin(Branch, Branch.id == CouponUse.branch_id)
        .outerjoin(CatalogItem, CatalogItem.id == Coupon.free_item_id)
        .where(Coupon.code == code, Coupon.deleted_at.is_(None))
    ).all()
    if not rows:
        return None
    coupon = rows[0][0]
    # The outer join gives one row with no use (its columns null) to a coupon never used.
    uses = tuple(
        CouponUseSeen(customer, at, terminal, branch_th or branch_en or "", branch_en or "")
        for _, customer, at, terminal, branch_th, branch_en, _, _ in rows
        if cast("datetime | None", at) is not None
    )
    item_th, item_en = rows[0][6], rows[0][7]
    return CouponFacts(code=coupon.code, terms=_terms(coupon), customer_id=coupon.customer_id,
                       voided=coupon.voided, void_reason=coupon.void_reason, uses=uses,
                       free_item_name=item_th or item_en or "", free_item_name_en=item_en or "")


def item_id_by_sku(session: Session, sku: str) -> str | None:
    """Return the id of the live catalog item with ``sku`` (as typed: case and spaces do not matter), or None."""
    wanted = "".join(sku.split()).upper()
    return session.scalars(
        select(CatalogItem.id).where(CatalogItem.sku == wanted, CatalogItem.deleted_at.is_(None))
    ).first()


def check_coupon_code(session: Session, code: str, now: datetime, *, customer_id: str | None = None,
                      cart: Sequence[CartLine] | None = None, subtotal_satang: int | None = None) -> CouponVerdict:
    """Return whether the typed ``code`` applies now (for ``customer_id``, to ``cart``), or exactly why not."""
    return check_coupon(code, lambda c: coupon_facts(session, c), now=now, customer_id=customer_id, cart=cart,
                        subtotal_satang=subtotal_satang)


@dataclass(frozen=True)
class CouponLine:
    """One coupon of a member's list: its code, state and what the screen says of it."""

    id: str
    code: str
    state: CouponState
    message: CouponMessage  # "Valid: ..." or why not
    issued_at: datetime
    valid_until: date | None
    reward_id: str | None
    gives: CouponMessage | None = None  # "10 % off", "a free Basic Facial"

    def text(self, translate: Translate = _identity) -> str:
        return self.message.render(translate)


def _known(facts: CouponFacts) -> Callable[[str], CouponFacts | None]:
    return lambda _code: facts


def customer_coupons(session: Session, customer_id: str, now: datetime) -> list[CouponLine]:
    """Return the coupons bound to ``customer_id``, newest first, each with its state and why."""
    codes = list(session.scalars(
        select(Coupon.code).where(Coupon.customer_id == customer_id, Coupon.deleted_at.is_(None))
        .order_by(Coupon.issued_at.desc(), Coupon.id.desc())
    ))
    lines: list[CouponLine] = []
    today = bangkok_date(now)
    for code in codes:
        facts = coupon_facts(session, code)
        assert facts is not None
        row = session.execute(select(Coupon.id, Coupon.issued_at, Coupon.reward_id).where(Coupon.code == code)).one()
        verdict = check_coupon(code, _known(facts), now=now, customer_id=customer_id)
        lines.append(CouponLine(row.id, code, coupon_state(facts, today), verdict.message, row.issued_at,
                                facts.terms.valid_until, row.reward_id,
                                what_it_gives(facts.terms, facts.free_item_name, facts.free_item_name_en)))
    return lines


CAMPAIGN_COLUMNS = ("code", "code_display", "campaign", "kind", "percent", "amount_baht", "free_item_id",
                    "valid_from", "valid_until", "min_spend_baht", "usage_limit", "per_customer_limit", "state",
                    "uses")


def _baht(satang: int) -> str:
    return f"{satang // 100}.{satang % 100:02d}"


def export_campaign_csv(session: Session, campaign: str, out: TextIO, now: datetime) -> int:
    """Write a campaign's coupons to ``out`` as CSV (UTF-8 with BOM for Excel: open ``out`` as utf-8); return how many.

    One line per code, in the order they were issued, with its terms, its
    state and how many times it was used.
    """
    used = dict(session.execute(
        select(CouponUse.coupon_id, func.count()).join(Coupon, Coupon.id == CouponUse.coupon_id)
        .where(Coupon.campaign == campaign).group_by(CouponUse.coupon_id)
    ).all())
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CAMPAIGN_COLUMNS)
    today = bangkok_date(now)
    count = 0
    # Columns, not ORM objects: a campaign has up to a million codes.
    for c in session.execute(
        select(Coupon.id, Coupon.code, Coupon.campaign, Coupon.kind, Coupon.percent, Coupon.amount_satang,
               Coupon.free_item_id, Coupon.valid_from, Coupon.valid_until, Coupon.min_spend_satang,
               Coupon.usage_limit, Coupon.per_customer_limit, Coupon.voided)
        .where(Coupon.campaign == campaign, Coupon.deleted_at.is_(None)).order_by(Coupon.issued_at, Coupon.id)
    ):
        uses = used.get(c.id, 0)
        limit = c.usage_limit
        state = state_of(c.voided, uses, limit, c.valid_until, today)
        writer.writerow([
            c.code, display_coupon_code(c.code), c.campaign, c.kind, c.percent or "",
            _baht(c.amount_satang) if c.amount_satang else "", c.free_item_id or "",
            c.valid_from.isoformat() if c.valid_from else "", c.valid_until.isoformat() if c.valid_until else "",
            _baht(c.min_spend_satang), "" if limit is None else limit,
            "" if c.per_customer_limit is None else c.per_customer_limit, str(state), uses,
        ])
        count += 1
    return count

