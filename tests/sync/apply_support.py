"""Helpers for the tests of the server's apply step (tests/sync/test_apply_*.py).

Real databases only: a SQLite file (the embedded server) or a PostgreSQL
schema of its own per test. Operations are built exactly as a terminal's
outbox writes them (docs/sync-operations.md): canonical JSON payload with
``"format": 1``, its SHA-256, an HLC text that sorts in clock order.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from bnaura_desk.domain.hlc import Hlc, tick
from bnaura_desk.domain.synced import REGISTRY, Registry
from bnaura_desk.store.types import canonical_json
from sync.protocol import PROTOCOL_VERSION, Operation, PushRequest, PushResponse
from sync.server.db import server_engine, session_factory
from sync.server.models import (
    AppliedOperation,
    ChangeEntry,
    Device,
    Record,
    ServerBase,
    ServerBranch,
    ServerChain,
    SyncException,
)
from sync.server.push import push
from sync.server.roles import grant_serving
from sync.server.rules import Rule
from sync.server.schema import upgrade
from sync.server.scope import chain_sessions, for_device

BASE_NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok
BASE_MS = int(BASE_NOW.timestamp() * 1000)

PG_HOW_TO = (
    "PostgreSQL is not reachable at 127.0.0.1:5432 (user postgres, database test, trust auth); "
    "start one (e.g. `docker run -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust "
    "-e POSTGRES_DB=test postgres:15`) to run these tests; with CI=true they fail instead of skipping"
)


def fixed_id(kind: int, n: int) -> str:
    """Return a deterministic 36-character id (same run, same ids: reproducible clocks)."""
    return f"{kind:08x}-0000-7000-8000-{n:012x}"


def derived_id(cause: str) -> str:
    """Return a deterministic uuid-shaped id of ``cause`` (like the terminal's uuid5 ids)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, cause))


def device_id(n: int) -> str:
    return fixed_id(0xD0, n)


CLINIC_ID = fixed_id(0xC1, 1)


class Clock:
    """A server clock tests drive; every call is a new instant."""

    def __init__(self, start: datetime = BASE_NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now


# --- databases --------------------------------------------------------------------------


@dataclass
class ServerDb:
    """A server database with one clinic and its enrolled devices.

    ``sessions`` see every clinic (on PostgreSQL they are the tables'
    owner's, as the admin commands); ``push`` runs as the server does: on
    PostgreSQL as the serving role, acting for the pushing device's token,
    so row-level security binds the apply step.
    """

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    clinic_id: str
    device_ids: list[str]
    clock: Clock = field(default_factory=Clock)
    # The declarations and rules the server applies by (tests add operation types of their own).
    registry: Registry = REGISTRY
    rules: tuple[Rule, ...] | None = None
    _serving: Engine | None = field(default=None, repr=False)

    def serving_sessions(self) -> sessionmaker[Session]:
        """Return sessions as the serving role (on SQLite, over the same file)."""
        if self._serving is None:
            self._serving = server_engine(SERVING_URLS.get(self.url, self.url))
        return chain_sessions(self._serving)

    def restart(self) -> None:
        """Drop every connection and open the database again (a server restart)."""
        self.close()
        self.engine = server_engine(self.url)
        self.sessions = session_factory(self.engine)

    def push(self, device: str, operations: list[Operation], now: Callable[[], datetime] | None = None) -> PushResponse:
        request = PushRequest(protocol=PROTOCOL_VERSION, device_id=device, operations=operations)
        return push(for_device(self.serving_sessions(), device_token_sha256(device)), device, request,
                    now or self.clock, registry=self.registry, rules=self.rules)

    def close(self) -> None:
        self.engine.dispose()
        if self._serving is not None:
            self._serving.dispose()
            self._serving = None


def device_token_sha256(device: str) -> str:
    """Return the token hash ``add_clinic`` gives ``device`` (its token is ``token-<id>``)."""
    return hashlib.sha256(f"token-{device}".encode()).hexdigest()


def add_clinic(
    sessions: sessionmaker[Session], n_devices: int, now: datetime = BASE_NOW,
    clinic_id: str = CLINIC_ID, name: str = "คลินิกทดสอบ",
) -> list[str]:
    """Add a clinic and ``n_devices`` enrolled devices; return the device ids."""
    devices = [device_id(i + 1) if clinic_id == CLINIC_ID else str(uuid.uuid4()) for i in range(n_devices)]
    with sessions() as session:
        # A clinic of its own: a chain of one branch, both with one id.
        session.add(ServerChain(id=clinic_id, name=name, created_at=now, last_cursor=0))
        session.flush()  # no ORM relationship orders the inserts: the chain goes first
        session.add(ServerBranch(id=clinic_id, chain_id=clinic_id, name=name, branch_no="00000", created_at=now))
        session.flush()
        for i, dev in enumerate(devices):
            session.add(
                Device(
                    id=dev, chain_id=clinic_id, branch_id=clinic_id, name=f"POS-{i + 1}",
                    token_sha256=device_token_sha256(dev),
                    enrolled_at=now, next_seq=1,
                )
            )
        session.commit()
    return devices


def create_server_db(url: str, n_devices: int, *, create_schema: bool = True) -> ServerDb:
    """Create the server tables at ``url``, one clinic and ``n_devices`` devices.

    SQLite: the models' tables (``create_all``, quick). PostgreSQL (a URL
    of ``postgres_schema``): the migrations, run as the owner, and the
    serving role granted, as ``bnaura server migrate --serving-role`` does.
    """
    engine = server_engine(url)
    if create_schema and url in SERVING_ROLES:
        upgrade(engine)
        grant_serving(engine, SERVING_ROLES[url])
    elif create_schema:
        ServerBase.metadata.create_all(engine)
    sessions = session_factory(engine)
    devices = add_clinic(sessions, n_devices)
    return ServerDb(url, engine, sessions, CLINIC_ID, devices)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class SqliteTemplate:
    """A prepared server database file copied for each example (create_all once).

    Lives on tmpfs (/dev/shm) when there is one: the state machine makes
    thousands of databases and fsync on a disk would dominate the run.
    """

    def __init__(self, folder: Path, n_devices: int = 5) -> None:
        self.folder = folder
        self.path = folder / "template.sqlite"
        db = create_server_db(sqlite_url(self.path), n_devices)
        db.close()  # the last connection to close checkpoints the WAL into the file
        assert not Path(f"{self.path}-wal").exists()
        self.device_ids = db.device_ids
        self.count = 0

    def fresh(self) -> ServerDb:
        self.count += 1
        path = self.folder / f"server-{self.count}.sqlite"
        shutil.copyfile(self.path, path)
        url = sqlite_url(path)
        engine = server_engine(url)
        return ServerDb(url, engine, session_factory(engine), CLINIC_ID, list(self.device_ids))

    @staticmethod
    def remove(db: ServerDb) -> None:
        db.close()
        base = db.url.removeprefix("sqlite:///")
        for suffix in ("", "-wal", "-shm"):
            Path(base + suffix).unlink(missing_ok=True)


def fast_tmp_dir(fallback: Path) -> Path:
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        import tempfile

        return Path(tempfile.mkdtemp(prefix="bnaura-apply-", dir=shm))
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


# --- PostgreSQL --------------------------------------------------------------------------


def postgres_error() -> str | None:
    """Return why PostgreSQL cannot be used, or None when it can."""
    try:
        import psycopg

        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", connect_timeout=3) as conn:
            conn.execute("select 1")
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable"
        return f"{type(error).__name__}: {error}"
    return None


def require_postgres() -> None:
    """Skip (locally) or fail (CI=true) when PostgreSQL is not reachable."""
    error = postgres_error()
    if error is None:
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{PG_HOW_TO}. ({error})")
    pytest.skip(f"{PG_HOW_TO}. ({error})")


# The serving role and its URL of each owner URL ``postgres_schema`` made.
SERVING_ROLES: dict[str, str] = {}
SERVING_URLS: dict[str, str] = {}


@contextmanager
def postgres_schema() -> Iterator[str]:
    """Create a schema with its owner and serving roles; yield the owner's URL; drop them after.

    ``create_server_db`` migrates it as the owner and grants the serving
    role; ``ServerDb.push`` serves as that role.
    """
    from .conftest import pg_roles

    with pg_roles("s") as roles:
        SERVING_ROLES[roles.owner_url] = roles.serving
        SERVING_URLS[roles.owner_url] = roles.serving_url
        try:
            yield roles.owner_url
        finally:
            del SERVING_ROLES[roles.owner_url], SERVING_URLS[roles.owner_url]


# --- operations --------------------------------------------------------------------------


def make_operation(
    device: str, clinic_id: str, seq: int, type_: str, entity: str, entity_id: str,
    hlc: str, body: dict[str, Any], op_id: str | None = None,
) -> Operation:
    """Return a well-formed operation; ``body`` gets ``"format": 1``."""
    payload = canonical_json({"format": 1, **body})
    return Operation(
        device_id=device, seq=seq, op_id=op_id or str(uuid.uuid4()), clinic_id=clinic_id,
        type=type_, entity=entity, entity_id=entity_id, hlc=hlc, actor_id=None,
        payload=payload, payload_sha256=hashlib.sha256(payload.encode()).hexdigest(),
    )


def with_payload(op: Operation, body: dict[str, Any]) -> Operation:
    """Return ``op`` with another (well-formed, correctly hashed) payload."""
    payload = canonical_json({"format": 1, **body})
    return op.model_copy(update={"payload": payload, "payload_sha256": hashlib.sha256(payload.encode()).hexdigest()})


class Outbox:
    """One terminal's outbox: numbers its operations and ticks its clock."""

    def __init__(self, device: str, clinic_id: str = CLINIC_ID, wall_ms: int = BASE_MS) -> None:
        self.device = device
        self.clinic_id = clinic_id
        self.wall_ms = wall_ms
        self.last = Hlc(0, 0, device)
        self.ops: list[Operation] = []
        self._n = 0

    def next_hlc(self, advance_ms: int = 1) -> str:
        self.wall_ms += advance_ms
        self.last = tick(self.last, self.wall_ms, self.device)
        return self.last.encode()

    def op(self, type_: str, entity: str, entity_id: str, body: dict[str, Any], hlc: str | None = None,
           advance_ms: int = 1) -> Operation:
        self._n += 1
        op = make_operation(
            self.device, self.clinic_id, len(self.ops) + 1, type_, entity, entity_id,
            hlc or self.next_hlc(advance_ms), body, op_id=derived_id(f"op:{self.device}:{self._n}"),
        )
        self.ops.append(op)
        return op

    def register(self, customer: str, record: dict[str, Any], **kw: Any) -> Operation:
        """Register ``customer``; the fields a customer needs are made up when ``record`` lacks them."""
        needed = {"phone": "0800000000", "referral_code": customer.replace("-", "")[:10].upper()}
        return self.op("customer.register", "customer", customer, {"record": {"id": customer, **needed, **record}}, **kw)

    def update(self, customer: str, fields: dict[str, Any], **kw: Any) -> Operation:
        return self.op("customer.update", "customer", customer, {"fields": fields}, **kw)

    def delete(self, customer: str, **kw: Any) -> Operation:
        return self.op("customer.delete", "customer", customer, {}, **kw)

    def check_in(self, visit: str, record: dict[str, Any], **kw: Any) -> Operation:
        return self.op("visit.check_in", "visit", visit, {"record": {"id": visit, **record}}, **kw)

    def setting(self, key: str, value: Any, **kw: Any) -> Operation:
        return self.op("setting.set", "setting", key, {"fields": {"value": value}}, **kw)


def new_id() -> str:
    return str(uuid.uuid4())


# --- reading the server's state ----------------------------------------------------------


def applied_seqs(session: Session, device: str) -> list[int]:
    return list(session.scalars(select(AppliedOperation.seq).where(AppliedOperation.device_id == device).order_by(AppliedOperation.seq)))


def next_seq(session: Session, device: str) -> int:
    dev = session.get(Device, device)
    assert dev is not None
    return dev.next_seq


def record(session: Session, entity: str, entity_id: str) -> Record | None:
    return session.get(Record, (CLINIC_ID, entity, entity_id))


def exceptions(session: Session, clinic_id: str = CLINIC_ID) -> list[SyncException]:
    return list(session.scalars(select(SyncException).where(SyncException.chain_id == clinic_id).order_by(SyncException.created_at, SyncException.id)))


def check_change_feed(session: Session, clinic_id: str = CLINIC_ID) -> list[ChangeEntry]:
    """Assert the clinic's change feed is 1..last_cursor with no gap or duplicate, and
    that each record's cursor is its latest change; return the feed in cursor order."""
    feed = list(session.scalars(select(ChangeEntry).where(ChangeEntry.chain_id == clinic_id).order_by(ChangeEntry.cursor)))
    cursors = [c.cursor for c in feed]
    clinic = session.get(ServerChain, clinic_id)
    assert clinic is not None
    assert cursors == list(range(1, clinic.last_cursor + 1)), f"feed {cursors} vs last_cursor {clinic.last_cursor}"
    latest: dict[tuple[str, str], int] = {}
    for c in feed:
        latest[(c.entity, c.entity_id)] = c.cursor
    rows = {(r.entity, r.id): r.cursor for r in session.scalars(select(Record).where(Record.chain_id == clinic_id))}
    assert rows == latest, "each record's cursor must be its latest change and every record must be in the feed"
    return feed


def raw_rows(engine: Engine, sql: str, **params: Any) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(text(sql), params))


Pusher = Callable[[str, list[Operation]], PushResponse]
