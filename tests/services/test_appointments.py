"""Appointments on a real SQLite terminal: booking, refusals that name the conflict, moves, cancellations, reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.appointments import AppointmentStatus
from bnaura_desk.domain.catalog import ItemKind
from bnaura_desk.domain.dates import BANGKOK
from bnaura_desk.domain.errors import BadInput, PermissionDenied
from bnaura_desk.domain.roles import Role
from bnaura_desk.domain.settings import LATE_CANCEL_HOURS_KEY
from bnaura_desk.services import appointments, rooms, settings, staff
from bnaura_desk.services.appointments import Booking
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import Appointment, OutboxOperation
from tests.conftest import Staffed
from tests.services.test_counter import item, member

# The fixture clock starts on Monday 23 November 2026, 10:00 in Bangkok.
TOMORROW = datetime(2026, 11, 24, tzinfo=BANGKOK)


def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
    return TOMORROW + timedelta(days=days, hours=hour, minutes=minute)


@dataclass
class Clinic:
    s: Staffed
    facial: str
    customer: str
    nid: str  # the fixture's beautician
    joy: str  # a second beautician
    room1: str
    room2: str


def english(error: Exception) -> str:
    return error.render(lambda _c, text: text)  # type: ignore[attr-defined, no-any-return]


@pytest.fixture
def clinic(staffed: Staffed) -> Clinic:
    s = staffed
    facial = item(s, ItemKind.TREATMENT, "ทรีทเมนต์หน้าใส", 350_000, vat_exempt=True, duration_minutes=60)
    joy = s.terminal.run(staff.create_staff, "พี่จอย", Role.BEAUTICIAN, "8251", actor=SYSTEM).result
    room1 = s.terminal.run(rooms.create_room, "ห้อง 1", actor=s.manager).result
    room2 = s.terminal.run(rooms.create_room, "ห้อง 2", actor=s.manager).result
    assert s.beautician.staff_id is not None
    return Clinic(s, facial, member(s), s.beautician.staff_id, joy, room1, room2)


def book(c: Clinic, starts_at: datetime, *, beautician: str | None = None, room: str | None = None) -> str:
    return str(c.s.terminal.run(appointments.book, Booking(c.customer, c.facial, beautician or c.nid,
                                                           room or c.room1, starts_at), actor=c.s.front_desk).result)


def count(c: Clinic) -> int:
    return int(c.s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(Appointment))))


def test_booking_takes_the_treatments_duration_and_journals_it(clinic: Clinic) -> None:
    c = clinic
    appointment_id = book(c, at(11))
    row = c.s.terminal.read(lambda session: session.get(Appointment, appointment_id))
    assert (row.starts_at, row.ends_at, row.status) == (at(11), at(12), "booked")
    op = c.s.terminal.read(lambda session: session.scalars(
        select(OutboxOperation).where(OutboxOperation.entity_id == appointment_id)).one())
    assert op.type == "appointment.book"


def test_a_double_booking_names_the_appointment_it_collides_with(clinic: Clinic) -> None:
    c = clinic
    book(c, at(11))
    with pytest.raises(BadInput) as error:
        book(c, at(11, 30), room=c.room2)  # same beautician
    assert english(error.value) == "พี่นิด is already booked for สมหญิง ใจดี from 24 Nov 2026 11:00 to 12:00"
    with pytest.raises(BadInput) as error:
        book(c, at(11, 45), beautician=c.joy)  # same room
    assert english(error.value).startswith("ห้อง 1 is already booked for สมหญิง ใจดี")
    assert count(c) == 1
    book(c, at(12))  # touching is not overlapping
    book(c, at(11, 30), beautician=c.joy, room=c.room2)
    assert count(c) == 3


def test_past_and_outside_hours_are_refused_and_nothing_is_written(clinic: Clinic) -> None:
    c = clinic
    with pytest.raises(BadInput, match="past"):
        book(c, at(9, days=-1))
    with pytest.raises(BadInput, match="open from 10:00 to 20:00"):
        book(c, at(19, 30))
    c.s.terminal.run(rooms.set_opening_hours, {"mon": ["09:00", "21:00"]}, actor=c.s.manager)
    with pytest.raises(BadInput, match="closed"):
        book(c, at(11))  # Tuesday: closed now
    book(c, at(20, days=6))  # next Monday, open until 21:00
    with pytest.raises(BadInput):
        c.s.terminal.run(rooms.set_opening_hours, {"mon": ["21:00", "09:00"]}, actor=c.s.manager)
    assert count(c) == 1


def test_a_beautician_sees_but_may_not_book(clinic: Clinic) -> None:
    c = clinic
    with pytest.raises(PermissionDenied):
        c.s.terminal.run(appointments.book, Booking(c.customer, c.facial, c.nid, c.room1, at(11)),
                         actor=c.s.beautician)
    book(c, at(11))
    view = c.s.terminal.read(appointments.day_view, c.s.terminal.device().branch_id, TOMORROW.date())
    assert [a.customer.th for a in view.appointments] == ["สมหญิง ใจดี"]


def test_moving_rechecks_and_a_move_onto_itself_is_fine(clinic: Clinic) -> None:
    c = clinic
    first = book(c, at(11))
    other = book(c, at(14), beautician=c.joy, room=c.room2)
    with pytest.raises(BadInput, match="พี่จอย is already booked"):
        c.s.terminal.run(appointments.move, first, at(14, 30), beautician_id=c.joy, actor=c.s.front_desk)
    c.s.terminal.run(appointments.move, first, at(11, 30), actor=c.s.front_desk)  # overlaps only itself
    row = c.s.terminal.read(lambda session: session.get(Appointment, first))
    assert (row.starts_at, row.ends_at, row.status) == (at(11, 30), at(12, 30), "moved")
    assert other


def test_cancellation_is_late_within_the_window(clinic: Clinic) -> None:
    c = clinic
    c.s.clock.advance(hours=2)  # 12:00 today
    soon = book(c, at(11))  # 23 hours ahead
    later = book(c, at(11, days=2))
    assert c.s.terminal.run(appointments.cancel, soon, "ลูกค้าติดธุระ", actor=c.s.front_desk).result == \
        AppointmentStatus.LATE_CANCELLED
    assert c.s.terminal.run(appointments.cancel, later, actor=c.s.front_desk).result == AppointmentStatus.CANCELLED
    with pytest.raises(BadInput, match="no longer open"):
        c.s.terminal.run(appointments.cancel, later, actor=c.s.front_desk)
    book(c, at(11))  # the slot is free again
    c.s.terminal.run(settings.set_chain_setting, LATE_CANCEL_HOURS_KEY, 72, actor=c.s.owner)
    third = book(c, at(11, days=2))
    assert c.s.terminal.run(appointments.cancel, third, actor=c.s.front_desk).result == \
        AppointmentStatus.LATE_CANCELLED


def test_a_no_show_only_once_it_started(clinic: Clinic) -> None:
    c = clinic
    appointment_id = book(c, at(11))
    with pytest.raises(BadInput, match="started"):
        c.s.terminal.run(appointments.mark_no_show, appointment_id, actor=c.s.front_desk)
    c.s.clock.advance(days=1, hours=1, minutes=15)  # 11:15 tomorrow
    c.s.terminal.run(appointments.mark_no_show, appointment_id, actor=c.s.front_desk)
    row = c.s.terminal.read(lambda session: session.get(Appointment, appointment_id))
    assert row.status == "no_show"


def test_next_free_slot_for_a_beautician_or_any(clinic: Clinic) -> None:
    c = clinic
    book(c, at(10))
    book(c, at(11), room=c.room2)
    book(c, at(10), beautician=c.joy, room=c.room2)
    find = appointments.find_free_slot
    nid = c.s.terminal.read(find, c.facial, c.nid, at(10))
    assert (nid.beautician_id, nid.starts_at) == (c.nid, at(12))
    anyone = c.s.terminal.read(find, c.facial, None, at(10))
    assert (anyone.beautician_id, anyone.room_id, anyone.starts_at) == (c.joy, c.room1, at(11))


def test_rooms_are_named_once_per_branch(clinic: Clinic) -> None:
    c = clinic
    with pytest.raises(BadInput, match="already has a room"):
        c.s.terminal.run(rooms.create_room, " ห้อง  1 ", actor=c.s.manager)
    with pytest.raises(PermissionDenied):
        c.s.terminal.run(rooms.create_room, "ห้อง 3", actor=c.s.front_desk)
    c.s.terminal.run(rooms.update_room, c.room2, active=False, actor=c.s.manager)
    with pytest.raises(BadInput, match="room of this branch"):
        book(c, at(11), room=c.room2)
