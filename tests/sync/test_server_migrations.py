"""Server schema upgrades keep what was applied: 0003 backfills each device's last kept clock, 0006 makes
each clinic a chain of one branch.

On SQLite and on PostgreSQL as an ordinary role that owns its schema, so the
row-level security of 0002 binds the migration as it does in production (a
backfill that forgot to set the all-clinics scope would read no rows).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, select, text

from bnaura_desk.domain.hlc import Hlc
from sync.server.db import server_engine
from sync.server.models import Device
from sync.server.schema import (
    alembic_config,
    current_revision,
    head_revision,
    upgrade,
)
from sync.server.scope import chain_sessions

from .apply_support import BASE_MS
from .conftest import PG_DSN, in_ci, postgres_problem

CLINIC = str(uuid.UUID(int=1))
A, B, C = (str(uuid.UUID(int=n)) for n in (2, 3, 4))  # A: ops, one bounded; B: none; C: only a rejected one
WHEN = "2026-11-23T03:00:00.000000Z"  # UtcDateTime's text form


def _to(engine: Engine, revision: str, *, down: bool = False) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


@contextmanager
def _own_schema_role() -> Iterator[str]:
    """Yield a URL of an ordinary PostgreSQL role in a schema it owns (dropped afterwards)."""
    problem = postgres_problem()
    if problem is not None:
        (pytest.fail if in_ci() else pytest.skip)(f"PostgreSQL is not reachable: {problem}")
    import psycopg

    name = f"bnaura_m_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN")
        conn.execute(f"CREATE SCHEMA {name} AUTHORIZATION {name}")
    try:
        yield f"postgresql+psycopg://{name}@127.0.0.1:5432/test?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")
            conn.execute(f"DROP OWNED BY {name}")
            conn.execute(f"DROP ROLE {name}")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.sqlite'}"
        return
    with _own_schema_role() as pg_url:
        yield pg_url


def _clock(offset_ms: int, counter: int, node: str) -> str:
    return Hlc(BASE_MS + offset_ms, counter, node).encode()


def _seed_0002(engine: Engine) -> dict[str, str]:
    """Write a clinic and three devices at revision 0002; return the clocks 0003 must find."""
    sent_ahead = _clock(3_600_000, 4, A)  # bounded by the server to `bounded`
    bounded = _clock(300_000, 4, A)
    latest_plain = _clock(2_000, 0, A)
    ops: list[dict[str, Any]] = [
        {"device_id": A, "seq": 1, "hlc": _clock(1_000, 0, A), "outcome": "applied"},
        {"device_id": A, "seq": 2, "hlc": latest_plain, "outcome": "exception"},  # e.g. tombstoned
        {"device_id": A, "seq": 3, "hlc": sent_ahead, "outcome": "exception"},
        {"device_id": A, "seq": 4, "hlc": "zzzz-not-a-clock", "outcome": "rejected"},
        {"device_id": C, "seq": 1, "hlc": "zzzz-not-a-clock", "outcome": "rejected"},
    ]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT set_config('bnaura.clinic', '*', true)"))
        conn.execute(text("INSERT INTO clinics (id, name, created_at, last_cursor) VALUES (:id, 'c', :t, 0)"),
                     {"id": CLINIC, "t": WHEN})
        for n, dev in enumerate((A, B, C)):
            conn.execute(
                text("INSERT INTO devices (id, clinic_id, name, token_sha256, enrolled_at, next_seq) "
                     "VALUES (:id, :clinic, :name, :token, :t, 1)"),
                {"id": dev, "clinic": CLINIC, "name": f"POS-{n}", "token": f"{n:064d}", "t": WHEN},
            )
        for op in ops:
            conn.execute(
                text("INSERT INTO applied_operations (device_id, seq, clinic_id, op_id, type, entity, entity_id, "
                     "hlc, payload_sha256, outcome, reason, detail, applied_at) VALUES (:device_id, :seq, :clinic, "
                     ":op_id, 'customer.update', 'customer', 'x', :hlc, :sha, :outcome, '', '{}', :t)"),
                {**op, "clinic": CLINIC, "op_id": str(uuid.uuid4()), "sha": "0" * 64, "t": WHEN},
            )
        conn.execute(
            text("INSERT INTO sync_exceptions (id, clinic_id, kind, entity, entity_id, device_id, seq, detail, "
                 "created_at, note) VALUES (:id, :clinic, 'clock_ahead', 'customer', 'x', :dev, 3, :detail, :t, '')"),
            {"id": str(uuid.uuid4()), "clinic": CLINIC, "dev": A,
             "detail": f'{{"sent": "{sent_ahead}", "kept": "{bounded}"}}', "t": WHEN},
        )
    return {A: bounded, B: "", C: ""}


def _last_clocks_0005(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SET ROLE NONE"))
        return {str(d): str(h) for d, h in conn.execute(text("SELECT id, last_hlc FROM devices")).all()}


def _last_clocks(engine: Engine) -> dict[str, str]:
    with chain_sessions(engine)() as session:
        return {d.id: d.last_hlc for d in session.scalars(select(Device))}


def test_0003_backfills_each_devices_last_kept_clock_and_downgrades(url: str) -> None:
    engine = server_engine(url)
    try:
        _to(engine, "0002")
        expected = _seed_0002(engine)

        _to(engine, "0005")  # 0006 (chains) has no way back: a downgrade is a restored backup
        # A: the bounded clock it was given, not the far-ahead one it sent (nor a rejected
        # operation's malformed one); B and C: nothing kept yet.
        assert _last_clocks_0005(engine) == expected
        _to(engine, "0002", down=True)
        assert current_revision(engine) == "0002"
        before, after = upgrade(engine)
        assert (before, after) == ("0002", head_revision())
        assert _last_clocks(engine) == expected
    finally:
        engine.dispose()


def _tenant_tables() -> dict[str, str]:
    """Every server table that holds a clinic's rows, and its clinic column (from the models)."""
    from sync.server import enroll  # noqa: F401 - the throttle table is on the metadata
    from sync.server.models import ServerBase

    tables = {"chains": "id"}
    tables |= {name: "chain_id" for name, table in ServerBase.metadata.tables.items() if "chain_id" in table.c}
    return tables


def test_0004_binds_every_tenant_table_to_a_credential_and_downgrades(url: str) -> None:
    engine = server_engine(url)
    try:
        _to(engine, "0005")
        _to(engine, "0003", down=True)
        assert current_revision(engine) == "0003"
        if engine.dialect.name == "postgresql":
            with engine.connect() as conn:
                assert conn.scalar(text("SELECT count(*) FROM pg_proc WHERE proname LIKE 'bnaura\\_%' "
                                        "AND pronamespace = current_schema()::regnamespace")) == 0
                conn.rollback()
        assert upgrade(engine) == ("0003", head_revision())
        if engine.dialect.name == "postgresql":
            with engine.connect() as conn:
                for table in _tenant_tables():
                    forced = conn.execute(
                        text("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = to_regclass(:t)"),
                        {"t": table},
                    ).one()
                    assert tuple(forced) == (True, True), table
                    policies = dict(conn.execute(
                        text("SELECT policyname, coalesce(qual, '') || ' ' || coalesce(with_check, '') "
                             "FROM pg_policies WHERE tablename = :t AND schemaname = current_schema()"),
                        {"t": table},
                    ).all())
                    assert {"owner_rows", "chain_rows"} <= set(policies), table
                    # No policy reads a setting that names a clinic (or "*").
                    assert not any("bnaura.clinic" in rule or "'*'" in rule for rule in policies.values()), policies
                    # Branch-only rows: only the device's own branch sees them.
                    if table in ("records", "changes", "sync_exceptions"):
                        assert "bnaura_device_branch()" in policies["chain_rows"], policies
                # The cross-chain functions run as the owner and are not anybody's to call.
                acl = conn.execute(
                    text("SELECT proname, prosecdef, coalesce(proacl::text, '') FROM pg_proc "
                         "WHERE proname LIKE 'bnaura\\_%' AND pronamespace = current_schema()::regnamespace")
                ).all()
                assert {name for name, _, _ in acl} == {
                    "bnaura_device_chain", "bnaura_device_branch", "bnaura_enrolling_chain", "bnaura_enrolling_branch",
                    "bnaura_other_branch_ids", "bnaura_note_wrong_code",
                }
                assert all(definer and not any(entry.startswith("=") for entry in grants.strip("{}").split(","))
                           for _, definer, grants in acl), acl
                conn.rollback()
        # A chain of branches has no way back to clinics: a downgrade is a restored backup.
        with pytest.raises(NotImplementedError, match="restore the backup"):
            _to(engine, "0005", down=True)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_0006_makes_each_clinic_a_chain_of_one_branch_keeping_every_id_and_cursor(url: str) -> None:
    engine = server_engine(url)
    try:
        _to(engine, "0005")
        stock, customer = str(uuid.uuid4()), str(uuid.uuid4())
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO clinics (id, name, created_at, last_cursor) VALUES (:id, 'คลินิก', :t, 3)"),
                         {"id": CLINIC, "t": WHEN})
            # A clinic whose only terminal joined it empty: it never sent its profile.
            conn.execute(text("INSERT INTO clinics (id, name, created_at, last_cursor) VALUES (:id, 'ว่าง', :t, 0)"),
                         {"id": B, "t": WHEN})
            conn.execute(
                text("INSERT INTO devices (id, clinic_id, name, token_sha256, enrolled_at, next_seq, last_hlc) "
                     "VALUES (:id, :clinic, 'POS-1', :token, :t, 4, '')"),
                {"id": A, "clinic": CLINIC, "token": "1" * 64, "t": WHEN},
            )
            conn.execute(
                text("INSERT INTO enrollment_codes (id, clinic_id, code_sha256, created_at, expires_at, "
                     "failed_attempts) VALUES ('ABCD', :clinic, :sha, :t, :t, 0)"),
                {"clinic": CLINIC, "sha": "2" * 64, "t": WHEN},
            )
            for cursor, (entity, entity_id) in enumerate(
                (("clinic", CLINIC), ("customer", customer), ("stock", stock)), start=1
            ):
                conn.execute(
                    text("INSERT INTO records (clinic_id, entity, id, data, field_clocks, hlc, updated_at, cursor) "
                         "VALUES (:clinic, :entity, :id, :data, '{}', :hlc, :t, :cursor)"),
                    {"clinic": CLINIC, "entity": entity, "id": entity_id, "data": '{"name_th": "x"}',
                     "hlc": _clock(cursor, 0, A), "t": WHEN, "cursor": cursor},
                )
                conn.execute(text("INSERT INTO changes (clinic_id, cursor, entity, entity_id) "
                                  "VALUES (:clinic, :cursor, :entity, :id)"),
                             {"clinic": CLINIC, "cursor": cursor, "entity": entity, "id": entity_id})

        assert upgrade(engine) == ("0005", head_revision())

        with chain_sessions(engine)() as s:  # the owner: every row
            assert s.execute(text("SELECT id, name FROM chains ORDER BY id")).all() == [(CLINIC, "คลินิก"), (B, "ว่าง")]
            assert s.execute(text("SELECT id, chain_id, name, branch_no FROM branches ORDER BY id")).all() == [
                (CLINIC, CLINIC, "คลินิก", "00000"), (B, B, "ว่าง", "00000"),
            ]
            # The empty clinic's branch is in its feed (customers and visits name it), with the zero clock.
            seeded = s.execute(text("SELECT entity, cursor, hlc FROM records WHERE chain_id = :b AND entity = 'branch'"),
                               {"b": B}).one()
            assert (seeded.entity, seeded.cursor) == ("branch", 1) and seeded.hlc < _clock(0, 0, A)
            assert s.execute(text("SELECT id, chain_id, branch_id, next_seq FROM devices")).all() == [
                (A, CLINIC, CLINIC, 4)
            ]
            assert s.execute(text("SELECT chain_id, branch_id FROM enrollment_codes")).all() == [(CLINIC, CLINIC)]
            records = s.execute(text("SELECT entity, id, branch_id, cursor FROM records WHERE entity <> 'chain' "
                                     "AND chain_id = :c ORDER BY cursor"), {"c": CLINIC}).all()
            # The clinic's own record is its branch's; stock is branch-only; the customer the chain's.
            assert records == [("branch", CLINIC, None, 1), ("customer", customer, None, 2), ("stock", stock, CLINIC, 3)]
            feed = s.execute(text("SELECT cursor, entity, branch_id FROM changes WHERE entity <> 'chain' "
                                  "AND chain_id = :c ORDER BY cursor"), {"c": CLINIC}).all()
            assert feed == [(1, "branch", None), (2, "customer", None), (3, "stock", CLINIC)]
            # The feed goes on from where it was (a chain record, when declared, takes the next cursor).
            assert s.execute(text("SELECT last_cursor FROM chains WHERE id = :c"), {"c": CLINIC}).scalar_one() >= 3
    finally:
        engine.dispose()
