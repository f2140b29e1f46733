"""Shared pieces of the sync benchmarks: real server processes, databases, operations.

Everything here is real: ``bnaura server`` runs as its own process
(``python -m bnaura_desk.cli server``, uvicorn on 127.0.0.1), over a SQLite
file or over PostgreSQL in a schema of its own with the two roles of
production (tests/sync/conftest.py): an owner role that migrates and runs
the admin work, and a serving role the server process runs as, so
row-level security binds it and costs what it costs in production.
Operations are built exactly as a terminal's outbox writes them
(docs/sync-operations.md): canonical JSON payload with ``"format": 1``, its
SHA-256, a hybrid logical clock that sorts in clock order.
"""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import httpx
from sqlalchemy import func, select

from bnaura_desk.demo import CustomerFactory
from bnaura_desk.domain.customer import validate_customer
from bnaura_desk.domain.hlc import Hlc, tick
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.referral import make_code, new_device_tag
from bnaura_desk.services.customers import clinic_today
from bnaura_desk.store.types import canonical_json
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, Operation, PullResponse, PushResponse
from sync.server import admin
from sync.server.db import server_engine
from sync.server.models import AppliedOperation, SyncException
from sync.server.roles import grant_serving
from sync.server.schema import upgrade
from sync.server.scope import chain_sessions

REPO = Path(__file__).resolve().parents[1]
PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
DEFAULT_CACHE = Path("/tmp/bnaura-bench-cache")


def free_port() -> int:
    """Return a TCP port of 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def postgres_problem() -> str | None:
    """Return why PostgreSQL at ``PG_DSN`` cannot be used, or ``None`` when it can."""
    try:
        import psycopg

        with psycopg.connect(PG_DSN, connect_timeout=3) as conn:
            conn.execute("select 1")
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable"
        return f"{type(error).__name__}: {error}"
    return None


# The serving role and its URL of each owner URL ``postgres_database`` made.
SERVING_ROLES: dict[str, str] = {}
SERVING_URLS: dict[str, str] = {}


@contextmanager
def postgres_database() -> Iterator[str]:
    """Yield the owner's URL of a fresh PostgreSQL schema with an owner and a serving role; drop them after.

    A schema and roles per run, so runs never see each other's rows.
    ``migrate`` grants the serving role, and ``ServerProcess`` serves as it.
    """
    import psycopg

    name = f"bnbench_{uuid.uuid4().hex[:12]}"
    serving = f"{name}_serving"
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN")
        conn.execute(f"CREATE ROLE {serving} LOGIN")
        conn.execute(f"CREATE SCHEMA {name} AUTHORIZATION {name}")
    url = f"postgresql+psycopg://{name}@127.0.0.1:5432/test?options=-csearch_path%3D{name}"
    SERVING_ROLES[url] = serving
    SERVING_URLS[url] = f"postgresql+psycopg://{serving}@127.0.0.1:5432/test?options=-csearch_path%3D{name}"
    try:
        yield url
    finally:
        del SERVING_ROLES[url], SERVING_URLS[url]
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            # A worker that has not exited yet would hold locks: end its sessions first.
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ANY(%s)",
                         ([name, serving],))
            conn.execute(f"DROP SCHEMA {name} CASCADE")
            for role in (serving, name):
                conn.execute(f"DROP OWNED BY {role}")
                conn.execute(f"DROP ROLE {role}")


def migrate(url: str) -> None:
    """Create or upgrade the server schema at ``url`` (as ``bnaura server migrate --serving-role`` does)."""
    engine = server_engine(url)
    try:
        upgrade(engine)
        if url in SERVING_ROLES:
            grant_serving(engine, SERVING_ROLES[url])
    finally:
        engine.dispose()


class ServerProcess:
    """A running ``bnaura server`` process on a free port of 127.0.0.1.

    Use as a context manager: started (and answering ``/health``) on entry,
    terminated on exit. Its output goes to ``log``. ``db_url`` is the
    owner's; on PostgreSQL the process serves as the schema's serving role.
    """

    def __init__(self, db_url: str, log: Path, *, workers: int = 1, rules: bool = False) -> None:
        self.db_url = SERVING_URLS.get(db_url, db_url)
        self.log = log
        self.workers = workers
        # With the tests' rule-governed operation types (bench/rules_server.py), one worker.
        self.rules = rules
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Self:
        out = open(self.log, "wb")  # lives as long as the process
        command = (
            [sys.executable, "-m", "bench.rules_server", "--db", self.db_url, "--port", str(self.port)]
            if self.rules else
            [sys.executable, "-m", "bnaura_desk.cli", "server", "--db", self.db_url, "--host", "127.0.0.1",
             "--port", str(self.port), "--workers", str(self.workers), "--log-level", "warning"]
        )
        self.process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
        out.close()
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited ({self.process.returncode}): {self.log.read_text()}")
            try:
                if httpx.get(f"{self.base_url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.process.kill()
                raise RuntimeError(f"the server did not answer /health within 60 s: {self.log.read_text()}")
            time.sleep(0.05)
        if self.workers > 1:
            # /health answered by the first worker up; give the others time to
            # import the app, so the first timed requests do not wait for them.
            time.sleep(1.0 + 0.5 * self.workers)
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# ---------------------------------------------------------------- the owner's commands


def add_clinic(url: str, name: str, clinic_id: str | None = None) -> str:
    """Add a clinic to the server database at ``url`` (what ``bnaura server clinics add`` does)."""
    engine = server_engine(url)
    try:
        with chain_sessions(engine)() as session:
            clinic = admin.add_clinic(session, name, datetime.now().astimezone(), clinic_id)
            session.commit()
            return clinic.id
    finally:
        engine.dispose()


def new_codes(url: str, clinic: str, n: int = 1) -> list[str]:
    """Make ``n`` one-time enrollment codes for ``clinic`` (name or id), as ``bnaura server enroll-code``."""
    engine = server_engine(url)
    try:
        with chain_sessions(engine)() as session:
            codes = [admin.new_enrollment_code(session, clinic, datetime.now().astimezone())[1].code for _ in range(n)]
            session.commit()
            return codes
    finally:
        engine.dispose()


def applied_count(url: str, device_id: str | None = None) -> int:
    """Return how many operations the server has applied (of one device, or of all)."""
    engine = server_engine(url)
    try:
        with chain_sessions(engine)() as session:
            query = select(func.count()).select_from(AppliedOperation)
            if device_id is not None:
                query = query.where(AppliedOperation.device_id == device_id)
            return int(session.execute(query).scalar_one())
    finally:
        engine.dispose()


def exception_count(url: str) -> dict[str, int]:
    """Return how many exceptions of each kind the server raised (all clinics)."""
    engine = server_engine(url)
    try:
        with chain_sessions(engine)() as session:
            rows = session.execute(select(SyncException.kind, func.count()).group_by(SyncException.kind))
            return {kind: int(n) for kind, n in rows}
    finally:
        engine.dispose()


def enroll_device(base_url: str, code: str, name: str, clinic_id: str | None = None) -> tuple[str, str]:
    """Enroll a new device over HTTP with ``code``; return (device id, token)."""
    device_id = uuid7()
    body = {"protocol": PROTOCOL_VERSION, "code": code, "device_id": device_id, "device_name": name,
            "clinic_id": clinic_id}
    response = httpx.post(f"{base_url}/v1/enroll", json=body, headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
                          timeout=30)
    response.raise_for_status()
    return device_id, str(response.json()["token"])


# ---------------------------------------------------------------- operations


def file_size(path: Path) -> int:
    """Return the bytes of a SQLite database with its WAL and shared-memory files."""
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


class DeviceOutbox:
    """Operations one simulated device writes, numbered and clocked like a terminal's outbox.

    Records come from the demo's ``CustomerFactory`` through the same
    validation as ``register_customer``, so payloads look like real ones
    (Thai names, E.164 phones, referral codes of the device's tag).
    """

    def __init__(self, device_id: str, clinic_id: str, factory: CustomerFactory, *, first_seq: int = 1) -> None:
        self.device_id = device_id
        self.clinic_id = clinic_id
        self.factory = factory
        self.seq = first_seq - 1
        self.last = Hlc(0, 0, device_id)
        self.tag = new_device_tag()
        self.referrals = 0
        self.customers: list[str] = []
        self.today = clinic_today(datetime.now().astimezone())

    def _op(self, type_: str, entity: str, entity_id: str, body: dict[str, Any]) -> Operation:
        self.seq += 1
        self.last = tick(self.last, int(time.time() * 1000), self.device_id)
        payload = canonical_json({"format": 1, **body})
        return Operation(
            device_id=self.device_id, seq=self.seq, op_id=uuid7(), clinic_id=self.clinic_id, type=type_,
            entity=entity, entity_id=entity_id, hlc=self.last.encode(), actor_id=None,
            payload=payload, payload_sha256=hashlib.sha256(payload.encode()).hexdigest(),
        )

    def register(self) -> Operation:
        """A ``customer.register`` of a new realistic customer."""
        profile = validate_customer(self.factory.make().form, self.today)
        record = {**profile.as_record(), "referral_code": make_code(self.tag, self.referrals)}
        self.referrals += 1
        customer_id = uuid7()
        self.customers.append(customer_id)
        return self._op("customer.register", "customer", customer_id, {"record": record})

    def update(self, n: int) -> Operation:
        """A ``customer.update`` of one of this device's customers (nickname and notes)."""
        customer_id = self.customers[n % len(self.customers)]
        return self._op("customer.update", "customer", customer_id,
                        {"fields": {"nickname": f"n{n}", "skin_notes": f"follow-up {n}: ผิวแห้งเล็กน้อย"}})

    def check_in(self, n: int) -> Operation:
        """A ``visit.check_in`` of one of this device's customers."""
        customer_id = self.customers[n % len(self.customers)]
        visit_id = uuid7()
        return self._op("visit.check_in", "visit", visit_id,
                        {"record": {"id": visit_id, "customer_id": customer_id,
                                    "at": datetime.now().astimezone().isoformat()}})


def push_body(device_id: str, operations: list[Operation]) -> bytes:
    """Return the JSON body of ``POST /v1/push`` (serialised ahead, so the timed client does little)."""
    import json

    return json.dumps({"protocol": PROTOCOL_VERSION, "device_id": device_id,
                       "operations": [op.model_dump() for op in operations]}).encode()


# ---------------------------------------------------------------- timing the sync client


@dataclass
class TimedTransport:
    """A ``Transport`` that forwards to ``client`` and adds up the time spent in each call.

    ``sync_once`` accepts any transport, so wrapping the real ``SyncClient``
    splits a round into network-and-server time and the terminal's own time
    without touching the engine.
    """

    client: Any
    push_s: float = 0.0
    pull_s: float = 0.0
    pushes: int = 0
    pulls: int = 0
    first_pull_at: float | None = None  # perf_counter when the push phase was over
    heads: list[int] = field(default_factory=list)

    def push(self, device_id: str, operations: list[Operation]) -> PushResponse:
        started = time.perf_counter()
        try:
            return self.client.push(device_id, operations)  # type: ignore[no-any-return]
        finally:
            self.push_s += time.perf_counter() - started
            self.pushes += 1

    def pull(self, after: int, limit: int) -> PullResponse:
        started = time.perf_counter()
        if self.first_pull_at is None:
            self.first_pull_at = started
        try:
            page: PullResponse = self.client.pull(after, limit)
            self.heads.append(page.head)
            return page
        finally:
            self.pull_s += time.perf_counter() - started
            self.pulls += 1
