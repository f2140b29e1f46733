"""The counter's checkout: a cart becomes a sale, paid, numbered and earning points, in one transaction.

``checkout`` is one use case: the sale, its lines, its payments, the
coupon's use, a package's session credits, the points the member earns (and the referrer's award on a
friend's first paid visit), stock for products, the receipt's number,
audit and outbox commit together or not at all (``Terminal.run``, ``BEGIN
IMMEDIATE``). The cart is priced again here by ``domain.pricing`` from the
catalog, the branch's prices, the member's tier and the coupon as they are
now: what the screen showed is never trusted. Printing comes after the
commit (a printer that is offline never loses a sale).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.catalog import ItemKind
from ..domain.changes import ChangeSet, Kind
from ..domain.coupons import CouponFacts, check_coupon, read_coupon_code
from ..domain.dates import bangkok_date
from ..domain.document_numbers import DocumentType, document_number
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.ids import uuid7
from ..domain.loyalty_program import LOYALTY_KEY, LoyaltyProgram
from ..domain.payments import Tender, check_payments
from ..domain.points import EntryKind, PointsSource
from ..domain.pricing import (
    AppliedCoupon,
    CartItem,
    DiscountKind,
    LineDiscount,
    PricedCart,
    PricingRules,
    VatCode,
    price_cart,
)
from ..domain.roles import Permission
from ..domain.settings import COUNTER_RULES_KEY, pricing_rules
from ..store.models import (
    Branch,
    BranchPrice,
    CatalogItem,
    Customer,
    DeviceState,
    DocumentCounter,
    Payment,
    Sale,
    SaleLine,
)
from .achievements import unlock_achievements
from .catalog import branch_price_id, price_here, record_sold
from .context import ServiceContext, load_device
from .coupons import CouponRefused, coupon_facts, use_coupon
from .courses import grant_course
from .customers import live_customer
from .loyalty import award_referral, note_tier, points_summary
from .points_ledger import program_of, record_points
from .printing import queue_sale_receipt
from .settings import chain_settings
from .shifts import open_shift_of

MAX_LINES = 200


@dataclass(frozen=True)
class OrderLine:
    """A line as the cart holds it: the item, how many, and staff's discount if any."""

    item_id: str
    quantity: int = 1
    discount: LineDiscount | None = None


@dataclass(frozen=True)
class Order:
    """What the counter sends to checkout.

    ``balance_due_on``: a deposit plan, the balance due on that date
    (the payments may then cover part of the total). ``journey_id``: the
    customer's journey the cart came from (a proposal opened at the POS):
    the sale, once paid, confirms its payment stage.
    """

    lines: tuple[OrderLine, ...]
    tenders: tuple[Tender, ...]
    customer_id: str | None = None
    coupon_code: str = ""
    balance_due_on: date | None = None
    journey_id: str | None = None


@dataclass(frozen=True)
class SaleDone:
    """What checkout made: the sale, its receipt's number, what was paid and what to hand back."""

    sale_id: str
    number: str
    total_satang: int
    paid_satang: int
    change_satang: int
    balance_satang: int
    points_earned: int


def next_document_number(ctx: ServiceContext, kind: DocumentType) -> tuple[int, str]:
    """Take this terminal's next number of ``kind`` in the caller's transaction; return (seq, printed number).

    The counter row is written in the same transaction as the document, so
    a crash leaves both or neither: no gap, no number given twice.
    """
    # The branch is read first: reading it after the counter's change would flush that change on its own.
    branch = ctx.session.get(Branch, ctx.branch_id)
    counter = ctx.session.get(DocumentCounter, str(kind))
    if counter is None:
        counter = DocumentCounter(kind=str(kind), last_seq=0)
        ctx.session.add(counter)
    seq = counter.last_seq + 1
    counter.last_seq = seq
    code = branch.branch_code if branch is not None and branch.branch_code else "00000"
    return seq, document_number(kind, code, ctx.device.referral_tag, seq)


@dataclass(frozen=True)
class Quote:
    """An order priced as checkout will price it: what the cart and the customer display show."""

    priced: PricedCart
    items: dict[str, CatalogItem]
    tier: str  # the member's tier key ("" without a member)


def _cart(session: Session, chain_id: str, branch_id: str,
          lines: Sequence[OrderLine]) -> tuple[list[CartItem], dict[str, CatalogItem]]:
    """Return the cart's items at this branch's prices, and the catalog items by id.

    Raises:
        BadInput: no lines, too many, or an item not sold here.
        NotFound: an item that does not exist.
    """
    if not lines:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The cart is empty"), field="lines")
    if len(lines) > MAX_LINES:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A sale has at most {count} lines"), field="lines",
                       count=MAX_LINES)
    # The cart's items and this branch's prices of them in two queries, not two a line.
    ids = {line.item_id for line in lines}
    found = {item.id: item for item in session.scalars(select(CatalogItem).where(CatalogItem.id.in_(ids)))}
    own_prices = {row.id: row for row in session.scalars(select(BranchPrice).where(
        BranchPrice.id.in_([branch_price_id(item_id, branch_id) for item_id in ids])))}
    items: dict[str, CatalogItem] = {}
    cart: list[CartItem] = []
    for number, line in enumerate(lines, start=1):
        item = found.get(line.item_id)
        if item is None or item.deleted_at is not None or item.chain_id != chain_id:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Line {line}: this item is not in the catalog"),
                           field="lines", line=number)
        here = price_here(item, own_prices.get(branch_price_id(item.id, branch_id)))
        if not here.available:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Line {line}: {name} is not sold at this branch"),
                           field="lines", line=number, name=item.name_th)
        items[item.id] = item
        cart.append(CartItem(item.id, ItemKind(item.kind), here.price_satang, line.quantity, item.category,
                             VatCode.of_item(item.vat_exempt), line.discount))
    return cart, items


def quote(session: Session, order: Order, now: datetime) -> Quote:
    """Return ``order`` priced at this terminal's branch at ``now``, as ``checkout`` will price it (a read).

    The coupon is checked for what does not depend on the cart (dates,
    uses, owner) before pricing; the cart's part (minimum spend, items) is
    settled by pricing (``PricedCart.coupon_refusal``) and checked again
    when checkout records its use.

    Raises:
        CouponRefused: the coupon does not apply, with exactly why.
        BadInput, NotFound: an empty cart, an item not sold here or not in
            the catalog, a line ``domain.pricing.price_cart`` refuses, a
            deleted customer.
    """
    device = load_device(session)
    program, rules = pricing_settings(session, device.chain_id)
    return _quote(session, device, order, now, program, rules, lambda code: coupon_facts(session, code))[0]


def pricing_settings(session: Session, chain_id: str) -> tuple[LoyaltyProgram, PricingRules]:
    """Return the chain's loyalty program and the counter's pricing rules (each its defaults until set).

    One query reads both settings: a quote runs on every change of the
    cart, and the rules' earn rate is the program's.
    """
    values = chain_settings(session, chain_id, (LOYALTY_KEY, COUNTER_RULES_KEY))
    program = program_of(values.get(LOYALTY_KEY))
    return program, pricing_rules(values.get(COUNTER_RULES_KEY), program.earn)


def _quote(session: Session, device: DeviceState, order: Order, now: datetime, program: LoyaltyProgram,
           rules: PricingRules, read_facts: Callable[[str], CouponFacts | None]) -> tuple[Quote, Customer | None]:
    """``quote`` with this terminal's ``device`` row, the chain's loyalty ``program`` and pricing ``rules`` read.

    ``read_facts`` answers as ``coupons.coupon_facts`` does. Also returns
    the member's row (None without a member).
    """
    cart, items = _cart(session, device.chain_id, device.branch_id, order.lines)
    tier = None
    member = None
    if order.customer_id is not None:
        member = live_customer(session, device.chain_id, order.customer_id)
        tier = points_summary(session, order.customer_id, now, program).tier
    applied = None
    if order.coupon_code.strip():
        verdict = check_coupon(order.coupon_code, read_facts, now=now, customer_id=order.customer_id)
        if not verdict.applies or verdict.coupon is None:
            raise CouponRefused(verdict)
        applied = AppliedCoupon(verdict.code, verdict.coupon.terms)
    priced = price_cart(cart, tier=tier, coupon=applied, rules=rules)
    return Quote(priced, items, tier.key if tier is not None else ""), member


def checkout(ctx: ServiceContext, order: Order) -> ChangeSet:
    """Sell the order: write the sale and everything that follows from it; result is a ``SaleDone``.

    Raises:
        PermissionDenied: the actor may not sell, or a line discount above
            the clinic's limit without a manager's approval (the override
            of ``Permission.SALE_DISCOUNT``).
        BadInput: no shift open on this terminal; a package without a customer; an empty cart; a line the
            pricing refuses; payments that do not add up (see
            ``domain.payments.check_payments``); a journey named that is
            another customer's or not waiting for a payment.
        CouponRefused: the coupon does not apply to this cart, with why.
        NotFound: an item or the customer does not exist.
    """
    ctx.require(Permission.SALE_SELL)
    shift = open_shift_of(ctx.session, ctx.device.device_id)
    if shift is None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Open a shift before selling"), field="shift")
    if order.journey_id is not None:
        # Refused before anything is written: a journey the sale cannot confirm.
        from .proposals import check_payable  # proposals move journeys, which import this module's kin

        check_payable(ctx, order.journey_id, order.customer_id)
    # Read once for the whole sale: the pricing rules, and the program for the tier after the points.
    program, rules = pricing_settings(ctx.session, ctx.chain_id)
    coupon_seen: dict[str, CouponFacts | None] = {}

    def read_facts(code: str) -> CouponFacts | None:
        # The coupon is read once: the quote's facts are this transaction's,
        # and nothing in it writes a coupon use before ``use_coupon`` does.
        if code not in coupon_seen:
            coupon_seen[code] = coupon_facts(ctx.session, code)
        return coupon_seen[code]

    # ``member`` is held for the whole use case: the session keeps a row only
    # while it is referenced, and the achievements look the member up again
    # by primary key (then from the session, not the database).
    quoted, member = _quote(ctx.session, ctx.device, order, ctx.now, program, rules, read_facts)
    priced, items, tier_key = quoted.priced, quoted.items, quoted.tier
    if priced.needs_approval:
        ctx.require(Permission.SALE_DISCOUNT)
    tenders, paid = check_payments(order.tenders, priced.total_satang, balance_due_on=order.balance_due_on,
                                   today=bangkok_date(ctx.now))
    customer_id = order.customer_id
    if customer_id is None and any(item.kind == ItemKind.PACKAGE for item in items.values()):
        # A course's sessions are the customer's: refused before anything is written.
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Choose the customer who buys the package"),
                       field="customer_id")
    # Asked before anything is written: the query then has nothing to flush,
    # and the coupon's use goes to the database with the sale, in one flush.
    first_paid_visit = customer_id is not None and ctx.session.scalars(
        select(Sale.id).where(Sale.customer_id == customer_id).limit(1)).first() is None
    seq, number = next_document_number(ctx, DocumentType.RECEIPT)
    sale_id = uuid7()
    coupon_code = ""
    if order.coupon_code.strip():
        used = use_coupon(ctx, order.coupon_code, priced.coupon_cart, read_facts, customer_id=order.customer_id,
                          sale_ref=number).result
        if used.discount_satang != priced.coupon_discount_satang:
            # One rule, two callers: they must agree (domain.pricing uses domain.coupons).
            raise AssertionError(f"coupon gives {used.discount_satang}, pricing took {priced.coupon_discount_satang}")
        coupon_code = read_coupon_code(order.coupon_code)[0]
    points = priced.points if customer_id is not None else 0
    sale = {
        "branch_id": ctx.branch_id, "terminal": ctx.device.device_name[:100], "pos_number": ctx.device.pos_number,
        "shift_id": shift.id, "number": number, "seq": seq, "customer_id": customer_id, "staff_id": ctx.actor_id,
        "at": ctx.now.isoformat(), "subtotal_satang": priced.subtotal_satang,
        "line_discount_satang": priced.line_discount_satang, "tier_discount_satang": priced.tier_discount_satang,
        "coupon_discount_satang": priced.coupon_discount_satang, "total_satang": priced.total_satang,
        "vatable_satang": priced.vatable_satang, "vat_satang": priced.vat_satang,
        "exempt_satang": priced.exempt_satang, "tier": tier_key, "points_earned": points,
        "coupon_code": coupon_code,
        "balance_due_on": order.balance_due_on.isoformat() if order.balance_due_on else None,
    }
    _append(ctx, Sale, "sale.record", Kind.SALE, sale_id, sale,
            {"at": ctx.now, "balance_due_on": order.balance_due_on, "device_id": ctx.device.device_id})
    # The lines and payments name the sale: it goes in first (the models
    # have no relationships for the session to order the inserts by).
    ctx.session.flush()
    for number_in_sale, line in enumerate(priced.lines, start=1):
        item = items[line.item.item_id]
        discount_step = next((s for s in line.steps if s.kind is DiscountKind.LINE), None)
        record = {
            "sale_id": sale_id, "line_no": number_in_sale, "item_id": item.id, "kind": item.kind,
            "name_th": item.name_th, "name_en": item.name_en, "quantity": line.item.quantity,
            "unit_price_satang": line.item.unit_price_satang, "original_satang": line.original_satang,
            "line_discount_satang": line.discount_of(DiscountKind.LINE),
            "discount_reason": discount_step.reason if discount_step else "",
            "tier_discount_satang": line.discount_of(DiscountKind.TIER),
            "coupon_discount_satang": line.discount_of(DiscountKind.COUPON),
            "net_satang": line.net_satang, "vat_code": str(line.item.vat), "sold_by": ctx.actor_id,
        }
        _append(ctx, SaleLine, "sale_line.record", "sale_line", uuid7(), record, {})
        if item.kind == ItemKind.PRODUCT:
            record_sold(ctx, item, line.item.quantity, number)
        elif item.kind == ItemKind.PACKAGE and customer_id is not None:  # refused above without one
            # The course's credits name the sale: they come after it, in its transaction.
            grant_course(ctx, customer_id, item, line.item.quantity, sale_id, number)
    for tender in tenders:
        payment = {
            "sale_id": sale_id, "branch_id": ctx.branch_id, "shift_id": shift.id, "method": str(tender.method),
            "amount_satang": tender.amount_satang, "tendered_satang": tender.tendered_satang,
            "change_satang": tender.change_satang, "approval_code": tender.approval_code,
            "card_last4": tender.card_last4, "reference": tender.reference, "at": ctx.now.isoformat(),
            "staff_id": ctx.actor_id,
        }
        _append(ctx, Payment, "payment.record", "payment", uuid7(), payment, {"at": ctx.now})
    if customer_id is not None:
        if points:
            record_points(ctx, customer_id, EntryKind.EARN, points, PointsSource.PURCHASE, number)
            note_tier(ctx, customer_id, program)
        if first_paid_visit and paid.paid_satang > 0:
            award_referral(ctx, customer_id)
        # First Purchase, Big Spender...: unlocked by this sale, in its transaction.
        unlock_achievements(ctx, customer_id)
        ctx.changes.add(Kind.CUSTOMER, customer_id)
    if order.journey_id is not None and paid.paid_satang > 0:
        # Paid (or deposit-paid): the sale is linked to the journey and its payment stage confirmed, in this
        # transaction (``move_journey`` judges the move as the server will replay it).
        from .proposals import confirm_payment

        confirm_payment(ctx, order.journey_id, sale_id)
    del member  # held until here on purpose (see above)
    # Its first print is queued with it: the sale and its receipt's job commit together.
    queue_sale_receipt(ctx, sale_id, number)
    return ctx.changes.build(result=SaleDone(sale_id, number, priced.total_satang, paid.paid_satang,
                                             paid.change_satang, paid.balance_satang, points))


def _append(ctx: ServiceContext, model: type[Any], action: str, entity: Kind | str, row_id: str,
            record: dict[str, Any], columns: dict[str, Any]) -> None:
    """Write one ledger row (``record`` as synced, ``columns`` where the table stores another value) and journal it."""
    stamp = ctx.tick()
    ctx.session.add(model(id=row_id, chain_id=ctx.chain_id, **{**record, **columns}, hlc=stamp))
    ctx.journal(action=action, entity=entity, entity_id=row_id, after=record,
                payload={"record": {"id": row_id, **record}}, hlc=stamp)
