"""The fold starts each spend past the lots already used up: the same statement as scanning every lot."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bnaura_desk.domain.points import EntryKind, Lot, PointEntry, fold
from tests.domain.test_points import START, earn, expiries, ledgers, spend


def scan_every_lot(entries: list[PointEntry], at: datetime) -> tuple[list[tuple[str, int, int]], int, int, int]:
    """The fold as first written: every spend scans the lots from the member's first one."""
    events = sorted(
        (e for e in entries if e.at <= at),
        key=lambda e: (e.at, {EntryKind.EARN: 0, EntryKind.SPEND: 1, EntryKind.EXPIRE: 2}[e.kind], e.id),
    )
    lots: dict[str, Lot] = {}
    debt = earned = 0
    for entry in events:
        if entry.kind is EntryKind.EARN:
            assert entry.expires_at is not None
            lot = Lot(entry.id, entry.at, entry.expires_at, entry.points, entry.points)
            earned += entry.points
            paid = min(debt, lot.left)
            lot.left -= paid
            debt -= paid
            lots[lot.id] = lot
        elif entry.kind is EntryKind.SPEND:
            wanted = entry.points
            for lot in lots.values():
                if lot.expires_at <= entry.at or lot.left == 0:
                    continue
                taken = min(lot.left, wanted)
                lot.left -= taken
                wanted -= taken
            debt += wanted
        else:
            gone = lots.get(entry.lot_id or "")
            if gone is not None and gone.expired == 0:
                gone.expired, gone.left = gone.left, 0
    return [(lot.id, lot.left, lot.expired) for lot in lots.values()], debt, earned, len(lots)


@settings(max_examples=400, deadline=None)
@given(ledgers, st.integers(0, 1_200), st.integers(0, 1_200))
def test_the_fold_gives_what_scanning_every_lot_gives(entries: list[PointEntry], job_day: int, day: int) -> None:
    entries = entries + expiries(entries, START + timedelta(days=job_day))
    at = START + timedelta(days=day)
    statement = fold(entries, at)
    lots, debt, earned, count = scan_every_lot(entries, at)
    assert [(lot.id, lot.left, lot.expired) for lot in statement.lots] == lots
    assert (statement.debt, statement.lifetime_earned, len(statement.lots)) == (debt, earned, count)


def test_a_member_of_many_small_spends() -> None:
    entries = [earn(i, 10, i // 3) if i % 3 else spend(i, 5, i // 3) for i in range(3_000)]
    statement = fold(entries, START + timedelta(days=2_000))
    lots, debt, earned, _count = scan_every_lot(entries, START + timedelta(days=2_000))
    assert [(lot.id, lot.left, lot.expired) for lot in statement.lots] == lots
    assert (statement.debt, statement.lifetime_earned) == (debt, earned)

