"""Automation rules: on entering a journey stage, make a task for a role or a person.

A rule names a stage, a title template in Thai and English (``{customer}``
and ``{treatment}`` are filled in), who does the task (the journey's sales
owner, its beautician, a named staff member, or anyone of a role: the task
then waits unassigned in that role's queue), a priority (1 urgent … 4 low),
a due offset in minutes after the stage was entered, and whether the task
carries the treatment's protocol steps as its checklist. A manager edits
them as the chain setting ``automation_rules``; without it ``DEFAULT_RULES``
apply.

``tasks_for_entry`` is a pure function. A task's id is
``derived_id("task", rule key, stage entry key)``; the stage entry key is
what every terminal knows alike about one entry into a stage: the journey,
the stage it left, when it had entered that one, and the stage it entered
(``entry_key``). Two terminals moving the same card the same way offline
each make the move's own action (different ids, the server keeps one), but
the same entry key, so the same task id: one task after sync. A journey
that comes back to a stage later enters it from another state, so it gets
new tasks.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from .errors import QT_TRANSLATE_NOOP, BadInput
from .field_types import MAX_JSON_BYTES
from .ids import derived_id
from .journeys import Stage
from .roles import Role

SETTING_KEY = "automation_rules"
PLACEHOLDERS = frozenset({"customer", "treatment"})
TITLE_MAX = 200
KEY_MAX = 40
PRIORITY_HIGHEST, PRIORITY_LOWEST = 1, 4
DUE_MAX_MINUTES = 60 * 24 * 90  # a quarter of a year
RULES_MAX = 40
CHECKLIST_MAX = 50
STEP_MAX = 300


class AssignTo(StrEnum):
    """Who a rule's task is for."""

    SALES_OWNER = "sales_owner"  # the journey's sales owner
    BEAUTICIAN = "beautician"  # the journey's beautician (once scheduled)
    PERSON = "person"  # a named staff member
    ROLE = "role"  # anyone of the rule's role: unassigned in that role's queue


ASSIGN_LABELS: dict[AssignTo, str] = {
    AssignTo.SALES_OWNER: QT_TRANSLATE_NOOP("tasks", "The journey's sales owner"),
    AssignTo.BEAUTICIAN: QT_TRANSLATE_NOOP("tasks", "The journey's beautician"),
    AssignTo.PERSON: QT_TRANSLATE_NOOP("tasks", "A staff member"),
    AssignTo.ROLE: QT_TRANSLATE_NOOP("tasks", "Anyone of the role"),
}


class TaskStatus(StrEnum):
    """Where a task is: open (waiting), claimed by someone, started, done, or cancelled."""

    OPEN = "open"
    CLAIMED = "claimed"
    STARTED = "started"
    DONE = "done"
    CANCELLED = "cancelled"


ACTIVE_STATUSES = frozenset({TaskStatus.OPEN, TaskStatus.CLAIMED, TaskStatus.STARTED})

STATUS_LABELS: dict[TaskStatus, str] = {
    TaskStatus.OPEN: QT_TRANSLATE_NOOP("tasks", "Open"),
    TaskStatus.CLAIMED: QT_TRANSLATE_NOOP("tasks", "Claimed"),
    TaskStatus.STARTED: QT_TRANSLATE_NOOP("tasks", "Started"),
    TaskStatus.DONE: QT_TRANSLATE_NOOP("tasks", "Done"),
    TaskStatus.CANCELLED: QT_TRANSLATE_NOOP("tasks", "Cancelled"),
}

PRIORITY_LABELS: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("tasks", "Urgent"),
    2: QT_TRANSLATE_NOOP("tasks", "High"),
    3: QT_TRANSLATE_NOOP("tasks", "Normal"),
    4: QT_TRANSLATE_NOOP("tasks", "Low"),
}


@dataclass(frozen=True)
class Rule:
    """One automation rule (see the module).

    Attributes:
        key: the rule's stable name; part of its tasks' ids, so renaming a
            rule makes new tasks for entries it already handled elsewhere.
        role: the role whose queue shows the task (who may claim it when
            it is unassigned).
        person_id: the staff member, for ``AssignTo.PERSON``.
    """

    key: str
    stage: Stage
    title_th: str
    title_en: str
    assign_to: AssignTo
    role: Role
    priority: int = 3
    due_minutes: int = 24 * 60
    checklist: bool = False
    person_id: str | None = None
    active: bool = True

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "stage": str(self.stage), "title_th": self.title_th, "title_en": self.title_en,
                "assign_to": str(self.assign_to), "role": str(self.role), "priority": self.priority,
                "due_minutes": self.due_minutes, "checklist": self.checklist, "person_id": self.person_id,
                "active": self.active}


# The defaults. treatment_completed's "loyalty points awarded" is the
# sale's (points are earned when it is paid); the follow-up hand-off is a task
# for the sales owner, which the follow-up issue will schedule messages from.
DEFAULT_RULES: tuple[Rule, ...] = (
    Rule("send_proposal", Stage.SCANNED, "ส่งข้อเสนอให้ {customer}", "Send the proposal to {customer}",
         AssignTo.SALES_OWNER, Role.SALES, priority=2, due_minutes=24 * 60),
    Rule("schedule_treatment", Stage.PAYMENT_CONFIRMED, "นัด {treatment} ให้ {customer}",
         "Schedule {treatment} for {customer}", AssignTo.SALES_OWNER, Role.SALES, priority=2, due_minutes=24 * 60),
    Rule("perform_treatment", Stage.TREATMENT_SCHEDULED, "ทำ {treatment} ให้ {customer}",
         "Perform {treatment} for {customer}", AssignTo.BEAUTICIAN, Role.BEAUTICIAN, priority=1,
         due_minutes=3 * 24 * 60, checklist=True),
    Rule("follow_up", Stage.TREATMENT_COMPLETED, "ติดตามผล {customer} หลัง {treatment}",
         "Follow up with {customer} after {treatment}", AssignTo.SALES_OWNER, Role.SALES, priority=3,
         due_minutes=24 * 60),
)


def _bad(message: str, field: str, **values: Any) -> BadInput:
    return BadInput(message, field=field, **values)


def check_template(template: str, field: str) -> str:
    """Return ``template`` trimmed when its only placeholders are ``{customer}`` and ``{treatment}``.

    Raises:
        BadInput: a placeholder that is not one of those, a malformed brace, or too long.
    """
    text = template.strip()
    if len(text) > TITLE_MAX:
        raise _bad(QT_TRANSLATE_NOOP("errors", "The text is too long (at most {max} characters)"), field,
                   max=TITLE_MAX)
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        parts = None
    if parts is None or any(name is not None and (name not in PLACEHOLDERS or spec or conv)
                            for _, name, spec, conv in parts):
        raise _bad(QT_TRANSLATE_NOOP(
            "errors", "A task title may name only the customer and the treatment, as customer or treatment in braces"), field)
    return text


def render(template: str, customer: str, treatment: str) -> str:
    """Return a checked template with its placeholders filled in."""
    return template.format(customer=customer, treatment=treatment)[:TITLE_MAX]


def rule_from_json(data: Any) -> Rule:
    """Return the rule ``data`` describes, checked.

    Raises:
        BadInput: a missing or wrong field (the field named).
    """
    if not isinstance(data, Mapping):
        raise _bad(QT_TRANSLATE_NOOP("errors", "An automation rule must be a set of fields"), "rules")
    key = data.get("key")
    if not isinstance(key, str) or not key.strip() or len(key) > KEY_MAX or "/" in key:
        raise _bad(QT_TRANSLATE_NOOP("errors", "An automation rule needs a short name (at most {max} characters)"),
                   "key", max=KEY_MAX)
    try:
        stage, assign_to, role = Stage(str(data["stage"])), AssignTo(str(data["assign_to"])), Role(str(data["role"]))
    except (KeyError, ValueError):
        raise _bad(QT_TRANSLATE_NOOP("errors", "Choose the stage, who does the task and the role"),
                   "stage") from None
    title_th, title_en = data.get("title_th"), data.get("title_en", "")
    if not isinstance(title_th, str) or not title_th.strip() or not isinstance(title_en, str):
        raise _bad(QT_TRANSLATE_NOOP("errors", "A task title is needed in Thai"), "title_th")
    priority, due = data.get("priority", 3), data.get("due_minutes", 24 * 60)
    if not isinstance(priority, int) or isinstance(priority, bool) or not (
            PRIORITY_HIGHEST <= priority <= PRIORITY_LOWEST):
        raise _bad(QT_TRANSLATE_NOOP("errors", "The priority is 1 (urgent) to 4 (low)"), "priority")
    if not isinstance(due, int) or isinstance(due, bool) or not 0 <= due <= DUE_MAX_MINUTES:
        raise _bad(QT_TRANSLATE_NOOP("errors", "A task is due 0 to 90 days after the stage is entered"),
                   "due_minutes")
    person = data.get("person_id")
    if assign_to is AssignTo.PERSON and not isinstance(person, str):
        raise _bad(QT_TRANSLATE_NOOP("errors", "Choose the staff member the task is for"), "person_id")
    checklist, active = data.get("checklist", False), data.get("active", True)
    if not isinstance(checklist, bool) or not isinstance(active, bool):
        raise _bad(QT_TRANSLATE_NOOP("errors", "An automation rule must be a set of fields"), "rules")
    return Rule(key.strip(), stage, check_template(title_th, "title_th"), check_template(title_en, "title_en"),
                assign_to, role, priority, due, checklist, person if assign_to is AssignTo.PERSON else None, active)


def rules_value(value: Any) -> list[dict[str, Any]]:
    """Return ``value`` as the setting's stored value, checked (``settings.VALUE_CHECKS``).

    Raises:
        BadInput: not a list of rules, a bad rule, two rules with one name, or too large.
    """
    if not isinstance(value, list) or len(value) > RULES_MAX:
        raise _bad(QT_TRANSLATE_NOOP("errors", "The automation rules must be a list of at most {max} rules"),
                   "rules", max=RULES_MAX)
    rules = [rule_from_json(item) for item in value]
    if len({r.key for r in rules}) != len(rules):
        raise _bad(QT_TRANSLATE_NOOP("errors", "Two automation rules have the same name"), "key")
    stored = [r.as_json() for r in rules]
    if len(json.dumps(stored, ensure_ascii=False).encode("utf-8")) > MAX_JSON_BYTES:
        raise _bad(QT_TRANSLATE_NOOP("errors", "The automation rules take too much room: shorten or remove some"),
                   "rules")
    return stored


def stored_rules(value: Any) -> tuple[Rule, ...]:
    """Return the rules in force for a stored setting value (``None``: the defaults).

    A rule this version cannot read (one a newer terminal wrote) is left out.
    """
    if value is None:
        return DEFAULT_RULES
    rules: list[Rule] = []
    for item in value if isinstance(value, list) else ():
        try:
            rules.append(rule_from_json(item))
        except BadInput:
            continue
    return tuple(rules)


@dataclass(frozen=True)
class JourneyFacts:
    """What a rule's task is made from: the journey as the terminal has it when it enters a stage."""

    journey_id: str
    customer_id: str
    customer_name: str
    treatment_name: str
    owner_id: str | None
    beautician_id: str | None
    protocol_steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class StageEntry:
    """One entry of a journey into a stage: ``key`` (``entry_key``) and when."""

    stage: Stage
    key: str
    at: datetime


def entry_key(journey_id: str, from_stage: Stage | None, from_entered_at: datetime | None, to_stage: Stage) -> str:
    """Return the key of a journey's entry into ``to_stage`` from the state it was at.

    ``from_stage`` None: the journey's opening. ``from_entered_at`` is when
    the journey entered the stage it leaves (None: it has been there since
    it was opened). Times are keyed in UTC to the microsecond, so every
    terminal, whatever offset it read the time with, makes the same key.
    """
    since = "opened" if from_entered_at is None else from_entered_at.astimezone(UTC).strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ")
    return f"{journey_id}:{from_stage or 'new'}@{since}>{to_stage}"


def entry_stage(key: str) -> Stage | None:
    """Return the stage an ``entry_key`` entered (None for a key this version cannot read)."""
    try:
        return Stage(key.rsplit(">", 1)[1])
    except (IndexError, ValueError):
        return None


def task_id(rule_key: str, key: str) -> str:
    """Return the id of the task ``rule_key`` makes for the stage entry ``key`` (the same on every terminal)."""
    return derived_id("task", rule_key, key)


@dataclass(frozen=True)
class TaskSpec:
    """A task a rule makes for a stage entry, before it is written."""

    id: str
    rule_key: str
    entry_key: str
    journey_id: str
    customer_id: str
    title_th: str
    title_en: str
    role: Role
    assignee_id: str | None  # None: unassigned, in the role's queue
    priority: int
    due_at: datetime
    checklist: tuple[str, ...]


def tasks_for_entry(rules: Iterable[Rule], facts: JourneyFacts, entry: StageEntry) -> list[TaskSpec]:
    """Return the tasks the active ``rules`` of ``entry.stage`` make for this entry, in rule order.

    Pure: the same rules, facts and entry give the same tasks, ids included.
    """
    out: list[TaskSpec] = []
    for rule in rules:
        if not rule.active or rule.stage is not entry.stage:
            continue
        assignee = {AssignTo.SALES_OWNER: facts.owner_id, AssignTo.BEAUTICIAN: facts.beautician_id,
                    AssignTo.PERSON: rule.person_id, AssignTo.ROLE: None}[rule.assign_to]
        title_en = rule.title_en or rule.title_th
        checklist = tuple(s.strip()[:STEP_MAX] for s in facts.protocol_steps if s.strip())[:CHECKLIST_MAX] \
            if rule.checklist else ()
        out.append(TaskSpec(
            task_id(rule.key, entry.key), rule.key, entry.key, facts.journey_id, facts.customer_id,
            render(rule.title_th, facts.customer_name, facts.treatment_name),
            render(title_en, facts.customer_name, facts.treatment_name), rule.role, assignee, rule.priority,
            entry.at + timedelta(minutes=rule.due_minutes), checklist))
    return out
