"""The cart's money: worked examples a cashier checks by hand, and the properties every cart keeps."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime
from fractions import Fraction
from math import floor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bnaura_desk.domain.catalog import ItemKind
from bnaura_desk.domain.coupons import (
    CartLine,
    CouponFacts,
    CouponKind,
    CouponTerms,
    Refusal,
    check_coupon,
    make_coupon_code,
)
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.loyalty_program import EarnRules
from bnaura_desk.domain.points import DEFAULT_TIERS, Tier
from bnaura_desk.domain.pricing import (
    AppliedCoupon,
    CartItem,
    DiscountKind,
    DiscountStep,
    LineDiscount,
    LineDiscountKind,
    PricedCart,
    PricingRules,
    VatCode,
    price_cart,
    share_out,
)

BRONZE, SILVER, GOLD, PLATINUM, DIAMOND = DEFAULT_TIERS
EXEMPT, VAT7 = VatCode.EXEMPT, VatCode.STANDARD


def _half_up(value: Fraction) -> int:
    return floor(value + Fraction(1, 2))


CODE = make_coupon_code("7KQ3", 42)  # a real code, so check_coupon looks it up
NOW = datetime(2026, 12, 7, 5, 0, tzinfo=UTC)


def _coupon(kind: CouponKind, code: str = CODE, **terms: object) -> AppliedCoupon:
    return AppliedCoupon(code, CouponTerms(kind, **terms))  # type: ignore[arg-type]


# ---------------------------------------------------------------------- worked examples


def test_a_gold_member_treatment_with_a_ten_percent_coupon() -> None:
    # ฿3,500.00 treatment, Gold (10 %, 2×), coupon 10 % after the tier:
    # tier 350,000 × 10 % = 35,000 → 315,000; coupon 315,000 × 10 % = 31,500 → 283,500.
    # VAT inside ฿2,835.00: 283,500 × 7 / 107 = 18,546.73 → 18,547.
    # Points: ฿2,835 / ฿10 = 283.5 × 2 = 567.
    cart = price_cart([CartItem("facial", ItemKind.TREATMENT, 350_000)], tier=GOLD,
                      coupon=_coupon(CouponKind.PERCENT, percent=10))
    (line,) = cart.lines
    assert line.original_satang == 350_000
    assert line.steps == (DiscountStep(DiscountKind.TIER, 35_000, "gold", 1_000),
                          DiscountStep(DiscountKind.COUPON, 31_500, CODE, 1_000))
    assert line.net_satang == 283_500
    assert (cart.subtotal_satang, cart.tier_discount_satang, cart.coupon_discount_satang) == (350_000, 35_000, 31_500)
    assert cart.total_satang == 283_500
    assert (cart.vatable_satang, cart.exempt_satang, cart.vat_satang) == (283_500, 0, 18_547)
    assert cart.points == 567
    assert not cart.needs_approval and cart.coupon_refusal is None


def test_a_coupon_that_comes_before_the_tier_discount() -> None:
    # ฿3,500.00, Gold, ฿500 off. After the tier (the default): 350,000 − 35,000 = 315,000 − 50,000 = 265,000.
    # Before it: 350,000 − 50,000 = 300,000, then 10 % = 30,000 → 270,000.
    item = CartItem("laser", ItemKind.TREATMENT, 350_000)
    after = price_cart([item], tier=GOLD, coupon=_coupon(CouponKind.AMOUNT, amount_satang=50_000))
    before = price_cart([item], tier=GOLD,
                        coupon=_coupon(CouponKind.AMOUNT, amount_satang=50_000, before_tier_discount=True))
    assert (after.tier_discount_satang, after.coupon_discount_satang, after.total_satang) == (35_000, 50_000, 265_000)
    assert (before.coupon_discount_satang, before.tier_discount_satang, before.total_satang) == (50_000, 30_000,
                                                                                                  270_000)
    assert [s.kind for s in before.lines[0].steps] == [DiscountKind.COUPON, DiscountKind.TIER]


def test_an_amount_coupon_spread_over_an_exempt_treatment_and_a_taxed_product() -> None:
    # Silver (8 %, 1.5×). Botox ฿4,999.00 (medical, VAT exempt); sunscreen ฿890.00 × 3 = ฿2,670.00 (7 %).
    # Tier: 499,900 × 8 % = 39,992 → 459,908; 267,000 × 8 % = 21,360 → 245,640. Together 705,548.
    # ฿300 coupon = 30,000 in proportion: 30,000 × 459,908 / 705,548 = 19,555 rem 248,860;
    # 30,000 × 245,640 / 705,548 = 10,444 rem 456,688; the satang left goes to the larger remainder.
    # Nets: 459,908 − 19,555 = 440,353 (exempt) and 245,640 − 10,445 = 235,195 (VAT 7 %).
    # VAT: 235,195 × 7 / 107 = 15,386.59 → 15,387. Points: 675,548 satang = 675.548 × 1.5 = 1,013.3 → 1,013.
    botox = CartItem("botox", ItemKind.TREATMENT, 499_900, vat=EXEMPT)
    sunscreen = CartItem("sunscreen", ItemKind.PRODUCT, 89_000, quantity=3)
    cart = price_cart([botox, sunscreen], tier=SILVER, coupon=_coupon(CouponKind.AMOUNT, amount_satang=30_000))
    assert [line.discount_of(DiscountKind.TIER) for line in cart.lines] == [39_992, 21_360]
    assert [line.discount_of(DiscountKind.COUPON) for line in cart.lines] == [19_555, 10_445]
    assert [line.net_satang for line in cart.lines] == [440_353, 235_195]
    assert (cart.exempt_satang, cart.vatable_satang, cart.vat_satang) == (440_353, 235_195, 15_387)
    assert (cart.subtotal_satang, cart.discount_satang, cart.total_satang) == (766_900, 91_352, 675_548)
    assert cart.points == 1_013


def test_a_free_facial_reward_makes_one_unit_free() -> None:
    # Gold; Basic Facial ฿890.00 × 2 = 178,000 − 10 % = 160,200; one of the two free: 160,200 / 2 = 80,100.
    # A serum ฿1,200.00 beside it is not touched by the reward.
    facial = CartItem("basic-facial", ItemKind.TREATMENT, 89_000, quantity=2)
    serum = CartItem("serum", ItemKind.PRODUCT, 120_000)
    cart = price_cart([serum, facial], tier=GOLD, coupon=_coupon(CouponKind.FREE_ITEM, free_item_id="basic-facial"))
    assert [line.discount_of(DiscountKind.COUPON) for line in cart.lines] == [0, 80_100]
    assert [line.net_satang for line in cart.lines] == [108_000, 80_100]
    only = price_cart([CartItem("basic-facial", ItemKind.TREATMENT, 89_000)],
                      coupon=_coupon(CouponKind.FREE_ITEM, free_item_id="basic-facial"))
    assert only.total_satang == 0 and only.vat_satang == 0 and only.points == 0
    missing = price_cart([serum], coupon=_coupon(CouponKind.FREE_ITEM, free_item_id="basic-facial"))
    assert missing.coupon_refusal is Refusal.NO_ITEM and missing.total_satang == 120_000


def test_the_minimum_spend_counts_what_is_left_after_the_tier_discount() -> None:
    # Minimum ฿1,500: ฿1,600 − Gold 10 % = ฿1,440 is below it; ฿1,700 − 10 % = ฿1,530 is not.
    coupon = _coupon(CouponKind.PERCENT, percent=5, min_spend_satang=150_000)
    below = price_cart([CartItem("peel", ItemKind.TREATMENT, 160_000)], tier=GOLD, coupon=coupon)
    assert below.coupon_refusal is Refusal.BELOW_MIN_SPEND
    assert (below.coupon_discount_satang, below.total_satang) == (0, 144_000)
    above = price_cart([CartItem("peel", ItemKind.TREATMENT, 170_000)], tier=GOLD, coupon=coupon)
    assert above.coupon_refusal is None
    assert (above.coupon_discount_satang, above.total_satang) == (7_650, 145_350)  # 153,000 × 5 %


def test_line_discounts_half_up_and_the_manager_limit() -> None:
    # ฿10.10 at Bronze 5 %: 50.5 satang → 51. 15 % off ฿2,000 is 30,000 and above the 10 % limit;
    # ฿200 off ฿2,000 is exactly 10 % and needs nobody.
    rounding = price_cart([CartItem("mask", ItemKind.PRODUCT, 1_010)], tier=BRONZE)
    assert rounding.lines[0].discount_of(DiscountKind.TIER) == 51
    big = CartItem("hifu", ItemKind.TREATMENT, 200_000,
                   discount=LineDiscount(LineDiscountKind.PERCENT, 1_500, "  regular   customer "))
    fair = CartItem("hifu", ItemKind.TREATMENT, 200_000,
                    discount=LineDiscount(LineDiscountKind.AMOUNT, 20_000, "birthday"))
    cart = price_cart([fair, big])
    assert cart.approval_lines == (1,) and cart.needs_approval
    assert cart.lines[1].steps == (DiscountStep(DiscountKind.LINE, 30_000, "regular customer", 1_500),)
    assert cart.line_discount_satang == 50_000 and cart.total_satang == 350_000
    assert not price_cart([big], rules=PricingRules(line_discount_limit_bp=2_000)).needs_approval
    assert not price_cart([big], rules=PricingRules(line_discount_limit_bp=None)).needs_approval


def test_the_tier_discount_only_on_the_kinds_and_categories_the_clinic_chose() -> None:
    # Platinum 12 % on treatments only: ฿1,000 treatment −12,000; ฿500 product and ฿5,000 package untouched.
    items = [CartItem("t", ItemKind.TREATMENT, 100_000, category="face"),
             CartItem("p", ItemKind.PRODUCT, 50_000, category="retail"),
             CartItem("k", ItemKind.PACKAGE, 500_000, category="course")]
    treatments = price_cart(items, tier=PLATINUM, rules=PricingRules(tier_kinds=frozenset({ItemKind.TREATMENT})))
    assert [line.discount_of(DiscountKind.TIER) for line in treatments.lines] == [12_000, 0, 0]
    no_retail = price_cart(items, tier=PLATINUM, rules=PricingRules(tier_categories=frozenset({"face", "course"})))
    assert [line.discount_of(DiscountKind.TIER) for line in no_retail.lines] == [12_000, 0, 60_000]
    nobody = price_cart(items)
    assert nobody.tier_discount_satang == 0 and nobody.points == 0 and nobody.total_satang == 650_000


def test_bad_lines_are_refused_naming_the_line() -> None:
    ok = CartItem("a", ItemKind.TREATMENT, 10_000)
    cases = {
        "quantity": [ok, replace(ok, quantity=0)],
        "price": [replace(ok, unit_price_satang=-1)],
        "discount": [replace(ok, discount=LineDiscount(LineDiscountKind.PERCENT, 10_001, "x"))],
        "discount_reason": [replace(ok, discount=LineDiscount(LineDiscountKind.AMOUNT, 100, "   "))],
    }
    for field, items in cases.items():
        with pytest.raises(BadInput) as caught:
            price_cart(items)
        assert caught.value.field == field
        assert caught.value.params["line"] == len(items)
    with pytest.raises(BadInput, match="quantity"):
        price_cart([replace(ok, quantity=-2)])
    with pytest.raises(BadInput, match=r"฿100\.00") as over:
        price_cart([replace(ok, discount=LineDiscount(LineDiscountKind.AMOUNT, 10_001, "x"))])
    assert over.value.field == "discount"
    with pytest.raises(BadInput):
        price_cart([replace(ok, discount=LineDiscount(LineDiscountKind.AMOUNT, -1, "x"))])
    with pytest.raises(BadInput):
        price_cart([ok], coupon=_coupon(CouponKind.PERCENT, percent=101))


def test_an_empty_cart_is_zero() -> None:
    cart = price_cart([], tier=DIAMOND, coupon=_coupon(CouponKind.PERCENT, percent=10))
    assert (cart.total_satang, cart.vat_satang, cart.points, cart.lines) == (0, 0, 0, ())
    assert cart.coupon_refusal is Refusal.NO_ITEM


def test_share_out_gives_the_odd_satang_to_the_largest_remainders() -> None:
    # ฿1.00 over three equal lines: 33 each, the satang left to the first by name.
    assert share_out(100, [500, 500, 500], ["b", "a", "c"]) == [33, 34, 33]
    assert share_out(0, [1, 2], ["a", "b"]) == [0, 0]
    assert share_out(5, [0, 0], ["a", "b"]) == [0, 0]


# ---------------------------------------------------------------------- properties

# A catalog of a few items: kind, category and VAT code belong to the item, as in the clinic's catalog.
CATALOG = {
    "botox": (ItemKind.TREATMENT, "injection", EXEMPT),
    "facial": (ItemKind.TREATMENT, "face", VAT7),
    "serum": (ItemKind.PRODUCT, "retail", VAT7),
    "course": (ItemKind.PACKAGE, "course", EXEMPT),
}
IDS = sorted(CATALOG)


@st.composite
def cart_items(draw: st.DrawFn) -> CartItem:
    item_id = draw(st.sampled_from(IDS))
    kind, category, vat = CATALOG[item_id]
    price = draw(st.one_of(st.integers(0, 200), st.integers(0, 10_000_000)))
    quantity = draw(st.integers(1, 5))
    original = price * quantity
    discount = draw(st.one_of(
        st.none(),
        st.builds(LineDiscount, st.just(LineDiscountKind.PERCENT), st.integers(0, 10_000), st.just("promo")),
        st.builds(LineDiscount, st.just(LineDiscountKind.AMOUNT), st.integers(0, original), st.just("promo")),
    ))
    return CartItem(item_id, kind, price, quantity, category, vat, discount)


coupons = st.one_of(
    st.none(),
    st.builds(AppliedCoupon, st.just(CODE), st.one_of(
        st.builds(CouponTerms, st.just(CouponKind.PERCENT), percent=st.integers(1, 100),
                  item_ids=st.frozensets(st.sampled_from(IDS), max_size=2),
                  item_kinds=st.frozensets(st.sampled_from(list(ItemKind)), max_size=2),
                  min_spend_satang=st.sampled_from([0, 0, 100_000, 5_000_000]),
                  before_tier_discount=st.booleans()),
        st.builds(CouponTerms, st.just(CouponKind.AMOUNT), amount_satang=st.integers(1, 3_000_000),
                  item_ids=st.frozensets(st.sampled_from(IDS), max_size=2),
                  min_spend_satang=st.sampled_from([0, 0, 100_000, 5_000_000]),
                  before_tier_discount=st.booleans()),
        st.builds(CouponTerms, st.just(CouponKind.FREE_ITEM), free_item_id=st.sampled_from(IDS),
                  before_tier_discount=st.booleans()),
    )),
)
rules = st.builds(
    PricingRules,
    tier_kinds=st.frozensets(st.sampled_from(list(ItemKind))),
    tier_categories=st.one_of(st.none(), st.frozensets(st.sampled_from(["injection", "face", "retail", "course"]))),
    line_discount_limit_bp=st.one_of(st.none(), st.integers(0, 10_000)),
    earn=st.builds(EarnRules, satang_per_point=st.sampled_from([100, 1_000, 2_500])),
)
carts = st.lists(cart_items(), max_size=12)
tiers = st.one_of(st.none(), st.sampled_from(DEFAULT_TIERS))


def _before(cart: PricedCart, kind: DiscountKind) -> list[int]:
    """Each line's amount just before step ``kind`` took its part (its net when it took nothing)."""
    out = []
    for line in cart.lines:
        left = line.original_satang
        for step in line.steps:
            if step.kind is kind:
                break
            left -= step.amount_satang
        out.append(left)
    return out


def _totals(cart: PricedCart) -> tuple[int, ...]:
    return (cart.subtotal_satang, cart.line_discount_satang, cart.tier_discount_satang, cart.coupon_discount_satang,
            cart.total_satang, cart.vatable_satang, cart.exempt_satang, cart.vat_satang, cart.points)


@settings(max_examples=300)
@given(carts, tiers, coupons, rules)
def test_the_lines_add_up_to_the_totals_and_no_discount_exceeds_its_line(
        items: list[CartItem], tier: Tier | None, coupon: AppliedCoupon | None, r: PricingRules) -> None:
    cart = price_cart(items, tier=tier, coupon=coupon, rules=r)
    assert [line.item for line in cart.lines] == items
    for line in cart.lines:
        assert line.original_satang == line.item.unit_price_satang * line.item.quantity
        left = line.original_satang
        for step in line.steps:
            assert 0 < step.amount_satang <= left  # every step takes something, never more than is left
            left -= step.amount_satang
        assert line.net_satang == left >= 0
        assert len({s.kind for s in line.steps}) == len(line.steps)  # each step at most once a line
    assert cart.total_satang == sum(line.net_satang for line in cart.lines) >= 0
    assert cart.total_satang == cart.subtotal_satang - cart.discount_satang
    assert cart.subtotal_satang == sum(line.original_satang for line in cart.lines)
    for kind in DiscountKind:
        assert cart.discount_of(kind) == sum(line.discount_of(kind) for line in cart.lines) >= 0


@settings(max_examples=300)
@given(carts, tiers, coupons, rules)
def test_vat_is_seven_of_one_hundred_seven_of_the_taxed_part_and_exempt_lines_stay_apart(
        items: list[CartItem], tier: Tier | None, coupon: AppliedCoupon | None, r: PricingRules) -> None:
    cart = price_cart(items, tier=tier, coupon=coupon, rules=r)
    assert cart.vatable_satang == sum(line.net_satang for line in cart.lines if line.item.vat is VAT7)
    assert cart.exempt_satang == sum(line.net_satang for line in cart.lines if line.item.vat is EXEMPT)
    assert cart.vatable_satang + cart.exempt_satang == cart.total_satang
    assert cart.vat_satang == _half_up(Fraction(cart.vatable_satang * 7, 107))
    # The VAT code changes no price: only which part a line's net counts in.
    flipped = price_cart([replace(i, vat=EXEMPT if i.vat is VAT7 else VAT7) for i in items], tier=tier,
                         coupon=coupon, rules=r)
    assert [line.net_satang for line in flipped.lines] == [line.net_satang for line in cart.lines]
    assert (flipped.vatable_satang, flipped.exempt_satang) == (cart.exempt_satang, cart.vatable_satang)


@settings(max_examples=300)
@given(carts, tiers, coupons, rules)
def test_percent_discounts_round_half_up_on_what_the_step_before_left(
        items: list[CartItem], tier: Tier | None, coupon: AppliedCoupon | None, r: PricingRules) -> None:
    cart = price_cart(items, tier=tier, coupon=coupon, rules=r)
    for line, before_tier in zip(cart.lines, _before(cart, DiscountKind.TIER), strict=True):
        given_discount = line.item.discount
        if given_discount is not None and given_discount.kind is LineDiscountKind.PERCENT:
            expected = _half_up(Fraction(line.original_satang * given_discount.value, 10_000))
            assert line.discount_of(DiscountKind.LINE) == expected
        expected_tier = 0
        if tier is not None and r.tier_applies(line.item):
            expected_tier = _half_up(Fraction(before_tier * tier.discount_percent, 100))
        assert line.discount_of(DiscountKind.TIER) == expected_tier


@settings(max_examples=300)
@given(carts, tiers, coupons, rules)
def test_the_coupon_comes_after_the_tier_unless_it_says_otherwise_and_honours_its_minimum(
        items: list[CartItem], tier: Tier | None, coupon: AppliedCoupon | None, r: PricingRules) -> None:
    cart = price_cart(items, tier=tier, coupon=coupon, rules=r)
    if coupon is None:
        assert cart.coupon_discount_satang == 0 and cart.coupon_refusal is None
        return
    terms = coupon.terms
    for line in cart.lines:
        kinds = [s.kind for s in line.steps]
        if DiscountKind.TIER in kinds and DiscountKind.COUPON in kinds:
            assert (kinds.index(DiscountKind.COUPON) < kinds.index(DiscountKind.TIER)) == terms.before_tier_discount
    base = _before(cart, DiscountKind.COUPON)  # each line as the coupon found it
    if terms.before_tier_discount:
        base = [line.original_satang - line.discount_of(DiscountKind.LINE) for line in cart.lines]
    if sum(base) < terms.min_spend_satang:
        assert cart.coupon_refusal is Refusal.BELOW_MIN_SPEND and cart.coupon_discount_satang == 0
        return
    counts = [terms.applies_to(CartLine(line.item.item_id, line.item.kind, 0)) for line in cart.lines]
    if terms.kind is CouponKind.PERCENT:
        expected = _half_up(Fraction(sum(b for b, c in zip(base, counts, strict=True) if c) * terms.percent, 100))
    elif terms.kind is CouponKind.AMOUNT:
        expected = min(terms.amount_satang, sum(b for b, c in zip(base, counts, strict=True) if c))
    else:
        units = [b // line.item.quantity for b, line in zip(base, cart.lines, strict=True)
                 if line.item.item_id == terms.free_item_id]
        expected = max(units, default=0)
        given_to = [line for line in cart.lines if line.discount_of(DiscountKind.COUPON)]
        assert len(given_to) <= 1 and all(line.item.item_id == terms.free_item_id for line in given_to)
    assert cart.coupon_discount_satang == expected
    assert (cart.coupon_refusal is Refusal.NO_ITEM) == (expected == 0)
    for line, counted in zip(cart.lines, counts, strict=True):
        if terms.kind is not CouponKind.FREE_ITEM and not counted:
            assert line.discount_of(DiscountKind.COUPON) == 0


@settings(max_examples=200)
@given(carts, tiers, coupons, rules, st.randoms(use_true_random=False))
def test_the_order_of_the_lines_does_not_change_the_totals(
        items: list[CartItem], tier: Tier | None, coupon: AppliedCoupon | None, r: PricingRules,
        rnd: random.Random) -> None:
    cart = price_cart(items, tier=tier, coupon=coupon, rules=r)
    shuffled = list(items)
    rnd.shuffle(shuffled)
    again = price_cart(shuffled, tier=tier, coupon=coupon, rules=r)
    assert _totals(again) == _totals(cart)
    assert again.coupon_refusal == cart.coupon_refusal
    assert len(again.approval_lines) == len(cart.approval_lines)


@settings(max_examples=300)
@given(carts, tiers, coupons, rules)
def test_points_are_the_total_paid_per_point_times_the_multiplier_rounded_down(
        items: list[CartItem], tier: Tier | None, coupon: AppliedCoupon | None, r: PricingRules) -> None:
    cart = price_cart(items, tier=tier, coupon=coupon, rules=r)
    if tier is None:
        assert cart.points == 0
        return
    exact = Fraction(cart.total_satang, r.earn.satang_per_point) * Fraction(tier.multiplier_tenths, 10)
    assert cart.points == floor(exact)


@settings(max_examples=200)
@given(carts, rules)
def test_a_line_needs_a_manager_exactly_when_its_discount_is_above_the_limit(
        items: list[CartItem], r: PricingRules) -> None:
    cart = price_cart(items, rules=r)
    expected = []
    for position, line in enumerate(cart.lines):
        taken = line.discount_of(DiscountKind.LINE)
        given_discount = line.item.discount
        if r.line_discount_limit_bp is None or given_discount is None or taken == 0:
            continue
        if given_discount.kind is LineDiscountKind.PERCENT:
            over = given_discount.value > r.line_discount_limit_bp
        else:
            over = Fraction(taken, line.original_satang) > Fraction(r.line_discount_limit_bp, 10_000)
        if over:
            expected.append(position)
    assert cart.approval_lines == tuple(expected)
    assert [line.needs_approval for line in cart.lines] == [i in expected for i in range(len(cart.lines))]


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**7), min_size=1, max_size=20))
def test_a_share_out_adds_up_and_gives_no_line_more_than_it_has(total: int, weights: list[int]) -> None:
    total = min(total, sum(weights))
    shares = share_out(total, weights, [str(i % 3) for i in range(len(weights))])
    assert sum(shares) == (total if sum(weights) else 0)
    assert all(0 <= s <= w for s, w in zip(shares, weights, strict=True))
    for s, w in zip(shares, weights, strict=True):  # each within one satang of its exact share
        if sum(weights):
            assert abs(Fraction(s) - Fraction(total * w, sum(weights))) < 1


@settings(max_examples=200)
@given(carts, tiers, coupons, rules)
def test_the_counter_check_agrees_with_the_price_on_the_cart_the_coupon_saw(
        items: list[CartItem], tier: Tier | None, coupon: AppliedCoupon | None, r: PricingRules) -> None:
    cart = price_cart(items, tier=tier, coupon=coupon, rules=r)
    if coupon is None:
        assert cart.coupon_cart == ()
        return
    facts = CouponFacts(coupon.code, coupon.terms)
    verdict = check_coupon(coupon.code, lambda c: facts if c == facts.code else None, now=NOW,
                           cart=cart.coupon_cart)
    assert verdict.refusal == cart.coupon_refusal
    assert verdict.discount_satang == cart.coupon_discount_satang
