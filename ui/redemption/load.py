"""What the redemption screen and the rewards section read, each in one read on the database worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, NotFound
from bnaura_desk.services.coupons import CouponLine, customer_coupons
from bnaura_desk.services.rewards import MemberRewards, rewards_for_customer
from bnaura_desk.store.models import CatalogItem, Customer

if TYPE_CHECKING:  # the UI never opens sessions; it only names the type
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class MemberShown:
    """Who the redemption screen is for: names, phone, referral code."""

    customer_id: str
    name_th: str
    name_en: str
    phone: str
    referral_code: str


@dataclass(frozen=True)
class MemberRewardsRead:
    """A member's rewards as a balance sees them, with the names of the items free-item rewards give."""

    rewards: MemberRewards
    item_names: dict[str, tuple[str, str]]  # catalog item id -> (Thai, English)


@dataclass(frozen=True)
class MemberRedemption:
    """Everything the redemption screen shows of one member at a moment."""

    member: MemberShown
    rewards: MemberRewardsRead
    coupons: list[CouponLine]


def load_rewards(session: Session, customer_id: str, now: datetime) -> MemberRewardsRead:
    """Read what ``customer_id``'s balance at ``now`` affords, and the free items' names."""
    rewards = rewards_for_customer(session, customer_id, now)
    items = sorted({o.reward.free_item_id for o in rewards.offers if o.reward.free_item_id})
    names: dict[str, tuple[str, str]] = {}
    if items:
        names = {i: (th, en) for i, th, en in session.execute(
            select(CatalogItem.id, CatalogItem.name_th, CatalogItem.name_en).where(CatalogItem.id.in_(items)))}
    return MemberRewardsRead(rewards, names)


def load_redemption(session: Session, customer_id: str, now: datetime) -> MemberRedemption:
    """Read a live member, their rewards and their coupons at ``now``.

    Raises:
        NotFound: unknown or deleted customer.
    """
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists"))
    member = MemberShown(customer.id, customer.name_th, customer.name_en, customer.phone, customer.referral_code)
    return MemberRedemption(member, load_rewards(session, customer_id, now), customer_coupons(session, customer_id, now))
