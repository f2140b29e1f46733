"""Coupons as plain rules: codes that catch typos, what a coupon gives on a cart, exactly why it does not apply."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bnaura_desk.domain import referral
from bnaura_desk.domain.catalog import ItemKind
from bnaura_desk.domain.coupons import (
    BODY_SPACE,
    CODE_LENGTH,
    CartLine,
    CouponFacts,
    CouponKind,
    CouponState,
    CouponTerms,
    CouponUseSeen,
    Refusal,
    cart_refusal,
    check_coupon,
    coupon_discount,
    coupon_state,
    display_coupon_code,
    eligible_amount,
    free_item_line,
    make_coupon_code,
    read_coupon_code,
    terms_problem,
)
from bnaura_desk.domain.dates import format_date, message_language
from bnaura_desk.domain.rewards import DEFAULT_REWARDS, reward_id

ALPHABET = referral.ALPHABET
tags = st.text(alphabet=ALPHABET, min_size=4, max_size=4)
counters = st.integers(min_value=0, max_value=BODY_SPACE - 1)
NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok


def _thai(context: str, text: str) -> str:
    return {"BNAURA_MESSAGE_LANGUAGE_en": "BNAURA_MESSAGE_LANGUAGE_th"}.get(text, text)


# ---------------------------------------------------------------------- codes


@given(tags, counters)
def test_a_code_is_eleven_readable_characters_that_pass_their_check(tag: str, counter: int) -> None:
    code = make_coupon_code(tag, counter)
    assert len(code) == CODE_LENGTH == referral.CODE_LENGTH + 1  # never taken for a referral code
    assert code.startswith(tag) and set(code) <= set(ALPHABET)
    assert read_coupon_code(display_coupon_code(code).lower()) == (code, None)


@settings(max_examples=300)
@given(tags, counters, st.integers(0, CODE_LENGTH - 1), st.sampled_from(ALPHABET))
def test_any_single_mistyped_character_is_caught(tag: str, counter: int, at: int, typed: str) -> None:
    code = make_coupon_code(tag, counter)
    if code[at] == typed:
        return
    wrong = code[:at] + typed + code[at + 1 :]
    assert read_coupon_code(wrong)[1] is Refusal.MISTYPED


@settings(max_examples=300)
@given(tags, counters, st.integers(0, CODE_LENGTH - 1), st.integers(0, CODE_LENGTH - 1))
def test_any_swap_of_two_characters_is_caught(tag: str, counter: int, i: int, j: int) -> None:
    code = make_coupon_code(tag, counter)
    if code[i] == code[j]:
        return
    chars = list(code)
    chars[i], chars[j] = chars[j], chars[i]
    assert read_coupon_code("".join(chars))[1] is Refusal.MISTYPED


def test_codes_of_one_device_never_repeat() -> None:
    codes = {make_coupon_code("7KQ3", n) for n in range(50_000)}
    assert len(codes) == 50_000
    with pytest.raises(ValueError):
        make_coupon_code("7KQ3", BODY_SPACE)
    with pytest.raises(ValueError):
        make_coupon_code("70Q3", 1)  # 0 is not in the alphabet


def test_a_code_of_another_shape_is_unknown_not_mistyped() -> None:
    assert read_coupon_code("hello")[1] is Refusal.UNKNOWN
    assert read_coupon_code("7KQ3-MX4P-9T")[1] is Refusal.UNKNOWN  # a referral code's length


# ---------------------------------------------------------------------- discounts

lines = st.lists(
    st.builds(CartLine, st.sampled_from(["a", "b", "c"]), st.sampled_from(list(ItemKind)),
              st.integers(0, 10**8), st.integers(1, 5)),
    max_size=6,
)
terms = st.one_of(
    st.builds(CouponTerms, st.just(CouponKind.PERCENT), percent=st.integers(1, 100),
              item_ids=st.frozensets(st.sampled_from(["a", "b"])),
              item_kinds=st.frozensets(st.sampled_from(list(ItemKind)))),
    st.builds(CouponTerms, st.just(CouponKind.AMOUNT), amount_satang=st.integers(1, 10**9),
              item_ids=st.frozensets(st.sampled_from(["a", "b"]))),
    st.builds(CouponTerms, st.just(CouponKind.FREE_ITEM), free_item_id=st.sampled_from(["a", "c", "z"])),
)


@given(terms, lines)
def test_a_discount_is_never_more_than_what_it_applies_to(t: CouponTerms, cart: list[CartLine]) -> None:
    discount = coupon_discount(t, cart)
    assert 0 <= discount <= sum(line.amount_satang for line in cart)
    if t.kind is not CouponKind.FREE_ITEM:
        assert discount <= eligible_amount(t, cart)


def test_percent_rounds_half_up_and_counts_only_what_it_applies_to() -> None:
    cart = [CartLine("a", ItemKind.TREATMENT, 150_050), CartLine("b", ItemKind.PRODUCT, 99_900)]
    assert coupon_discount(CouponTerms(CouponKind.PERCENT, percent=10), cart) == 24_995
    assert coupon_discount(CouponTerms(CouponKind.PERCENT, percent=5), [CartLine("a", ItemKind.TREATMENT, 10)]) == 1
    only = CouponTerms(CouponKind.PERCENT, percent=10, item_kinds=frozenset({ItemKind.PRODUCT}))
    assert coupon_discount(only, cart) == 9_990
    assert coupon_discount(CouponTerms(CouponKind.AMOUNT, amount_satang=500_000), cart) == 249_950
    free = CouponTerms(CouponKind.FREE_ITEM, free_item_id="b")
    assert coupon_discount(free, [CartLine("b", ItemKind.PRODUCT, 199_800, quantity=2)]) == 99_900


def test_a_free_item_coupon_frees_the_dearest_unit_of_its_item_whatever_the_order() -> None:
    free = CouponTerms(CouponKind.FREE_ITEM, free_item_id="b")
    cheap = CartLine("b", ItemKind.PRODUCT, 80_000, quantity=2)  # 40,000 a unit after a line discount
    full = CartLine("b", ItemKind.PRODUCT, 89_000)
    other = CartLine("a", ItemKind.TREATMENT, 150_000)
    assert free_item_line(free, [other, cheap, full]) == 2
    assert free_item_line(free, [full, other, cheap]) == 0
    assert coupon_discount(free, [cheap, full]) == coupon_discount(free, [full, cheap]) == 89_000
    assert free_item_line(free, [other]) is None
    assert free_item_line(CouponTerms(CouponKind.PERCENT, percent=5), [full]) is None


def test_why_a_coupon_gives_nothing_on_a_cart() -> None:
    terms = CouponTerms(CouponKind.PERCENT, percent=10, min_spend_satang=100_000,
                        item_kinds=frozenset({ItemKind.PRODUCT}))
    assert cart_refusal(terms, [CartLine("a", ItemKind.TREATMENT, 99_999)]) is Refusal.BELOW_MIN_SPEND
    assert cart_refusal(terms, [CartLine("a", ItemKind.TREATMENT, 100_000)]) is Refusal.NO_ITEM
    assert cart_refusal(terms, [CartLine("b", ItemKind.PRODUCT, 100_000)]) is None
    assert cart_refusal(terms, [CartLine("b", ItemKind.PRODUCT, 100_000)], subtotal_satang=5) is Refusal.BELOW_MIN_SPEND


# ---------------------------------------------------------------------- validation


def _facts(**kw: object) -> CouponFacts:
    code = make_coupon_code("7KQ3", 1)
    base: dict[str, object] = {
        "code": code,
        "terms": CouponTerms(CouponKind.PERCENT, percent=10, valid_until=date(2027, 1, 31), min_spend_satang=150_000),
    }
    base.update(kw)
    return CouponFacts(**base)  # type: ignore[arg-type]


def _check(facts: CouponFacts, *, typed: str | None = None, now: datetime = NOW, customer: str | None = None,
           amount: int | None = 200_000) -> tuple[Refusal | None, str, str]:
    cart = None if amount is None else [CartLine("a", ItemKind.TREATMENT, amount)]
    verdict = check_coupon(typed or facts.code, lambda c: facts if c == facts.code else None, now=now,
                           customer_id=customer, cart=cart)
    return verdict.refusal, verdict.message.render(), verdict.message.render(_thai)


def test_a_valid_coupon_says_what_it_gives_in_both_languages() -> None:
    refusal, english, thai = _check(_facts())
    assert refusal is None
    assert english == "Valid: 10 % off, until 31 Jan 2027, minimum ฿1,500"
    assert thai == "Valid: 10 % off, until 31 ม.ค. 2570, minimum ฿1,500"  # dates follow the translation


def test_each_reason_a_coupon_does_not_apply() -> None:
    facts = _facts()
    shown = display_coupon_code(facts.code)
    assert _check(facts, typed="ZZZZZZZZZZZ")[0] in (Refusal.MISTYPED, Refusal.UNKNOWN)
    assert _check(facts, typed=make_coupon_code("7KQ3", 2))[:2] == (Refusal.UNKNOWN, "There is no coupon "
                                                                     + display_coupon_code(make_coupon_code("7KQ3", 2)))
    assert _check(_facts(voided=True, void_reason="แจกผิด"))[1] == f"Coupon {shown} was voided: แจกผิด"
    use = CouponUseSeen("m1", datetime(2026, 11, 20, 7, 30, tzinfo=UTC), "POS-2", "สาขาทองหล่อ")
    refusal, english, thai = _check(_facts(uses=(use,)))
    assert refusal is Refusal.USED
    assert english == f"Coupon {shown} was already used at POS-2 (สาขาทองหล่อ) on 20 Nov 2026 14:30"
    assert thai.endswith("on 20 พ.ย. 2569 14:30")
    assert _check(facts, now=datetime(2027, 1, 31, 16, 59, tzinfo=UTC))[0] is None  # 23:59 on the last day
    refusal, english, thai = _check(facts, now=datetime(2027, 1, 31, 17, 0, tzinfo=UTC))
    assert (refusal, english) == (Refusal.EXPIRED, f"Coupon {shown} expired on 31 Jan 2027")
    assert thai == f"Coupon {shown} expired on 31 ม.ค. 2570"
    later = _facts(terms=CouponTerms(CouponKind.PERCENT, percent=5, valid_from=date(2026, 12, 1)))
    assert _check(later)[:2] == (Refusal.NOT_YET_VALID, f"Coupon {shown} is valid from 1 Dec 2026")
    assert _check(_facts(customer_id="m1"), customer="m2")[0] is Refusal.OTHER_CUSTOMER
    assert _check(_facts(customer_id="m1"), customer="m1")[0] is None
    assert _check(facts, amount=149_999)[1] == (
        f"Coupon {shown} needs a minimum spend of ฿1,500 (this sale: ฿1,499.99)")
    assert _check(facts, amount=None)[0] is None  # a check by code alone: no cart to compare
    kinds = _facts(terms=CouponTerms(CouponKind.PERCENT, percent=5, item_kinds=frozenset({ItemKind.PRODUCT})))
    assert _check(kinds)[0] is Refusal.NO_ITEM
    limited = _facts(terms=CouponTerms(CouponKind.PERCENT, percent=5, usage_limit=None, per_customer_limit=1),
                     uses=(use,))
    assert _check(limited, customer="m1")[0] is Refusal.CUSTOMER_LIMIT
    assert _check(limited, customer="m2")[0] is None
    assert _check(limited)[0] is Refusal.MEMBER_NEEDED


def test_states_for_a_list() -> None:
    use = CouponUseSeen(None, NOW, "POS-1", "สาขาสยาม")
    today = date(2026, 11, 23)
    assert coupon_state(_facts(), today) is CouponState.ACTIVE
    assert coupon_state(_facts(uses=(use,)), today) is CouponState.USED
    assert coupon_state(_facts(voided=True, uses=(use,)), today) is CouponState.VOID
    assert coupon_state(_facts(), date(2027, 2, 1)) is CouponState.EXPIRED


def test_terms_a_coupon_cannot_have() -> None:
    assert terms_problem(CouponTerms(CouponKind.PERCENT, percent=10)) is None
    problems = [
        terms_problem(CouponTerms(CouponKind.PERCENT, percent=0)),
        terms_problem(CouponTerms(CouponKind.AMOUNT)),
        terms_problem(CouponTerms(CouponKind.FREE_ITEM)),
        terms_problem(CouponTerms(CouponKind.PERCENT, percent=1, min_spend_satang=-1)),
        terms_problem(CouponTerms(CouponKind.PERCENT, percent=1, per_customer_limit=0)),
    ]
    assert [p.field for p in problems if p is not None] == [
        "percent", "amount", "free_item", "min_spend", "per_customer_limit"]


def test_the_default_rewards_of_the_seeds() -> None:
    assert [(r.name_en, r.points_cost, r.available) for r in DEFAULT_REWARDS] == [
        ("5% off", 500, True), ("10% off", 1_000, True), ("Free Basic Facial", 1_500, False),
        ("Free Premium Mask", 800, False),
    ]
    assert DEFAULT_REWARDS[0].id == reward_id("percent_5") != reward_id("percent_10")


def test_thai_dates_use_the_buddhist_era() -> None:
    assert format_date(date(2026, 1, 12), "th") == "12 ม.ค. 2569"
    assert format_date(datetime(2026, 12, 31, 17, 30, tzinfo=UTC), "en") == "1 Jan 2027"  # Bangkok's date
    assert message_language(_thai) == "th" and message_language(lambda c, t: t) == "en"
