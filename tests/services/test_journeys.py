"""Journeys on a real terminal: open, move through the stages, cancel, reopen; the board and the timeline."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, DeskError, NotFound, PermissionDenied
from bnaura_desk.domain.journeys import MoveKind, Stage
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.roles import Permission
from bnaura_desk.services import appointments, catalog, counter, journeys, refunds, shifts
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import Actor, Override
from bnaura_desk.store.models import Journey, JourneyAction, OutboxOperation
from tests.conftest import Staffed
from tests.task_setup import book_appointment

UNKNOWN = "01a25321-0000-7000-8000-000000000001"  # well-formed, but no appointment or staff member has it


def _customer(s: Staffed, name: str, phone: str) -> str:
    return str(s.terminal.run(customer_service.register_customer, CustomerForm(name_th=name, phone=phone),
                              actor=s.front_desk).result)


def _sale(s: Staffed, customer_id: str, *, deposit: bool = False) -> str:
    """A facial sold to ``customer_id``: paid in full, or a ฿300 deposit with the rest due in a month."""
    facial = s.terminal.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส",
                                                          price_satang=150_000, vat_exempt=True,
                                                          duration_minutes=45),
                            actor=s.manager).result
    if s.terminal.read(lambda session: shifts.open_shift_of(session, s.terminal.device().device_id)) is None:
        s.terminal.run(shifts.open_shift, 100_000, actor=s.front_desk)
    lines = (counter.OrderLine(facial),)
    due = s.terminal.read(counter.quote, counter.Order(lines, (), customer_id=customer_id),
                          s.clock()).priced.total_satang
    paid = 30_000 if deposit else due
    order = counter.Order(lines, (Tender(PaymentMethod.CASH, paid),), customer_id=customer_id,
                          balance_due_on=(s.clock() + timedelta(days=30)).date() if deposit else None)
    return str(s.terminal.run(counter.checkout, order, actor=s.front_desk).result.sale_id)


def _appointment(s: Staffed, customer_id: str) -> str:
    """A laser booked for ``customer_id`` with the beautician at the first free slot."""
    laser = str(s.terminal.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="เลเซอร์",
                                                             price_satang=250_000, vat_exempt=True,
                                                             duration_minutes=30), actor=s.manager).result)
    return book_appointment(s.terminal, s.manager, customer_id, laser, s.beautician.staff_id)


def _stage(s: Staffed, journey_id: str) -> str:
    return str(s.terminal.read(lambda session: session.get(Journey, journey_id).stage))  # type: ignore[union-attr]


def _refused(s: Staffed, error: type[DeskError], *args: object, actor: Actor | None = None, **kw: Any) -> str:
    before = s.terminal.read(lambda session: len(session.scalars(select(OutboxOperation)).all()))
    with pytest.raises(error) as refused:
        s.terminal.run(journeys.move_journey, *args, actor=actor or s.sales, **kw)
    # Nothing changed: no move written, nothing to sync.
    assert s.terminal.read(lambda session: len(session.scalars(select(OutboxOperation)).all())) == before
    return str(refused.value.render())


def test_a_journey_from_lead_to_completed_with_its_sale_appointment_and_beautician(staffed: Staffed) -> None:
    s = staffed
    member = _customer(s, "สมหญิง ใจดี", "0812345678")
    journey = s.terminal.run(journeys.open_journey, member, title="ฝ้า กระ", note="สนใจเลเซอร์",
                             actor=s.sales).result
    assert _stage(s, journey) == Stage.LEAD_CREATED
    s.terminal.run(journeys.move_journey, journey, Stage.SCANNED, actor=s.sales)
    s.terminal.run(journeys.move_journey, journey, Stage.PROPOSAL_SENT, "ส่งใบเสนอราคาทาง LINE", actor=s.sales)
    # Payment confirmed only with a paid sale of hers: none linked, another customer's, then her deposit.
    assert "paid sale" in _refused(s, BadInput, journey, Stage.PAYMENT_CONFIRMED)
    stranger = _customer(s, "สมชาย อื่น", "0899999999")
    assert "not of the journey's customer" in _refused(s, BadInput, journey, Stage.PAYMENT_CONFIRMED,
                                                       sale_id=_sale(s, stranger))
    deposit = _sale(s, member, deposit=True)
    s.terminal.run(journeys.move_journey, journey, Stage.PAYMENT_CONFIRMED, sale_id=deposit, actor=s.sales)
    # Scheduled only with an appointment; the beautician is named with it.
    assert "appointment" in _refused(s, BadInput, journey, Stage.TREATMENT_SCHEDULED)
    booked = _appointment(s, member)
    s.terminal.run(journeys.move_journey, journey, Stage.TREATMENT_SCHEDULED, appointment_id=booked,
                   beautician_id=s.beautician.staff_id, actor=s.sales)
    # The beautician starts and finishes the treatment, but no more.
    s.clock.advance(hours=2)
    s.terminal.run(journeys.move_journey, journey, Stage.IN_TREATMENT, actor=s.beautician)
    s.terminal.run(journeys.move_journey, journey, Stage.TREATMENT_COMPLETED, actor=s.beautician)
    _refused(s, PermissionDenied, journey, Stage.FOLLOW_UP, actor=s.beautician)
    s.terminal.run(journeys.move_journey, journey, Stage.FOLLOW_UP, actor=s.sales)
    s.terminal.run(journeys.move_journey, journey, Stage.COMPLETED, "ลูกค้าพอใจ", actor=s.sales)
    row = s.terminal.read(lambda session: session.get(Journey, journey))
    assert row is not None
    assert (row.stage, row.sale_id, row.appointment_id, row.beautician_id, row.owner_id) == (
        Stage.COMPLETED, deposit, booked, s.beautician.staff_id, s.sales.staff_id)
    timeline = s.terminal.read(journeys.journey_timeline, journey)
    assert [(e.from_stage, e.to_stage) for e in timeline] == [
        (Stage.LEAD_CREATED, Stage.SCANNED), (Stage.SCANNED, Stage.PROPOSAL_SENT),
        (Stage.PROPOSAL_SENT, Stage.PAYMENT_CONFIRMED), (Stage.PAYMENT_CONFIRMED, Stage.TREATMENT_SCHEDULED),
        (Stage.TREATMENT_SCHEDULED, Stage.IN_TREATMENT), (Stage.IN_TREATMENT, Stage.TREATMENT_COMPLETED),
        (Stage.TREATMENT_COMPLETED, Stage.FOLLOW_UP), (Stage.FOLLOW_UP, Stage.COMPLETED)]
    assert timeline[4].staff_name == "พี่นิด" and timeline[1].note == "ส่งใบเสนอราคาทาง LINE"
    assert not any(e.rejected for e in timeline) and {e.kind for e in timeline} == {MoveKind.FORWARD}
    # Each move went to the outbox as one journey.move, with the journey's opening and the assignment.
    types = s.terminal.read(lambda session: [o.type for o in session.scalars(select(OutboxOperation).where(
        OutboxOperation.entity.in_(("journey", "journey_action"))).order_by(OutboxOperation.seq))])
    assert types == ["journey.open"] + ["journey.move"] * 4 + ["journey.update"] + ["journey.move"] * 4


def test_illegal_moves_are_refused_with_a_reason_and_change_nothing(staffed: Staffed) -> None:
    s = staffed
    journey = s.terminal.run(journeys.open_journey, _customer(s, "สมหญิง", "0812345678"), actor=s.sales).result
    assert "one stage at a time" in _refused(s, BadInput, journey, Stage.PROPOSAL_SENT)
    assert "one stage at a time" in _refused(s, BadInput, journey, Stage.LEAD_CREATED)
    assert "one stage at a time" in _refused(s, BadInput, journey, "nowhere")
    _refused(s, NotFound, "no-such-journey", Stage.SCANNED)
    assert "reason" in _refused(s, BadInput, journey, Stage.CANCELLED, "   ")
    # The front desk neither opens nor moves journeys; a beautician only treats.
    _refused(s, PermissionDenied, journey, Stage.SCANNED, actor=s.front_desk)
    with pytest.raises(PermissionDenied):
        s.terminal.run(journeys.open_journey, _customer(s, "สมศรี", "0811111111"), actor=s.front_desk)
    assert _stage(s, journey) == Stage.LEAD_CREATED
    assert s.terminal.read(lambda session: session.scalars(select(JourneyAction)).all()) == []


def test_cancel_then_a_manager_reopens_and_moves_back_with_a_reason(staffed: Staffed) -> None:
    s = staffed
    journey = s.terminal.run(journeys.open_journey, _customer(s, "สมหญิง", "0812345678"), actor=s.sales).result
    s.terminal.run(journeys.move_journey, journey, Stage.SCANNED, actor=s.sales)
    s.terminal.run(journeys.cancel_journey, journey, "ลูกค้าไม่สะดวกช่วงนี้", actor=s.sales)
    assert _stage(s, journey) == Stage.CANCELLED
    # Sales may not reopen it; a manager's PIN lets them, once.
    with pytest.raises(PermissionDenied):
        s.terminal.run(journeys.reopen_journey, journey, Stage.SCANNED, "ลูกค้ากลับมา", actor=s.sales)
    pin = Override(authorizer=s.manager, permission=Permission.JOURNEY_REOPEN, granted_at=s.clock())
    s.terminal.run(journeys.reopen_journey, journey, Stage.SCANNED, "ลูกค้ากลับมา", actor=s.sales, override=pin)
    s.terminal.run(journeys.move_journey, journey, Stage.PROPOSAL_SENT, actor=s.sales)
    with pytest.raises(BadInput):  # a reason first, before anyone's PIN is asked for
        s.terminal.run(journeys.move_journey, journey, Stage.SCANNED, actor=s.manager)
    s.terminal.run(journeys.move_journey, journey, Stage.SCANNED, "สแกนใหม่", actor=s.manager)
    timeline = s.terminal.read(journeys.journey_timeline, journey)
    assert [(e.kind, e.staff_name, e.approved_by_name) for e in timeline] == [
        (MoveKind.FORWARD, "น้องเซลส์", ""), (MoveKind.CANCEL, "น้องเซลส์", ""),
        (MoveKind.REOPEN, "น้องเซลส์", "คุณผู้จัดการ"), (MoveKind.FORWARD, "น้องเซลส์", ""),
        (MoveKind.BACK, "คุณผู้จัดการ", "คุณผู้จัดการ")]


def test_the_board_counts_journeys_per_stage_and_how_long_they_wait(staffed: Staffed) -> None:
    s = staffed
    first = s.terminal.run(journeys.open_journey, _customer(s, "สมหญิง", "0812345678"), actor=s.sales).result
    s.clock.advance(hours=1)
    second = s.terminal.run(journeys.open_journey, _customer(s, "สมศรี", "0811111111"), actor=s.sales,
                            owner_id=s.manager.staff_id).result
    s.clock.advance(hours=1)
    s.terminal.run(journeys.move_journey, second, Stage.SCANNED, actor=s.sales)
    s.clock.advance(minutes=30)
    board = s.terminal.read(journeys.journeys_by_stage, s.clock())
    counts = {c.stage: c.count for c in board}
    assert counts[Stage.LEAD_CREATED] == 1 and counts[Stage.SCANNED] == 1 and sum(counts.values()) == 2
    [lead] = board[0].cards
    [scanned] = next(c for c in board if c.stage is Stage.SCANNED).cards
    assert (lead.id, lead.customer_name, lead.owner_name, lead.seconds_in_stage) == (
        first, "สมหญิง", "น้องเซลส์", int(timedelta(hours=2, minutes=30).total_seconds()))
    assert (scanned.id, scanned.owner_name, scanned.seconds_in_stage) == (second, "คุณผู้จัดการ", 30 * 60)
    mine = s.terminal.read(journeys.journeys_by_stage, s.clock(), owner_id=s.manager.staff_id,
                           stages=[Stage.LEAD_CREATED, Stage.SCANNED])
    assert [(c.stage, [card.id for card in c.cards]) for c in mine] == [
        (Stage.LEAD_CREATED, []), (Stage.SCANNED, [second])]


def test_a_journey_is_scheduled_only_with_a_held_appointment_of_its_customer_at_this_branch(
        staffed: Staffed) -> None:
    s = staffed
    member = _customer(s, "สมหญิง ใจดี", "0812345678")
    journey = s.terminal.run(journeys.open_journey, member, actor=s.sales).result
    s.terminal.run(journeys.move_journey, journey, Stage.SCANNED, actor=s.sales)
    s.terminal.run(journeys.move_journey, journey, Stage.PROPOSAL_SENT, actor=s.sales)
    s.terminal.run(journeys.move_journey, journey, Stage.PAYMENT_CONFIRMED, sale_id=_sale(s, member), actor=s.sales)
    # An id no appointment has, another customer's appointment, a cancelled one: each refused, nothing written.
    assert "not one of this branch's" in _refused(s, NotFound, journey, Stage.TREATMENT_SCHEDULED,
                                                  appointment_id=UNKNOWN)
    assert "not one of this branch's" in _refused(s, NotFound, journey, Stage.TREATMENT_SCHEDULED,
                                                  appointment_id="not an id")
    stranger = _customer(s, "สมชาย อื่น", "0899999999")
    assert "another customer's" in _refused(s, BadInput, journey, Stage.TREATMENT_SCHEDULED,
                                            appointment_id=_appointment(s, stranger))
    cancelled = _appointment(s, member)
    s.terminal.run(appointments.cancel, cancelled, "ลูกค้าเลื่อนเอง", actor=s.front_desk)
    assert "cancelled or missed" in _refused(s, BadInput, journey, Stage.TREATMENT_SCHEDULED,
                                             appointment_id=cancelled)
    assert _stage(s, journey) == Stage.PAYMENT_CONFIRMED
    # Her appointment still held: scheduled with it.
    booked = _appointment(s, member)
    s.terminal.run(journeys.move_journey, journey, Stage.TREATMENT_SCHEDULED, appointment_id=booked, actor=s.sales)
    row = s.terminal.read(lambda session: session.get(Journey, journey))
    assert row is not None and (row.stage, row.appointment_id) == (Stage.TREATMENT_SCHEDULED, booked)


def test_a_voided_sale_does_not_confirm_the_payment(staffed: Staffed) -> None:
    s = staffed
    member = _customer(s, "สมหญิง ใจดี", "0812345678")
    journey = s.terminal.run(journeys.open_journey, member, actor=s.sales).result
    s.terminal.run(journeys.move_journey, journey, Stage.SCANNED, actor=s.sales)
    s.terminal.run(journeys.move_journey, journey, Stage.PROPOSAL_SENT, actor=s.sales)
    sale = _sale(s, member)
    s.terminal.run(refunds.void_sale, sale, "คีย์รายการผิด", actor=s.manager)
    assert "voided" in _refused(s, BadInput, journey, Stage.PAYMENT_CONFIRMED, sale_id=sale)
    assert _stage(s, journey) == Stage.PROPOSAL_SENT


def test_assigning_writes_only_what_changed_and_refuses_unknown_staff(staffed: Staffed) -> None:
    s = staffed
    journey = s.terminal.run(journeys.open_journey, _customer(s, "สมหญิง", "0812345678"), actor=s.sales).result
    s.terminal.run(journeys.assign_journey, journey, owner_id=s.manager.staff_id, title=" ยกกระชับ ", actor=s.sales)
    s.terminal.run(journeys.assign_journey, journey, owner_id=s.manager.staff_id, actor=s.sales)  # nothing new
    with pytest.raises(NotFound):
        s.terminal.run(journeys.assign_journey, journey, beautician_id=UNKNOWN, actor=s.sales)
    row = s.terminal.read(lambda session: session.get(Journey, journey))
    assert row is not None and (row.owner_id, row.title, row.beautician_id) == (s.manager.staff_id, "ยกกระชับ", None)
    updates = s.terminal.read(lambda session: [o.payload for o in session.scalars(select(OutboxOperation).where(
        OutboxOperation.type == "journey.update"))])
    assert len(updates) == 1 and "ยกกระชับ" in updates[0]
