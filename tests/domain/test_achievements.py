"""Achievements' conditions, progress and definitions: property tests (hypothesis) and the members' cases."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bnaura_desk.domain.achievements import (
    BANGKOK,
    CATEGORY_LABELS,
    CONDITION_LABELS,
    DEFAULT_DEFINITIONS,
    Category,
    Condition,
    ConditionKind,
    Definition,
    MemberFacts,
    Sale,
    TreatmentDone,
    award_id,
    by_key,
    checked_definitions_value,
    definitions_from_value,
    definitions_value,
    newly_unlocked,
    progress,
    stored_definitions,
    unlock_id,
)
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.ids import derived_id

START = datetime(2026, 1, 1, 3, 0, tzinfo=UTC)
DEFAULTS = by_key(DEFAULT_DEFINITIONS)


def at(day: float) -> datetime:
    return START + timedelta(days=day)


def bkk(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, tzinfo=BANGKOK)


# ---------------------------------------------------------------- properties

moments = st.integers(0, 800 * 24).map(lambda hours: START + timedelta(hours=hours))
items = st.sampled_from(["i-facial", "i-laser", "i-peel", "i-mask", "i-botox", "i-hifu"])
fact_parts = st.fixed_dictionaries({
    "sales": st.lists(st.builds(Sale, moments, st.integers(0, 3_000_000)), max_size=12),
    "visits": st.lists(moments, max_size=30),
    "referrals": st.lists(moments, max_size=12),
    "treatments": st.lists(st.builds(TreatmentDone, moments, items), max_size=15),
    "reviews": st.lists(moments, max_size=6),
})


def facts_of(parts: dict[str, list[Any]], registered: datetime | None, born: date | None) -> MemberFacts:
    return MemberFacts(**{k: tuple(v) for k, v in parts.items()}, registered_at=registered, birthday=born)


def more(a: dict[str, list[Any]], b: dict[str, list[Any]]) -> dict[str, list[Any]]:
    return {k: a[k] + b[k] for k in a}


members = st.tuples(fact_parts, fact_parts, st.none() | moments, st.none() | st.dates(date(1960, 1, 1), date(2005, 12, 31)))
nows = st.integers(0, 900).map(at)
definition_lists = st.lists(st.sampled_from(DEFAULT_DEFINITIONS), unique_by=lambda d: d.key)


@settings(max_examples=300, deadline=None)
@given(members, nows)
def test_progress_never_goes_down_as_facts_are_added(member: tuple[Any, ...], now: datetime) -> None:
    first, extra, registered, born = member
    before = facts_of(first, registered, born)
    after = facts_of(more(first, extra), registered, born)
    for d in DEFAULT_DEFINITIONS:
        was, now_is = progress(d, before, now), progress(d, after, now)
        assert now_is.current >= was.current, d.key
        assert now_is.done >= was.done, d.key
        assert 0 <= now_is.current <= now_is.target == d.condition.threshold
        assert now_is.done == (now_is.current == now_is.target), d.key


@settings(max_examples=200, deadline=None)
@given(members, nows, st.integers(0, 400))
def test_an_achievement_met_stays_met_later_and_with_more_facts(
    member: tuple[Any, ...], now: datetime, later_days: int
) -> None:
    first, extra, registered, born = member
    facts = facts_of(first, registered, born)
    richer = facts_of(more(first, extra), registered, born)
    later = now + timedelta(days=later_days)
    for d in DEFAULT_DEFINITIONS:
        if progress(d, facts, now).done:
            assert progress(d, richer, now).done, d.key
            assert progress(d, richer, later).done, d.key


@settings(max_examples=200, deadline=None)
@given(members, nows, definition_lists, st.data())
def test_newly_unlocked_never_returns_what_was_unlocked(
    member: tuple[Any, ...], now: datetime, definitions: list[Definition], data: st.DataObject
) -> None:
    first, _, registered, born = member
    facts = facts_of(first, registered, born)
    already = data.draw(st.sets(st.sampled_from([d.key for d in DEFAULT_DEFINITIONS])))
    found = newly_unlocked(definitions, facts, already, now)
    assert not {d.key for d in found} & already
    assert [d.key for d in found] == [d.key for d in definitions if d in found]  # in the definitions' order
    # Once those are unlocked too, nothing more is new.
    assert newly_unlocked(definitions, facts, already | {d.key for d in found}, now) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(DEFAULT_DEFINITIONS), unique_by=lambda d: d.key))
def test_definitions_survive_their_stored_form(definitions: list[Definition]) -> None:
    assert definitions_from_value(definitions_value(definitions)) == tuple(definitions)


# ---------------------------------------------------------------- the members' cases


def test_the_seeds_defaults_are_there_with_their_points() -> None:
    points = {d.key: d.points for d in DEFAULT_DEFINITIONS}
    assert points | {
        "first_purchase": 100, "big_spender": 300, "vip_member": 500, "regular": 200, "loyal": 400,
        "vip_regular": 600, "friend_bringer": 150, "ambassador": 500, "influencer": 1_000,
    } == points
    assert {d.category for d in DEFAULT_DEFINITIONS} == set(Category)
    assert any(d.secret for d in DEFAULT_DEFINITIONS)
    assert all(d.secret for d in DEFAULT_DEFINITIONS if d.category is Category.SECRET)
    definitions_from_value(definitions_value(DEFAULT_DEFINITIONS))  # valid as a manager would save them


def test_every_category_and_condition_has_a_label() -> None:
    assert set(CATEGORY_LABELS) == set(Category) and set(CONDITION_LABELS) == set(ConditionKind)


def test_spending_counts_what_was_paid_up_to_now() -> None:
    facts = MemberFacts(sales=(Sale(at(1), 600_000), Sale(at(5), 399_900), Sale(at(9), 100)))
    assert progress(DEFAULTS["big_spender"], facts, at(6)) == progress(DEFAULTS["big_spender"], facts, at(8))
    assert not progress(DEFAULTS["big_spender"], facts, at(6)).done
    current, target, done = progress(DEFAULTS["big_spender"], facts, at(6))
    assert (current, target, done) == (999_900, 1_000_000, False)
    assert progress(DEFAULTS["big_spender"], facts, at(9)).done
    assert progress(DEFAULTS["first_purchase"], MemberFacts(sales=(Sale(at(1), 0),)), at(2)).current == 0
    assert newly_unlocked(DEFAULT_DEFINITIONS, facts, (), at(9)) == [DEFAULTS["first_purchase"], DEFAULTS["big_spender"]]


def test_regular_is_five_visit_days_within_three_months() -> None:
    regular = DEFAULTS["regular"]
    # Two check-ins the same Bangkok day are one visit (the second confirmed at the desk).
    same_day = MemberFacts(visits=tuple(bkk(2026, 3, 2, h) for h in (9, 12, 15, 18, 20)))
    assert progress(regular, same_day, bkk(2026, 3, 3)).current == 1
    spread = MemberFacts(visits=tuple(bkk(2026, 1, 1) + timedelta(days=30 * i) for i in range(5)))  # 120 days
    assert not progress(regular, spread, bkk(2026, 7, 1)).done
    close = MemberFacts(visits=tuple(bkk(2026, 1, 1) + timedelta(days=22 * i) for i in range(5)))  # 88 days
    assert progress(regular, close, bkk(2026, 4, 1)).done
    # The window is 91 calendar days: the first and the fifth visit 90 days apart are in it, 91 are not.
    edge = (bkk(2026, 1, 1), bkk(2026, 1, 2), bkk(2026, 1, 3), bkk(2026, 1, 4))
    assert progress(regular, MemberFacts(visits=(*edge, bkk(2026, 4, 1))), bkk(2026, 4, 2)).done  # 1 Jan + 90 days
    assert not progress(regular, MemberFacts(visits=(*edge, bkk(2026, 4, 2))), bkk(2026, 4, 3)).done
    # Long after, the window has moved on, yet it stays met.
    assert progress(regular, close, bkk(2027, 4, 1)) == progress(regular, close, bkk(2026, 4, 1))
    # Progress shows the visits of the last three months (what the member can build on).
    recent = MemberFacts(visits=(bkk(2025, 1, 5), bkk(2026, 2, 1), bkk(2026, 3, 1)))
    assert progress(regular, recent, bkk(2026, 3, 10)).current == 2


def test_vip_regular_needs_six_consecutive_bangkok_months() -> None:
    streak = DEFAULTS["vip_regular"]
    # 31 Jan 20:00 UTC is 1 Feb in Bangkok: it counts for February.
    visits = (datetime(2026, 1, 31, 20, tzinfo=UTC), *(bkk(2026, m, 10) for m in (3, 4, 5, 6)))
    facts = MemberFacts(visits=visits)
    assert progress(streak, facts, bkk(2026, 6, 20)).current == 5
    assert not progress(streak, facts, bkk(2026, 6, 20)).done
    # July goes by without a visit: the streak is over and shows none.
    assert progress(streak, facts, bkk(2026, 8, 2)).current == 0
    assert progress(streak, replace(facts, visits=(*visits, bkk(2026, 7, 31))), bkk(2026, 8, 2)).done
    # A gap breaks it: Feb-Jun with May missing is 2 + 2.
    gappy = MemberFacts(visits=tuple(bkk(2026, m, 10) for m in (2, 3, 4, 6, 7, 8, 9, 10)))
    assert progress(streak, gappy, bkk(2026, 10, 20)).current == 5
    # Across a new year.
    assert progress(streak, MemberFacts(visits=tuple(bkk(2025, 9, 1) + timedelta(days=31 * i) for i in range(6))),
                    bkk(2026, 3, 1)).done


def test_referrals_treatments_reviews_and_secret_birthday() -> None:
    facts = MemberFacts(
        referrals=tuple(at(i) for i in range(5)),
        treatments=(TreatmentDone(at(1), "a"), TreatmentDone(at(2), "a"), TreatmentDone(at(3), "b")),
        reviews=(at(4),),
        visits=(bkk(2026, 5, 20),),
        birthday=date(1990, 5, 17),
    )
    keys = [d.key for d in newly_unlocked(DEFAULT_DEFINITIONS, facts, (), bkk(2026, 6, 1))]
    assert keys == ["friend_bringer", "ambassador", "first_review", "first_treatment", "birthday_visit"]
    assert progress(DEFAULTS["influencer"], facts, at(30)).current == 5
    assert progress(DEFAULTS["explorer"], facts, at(30)).current == 2
    only_a = Definition("a_fan", Category.TREATMENTS, "แฟน A", "", "", "", 10, Condition(ConditionKind.TREATMENTS, 3,
                                                                                       item_id="a"))
    assert progress(only_a, facts, at(30)).current == 2


def test_ids_are_derived_from_the_cause() -> None:
    unlock = unlock_id("c1", "regular")
    assert unlock == derived_id("achievement_unlock", "c1", "regular") != unlock_id("c2", "regular")
    assert award_id(unlock) == derived_id("points", "achievement", unlock)


# ---------------------------------------------------------------- a manager's edits


def stored(**changes: Any) -> list[dict[str, Any]]:
    value = definitions_value(DEFAULT_DEFINITIONS[:3])
    value[1] = {**value[1], **changes}
    return value


@pytest.mark.parametrize(
    ("value", "field", "message"),
    [
        ({"not": "a list"}, "key", "The achievements must be a list of at most 100 definitions"),
        (stored(key="first_purchase"), "key", "The achievement key first_purchase is used twice"),
        (stored(key="Big Spender"), "key", "An achievement's key is 1 to 40 small letters, digits or _, from a letter"),
        (stored(category="vanity"), "category", "Achievement big_spender has no known category"),
        (stored(condition={"kind": "moon_phase", "threshold": 1}), "condition",
         "Achievement big_spender has no known condition"),
        (stored(condition={"kind": "total_spend", "threshold": 0}), "threshold",
         "The target of achievement big_spender must be above zero"),
        (stored(condition={"kind": "total_spend", "threshold": "lots"}), "threshold",
         "The figures of achievement big_spender must be whole numbers"),
        (stored(condition={"kind": "visits_within", "threshold": 5}), "days",
         "The window of achievement big_spender is 1 to 3,660 days"),
        (stored(condition={"kind": "visits", "threshold": 5, "item_id": "x"}), "item_id",
         "Only a treatments achievement may name a treatment"),
        (stored(points=100_001), "points", "Achievement big_spender awards 0 to 100,000 points"),
        (stored(points=-1), "points", "Achievement big_spender awards 0 to 100,000 points"),
        (stored(name_th="  "), "name_th", "Achievement big_spender needs a Thai name"),
        (stored(description_en="x" * 301), "description_en",
         "The names of achievement big_spender have at most 80 characters and its descriptions 300"),
        (stored(category="secret", secret=False), "secret",
         "Achievement big_spender is in the secret category: it must be hidden"),
    ],
)
def test_a_definitions_list_a_manager_cannot_save(value: Any, field: str, message: str) -> None:
    with pytest.raises(BadInput) as refused:
        checked_definitions_value(value)
    assert (refused.value.field, str(refused.value)) == (field, message)


def test_a_list_too_large_to_sync_is_refused() -> None:
    long = definitions_value(DEFAULT_DEFINITIONS[:1])[0] | {"description_th": "ก" * 300}
    fits = [long | {"key": f"a{i}"} for i in range(12)]
    assert len(checked_definitions_value(fits)) == 12  # 14 KB
    with pytest.raises(BadInput) as refused:
        checked_definitions_value([*fits, *(long | {"key": f"b{i}"} for i in range(2))])
    assert str(refused.value) == "The achievements take too much room: shorten descriptions or remove some"


def test_zero_points_and_tidied_names_are_kept() -> None:
    saved = checked_definitions_value(stored(points=0, name_th="  นักช้อป   ตัวจริง "))
    assert (saved[1]["points"], saved[1]["name_th"]) == (0, "นักช้อป ตัวจริง")


def test_the_stored_setting_reads_as_the_defaults_when_unset_and_skips_what_it_cannot_read() -> None:
    assert stored_definitions(None) == DEFAULT_DEFINITIONS
    newer = [*definitions_value(DEFAULT_DEFINITIONS[:2]), {"key": "x", "condition": {"kind": "future_kind"}}]
    assert stored_definitions(newer) == DEFAULT_DEFINITIONS[:2]
