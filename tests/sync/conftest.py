"""Fixtures for the server tests: a real ``bnaura server`` process over a real database.

``server`` is one uvicorn process per test session and database kind,
started with the command line (``python -m bnaura_desk.cli server ...``) on
a free port of 127.0.0.1: over a SQLite file, then over PostgreSQL in a
schema of its own (``bnaura_<random>``, dropped afterwards) with the two
roles of production: an owner role that owns the schema and migrates it
(``bnaura server migrate --serving-role``), and a serving role the server
process runs as, which owns nothing, so row-level security binds it.
``Server.engine``/``sessions`` connect as the owner (they see every clinic,
as the admin commands do). Tests share the process, so each one makes its
own clinics, terminals and source address (``X-Forwarded-For``, which the
server trusts from 127.0.0.1 because it is started with
``--forwarded-allow-ips 127.0.0.1``) and never depends on another's rows.

PostgreSQL: 127.0.0.1:5432, user postgres, database test. When it is not
reachable the PostgreSQL cases are skipped with how to run them; with
``CI=true`` they fail instead.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.services import customers
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import OutboxOperation
from bnaura_desk.terminal import Terminal
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, Operation
from sync.server import admin
from sync.server.cli import main as server_main
from sync.server.db import server_engine
from sync.server.scope import chain_sessions

REPO = Path(__file__).resolve().parents[2]
PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
PG_HOW_TO = (
    "PostgreSQL is not reachable at 127.0.0.1:5432 (user postgres, database test, trust auth). "
    "To run the PostgreSQL server tests start one, e.g. `docker run -p 5432:5432 "
    "-e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:15`; with CI=true they fail instead"
)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def postgres_problem() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_DSN, connect_timeout=3) as conn:
            conn.execute("select 1")
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable"
        return f"{type(error).__name__}: {error}"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def now() -> datetime:
    return datetime.now(UTC)


def new_address() -> str:
    """A source address of its own (sent as X-Forwarded-For): rate limits stay per test."""
    n = uuid.uuid4().int
    return f"10.{n % 250 + 1}.{(n >> 8) % 250 + 1}.{(n >> 16) % 250 + 1}"


@dataclass
class Enrolled:
    """A terminal enrolled on the server, with a client that carries its token."""

    terminal: Terminal
    device_id: str
    clinic_id: str
    token: str
    http: httpx.Client

    def operations(self, after: int = 0) -> list[Operation]:
        return outbox_operations(self.terminal, after)

    def push(self, operations: list[Operation], **extra: Any) -> httpx.Response:
        body = {"protocol": PROTOCOL_VERSION, "device_id": self.device_id,
                "operations": [op.model_dump() for op in operations], **extra}
        return self.http.post("/v1/push", json=body)

    def pull(self, after: int = 0, limit: int | None = None) -> httpx.Response:
        params = {"after": after} | ({"limit": limit} if limit is not None else {})
        return self.http.get("/v1/pull", params=params)

    def register(self, name: str, phone: str) -> str:
        form = CustomerForm(name_th=name, phone=phone)
        return str(self.terminal.run(customers.register_customer, form, actor=SYSTEM).result)


def outbox_operations(terminal: Terminal, after: int = 0) -> list[Operation]:
    """Return the terminal's outbox rows after ``after`` as protocol operations, in order."""
    rows = terminal.read(
        lambda s: list(s.scalars(select(OutboxOperation).where(OutboxOperation.seq > after).order_by(OutboxOperation.seq)))
    )
    return [
        Operation(
            device_id=r.device_id, seq=r.seq, op_id=r.op_id, clinic_id=r.chain_id, type=r.type,
            entity=r.entity, entity_id=r.entity_id, hlc=r.hlc, actor_id=r.actor_id,
            payload=r.payload, payload_sha256=r.payload_sha256,
        )
        for r in rows
    ]


class Server:
    """A running ``bnaura server`` process and a direct line to its database as the tables' owner.

    ``db_url`` is the owner's URL (what ``migrate`` and the admin commands
    take); ``serving_url`` the serving role's, which the process runs as
    (the same file on SQLite).
    """

    def __init__(
        self, kind: str, db_url: str, base_url: str, process: subprocess.Popen[bytes], tmp: Path,
        serving_url: str | None = None,
    ) -> None:
        self.kind = kind
        self.db_url = db_url
        self.serving_url = serving_url or db_url
        self.base_url = base_url
        self.process = process
        self.tmp = tmp
        self.engine: Engine = server_engine(db_url)
        self.sessions: sessionmaker[Session] = chain_sessions(self.engine)  # the owner: all clinics
        self._clients: list[httpx.Client] = []
        self._terminals: list[Terminal] = []
        self._n = 0

    def client(self, address: str | None = None, token: str | None = None, protocol: bool = True) -> httpx.Client:
        headers = {"X-Forwarded-For": address or new_address()}
        if protocol:
            headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        c = httpx.Client(base_url=self.base_url, headers=headers, timeout=30)
        self._clients.append(c)
        return c

    def add_clinic(self, name: str | None = None, clinic_id: str | None = None) -> str:
        self._n += 1
        with self.sessions() as session:
            clinic = admin.add_clinic(session, name or f"คลินิก {uuid.uuid4().hex[:8]}", now(), clinic_id)
            session.commit()
            return clinic.id

    def new_code(self, clinic_id: str) -> str:
        with self.sessions() as session:
            _, code = admin.new_enrollment_code(session, clinic_id, now())
            session.commit()
            return code.code

    def terminal(self, name: str = "POS-1") -> Terminal:
        self._n += 1
        folder = self.tmp / f"terminal-{uuid.uuid4().hex[:10]}"
        folder.mkdir()
        t = Terminal.create(folder / "t.sqlite", clinic_name=f"คลินิก {self._n}", device_name=name)
        self._terminals.append(t)
        return t

    def enroll_body(self, terminal: Terminal, code: str, *, claim_clinic: bool = True) -> dict[str, Any]:
        device = terminal.device()
        return {
            "protocol": PROTOCOL_VERSION, "code": code, "device_id": device.device_id,
            "device_name": device.device_name, "branch_id": device.branch_id if claim_clinic else None,
        }

    def enrolled(self, terminal: Terminal | None = None, *, clinic_id: str | None = None) -> Enrolled:
        """Enroll a terminal over HTTP: into its own clinic (adopted on the server), or ``clinic_id``."""
        terminal = terminal or self.terminal()
        own = terminal.device().chain_id
        if clinic_id is None:
            clinic_id = self.add_clinic(clinic_id=own)
        response = self.client().post(
            "/v1/enroll", json=self.enroll_body(terminal, self.new_code(clinic_id), claim_clinic=clinic_id == own)
        )
        assert response.status_code == 200, response.text
        body = response.json()
        return Enrolled(terminal, body["device_id"], body["chain_id"], body["token"], self.client(token=body["token"]))

    def close(self) -> None:
        for c in self._clients:
            c.close()
        for t in self._terminals:
            t.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.engine.dispose()


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def migrate(db_url: str, serving_role: str | None = None) -> None:
    """Create or upgrade the server schema with ``bnaura server migrate`` (as the owner on PostgreSQL)."""
    argv = ["migrate", "--db", db_url, *(["--serving-role", serving_role] if serving_role else [])]
    assert server_main(argv) == 0


def start_server(kind: str, db_url: str, tmp: Path, *, serving_url: str | None = None,
                 serving_role: str | None = None, forwarded_allow_ips: str | None = "127.0.0.1") -> Server:
    """Migrate ``db_url`` (the owner's) and start ``bnaura server`` on ``serving_url`` (default: the same).

    ``forwarded_allow_ips`` is the server's ``--forwarded-allow-ips`` (None:
    not given, so X-Forwarded-For is ignored and every test client is 127.0.0.1).
    """
    migrate(db_url, serving_role)  # SQLite: the command would migrate too; doing it here first keeps its start quick
    port = free_port()
    log = open(tmp / f"server-{kind}.log", "wb")  # noqa: SIM115 - lives as long as the process
    proxies = ["--forwarded-allow-ips", forwarded_allow_ips] if forwarded_allow_ips else []
    process = subprocess.Popen(
        [sys.executable, "-m", "bnaura_desk.cli", "server", "--db", serving_url or db_url, "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning", "--images", str(tmp / f"images-{kind}"), *proxies],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited ({process.returncode}): {(tmp / f'server-{kind}.log').read_text()}")
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("the server did not answer /health within 30 s")
        time.sleep(0.05)
    return Server(kind, db_url, base, process, tmp, serving_url)


@dataclass(frozen=True)
class PgRoles:
    """A PostgreSQL schema owned by ``owner``, and a ``serving`` role that owns nothing."""

    owner: str
    serving: str

    @property
    def owner_url(self) -> str:
        return pg_url(self.owner, self.owner)

    @property
    def serving_url(self) -> str:
        return pg_url(self.serving, self.owner)


def pg_url(role: str, schema: str) -> str:
    """Return the URL of ``role`` on the test database, its search_path the schema ``schema``."""
    return f"postgresql+psycopg://{role}@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"


def require_postgres() -> None:
    """Skip (locally) or fail (CI=true) when PostgreSQL is not reachable."""
    problem = postgres_problem()
    if problem is not None:
        (pytest.fail if in_ci() else pytest.skip)(f"{PG_HOW_TO}. ({problem})")


@contextmanager
def pg_roles(prefix: str = "bnaura") -> Iterator[PgRoles]:
    """Create an owner role with a schema of its own and a serving role; drop all three afterwards.

    Nothing is migrated or granted: ``bnaura server migrate --db OWNER
    --serving-role SERVING`` does that, as in production.
    """
    import psycopg

    tag = uuid.uuid4().hex[:12]
    roles = PgRoles(f"{prefix}_{tag}", f"{prefix}_{tag}_serving")
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {roles.owner} LOGIN")
        conn.execute(f"CREATE ROLE {roles.serving} LOGIN")
        conn.execute(f"CREATE SCHEMA {roles.owner} AUTHORIZATION {roles.owner}")
    try:
        yield roles
    finally:
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            # A server process that has not exited yet would hold locks: end its sessions first.
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ANY(%s)",
                         ([roles.owner, roles.serving],))
            conn.execute(f"DROP SCHEMA {roles.owner} CASCADE")
            for role in (roles.serving, roles.owner):
                conn.execute(f"DROP OWNED BY {role}")
                conn.execute(f"DROP ROLE {role}")


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A running server over a fresh SQLite file, then over a fresh PostgreSQL schema and its two roles."""
    tmp = tmp_path_factory.mktemp(f"server-{request.param}")
    if request.param == "sqlite":
        srv = start_server("sqlite", f"sqlite:///{tmp / 'server.sqlite'}", tmp)
        yield srv
        srv.close()
        return
    require_postgres()
    with pg_roles() as roles:
        srv = start_server("postgresql", roles.owner_url, tmp, serving_url=roles.serving_url,
                           serving_role=roles.serving)
        try:
            yield srv
        finally:
            srv.close()


@pytest.fixture
def enrolled(server: Server) -> Enrolled:
    """A fresh terminal enrolled into its own (adopted) clinic."""
    return server.enrolled()
