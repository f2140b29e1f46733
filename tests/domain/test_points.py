"""The points ledger's fold: property tests (hypothesis) and the cases a member would ask about."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bnaura_desk.domain.points import (
    DEFAULT_TIERS,
    EntryKind,
    PointEntry,
    PointsSource,
    TakenBack,
    Tier,
    check_tiers,
    expiry_id,
    fold,
    lot_expiry,
    purchase_points,
    tier_for,
)

START = datetime(2026, 1, 1, 3, 0, tzinfo=UTC)


def earn(n: int, points: int, day: int) -> PointEntry:
    at = START + timedelta(days=day)
    return PointEntry(f"e{n:04d}", EntryKind.EARN, points, at, expires_at=lot_expiry(at))


def spend(n: int, points: int, day: int) -> PointEntry:
    return PointEntry(f"s{n:04d}", EntryKind.SPEND, points, START + timedelta(days=day))


def expiries(entries: list[PointEntry], at: datetime) -> list[PointEntry]:
    """What the expiry job adds at ``at``: one entry per due lot, at the lot's expiry time."""
    done = {e.lot_id for e in entries if e.kind is EntryKind.EXPIRE}
    due = fold(entries, at).due_expiries(x for x in done if x)
    return [PointEntry(expiry_id(lot.id), EntryKind.EXPIRE, 0, lot.expires_at, lot_id=lot.id) for lot in due]


# A ledger: earns and spends over two years, by day.
ledgers = st.lists(
    st.tuples(st.sampled_from([EntryKind.EARN, EntryKind.SPEND]), st.integers(1, 2_000), st.integers(0, 730)),
    max_size=40,
).map(lambda rows: [earn(i, p, d) if k is EntryKind.EARN else spend(i, p, d) for i, (k, p, d) in enumerate(rows)])


@settings(max_examples=300, deadline=None)
@given(ledgers, st.integers(0, 1_200))
def test_after_the_expiry_job_the_balance_is_the_sum_of_the_ledger(entries: list[PointEntry], day: int) -> None:
    at = START + timedelta(days=day)
    entries = entries + expiries(entries, at)
    statement = fold(entries, at)
    expired = sum(lot.expired for lot in statement.lots)
    past = [e for e in entries if e.at <= at]
    earned = sum(e.points for e in past if e.kind is EntryKind.EARN)
    spent = sum(e.points for e in past if e.kind is EntryKind.SPEND)
    assert statement.balance == earned - spent - expired
    assert statement.lifetime_earned == earned
    # Running the job again finds nothing, and the entries it made merge by id.
    assert expiries(entries, at) == []
    assert fold(entries + expiries(entries, at), at) == statement


@settings(max_examples=300, deadline=None)
@given(ledgers, st.integers(0, 1_200), st.randoms(use_true_random=False))
def test_the_fold_does_not_depend_on_the_order_entries_arrived_in(
    entries: list[PointEntry], day: int, rng: random.Random
) -> None:
    at = START + timedelta(days=day)
    entries = entries + expiries(entries, at)
    shuffled = list(entries)
    rng.shuffle(shuffled)
    assert fold(shuffled, at) == fold(entries, at)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 500), min_size=1, max_size=8), st.integers(1, 3_000))
def test_a_spend_takes_the_oldest_lots_first(lots: list[int], wanted: int) -> None:
    entries = [earn(i, p, i) for i, p in enumerate(lots)] + [spend(99, wanted, 20)]
    statement = fold(entries, START + timedelta(days=30))
    left = [lot.left for lot in statement.lots]
    # Used lots first, then at most one partly used, then untouched ones.
    k = 0
    while k < len(lots) and left[k] == 0:
        k += 1
    assert left[k + 1:] == lots[k + 1:]
    assert statement.debt == max(0, wanted - sum(lots))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 1_000), st.integers(1, 1_000))
def test_a_spend_never_takes_expired_points(old: int, wanted: int) -> None:
    # A lot earned 13 months before the spend has expired: the spend is debt, not taken from it.
    entries = [earn(1, old, 0), spend(2, wanted, 400)]
    statement = fold(entries, START + timedelta(days=400))
    assert statement.lots[0].left == old and statement.debt == wanted and statement.balance == -wanted


def test_two_offline_spends_of_the_same_points_stand_and_the_next_earn_pays_the_debt() -> None:
    entries = [earn(1, 500, 0), spend(2, 500, 10), spend(3, 500, 10)]
    assert fold(entries, START + timedelta(days=11)).balance == -500
    paid = fold([*entries, earn(4, 800, 20)], START + timedelta(days=21))
    assert paid.balance == 300 and paid.lots[1].left == 300


def test_an_expiry_written_before_a_late_spend_arrives_takes_only_what_was_left() -> None:
    # Terminal A expires the lot (it saw 600 left); terminal B had spent 200 of it before,
    # offline. Whatever order the rows arrive in, 400 expire and the balance is right.
    lot = earn(1, 600, 0)
    expiry = PointEntry(expiry_id(lot.id), EntryKind.EXPIRE, 0, lot.expires_at or START, lot_id=lot.id)
    late = spend(2, 200, 300)
    at = START + timedelta(days=400)
    for entries in ([lot, expiry, late], [lot, late, expiry]):
        statement = fold(entries, at)
        assert statement.lots[0].expired == 400 and statement.balance == 0


def test_expiring_soon_counts_valid_lots_ending_within_the_window() -> None:
    entries = [earn(1, 100, 0), earn(2, 50, 200)]
    statement = fold(entries, START + timedelta(days=340))
    assert statement.expiring_within(START + timedelta(days=370)) == 100
    assert statement.balance == 150


def test_lots_expire_twelve_months_later_on_the_months_last_day_when_shorter() -> None:
    assert lot_expiry(datetime(2026, 3, 15, 9, 0, tzinfo=UTC)) == datetime(2027, 3, 15, 9, 0, tzinfo=UTC)
    assert lot_expiry(datetime(2027, 2, 28, tzinfo=UTC), 12) == datetime(2028, 2, 28, tzinfo=UTC)
    assert lot_expiry(datetime(2027, 1, 31, tzinfo=UTC), 1) == datetime(2027, 2, 28, tzinfo=UTC)
    assert expiry_id("lot-1") == expiry_id("lot-1") != expiry_id("lot-2")


@given(st.integers(0, 100_000), st.integers(0, 100_000))
def test_tiers_are_monotone_in_qualifying_points(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert tier_for(low).threshold <= tier_for(high).threshold


def test_the_default_tiers_and_purchase_points() -> None:
    assert [tier_for(p).key for p in (0, 999, 1_000, 2_999, 3_000, 7_000, 14_999, 15_000)] == [
        "bronze", "bronze", "silver", "silver", "gold", "platinum", "platinum", "diamond",
    ]
    # 1 point per ฿10 paid, times the multiplier, rounded down: ฿1,234.50 paid.
    assert [purchase_points(123_450, t) for t in DEFAULT_TIERS] == [123, 185, 246, 308, 370]
    assert purchase_points(999, DEFAULT_TIERS[0]) == 0 and purchase_points(-5_000, DEFAULT_TIERS[0]) == 0
    assert check_tiers(DEFAULT_TIERS) is None


def test_tiers_that_overlap_or_earn_negatively_are_refused() -> None:
    assert check_tiers((Tier("a", 0, 5, 10), Tier("b", 0, 8, 15))) == "b must start above a"
    assert check_tiers((Tier("a", 100, 5, 10),)) == "the first tier starts at 0 points"
    assert check_tiers((Tier("a", 0, 5, -1),)) is not None


def test_points_a_refund_took_back_are_a_spend_the_statement_also_names() -> None:
    refund = PointEntry("s0002", EntryKind.SPEND, 300, START + timedelta(days=3), source=PointsSource.REFUND)
    reward = PointEntry("s0003", EntryKind.SPEND, 200, START + timedelta(days=4), source=PointsSource.REWARD)
    statement = fold([earn(1, 1_000, 0), refund, reward], START + timedelta(days=5))
    assert (statement.balance, statement.spent, statement.refunded) == (500, 500, 300)
    assert statement.taken_back == [TakenBack(START + timedelta(days=3), 300)]
    assert fold([earn(1, 1_000, 0), refund, reward], START + timedelta(days=2)).taken_back == []
