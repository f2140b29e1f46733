"""Sync between real SQLite terminals through the server's apply step, without HTTP.

``Loopback`` is a clinic server in-process: a real server SQLite database,
``sync.server.push.push`` for pushes and a small query for pulls. It plays
the part of ``SyncClient`` for ``sync_once`` (same ``push``/``pull``
methods), and can drop a response to simulate a lost answer. The other
client test modules import their helpers from here.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bnaura_desk.domain.changes import Kind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.setup import init_database
from bnaura_desk.services.sync_state import save_enrollment, set_up_enrolled_device, sync_state
from bnaura_desk.store.engine import open_engine
from bnaura_desk.store.models import AuditEntry, OutboxOperation
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.protocol import (
    PROTOCOL_VERSION,
    Change,
    Operation,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.server.apply import ApplyRefused
from sync.server.db import server_engine, session_factory
from sync.server.models import Device, Record, ServerBase, ServerBranch, ServerChain
from sync.server.push import push as server_push
from tests.conftest import FakeClock

START = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


class LostResponse(Exception):
    """The request reached the server, the answer never came back."""


class Refused(Exception):
    pass


@dataclass
class Loopback:
    """An in-process clinic server (one clinic) for terminals to sync with."""

    sessions: sessionmaker[Session]
    clinic_id: str
    clock: FakeClock
    drop_next_push_response: bool = False
    pushes: int = 0

    @classmethod
    def create(cls, path: Path, clinic_id: str, clinic_name: str, clock: FakeClock) -> Loopback:
        engine = server_engine(f"sqlite:///{path}")
        ServerBase.metadata.create_all(engine)
        sessions = session_factory(engine)
        with sessions() as s:
            s.add(ServerChain(id=clinic_id, name=clinic_name, created_at=clock(), last_cursor=0))
            s.flush()
            s.add(ServerBranch(id=clinic_id, chain_id=clinic_id, name=clinic_name, branch_no="00000",
                               created_at=clock()))
            s.commit()
        return cls(sessions, clinic_id, clock)

    def add_device(self, device_id: str, name: str) -> None:
        with self.sessions() as s:
            s.add(
                Device(
                    id=device_id, chain_id=self.clinic_id, branch_id=self.clinic_id, name=name,
                    token_sha256=hashlib.sha256(device_id.encode()).hexdigest(),
                    enrolled_at=self.clock(), next_seq=1,
                )
            )
            s.commit()

    # --- the Transport the engine calls ---------------------------------------------

    def push(self, device_id: str, operations: list[Operation]) -> PushResponse:
        from sync.client.http import error_for
        from sync.protocol import ErrorBody

        self.pushes += 1
        request = PushRequest(protocol=PROTOCOL_VERSION, device_id=device_id, operations=operations)
        try:
            response = server_push(self.sessions, device_id, request, self.clock)
        except ApplyRefused as refusal:
            # What the HTTP layer would answer: the ErrorBody, mapped to the client's error.
            body = ErrorBody(code=refusal.code, message=refusal.message, detail=refusal.detail)
            raise error_for(refusal.status, body) from None
        if self.drop_next_push_response:
            self.drop_next_push_response = False
            raise LostResponse()
        return response

    def pull(self, after: int, limit: int) -> PullResponse:
        with self.sessions() as s:
            rows = list(
                s.scalars(
                    select(Record)
                    .where(Record.chain_id == self.clinic_id, Record.cursor > after)
                    .order_by(Record.cursor)
                    .limit(limit + 1)
                )
            )
            more = len(rows) > limit
            rows = rows[:limit]
            changes = [
                Change(
                    cursor=r.cursor, entity=r.entity, entity_id=r.id, data=dict(r.data),
                    field_clocks=dict(r.field_clocks), hlc=r.hlc, deleted=r.deleted_at is not None,
                )
                for r in rows
            ]
            cursor = rows[-1].cursor if rows else after
            return PullResponse(changes=changes, cursor=cursor, more=more)

    # --- reading the server ---------------------------------------------------------------

    def record(self, entity: str, entity_id: str) -> Record | None:
        with self.sessions() as s:
            return s.get(Record, (self.clinic_id, entity, entity_id))


@dataclass
class Clinic:
    """A server and the terminals of one clinic, each with its own clock."""

    server: Loopback
    terminals: dict[str, Terminal]
    clocks: dict[str, FakeClock]

    def sync(self, name: str, **kw: object):  # type: ignore[no-untyped-def]
        return sync_once(self.terminals[name], self.server, **kw)  # type: ignore[arg-type]

    def sync_all(self, rounds: int = 2) -> None:
        for _ in range(rounds):
            for name in self.terminals:
                self.sync(name)


def make_first_terminal(path: Path, clock: FakeClock, name: str = "POS-1") -> Terminal:
    return Terminal.create(
        path, clinic_name="คลินิกทดสอบ", clinic_name_en="Test Clinic", device_name=name, clock=clock
    )


def make_joined_terminal(path: Path, server: Loopback, clock: FakeClock, name: str) -> Terminal:
    """An empty database set up as one more terminal of the server's clinic (as join_clinic does)."""
    from bnaura_desk.domain.ids import uuid7

    init_database(path)
    device_id = uuid7()
    server.add_device(device_id, name)
    db = open_engine(path)
    try:
        with Session(db.engine) as s:
            set_up_enrolled_device(
                s, device_id=device_id, chain_id=server.clinic_id, chain_name="คลินิกทดสอบ",
                branch_id=server.clinic_id, branch_name="คลินิกทดสอบ", branch_no="00000",
                device_name=name, server_url="loopback:", token="t", now=clock(),
            )
            s.commit()
    finally:
        db.close()
    return Terminal.open(path, clock=clock)


@pytest.fixture(name="clinic")
def clinic_fixture(tmp_path: Path) -> Iterator[Clinic]:
    """Terminal A (made the clinic, enrolled with its id) and B (joined), both synced once."""
    clocks = {"A": FakeClock(START), "B": FakeClock(START)}
    a = make_first_terminal(tmp_path / "a.sqlite", clocks["A"])
    dev = a.device()
    server = Loopback.create(tmp_path / "server.sqlite", dev.chain_id, "คลินิกทดสอบ", FakeClock(START))
    server.add_device(dev.device_id, dev.device_name)
    a.run(save_enrollment, "loopback:", "t", "คลินิกทดสอบ", actor=SYSTEM)
    b = make_joined_terminal(tmp_path / "b.sqlite", server, clocks["B"], "POS-2")
    c = Clinic(server, {"A": a, "B": b}, clocks)
    yield c
    for t in c.terminals.values():
        t.close()


def register(t: Terminal, name: str, phone: str, **kw: object) -> str:
    form = CustomerForm(name_th=name, phone=phone, **kw)  # type: ignore[arg-type]
    return t.run(customer_service.register_customer, form, actor=SYSTEM).result


def edit(t: Terminal, customer_id: str, **changes: object) -> None:
    details = t.read(customer_service.get_customer, customer_id)
    t.run(customer_service.update_customer, customer_id, details.form.with_changes(**changes), actor=SYSTEM)


def count(t: Terminal, model: type) -> int:
    return t.read(lambda s: s.execute(select(func.count()).select_from(model)).scalar_one())


def later(clock: FakeClock, seconds: float = 5) -> None:
    clock.advance(seconds=seconds)


# ---------------------------------------------------------------- tests of the loopback itself


def test_first_sync_pushes_the_clinic_and_the_joined_terminal_takes_its_profile(clinic: Clinic) -> None:
    report = clinic.sync("A")
    assert report.pushed == 1 and report.applied == 1  # branch.create
    assert clinic.server.record("branch", clinic.server.clinic_id) is not None
    report_b = clinic.sync("B")
    assert report_b.pushed == 0 and report_b.pulled == 1
    assert report_b.changes.ids(Kind.BRANCH) == {clinic.server.clinic_id}
    assert (clinic.terminals["B"].branch().name_th, clinic.terminals["B"].branch().name_en) == (
        "คลินิกทดสอบ", "Test Clinic"
    )


def test_pulled_changes_write_no_outbox_and_no_audit(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    register(a, "สมหญิง ใจดี", "081 234 5678")
    clinic.sync("A")
    outbox, audit = count(b, OutboxOperation), count(b, AuditEntry)
    report = clinic.sync("B")
    assert report.pulled >= 2
    assert (count(b, OutboxOperation), count(b, AuditEntry)) == (outbox, audit) == (0, 0)


def test_a_second_sync_with_nothing_new_changes_nothing(clinic: Clinic) -> None:
    register(clinic.terminals["A"], "สมหญิง ใจดี", "081 234 5678")
    clinic.sync_all()
    again = clinic.sync("B")
    assert (again.pushed, again.pulled) == (0, 0) and again.changes.empty


def test_a_pulled_visit_and_consent_keep_who_recorded_them_and_when(clinic: Clinic) -> None:
    from bnaura_desk.domain.roles import Role
    from bnaura_desk.services import staff as staff_service
    from bnaura_desk.services.context import Actor
    from bnaura_desk.store.models import ConsentEvent, Visit

    a, b = clinic.terminals["A"], clinic.terminals["B"]
    nid = a.run(staff_service.create_staff, "พี่นิด", Role.FRONT_DESK, "2580", actor=SYSTEM).result
    nid_actor = Actor(nid, "พี่นิด", Role.FRONT_DESK)
    cid = register(a, "สมหญิง ใจดี", "081 234 5678")
    later(clinic.clocks["A"], 60)
    visit_id = a.run(customer_service.check_in, cid, actor=nid_actor).result
    consent_id = a.run(customer_service.record_consent, cid, "marketing", True, actor=nid_actor).result
    clinic.sync_all()

    def visit(t: Terminal) -> tuple[object, ...]:
        v = t.read(lambda s: s.get(Visit, visit_id))
        return (v.staff_id, v.checked_in_at, v.device_id)

    def consent(t: Terminal) -> tuple[object, ...]:
        c = t.read(lambda s: s.get(ConsentEvent, consent_id))
        return (c.recorded_by_id, c.at, c.granted, c.purpose)

    assert visit(b) == visit(a) and visit(b)[0] == nid
    assert consent(b) == consent(a) and consent(b)[0] == nid


# ---------------------------------------------------------------- pages asked for ahead


class AheadLoopback(Loopback):
    """A ``Loopback`` that, like ``SyncClient``, can start a pull in a thread of its own (``pull_ahead``).

    ``events`` records, in the calling thread, each pull started ahead.
    """

    events: list[tuple[str, int]]
    _thread: ThreadPoolExecutor

    def pull_ahead(self, after: int, limit: int) -> Future[PullResponse]:
        self.events.append(("ahead", after))
        return self._thread.submit(self.pull, after, limit)


def _ahead(server: Loopback) -> AheadLoopback:
    ahead = AheadLoopback(server.sessions, server.clinic_id, server.clock)
    ahead.events, ahead._thread = [], ThreadPoolExecutor(1)
    return ahead


def test_the_next_page_is_asked_for_before_this_one_is_applied(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    ids = [register(a, f"ลูกค้า ล่วงหน้า{i}", f"08155500{i:02d}") for i in range(7)]
    clinic.sync("A")
    server = _ahead(clinic.server)
    progress: list[tuple[int, int]] = []
    try:
        report = sync_once(b, server, page=6, progress=lambda done, total: (  # type: ignore[arg-type]
            progress.append((done, total)), server.events.append(("applied", done))
        ))
    finally:
        server._thread.shutdown()
    assert report.pulled == 1 + 2 * len(ids) == 15  # the clinic, and 7 customers each with its welcome points
    assert {h.id for h in b.read(customer_service.search_customers, "ล่วงหน้า")} == set(ids)
    # Three pages of 6, the last one short. Each page's successor was asked for before the page
    # was applied; none after the last.
    assert server.events == [
        ("ahead", 0), ("ahead", 6), ("applied", 6), ("ahead", 12), ("applied", 12), ("applied", 15),
    ]
    assert progress[-1] == (15, 15)


def test_a_page_that_fails_to_apply_stops_the_round_and_its_successor_is_dropped(
    clinic: Clinic, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sync.client import engine

    a, b = clinic.terminals["A"], clinic.terminals["B"]
    for i in range(5):
        register(a, f"ลูกค้า พัง{i}", f"08166600{i:02d}")
    clinic.sync("A")
    real = engine.apply_changes
    calls: list[int] = []

    def second_page_fails(session, changes, now, **kw):  # type: ignore[no-untyped-def]
        calls.append(len(changes))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(session, changes, now, **kw)

    monkeypatch.setattr(engine, "apply_changes", second_page_fails)
    server = _ahead(clinic.server)
    try:
        with pytest.raises(RuntimeError, match="disk full"):
            sync_once(b, server, page=2)  # type: ignore[arg-type]
    finally:
        server._thread.shutdown()
    assert server.events == [("ahead", 0), ("ahead", 2), ("ahead", 4)]  # page 3 was asked for, never applied
    assert b.read(lambda s: sync_state(s).pull_cursor) == 2
    monkeypatch.setattr(engine, "apply_changes", real)
    feed = 1 + 2 * 5  # the clinic, and 5 customers each with its welcome points
    assert clinic.sync("B").pulled == feed - 2  # the round after goes on from the first page
    assert len(b.read(customer_service.search_customers, "พัง")) == 5


class AsyncAheadLoopback:
    """The loopback as an ``AsyncTransport`` whose ``pull_ahead`` is a task, as ``AsyncSyncClient``'s."""

    def __init__(self, server: Loopback) -> None:
        self.server = server
        self.tasks: list[asyncio.Task[PullResponse]] = []

    async def push(self, device_id: str, operations: list[Operation]) -> PushResponse:
        return self.server.push(device_id, operations)

    async def pull(self, after: int, limit: int) -> PullResponse:
        await asyncio.sleep(0)  # an answer comes later
        return self.server.pull(after, limit)

    def pull_ahead(self, after: int, limit: int) -> asyncio.Task[PullResponse]:
        task = asyncio.ensure_future(self.pull(after, limit))
        self.tasks.append(task)
        return task


def test_in_an_event_loop_pages_asked_for_ahead_are_tasks(
    clinic: Clinic, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from sync.client import engine
    from sync.client.engine import TerminalDatabase, sync_round

    a, b = clinic.terminals["A"], clinic.terminals["B"]
    for i in range(5):
        register(a, f"ลูกค้า งาน{i}", f"08177700{i:02d}")
    clinic.sync("A")
    transport = AsyncAheadLoopback(clinic.server)
    report = asyncio.run(sync_round(TerminalDatabase(b), transport, page=4))
    # The clinic, and 5 customers each with its welcome points: three pages of 4, the last one short.
    assert report.pulled == 1 + 2 * 5 and len(transport.tasks) == 3
    assert len(b.read(customer_service.search_customers, "งาน")) == 5

    # A page that fails: the task asked for ahead is cancelled, not left running.
    c = make_joined_terminal(tmp_path / "c.sqlite", clinic.server, FakeClock(START), "POS-3")
    try:
        monkeypatch.setattr(engine, "apply_changes", lambda *args, **kw: (_ for _ in ()).throw(RuntimeError("broken")))
        transport = AsyncAheadLoopback(clinic.server)

        async def round_then_settle() -> None:
            with pytest.raises(RuntimeError, match="broken"):
                await sync_round(TerminalDatabase(c), transport, page=2)
            await asyncio.sleep(0)

        asyncio.run(round_then_settle())
        assert len(transport.tasks) == 2 and transport.tasks[1].cancelled()
    finally:
        c.close()


class OldServerLoopback(Loopback):
    """A server from before larger pages: its pull route refuses a ``limit`` above 1,000 (422)."""

    limits: list[int]

    def pull(self, after: int, limit: int) -> PullResponse:
        from sync.client.http import error_for
        from sync.protocol import ErrorBody

        self.limits.append(limit)
        if limit > 1000:
            raise error_for(422, ErrorBody(code="invalid_request", message="limit: at most 1000"))
        return super().pull(after, limit)


def test_a_terminal_updated_before_its_server_pulls_pages_the_server_takes(clinic: Clinic) -> None:
    from sync.client.engine import OLD_MAX_PULL
    from sync.protocol import MAX_PULL

    a, b = clinic.terminals["A"], clinic.terminals["B"]
    register(a, "สมหญิง ใจดี", "081 234 5678")
    clinic.sync("A")
    old = OldServerLoopback(clinic.server.sessions, clinic.server.clinic_id, clinic.server.clock)
    old.limits = []
    report = sync_once(b, old)  # type: ignore[arg-type]
    # The clinic, the customer and its welcome points.
    assert report.pulled == 3 and old.limits == [MAX_PULL, OLD_MAX_PULL]
    assert len(b.read(customer_service.search_customers, "สมหญิง")) == 1
