"""The loyalty program's rules: its stored value, award ids, tiers on lifetime and rolling points, refunds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.loyalty_program import (
    DEFAULT_PROGRAM,
    Earned,
    LoyaltyProgram,
    Qualification,
    award_id,
    clinic_day,
    month_start,
    program_from,
    qualifying_points,
    taken_back,
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
# Earned lots and, now and then, points a refund took back.
changes = st.lists(
    st.builds(lambda day, points, back: (taken_back if back else Earned)(START + timedelta(days=day, hours=7), points),
              st.integers(0, 900), st.integers(1, 5_000), st.sampled_from([False, False, True])),
    max_size=30,
)


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


@given(changes, moments)
def test_on_lifetime_points_a_refund_takes_its_points_off_at_once_never_below_zero(
    earned: list[Earned], at: datetime
) -> None:
    net = sum(e.points for e in earned if e.at <= at)
    assert qualifying_points(earned, at, Qualification.LIFETIME) == max(0, net)
    assert tier_at(earned, DEFAULT_PROGRAM, at) == tier_for(max(0, net))


def test_a_lifetime_tier_reached_only_through_a_refunded_sale_falls_when_the_refund_is_made() -> None:
    earned = [Earned(START, 2_000), Earned(START + timedelta(days=3), 1_500)]
    refund = START + timedelta(days=5)
    refunded = [*earned, taken_back(refund, 1_500)]
    assert tier_at(refunded, DEFAULT_PROGRAM, refund - timedelta(seconds=1)).key == "gold"
    assert tier_at(refunded, DEFAULT_PROGRAM, refund).key == "silver"
    # A partial refund that leaves 3,000 keeps Gold.
    assert tier_at([*earned, taken_back(refund, 500)], DEFAULT_PROGRAM, refund).key == "gold"


@settings(max_examples=80)
@given(changes.filter(bool), st.integers(0, 29), st.integers(340, 400), st.integers(0, 23))
def test_a_rolling_tier_is_the_best_the_member_qualified_for_at_any_moment_of_the_month(
    earned: list[Earned], which: int, days: int, hour: int
) -> None:
    # About a year after one of the changes, when changes leave the 12 months.
    at = earned[which % len(earned)].at + timedelta(days=days, hours=hour)
    # Every hour of the month so far: lots, take-backs and their 12 months all fall on the hour.
    start = month_start(at)
    hours = int((at - start).total_seconds() // 3600)
    probes = [start + timedelta(hours=h) for h in range(hours + 1)] + [at]
    best = max(qualifying_points(earned, moment, Qualification.ROLLING) for moment in probes)
    assert tier_at(earned, ROLLING, at) == tier_for(best)


def test_on_rolling_months_a_refund_counts_for_12_months_from_its_time() -> None:
    sale, refund = datetime(2026, 1, 25, 7, tzinfo=UTC), datetime(2026, 2, 5, 7, tzinfo=UTC)
    earned = [Earned(sale, 3_000), taken_back(refund, 3_000), Earned(datetime(2026, 3, 1, 7, tzinfo=UTC), 4_000)]
    # Kept until the end of the month of the refund: she was Gold on 1 February.
    assert qualifying_points(earned, datetime(2026, 3, 31, 7, tzinfo=UTC), Qualification.ROLLING) == 4_000
    assert tier_at(earned, ROLLING, datetime(2026, 2, 20, 7, tzinfo=UTC)).key == "gold"
    # The refund still counts on 3 February 2027 (the sale no longer does), not from 5 February.
    assert qualifying_points(earned, datetime(2027, 2, 3, 7, tzinfo=UTC), Qualification.ROLLING) == 1_000
    assert qualifying_points(earned, datetime(2027, 2, 5, 7, tzinfo=UTC), Qualification.ROLLING) == 4_000
    # A second refund on 8 February 2027 takes her below Gold; she was Gold from the 5th: kept.
    later = [*earned, taken_back(datetime(2027, 2, 8, 7, tzinfo=UTC), 2_000)]
    assert qualifying_points(later, datetime(2027, 2, 10, 7, tzinfo=UTC), Qualification.ROLLING) == 2_000
    assert tier_at(later, ROLLING, datetime(2027, 2, 10, 7, tzinfo=UTC)).key == "gold"
    assert tier_at(later, ROLLING, datetime(2027, 3, 10, 7, tzinfo=UTC)).key == "silver"


def test_a_refund_on_29_february_counts_until_1_march_a_year_later() -> None:
    refund = datetime(2028, 2, 29, 20, tzinfo=UTC)  # 1 March 03:00 in Bangkok: 29 February in UTC, as stored
    earned = [Earned(datetime(2028, 6, 1, tzinfo=UTC), 5_000), taken_back(refund, 3_000),
              taken_back(datetime(2029, 3, 10, tzinfo=UTC), 3_000)]
    assert qualifying_points(earned, datetime(2029, 2, 28, 23, tzinfo=UTC), Qualification.ROLLING) == 2_000
    assert qualifying_points(earned, datetime(2029, 3, 1, 0, tzinfo=UTC), Qualification.ROLLING) == 5_000
    assert qualifying_points(earned, datetime(2029, 3, 20, tzinfo=UTC), Qualification.ROLLING) == 2_000
    # From 1 March (07:00 in Bangkok) to the 10th she qualified for Gold: kept in March.
    assert tier_at(earned, ROLLING, datetime(2029, 3, 20, tzinfo=UTC)).key == "gold"
