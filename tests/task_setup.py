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
from bnaura_desk.services import catalog, counter, journeys, scans, shifts
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import Actor
from bnaura_desk.store.models import Task
from bnaura_desk.terminal import Terminal

APPOINTMENT = "01a25321-0000-7000-8000-000000000001"
STEPS = ("ล้างหน้า", "มาส์กวิตามินซี", "ทากันแดด")


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
    for stage, kw in ((Stage.SCANNED, {}), (Stage.PROPOSAL_SENT, {}), (Stage.PAYMENT_CONFIRMED, {"sale_id": sale}),
                      (Stage.TREATMENT_SCHEDULED, {"appointment_id": APPOINTMENT, "beautician_id": beautician_id})):
        t.run(journeys.move_journey, journey, stage, actor=manager, **kw)
    task = t.read(lambda s: s.scalars(select(Task.id).where(Task.journey_id == journey,
                                                            Task.rule == "perform_treatment")).one())
    return Made(task, journey, member)
