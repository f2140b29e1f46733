"""The rewards catalog: what a member's points buy (a coupon bound to them).

The defaults of the seeds (5 % off for 500 points, 10 % off for 1,000, a
free Basic Facial for 1,500, a free Premium Mask for 800) are data here,
each with the id ``derived_id("reward", key)``: a ``reward`` row with the
same id (a manager's edit, or a deactivation) takes its place, on every
terminal alike. A default that gives an item names it by SKU, and is
unavailable until the catalog has an item with that SKU.

Pure: no database.
"""

from __future__ import annotations

from dataclasses import dataclass

from .coupons import CouponKind, CouponTerms, terms_problem
from .errors import QT_TRANSLATE_NOOP, BadInput
from .ids import derived_id

DEFAULT_VALIDITY_DAYS = 90
MAX_POINTS_COST = 10_000_000


@dataclass(frozen=True)
class Reward:
    """One entry of the rewards catalog.

    ``free_item_id`` is the item a free-item reward gives; a default names
    it by ``free_item_sku`` until the catalog resolves it (``None`` then:
    not available). The coupon it issues is valid ``validity_days`` from
    the day it is redeemed.
    """

    id: str
    name_th: str
    name_en: str
    points_cost: int
    kind: CouponKind
    percent: int = 0
    amount_satang: int = 0
    free_item_id: str | None = None
    free_item_sku: str | None = None
    validity_days: int = DEFAULT_VALIDITY_DAYS
    min_spend_satang: int = 0
    active: bool = True
    is_default: bool = False

    def terms(self) -> CouponTerms:
        """Return the terms of the coupon it issues (dates are set when it is redeemed)."""
        return CouponTerms(kind=self.kind, percent=self.percent, amount_satang=self.amount_satang,
                           free_item_id=self.free_item_id, min_spend_satang=self.min_spend_satang)

    @property
    def available(self) -> bool:
        """Active, and a free-item reward knows its item."""
        return self.active and (self.kind is not CouponKind.FREE_ITEM or self.free_item_id is not None)


def reward_id(key: str) -> str:
    """Return the id of the default reward ``key`` (the same on every terminal)."""
    return derived_id("reward", key)


DEFAULT_REWARDS: tuple[Reward, ...] = (
    Reward(reward_id("percent_5"), "ส่วนลด 5%", "5% off", 500, CouponKind.PERCENT, percent=5, is_default=True),
    Reward(reward_id("percent_10"), "ส่วนลด 10%", "10% off", 1_000, CouponKind.PERCENT, percent=10,
           is_default=True),
    Reward(reward_id("free_basic_facial"), "ทรีทเมนต์หน้าพื้นฐานฟรี", "Free Basic Facial", 1_500,
           CouponKind.FREE_ITEM, free_item_sku="BASIC-FACIAL", is_default=True),
    Reward(reward_id("free_premium_mask"), "มาส์กหน้าพรีเมียมฟรี", "Free Premium Mask", 800, CouponKind.FREE_ITEM,
           free_item_sku="PREMIUM-MASK", is_default=True),
)


def reward_problem(reward: Reward) -> BadInput | None:
    """Return why ``reward`` cannot be in the catalog (for the form's field), or None."""
    if not (reward.name_th.strip() or reward.name_en.strip()):
        return BadInput(QT_TRANSLATE_NOOP("errors", "Give the reward a name"), field="name_th")
    if not 1 <= reward.points_cost <= MAX_POINTS_COST:
        return BadInput(QT_TRANSLATE_NOOP("errors", "A reward costs 1 to 10,000,000 points"), field="points_cost")
    if not 1 <= reward.validity_days <= 3650:
        return BadInput(QT_TRANSLATE_NOOP("errors", "A reward's coupon is valid 1 to 3,650 days"),
                        field="validity_days")
    if reward.kind is CouponKind.FREE_ITEM and reward.free_item_id is None and reward.free_item_sku is None:
        return BadInput(QT_TRANSLATE_NOOP("errors", "Choose the item the coupon gives free"), field="free_item")
    if reward.kind is not CouponKind.FREE_ITEM:
        return terms_problem(reward.terms())
    return None
