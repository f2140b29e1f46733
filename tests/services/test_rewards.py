"""The rewards catalog and redeeming a reward on a real terminal."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.coupons import CartLine, CouponKind, CouponState, Refusal
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, NotFound, PermissionDenied
from bnaura_desk.domain.points import EntryKind, PointsSource
from bnaura_desk.domain.rewards import DEFAULT_REWARDS, Reward, reward_id
from bnaura_desk.i18n import cli_translator
from bnaura_desk.services import catalog, coupons, customers, loyalty, rewards
from bnaura_desk.services.coupons import CouponRefused
from bnaura_desk.services.rewards import Redeemed
from bnaura_desk.store.models import Coupon, OutboxOperation, PointsEntry
from tests.conftest import Staffed

FIVE = reward_id("percent_5")
TEN = reward_id("percent_10")
FACIAL = reward_id("free_basic_facial")
MASK = reward_id("free_premium_mask")


def _member(s: Staffed, points: int = 0, phone: str = "0812345678") -> str:
    member = str(s.terminal.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone=phone),
                                actor=s.front_desk).result)
    # Registration may award welcome points: the member is given exactly ``points``.
    delta = points - s.terminal.read(loyalty.points_summary, member, s.clock()).balance
    if delta:
        s.terminal.run(loyalty.adjust_points, member, delta, "ยอดยกมา", actor=s.manager)
    return member


def _count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def test_the_default_catalog_and_what_a_balance_affords(staffed: Staffed) -> None:
    member = _member(staffed, 900)
    catalog_now = staffed.terminal.read(rewards.rewards_catalog)
    assert [(r.name_en, r.points_cost, r.available) for r in catalog_now] == [
        ("5% off", 500, True), ("Free Premium Mask", 800, False), ("10% off", 1_000, True),
        ("Free Basic Facial", 1_500, False),
    ]
    offers = staffed.terminal.read(rewards.rewards_for_customer, member, staffed.clock())
    assert offers.balance == 900 and not offers.blocked
    assert [(o.reward.name_en, o.reward.available, o.affordable, o.missing_points) for o in offers.offers] == [
        ("5% off", True, True, 0), ("Free Premium Mask", False, False, 0), ("10% off", True, False, 100),
        ("Free Basic Facial", False, False, 600),
    ]
    # The catalog gets an item with a default's SKU: that reward is available.
    staffed.terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.PRODUCT, name_th="มาส์กหน้าพรีเมียม", name_en="Premium Mask", price_satang=59_000,
        sku="premium-mask"), actor=staffed.manager)
    mask = next(r for r in staffed.terminal.read(rewards.rewards_catalog) if r.id == MASK)
    assert mask.available and mask.free_item_id is not None
    # A treatment has no SKU: a manager names the item of the default instead.
    facial_item = staffed.terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th="ทรีทเมนต์หน้าพื้นฐาน", name_en="Basic Facial", price_satang=89_000,
        duration_minutes=60), actor=staffed.manager).result
    default = next(r for r in DEFAULT_REWARDS if r.id == FACIAL)
    staffed.terminal.run(rewards.set_reward, replace(default, free_item_id=facial_item), actor=staffed.manager)
    facial = next(r for r in staffed.terminal.read(rewards.rewards_catalog) if r.id == FACIAL)
    assert facial.available and facial.free_item_id == facial_item and facial.is_default


def test_redeeming_spends_the_points_and_issues_a_bound_single_use_coupon_together(staffed: Staffed) -> None:
    t = staffed.terminal
    member = _member(staffed, 1_200)
    other = _member(staffed, phone="0899999999")
    before = _count(staffed, OutboxOperation)
    done: Redeemed = t.run(rewards.redeem_reward, member, TEN, actor=staffed.front_desk).result
    assert t.read(loyalty.points_summary, member, staffed.clock()).balance == 200
    spend = t.read(lambda s: s.get(PointsEntry, done.points_entry_id))
    assert (spend.kind, spend.points, spend.source) == (EntryKind.SPEND, 1_000, PointsSource.REWARD)
    ops = t.read(lambda s: [o.type for o in s.scalars(select(OutboxOperation).where(OutboxOperation.seq > before)
                                                      .order_by(OutboxOperation.seq))])
    assert ops == ["points.record", "coupon.issue"]
    coupon = t.read(lambda s: s.get(Coupon, done.coupon.id))
    assert (coupon.customer_id, coupon.usage_limit, coupon.reward_id, coupon.percent) == (member, 1, TEN, 10)
    assert coupon.valid_until == coupon.valid_from + timedelta(days=90)

    lines = t.read(coupons.customer_coupons, member, staffed.clock())
    assert [(line.code, line.state) for line in lines] == [(done.coupon.code, CouponState.ACTIVE)]
    assert lines[0].text(cli_translator("th")).startswith("ใช้ได้: ลด 10 % ถึง")
    cart = [CartLine("x", ItemKind.PRODUCT, 50_000)]
    with pytest.raises(CouponRefused) as theirs:
        t.run(coupons.record_coupon_use, done.coupon.code, cart, customer_id=other, actor=staffed.front_desk)
    assert theirs.value.refusal is Refusal.OTHER_CUSTOMER
    used = t.run(coupons.record_coupon_use, done.coupon.code, cart, customer_id=member, actor=staffed.front_desk)
    assert used.result.discount_satang == 5_000
    assert t.read(coupons.customer_coupons, member, staffed.clock())[0].state is CouponState.USED


def test_too_few_points_a_negative_balance_or_a_deleted_member_is_refused_and_changes_nothing(
    staffed: Staffed,
) -> None:
    t = staffed.terminal
    member = _member(staffed, 400)

    def counts() -> tuple[int, int, int]:
        return _count(staffed, OutboxOperation), _count(staffed, Coupon), _count(staffed, PointsEntry)

    before = counts()
    with pytest.raises(BadInput) as short:
        t.run(rewards.redeem_reward, member, FIVE, actor=staffed.front_desk)
    assert short.value.render() == "This reward needs 500 points; the balance is 400"
    assert short.value.render(cli_translator("th")) == "ของรางวัลนี้ใช้ 500 แต้ม แต้มคงเหลือ 400 แต้ม"
    assert counts() == before
    # Points spent twice offline left the balance below zero (a manager's adjustment stands in for it here).
    t.run(loyalty.adjust_points, member, -500, "ใช้ซ้ำระหว่างออฟไลน์", actor=staffed.manager)
    t.run(loyalty.adjust_points, member, 50, "คืนบางส่วน", actor=staffed.manager)
    offers = t.read(rewards.rewards_for_customer, member, staffed.clock())
    assert offers.balance == -50 and offers.blocked and not any(o.affordable for o in offers.offers)
    before = counts()
    with pytest.raises(BadInput) as negative:
        t.run(rewards.redeem_reward, member, FIVE, actor=staffed.front_desk)
    assert negative.value.render() == (
        "The balance is -50 points: redemptions are blocked until the balance is positive again")
    assert counts() == before
    rich = _member(staffed, 600, "0877777777")
    t.run(customers.delete_customer, rich, actor=staffed.manager)
    before = counts()
    with pytest.raises(NotFound):
        t.run(rewards.redeem_reward, rich, FIVE, actor=staffed.front_desk)
    with pytest.raises(NotFound):
        t.run(rewards.redeem_reward, member, "no-such-reward", actor=staffed.front_desk)
    assert counts() == before


def test_a_manager_edits_deactivates_and_adds_rewards(staffed: Staffed) -> None:
    t = staffed.terminal
    member = _member(staffed, 2_000)
    five = next(r for r in DEFAULT_REWARDS if r.id == FIVE)
    with pytest.raises(PermissionDenied):
        t.run(rewards.set_reward, replace(five, points_cost=400), actor=staffed.front_desk)
    t.run(rewards.set_reward, replace(five, points_cost=400), actor=staffed.manager)
    t.run(rewards.deactivate_reward, TEN, actor=staffed.manager)
    own = t.run(rewards.set_reward, Reward("", "ลด 300 บาท", "฿300 off", 1_200, CouponKind.AMOUNT,
                                           amount_satang=30_000, min_spend_satang=100_000), actor=staffed.manager)
    offered = {o.reward.id: o.reward.points_cost for o in t.read(rewards.rewards_for_customer, member,
                                                                   staffed.clock()).offers if o.reward.available}
    assert offered == {FIVE: 400, own.result: 1_200}
    with pytest.raises(BadInput):
        t.run(rewards.redeem_reward, member, TEN, actor=staffed.front_desk)
    with pytest.raises(BadInput) as bad:
        t.run(rewards.set_reward, replace(five, points_cost=0), actor=staffed.manager)
    assert bad.value.field == "points_cost"
    done = t.run(rewards.redeem_reward, member, own.result, actor=staffed.front_desk).result
    verdict = t.read(coupons.check_coupon_code, done.coupon.code, staffed.clock(), customer_id=member)
    assert verdict.message.render().startswith("Valid: ฿300 off, until ")
    assert verdict.message.render().endswith(", minimum ฿1,000")
