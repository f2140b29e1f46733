"""The counter's rules and the catalog's categories, set at one branch, price the other branch's carts (real server).

What a manager checks: she gives the Laser category to a treatment and
limits the tier discount to Laser at Siam; after a sync, Thonglor's cart
gives the member's tier discount on the laser and not on the sunscreen,
and asks a manager for a 6 % line discount above the 5 % limit.
"""

from __future__ import annotations

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.pricing import LineDiscount, LineDiscountKind
from bnaura_desk.domain.settings import COUNTER_RULES_KEY, COURSE_VALID_DAYS_KEY
from bnaura_desk.services import catalog, counter, loyalty
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.counter_settings import counter_settings, set_counter_settings

from .test_chain_branches import Chain, _sync, chain  # noqa: F401  (a fixture)


def test_rules_and_categories_set_at_one_branch_price_the_carts_at_the_other(chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    laser = siam.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="พิโคเลเซอร์",
                                                   price_satang=100_000, duration_minutes=30), actor=SYSTEM).result
    sunscreen = siam.run(catalog.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="ครีมกันแดด",
                                                       price_satang=100_000, sku="SUN-1", category="Skincare"),
                         actor=SYSTEM).result
    member = siam.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                      actor=SYSTEM).result
    siam.run(loyalty.adjust_points, member, 2_900, "ย้ายแต้มจากระบบเดิม", actor=SYSTEM)  # Gold: 10 % off
    # The category comes later, as an edit of one field.
    form, _stock = siam.read(catalog.get_item, laser)
    siam.run(catalog.update_item, laser, form.with_changes(category="Laser"), actor=SYSTEM)
    siam.run(set_counter_settings, {
        COUNTER_RULES_KEY: {"tier_kinds": ["treatment", "product"], "tier_categories": ["Laser"],
                            "line_discount_limit_percent": 5},
        COURSE_VALID_DAYS_KEY: 365,
    }, actor=SYSTEM)
    for t in (siam, thonglor):
        _sync(t)
    assert thonglor.read(catalog.get_item, laser)[0].category == "Laser"
    shown = thonglor.read(counter_settings)
    assert shown.categories == ("Laser", "Skincare") and shown.course_valid_days == 365
    assert shown.rules["tier_categories"] == ["Laser"]
    order = counter.Order((
        counter.OrderLine(laser, discount=LineDiscount(LineDiscountKind.PERCENT, 600, "ลูกค้าประจำ")),
        counter.OrderLine(sunscreen),
    ), (), customer_id=member)
    priced = thonglor.read(counter.quote, order, thonglor.clock()).priced
    # The laser: ฿1,000 − 6 % = ฿940, then Gold's 10 %: ฿846; the sunscreen keeps its ฿1,000.
    assert [line.net_satang for line in priced.lines] == [84_600, 100_000]
    assert priced.approval_lines == (0,)
