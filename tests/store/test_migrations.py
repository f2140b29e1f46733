"""Migrations: empty → head matches the models; upgrades keep data and back up first."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bnaura_desk.domain.errors import DatabaseProblem
from bnaura_desk.services.setup import init_database
from bnaura_desk.store.engine import open_engine
from bnaura_desk.store.migrate import current_revision, head_revision, upgrade
from bnaura_desk.store.models import Base
from bnaura_desk.terminal import Terminal


def _revision(path: Path) -> str | None:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_database_upgrades_to_exactly_the_models(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    report = init_database(path)
    assert (report.from_revision, report.to_revision, report.backup) == (None, head_revision(), None)
    db = open_engine(path)
    try:
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(ctx, Base.metadata)
        assert diffs == []
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_init_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    init_database(path)
    report = init_database(path)
    assert not report.changed and report.backup is None
    assert not (tmp_path / "backups").exists()


def _seed_0002(path: Path) -> None:
    """A database at revision 0002 with a clinic, a device, customers and a visit."""
    db = open_engine(path)
    try:
        upgrade(db.engine, path, to="0002")
    finally:
        db.close()
    con = sqlite3.connect(path)
    ts = "2026-01-02T03:04:05.000000Z"
    with con:
        con.execute(
            "INSERT INTO clinics VALUES ('c1', 'คลินิก', '', '', '00000', '', '', ?, ?, 'h', '{}', NULL)", (ts, ts)
        )
        con.execute("INSERT INTO device_state VALUES ('d1', 'c1', 'POS', '', 3, 'h', '2345', 2, ?)", (ts,))
        for i, (name, phone, code) in enumerate(
            [("สมหญิง ใจดี", "+66812345678", "2345AAAAA2"), ("Anna", "+66898765432", "2345BBBBB3")]
        ):
            con.execute(
                "INSERT INTO customers VALUES (?, 'c1', ?, '', '', ?, '', '', NULL, 'unspecified', '', "
                "'[\"sms\"]', NULL, NULL, 0, ?, ?, ?, 'h', '{}', NULL)",
                (f"cust{i}", name, phone, code, ts, ts),
            )
            con.execute("INSERT INTO customer_search_terms VALUES (?, ?)", (name.split()[0].casefold(), f"cust{i}"))
        con.execute("INSERT INTO visits VALUES ('v1', 'c1', 'cust0', ?, NULL, 'd1', 'h')", (ts,))
    con.close()
    assert _revision(path) == "0002"


def test_upgrade_from_0002_keeps_data_and_backs_up_first(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    _seed_0002(path)
    report = init_database(path)
    assert report.from_revision == "0002" and report.to_revision == head_revision()
    assert _revision(path) == head_revision()

    # The data survived, readable through the app.
    with Terminal.open(path) as t:
        from bnaura_desk.services.customers import get_customer, search_customers

        assert t.read(get_customer, "cust0").visit_count == 1
        assert [h.id for h in t.read(search_customers, "Anna")] == ["cust1"]
        assert t.device().last_seq == 3

    # The backup was taken before the migration: a valid database at 0002
    # holding the same customers, in a timestamped file beside the database.
    assert report.backup is not None and report.backup.parent == tmp_path / "backups"
    assert report.backup.name.startswith("clinic-") and report.backup.name.endswith("-0002.sqlite")
    con = sqlite3.connect(report.backup)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
        assert con.execute("SELECT count(*) FROM customers").fetchone()[0] == 2
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "catalog_items" not in tables
    finally:
        con.close()


def test_upgrade_keeps_triggers_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    _seed_0002(path)
    init_database(path)
    con = sqlite3.connect(path)
    try:
        triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert {"audit_log_no_update", "visits_no_delete", "consent_events_no_update", "outbox_frozen"} <= triggers
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_a_database_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    Terminal.create(path, clinic_name="A", device_name="POS").close()
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0999'")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = _file_digest(path)

    with pytest.raises(DatabaseProblem, match="newer version") as err:
        init_database(path)
    assert "0999" in str(err.value)
    with pytest.raises(DatabaseProblem, match="0999"):
        Terminal.open(path)

    assert _file_digest(path) == before
    assert _revision(path) == "0999"
    assert not (tmp_path / "backups").exists()


def test_an_older_database_is_upgraded_when_the_app_opens_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _seed_0002(path)
    with Terminal.open(path) as t:
        from bnaura_desk.services.customers import get_customer

        assert t.read(get_customer, "cust0").visit_count == 1
        assert t.device().last_seq == 3
    assert _revision(path) == head_revision()
    backups = list((tmp_path / "backups").glob("old-*-0002.sqlite"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
        assert con.execute("SELECT count(*) FROM customers").fetchone()[0] == 2
    finally:
        con.close()


def test_an_older_database_opened_read_only_is_not_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _seed_0002(path)
    with pytest.raises(DatabaseProblem, match="bnaura init"):
        Terminal.open(path, read_only=True)
    assert _revision(path) == "0002"
    assert not (tmp_path / "backups").exists()
