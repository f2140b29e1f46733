"""The words the task queue shows for a task: its title in the UI language, priority, status, due time, holder.

Pure functions of a ``QueueCard`` (and Qt's translation), shared by the
card delegate and the detail panel, and tested on their own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bnaura_desk.domain.automation import PRIORITY_LABELS, STATUS_LABELS, TaskStatus
from bnaura_desk.services.task_queue import QueueCard

from ..counter.labels import tier_label
from ..i18n import current_language
from ..widgets import format_datetime


def title(card: QueueCard) -> str:
    """Return the task's title in the UI language (the Thai when it has no English)."""
    task = card.task
    return task.title_en if current_language() == "en" and task.title_en else task.title_th


def priority_text(priority: int) -> str:
    return QCoreApplication.translate("tasks", PRIORITY_LABELS.get(priority, PRIORITY_LABELS[3]))


def status_text(status: TaskStatus) -> str:
    return QCoreApplication.translate("tasks", STATUS_LABELS[status])


def customer_line(card: QueueCard) -> str:
    """Return "customer · tier" (the customer alone without a tier)."""
    if not card.tier:
        return card.task.customer_name
    return QCoreApplication.translate("TaskQueue", "{customer} · {tier}").format(
        customer=card.task.customer_name, tier=tier_label(card.tier))


def due_text(card: QueueCard) -> str:
    return QCoreApplication.translate("TaskQueue", "Due {when}").format(when=format_datetime(card.task.due_at))


def holder_text(card: QueueCard) -> str:
    """Return who holds the task and how ("Started by …"), or its status when nobody does."""
    task = card.task
    if task.claimed_by and card.holder_name:
        if task.status is TaskStatus.STARTED:
            return QCoreApplication.translate("TaskQueue", "Started by {name}").format(name=card.holder_name)
        if task.status is TaskStatus.CLAIMED:
            return QCoreApplication.translate("TaskQueue", "Claimed by {name}").format(name=card.holder_name)
    return status_text(task.status)


def steps_text(card: QueueCard) -> str:
    """Return the checklist's progress ("2/3 steps"), "" without a checklist."""
    steps = card.task.checklist
    if not steps:
        return ""
    return QCoreApplication.translate("TaskQueue", "{done}/{total} steps").format(
        done=sum(1 for _, done in steps if done), total=len(steps))


def card_lines(card: QueueCard) -> tuple[str, str, str]:
    """Return a card's three lines: customer and tier; title; priority, due time, holder and steps."""
    facts = [priority_text(card.task.priority), due_text(card), holder_text(card)]
    if steps := steps_text(card):
        facts.append(steps)
    return customer_line(card), title(card), " · ".join(facts)
