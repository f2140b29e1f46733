"""Proposals on a real SQLite terminal: made from a journey, opened at the counter, paid, then booked."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemKind
from bnaura_desk.domain.dates import BANGKOK
from bnaura_desk.domain.errors import BadInput, DeskError, NotFound
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.proposals import ProposalLine, ProposalStatus
from bnaura_desk.services import appointments, counter, journeys, proposals, rooms, shifts
from bnaura_desk.services.appointments import Booking
from bnaura_desk.store.models import Journey, OutboxOperation, Proposal, Sale
from tests.conftest import Staffed
from tests.services.test_counter import item, member


def _outbox(s: Staffed) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(OutboxOperation))))


def _journey(s: Staffed, journey_id: str) -> Journey:
    row = s.terminal.read(lambda session: session.get(Journey, journey_id))
    assert row is not None
    return row


@pytest.fixture
def case(staffed: Staffed) -> dict[str, str]:
    """A customer scanned on her journey, a treatment and a product sold here, and an open shift."""
    s = staffed
    things = {
        "facial": item(s, ItemKind.TREATMENT, "ทรีทเมนต์หน้าใส", 350_000, vat_exempt=True, duration_minutes=60),
        "serum": item(s, ItemKind.PRODUCT, "เซรั่มวิตามินซี", 120_000, sku="SER-01"),
        "customer": member(s),
    }
    things["journey"] = str(s.terminal.run(journeys.open_journey, things["customer"], actor=s.sales).result)
    s.terminal.run(journeys.move_journey, things["journey"], Stage.SCANNED, actor=s.sales)
    s.terminal.run(shifts.open_shift, 200_000, actor=s.front_desk)
    return things


def _plan(c: dict[str, str]) -> list[ProposalLine]:
    return [ProposalLine(c["facial"], 2, 350_000), ProposalLine(c["serum"], 1, 120_000)]


def _refused(s: Staffed, error: type[DeskError], use_case: Any, *args: object, **kw: Any) -> str:
    before = _outbox(s)
    with pytest.raises(error) as refused:
        s.terminal.run(use_case, *args, **kw)
    assert _outbox(s) == before  # nothing written, nothing to sync
    return refused.value.render()


def test_a_proposal_sends_the_scanned_journey_and_a_newer_one_supersedes_it(staffed: Staffed,
                                                                            case: dict[str, str]) -> None:
    s, c = staffed, case
    first = s.terminal.run(proposals.make_proposal, c["journey"], _plan(c), "  ฝ้า 2 ครั้ง ", actor=s.sales).result
    assert _journey(s, c["journey"]).stage == Stage.PROPOSAL_SENT
    shown = s.terminal.read(proposals.proposal_for, c["journey"])
    assert shown is not None and shown.id == first and shown.total_satang == 820_000 and shown.note == "ฝ้า 2 ครั้ง"
    assert [(line.name_th, line.quantity, line.amount_satang) for line in shown.lines] == [
        ("ทรีทเมนต์หน้าใส", 2, 700_000), ("เซรั่มวิตามินซี", 1, 120_000)]
    # Revised: the newer plan is the one on offer; the journey stays at proposal_sent.
    second = s.terminal.run(proposals.make_proposal, c["journey"], [ProposalLine(c["facial"], 1, 300_000)],
                            actor=s.sales).result
    assert _journey(s, c["journey"]).stage == Stage.PROPOSAL_SENT
    shown = s.terminal.read(proposals.proposal_for, c["journey"])
    assert shown is not None and shown.id == second and shown.total_satang == 300_000
    statuses = dict(s.terminal.read(lambda session: list(session.execute(select(Proposal.id, Proposal.status)))))
    assert statuses == {first: ProposalStatus.SUPERSEDED, second: ProposalStatus.SENT}
    assert [p.id for p in s.terminal.read(proposals.open_proposals)] == [second]


def test_a_proposal_with_a_bad_line_is_refused_and_nothing_changes(staffed: Staffed, case: dict[str, str]) -> None:
    s, c = staffed, case
    ghost = "01a25321-0000-7000-8000-00000000dead"
    assert "Line 2" in _refused(s, NotFound, proposals.make_proposal, c["journey"],
                                [ProposalLine(c["facial"]), ProposalLine(ghost)], actor=s.sales)
    assert "quantity" in _refused(s, BadInput, proposals.make_proposal, c["journey"],
                                  [ProposalLine(c["facial"], 0, 100)], actor=s.sales)
    assert "price" in _refused(s, BadInput, proposals.make_proposal, c["journey"],
                               [ProposalLine(c["facial"], 1, -5)], actor=s.sales)
    assert _journey(s, c["journey"]).stage == Stage.SCANNED
    assert s.terminal.read(proposals.proposal_for, c["journey"]) is None


def _checkout(s: Staffed, c: dict[str, str], *, deposit: int | None = None, customer: str | None = None) -> str:
    """The proposal's lines as the counter's cart, paid by the front desk in cash (or a deposit)."""
    plan = s.terminal.read(proposals.proposal_for, c["journey"])
    assert plan is not None
    lines = tuple(counter.OrderLine(line.item_id, line.quantity) for line in plan.lines)
    who = customer or c["customer"]
    due = s.terminal.read(counter.quote, counter.Order(lines, (), customer_id=who), s.clock()).priced.total_satang
    order = counter.Order(lines, (Tender(PaymentMethod.CASH, deposit or due),), customer_id=who,
                          balance_due_on=(s.clock() + timedelta(days=30)).date() if deposit else None,
                          journey_id=c["journey"])
    return str(s.terminal.run(counter.checkout, order, actor=s.front_desk).result.sale_id)


def test_the_paid_proposal_confirms_the_payment_with_the_sale_linked(staffed: Staffed, case: dict[str, str]) -> None:
    s, c = staffed, case
    s.terminal.run(proposals.make_proposal, c["journey"], _plan(c), actor=s.sales)
    sale = _checkout(s, c)  # by the front desk, who holds no journey permission: paying is the counter's work
    journey = _journey(s, c["journey"])
    assert (journey.stage, journey.sale_id) == (Stage.PAYMENT_CONFIRMED, sale)
    shown = s.terminal.read(proposals.proposal_for, c["journey"])
    assert shown is not None and shown.status is ProposalStatus.ACCEPTED
    assert s.terminal.read(proposals.open_proposals) == []
    moved = s.terminal.read(journeys.journey_timeline, c["journey"])[-1]
    assert (moved.to_stage, moved.sale_id, moved.rejected) == (Stage.PAYMENT_CONFIRMED, sale, False)


def test_a_deposit_confirms_the_payment_too(staffed: Staffed, case: dict[str, str]) -> None:
    s, c = staffed, case
    s.terminal.run(proposals.make_proposal, c["journey"], _plan(c), actor=s.sales)
    sale = _checkout(s, c, deposit=100_000)
    assert (_journey(s, c["journey"]).stage, _journey(s, c["journey"]).sale_id) == (Stage.PAYMENT_CONFIRMED, sale)


def test_a_checkout_naming_a_journey_it_cannot_confirm_sells_nothing(staffed: Staffed, case: dict[str, str]) -> None:
    s, c = staffed, case
    order = counter.Order((counter.OrderLine(c["facial"]),), (Tender(PaymentMethod.CASH, 350_000),),
                          customer_id=c["customer"], journey_id=c["journey"])
    # Still at scanned: no proposal sent, so no payment awaited.
    assert "not waiting for a payment" in _refused(s, BadInput, counter.checkout, order, actor=s.front_desk)
    s.terminal.run(proposals.make_proposal, c["journey"], _plan(c), actor=s.sales)
    stranger = order.__class__(order.lines, order.tenders, customer_id=None, journey_id=c["journey"])
    assert "not of the journey's customer" in _refused(s, BadInput, counter.checkout, stranger, actor=s.front_desk)
    assert s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(Sale))) == 0
    assert _journey(s, c["journey"]).stage == Stage.PROPOSAL_SENT


def test_booking_from_the_paid_journey_schedules_it(staffed: Staffed, case: dict[str, str]) -> None:
    s, c = staffed, case
    s.terminal.run(proposals.make_proposal, c["journey"], _plan(c), actor=s.sales)
    _checkout(s, c)
    room = s.terminal.run(rooms.create_room, "ห้อง 1", actor=s.manager).result
    assert s.beautician.staff_id is not None
    tomorrow = datetime(2026, 11, 24, 11, tzinfo=BANGKOK)
    booked = s.terminal.run(appointments.book, Booking(c["customer"], c["facial"], s.beautician.staff_id, room,
                                                       tomorrow, journey_id=c["journey"]), actor=s.front_desk).result
    journey = _journey(s, c["journey"])
    assert (journey.stage, journey.appointment_id, journey.beautician_id) == (
        Stage.TREATMENT_SCHEDULED, booked, s.beautician.staff_id)
