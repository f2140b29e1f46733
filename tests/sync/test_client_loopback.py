"""Sync between real SQLite terminals through the server's apply step, without HTTP.

``Loopback`` is a clinic server in-process: a real server SQLite database,
``sync.server.push.push`` for pushes and a small query for pulls. It plays
the part of ``SyncClient`` for ``sync_once`` (same ``push``/``pull``
methods), and can drop a response to simulate a lost answer. The other
client test modules import their helpers from here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
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
from bnaura_desk.services.sync_state import save_enrollment, set_up_enrolled_device
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
from sync.server.models import Device, Record, ServerBase, ServerClinic
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
            s.add(ServerClinic(id=clinic_id, name=clinic_name, created_at=clock(), last_cursor=0))
            s.commit()
        return cls(sessions, clinic_id, clock)

    def add_device(self, device_id: str, name: str) -> None:
        with self.sessions() as s:
            s.add(
                Device(
                    id=device_id, clinic_id=self.clinic_id, name=name,
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
                    .where(Record.clinic_id == self.clinic_id, Record.cursor > after)
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
            return s.get(Record, (entity, entity_id))


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
                s, device_id=device_id, clinic_id=server.clinic_id, clinic_name="คลินิกทดสอบ",
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
    server = Loopback.create(tmp_path / "server.sqlite", dev.clinic_id, "คลินิกทดสอบ", FakeClock(START))
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
    assert report.pushed == 1 and report.applied == 1  # clinic.create
    assert clinic.server.record("clinic", clinic.server.clinic_id) is not None
    report_b = clinic.sync("B")
    assert report_b.pushed == 0 and report_b.pulled == 1
    assert report_b.changes.ids(Kind.CLINIC) == {clinic.server.clinic_id}
    assert (clinic.terminals["B"].clinic().name_th, clinic.terminals["B"].clinic().name_en) == (
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
