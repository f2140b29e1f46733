"""The fold of a ledger read as the store keeps it (times as UTC text) is the fold of the same entries as datetimes.

``services.loyalty`` folds a member's rows without turning their times into
datetimes (``domain.points.fold_ordered`` with the store's text); the
balance, tier and history a member sees must be what ``fold`` gives.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from bnaura_desk.domain.points import (
    ORDER,
    RANK,
    EntryKind,
    Event,
    PointEntry,
    PointsSource,
    Statement,
    fold,
    fold_ordered,
    lot_expiry,
)
from bnaura_desk.store.types import utc_from_text, utc_text
from tests.domain.test_points import START, earn, expiries, ledgers, spend

ZONES = [UTC, timezone(timedelta(hours=7)), timezone(timedelta(hours=-5, minutes=-30))]


def stored(entries: list[PointEntry]) -> list[Event[str]]:
    """Return ``entries`` as ``services.loyalty`` reads them from the store, in the fold's order."""
    rows = [
        (utc_text(e.at), RANK[e.kind], e.id, e.points, utc_text(e.expires_at) if e.expires_at else None,
         e.lot_id if e.kind is EntryKind.EXPIRE else str(e.source) if e.source else None)
        for e in entries
    ]
    return sorted(rows, key=ORDER)


def seen(statement: Statement, soon: datetime) -> tuple[object, ...]:
    """Everything a member or a screen reads of a statement."""
    lots = [(lot.id, lot.earned_at, lot.expires_at, lot.points, lot.left, lot.expired) for lot in statement.lots]
    return (statement.at, lots, statement.debt, statement.lifetime_earned, statement.spent, statement.balance,
            statement.expiring_within(soon), statement.taken_back, statement.refunded)


def in_zone(entry: PointEntry, zone: timezone) -> PointEntry:
    """The same entry with its times written in another zone (the same instants)."""
    return PointEntry(entry.id, entry.kind, entry.points, entry.at.astimezone(zone),
                      entry.expires_at.astimezone(zone) if entry.expires_at else None, entry.lot_id, entry.source)


# Entries at any microsecond over three years (ties at one instant too), in any zone.
moments = st.one_of(
    st.integers(0, 3 * 365 * 24 * 3600 * 1_000_000).map(lambda us: START + timedelta(microseconds=us)),
    st.integers(0, 3 * 365).map(lambda day: START + timedelta(days=day)),  # many at the same instant
)


def entry(n: int, is_earn: bool, points: int, at: datetime, zone: timezone, refund: bool) -> PointEntry:
    if is_earn:
        return PointEntry(f"e{n:04d}", EntryKind.EARN, points, at.astimezone(zone), lot_expiry(at).astimezone(zone))
    # A spend on a reward, or points a refund took back (the fold notes those for tiers).
    source = PointsSource.REFUND if refund else PointsSource.REWARD
    return PointEntry(f"s{n:04d}", EntryKind.SPEND, points, at.astimezone(zone), source=source)


exact_ledgers = st.lists(
    st.tuples(st.booleans(), st.integers(1, 2_000), moments, st.sampled_from(ZONES), st.booleans()), max_size=40,
).map(lambda rows: [entry(n, *row) for n, row in enumerate(rows)])


@settings(max_examples=400, deadline=None)
@given(exact_ledgers, st.integers(0, 4 * 365), st.integers(0, 4 * 365), st.integers(0, 10**6),
       st.lists(st.integers(0, 39), max_size=3), st.integers(0, 40))
def test_the_stored_ledger_folds_as_the_entries_do(entries: list[PointEntry], job_day: int, day: int, micro: int,
                                                  orphans: list[int], pick: int) -> None:
    entries = entries + expiries(entries, START + timedelta(days=job_day))
    # Expiries that arrived by sync before their lot (or of a lot never seen here).
    entries += [PointEntry(f"x{n}", EntryKind.EXPIRE, 0, START + timedelta(days=n * 10), lot_id=f"gone{n}") for n in orphans]
    at = START + timedelta(days=day, microseconds=micro)
    if pick < len(entries):  # the very moment of an entry: it counts
        at = entries[pick].at
    soon = at + timedelta(days=30)
    expected = seen(fold(entries, at), soon)
    assert seen(fold_ordered(stored(entries), at, utc_text(at), utc_from_text), soon) == expected
    # The moment of the question, too, may be written in any zone.
    bangkok = at.astimezone(ZONES[1])
    assert seen(fold_ordered(stored(entries), bangkok, utc_text(bangkok), utc_from_text), soon)[1:] == expected[1:]


@settings(max_examples=200, deadline=None)
@given(ledgers, st.integers(0, 1_200))
def test_the_day_by_day_ledgers_fold_the_same_stored(entries: list[PointEntry], day: int) -> None:
    at = START + timedelta(days=day)
    entries = entries + expiries(entries, at)
    assert (seen(fold_ordered(stored(entries), at, utc_text(at), utc_from_text), at)
            == seen(fold(entries, at), at))


@settings(max_examples=300, deadline=None)
@given(st.datetimes(min_value=datetime(1000, 1, 1), timezones=st.sampled_from(ZONES)),
       st.datetimes(min_value=datetime(1000, 1, 1), timezones=st.sampled_from(ZONES)))
def test_the_stored_text_of_times_sorts_as_the_times_do(a: datetime, b: datetime) -> None:
    assert (utc_text(a) < utc_text(b)) == (a < b) and (utc_text(a) == utc_text(b)) == (a == b)
    assert utc_from_text(utc_text(a)) == a


def test_a_member_of_many_entries_at_the_same_instants() -> None:
    entries = [earn(i, 10, i // 7) if i % 3 else spend(i, 25, i // 7) for i in range(2_000)]
    entries += expiries(entries, START + timedelta(days=400))
    at = START + timedelta(days=500)
    assert seen(fold_ordered(stored(entries), at, utc_text(at), utc_from_text), at) == seen(fold(entries, at), at)
