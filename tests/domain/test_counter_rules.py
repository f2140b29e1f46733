"""The counter rules setting: what a manager may store, and the pricing rules the counter prices with."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bnaura_desk.domain.catalog import ItemForm, ItemKind, validate_item
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.loyalty_program import EarnRules
from bnaura_desk.domain.points import DEFAULT_TIERS
from bnaura_desk.domain.pricing import CartItem, PricingRules, price_cart
from bnaura_desk.domain.settings import (
    COUNTER_RULES_KEY,
    checked_value,
    counter_rules_of,
    counter_rules_value,
    pricing_rules,
)

EARN = EarnRules(satang_per_point=2_000)


def rules(**kw: Any) -> dict[str, Any]:
    value: dict[str, Any] = {"tier_kinds": ["treatment", "product", "package"], "tier_categories": None,
                             "line_discount_limit_percent": 10}
    return value | kw


def test_no_value_gives_todays_defaults_with_the_programs_earn_rate() -> None:
    assert pricing_rules(None, EARN) == PricingRules(earn=EARN)
    assert counter_rules_of(PricingRules()) == rules()


def test_a_stored_value_becomes_the_rules_the_cart_is_priced_with() -> None:
    value = checked_value(COUNTER_RULES_KEY, {
        "tier_kinds": ["package", "treatment", "treatment"], "tier_categories": ["  Laser ", "Laser", "Facial"],
        "line_discount_limit_percent": 5})
    # Kinds in catalog order without repeats; categories trimmed, once each, sorted.
    assert value == {"tier_kinds": ["treatment", "package"], "tier_categories": ["Facial", "Laser"],
                     "line_discount_limit_percent": 5}
    made = pricing_rules(value, EARN)
    assert made == PricingRules(frozenset({ItemKind.TREATMENT, ItemKind.PACKAGE}), frozenset({"Facial", "Laser"}),
                                500, EARN)
    laser = CartItem("a", ItemKind.TREATMENT, 100_000, category="Laser")
    skincare = CartItem("b", ItemKind.PRODUCT, 100_000, category="Skincare")
    botox = CartItem("c", ItemKind.TREATMENT, 100_000, category="Injectables")
    gold = next(t for t in DEFAULT_TIERS if t.key == "gold")
    priced = price_cart([laser, skincare, botox], tier=gold, rules=made)
    assert [line.net_satang for line in priced.lines] == [90_000, 100_000, 100_000]


def test_never_asking_a_manager_and_every_category() -> None:
    made = pricing_rules(rules(line_discount_limit_percent=None, tier_kinds=[]), EARN)
    assert (made.line_discount_limit_bp, made.tier_kinds, made.tier_categories) == (None, frozenset(), None)


@pytest.mark.parametrize(("value", "field"), [
    ("everything", "counter_rules"),
    ({"tier_kinds": []}, "counter_rules"),
    (rules(extra=1), "counter_rules"),
    (rules(tier_kinds=["voucher"]), "tier_kinds"),
    (rules(tier_kinds="treatment"), "tier_kinds"),
    (rules(tier_kinds=[["treatment"]]), "tier_kinds"),
    (rules(tier_categories="Laser"), "tier_categories"),
    (rules(tier_categories=[3]), "tier_categories"),
    (rules(tier_categories=["   "]), "tier_categories"),
    (rules(tier_categories=["x" * 61]), "category"),
    (rules(line_discount_limit_percent=101), "line_discount_limit_percent"),
    (rules(line_discount_limit_percent=-1), "line_discount_limit_percent"),
    (rules(line_discount_limit_percent=7.5), "line_discount_limit_percent"),
    (rules(line_discount_limit_percent=True), "line_discount_limit_percent"),
])
def test_a_value_that_is_not_counter_rules_is_refused_with_a_message(value: Any, field: str) -> None:
    with pytest.raises(BadInput) as refused:
        checked_value(COUNTER_RULES_KEY, value)
    assert refused.value.field == field
    assert refused.value.render(lambda _context, text: text)


def test_a_value_a_newer_app_wrote_prices_with_the_defaults() -> None:
    assert pricing_rules({"tier_kinds": ["voucher"], "tier_categories": None, "line_discount_limit_percent": 10},
                         EARN) == PricingRules(earn=EARN)


categories = st.none() | st.lists(st.text(alphabet="LaserFcilSkn ไทย", min_size=1, max_size=60).filter(str.strip),
                                  max_size=5)


@given(kinds=st.lists(st.sampled_from([k.value for k in ItemKind])), chosen=categories,
       limit=st.none() | st.integers(0, 100))
def test_stored_rules_survive_the_round_trip_through_pricing_rules(kinds: list[str], chosen: list[str] | None,
                                                                   limit: int | None) -> None:
    stored = counter_rules_value({"tier_kinds": kinds, "tier_categories": chosen,
                                  "line_discount_limit_percent": limit})
    assert counter_rules_value(stored) == stored  # storing twice changes nothing
    made = pricing_rules(stored, EARN)
    assert counter_rules_of(made) == stored
    assert made.tier_kinds == {ItemKind(k) for k in kinds}
    assert made.line_discount_limit_bp == (None if limit is None else limit * 100)
    # A category the rules name is the catalog's spelling of it.
    for name in made.tier_categories or ():
        form = validate_item(ItemForm(ItemKind.PRODUCT, "x", price_satang=1, sku="A", category=f" {name} "))
        assert form.category == name


def test_an_items_category_is_trimmed_and_at_most_60_characters() -> None:
    form = validate_item(ItemForm(ItemKind.PRODUCT, "เซรั่ม", price_satang=1, sku="A", category="  Skin   care "))
    assert form.category == "Skin care"
    assert validate_item(ItemForm(ItemKind.PRODUCT, "เซรั่ม", price_satang=1, sku="A")).category == ""
    with pytest.raises(BadInput) as refused:
        validate_item(ItemForm(ItemKind.PRODUCT, "เซรั่ม", price_satang=1, sku="A", category="ก" * 61))
    assert refused.value.field == "category"
