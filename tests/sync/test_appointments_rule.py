"""The ``double_booking`` rule at apply time, through the real push (SQLite and PostgreSQL).

Two devices of one branch push appointments they booked offline: an
overlap of a beautician or a room is kept and reported once, naming both;
touching appointments, a cancelled one, a resend and an appointment moved
to another day raise nothing; a move onto a booked time does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sync.server.models import RuleMove

from .apply_support import (
    CLINIC_ID,
    Outbox,
    ServerDb,
    create_server_db,
    exceptions,
    new_id,
    postgres_schema,
    require_postgres,
    sqlite_url,
)

NID, JOY = new_id(), new_id()
CUSTOMER, FACIAL, ROOM1, ROOM2 = new_id(), new_id(), new_id(), new_id()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerDb]:
    if request.param == "sqlite":
        server = create_server_db(sqlite_url(tmp_path / "server.sqlite"), 2)
    else:
        require_postgres()
        schema = postgres_schema()
        url = schema.__enter__()
        request.addfinalizer(lambda: schema.__exit__(None, None, None))
        server = create_server_db(url, 2)
    yield server
    server.close()


@pytest.fixture
def boxes(db: ServerDb) -> list[Outbox]:
    """Two tills; the first has pushed the customer, the treatment and two rooms."""
    a, b = (Outbox(d) for d in db.device_ids)
    a.op("branch.create", "branch", CLINIC_ID, {"record": {"name_th": "สาขาสยาม"}})  # as a terminal's setup does
    a.register(CUSTOMER, {"name_th": "สมหญิง ใจดี"})
    a.op("catalog.create", "catalog_item", FACIAL, {"record": {"kind": "treatment", "name_th": "ทรีตเมนต์หน้าใส",
                                                               "price_satang": 150_000, "duration_minutes": 60}})
    for room, name in ((ROOM1, "ห้อง 1"), (ROOM2, "ห้อง 2")):
        a.op("room.create", "room", room, {"record": {"branch_id": CLINIC_ID, "name": name, "active": True}})
    results = db.push(a.device, a.ops).results
    assert all(r.outcome == "applied" for r in results), [r.model_dump() for r in results]
    return [a, b]


def book(box: Outbox, beautician: str, room: str, start: str, end: str) -> tuple[str, Any]:
    appointment = new_id()
    return appointment, box.op("appointment.book", "appointment", appointment, {"record": {
        "customer_id": CUSTOMER, "branch_id": CLINIC_ID, "item_id": FACIAL, "beautician_id": beautician,
        "room_id": room, "starts_at": f"2026-11-24T{start}:00+07:00", "ends_at": f"2026-11-24T{end}:00+07:00",
        "status": "booked", "journey_id": None, "note": "", "booked_by": None}})


def push(db: ServerDb, box: Outbox, ops: list[Any]) -> list[tuple[str, str]]:
    return [(r.outcome, r.reason) for r in db.push(box.device, ops).results]


def raised(db: ServerDb) -> list[dict[str, Any]]:
    with db.sessions() as s:
        return [dict(e.detail) for e in exceptions(s) if e.kind == "double_booking"]


def test_an_overlap_is_kept_and_reported_once_naming_both(db: ServerDb, boxes: list[Outbox]) -> None:
    a, b = boxes
    first, op1 = book(a, NID, ROOM1, "11:00", "12:00")
    touching, op2 = book(a, NID, ROOM1, "12:00", "13:00")
    assert push(db, a, [op1, op2]) == [("applied", ""), ("applied", "")]
    second, op3 = book(b, NID, ROOM2, "11:30", "12:30")
    assert push(db, b, [op3]) == [("applied", "")]
    [detail] = raised(db)
    assert [(c["resource"], c["appointment_id"]) for c in detail["conflicts"]] == [
        ("beautician", first), ("beautician", touching)]
    assert [a["appointment_id"] for a in detail["appointments"]] == [first, touching, second]
    assert detail["appointments"][0]["customer_name"] == "สมหญิง ใจดี"
    # A resend changes nothing and raises nothing more.
    assert push(db, b, [op3]) == [("duplicate", "applied")]
    assert len(raised(db)) == 1
    # The state is one row per appointment per beautician and room of the day.
    with db.sessions() as s:
        rows = s.scalars(select(RuleMove).where(RuleMove.scope.in_(("appt_beautician", "appt_room")))).all()
    assert sorted((r.scope, r.subject.split("#")[1], r.hlc) for r in rows if r.scope == "appt_beautician") == sorted(
        ("appt_beautician", "2026-11-24", x) for x in (first, touching, second))


def test_a_room_overlap_with_another_beautician_is_reported(db: ServerDb, boxes: list[Outbox]) -> None:
    a, b = boxes
    _, op1 = book(a, NID, ROOM1, "15:00", "16:00")
    push(db, a, [op1])
    _, op2 = book(b, JOY, ROOM1, "15:45", "16:45")
    push(db, b, [op2])
    [detail] = raised(db)
    assert [c["resource"] for c in detail["conflicts"]] == ["room"]


def test_cancelled_and_moved_away_appointments_free_their_time(db: ServerDb, boxes: list[Outbox]) -> None:
    a, b = boxes
    cancelled, op1 = book(a, NID, ROOM1, "11:00", "12:00")
    moved, op2 = book(a, NID, ROOM2, "14:00", "15:00")
    op3 = a.op("appointment.set_status", "appointment", cancelled, {"fields": {"status": "late_cancelled"}})
    op4 = a.op("appointment.move", "appointment", moved, {"fields": {
        "starts_at": "2026-11-25T14:00:00+07:00", "ends_at": "2026-11-25T15:00:00+07:00", "status": "moved"}})
    push(db, a, [op1, op2, op3, op4])
    _, op5 = book(b, NID, ROOM1, "11:00", "12:00")
    _, op6 = book(b, NID, ROOM2, "14:00", "15:00")
    push(db, b, [op5, op6])
    assert raised(db) == []
    # A move onto a booked time is reported.
    op7 = a.op("appointment.move", "appointment", moved, {"fields": {
        "starts_at": "2026-11-24T14:30:00+07:00", "ends_at": "2026-11-24T15:30:00+07:00", "status": "moved"}})
    push(db, a, [op7])
    [detail] = raised(db)
    assert detail["appointment_id"] == moved


def test_a_pair_that_stays_double_booked_is_reported_once(db: ServerDb, boxes: list[Outbox]) -> None:
    """A double booking is one report: later operations that keep the pair overlapping raise no second one.

    Regression: every operation on either appointment (a move within the
    overlap, marked done, a note, a stale move that lost by clock) raised
    ``double_booking`` again for the same pair. A pair that comes to overlap
    anew (after a cancellation is overridden, or a new appointment) is reported.
    """
    a, b = boxes
    first, op1 = book(a, NID, ROOM1, "11:00", "12:00")
    push(db, a, [op1])
    second, op2 = book(b, NID, ROOM2, "11:30", "12:30")
    push(db, b, [op2])
    assert len(raised(db)) == 1
    op3 = b.op("appointment.move", "appointment", second, {"fields": {
        "starts_at": "2026-11-24T11:45:00+07:00", "ends_at": "2026-11-24T12:45:00+07:00", "status": "moved"}})
    op4 = a.op("appointment.set_status", "appointment", first, {"fields": {"status": "done", "note": "เสร็จ"}})
    push(db, b, [op3])
    push(db, a, [op4])
    assert len(raised(db)) == 1
    # The room too, now: still the same pair, still one report.
    op5 = b.op("appointment.move", "appointment", second, {"fields": {"room_id": ROOM1, "status": "moved"}})
    push(db, b, [op5])
    assert len(raised(db)) == 1
    # A third appointment overlapping both: one report naming it and both others.
    third, op6 = book(a, JOY, ROOM1, "11:50", "12:10")
    push(db, a, [op6])
    details = raised(db)
    assert len(details) == 2
    assert sorted(c["appointment_id"] for c in details[1]["conflicts"]) == sorted([first, second])
    assert {x["appointment_id"] for x in details[1]["appointments"]} == {first, second, third}
    # Freed, then overlapping again: a new double booking, reported.
    op7 = b.op("appointment.set_status", "appointment", second, {"fields": {"status": "cancelled"}})
    op8 = b.op("appointment.set_status", "appointment", second, {"fields": {"status": "booked"}})
    push(db, b, [op7, op8])
    details = raised(db)
    assert len(details) == 3
    assert details[2]["appointment_id"] == second
    assert sorted(c["appointment_id"] for c in details[2]["conflicts"]) == sorted([first, first, third])
