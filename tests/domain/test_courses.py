"""The course ledger's fold: what a customer has left of each course, and which course a session comes from."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bnaura_desk.domain.courses import CourseEntry, CourseEntryKind, course_to_use, expiry_for, fold_courses

T0 = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)
FACIAL, LASER = "facial", "laser"


def bought(course: str, sessions: int, days: int, treatment: str = FACIAL, expires: date | None = None) -> CourseEntry:
    return CourseEntry(course, course, CourseEntryKind.BOUGHT, sessions, T0 + timedelta(days=days), treatment,
                       f"pkg-{treatment}", expires)


def used(row: str, course: str, days: int, treatment: str = FACIAL) -> CourseEntry:
    return CourseEntry(row, course, CourseEntryKind.USED, -1, T0 + timedelta(days=days), treatment,
                       f"pkg-{treatment}", performed_by="nurse")


def test_remaining_is_the_sum_of_each_course_and_may_go_below_zero() -> None:
    rows = [used("u1", "b", 3), bought("b", 3, 2), bought("a", 5, 1), used("u2", "a", 4),
            used("u3", "b", 5), used("u4", "b", 5), used("u5", "b", 6), used("u6", "b", 6)]
    a, b = fold_courses(rows)
    assert (a.course_id, a.bought, a.used, a.remaining) == ("a", 5, 1, 4)
    # Two terminals used the same course offline: every use counts.
    assert (b.course_id, b.bought, b.used, b.remaining) == ("b", 3, 5, -2)
    assert [e.id for e in b.history] == ["b", "u1", "u3", "u4", "u5", "u6"]


def test_a_use_whose_course_has_not_arrived_waits_for_it() -> None:
    assert fold_courses([used("u1", "gone", 1)]) == []


def test_the_oldest_usable_course_of_the_treatment_gives_the_session() -> None:
    rows = [bought("old", 1, 0, expires=date(2026, 1, 10)), bought("mid", 2, 1), bought("laser", 4, 0, LASER)]
    courses = fold_courses(rows, date(2026, 1, 10))
    assert course_to_use(courses, FACIAL, date(2026, 1, 10)).course_id == "old"  # type: ignore[union-attr]
    # The day after its last day it expired: the next one gives it.
    later = fold_courses(rows, date(2026, 1, 11))
    assert {c.course_id: c.expired for c in later} == {"old": True, "mid": False, "laser": False}
    assert course_to_use(later, FACIAL, date(2026, 1, 11)).course_id == "mid"  # type: ignore[union-attr]
    assert course_to_use(fold_courses([*rows, used("u", "mid", 2), used("v", "mid", 3)]), FACIAL,
                         date(2026, 1, 11)) is None


def test_a_course_expires_after_the_days_set_or_never() -> None:
    assert expiry_for(date(2026, 12, 7), 365) == date(2027, 12, 7)
    assert expiry_for(date(2026, 12, 7), 0) is None and expiry_for(date(2026, 12, 7), None) is None
