"""The counter's settings: the PromptPay id (a branch may have its own), and the rules a manager sets."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, PermissionDenied
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.pricing import LineDiscount, LineDiscountKind
from bnaura_desk.domain.roles import Permission
from bnaura_desk.domain.settings import (
    COUNTER_RULES_KEY,
    COUPON_ON_REFUND_KEY,
    COURSE_VALID_DAYS_KEY,
    PROMPTPAY_KEY,
    CouponOnRefund,
)
from bnaura_desk.services import catalog, counter, customers, loyalty, settings, shifts
from bnaura_desk.services.context import Override
from bnaura_desk.services.counter_settings import counter_settings, promptpay_id, set_counter_settings, set_promptpay_id
from bnaura_desk.store.models import AuditEntry, Sale
from tests.conftest import Staffed


def test_the_promptpay_id_is_none_until_set_then_the_chains_then_the_branchs_own(staffed: Staffed) -> None:
    t = staffed.terminal
    assert t.read(promptpay_id) is None
    t.run(settings.set_chain_setting, PROMPTPAY_KEY, " 081-234-5678 ", actor=staffed.owner)
    assert t.read(promptpay_id) == "081-234-5678"
    t.run(settings.mark_setting_per_branch, PROMPTPAY_KEY, True, actor=staffed.owner)
    t.run(settings.set_branch_setting, PROMPTPAY_KEY, "0105561234567", actor=staffed.owner)
    assert t.read(promptpay_id) == "0105561234567"


@pytest.mark.parametrize("value", ["", "02-123-4567", "hello", 812345678])
def test_a_value_that_is_no_promptpay_id_is_refused_and_nothing_is_set(staffed: Staffed, value: object) -> None:
    t = staffed.terminal
    with pytest.raises(BadInput) as refused:
        t.run(settings.set_chain_setting, PROMPTPAY_KEY, value, actor=staffed.owner)
    assert refused.value.field == "promptpay_id"
    assert t.read(promptpay_id) is None


def test_setting_the_id_from_the_counter_writes_the_branchs_own_once_the_chain_marks_it(staffed: Staffed) -> None:
    t = staffed.terminal
    assert t.run(set_promptpay_id, "0812345678", actor=staffed.owner).result == "0812345678"
    assert t.read(settings.chain_setting, t.device().chain_id, PROMPTPAY_KEY) == "0812345678"
    t.run(settings.mark_setting_per_branch, PROMPTPAY_KEY, True, actor=staffed.owner)
    assert t.run(set_promptpay_id, "0105561234567", actor=staffed.owner).result == "0105561234567"
    assert t.read(settings.chain_setting, t.device().chain_id, PROMPTPAY_KEY) == "0812345678"  # the chain's stays
    with pytest.raises(PermissionDenied):
        t.run(set_promptpay_id, "0899999999", actor=staffed.manager)
    assert t.read(promptpay_id) == "0105561234567"


# ---------------------------------------------------------------- the counter's rules


def _laser_and_skincare(s: Staffed) -> tuple[str, str, str]:
    """A Laser treatment, a Skincare product at ฿1,000 each, and a Gold member (10 % off); a shift open."""
    laser = s.terminal.run(catalog.create_item, ItemForm(
        ItemKind.TREATMENT, "พิโคเลเซอร์", price_satang=100_000, duration_minutes=30, category=" Laser "),
        actor=s.manager).result
    cream = s.terminal.run(catalog.create_item, ItemForm(
        ItemKind.PRODUCT, "ครีมกันแดด", price_satang=100_000, sku="SUN-1", category="Skincare"),
        actor=s.manager).result
    s.terminal.run(catalog.move_stock, cream, 10, catalog.StockReason.RECEIVED, actor=s.manager)
    gold = s.terminal.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                          actor=s.front_desk).result
    s.terminal.run(loyalty.adjust_points, gold, 2_900, "ย้ายแต้มจากระบบเดิม", actor=s.manager)
    s.terminal.run(shifts.open_shift, 100_000, actor=s.front_desk)
    return laser, cream, gold


def test_the_tier_discount_goes_only_to_the_categories_a_manager_chose(staffed: Staffed) -> None:
    s = staffed
    laser, cream, gold = _laser_and_skincare(s)
    assert s.terminal.read(catalog.categories_in_use) == ["Laser", "Skincare"]
    order = counter.Order((counter.OrderLine(laser), counter.OrderLine(cream)), (), customer_id=gold)
    # Until a manager sets the rules: every line gets Gold's 10 %.
    assert s.terminal.read(counter.quote, order, s.clock()).priced.tier_discount_satang == 20_000
    rules = {"tier_kinds": ["treatment", "product", "package"], "tier_categories": ["Laser"],
             "line_discount_limit_percent": 10}
    assert s.terminal.run(set_counter_settings, {COUNTER_RULES_KEY: rules}, actor=s.manager).result == (
        COUNTER_RULES_KEY,)
    priced = s.terminal.read(counter.quote, order, s.clock()).priced
    assert [line.net_satang for line in priced.lines] == [90_000, 100_000]
    # Checkout prices it the same way, and the sale keeps it.
    done = s.terminal.run(counter.checkout, replace(order, tenders=(Tender(PaymentMethod.CASH, 190_000),)),
                          actor=s.front_desk).result
    sale = s.terminal.read(lambda session: session.get(Sale, done.sale_id))
    assert (sale.total_satang, sale.tier_discount_satang) == (190_000, 10_000)
    shown = s.terminal.read(counter_settings)
    assert shown.rules == rules and shown.categories == ("Laser", "Skincare")


def test_above_a_5_percent_limit_a_6_percent_discount_needs_a_manager(staffed: Staffed) -> None:
    s = staffed
    laser, _cream, _gold = _laser_and_skincare(s)
    six = counter.Order((counter.OrderLine(laser, discount=LineDiscount(LineDiscountKind.PERCENT, 600, "ลูกค้าประจำ")),),
                        (Tender(PaymentMethod.CASH, 94_000),))
    assert not s.terminal.read(counter.quote, six, s.clock()).priced.needs_approval  # 10 % until set
    s.terminal.run(set_counter_settings, {COUNTER_RULES_KEY: {
        "tier_kinds": ["treatment"], "tier_categories": None, "line_discount_limit_percent": 5}}, actor=s.manager)
    assert s.terminal.read(counter.quote, six, s.clock()).priced.approval_lines == (0,)
    with pytest.raises(PermissionDenied):
        s.terminal.run(counter.checkout, six, actor=s.front_desk)
    approved = Override(authorizer=s.manager, permission=Permission.SALE_DISCOUNT, granted_at=s.clock())
    assert s.terminal.run(counter.checkout, six, actor=s.front_desk, override=approved).result.total_satang == 94_000


def test_a_manager_sets_the_counter_settings_together_and_unchanged_values_are_not_written(staffed: Staffed) -> None:
    t = staffed.terminal
    shown = t.read(counter_settings)
    assert (shown.course_valid_days, shown.coupon_on_refund, shown.promptpay_id) == (0, CouponOnRefund.KEEP, None)
    values = {COUNTER_RULES_KEY: shown.rules, COURSE_VALID_DAYS_KEY: 365, COUPON_ON_REFUND_KEY: "restore"}
    # The rules shown are the defaults, not stored: writing them stores them once.
    assert t.run(set_counter_settings, values, actor=staffed.manager).result == (
        COUNTER_RULES_KEY, COURSE_VALID_DAYS_KEY, COUPON_ON_REFUND_KEY)
    assert t.run(set_counter_settings, values, actor=staffed.manager).result == ()
    shown = t.read(counter_settings)
    assert (shown.course_valid_days, shown.coupon_on_refund) == (365, CouponOnRefund.RESTORE)
    audit = t.read(lambda session: [a.entity_id for a in session.scalars(
        select(AuditEntry).where(AuditEntry.action == "setting.set"))])
    assert sorted(audit) == sorted([COUNTER_RULES_KEY, COURSE_VALID_DAYS_KEY, COUPON_ON_REFUND_KEY])


@pytest.mark.parametrize("who", ["front_desk", "sales", "beautician"])
def test_only_managers_and_owners_change_the_counter_settings(staffed: Staffed, who: str) -> None:
    t = staffed.terminal
    with pytest.raises(PermissionDenied):
        t.run(set_counter_settings, {COURSE_VALID_DAYS_KEY: 30}, actor=getattr(staffed, who))
    assert t.run(set_counter_settings, {COURSE_VALID_DAYS_KEY: 30}, actor=staffed.owner).result == (
        COURSE_VALID_DAYS_KEY,)


@pytest.mark.parametrize(("values", "field"), [
    ({COURSE_VALID_DAYS_KEY: 30, COUPON_ON_REFUND_KEY: "maybe"}, "coupon_on_refund"),
    ({COURSE_VALID_DAYS_KEY: 30, PROMPTPAY_KEY: "0812345678"}, "key"),
    ({COUNTER_RULES_KEY: {"tier_kinds": [], "tier_categories": None, "line_discount_limit_percent": 150}},
     "line_discount_limit_percent"),
])
def test_one_bad_value_writes_nothing(staffed: Staffed, values: dict[str, object], field: str) -> None:
    t = staffed.terminal
    with pytest.raises(BadInput) as refused:
        t.run(set_counter_settings, values, actor=staffed.manager)
    assert refused.value.field == field
    assert t.read(settings.chain_setting, t.device().chain_id, COURSE_VALID_DAYS_KEY) is None
