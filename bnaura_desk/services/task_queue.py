"""The task queue screen's reads: the queue's cards and the selected task's detail.

``tasks.my_tasks`` says which tasks a staff member sees and in what order;
this adds what the shared PC's screen shows beside them: the customer's
loyalty tier, who holds the task, the latest skin scan's values, the
treatment's before/after photos, and whether the customer consents to
photos (sensitive data). Reads only: nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.automation import ACTIVE_STATUSES, TaskStatus
from ..domain.journeys import Stage
from ..domain.roles import OVERRIDE_ROLES, Permission, Role, may
from ..store.models import Journey, Staff, Task
from .consents import consent_for_task
from .context import load_device
from .loyalty import tiers_now
from .scans import Scan, has_scan_consent, scans_of
from .tasks import TREATMENT_ENTRY, TaskCard, my_tasks, task_card
from .treatment_photos import Photo, photos_of_task


@dataclass(frozen=True)
class QueueCard:
    """One card of the queue: the task, its customer's tier key ("" for none) and its holder's name."""

    task: TaskCard
    tier: str
    holder_name: str  # who claimed or started it ("" when nobody)

    @property
    def id(self) -> str:
        return self.task.id


@dataclass(frozen=True)
class TaskDetail:
    """What the detail panel shows of one task."""

    card: QueueCard
    scan: Scan | None  # the customer's latest skin scan (any branch this terminal has)
    photos: tuple[Photo, ...]
    journey_stage: Stage | None
    treatment: bool  # made when the treatment was scheduled: start and complete move the journey
    photo_consent: bool  # the customer consents to skin scans and photos (sensitive data)
    treatment_id: str | None = None  # the journey's treatment: its consent form is the one to sign
    consent_signed_at: datetime | None = None  # when the customer signed that form for this task (None: not yet)


def _names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return {i: n for i, n in session.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(ids)))}


def _tiers(session: Session, customer_ids: set[str], now: datetime) -> dict[str, str]:
    """Return each customer's tier key now (the loyalty panel's tier, for all of them at once)."""
    if not customer_ids:
        return {}
    return {c: tier.key for c, tier in tiers_now(session, load_device(session).chain_id, customer_ids, now).items()}


def queue_cards(session: Session, staff_id: str, role: Role, now: datetime) -> list[QueueCard]:
    """Return the queue of ``staff_id`` (``tasks.my_tasks``: theirs and their role's unassigned, most urgent first).

    Each card carries the customer's tier and the name of whoever holds it.
    """
    cards = my_tasks(session, staff_id, role, now)
    names = _names(session, {c.claimed_by for c in cards if c.claimed_by})
    tiers = _tiers(session, {c.customer_id for c in cards}, now)
    return [QueueCard(c, tiers.get(c.customer_id, ""), names.get(c.claimed_by or "", "")) for c in cards]


def branch_cards(session: Session, now: datetime) -> list[QueueCard]:
    """Return every open task of this terminal's branch, in queue order (a manager's view, to reassign).

    Not done or cancelled; most urgent first, then earliest due.
    """
    branch_id = load_device(session).branch_id
    ids = session.scalars(select(Task.id).where(Task.branch_id == branch_id,
                                                Task.status.in_([str(s) for s in ACTIVE_STATUSES]))
                          .order_by(Task.priority, Task.due_at, Task.id))
    cards = [task_card(session, task_id, now) for task_id in ids]
    names = _names(session, {c.claimed_by for c in cards if c.claimed_by})
    tiers = _tiers(session, {c.customer_id for c in cards}, now)
    return [QueueCard(c, tiers.get(c.customer_id, ""), names.get(c.claimed_by or "", "")) for c in cards]


def task_detail(session: Session, task_id: str, now: datetime) -> TaskDetail:
    """Return what the detail panel shows of a task (any status: a completed one is shown as it ended).

    Raises:
        NotFound: no such task on this terminal.
    """
    card = task_card(session, task_id, now)
    row = session.get(Task, task_id)
    journey = session.get(Journey, card.journey_id)
    scans = scans_of(session, card.customer_id)
    holder = _names(session, {card.claimed_by}).get(card.claimed_by, "") if card.claimed_by else ""
    tier = _tiers(session, {card.customer_id}, now).get(card.customer_id, "")
    return TaskDetail(
        QueueCard(card, tier, holder), scans[-1] if scans else None, tuple(photos_of_task(session, task_id)),
        Stage(journey.stage) if journey is not None else None,
        row is not None and row.entry.endswith(TREATMENT_ENTRY),
        has_scan_consent(session, card.customer_id),
        journey.item_id if journey is not None else None,
        signed.signed_at if (signed := consent_for_task(session, task_id)) is not None else None)


def is_open(card: TaskCard) -> bool:
    """Return whether a task can still be worked (not done or cancelled)."""
    return card.status in (TaskStatus.OPEN, TaskStatus.CLAIMED, TaskStatus.STARTED)


@dataclass(frozen=True)
class TaskActions:
    """Which of a task's buttons are legal for a staff member now (the services decide again on click)."""

    claim: bool = False
    start: bool = False
    work: bool = False  # tick steps, write notes, add photos: the holder's
    complete: bool = False
    reassign: bool = False


def actions_for(detail: TaskDetail, staff_id: str | None, role: Role | None) -> TaskActions:
    """Return what ``staff_id`` (of ``role``) may do with the task now, by the rules of ``services.tasks``.

    Mirrors ``claim_task``, ``start_task``, the holder's checks and
    ``complete_task``; the screen enables its buttons by it, and the use
    case still refuses (with its reason) whatever changed in between.
    """
    task = detail.card.task
    if staff_id is None or role is None or not is_open(task):
        return TaskActions()
    works = may(role, Permission.JOURNEY_TREAT) or may(role, Permission.JOURNEY_MOVE)
    manager = role in OVERRIDE_ROLES
    reassign = may(role, Permission.JOURNEY_REOPEN)
    if not works:
        return TaskActions(reassign=reassign)
    mine = task.claimed_by == staff_id
    held_by_other = task.claimed_by is not None and not mine
    claimable = not held_by_other and not mine and (manager or (
        task.assignee_id == staff_id if task.assignee_id is not None else task.role is role))
    started = task.status is TaskStatus.STARTED
    return TaskActions(
        claim=claimable,
        start=(mine and not started) or claimable,
        work=mine,
        complete=mine and (started or not detail.treatment),
        reassign=reassign,
    )
