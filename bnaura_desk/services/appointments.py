"""Appointments: book a treatment with a beautician and a room, move it, cancel it, record a no-show.

A booking takes the treatment's duration (``catalog_items.duration_minutes``)
from its start, within the branch's opening hours (``services.rooms``), in
the future; a beautician or room already held for any of that time refuses
it, naming the appointment that holds it. The check and the write share the
use case's ``BEGIN IMMEDIATE`` transaction (``Terminal.run``), so two
bookings on one terminal, or on terminals sharing one database, cannot both
pass. Terminals working offline can: the server keeps both and raises
``double_booking`` (``sync.server.appointments``).

Reads: the day view of a branch (``day_view``) and the next free slot for a
treatment (``find_free_slot``). Front desk, sales and managers book
(``Permission.APPOINTMENT_BOOK``); everyone, beauticians included, reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain import settings as setting_rules
from ..domain.appointments import (
    HOLDS_TIME,
    OPEN,
    AppointmentStatus,
    Interval,
    SlotRefused,
    check_slot,
    first_free,
    is_late_cancellation,
)
from ..domain.changes import ChangeSet, Kind
from ..domain.dates import BANGKOK, InTwoLanguages, format_time
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.ids import uuid7
from ..domain.journeys import OPEN as JOURNEY_OPEN
from ..domain.journeys import Stage
from ..domain.roles import Permission, Role
from ..store.models import Appointment, CatalogItem, Customer, Journey, Room, Staff
from .context import ServiceContext, load_device, stamp_written
from .rooms import branch_hours, list_rooms
from .settings import effective_setting

_HOLDING = [str(s) for s in HOLDS_TIME]


@dataclass(frozen=True)
class Booking:
    """What the desk books: whom, which treatment, with whom, where and when (aware ``starts_at``)."""

    customer_id: str
    item_id: str
    beautician_id: str
    room_id: str
    starts_at: datetime
    note: str = ""
    journey_id: str | None = None


@dataclass(frozen=True)
class AppointmentCard:
    """An appointment as the day view shows it."""

    id: str
    customer_id: str
    customer: InTwoLanguages
    treatment: InTwoLanguages
    beautician_id: str
    beautician: str
    room_id: str
    room: str
    starts_at: datetime
    ends_at: datetime
    status: AppointmentStatus
    note: str = ""

    @property
    def holds_time(self) -> bool:
        return self.status in HOLDS_TIME


@dataclass(frozen=True)
class Resource:
    """A beautician or a room: a column of the day view."""

    id: str
    name: str


@dataclass(frozen=True)
class DayView:
    """A branch's day: its opening hours that day (None: closed), its beauticians and rooms, its appointments."""

    day: date
    window: Interval | None
    beauticians: tuple[Resource, ...]
    rooms: tuple[Resource, ...]
    appointments: tuple[AppointmentCard, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class FreeSlot:
    """A slot where a beautician and a room are both free for a treatment."""

    beautician_id: str
    room_id: str
    starts_at: datetime
    ends_at: datetime


def _iso(t: datetime) -> str:
    return t.astimezone(BANGKOK).isoformat()


def _customer_name(customer: Customer | None) -> InTwoLanguages:
    if customer is None:
        return InTwoLanguages("?")
    return InTwoLanguages(customer.name_th or customer.nickname or customer.phone, customer.name_en)


def late_cancel_hours(session: Session, chain_id: str, branch_id: str) -> int:
    """Return the late-cancellation window in force at ``branch_id``, in hours (24 unless set)."""
    value = effective_setting(session, chain_id, branch_id, setting_rules.LATE_CANCEL_HOURS_KEY)
    try:
        return setting_rules.late_cancel_hours_value(value)
    except BadInput:
        return setting_rules.LATE_CANCEL_HOURS_DEFAULT


def beauticians_of(session: Session, branch_id: str) -> list[Resource]:
    """Return the active beauticians who may work at ``branch_id``, by name."""
    rows = session.scalars(select(Staff).where(
        Staff.role == str(Role.BEAUTICIAN), Staff.active.is_(True), Staff.deleted_at.is_(None)
    ).order_by(Staff.display_name, Staff.id))
    return [Resource(s.id, s.display_name) for s in rows if not s.branch_ids or branch_id in s.branch_ids]


def _treatment_duration(session: Session, item_id: str) -> tuple[CatalogItem, timedelta]:
    item = session.get(CatalogItem, item_id)
    if item is None or not item.active:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This treatment is not in the catalog"))
    if item.kind != "treatment" or not item.duration_minutes:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "{item} has no duration to book; set it in the catalog first"),
                       field="item_id", item=InTwoLanguages(item.name_th, item.name_en))
    return item, timedelta(minutes=item.duration_minutes)


def _check_beautician(ctx: ServiceContext, beautician_id: str) -> Staff:
    staff = ctx.session.get(Staff, beautician_id)
    if (staff is None or staff.deleted_at is not None or not staff.active or staff.role != str(Role.BEAUTICIAN)
            or (staff.branch_ids and ctx.branch_id not in staff.branch_ids)):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Choose a beautician of this branch"), field="beautician_id")
    return staff


def _check_room(ctx: ServiceContext, room_id: str) -> Room:
    room = ctx.session.get(Room, room_id)
    if room is None or room.branch_id != ctx.branch_id or not room.active:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Choose a room of this branch that is in use"), field="room_id")
    return room


def _refuse_double_booking(
    ctx: ServiceContext, staff: Staff, room: Room, start: datetime, end: datetime, except_id: str | None
) -> None:
    """Raise ``BadInput`` naming the earliest appointment holding the beautician or the room for any of the time."""
    query = select(Appointment).where(
        Appointment.branch_id == ctx.branch_id, Appointment.status.in_(_HOLDING),
        Appointment.starts_at < end, Appointment.ends_at > start,
        or_(Appointment.beautician_id == staff.id, Appointment.room_id == room.id),
    ).order_by(Appointment.starts_at, Appointment.id)
    for other in ctx.session.scalars(query):
        if other.id == except_id:
            continue
        params: dict[str, Any] = {
            "customer": _customer_name(ctx.session.get(Customer, other.customer_id)),
            "start": other.starts_at, "end": format_time(other.ends_at),
        }
        if other.beautician_id == staff.id:
            raise SlotRefused(QT_TRANSLATE_NOOP("errors", "{beautician} is already booked for {customer}"
                                                       " from {start} to {end}"),
                           field="beautician_id", beautician=staff.display_name, **params)
        raise SlotRefused(QT_TRANSLATE_NOOP("errors", "{room} is already booked for {customer} from {start} to {end}"),
                       field="room_id", room=room.name, **params)


def book(ctx: ServiceContext, booking: Booking) -> ChangeSet:
    """Book ``booking``; result is the new appointment's id.

    A booking naming a journey (``Booking.journey_id``) schedules it: a
    journey at ``payment_confirmed`` moves to ``treatment_scheduled`` with
    the appointment and its beautician, in the same transaction.

    Raises:
        PermissionDenied: the actor may not book (a beautician may not).
        NotFound: the customer or treatment does not exist.
        BadInput: a treatment without a duration, a beautician or room not
            of this branch (or out of use), a start in the past or a slot
            outside the opening hours, or a beautician or room already held
            for any of the time (the message names that appointment's
            customer and time); a journey not of this branch, of another
            customer or closed; nothing is written.
    """
    ctx.require(Permission.APPOINTMENT_BOOK)
    customer = ctx.session.get(Customer, booking.customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer does not exist or was deleted"))
    _, duration = _treatment_duration(ctx.session, booking.item_id)
    staff = _check_beautician(ctx, booking.beautician_id)
    room = _check_room(ctx, booking.room_id)
    start = booking.starts_at
    end = start + duration
    check_slot(start, end, ctx.now, branch_hours(ctx.session, ctx.branch_id))
    _refuse_double_booking(ctx, staff, room, start, end, None)
    journey = _booked_journey(ctx, booking) if booking.journey_id is not None else None
    stamp = ctx.tick()
    appointment_id = uuid7()
    record: dict[str, Any] = {
        "customer_id": customer.id, "branch_id": ctx.branch_id, "item_id": booking.item_id,
        "beautician_id": staff.id, "room_id": room.id, "starts_at": _iso(start), "ends_at": _iso(end),
        "status": str(AppointmentStatus.BOOKED), "journey_id": booking.journey_id,
        "note": " ".join(booking.note.split())[:1000], "booked_by": ctx.actor_id,
    }
    row = Appointment(id=appointment_id, chain_id=ctx.chain_id, **{**record, "starts_at": start, "ends_at": end},
                      created_at=ctx.now, updated_at=ctx.now, hlc=stamp)
    stamp_written(row, record, stamp, ctx.now)
    ctx.session.add(row)
    ctx.journal(action="appointment.book", entity=Kind.APPOINTMENT, entity_id=appointment_id, after=record,
                payload={"record": record}, hlc=stamp)
    ctx.changes.add(Kind.CUSTOMER, customer.id)
    if journey is not None and journey.stage == Stage.PAYMENT_CONFIRMED:
        # Booked from its journey: the journey is scheduled with it, in this transaction.
        from .journeys import move_journey  # journeys import the counter's kin: kept out of this module's top

        move_journey(ctx, journey.id, Stage.TREATMENT_SCHEDULED, appointment_id=appointment_id,
                     beautician_id=staff.id)
    return ctx.changes.build(result=appointment_id)


def _booked_journey(ctx: ServiceContext, booking: Booking) -> Journey:
    """Return the journey a booking schedules; refuse one not of this branch and customer, or closed."""
    journey = ctx.session.get(Journey, booking.journey_id)
    if journey is None or journey.branch_id != ctx.branch_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such journey"), field="journey")
    if journey.customer_id != booking.customer_id:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This journey is another customer's"), field="journey")
    if Stage(journey.stage) not in JOURNEY_OPEN:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This journey is closed: reopen it before booking"),
                       field="journey")
    return journey


def _open_appointment(ctx: ServiceContext, appointment_id: str) -> Appointment:
    row = ctx.session.get(Appointment, appointment_id)
    if row is None or row.branch_id != ctx.branch_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This appointment is not one of this branch's"))
    if AppointmentStatus(row.status) not in OPEN:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This appointment is no longer open"), field="status")
    return row


def _write(ctx: ServiceContext, row: Appointment, action: str, fields: dict[str, Any]) -> None:
    """Set ``fields`` (record values) on ``row`` and journal them as ``action``."""
    before = {k: getattr(row, k) for k in fields}
    stamp = ctx.tick()
    for name, value in fields.items():
        setattr(row, name, datetime.fromisoformat(value) if name in ("starts_at", "ends_at") else value)
    stamp_written(row, fields, stamp, ctx.now)
    ctx.journal(action=action, entity=Kind.APPOINTMENT, entity_id=row.id,
                before={k: (_iso(v) if isinstance(v, datetime) else v) for k, v in before.items()},
                after=fields, payload={"fields": fields}, hlc=stamp)
    ctx.changes.add(Kind.CUSTOMER, row.customer_id)


def move(
    ctx: ServiceContext,
    appointment_id: str,
    starts_at: datetime,
    *,
    beautician_id: str | None = None,
    room_id: str | None = None,
) -> ChangeSet:
    """Move an open appointment to ``starts_at`` (same length), and to another beautician or room when given.

    Checked as a booking is (``book``), the appointment itself aside. Result
    is the appointment's id; its status becomes ``moved``.

    Raises:
        PermissionDenied, NotFound, BadInput: as ``book``; also an appointment
            no longer open (cancelled, a no-show, done).
    """
    ctx.require(Permission.APPOINTMENT_BOOK)
    row = _open_appointment(ctx, appointment_id)
    staff = _check_beautician(ctx, beautician_id or row.beautician_id)
    room = _check_room(ctx, room_id or row.room_id)
    end = starts_at + (row.ends_at - row.starts_at)
    check_slot(starts_at, end, ctx.now, branch_hours(ctx.session, ctx.branch_id))
    _refuse_double_booking(ctx, staff, room, starts_at, end, row.id)
    wanted = {"beautician_id": staff.id, "room_id": room.id, "starts_at": _iso(starts_at), "ends_at": _iso(end)}
    current = {"beautician_id": row.beautician_id, "room_id": row.room_id, "starts_at": _iso(row.starts_at),
               "ends_at": _iso(row.ends_at)}
    changed = {k: v for k, v in wanted.items() if current[k] != v}
    if not changed:
        return ctx.changes.build(result=row.id)
    _write(ctx, row, "appointment.move", {**changed, "status": str(AppointmentStatus.MOVED)})
    return ctx.changes.build(result=row.id)


def cancel(ctx: ServiceContext, appointment_id: str, reason: str = "") -> ChangeSet:
    """Cancel an open appointment; result is its new status.

    Cancelling within the late-cancellation window before its start (24
    hours unless the setting ``late_cancel_hours`` says otherwise) records
    a ``late_cancelled`` appointment, otherwise ``cancelled``. Either frees
    the beautician and the room. ``reason`` is added to the note.

    Raises:
        PermissionDenied: the actor may not book.
        NotFound: no such appointment at this branch.
        BadInput: it is no longer open.
    """
    ctx.require(Permission.APPOINTMENT_BOOK)
    row = _open_appointment(ctx, appointment_id)
    window = late_cancel_hours(ctx.session, ctx.chain_id, ctx.branch_id)
    late = is_late_cancellation(row.starts_at, ctx.now, window)
    status = AppointmentStatus.LATE_CANCELLED if late else AppointmentStatus.CANCELLED
    fields: dict[str, Any] = {"status": str(status)}
    text = " ".join(reason.split())
    if text:
        fields["note"] = (f"{row.note} · {text}" if row.note else text)[:1000]
    _write(ctx, row, "appointment.set_status", fields)
    return ctx.changes.build(result=status)


def mark_no_show(ctx: ServiceContext, appointment_id: str) -> ChangeSet:
    """Record that the customer did not come to an open appointment that has started; result is its id.

    Raises:
        PermissionDenied: the actor may not book.
        NotFound: no such appointment at this branch.
        BadInput: it is no longer open, or it has not started yet.
    """
    ctx.require(Permission.APPOINTMENT_BOOK)
    row = _open_appointment(ctx, appointment_id)
    if ctx.now < row.starts_at:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A no-show can be recorded only once the appointment has started"),
                       field="status")
    _write(ctx, row, "appointment.set_status", {"status": str(AppointmentStatus.NO_SHOW)})
    return ctx.changes.build(result=row.id)


# ----------------------------------------------------------------------------- reads


def _cards(session: Session, rows: Sequence[Appointment]) -> list[AppointmentCard]:
    customers = {c.id: c for c in session.scalars(
        select(Customer).where(Customer.id.in_({r.customer_id for r in rows})))}
    items = {i.id: i for i in session.scalars(select(CatalogItem).where(CatalogItem.id.in_({r.item_id for r in rows})))}
    staff: dict[str, str] = {k: v for k, v in session.execute(select(Staff.id, Staff.display_name).where(
        Staff.id.in_({r.beautician_id for r in rows})))}
    rooms: dict[str, str] = {k: v for k, v in session.execute(select(Room.id, Room.name).where(
        Room.id.in_({r.room_id for r in rows})))}
    cards = []
    for r in rows:
        item = items.get(r.item_id)
        cards.append(AppointmentCard(
            id=r.id, customer_id=r.customer_id, customer=_customer_name(customers.get(r.customer_id)),
            treatment=InTwoLanguages(item.name_th, item.name_en) if item else InTwoLanguages("?"),
            beautician_id=r.beautician_id, beautician=staff.get(r.beautician_id, "?"), room_id=r.room_id,
            room=rooms.get(r.room_id, "?"), starts_at=r.starts_at, ends_at=r.ends_at,
            status=AppointmentStatus(r.status), note=r.note,
        ))
    return cards


def day_view(session: Session, branch_id: str, day: date) -> DayView:
    """Return ``branch_id``'s day ``day`` (a Bangkok date): hours, beauticians, rooms and every appointment starting that day.

    Appointments come by start time; cancelled ones and no-shows are
    included (``AppointmentCard.holds_time`` tells those that hold time).
    A beautician or room out of use that still has an appointment that day
    is a column too.
    """
    first = datetime.combine(day, time(0), BANGKOK)
    rows = session.scalars(select(Appointment).where(
        Appointment.branch_id == branch_id, Appointment.starts_at >= first,
        Appointment.starts_at < first + timedelta(days=1),
    ).order_by(Appointment.starts_at, Appointment.id)).all()
    cards = _cards(session, rows)
    beauticians = beauticians_of(session, branch_id)
    known = {b.id for b in beauticians}
    beauticians += sorted({Resource(c.beautician_id, c.beautician) for c in cards if c.beautician_id not in known},
                          key=lambda r: (r.name, r.id))
    rooms = [Resource(r.id, r.name) for r in list_rooms(session, branch_id)]
    known = {r.id for r in rooms}
    rooms += sorted({Resource(c.room_id, c.room) for c in cards if c.room_id not in known}, key=lambda r: (r.name, r.id))
    return DayView(day, branch_hours(session, branch_id).window(day), tuple(beauticians), tuple(rooms), tuple(cards))


def _busy(session: Session, branch_id: str, after: datetime) -> tuple[dict[str, list[Interval]], dict[str, list[Interval]]]:
    """Return the time held from ``after`` on, per beautician and per room, at ``branch_id``."""
    by_beautician: dict[str, list[Interval]] = {}
    by_room: dict[str, list[Interval]] = {}
    for b_id, r_id, start, end in session.execute(select(
        Appointment.beautician_id, Appointment.room_id, Appointment.starts_at, Appointment.ends_at,
    ).where(Appointment.branch_id == branch_id, Appointment.status.in_(_HOLDING), Appointment.ends_at > after)):
        by_beautician.setdefault(b_id, []).append((start, end))
        by_room.setdefault(r_id, []).append((start, end))
    return by_beautician, by_room


def find_free_slot(
    session: Session, item_id: str, beautician_id: str | None, after: datetime
) -> FreeSlot | None:
    """Return the earliest slot from ``after`` on where the treatment fits with a free beautician and a free room.

    With ``beautician_id`` only that beautician is considered; otherwise any
    beautician of this terminal's branch. Ties go to the beautician, then
    the room, first by name. None when nothing is free within the search
    horizon (``domain.appointments.HORIZON_DAYS``) or there is no room.

    Raises:
        NotFound, BadInput: the treatment does not exist or has no duration.
    """
    branch_id = load_device(session).branch_id
    _, duration = _treatment_duration(session, item_id)
    beauticians = [b.id for b in beauticians_of(session, branch_id)]
    if beautician_id is not None:
        beauticians = [b for b in beauticians if b == beautician_id]
    rooms = [r.id for r in list_rooms(session, branch_id)]
    by_beautician, by_room = _busy(session, branch_id, after)
    options = {(b, r): [*by_beautician.get(b, []), *by_room.get(r, [])] for b in beauticians for r in rooms}
    found = first_free(options, duration, after, branch_hours(session, branch_id))
    if found is None:
        return None
    (b, r), start, end = found
    return FreeSlot(b, r, start, end)


def bookable_treatments(session: Session) -> list[tuple[str, InTwoLanguages, int]]:
    """Return the treatments on sale that have a duration: (id, name, minutes), by Thai name."""
    rows = session.scalars(select(CatalogItem).where(
        CatalogItem.kind == "treatment", CatalogItem.active.is_(True), CatalogItem.deleted_at.is_(None),
        CatalogItem.duration_minutes > 0,
    ).order_by(CatalogItem.name_th, CatalogItem.id))
    return [(i.id, InTwoLanguages(i.name_th, i.name_en), int(i.duration_minutes or 0)) for i in rows]
