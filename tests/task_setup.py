"""A treatment task ready for a beautician, made the way the desk makes it (for service, sync and UI tests).

A facial with its protocol is sold to a member at the counter; her journey
goes lead → scanned → proposal → payment confirmed (that sale) → treatment
scheduled with the beautician: the rules make "Perform the facial" for her.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import appointments, catalog, counter, journeys, rooms, scans, shifts
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import Actor
from bnaura_desk.store.models import Room, Task
from bnaura_desk.terminal import Terminal

STEPS = ("ล้างหน้า", "มาส์กวิตามินซี", "ทากันแดด")


def book_appointment(t: Terminal, manager: Actor, customer_id: str, item_id: str, beautician_id: str) -> str:
    """Book ``item_id`` for the customer with ``beautician_id`` at the first free slot; return the appointment's id.

    A room is made first when the branch has none. The booking names no
    journey: the caller links it with ``move_journey(..., appointment_id=...)``.
    """
    room = t.read(lambda s: s.scalars(select(Room.id).where(Room.active.is_(True)).limit(1)).first())
    if room is None:
        t.run(rooms.create_room, "ห้อง 1", actor=manager)
    slot = t.read(appointments.find_free_slot, item_id, beautician_id, t.clock())
    assert slot is not None
    return str(t.run(appointments.book, appointments.Booking(
        customer_id, item_id, slot.beautician_id, slot.room_id, slot.starts_at), actor=manager).result)


@dataclass(frozen=True)
class Made:
    task: str
    journey: str
    customer: str


def treatment_task(t: Terminal, manager: Actor, front_desk: Actor, beautician_id: str, *,
                   name: str = "สมหญิง ใจดี", phone: str = "0812345678", consent: bool = True,
                   scan: dict[str, int] | None = None, facial: str | None = None) -> Made:
    """Make a treatment task for ``beautician_id`` (see the module); ``scan``: a skin scan recorded first."""
    if facial is None:
        facial = str(t.run(catalog.create_item, ItemForm(
            kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", name_en="Clear-skin facial", price_satang=150_000,
            vat_exempt=True, duration_minutes=60, protocol_steps=STEPS), actor=manager).result)
    member = str(t.run(customer_service.register_customer, CustomerForm(name_th=name, phone=phone),
                       actor=front_desk).result)
    if consent:
        t.run(customer_service.record_consent, member, ConsentPurpose.SKIN_SCAN_PHOTOS, True, actor=front_desk)
    if scan:
        from bnaura_desk.images.store import ImageStore

        t.run(scans.record_scan, member, scan, images=ImageStore.beside(t.path), actor=front_desk)
    if t.read(shifts.open_shift_of, t.device().device_id) is None:
        t.run(shifts.open_shift, 200_000, actor=front_desk)
    lines = (counter.OrderLine(facial),)
    due = t.read(counter.quote, counter.Order(lines, (), customer_id=member), t.clock()).priced.total_satang
    sale = str(t.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),), customer_id=member),
                     actor=front_desk).result.sale_id)
    journey = str(t.run(journeys.open_journey, member, item_id=facial, actor=manager).result)
    booked = book_appointment(t, manager, member, facial, beautician_id)
    for stage, kw in ((Stage.SCANNED, {}), (Stage.PROPOSAL_SENT, {}), (Stage.PAYMENT_CONFIRMED, {"sale_id": sale}),
                      (Stage.TREATMENT_SCHEDULED, {"appointment_id": booked, "beautician_id": beautician_id})):
        t.run(journeys.move_journey, journey, stage, actor=manager, **kw)
    task = t.read(lambda s: s.scalars(select(Task.id).where(Task.journey_id == journey,
                                                            Task.rule == "perform_treatment")).one())
    return Made(task, journey, member)
