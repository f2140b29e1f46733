"""The server's rule for packages' session credits (``course_credit.record``).

A terminal uses a session only when its own sum of the course shows one
left, but two terminals working offline may each use the last one. Both
uses stand (the treatments were done): the server keeps them, tallies each
course (scope ``course``, keyed by the course's id, its ``bought`` row) and
when a use or a refund's take-back leaves the course below zero it raises
``course_overused`` for managers, naming the course, the customer and the
treatment. Terminals see the negative balance once they pull; a course with
nothing left refuses further uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .rules import TallyWithFloor

SCOPE = "course"


def _course(fields: Mapping[str, Any]) -> str | None:
    course = fields.get("course_id")
    return course if isinstance(course, str) else None


def _sessions(fields: Mapping[str, Any]) -> int:
    sessions = fields.get("sessions")
    return sessions if isinstance(sessions, int) and not isinstance(sessions, bool) else 0


def _whose(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {"customer_id": fields.get("customer_id"), "treatment_id": fields.get("treatment_id"),
            "course_id": fields.get("course_id")}


def course_tally() -> TallyWithFloor:
    """Return the rule: each course's sessions summed, a floor of 0, ``course_overused`` below it."""
    return TallyWithFloor(
        operation_types=frozenset({"course_credit.record"}), scope=SCOPE, key=_course, delta=_sessions,
        floor=0, exception="course_overused", describe=_whose,
    )
