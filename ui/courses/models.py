"""Table models of the courses: a member's courses, and one course's history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from bnaura_desk.domain.courses import CourseEntryKind
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.services.courses import CourseState, CourseStep, CourseView

from ..widgets.dates import format_datetime
from ..widgets.rows_model import RowsModel
from .labels import (
    bought_text,
    expiry_text,
    left_text,
    package_name,
    state_name,
    state_reason,
    step_branch,
    step_what,
    treatment_name,
)

Index = QModelIndex | QPersistentModelIndex

_COURSE_HEADERS = (
    QT_TRANSLATE_NOOP("CoursesModel", "Course"),
    QT_TRANSLATE_NOOP("CoursesModel", "Treatment"),
    QT_TRANSLATE_NOOP("CoursesModel", "Left"),
    QT_TRANSLATE_NOOP("CoursesModel", "Expires"),
    QT_TRANSLATE_NOOP("CoursesModel", "Bought"),
    QT_TRANSLATE_NOOP("CoursesModel", "State"),
)
_STEP_HEADERS = (
    QT_TRANSLATE_NOOP("CourseHistoryModel", "When"),
    QT_TRANSLATE_NOOP("CourseHistoryModel", "What"),
    QT_TRANSLATE_NOOP("CourseHistoryModel", "Sessions"),
    QT_TRANSLATE_NOOP("CourseHistoryModel", "Branch"),
    QT_TRANSLATE_NOOP("CourseHistoryModel", "Performed by"),
    QT_TRANSLATE_NOOP("CourseHistoryModel", "Note"),
)
_GREY = QColor("#6b6f76")  # a course that cannot be used reads greyed, its state says why
_REFUSED = QColor("#b42318")
_GOOD = QColor("#1b6e3a")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CoursesModel(RowsModel):
    """A member's courses, oldest first: course, treatment, left of total, expiry, where bought, state."""

    PACKAGE, TREATMENT, LEFT, EXPIRES, BOUGHT, STATE = range(6)
    COLUMN_COUNT = 6

    def course(self, row: int) -> CourseView:
        return self.row_at(row)  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c: CourseView = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (package_name, treatment_name, left_text, expiry_text, bought_text, state_name)[col](c)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.BOUGHT:
                return f"{bought_text(c)} · {c.sale_number}" if c.sale_number else bought_text(c)
            return state_reason(c) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.LEFT:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.STATE and c.state is CourseState.EXPIRED:
                return _REFUSED
            if col == self.STATE and c.usable:
                return _GOOD
            if not c.usable:
                return _GREY
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMN_COUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("CoursesModel", _COURSE_HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section == self.LEFT:
                return _RIGHT
        return None


class CourseHistoryModel(RowsModel):
    """One course's history, oldest first: when, what, sessions (signed), branch, performed by, note.

    Who recorded a row (the staff signed in) is its tooltip: the customer
    page is narrow, and the note matters more.
    """

    WHEN, WHAT, SESSIONS, BRANCH, PERFORMER, NOTE = range(6)
    COLUMN_COUNT = 6

    def step(self, row: int) -> CourseStep:
        return self.row_at(row)  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s: CourseStep = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            if not s.staff:
                return None
            return QCoreApplication.translate("CourseHistoryModel", "Recorded by {name}").format(name=s.staff)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WHEN:
                return format_datetime(s.at)
            if col == self.WHAT:
                return step_what(s)
            if col == self.SESSIONS:
                return f"{s.sessions:+d}".replace("-", "−")
            if col == self.BRANCH:
                return step_branch(s)
            if col == self.PERFORMER:
                return s.performed_by
            if col == self.NOTE:
                return s.note
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.SESSIONS:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == self.SESSIONS:
            return _GOOD if s.kind is CourseEntryKind.BOUGHT else _REFUSED
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMN_COUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("CourseHistoryModel", _STEP_HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section == self.SESSIONS:
                return _RIGHT
        return None
