"""Tasks on a real terminal: rules make them as journeys move; a beautician claims, starts, ticks and completes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bnaura_desk.domain import automation
from bnaura_desk.domain.automation import TaskStatus
from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput, DeskError, NotFound, PermissionDenied
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import catalog, counter, courses, journeys, line_performance, sales_history, shifts, tasks
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor, load_device
from bnaura_desk.store.models import Journey, LinePerformance, OutboxOperation, SaleLine, Staff, Task
from tests.conftest import Staffed
from tests.task_setup import book_appointment


@pytest.fixture
def clinic(staffed: Staffed) -> dict[str, str]:
    """A facial with its protocol, a 5-session course of it bought by a member, and her journey opened."""
    s = staffed
    facial = str(s.terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", price_satang=150_000, vat_exempt=True,
        duration_minutes=60, protocol_steps=("ล้างหน้า", "มาส์ก", "ทากันแดด")), actor=s.manager).result)
    course = str(s.terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.PACKAGE, name_th="คอร์สหน้าใส 5 ครั้ง", price_satang=600_000, vat_exempt=True,
        package_treatment_id=facial, package_sessions=5), actor=s.manager).result)
    member = str(s.terminal.run(customer_service.register_customer,
                                CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"), actor=s.front_desk).result)
    s.terminal.run(shifts.open_shift, 200_000, actor=s.front_desk)
    lines = (counter.OrderLine(course),)
    due = s.terminal.read(counter.quote, counter.Order(lines, (), customer_id=member), s.clock()).priced.total_satang
    order = counter.Order(lines, (Tender(PaymentMethod.CASH, due),), customer_id=member)
    sale = str(s.terminal.run(counter.checkout, order, actor=s.front_desk).result.sale_id)
    journey = str(s.terminal.run(journeys.open_journey, member, item_id=facial, actor=s.sales).result)
    return {"facial": facial, "member": member, "sale": sale, "journey": journey}


def _queue(s: Staffed, who: Actor) -> list[tasks.TaskCard]:
    return s.terminal.read(tasks.my_tasks, str(who.staff_id), who.role, s.clock())


def _schedule(s: Staffed, c: dict[str, str]) -> None:
    booked = book_appointment(s.terminal, s.manager, c["member"], c["facial"], str(s.beautician.staff_id))
    for stage, kw in ((Stage.SCANNED, {}), (Stage.PROPOSAL_SENT, {}), (Stage.PAYMENT_CONFIRMED, {"sale_id": c["sale"]}),
                      (Stage.TREATMENT_SCHEDULED, {"appointment_id": booked,
                                                   "beautician_id": s.beautician.staff_id})):
        s.terminal.run(journeys.move_journey, c["journey"], stage, actor=s.sales, **kw)


def _ops(s: Staffed) -> int:
    return s.terminal.read(lambda session: len(session.scalars(select(OutboxOperation)).all()))


def _refused(s: Staffed, error: type[DeskError], use_case: Any, *args: object, actor: Actor) -> str:
    before = _ops(s)
    with pytest.raises(error) as refused:
        s.terminal.run(use_case, *args, actor=actor)
    assert _ops(s) == before  # nothing changed, nothing to sync
    return str(refused.value.render())


def test_each_stage_entry_makes_the_rules_task_for_the_right_person(staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    assert _queue(s, s.sales) == []  # lead_created has no rule
    s.terminal.run(journeys.move_journey, clinic["journey"], Stage.SCANNED, actor=s.sales)
    [proposal] = _queue(s, s.sales)
    assert (proposal.title_th, proposal.assignee_id, proposal.customer_name) == (
        "ส่งข้อเสนอให้ สมหญิง ใจดี", s.sales.staff_id, "สมหญิง ใจดี")
    assert _queue(s, s.beautician) == []
    booked = book_appointment(s.terminal, s.manager, clinic["member"], clinic["facial"], str(s.beautician.staff_id))
    _schedule_rest: list[tuple[Stage, dict[str, Any]]] = [(Stage.PROPOSAL_SENT, {}), (Stage.PAYMENT_CONFIRMED, {"sale_id": clinic["sale"]}),
                      (Stage.TREATMENT_SCHEDULED, {"appointment_id": booked,
                                                   "beautician_id": s.beautician.staff_id})]
    for stage, kw in _schedule_rest:
        s.terminal.run(journeys.move_journey, clinic["journey"], stage, actor=s.sales, **kw)
    [perform] = _queue(s, s.beautician)
    assert perform.title_th == "ทำ ทรีตเมนต์หน้าใส ให้ สมหญิง ใจดี" and perform.priority == 1
    assert perform.checklist == (("ล้างหน้า", False), ("มาส์ก", False), ("ทากันแดด", False))
    # The sales queue: most urgent first, then the earliest due.
    assert [c.title_en for c in _queue(s, s.sales)] == [
        "Send the proposal to สมหญิง ใจดี", "Schedule ทรีตเมนต์หน้าใส for สมหญิง ใจดี"]
    # Each task went to the outbox as one task.create carrying its derived id.
    creates = s.terminal.read(lambda session: list(session.scalars(
        select(OutboxOperation.entity_id).where(OutboxOperation.type == "task.create"))))
    assert len(creates) == 3 and perform.id in creates


def test_a_beautician_claims_starts_ticks_and_completes_and_the_journey_and_course_follow(
        staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    _schedule(s, clinic)
    [task] = _queue(s, s.beautician)
    s.terminal.run(tasks.claim_task, task.id, actor=s.beautician)
    s.terminal.run(tasks.start_task, task.id, actor=s.beautician)
    assert s.terminal.read(lambda session: session.get(Journey, clinic["journey"]).stage) == Stage.IN_TREATMENT  # type: ignore[union-attr]
    s.terminal.run(tasks.tick_step, task.id, 0, actor=s.beautician)
    s.terminal.run(tasks.tick_step, task.id, 2, actor=s.beautician)
    s.terminal.run(tasks.set_notes, task.id, "ผิวแพ้ง่าย ใช้มาส์กอ่อน", actor=s.beautician)
    card = s.terminal.read(tasks.task_card, task.id, s.clock())
    assert card.status is TaskStatus.STARTED and [d for _, d in card.checklist] == [True, False, True]
    assert card.notes == "ผิวแพ้ง่าย ใช้มาส์กอ่อน"
    s.clock.advance(minutes=50)
    finished = s.clock()
    s.terminal.run(tasks.complete_task, task.id, actor=s.beautician)
    row = s.terminal.read(lambda session: session.get(Task, task.id))
    assert row is not None and row.status == TaskStatus.DONE and row.completed_at is not None
    assert timedelta(0) <= row.completed_at - finished < timedelta(seconds=1)
    assert s.terminal.read(lambda session: session.get(Journey, clinic["journey"]).stage) == (  # type: ignore[union-attr]
        Stage.TREATMENT_COMPLETED)
    # Paid by the course: one session used, the beautician its performer.
    [course] = s.terminal.read(courses.course_balances, clinic["member"], s.clock())
    assert (course.used, course.remaining) == (1, 4)
    assert [e.performed_by for e in course.history if e.sessions < 0] == [s.beautician.staff_id]
    # The follow-up hand-off: a task for the sales owner.
    assert "Follow up with สมหญิง ใจดี after ทรีตเมนต์หน้าใส" in [c.title_en for c in _queue(s, s.sales)]
    assert _queue(s, s.beautician) == []


def test_completing_a_task_someone_else_started_is_refused_and_changes_nothing(
        staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    other = Actor(str(s.terminal.run(staff_service.create_staff, "น้องแพร", Role.BEAUTICIAN, "8642",
                                     actor=SYSTEM).result), "น้องแพร", Role.BEAUTICIAN)
    _schedule(s, clinic)
    [task] = _queue(s, s.beautician)
    # Her task: the other beautician may not claim it.
    assert "พี่นิด's" in _refused(s, BadInput, tasks.claim_task, task.id, actor=other)
    s.terminal.run(tasks.start_task, task.id, actor=s.beautician)
    assert _refused(s, BadInput, tasks.complete_task, task.id, actor=other) == (
        "พี่นิด started this task; only they can go on with it")
    assert "started this task" in _refused(s, BadInput, tasks.tick_step, task.id, 0, actor=other)
    assert s.terminal.read(lambda session: session.get(Task, task.id).status) == TaskStatus.STARTED  # type: ignore[union-attr]
    # A manager reassigns it; a beautician may not.
    _refused(s, PermissionDenied, tasks.reassign_task, task.id, other.staff_id, actor=s.beautician)
    s.terminal.run(tasks.reassign_task, task.id, other.staff_id, actor=s.manager)
    assert [c.id for c in _queue(s, other)] == [task.id] and _queue(s, s.beautician) == []
    s.terminal.run(tasks.start_task, task.id, actor=other)
    s.terminal.run(tasks.complete_task, task.id, actor=other)
    assert "already done" in _refused(s, BadInput, tasks.complete_task, task.id, actor=other)


def test_unassigned_tasks_wait_in_their_roles_queue_and_overdue_ones_stand_out(
        staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    rule = {"key": "prepare_room", "stage": "scanned", "title_th": "เตรียมห้องให้ {customer}",
            "title_en": "Prepare a room for {customer}", "assign_to": "role", "role": "beautician",
            "priority": 2, "due_minutes": 30}
    _refused(s, PermissionDenied, tasks.set_automation_rules, [rule], actor=s.sales)
    assert _refused(s, NotFound, tasks.set_automation_rules, [
        {**rule, "assign_to": "person", "person_id": "01a25321-0000-7000-8000-00000000dead"}],
        actor=s.manager) == "This staff member no longer exists"
    [in_force] = s.terminal.run(tasks.set_automation_rules, [rule], actor=s.manager).result
    assert in_force.key == "prepare_room"
    s.terminal.run(journeys.move_journey, clinic["journey"], Stage.SCANNED, actor=s.sales)
    assert _queue(s, s.sales) == []  # the manager's rules replace the defaults
    [task] = _queue(s, s.beautician)
    assert (task.assignee_id, task.overdue) == (None, False)
    assert "another role" in _refused(s, BadInput, tasks.claim_task, task.id, actor=s.sales)
    s.clock.advance(minutes=31)
    [task] = _queue(s, s.beautician)
    assert task.overdue
    s.terminal.run(tasks.claim_task, task.id, actor=s.beautician)
    assert _queue(s, s.beautician)[0].claimed_by == s.beautician.staff_id
    # Claimed: no longer in the other beauticians' queue.
    assert s.terminal.read(tasks.my_tasks, "someone-else", Role.BEAUTICIAN, s.clock()) == []
    # Treatment not started: a non-treatment task completes from claimed.
    s.terminal.run(tasks.complete_task, task.id, actor=s.beautician)
    assert _queue(s, s.beautician) == []
    with pytest.raises(BadInput):
        s.terminal.run(tasks.set_automation_rules, [{"key": "x"}], actor=s.manager)
    # Back to the defaults.
    assert s.terminal.run(tasks.set_automation_rules, None, actor=s.manager).result == automation.DEFAULT_RULES


def test_the_same_stage_entry_makes_its_task_once(staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    s.terminal.run(journeys.move_journey, clinic["journey"], Stage.SCANNED, actor=s.sales)
    [first] = _queue(s, s.sales)
    # Moved back by a manager and forward again: a new entry, a new task; the first was cancelled by the move back.
    s.clock.advance(minutes=5)
    s.terminal.run(journeys.move_journey, clinic["journey"], Stage.LEAD_CREATED, "ลูกค้าขอสแกนใหม่",
                   actor=s.manager)
    back = s.terminal.read(lambda session: session.get(Journey, clinic["journey"]).stage_entered_at)  # type: ignore[union-attr]
    s.clock.advance(minutes=5)
    s.terminal.run(journeys.move_journey, clinic["journey"], Stage.SCANNED, actor=s.sales)
    queue = _queue(s, s.sales)
    assert len(queue) == 1 and queue[0].id != first.id
    assert s.terminal.read(tasks.task_card, first.id, s.clock()).status is TaskStatus.CANCELLED
    # The same entry applied again (as another terminal makes it): the same id, nothing written twice.
    before = _ops(s)

    def again(ctx: Any) -> list[str]:
        return tasks.apply_rules(ctx, ctx.session.get(Journey, clinic["journey"]), Stage.LEAD_CREATED, back,
                                 Stage.SCANNED)

    made = s.terminal.run(lambda ctx: ctx.changes.build(result=again(ctx)), actor=s.sales).result
    assert made == [queue[0].id] and _ops(s) == before


def test_cancelling_a_journey_cancels_its_tasks_not_yet_done(staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    s.terminal.run(journeys.move_journey, clinic["journey"], Stage.SCANNED, actor=s.sales)
    [task] = _queue(s, s.sales)
    s.terminal.run(tasks.claim_task, task.id, actor=s.sales)
    s.terminal.run(journeys.cancel_journey, clinic["journey"], "ลูกค้าไม่สนใจแล้ว", actor=s.sales)
    assert _queue(s, s.sales) == []
    assert s.terminal.read(tasks.task_card, task.id, s.clock()).status is TaskStatus.CANCELLED
    assert "already done or cancelled" in _refused(s, BadInput, tasks.start_task, task.id, actor=s.sales)


def test_a_treatment_sold_by_the_journeys_sale_uses_no_course_session(
        staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    # She holds a course of the facial, but this time buys the facial itself.
    lines = (counter.OrderLine(clinic["facial"]),)
    due = s.terminal.read(counter.quote, counter.Order(lines, (), customer_id=clinic["member"]),
                          s.clock()).priced.total_satang
    sale = str(s.terminal.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),),
                                                              customer_id=clinic["member"]),
                              actor=s.front_desk).result.sale_id)
    _schedule(s, {**clinic, "sale": sale})
    [task] = _queue(s, s.beautician)
    s.terminal.run(tasks.start_task, task.id, actor=s.beautician)
    s.terminal.run(tasks.complete_task, task.id, actor=s.beautician)
    [course] = s.terminal.read(courses.course_balances, clinic["member"], s.clock())
    assert (course.used, course.remaining) == (0, 5)
    assert s.terminal.read(lambda session: session.get(Journey, clinic["journey"]).stage) == (  # type: ignore[union-attr]
        Stage.TREATMENT_COMPLETED)


def test_moving_a_journey_back_cancels_the_open_tasks_of_the_later_stages(
        staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    _schedule(s, clinic)
    [perform] = _queue(s, s.beautician)
    proposal, schedule = _queue(s, s.sales)
    s.terminal.run(tasks.claim_task, schedule.id, actor=s.sales)
    before = _ops(s)
    s.terminal.run(journeys.move_journey, clinic["journey"], Stage.PROPOSAL_SENT, "ลูกค้าขอเปลี่ยนแผน",
                   actor=s.manager)
    # One move, its action, and the two later stages' tasks cancelled (claimed or not), in the move's transaction.
    cancels = s.terminal.read(lambda session: list(session.scalars(
        select(OutboxOperation.entity_id).where(OutboxOperation.type == "task.cancel"))))
    assert sorted(cancels) == sorted([perform.id, schedule.id]) and _ops(s) == before + 3
    assert _queue(s, s.beautician) == []
    assert [c.id for c in _queue(s, s.sales)] == [proposal.id]  # made for scanned, before proposal_sent: still due
    card = s.terminal.read(tasks.task_card, perform.id, s.clock())
    assert card.status is TaskStatus.CANCELLED
    assert card.notes == ("ยกเลิก: ย้อนกลับไปขั้น ส่งข้อเสนอแล้ว / Cancelled: the journey moved back to "
                          "Proposal sent: ลูกค้าขอเปลี่ยนแผน")


def test_a_move_back_refused_cancels_no_task(staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    _schedule(s, clinic)
    [perform] = _queue(s, s.beautician)
    _refused(s, BadInput, journeys.move_journey, clinic["journey"], Stage.SCANNED, "", actor=s.manager)
    assert s.terminal.read(tasks.task_card, perform.id, s.clock()).status is TaskStatus.OPEN


def test_reopening_a_completed_journey_cancels_its_follow_up_task(staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    _schedule(s, clinic)
    [perform] = _queue(s, s.beautician)
    s.terminal.run(tasks.start_task, perform.id, actor=s.beautician)
    s.terminal.run(tasks.complete_task, perform.id, actor=s.beautician)
    [follow_up] = [c for c in _queue(s, s.sales) if c.title_en.startswith("Follow up")]
    s.terminal.run(journeys.move_journey, clinic["journey"], Stage.FOLLOW_UP, actor=s.sales)
    s.terminal.run(journeys.move_journey, clinic["journey"], Stage.COMPLETED, actor=s.sales)
    s.terminal.run(journeys.reopen_journey, clinic["journey"], Stage.TREATMENT_SCHEDULED, "ทำซ้ำ", actor=s.manager)
    assert s.terminal.read(tasks.task_card, follow_up.id, s.clock()).status is TaskStatus.CANCELLED
    # The done treatment task stays done; the new entry into treatment_scheduled makes a new one.
    assert s.terminal.read(tasks.task_card, perform.id, s.clock()).status is TaskStatus.DONE
    [again] = _queue(s, s.beautician)
    assert again.id != perform.id


def test_completing_the_treatment_its_sale_sold_records_the_beautician_as_the_lines_performer(
        staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    lines = (counter.OrderLine(clinic["facial"]),)
    due = s.terminal.read(counter.quote, counter.Order(lines, (), customer_id=clinic["member"]),
                          s.clock()).priced.total_satang
    sale = str(s.terminal.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),),
                                                              customer_id=clinic["member"]),
                              actor=s.front_desk).result.sale_id)
    _schedule(s, {**clinic, "sale": sale})
    [task] = _queue(s, s.beautician)
    s.terminal.run(tasks.start_task, task.id, actor=s.beautician)
    # Not performed yet: the purchase names nobody.
    purchase = next(p for p in s.terminal.read(sales_history.customer_purchases, clinic["member"])
                    if p.sale_id == sale)
    assert purchase.performed_by == ("",)
    s.terminal.run(tasks.complete_task, task.id, actor=s.beautician)
    [row] = s.terminal.read(lambda session: list(session.scalars(select(LinePerformance))))
    line = s.terminal.read(lambda session: session.scalars(select(SaleLine).where(SaleLine.sale_id == sale)).one())
    assert (row.id, row.sale_id, row.staff_id, row.task_id, row.branch_id) == (
        line_performance.line_performance_id(line.id), sale, s.beautician.staff_id, task.id, s.terminal.read(lambda session: load_device(session).branch_id))
    purchase = next(p for p in s.terminal.read(sales_history.customer_purchases, clinic["member"])
                    if p.sale_id == sale)
    beautician_name = s.terminal.read(lambda session: session.get(Staff, s.beautician.staff_id).display_name)  # type: ignore[union-attr]
    assert purchase.performed_by == (beautician_name,)
    ops = s.terminal.read(lambda session: list(session.scalars(
        select(OutboxOperation.entity_id).where(OutboxOperation.type == "line_performance.record"))))
    assert ops == [row.id]
    # The performers' report of the day: one facial by the beautician, at its net price.
    [total] = s.terminal.read(line_performance.performer_totals, s.clock() - timedelta(hours=1),
                              s.clock() + timedelta(hours=1))
    assert (total.staff_id, total.name, total.lines, total.net_satang) == (
        s.beautician.staff_id, beautician_name, 1, line.net_satang)
    assert s.terminal.read(line_performance.performer_totals, s.clock() + timedelta(hours=1),
                           s.clock() + timedelta(hours=2)) == []


def test_a_treatment_paid_by_a_course_records_no_line_performer(staffed: Staffed, clinic: dict[str, str]) -> None:
    s = staffed
    _schedule(s, clinic)  # the journey's sale sold the course, not the facial
    [task] = _queue(s, s.beautician)
    s.terminal.run(tasks.start_task, task.id, actor=s.beautician)
    s.terminal.run(tasks.complete_task, task.id, actor=s.beautician)
    assert s.terminal.read(lambda session: list(session.scalars(select(LinePerformance)))) == []
