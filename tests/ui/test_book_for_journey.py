"""Booking from a journey: the kanban card's "Book treatment…" has the day view book for it, and schedules it."""

from __future__ import annotations

from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.proposals import ProposalLine
from bnaura_desk.services import counter, journeys, proposals, shifts
from bnaura_desk.store.models import Journey
from tests.ui.test_day_view import at, screen  # noqa: F401  (a fixture)
from ui.appointments.day_model import APPOINTMENT_ROLE


def test_the_day_view_books_for_the_paid_journey_and_schedules_it(screen, qtbot) -> None:  # noqa: F811
    widget, made = screen
    s = made["manager"]
    t = widget.runner.terminal
    journey = t.run(journeys.open_journey, made["customer"], actor=s).result
    t.run(journeys.move_journey, journey, Stage.SCANNED, actor=s)
    t.run(proposals.make_proposal, journey, [ProposalLine(made["facial"], 1, 150_000)], actor=s)
    t.run(shifts.open_shift, 100_000, actor=s)
    lines = (counter.OrderLine(made["facial"]),)
    due = t.read(counter.quote, counter.Order(lines, (), customer_id=made["customer"]), t.clock()).priced.total_satang
    t.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),), customer_id=made["customer"],
                                          journey_id=journey), actor=s)
    widget.book_for_journey(journey, made["customer"], "สมหญิง ใจดี")
    assert "สมหญิง ใจดี" in widget.message.text()
    widget.table.setCurrentIndex(widget.model.index_at(at(14), made["nid"]))
    widget.book_button.click()
    dialog = widget.book_dialog
    assert dialog is not None and dialog.for_journey.text() == "สมหญิง ใจดี (นัดตามเคสของลูกค้า)"
    assert not dialog.search.isVisible()  # the customer is the journey's
    dialog.book_button.click()
    qtbot.waitUntil(lambda: dialog.booked is not None and widget.runner.pending() == 0)
    row = t.read(lambda session: session.get(Journey, journey))
    assert row is not None and (row.stage, row.appointment_id, row.beautician_id) == (
        Stage.TREATMENT_SCHEDULED, dialog.booked, made["nid"])
    qtbot.waitUntil(lambda: widget.model.data(widget.model.index_at(at(14), made["nid"]), APPOINTMENT_ROLE)
                    == dialog.booked)
    assert widget.message.text() == "จองนัดแล้ว เคสของ สมหญิง ใจดี อยู่ในขั้นนัดทรีตเมนต์"
    assert widget.for_journey is None  # the next booking is an ordinary one
