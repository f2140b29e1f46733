"""Ledgers are append-only at the database level; timestamps are aware UTC."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import StatementError

from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.services import customers as svc
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import AuditEntry
from bnaura_desk.store.types import UtcDateTime
from bnaura_desk.terminal import Terminal


@pytest.fixture
def ledgered(terminal: Terminal) -> sqlite3.Connection:
    """The terminal with one customer, a visit and a consent; a raw connection to it."""
    cid = terminal.run(svc.register_customer, CustomerForm(name_th="สมหญิง", phone="0812345678"), actor=SYSTEM).result
    terminal.run(svc.check_in, cid, actor=SYSTEM)
    terminal.run(svc.record_consent, cid, ConsentPurpose.MARKETING, True, actor=SYSTEM)
    terminal.close()  # release the writer lock; the raw connection plays the attacker
    con = sqlite3.connect(terminal.path, isolation_level=None)
    yield con
    con.close()


@pytest.mark.parametrize("table", ["audit_log", "visits", "consent_events"])
def test_ledger_rows_cannot_be_changed_or_deleted(ledgered: sqlite3.Connection, table: str) -> None:
    count = ledgered.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    assert count >= 1
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ledgered.execute(f"UPDATE {table} SET chain_id = chain_id")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ledgered.execute(f"DELETE FROM {table}")
    assert ledgered.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count


def test_outbox_cannot_be_deleted_or_rewritten(ledgered: sqlite3.Connection) -> None:
    rows = ledgered.execute("SELECT seq, payload FROM outbox ORDER BY seq").fetchall()
    assert len(rows) >= 4
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ledgered.execute("DELETE FROM outbox WHERE seq = 1")
    for column, value in [("payload", "'{}'"), ("payload_sha256", "'x'"), ("seq", "seq + 100"), ("hlc", "'0'"),
                          ("type", "'other'"), ("entity_id", "'x'")]:
        with pytest.raises(sqlite3.IntegrityError, match="cannot be rewritten"):
            ledgered.execute(f"UPDATE outbox SET {column} = {value} WHERE seq = 1")
    assert ledgered.execute("SELECT seq, payload FROM outbox ORDER BY seq").fetchall() == rows


def test_outbox_outcome_can_be_recorded(ledgered: sqlite3.Connection) -> None:
    ledgered.execute(
        "UPDATE outbox SET outcome = 'applied', outcome_detail = '{}', settled_at = '2026-11-23T03:00:00.000000Z' "
        "WHERE seq = 1"
    )
    assert ledgered.execute("SELECT outcome FROM outbox WHERE seq = 1").fetchone()[0] == "applied"


def test_customers_are_tombstoned_not_deleted_by_foreign_keys(ledgered: sqlite3.Connection) -> None:
    ledgered.execute("PRAGMA foreign_keys=ON")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        ledgered.execute("DELETE FROM customers")


def test_utc_column_refuses_naive_datetimes() -> None:
    col = UtcDateTime()
    with pytest.raises(ValueError, match="naive"):
        col.process_bind_param(datetime(2026, 1, 1, 12, 0), None)  # type: ignore[arg-type]


def test_utc_column_stores_utc_text_that_sorts() -> None:
    col = UtcDateTime()
    bangkok = timezone(timedelta(hours=7))
    stored = col.process_bind_param(datetime(2026, 1, 1, 10, 0, tzinfo=bangkok), None)  # type: ignore[arg-type]
    assert stored == "2026-01-01T03:00:00.000000Z"
    back = col.process_result_value(stored, None)  # type: ignore[arg-type]
    assert back == datetime(2026, 1, 1, 3, 0, tzinfo=UTC) and back.tzinfo is UTC
    later = col.process_bind_param(datetime(2026, 1, 1, 3, 0, 0, 1, tzinfo=UTC), None)  # type: ignore[arg-type]
    assert later is not None and stored < later


def test_a_naive_datetime_never_reaches_the_database(terminal: Terminal) -> None:
    def naive_write(ctx) -> None:  # type: ignore[no-untyped-def]
        ctx.session.add(
            AuditEntry(id="x", chain_id=ctx.chain_id, device_id="d", at=datetime(2026, 1, 1), action="a",
                       entity="e", entity_id="i")
        )
        ctx.session.flush()

    before = terminal.read(lambda s: s.query(AuditEntry).count())
    with pytest.raises(StatementError, match="naive"):
        terminal.run(naive_write, actor=SYSTEM)
    assert terminal.read(lambda s: s.query(AuditEntry).count()) == before
