"""Packages (courses): session credits a customer bought, used one at a time ("ตัดคอร์ส").

A course is the ledger row that granted it (kind ``bought``, +N sessions);
every later row of that course names it by ``course_id`` (a use, -1; a
refund taking back what was left, -k). What is left is the sum of the
course's rows, never a stored field, so two terminals using the same course
offline both stand and the sum may go below zero (the server reports it).

Pure functions: the terminal and the server fold with the same code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum


class CourseEntryKind(StrEnum):
    """Why a course's row was written."""

    BOUGHT = "bought"
    USED = "used"
    REFUNDED = "refunded"


@dataclass(frozen=True)
class CourseEntry:
    """One row of the course ledger as the fold needs it."""

    id: str
    course_id: str
    kind: CourseEntryKind
    sessions: int
    at: datetime
    treatment_id: str
    package_item_id: str
    expires_on: date | None = None
    performed_by: str | None = None
    staff_id: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class CourseBalance:
    """One course of a customer: what was bought, used and is left, until when, and its history (oldest first).

    ``expired``: its last day was before the day it was folded for.
    """

    course_id: str
    treatment_id: str
    package_item_id: str
    bought: int
    used: int
    refunded: int
    remaining: int
    bought_at: datetime
    expires_on: date | None
    history: tuple[CourseEntry, ...] = field(default=())
    expired: bool = False

    def usable_on(self, day: date) -> bool:
        """Whether a session of this course may be used on ``day`` (Bangkok date): some left and not expired."""
        return self.remaining > 0 and (self.expires_on is None or day <= self.expires_on)


def expiry_for(bought_on: date, valid_days: int | None) -> date | None:
    """Return the last day a course bought on ``bought_on`` may be used (``None``: it never expires)."""
    if valid_days is None or valid_days <= 0:
        return None
    return bought_on + timedelta(days=valid_days)


def fold_courses(entries: Iterable[CourseEntry], today: date | None = None) -> list[CourseBalance]:
    """Fold a customer's course rows into one balance per course, oldest course first.

    ``today`` (a Bangkok date) marks the courses past their last day as
    ``expired``; their remaining sessions stay on record.

    A row whose course's grant has not arrived (a pull in progress) is left
    out until it has: a course is known by its grant.
    """
    rows = sorted(entries, key=lambda e: (e.at, e.id))
    grants = {e.course_id: e for e in rows if e.kind is CourseEntryKind.BOUGHT and e.id == e.course_id}
    out: list[CourseBalance] = []
    for course_id, grant in grants.items():
        history = tuple(e for e in rows if e.course_id == course_id)
        used = -sum(e.sessions for e in history if e.kind is CourseEntryKind.USED)
        refunded = -sum(e.sessions for e in history if e.kind is CourseEntryKind.REFUNDED)
        bought = sum(e.sessions for e in history if e.kind is CourseEntryKind.BOUGHT)
        out.append(CourseBalance(
            course_id, grant.treatment_id, grant.package_item_id, bought, used, refunded,
            sum(e.sessions for e in history), grant.at, grant.expires_on, history,
            today is not None and grant.expires_on is not None and today > grant.expires_on,
        ))
    return sorted(out, key=lambda c: (c.bought_at, c.course_id))


def course_to_use(balances: Iterable[CourseBalance], treatment_id: str, day: date) -> CourseBalance | None:
    """Return the course a session of ``treatment_id`` comes from on ``day``: the oldest usable one, or None."""
    usable = [c for c in balances if c.treatment_id == treatment_id and c.usable_on(day)]
    return min(usable, key=lambda c: (c.bought_at, c.course_id), default=None)
