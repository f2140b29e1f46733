"""Two PostgreSQL roles: the owner migrates and administers, a serving role that owns nothing serves.

On the real PostgreSQL: serving as a superuser, a BYPASSRLS role, the
tables' owner or a member of its role is refused with how to set the roles
up; so is serving on a schema that is not at head, or without the grants.
The admin commands refuse the serving role. And the serving role, by raw
SQL, cannot see or change another clinic's rows whatever it sets by hand.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command

from bnaura_desk.cli import main
from sync.server.db import server_engine
from sync.server.schema import alembic_config

from .conftest import (
    PG_DSN,
    Enrolled,
    PgRoles,
    Server,
    migrate,
    pg_roles,
    pg_url,
    require_postgres,
    token_sha256,
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["server", *argv])
    out, err = capsys.readouterr()
    return code, out, err


STARTED: list[dict[str, Any]] = []


@pytest.fixture(autouse=True)
def no_listening(monkeypatch: pytest.MonkeyPatch) -> None:
    """``uvicorn.run`` only notes that the server would have started serving."""
    import uvicorn

    STARTED.clear()
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kw: STARTED.append(kw))


def _serve(capsys: pytest.CaptureFixture[str], url: str) -> tuple[int, str]:
    """Run ``bnaura server --db url`` in this process: 1 and its message when refused, 0 when it would serve."""
    code, _, err = _run(capsys, "--db", url)
    assert bool(STARTED) == (code == 0), err
    return code, err


@pytest.fixture(scope="module")
def roles() -> Iterator[PgRoles]:
    """A migrated schema, its owner and a granted serving role (the module's own)."""
    require_postgres()
    with pg_roles("bnaura_r") as made:
        migrate(made.owner_url, made.serving)
        yield made


@pytest.fixture
def extra_role(roles: PgRoles) -> Iterator[Any]:
    """Make roles for one test (``make(sql_options)`` returns a name); dropped afterwards."""
    made: list[str] = []

    def make(options: str = "") -> str:
        name = f"{roles.owner}_x{len(made)}"
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {name} LOGIN {options}")
        made.append(name)
        return name

    yield make
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        for name in made:
            conn.execute(f"DROP OWNED BY {name}")
            conn.execute(f"DROP ROLE {name}")


# --- who may serve ------------------------------------------------------------------------


def test_serving_as_a_superuser_is_refused_with_how_to_set_up_the_roles(
    roles: PgRoles, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _serve(capsys, pg_url("postgres", roles.owner))
    assert code == 1 and "Traceback" not in err
    assert "refusing to serve as PostgreSQL role 'postgres'" in err and "superuser" in err
    assert "CREATE ROLE bnaura_serving LOGIN" in err and "bnaura server migrate" in err and "--serving-role" in err


def test_serving_as_the_tables_owner_is_refused(roles: PgRoles, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _serve(capsys, roles.owner_url)
    assert code == 1
    assert f"refusing to serve as PostgreSQL role '{roles.owner}': it owns the server tables" in err
    assert "Two PostgreSQL roles" in err


def test_serving_as_a_member_of_the_owners_role_is_refused(
    roles: PgRoles, extra_role: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    member = extra_role(f"IN ROLE {roles.owner}")
    code, err = _serve(capsys, pg_url(member, roles.owner))
    assert code == 1 and "it owns the server tables" in err


def test_serving_as_a_bypassrls_role_is_refused(
    roles: PgRoles, extra_role: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    bypass = extra_role("BYPASSRLS")
    assert _run(capsys, "migrate", "--db", roles.owner_url, "--serving-role", bypass)[0] == 1  # not granted either
    code, err = _serve(capsys, pg_url(bypass, roles.owner))
    assert code == 1 and "BYPASSRLS" in err


def test_serving_as_a_role_without_grants_says_how_to_grant(
    roles: PgRoles, extra_role: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    bare = extra_role()
    code, err = _serve(capsys, pg_url(bare, roles.owner))
    assert code == 1
    assert f"bnaura server migrate --db OWNER_URL --serving-role {bare}" in err

    with psycopg.connect(PG_DSN, autocommit=True) as conn:  # some rights, not all
        conn.execute(f"GRANT USAGE ON SCHEMA {roles.owner} TO {bare}")
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {roles.owner} TO {bare}")
    code, err = _serve(capsys, pg_url(bare, roles.owner))
    assert code == 1 and f"role '{bare}' lacks" in err and "--serving-role" in err

    code, out, _ = _run(capsys, "migrate", "--db", roles.owner_url, "--serving-role", bare)
    assert code == 0 and "up to date" in out
    assert _serve(capsys, pg_url(bare, roles.owner))[0] == 0
    assert STARTED[0]["proxy_headers"] is False and STARTED[0]["forwarded_allow_ips"] is None


def test_serving_on_an_old_or_missing_schema_says_run_migrate(capsys: pytest.CaptureFixture[str]) -> None:
    require_postgres()
    with pg_roles("bnaura_o") as fresh:
        code, err = _serve(capsys, fresh.serving_url)
        assert code == 1 and "sees no server tables" in err and "bnaura server migrate" in err
        # Serving never migrates PostgreSQL: still no tables.
        with psycopg.connect(PG_DSN) as conn:
            assert conn.execute("SELECT to_regclass(%s)", (f"{fresh.owner}.chains",)).fetchone() == (None,)

        # An older schema (0005, before chains), the serving role able to read which it is.
        engine = server_engine(fresh.owner_url)
        try:
            cfg = alembic_config()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "0005")
            with engine.begin() as conn:
                conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {fresh.owner} TO {fresh.serving}")
                conn.exec_driver_sql(f"GRANT SELECT ON alembic_version TO {fresh.serving}")
        finally:
            engine.dispose()
        code, err = _serve(capsys, fresh.serving_url)
        assert code == 1
        assert "the server database has schema 0005" in err and "run bnaura server migrate --db OWNER_URL" in err
        code, _, err = _run(capsys, "clinics", "list", "--db", fresh.owner_url)  # admin commands do not migrate either
        assert code == 1 and "run bnaura server migrate" in err

        code, out, _ = _run(capsys, "migrate", "--db", fresh.owner_url, "--serving-role", fresh.serving)
        assert code == 0 and "upgraded from 0005" in out
        assert _run(capsys, "clinics", "list", "--db", fresh.owner_url)[0] == 0


def test_admin_commands_and_migrate_refuse_the_serving_role(roles: PgRoles, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (("clinics", "list"), ("clinics", "add", "แอบ"), ("devices",), ("migrate",)):
        code, out, err = _run(capsys, *argv, "--db", roles.serving_url)
        assert code == 1 and out == "", argv
        assert f"role '{roles.serving}' does not own the server tables" in err and "Traceback" not in err


def test_migrate_will_not_grant_serving_to_the_owner_a_superuser_or_no_role(
    roles: PgRoles, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for role, words in ((roles.owner, "owns the tables"), ("postgres", "superuser"), ("nobody_at_all", "no PostgreSQL role")):
        code, _, err = _run(capsys, "migrate", "--db", roles.owner_url, "--serving-role", role)
        assert code == 1 and words in err, err
    code, _, err = _run(capsys, "migrate", "--db", str(tmp_path / "s.sqlite"), "--serving-role", "x")
    assert code == 2 and "SQLite has no roles" in err


# --- what the serving role can reach by hand ----------------------------------------------


def _clinic_rows(conn: psycopg.Connection[Any], clinic_id: str) -> dict[str, int]:
    """Count the rows of ``clinic_id`` the connection sees in each tenant table."""
    from sync.server.models import ServerBase

    tenant = {"chains": "id"} | {name: "chain_id" for name, t in ServerBase.metadata.tables.items() if "chain_id" in t.c}
    assert {"records", "devices", "enrollment_codes", "changes"} <= set(tenant)
    counts = {}
    for table, column in tenant.items():
        row = conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = %s", (clinic_id,)).fetchone()
        assert row is not None
        counts[table] = row[0]
    return counts


def _refused(conn: psycopg.Connection[Any], sql: str, params: tuple[Any, ...] = ()) -> str:
    """Run ``sql`` in a savepoint; return the error it raised (the test fails if none)."""
    try:
        with conn.transaction():
            conn.execute(sql, params)
    except psycopg.Error as error:
        return str(error)
    raise AssertionError(f"the serving role was allowed: {sql}")


def _changed(conn: psycopg.Connection[Any], sql: str, params: tuple[Any, ...] = ()) -> int:
    with conn.transaction():
        return conn.execute(sql, params).rowcount


@pytest.fixture
def two_clinics(server: Server) -> tuple[Enrolled, Enrolled]:
    if server.kind != "postgresql":
        pytest.skip("row-level security is PostgreSQL's")
    a, b = server.enrolled(), server.enrolled()
    a.register("ลูกค้าเอ", "0866666671")
    b.register("ลูกค้าบี", "0866666672")
    assert a.push(a.operations()).status_code == 200
    assert b.push(b.operations()).status_code == 200
    return a, b


@pytest.mark.parametrize("server", ["postgresql"], indirect=True)
def test_the_serving_role_sees_no_other_clinic_whatever_it_sets(server: Server, two_clinics: tuple[Enrolled, Enrolled]) -> None:
    a, b = two_clinics
    dsn = server.serving_url.replace("postgresql+psycopg://", "postgresql://")
    hostile = ["*", "%", "", b.clinic_id, b.device_id, a.clinic_id, "' OR true --", token_sha256("*"), "true"]
    with psycopg.connect(dsn) as conn:
        assert sum(_clinic_rows(conn, b.clinic_id).values()) == 0  # nothing set: nothing seen
        for setting in ("bnaura.clinic", "bnaura.device", "bnaura.code", "bnaura.scope"):
            for value in hostile:
                conn.execute("SELECT set_config(%s, %s, false)", (setting, value))
                seen = _clinic_rows(conn, b.clinic_id)
                assert sum(seen.values()) == 0, (setting, value, seen)
                assert sum(_clinic_rows(conn, a.clinic_id).values()) == 0, (setting, value)
            conn.execute("SELECT set_config(%s, '', false)", (setting,))
        # What it needs to serve A (A's token hash, which it holds while serving A): A's rows, never B's.
        conn.execute("SELECT set_config('bnaura.device', %s, false)", (token_sha256(a.token),))
        assert _clinic_rows(conn, a.clinic_id)["records"] > 0
        assert sum(_clinic_rows(conn, b.clinic_id).values()) == 0
        conn.execute("SELECT set_config('bnaura.clinic', %s, false)", (b.clinic_id,))  # no effect
        assert sum(_clinic_rows(conn, b.clinic_id).values()) == 0
        conn.rollback()


@pytest.mark.parametrize("server", ["postgresql"], indirect=True)
def test_the_serving_role_cannot_write_another_clinics_rows_or_lift_the_policies(
    server: Server, two_clinics: tuple[Enrolled, Enrolled]
) -> None:
    a, b = two_clinics
    before = _owner_view(server, b.clinic_id)
    dsn = server.serving_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        conn.execute("SELECT set_config('bnaura.device', %s, false)", (token_sha256(a.token),))
        conn.execute("SELECT set_config('bnaura.clinic', '*', false)")
        assert "row-level security" in _refused(
            conn, "INSERT INTO records (entity, id, chain_id, data, field_clocks, hlc, updated_at, cursor) "
            "VALUES ('customer', %s, %s, '{}', '{}', '0', '2026-01-01T00:00:00.000000Z', 1)", (str(uuid.uuid4()), b.clinic_id))
        assert _changed(conn, "UPDATE records SET data = '{}' WHERE chain_id = %s", (b.clinic_id,)) == 0
        assert _changed(conn, "DELETE FROM changes WHERE chain_id = %s", (b.clinic_id,)) == 0
        assert _changed(conn, "UPDATE chains SET last_cursor = 0 WHERE id = %s", (b.clinic_id,)) == 0
        assert _changed(conn, "UPDATE devices SET last_seen_at = NULL WHERE chain_id = %s", (b.clinic_id,)) == 0
        # Moving its own rows into B is refused by the policies' checks.
        assert "row-level security" in _refused(conn, "UPDATE records SET chain_id = %s WHERE chain_id = %s", (b.clinic_id, a.clinic_id))
        # Columns and tables it has no right to change at all.
        for sql in ("UPDATE devices SET chain_id = %s", "UPDATE devices SET token_sha256 = %s",
                    "UPDATE enrollment_codes SET chain_id = %s", "UPDATE chains SET name = %s",
                    ("INSERT INTO enrollment_codes (id, chain_id, code_sha256, created_at, expires_at, failed_attempts) "
                     "VALUES ('ZZZZ', %s, 'x', 'x', 'x', 0)")):
            assert "permission denied" in _refused(conn, sql, (b.clinic_id,)), sql
        # The policies belong to the owner; so does its role.
        for sql in ("ALTER TABLE records NO FORCE ROW LEVEL SECURITY", "ALTER TABLE records DISABLE ROW LEVEL SECURITY",
                    "DROP POLICY chain_rows ON records", "CREATE POLICY mine ON records USING (true)",
                    f"SET ROLE {server.db_url.split('//')[1].split('@')[0]}"):
            error = _refused(conn, sql)
            assert "must be owner" in error or "permission denied" in error, (sql, error)
        with conn.transaction(force_rollback=True):  # the setting ends with this savepoint
            conn.execute("SET LOCAL row_security = off")
            assert "row-level security" in _refused(conn, "SELECT count(*) FROM records")
        # The one cross-clinic write: a wrong secret counted against a code of B, nothing else of B.
        conn.execute("SELECT bnaura_note_wrong_code(%s, %s)", ("ZZZZ", "2000-01-01T00:00:00.000000Z"))
        conn.rollback()
    assert _owner_view(server, b.clinic_id) == before
    pulled = b.pull()
    # B's own records (its branch's profile and customer), and its chain's name.
    assert pulled.status_code == 200 and len(pulled.json()["changes"]) == len(b.operations()) + 1


def _owner_view(server: Server, clinic_id: str) -> dict[str, Any]:
    """Return what the owner sees of ``clinic_id``: its record ids, feed and devices."""
    with psycopg.connect(server.db_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        return {
            "records": conn.execute("SELECT entity, id FROM records WHERE chain_id = %s ORDER BY entity, id",
                                    (clinic_id,)).fetchall(),
            "data": [r[0] for r in conn.execute("SELECT data::text FROM records WHERE chain_id = %s ORDER BY id", (clinic_id,))],
            "feed": conn.execute("SELECT count(*) FROM changes WHERE chain_id = %s", (clinic_id,)).fetchall(),
            "clinic": conn.execute("SELECT name, last_cursor FROM chains WHERE id = %s", (clinic_id,)).fetchall(),
            "devices": conn.execute("SELECT id, last_seen_at IS NULL FROM devices WHERE chain_id = %s", (clinic_id,)).fetchall(),
        }


@pytest.mark.parametrize("server", ["postgresql"], indirect=True)
def test_an_enrollment_code_shows_the_serving_role_only_what_enrolling_needs(server: Server) -> None:
    clinic = server.add_clinic()
    code = server.new_code(clinic)
    other = server.enrolled()
    other.register("ลูกค้า", "0866666673")
    assert other.push(other.operations()).status_code == 200
    normalised = code.replace("-", "")
    dsn = server.serving_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        conn.execute("SELECT set_config('bnaura.code', %s, false)", (hashlib.sha256(normalised.encode()).hexdigest(),))
        assert conn.execute("SELECT count(*) FROM enrollment_codes").fetchone() == (1,)  # its own row only
        assert conn.execute("SELECT id FROM chains").fetchall() == [(clinic,)]
        assert conn.execute("SELECT count(*) FROM records").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM devices").fetchone() == (0,)
        assert "row-level security" in _refused(
            conn, "INSERT INTO devices (id, chain_id, branch_id, name, token_sha256, enrolled_at, next_seq, last_hlc) "
            "VALUES (%s, %s, %s, 'x', %s, 'x', 1, '')", (str(uuid.uuid4()), other.clinic_id, other.clinic_id, "f" * 64))
        # Its own branch is all it may add a device to, not another branch of another chain.
        assert conn.execute("SELECT id FROM branches").fetchall() == [(clinic,)]
        conn.rollback()


@pytest.mark.parametrize("server", ["postgresql"], indirect=True)
def test_enroll_push_and_pull_work_as_the_serving_role(server: Server) -> None:
    a = server.enrolled()
    b = server.enrolled(clinic_id=a.clinic_id)  # a second terminal of the same clinic
    customer = a.register("ลูกค้าร่วม", "0866666674")
    assert a.push(a.operations()).status_code == 200

    page = b.pull()
    assert page.status_code == 200
    pulled = {c["entity_id"]: c for c in page.json()["changes"]}
    assert pulled[customer]["data"]["name_th"] == "ลูกค้าร่วม"
    with psycopg.connect(PG_DSN) as conn:  # the server process is connected as the serving role
        row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s",
                           (server.serving_url.split("//")[1].split("@")[0],)).fetchone()
        assert row is not None and row[0] > 0
