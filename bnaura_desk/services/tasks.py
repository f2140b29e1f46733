"""Tasks at the desk: made by automation rules when a journey enters a stage, and worked from a queue.

``apply_rules`` runs inside the transaction of the move that enters the
stage (``journeys.open_journey`` and ``journeys.move_journey`` call it):
the terminal making the move makes the tasks. A task's id is derived from
its rule and the stage entry (``domain.automation``), so a second terminal
making the same entry offline makes the same row, and sync merges them.

The queue (``my_tasks``) shows a staff member's own tasks and the
unassigned ones of their role, most urgent first, then by due time. A task
is claimed, started (a treatment task moves its journey to in treatment),
its checklist ticked and notes written, then completed (a treatment task
moves its journey to treatment completed and, when the treatment was paid
by a course, uses one session naming the beautician as performer). A
manager reassigns. Two beauticians claiming one task on two terminals
offline: the later claim (by clock) holds it, and the server raises
``task_claimed_twice`` for a manager (``sync.server.tasks``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain import automation
from ..domain.automation import ACTIVE_STATUSES, JourneyFacts, StageEntry, TaskSpec, TaskStatus
from ..domain.changes import ChangeSet, Kind
from ..domain.courses import course_to_use
from ..domain.dates import bangkok_date
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound, PermissionDenied
from ..domain.journeys import FLOW, STAGE_LABELS, Stage
from ..domain.roles import OVERRIDE_ROLES, PERMISSION_LABELS, Permission, Role, may
from ..store.models import CatalogItem, Customer, Journey, SaleLine, Staff, Task
from .context import ServiceContext, load_device, stamp_written
from .line_performance import record_performance, treatment_line
from .settings import chain_setting, write_chain_setting

NOTES_MAX = 4000
# The stage whose tasks are the treatment itself: starting one moves the
# journey into treatment, completing it out of treatment.
TREATMENT_ENTRY = f">{Stage.TREATMENT_SCHEDULED}"
# The note a task cancelled by a move back keeps (stored with the task, so in both languages).
MOVED_BACK_NOTE = "ยกเลิก: ย้อนกลับไปขั้น {th} / Cancelled: the journey moved back to {en}"
# The Thai of ``STAGE_LABELS`` (as the "journeys" table of scripts/fill_translations.py has it).
STAGE_NAMES_TH: dict[Stage, str] = {
    Stage.LEAD_CREATED: "ลูกค้าใหม่", Stage.SCANNED: "สแกนผิวแล้ว", Stage.PROPOSAL_SENT: "ส่งข้อเสนอแล้ว",
    Stage.PAYMENT_CONFIRMED: "ยืนยันการชำระเงินแล้ว", Stage.TREATMENT_SCHEDULED: "นัดทำทรีตเมนต์แล้ว",
    Stage.IN_TREATMENT: "กำลังทำทรีตเมนต์", Stage.TREATMENT_COMPLETED: "ทำทรีตเมนต์เสร็จแล้ว",
    Stage.FOLLOW_UP: "ติดตามผล", Stage.COMPLETED: "เสร็จสิ้น", Stage.CANCELLED: "ยกเลิก",
}


# --- making tasks --------------------------------------------------------------------------------


def rules_in_force(session: Session, chain_id: str) -> tuple[automation.Rule, ...]:
    """Return the chain's automation rules (the defaults while a manager has set none)."""
    return automation.stored_rules(chain_setting(session, chain_id, automation.SETTING_KEY))


def set_automation_rules(ctx: ServiceContext, rules: list[automation.Rule | dict[str, Any]] | None) -> ChangeSet:
    """Set the chain's automation rules (``None``: back to the defaults); result is the rules in force.

    A manager's (``Permission.JOURNEY_REOPEN``, the managers' journey
    permission; the chain setting ``automation_rules`` otherwise needs the
    owner's ``CLINIC_SETTINGS``). Tasks already made are not changed.

    Raises:
        PermissionDenied: the actor is not a manager.
        NotFound: a rule for a person who is not a staff member.
        BadInput: a rule the setting refuses (``automation.rules_value``), naming the field; nothing is written.
    """
    ctx.require(Permission.JOURNEY_REOPEN)
    value = None if rules is None else [r.as_json() if isinstance(r, automation.Rule) else r for r in rules]
    if value is not None:
        for rule in automation.stored_rules(automation.rules_value(value)):
            member = ctx.session.get(Staff, rule.person_id) if rule.person_id is not None else None
            if rule.person_id is not None and (member is None or member.deleted_at is not None):
                raise NotFound(QT_TRANSLATE_NOOP("errors", "This staff member no longer exists"), field="person_id")
        write_chain_setting(ctx, automation.SETTING_KEY, value)
    elif chain_setting(ctx.session, ctx.chain_id, automation.SETTING_KEY) is not None:
        write_chain_setting(ctx, automation.SETTING_KEY, [r.as_json() for r in automation.DEFAULT_RULES])
    return ctx.changes.build(result=rules_in_force(ctx.session, ctx.chain_id))


def journey_facts(session: Session, row: Journey) -> JourneyFacts:
    """Return what rules fill their tasks with: names of the customer and treatment, owner, beautician, protocol."""
    customer = session.get(Customer, row.customer_id)
    item = session.get(CatalogItem, row.item_id) if row.item_id is not None else None
    name = (customer.name_th or customer.name_en) if customer is not None else ""
    treatment = (item.name_th or item.name_en) if item is not None else row.title
    steps = tuple(item.protocol_steps or ()) if item is not None else ()
    return JourneyFacts(row.id, row.customer_id, name, treatment, row.owner_id, row.beautician_id, steps)


def apply_rules(ctx: ServiceContext, row: Journey, from_stage: Stage | None, from_entered_at: datetime | None,
                to_stage: Stage, note: str = "") -> list[str]:
    """Make the tasks the chain's rules make for ``row`` entering ``to_stage``; return their ids.

    Called by the journey's move in its own transaction; a cancelled
    journey's tasks not yet done are cancelled with it. A journey moved back
    (or reopened) to an earlier stage has its tasks not yet done that were
    made for the stages after it cancelled, ``note`` (the move's reason)
    kept in their notes: the work they asked for is no longer due.
    ``from_stage`` and ``from_entered_at`` are the state the journey left
    (None, None: it was just opened). A task this terminal already has (the
    same entry made again, or pulled from another terminal) is not written twice.
    """
    if to_stage is Stage.CANCELLED:
        _cancel_open(ctx, row.id)
    elif from_stage is not None and _earlier(to_stage, from_stage):
        _cancel_later(ctx, row.id, to_stage, note)
    rules = [r for r in rules_in_force(ctx.session, ctx.chain_id) if r.active and r.stage is to_stage]
    if not rules:
        return []
    entry = StageEntry(to_stage, automation.entry_key(row.id, from_stage, from_entered_at, to_stage), ctx.now)
    made: list[str] = []
    for spec in automation.tasks_for_entry(rules, journey_facts(ctx.session, row), entry):
        if ctx.session.get(Task, spec.id) is None:
            _create(ctx, row, spec)
        made.append(spec.id)
    return made


def _cancel_open(ctx: ServiceContext, journey_id: str) -> None:
    """Cancel the journey's tasks not yet done (the case is closed: nobody is to do them)."""
    for task in ctx.session.scalars(select(Task).where(
            Task.journey_id == journey_id, Task.status.in_([str(s) for s in ACTIVE_STATUSES]))):
        _write(ctx, task, "task.cancel", {"status": str(TaskStatus.CANCELLED)})
        ctx.changes.add(Kind.TASK, task.id)


def _earlier(stage: Stage, than: Stage) -> bool:
    """Return whether ``stage`` comes before ``than`` in the journey's flow (cancelled is off it)."""
    return stage in FLOW and than in FLOW and FLOW.index(stage) < FLOW.index(than)


def _cancel_later(ctx: ServiceContext, journey_id: str, stage: Stage, note: str) -> None:
    """Cancel the journey's tasks not yet done made for entering a stage after ``stage``, noting why."""
    for task in ctx.session.scalars(select(Task).where(
            Task.journey_id == journey_id, Task.status.in_([str(s) for s in ACTIVE_STATUSES]))):
        entered = automation.entry_stage(task.entry)
        if entered is None or not _earlier(stage, entered):
            continue
        # Stored data, read in either language: both texts, then the manager's reason.
        why = MOVED_BACK_NOTE.format(th=STAGE_NAMES_TH[stage], en=STAGE_LABELS[stage])
        if note:
            why = f"{why}: {note}"
        notes = f"{task.notes}\n{why}" if task.notes else why
        _write(ctx, task, "task.cancel", {"status": str(TaskStatus.CANCELLED), "notes": notes[-NOTES_MAX:]})
        ctx.changes.add(Kind.TASK, task.id)


def _create(ctx: ServiceContext, journey: Journey, spec: TaskSpec) -> None:
    record: dict[str, Any] = {
        "journey_id": spec.journey_id, "customer_id": spec.customer_id, "branch_id": journey.branch_id,
        "rule": spec.rule_key, "entry": spec.entry_key, "title_th": spec.title_th, "title_en": spec.title_en,
        "role": str(spec.role), "assignee_id": spec.assignee_id, "priority": spec.priority,
        "due_at": spec.due_at.isoformat(), "status": str(TaskStatus.OPEN), "claimed_by": None,
        "started_at": None, "completed_at": None,
        "checklist": [{"step": s, "done": False} for s in spec.checklist], "notes": "",
    }
    stamp = ctx.tick()
    ctx.session.add(Task(id=spec.id, chain_id=ctx.chain_id, **{**record, "due_at": spec.due_at},
                         created_at=ctx.now, updated_at=ctx.now, hlc=stamp, field_clocks={}))
    ctx.journal(action="task.create", entity=Kind.TASK, entity_id=spec.id, after=record,
                payload={"record": record}, hlc=stamp)


# --- the queue -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskCard:
    """One task as the queue shows it."""

    id: str
    journey_id: str
    customer_id: str
    customer_name: str
    title_th: str
    title_en: str
    role: Role
    assignee_id: str | None
    priority: int
    due_at: datetime
    overdue: bool  # due before now and not done
    status: TaskStatus
    claimed_by: str | None
    checklist: tuple[tuple[str, bool], ...]
    notes: str


def my_tasks(session: Session, staff_id: str, role: Role, now: datetime, *,
             branch_id: str | None = None) -> list[TaskCard]:
    """Return ``staff_id``'s open tasks and the unassigned ones of ``role``: most urgent first, then earliest due.

    Only this branch's tasks (default: this terminal's) not yet done or cancelled.
    """
    if branch_id is None:
        branch_id = load_device(session).branch_id
    query = (select(Task, Customer.name_th, Customer.name_en)
             .join(Customer, Customer.id == Task.customer_id)
             .where(Task.branch_id == branch_id, Task.status.in_([str(s) for s in ACTIVE_STATUSES]),
                    or_(Task.assignee_id == staff_id, Task.claimed_by == staff_id,
                        (Task.assignee_id.is_(None) & Task.claimed_by.is_(None) & (Task.role == str(role)))))
             .order_by(Task.priority, Task.due_at, Task.id))
    return [_card(task, name_th or name_en or "", now) for task, name_th, name_en in session.execute(query)]


def _card(task: Task, customer_name: str, now: datetime) -> TaskCard:
    return TaskCard(
        task.id, task.journey_id, task.customer_id, customer_name, task.title_th, task.title_en, Role(task.role),
        task.assignee_id, task.priority, task.due_at, task.due_at < now and task.status in ACTIVE_STATUSES,
        TaskStatus(task.status), task.claimed_by,
        tuple((str(s.get("step", "")), bool(s.get("done"))) for s in task.checklist or ()), task.notes)


def task_card(session: Session, task_id: str, now: datetime) -> TaskCard:
    """Return one task as the queue shows it.

    Raises:
        NotFound: no such task on this terminal.
    """
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such task"), field="task")
    customer = session.get(Customer, task.customer_id)
    return _card(task, (customer.name_th or customer.name_en) if customer is not None else "", now)


# --- working a task ------------------------------------------------------------------------------


def _task(ctx: ServiceContext, task_id: str) -> Task:
    row = ctx.session.get(Task, task_id)
    if row is None or row.chain_id != ctx.chain_id or row.branch_id != ctx.branch_id:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such task"), field="task")
    return row


def _require_worker(ctx: ServiceContext) -> str:
    """Refuse an actor who works no journeys (neither sales' nor beauticians' permission); return their id."""
    actor = ctx.actor
    if actor is None or actor.staff_id is None or not (
            may(actor.role, Permission.JOURNEY_TREAT) or may(actor.role, Permission.JOURNEY_MOVE)):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "You may not {action}; ask a manager to authorise it"),
            action=PERMISSION_LABELS[Permission.JOURNEY_TREAT], permission=str(Permission.JOURNEY_TREAT))
    return actor.staff_id


def _is_manager(ctx: ServiceContext) -> bool:
    return ctx.actor is not None and ctx.actor.role in OVERRIDE_ROLES


def _name(ctx: ServiceContext, staff_id: str | None) -> str:
    member = ctx.session.get(Staff, staff_id) if staff_id is not None else None
    return member.display_name if member is not None else ""


def _active(row: Task) -> None:
    if row.status not in ACTIVE_STATUSES:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This task is already done or cancelled"), field="task")


def _held_by_other(ctx: ServiceContext, row: Task, me: str) -> None:
    """Refuse when someone else claimed or started the task (naming them)."""
    if row.claimed_by is not None and row.claimed_by != me:
        message = (QT_TRANSLATE_NOOP("errors", "{name} started this task; only they can go on with it")
                   if row.status == TaskStatus.STARTED else
                   QT_TRANSLATE_NOOP("errors", "{name} has claimed this task"))
        raise BadInput(message, field="task", name=_name(ctx, row.claimed_by))


def _write(ctx: ServiceContext, row: Task, action: str, fields: dict[str, Any]) -> None:
    """Write ``fields`` (JSON values) to the task as one operation ``action``."""
    before = {k: _json(getattr(row, k)) for k in fields}
    stamp = ctx.tick()
    for k, v in fields.items():
        setattr(row, k, datetime.fromisoformat(v) if k in ("started_at", "completed_at") and v else v)
    stamp_written(row, fields, stamp, ctx.now)
    ctx.journal(action=action, entity=Kind.TASK, entity_id=row.id, before=before, after=fields,
                payload={"fields": fields}, hlc=stamp)


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def claim_task(ctx: ServiceContext, task_id: str) -> ChangeSet:
    """Claim a task for the actor: an unassigned one of their role, or their own; result is the task's id.

    Raises:
        PermissionDenied: the actor works no journeys.
        NotFound: no such task at this branch.
        BadInput: done or cancelled, claimed by someone else, another's
            task, or another role's (a manager may claim any). Nothing changed.
    """
    me = _require_worker(ctx)
    row = _task(ctx, task_id)
    _active(row)
    _held_by_other(ctx, row, me)
    if not _is_manager(ctx):
        if row.assignee_id is not None and row.assignee_id != me:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "This task is {name}'s; a manager may reassign it"),
                           field="task", name=_name(ctx, row.assignee_id))
        if row.assignee_id is None and ctx.actor is not None and row.role != ctx.actor.role:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "This task is for another role"), field="task")
    if row.claimed_by != me:
        _write(ctx, row, "task.claim", {"status": str(TaskStatus.CLAIMED), "claimed_by": me, "assignee_id": me})
    ctx.changes.add(Kind.TASK, row.id)
    return ctx.changes.build(result=row.id)


def start_task(ctx: ServiceContext, task_id: str) -> ChangeSet:
    """Start a task the actor claimed (claiming it first if it is theirs to claim); result is the task's id.

    Starting a treatment task (made when the journey was scheduled) moves
    the journey to in treatment (``journeys.move_journey``, same transaction).

    Raises:
        as ``claim_task``; BadInput also when the task is already started,
        or the journey's move is refused (with its reason).
    """
    from . import journeys  # journeys calls apply_rules: imported here, not at the module's top

    me = _require_worker(ctx)
    row = _task(ctx, task_id)
    _active(row)
    if row.status == TaskStatus.STARTED and row.claimed_by == me:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This task is already started"), field="task")
    if row.claimed_by != me:
        claim_task(ctx, task_id)
    _write(ctx, row, "task.start", {"status": str(TaskStatus.STARTED), "started_at": ctx.now.isoformat()})
    journey = ctx.session.get(Journey, row.journey_id)
    if row.entry.endswith(TREATMENT_ENTRY) and journey is not None and journey.stage == Stage.TREATMENT_SCHEDULED:
        journeys.move_journey(ctx, journey.id, Stage.IN_TREATMENT)
    ctx.changes.add(Kind.TASK, row.id)
    return ctx.changes.build(result=row.id)


def _own_active(ctx: ServiceContext, task_id: str) -> tuple[Task, str]:
    me = _require_worker(ctx)
    row = _task(ctx, task_id)
    _active(row)
    _held_by_other(ctx, row, me)
    if row.claimed_by is None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Claim this task first"), field="task")
    return row, me


def held_task(ctx: ServiceContext, task_id: str) -> Task:
    """Return a task of this branch the actor holds (claimed or started, not done), for what only its holder may do.

    Raises:
        PermissionDenied: the actor works no journeys.
        NotFound: no such task at this branch.
        BadInput: not claimed yet, someone else's, done or cancelled.
    """
    return _own_active(ctx, task_id)[0]


def tick_step(ctx: ServiceContext, task_id: str, index: int, done: bool = True) -> ChangeSet:
    """Tick (or untick) step ``index`` of the checklist of a task the actor holds; result is the task's id.

    Raises:
        PermissionDenied: the actor works no journeys.
        NotFound: no such task, or no such step.
        BadInput: not claimed yet, someone else's, done or cancelled.
    """
    row, _ = _own_active(ctx, task_id)
    steps = [dict(s) for s in row.checklist or ()]
    if not 0 <= index < len(steps):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such step"), field="checklist")
    if steps[index].get("done") != done:
        steps[index]["done"] = done
        _write(ctx, row, "task.tick", {"checklist": steps})
    ctx.changes.add(Kind.TASK, row.id)
    return ctx.changes.build(result=row.id)


def set_notes(ctx: ServiceContext, task_id: str, notes: str) -> ChangeSet:
    """Write the treatment notes of a task the actor holds (the whole text); result is the task's id.

    Raises:
        as ``tick_step``; BadInput also for notes too long.
    """
    row, _ = _own_active(ctx, task_id)
    text = notes.strip()
    if len(text) > NOTES_MAX:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The text is too long (at most {max} characters)"),
                       field="notes", max=NOTES_MAX)
    if text != row.notes:
        _write(ctx, row, "task.note", {"notes": text})
    ctx.changes.add(Kind.TASK, row.id)
    return ctx.changes.build(result=row.id)


def complete_task(ctx: ServiceContext, task_id: str) -> ChangeSet:
    """Complete a task the actor holds; result is the task's id.

    A treatment task must have been started; completing it moves the
    journey to treatment completed and, when the journey's sale did not
    sell the treatment itself and the customer holds a usable course of
    it, uses one session naming the actor as performer
    (``courses.use_session``); when the sale sold the treatment, records
    the actor as the performer of its line (``line_performance``); all in
    this transaction.

    Raises:
        PermissionDenied: the actor works no journeys.
        NotFound: no such task at this branch.
        BadInput: someone else claimed or started it ("{name} started this
            task"), not claimed yet, a treatment not started, done or
            cancelled, or the journey's move refused. Nothing changed.
    """
    from . import courses, journeys  # journeys calls apply_rules: imported here, not at the module's top

    row, me = _own_active(ctx, task_id)
    treatment = row.entry.endswith(TREATMENT_ENTRY)
    if treatment and row.status != TaskStatus.STARTED:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Start the treatment before completing it"), field="task")
    _write(ctx, row, "task.complete", {"status": str(TaskStatus.DONE), "completed_at": ctx.now.isoformat()})
    journey = ctx.session.get(Journey, row.journey_id)
    if treatment and journey is not None and journey.stage == Stage.IN_TREATMENT:
        line = (treatment_line(ctx.session, journey.sale_id, journey.item_id)
                if journey.sale_id is not None and journey.item_id is not None else None)
        if line is not None:
            # The journey's sale sold the treatment: its line names who performed it.
            record_performance(ctx, line, me, row.id)
        elif journey.item_id is not None and _paid_by_course(ctx, journey, journey.item_id):
            courses.use_session(ctx, journey.customer_id, journey.item_id, me)
        journeys.move_journey(ctx, journey.id, Stage.TREATMENT_COMPLETED)
    ctx.changes.add(Kind.TASK, row.id)
    return ctx.changes.build(result=row.id)


def _paid_by_course(ctx: ServiceContext, journey: Journey, treatment_id: str) -> bool:
    """Return whether the treatment is to be taken from a course: not sold by the journey's sale, a session usable."""
    from .courses import course_balances

    if journey.sale_id is not None and ctx.session.scalar(
            select(SaleLine.id).where(SaleLine.sale_id == journey.sale_id, SaleLine.item_id == treatment_id)
            .limit(1)) is not None:
        return False
    balances = [c for c in course_balances(ctx.session, journey.customer_id, ctx.now) if c.treatment_id == treatment_id]
    return course_to_use(balances, treatment_id, bangkok_date(ctx.now)) is not None


def reassign_task(ctx: ServiceContext, task_id: str, staff_id: str | None) -> ChangeSet:
    """Give a task to ``staff_id`` (None: back to its role's queue), unclaimed; result is the task's id.

    A manager's (``Permission.JOURNEY_REOPEN``, or a manager's PIN).

    Raises:
        PermissionDenied: the actor is not a manager.
        NotFound: no such task at this branch, or no such staff member.
        BadInput: done or cancelled.
    """
    ctx.require(Permission.JOURNEY_REOPEN)
    row = _task(ctx, task_id)
    _active(row)
    if staff_id is not None:
        member = ctx.session.get(Staff, staff_id)
        if member is None or member.deleted_at is not None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This staff member no longer exists"), field="assignee")
    fields = {"assignee_id": staff_id, "claimed_by": None, "status": str(TaskStatus.OPEN)}
    if any(getattr(row, k) != v for k, v in fields.items()):
        _write(ctx, row, "task.reassign", fields)
    ctx.changes.add(Kind.TASK, row.id)
    return ctx.changes.build(result=row.id)
