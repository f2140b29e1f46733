"""Appointments booked offline on two terminals of a branch, over a real server (SQLite and PostgreSQL).

What a manager checks after the internet comes back: two tills that booked
the same beautician for overlapping times both keep their booking, and the
Exceptions screen names both appointments; a booking that overlaps nothing
raises nothing; a move that clears the overlap is not reported again;
another branch neither sees the branch's rooms and appointments nor can
book into them.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta

from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.dates import BANGKOK, bangkok_date
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import appointments, catalog, rooms, staff
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.appointments import Booking
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_exceptions import list_exceptions
from bnaura_desk.store.models import Appointment, Room
from bnaura_desk.terminal import Terminal
from sync.client.enroll import client_for
from sync.server.models import Record, SyncException

from .test_chain_branches import Chain, _op, _sync, chain  # noqa: F401  (a fixture)
from .test_refunds_sync import _sync_with_exception, siam_2  # noqa: F401  (a fixture)


def _count(t: Terminal, model: type) -> int:
    return int(t.read(lambda s: s.scalar(select(func.count()).select_from(model))))


def _exceptions(chain: Chain) -> list[SyncException]:  # noqa: F811
    with chain.server.sessions() as s:
        return list(s.scalars(select(SyncException).where(SyncException.chain_id == chain.chain_id,
                                                          SyncException.kind == "double_booking")))


def _set_up(chain: Chain, tills: tuple[Terminal, ...]) -> dict[str, str]:  # noqa: F811
    """Siam's beautician, two rooms, a 60-minute facial and two customers, known to every till."""
    siam = chain.siam
    made = {
        "nid": siam.run(staff.create_staff, "พี่นิด", Role.BEAUTICIAN, "7140", actor=SYSTEM).result,
        "room1": siam.run(rooms.create_room, "ห้อง 1", actor=SYSTEM).result,
        "room2": siam.run(rooms.create_room, "ห้อง 2", actor=SYSTEM).result,
        "facial": siam.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส",
                                                         price_satang=150_000, vat_exempt=True, duration_minutes=60),
                           actor=SYSTEM).result,
        "somying": siam.run(customer_service.register_customer,
                            CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"), actor=SYSTEM).result,
        "malee": siam.run(customer_service.register_customer,
                          CustomerForm(name_th="มาลี สวยงาม", phone="0823456789"), actor=SYSTEM).result,
    }
    for t in (siam, *tills):
        _sync(t)
    return made


def test_two_tills_booking_the_same_beautician_offline_both_stand_and_a_manager_is_told(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam = chain.siam
    m = _set_up(chain, (siam_2,))
    slot = siam.read(appointments.find_free_slot, m["facial"], m["nid"], _tomorrow(siam, 12))
    assert slot is not None and slot.starts_at == _tomorrow(siam, 12)
    # A booking that overlaps nothing raises nothing.
    early = siam.run(appointments.book, Booking(m["malee"], m["facial"], m["nid"], m["room1"],
                                                _tomorrow(siam, 10)), actor=SYSTEM).result
    _sync(siam)
    _sync(siam_2)
    assert _exceptions(chain) == []
    # The internet is down: each till books พี่นิด, half an hour apart, in different rooms.
    first = siam.run(appointments.book, Booking(m["somying"], m["facial"], m["nid"], m["room1"], slot.starts_at),
                     actor=SYSTEM).result
    second = siam_2.run(appointments.book, Booking(m["malee"], m["facial"], m["nid"], m["room2"],
                                                   slot.starts_at + timedelta(minutes=30)), actor=SYSTEM).result
    for t in (siam, siam_2, siam):
        _sync_with_exception(t)
    # Both bookings stand on both tills.
    for t in (siam, siam_2):
        kept = t.read(lambda s: sorted(s.scalars(select(Appointment.id).where(Appointment.status == "booked"))))
        assert kept == sorted([early, first, second])
    [raised] = _exceptions(chain)
    assert (raised.entity, raised.entity_id, raised.branch_id) == ("appointment", second, chain.branch_ids["siam"])
    detail = raised.detail
    assert [(c["resource"], c["resource_id"], c["appointment_id"]) for c in detail["conflicts"]] == [
        ("beautician", m["nid"], first)]
    assert [(a["appointment_id"], a["customer_name"]) for a in detail["appointments"]] == [
        (first, "สมหญิง ใจดี"), (second, "มาลี สวยงาม")]
    # The Exceptions screen of either till lists it, named after the customer of the later booking.
    for t in (siam, siam_2):
        [shown] = [e for e in t.read(list_exceptions) if e.kind == "double_booking"]
        assert (shown.entity_id, shown.subject_th) == (second, "มาลี สวยงาม")
    # The manager moves the later one to a free time: no new exception.
    later = siam.read(appointments.find_free_slot, m["facial"], m["nid"], slot.ends_at)
    siam.run(appointments.move, second, later.starts_at, actor=SYSTEM)
    _sync_with_exception(siam)
    assert len(_exceptions(chain)) == 1
    # A booking onto its new time, offline on the other till that has not pulled the move yet, is reported.
    siam_2.run(appointments.book, Booking(m["somying"], m["facial"], m["nid"], m["room1"], later.starts_at),
               actor=SYSTEM)
    _sync_with_exception(siam_2)
    assert len(_exceptions(chain)) == 2


def _tomorrow(t: Terminal, hour: int) -> datetime:
    """Return ``hour`` o'clock tomorrow in Bangkok, as the terminal's clock has it."""
    return datetime.combine(bangkok_date(t.clock()) + timedelta(days=1), time(hour), BANGKOK)


def test_another_branch_neither_sees_nor_books_into_the_branchs_rooms(chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    m = _set_up(chain, (thonglor,))
    slot = siam.read(appointments.find_free_slot, m["facial"], None, _tomorrow(siam, 11))
    booked = siam.run(appointments.book, Booking(m["somying"], m["facial"], m["nid"], m["room1"], slot.starts_at),
                      actor=SYSTEM).result
    _sync(siam)
    _sync(thonglor)
    # Thonglor knows the beautician and the customer (chain-wide) but none of Siam's rooms or bookings.
    assert (_count(thonglor, Room), _count(thonglor, Appointment)) == (0, 0)
    record = {"customer_id": m["somying"], "item_id": m["facial"], "beautician_id": m["nid"],
              "room_id": m["room1"], "starts_at": slot.starts_at.isoformat(), "ends_at": slot.ends_at.isoformat(),
              "status": "booked", "journey_id": None, "note": "", "booked_by": None}
    with client_for(thonglor) as client:
        seq = client.push(thonglor.device().device_id, []).next_seq
        forged = [
            # As Siam's own appointment.
            _op(thonglor, seq, "appointment.book", "appointment", str(uuid.uuid4()),
                {"record": {**record, "branch_id": chain.branch_ids["siam"]}}),
            # As Thonglor's, in a room of Siam's it cannot see.
            _op(thonglor, seq + 1, "appointment.book", "appointment", str(uuid.uuid4()),
                {"record": {**record, "branch_id": chain.branch_ids["thonglor"]}}),
            # Cancelling Siam's booking.
            _op(thonglor, seq + 2, "appointment.set_status", "appointment", booked,
                {"fields": {"status": "cancelled"}}),
        ]
        results = client.push(thonglor.device().device_id, forged).results
    assert [r.outcome for r in results] == ["rejected"] * 3
    assert [r.reason for r in results][:2] == ["foreign_record", "unknown_parent"]
    with chain.server.sessions() as s:
        kept = {r.id: r.data["status"] for r in s.scalars(select(Record).where(
            Record.chain_id == chain.chain_id, Record.entity == "appointment"))}
    assert kept == {booked: "booked"}
    assert _exceptions(chain) == []
