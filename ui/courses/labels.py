"""The courses' words: names in the UI language, a course's state and why, what a history row is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bnaura_desk.domain.courses import CourseEntryKind
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.services.courses import CourseState, CourseStep, CourseView

from ..i18n import current_language
from ..widgets.dates import format_date

_CONTEXT = "Courses"

STATE_NAMES = {
    CourseState.USABLE: QT_TRANSLATE_NOOP("Courses", "Can be used"),
    CourseState.EXPIRED: QT_TRANSLATE_NOOP("Courses", "Expired"),
    CourseState.USED_UP: QT_TRANSLATE_NOOP("Courses", "Used up"),
    CourseState.WAITS: QT_TRANSLATE_NOOP("Courses", "After the older course"),
}
# Why "use a session" is not offered, in a sentence (shown under the list).
STATE_REASONS = {
    CourseState.EXPIRED: QT_TRANSLATE_NOOP("Courses", "This course expired on {date}: its sessions cannot be used"),
    CourseState.USED_UP: QT_TRANSLATE_NOOP("Courses", "No session of this course is left"),
    CourseState.WAITS: QT_TRANSLATE_NOOP(
        "Courses", "An older course of the same treatment is used first: choose that one"),
}
KIND_NAMES = {
    CourseEntryKind.BOUGHT: QT_TRANSLATE_NOOP("Courses", "Bought"),
    CourseEntryKind.USED: QT_TRANSLATE_NOOP("Courses", "Session used"),
    CourseEntryKind.REFUNDED: QT_TRANSLATE_NOOP("Courses", "Taken back by a refund"),
}


def translated(text: str) -> str:
    """Return ``text`` (marked in context "Courses") in the UI language."""
    return QCoreApplication.translate(_CONTEXT, text)


def in_language(name_th: str, name_en: str) -> str:
    """Return a name in the UI language (the Thai one when there is no English)."""
    if current_language() == "en" and name_en:
        return name_en
    return name_th or name_en


def package_name(course: CourseView) -> str:
    return in_language(course.package_th, course.package_en)


def treatment_name(course: CourseView) -> str:
    return in_language(course.treatment_th, course.treatment_en)


def left_text(course: CourseView) -> str:
    """Return "4 of 5" (what is left of the sessions granted)."""
    return translated(QT_TRANSLATE_NOOP("Courses", "{left} of {total}")).format(left=course.remaining, total=course.bought)


def used_text(course: CourseView) -> str:
    """Return the news after a session was used: "Session used: “course”, 4 of 5 left"."""
    return translated(QT_TRANSLATE_NOOP("Courses", "Session used: “{course}”, {left} left")).format(
        course=package_name(course), left=left_text(course))


def expiry_text(course: CourseView) -> str:
    return format_date(course.expires_on) if course.expires_on is not None else translated(QT_TRANSLATE_NOOP("Courses", "No expiry"))


def bought_text(course: CourseView) -> str:
    """Return when and where the course was bought: "7 ธ.ค. 2569 · สาขาสยาม" (the receipt's number is in the history)."""
    branch = in_language(course.branch_th, course.branch_en)
    return " · ".join(p for p in (format_date(course.bought_at), branch) if p)


def state_name(course: CourseView) -> str:
    return translated(STATE_NAMES[course.state])


def state_reason(course: CourseView) -> str:
    """Return why a session of ``course`` cannot be used ("" when it can)."""
    if course.state is CourseState.USABLE:
        return ""
    date = format_date(course.expires_on) if course.expires_on is not None else ""
    return translated(STATE_REASONS[course.state]).format(date=date)


def step_what(step: CourseStep) -> str:
    return translated(KIND_NAMES[step.kind])


def step_branch(step: CourseStep) -> str:
    return in_language(step.branch_th, step.branch_en) or translated(QT_TRANSLATE_NOOP("Courses", "Not known here"))
