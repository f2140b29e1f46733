"""The daily loyalty jobs in batches and from where they stopped: they write what one pass over everything writes.

``services.daily_jobs`` reads what is due a batch at a time and, after a
first run, looks only at rows added and lots fallen due since
(bench/RESULTS.md, "Nightly loyalty jobs"). What a member and the other
terminals see must not depend on either: the same expiries, birthday
points and tier changes, with the same ids, clocks and operations.
"""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.loyalty_program import DEFAULT_PROGRAM, Qualification
from bnaura_desk.domain.points import EntryKind, PointsSource, lot_expiry
from bnaura_desk.services import customers, daily_jobs, loyalty
from bnaura_desk.services import settings as settings_service
from bnaura_desk.services.context import SYSTEM, load_device
from bnaura_desk.store.models import LoyaltyJobMark, PointsEntry, PointsExpiry, TierChange
from bnaura_desk.terminal import Terminal
from tests.conftest import Staffed
from tests.services.test_loyalty_read import Rows, ledgers
from tests.services.test_points_folds import write_batch

# Columns made at random (uuid7) on every run: everything else must be equal.
RANDOM = {"outbox": ("op_id",), "audit_log": ("id",)}
WRITTEN = ("points_entries", "points_expiries", "tier_changes", "outbox", "audit_log", "device_state")


def _members(s: Staffed, count: int) -> list[str]:
    month = s.clock.now.month
    return [str(s.terminal.run(customers.register_customer, CustomerForm(
        name_th=f"สมาชิก {i}", phone=f"081{i:07d}", birthday=date(1990, month if i % 2 else month % 12 + 1, 1 + i)),
        actor=s.front_desk).result) for i in range(count)]


def _pulled(terminal: Terminal, member: str, points: int, at: datetime, n: int) -> None:
    """Add an earned lot as a pull from another terminal would: a row only, dated ``at``."""
    def add(session: Any) -> None:
        session.add(PointsEntry(id=f"0190aaaa-0000-7000-8000-{n:012d}", chain_id=terminal.chain().id,
                                customer_id=member, kind=str(EntryKind.EARN), points=points,
                                source=str(PointsSource.PURCHASE), reason="", at=at, expires_at=lot_expiry(at),
                                staff_id=None, hlc=f"{int(at.timestamp() * 1000):013d}.00000.other"))
        session.commit()
    terminal.read(add)


def _copy(terminal: Terminal, target: Path) -> Path:
    source = sqlite3.connect(terminal.path)
    copy = sqlite3.connect(target)
    source.backup(copy)
    copy.close()
    source.close()
    return target


def _written(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(path)
    out = {}
    for table in WRITTEN:
        names = [row[1] for row in con.execute(f"PRAGMA table_info({table})") if row[1] not in RANDOM.get(table, ())]
        out[table] = sorted(con.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall(), key=repr)
    con.close()
    return out


def _daily(path: Path, now: datetime) -> loyalty.DailyReport:
    with Terminal.open(path, clock=lambda: now) as terminal:
        report = terminal.run(loyalty.run_daily_jobs, actor=SYSTEM).result
        assert isinstance(report, loyalty.DailyReport)
        return report


def _forget_marks(path: Path) -> None:
    with Terminal.open(path) as terminal:
        terminal.read(lambda s: (s.execute(delete(LoyaltyJobMark)), s.commit()))


@pytest.fixture
def ledger(staffed: Staffed) -> tuple[Staffed, list[str]]:
    """Twelve members, half born in January, with lots of four ages; the daily jobs ran once, in June."""
    s = staffed
    s.clock.now = datetime(2026, 1, 10, 5, 0, tzinfo=UTC)
    members = _members(s, 12)
    for k in range(4):
        for i, member in enumerate(members):
            s.terminal.run(loyalty.adjust_points, member, 150 * (i + k) + 10, f"ย้ายแต้ม {k}", actor=s.manager)
        s.clock.advance(days=40)
    s.terminal.run(loyalty.run_daily_jobs, actor=SYSTEM)
    return s, members


def test_small_batches_write_what_one_batch_writes(ledger: tuple[Staffed, list[str]], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    s, members = ledger
    for i, member in enumerate(members[:6]):  # pulled from another branch: their tiers are the job's to record
        _pulled(s.terminal, member, 1_200 * (i + 1), s.clock.now - timedelta(days=1), 10 + i)
    now = datetime(2027, 1, 20, 13, 0, tzinfo=UTC)
    whole, batched = _copy(s.terminal, tmp_path / "whole.sqlite"), _copy(s.terminal, tmp_path / "batched.sqlite")
    first = _daily(whole, now)
    monkeypatch.setattr(daily_jobs, "BATCH", 2)
    monkeypatch.setattr(daily_jobs, "CHUNK", 3)
    assert _daily(batched, now) == first
    assert first.expired > 10 and first.birthdays == 6 and first.tier_changes > 3
    assert _written(batched) == _written(whole)
    assert _daily(batched, now) == loyalty.DailyReport(0, 0, 0)


def test_a_run_from_the_marks_writes_what_a_run_over_everything_writes(
    ledger: tuple[Staffed, list[str]], tmp_path: Path
) -> None:
    s, members = ledger
    # Since the last run: new lots here, a lot pulled late whose expiry is long past, a member crossing a tier.
    s.terminal.run(loyalty.adjust_points, members[0], 5_000, "โอนแต้ม", actor=s.manager)
    _pulled(s.terminal, members[1], 80, datetime(2025, 1, 5, 3, 0, tzinfo=UTC), 1)
    now = s.clock.now + timedelta(days=250)
    marked, whole = _copy(s.terminal, tmp_path / "marked.sqlite"), _copy(s.terminal, tmp_path / "whole.sqlite")
    _forget_marks(whole)
    report = _daily(marked, now)
    assert report == _daily(whole, now)
    assert _written(marked) == _written(whole)
    with Terminal.open(marked) as terminal:
        expired = terminal.read(lambda session: set(session.scalars(select(PointsExpiry.lot_id))))
    assert "0190aaaa-0000-7000-8000-000000000001" in expired


def test_a_lot_pulled_late_with_an_old_expiry_still_expires_after_a_run_with_nothing_to_do(
    ledger: tuple[Staffed, list[str]],
) -> None:
    s, members = ledger
    assert s.terminal.run(loyalty.run_daily_jobs, actor=SYSTEM).result == loyalty.DailyReport(0, 0, 0)
    _pulled(s.terminal, members[2], 60, s.clock.now - timedelta(days=500), 2)
    report = s.terminal.run(loyalty.run_daily_jobs, actor=SYSTEM).result
    assert report.expired == 1
    assert s.terminal.run(loyalty.run_daily_jobs, actor=SYSTEM).result == loyalty.DailyReport(0, 0, 0)


def test_points_dated_ahead_count_for_a_tier_once_their_time_comes(ledger: tuple[Staffed, list[str]]) -> None:
    s, members = ledger
    member = members[3]
    before = s.terminal.read(loyalty.points_summary, member, s.clock()).tier.key
    # Another terminal's clock an hour ahead: a lot dated after now arrives.
    _pulled(s.terminal, member, 20_000, s.clock.now + timedelta(hours=1), 3)
    assert s.terminal.run(loyalty.run_daily_jobs, actor=SYSTEM).result.tier_changes == 0
    s.clock.advance(hours=2)
    assert s.terminal.run(loyalty.run_daily_jobs, actor=SYSTEM).result.tier_changes == 1
    changes = s.terminal.read(lambda session: [(c.from_tier, c.to_tier) for c in session.scalars(
        select(TierChange).where(TierChange.customer_id == member).order_by(TierChange.at, TierChange.id))])
    assert changes[-1] == (before, "diamond")
    assert s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(LoyaltyJobMark))) == 2


PHONES = itertools.count(700_000)


def _recorded(s: Staffed, member: str) -> str:
    """The member's tier as last recorded (the lowest when none was)."""
    recorded = s.terminal.read(lambda session: list(session.scalars(
        select(TierChange.to_tier).where(TierChange.customer_id == member).order_by(*daily_jobs.recorded_order()))))
    return recorded[-1] if recorded else "bronze"


def _agree(s: Staffed, members: list[str]) -> None:
    now = s.clock.now
    shown = {m: s.terminal.read(loyalty.points_summary, m, now).tier.key for m in members}
    assert {m: _recorded(s, m) for m in members} == shown
    # The many-members read (the task queue's tiers) gives each the tier points_summary shows.
    chain_id = s.terminal.read(lambda session: load_device(session).chain_id)
    many = s.terminal.read(loyalty.tiers_now, chain_id, members, now)
    assert {m: tier.key for m, tier in many.items()} == shown


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ledgers, min_size=1, max_size=3), st.lists(ledgers, min_size=1, max_size=3), st.booleans())
def test_the_nightly_job_and_note_tier_record_the_tier_points_summary_shows(
    staffed: Staffed, first: list[Rows], second: list[Rows], rolling: bool
) -> None:
    # Ledgers with earned lots, spends on rewards and refunds' take-backs, arriving in two nights (the
    # second night's rows after the job's mark); between them, a use case notes one member's tier.
    s = staffed
    qualification = Qualification.ROLLING if rolling else Qualification.LIFETIME
    s.terminal.run(settings_service.set_loyalty_program, replace(DEFAULT_PROGRAM, qualification=qualification),
                   actor=s.manager)
    members = [str(s.terminal.run(customers.register_customer, CustomerForm(
        name_th="สมศรี มีแต้ม", phone=f"08{next(PHONES):08d}"), actor=s.front_desk).result) for _ in first]
    base = s.clock() - timedelta(hours=12)
    for member, rows in zip(members, first, strict=False):
        write_batch(s, member, rows, base)
    s.terminal.run(loyalty.run_daily_jobs, actor=SYSTEM)
    _agree(s, members)
    for member, rows in zip(members, second, strict=False):
        write_batch(s, member, rows, base)
    s.terminal.run(lambda ctx: (loyalty.note_tier(ctx, members[0]), ctx.changes.build())[1], actor=SYSTEM)
    _agree(s, members[:1])
    s.terminal.run(loyalty.run_daily_jobs, actor=SYSTEM)
    _agree(s, members)
    # A run over everything, without the marks, finds nothing more to record.
    s.terminal.read(lambda session: (session.execute(delete(LoyaltyJobMark)), session.commit()))
    assert s.terminal.run(loyalty.run_daily_jobs, actor=SYSTEM).result.tier_changes == 0
