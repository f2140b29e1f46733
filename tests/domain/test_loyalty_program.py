"""The loyalty program's rules: its stored value, award ids, tiers on lifetime and rolling points."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.loyalty_program import (
    DEFAULT_PROGRAM,
    Earned,
    LoyaltyProgram,
    Qualification,
    award_id,
    clinic_day,
    program_from,
    qualifying_points,
    tier_at,
    tier_change_id,
)
from bnaura_desk.domain.points import PointsSource, tier_for

START = datetime(2025, 1, 1, tzinfo=UTC)
ROLLING = LoyaltyProgram(qualification=Qualification.ROLLING)

lots = st.lists(
    st.builds(Earned, st.integers(0, 900).map(lambda d: START + timedelta(days=d, hours=7)), st.integers(1, 5_000)),
    max_size=30,
)
moments = st.integers(0, 1_000).map(lambda d: START + timedelta(days=d, hours=13))


def test_the_default_program_is_the_seeds() -> None:
    assert [t.threshold for t in DEFAULT_PROGRAM.tiers] == [0, 1_000, 3_000, 7_000, 15_000]
    assert [t.discount_percent for t in DEFAULT_PROGRAM.tiers] == [5, 8, 10, 12, 15]
    assert [t.multiplier_tenths for t in DEFAULT_PROGRAM.tiers] == [10, 15, 20, 25, 30]
    e = DEFAULT_PROGRAM.earn
    assert (e.satang_per_point, e.welcome, e.check_in, e.review, e.referral, e.birthday) == (
        1_000, 100, 10, 50, 200, 100)
    assert program_from(None) == DEFAULT_PROGRAM == program_from(DEFAULT_PROGRAM.as_value())


@pytest.mark.parametrize("value", [{}, [], "x", {"earn": {}, "tiers": [], "qualification": "lifetime"},
                                   {**DEFAULT_PROGRAM.as_value(), "qualification": "weekly"},
                                   {**DEFAULT_PROGRAM.as_value(), "extra": 1}])
def test_a_malformed_stored_program_is_refused(value: object) -> None:
    with pytest.raises(BadInput):
        program_from(value)


def test_award_ids_are_the_same_on_every_terminal_and_differ_by_cause() -> None:
    bkk_late = datetime(2026, 3, 1, 17, 30, tzinfo=UTC)  # 00:30 on 2 March in Bangkok
    assert clinic_day(bkk_late) == "2026-03-02"
    a = award_id(PointsSource.CHECK_IN, "c1", "2026-03-02")
    assert a == award_id(PointsSource.CHECK_IN, "c1", "2026-03-02")
    assert len({a, award_id(PointsSource.CHECK_IN, "c1", "2026-03-03"), award_id(PointsSource.CHECK_IN, "c2",
                "2026-03-02"), award_id(PointsSource.BIRTHDAY, "c1", "2026-03-02")}) == 4
    assert tier_change_id("c1", "bronze", "silver", "2026-03") != tier_change_id("c1", "silver", "bronze", "2026-03")


@given(lots, moments, moments)
def test_a_lifetime_tier_never_falls(earned: list[Earned], a: datetime, b: datetime) -> None:
    early, late = sorted((a, b))
    assert tier_at(earned, DEFAULT_PROGRAM, early).threshold <= tier_at(earned, DEFAULT_PROGRAM, late).threshold
    assert tier_at(earned, DEFAULT_PROGRAM, late) == tier_for(qualifying_points(earned, late, Qualification.LIFETIME))


@given(lots, moments)
def test_a_rolling_tier_is_at_least_what_the_points_qualify_for_and_at_most_the_months_best(
    earned: list[Earned], at: datetime
) -> None:
    tier = tier_at(earned, ROLLING, at)
    now_points = qualifying_points(earned, at, Qualification.ROLLING)
    assert tier.threshold >= tier_for(now_points).threshold
    # Never above what the member qualified for at some moment of this month.
    assert tier.threshold <= tier_for(qualifying_points(earned, at, Qualification.LIFETIME)).threshold


@given(lots, moments)
def test_a_rolling_tier_holds_until_the_end_of_the_month(earned: list[Earned], at: datetime) -> None:
    # Later the same Bangkok month, the tier is at least what it was.
    later = at + timedelta(hours=1)
    if (later + timedelta(hours=7)).month == (at + timedelta(hours=7)).month:
        assert tier_at(earned, ROLLING, later).threshold >= tier_at(earned, ROLLING, at).threshold
