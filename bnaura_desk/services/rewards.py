"""The rewards catalog and redeeming a reward: points spent, a coupon for the member, in one transaction.

The defaults are ``domain.rewards.DEFAULT_REWARDS``; a ``rewards`` row
(synced chain-wide, ``reward.set``) with a default's id is a manager's
version of it, any other row a reward of the clinic's own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.coupons import CouponKind
from ..domain.dates import bangkok_date
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.ids import uuid7
from ..domain.points import EntryKind, PointsSource
from ..domain.rewards import DEFAULT_REWARDS, Reward, reward_problem
from ..domain.roles import Permission
from ..store.models import CatalogItem, RewardRow
from .context import ServiceContext, stamp_written
from .coupons import IssuedCoupon, write_coupon
from .customers import live_customer
from .loyalty import points_summary
from .points_ledger import record_points

_FIELDS = ("name_th", "name_en", "points_cost", "kind", "percent", "amount_satang", "free_item_id", "free_item_sku",
           "validity_days", "min_spend_satang", "active")


def _from_row(row: RewardRow, default: Reward | None) -> Reward:
    return Reward(
        id=row.id, name_th=row.name_th, name_en=row.name_en, points_cost=row.points_cost, kind=CouponKind(row.kind),
        percent=row.percent, amount_satang=row.amount_satang, free_item_id=row.free_item_id,
        free_item_sku=row.free_item_sku, validity_days=row.validity_days, min_spend_satang=row.min_spend_satang,
        active=row.active, is_default=default is not None,
    )


def rewards_catalog(session: Session) -> list[Reward]:
    """Return the rewards catalog: the defaults as managers changed them, then the clinic's own, cheapest first.

    A free-item reward that names its item by SKU gets the id of the live
    catalog item with that SKU; without one it stays unavailable
    (``Reward.available``).
    """
    rows = {r.id: r for r in session.scalars(select(RewardRow).where(RewardRow.deleted_at.is_(None)))}
    defaults = {d.id: d for d in DEFAULT_REWARDS}
    catalog = [_from_row(rows[d.id], d) if d.id in rows else d for d in DEFAULT_REWARDS]
    catalog += [_from_row(r, None) for i, r in rows.items() if i not in defaults]
    skus = {r.free_item_sku for r in catalog if r.free_item_id is None and r.free_item_sku}
    items: dict[str, str] = {}
    if skus:
        items = {sku: item_id for item_id, sku in session.execute(
            select(CatalogItem.id, CatalogItem.sku).where(
                CatalogItem.sku.in_(sorted(skus)), CatalogItem.deleted_at.is_(None), CatalogItem.active.is_(True))
        ) if sku is not None}
    catalog = [replace(r, free_item_id=items.get(r.free_item_sku or "")) if r.free_item_id is None else r
               for r in catalog]
    return sorted(catalog, key=lambda r: (r.points_cost, r.id))


@dataclass(frozen=True)
class RewardOffer:
    """A reward as a member's balance sees it: affordable, or how many points are missing."""

    reward: Reward
    affordable: bool
    missing_points: int


@dataclass(frozen=True)
class MemberRewards:
    """What a member can redeem: the balance, whether redemptions are blocked, and each available reward."""

    balance: int
    blocked: bool  # the balance is below zero (points spent twice offline)
    offers: list[RewardOffer]


def rewards_for_customer(session: Session, customer_id: str, now: datetime) -> MemberRewards:
    """Return the active rewards with what ``customer_id``'s balance at ``now`` affords.

    A reward that is not available (a free item the catalog lacks) is
    listed, never affordable, so the screen can show it greyed out.
    """
    balance = points_summary(session, customer_id, now).balance
    offers = [
        RewardOffer(r, r.available and 0 <= balance and r.points_cost <= balance,
                    max(0, r.points_cost - max(balance, 0)))
        for r in rewards_catalog(session) if r.active
    ]
    return MemberRewards(balance, balance < 0, offers)


def set_reward(ctx: ServiceContext, reward: Reward) -> ChangeSet:
    """Add a reward (``reward.id`` empty) or change one, a default included; result is its id.

    Written whole (``reward.set``), so a default a manager changes on one
    terminal is the same on every other.

    Raises:
        PermissionDenied: the actor may not manage the loyalty program (managers may).
        BadInput: ``domain.rewards.reward_problem``, or a free item the catalog lacks.
    """
    ctx.require(Permission.LOYALTY_MANAGE)
    problem = reward_problem(reward)
    if problem is not None:
        raise problem
    if reward.free_item_id is not None:
        item = ctx.session.get(CatalogItem, reward.free_item_id)
        if item is None or item.deleted_at is not None:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "The catalog has no such item"), field="free_item")
    reward_id = reward.id or uuid7()
    values = {
        "name_th": " ".join(reward.name_th.split()), "name_en": " ".join(reward.name_en.split()),
        "points_cost": reward.points_cost, "kind": str(reward.kind), "percent": reward.percent,
        "amount_satang": reward.amount_satang, "free_item_id": reward.free_item_id,
        "free_item_sku": reward.free_item_sku or None, "validity_days": reward.validity_days,
        "min_spend_satang": reward.min_spend_satang, "active": reward.active,
    }
    stamp = ctx.tick()
    row = ctx.session.get(RewardRow, reward_id)
    if row is None:
        row = RewardRow(id=reward_id, chain_id=ctx.chain_id, created_at=ctx.now, field_clocks={}, hlc=stamp,
                        **values)
        ctx.session.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
    stamp_written(row, _FIELDS, stamp, ctx.now)
    ctx.journal(action="reward.set", entity=Kind.REWARD, entity_id=reward_id, after=values,
                payload={"fields": values}, hlc=stamp)
    return ctx.changes.build(result=reward_id)


def _reward(session: Session, reward_id: str) -> Reward:
    for reward in rewards_catalog(session):
        if reward.id == reward_id:
            return reward
    raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such reward"))


def deactivate_reward(ctx: ServiceContext, reward_id: str) -> ChangeSet:
    """Take a reward out of the catalog (a default too); result is its id.

    Raises:
        PermissionDenied: the actor may not manage the loyalty program (managers may).
        NotFound: no such reward.
    """
    return set_reward(ctx, replace(_reward(ctx.session, reward_id), active=False))


@dataclass(frozen=True)
class Redeemed:
    """A reward redeemed: the points spent (their ledger entry) and the member's coupon."""

    coupon: IssuedCoupon
    points_entry_id: str
    points: int


def redeem_reward(ctx: ServiceContext, customer_id: str, reward_id: str) -> ChangeSet:
    """Spend a member's points on a reward and issue its coupon, bound to them, single-use; result is ``Redeemed``.

    One transaction: the spend (``points.record``, source reward) and the
    coupon (``coupon.issue``, valid from today for the reward's days) are
    written together or not at all.

    Raises:
        PermissionDenied: the actor may not sell.
        NotFound: the customer was deleted, or no such reward.
        BadInput: the reward is not available; the balance is below zero
            (redemptions are blocked until it is positive again) or below
            the reward's cost.
    """
    ctx.require(Permission.SALE_SELL)
    customer = live_customer(ctx.session, ctx.chain_id, customer_id)
    reward = _reward(ctx.session, reward_id)
    if not reward.available:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This reward is not available"), field="reward")
    balance = points_summary(ctx.session, customer.id, ctx.now).balance
    if balance < 0:
        raise BadInput(QT_TRANSLATE_NOOP(
            "errors", "The balance is {balance} points: redemptions are blocked until the balance is positive again"),
            field="reward", balance=f"{balance:,}")
    if balance < reward.points_cost:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This reward needs {cost} points; the balance is {balance}"),
                       field="reward", cost=f"{reward.points_cost:,}", balance=f"{balance:,}")
    name = reward.name_th or reward.name_en
    entry = record_points(ctx, customer.id, EntryKind.SPEND, reward.points_cost, PointsSource.REWARD, name[:500])
    today = bangkok_date(ctx.now)
    terms = replace(reward.terms(), valid_from=today, valid_until=today + timedelta(days=reward.validity_days),
                    usage_limit=1)
    coupon = write_coupon(ctx, terms, customer_id=customer.id, reward_id=reward.id)
    return ctx.changes.build(result=Redeemed(coupon, entry, reward.points_cost))
