"""A member's courses with "Use a session" (ตัดคอร์ส), and optionally each course's history.

One widget for every place a course is seen: the redemption screen, the
counter's "Use a course session" dialog and the customer's "Courses" page
(with the history of the selected course under the list). It reads
``services.courses.course_history`` on the worker when a member is shown,
and again when the bus says the member changed (a session used here or on
another terminal, a package sold or refunded); hidden, it marks itself
stale and reads when shown.

Keyboard: Up/Down choose a course, Enter uses a session of it. A course
that cannot be used (expired, used up, or younger than another of the same
treatment, which ``use_session`` takes first) is listed greyed with the
reason under the list, and "Use a session" is off for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, NotFound
from bnaura_desk.services.courses import CourseView, course_history
from bnaura_desk.store.models import Customer

from ..bus import ChangeBus
from ..customers.callbacks import while_alive
from ..runner import DeskRunner
from .labels import in_language, package_name, state_reason, used_text
from .models import CourseHistoryModel, CoursesModel
from .use_dialog import UseSessionDialog

if TYPE_CHECKING:  # the UI never opens sessions; it only names the type
    from sqlalchemy.orm import Session

_GOOD_STYLE = "color: #1b6e3a; font-weight: 600;"


@dataclass(frozen=True)
class MemberCourses:
    """A member's names and courses, read together."""

    customer_id: str
    name_th: str
    name_en: str
    courses: list[CourseView]


def load_courses(session: Session, customer_id: str, now: datetime) -> MemberCourses:
    """Read a live member's names and their courses at ``now``.

    Raises:
        NotFound: unknown or deleted customer.
    """
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists"))
    return MemberCourses(customer.id, customer.name_th, customer.name_en or "",
                         course_history(session, customer_id, now))


class CoursesSection(QWidget):
    """The courses of the member shown, "Use a session", and (``history=True``) the selected course's history.

    Signals:
        used(CourseView): a session was recorded; the course as read again after it (what is left now).
    """

    used = Signal(object)

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None, *,
                 history: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("coursesSection")
        self.runner = runner
        self._customer_id: str | None = None
        self._read: MemberCourses | None = None
        self._seq = 0
        self._stale = False
        self._just_used: str | None = None
        self._prefer_treatment: str | None = None
        self.dialog: UseSessionDialog | None = None

        self.caption = QLabel(self)
        self.caption.setObjectName("sectionTitle")
        bold = QFont(self.caption.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.caption.setFont(bold)
        self.model = CoursesModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("memberCourses")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CoursesModel.PACKAGE, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _index: self.use_selected())
        self.empty = QLabel(self)
        self.empty.setObjectName("hint")
        self.empty.hide()
        self.reason = QLabel(self)
        self.reason.setObjectName("courseReason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #b42318;")
        self.message = QLabel(self)
        self.message.setObjectName("courseUsed")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_GOOD_STYLE)
        self.message.hide()
        self.use_button = QPushButton(self)
        self.use_button.setObjectName("useCourseSession")
        self.use_button.setAutoDefault(False)
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_selected)

        self.history_caption: QLabel | None = None
        self.history_model: CourseHistoryModel | None = None
        self.history_table: QTableView | None = None

        # The action sits by the caption: a short screen scrolls the list, never the button away.
        top = QHBoxLayout()
        top.addWidget(self.caption)
        top.addStretch(1)
        top.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.reason)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        if history:
            self.history_caption = QLabel(self)
            self.history_caption.setFont(bold)
            self.history_model = CourseHistoryModel(self)
            self.history_table = QTableView(self)
            self.history_table.setObjectName("courseHistory")
            self.history_table.setModel(self.history_model)
            self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.history_table.setAlternatingRowColors(True)
            # A note is the point of a row: it wraps, never elides.
            self.history_table.setWordWrap(True)
            self.history_table.setTextElideMode(Qt.TextElideMode.ElideNone)
            self.history_table.verticalHeader().hide()
            self.history_table.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 14)
            self.history_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            steps = self.history_table.horizontalHeader()
            steps.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            steps.setSectionResizeMode(CourseHistoryModel.NOTE, QHeaderView.ResizeMode.Stretch)
            layout.addWidget(self.history_caption)
            layout.addWidget(self.history_table, 1)

        bus.changed.connect(self._on_changed)
        self.retranslate()

    # -- public

    @property
    def customer_id(self) -> str | None:
        """The member shown (None: nobody)."""
        return self._customer_id

    @property
    def member(self) -> MemberCourses | None:
        """What was last read of the member shown (None while reading)."""
        return self._read

    def show_customer(self, customer_id: str | None, *, treatment_id: str | None = None) -> None:
        """Show ``customer_id``'s courses (None: nobody), now or when shown.

        ``treatment_id``: select a usable course of this treatment when the list arrives.
        """
        self._prefer_treatment = treatment_id
        if customer_id != self._customer_id:
            self._customer_id = customer_id
            self._read = None
            self._seq += 1
            self.message.hide()
            self._render()
        if customer_id is None:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Read the member's courses again."""
        self._stale = False
        if self._customer_id is None:
            return
        self._seq += 1
        seq = self._seq
        self.runner.read(load_courses, self._customer_id, self.runner.terminal.clock(),
                         on_done=while_alive(self, lambda read: self._show(seq, read)),
                         on_error=while_alive(self, lambda error: self._failed(seq, error)))

    def selected_course(self) -> CourseView | None:
        """The course selected in the list (None: none)."""
        row = self.table.currentIndex().row()
        return self.model.course(row) if 0 <= row < self.model.rowCount() else None

    def select_course(self, course_id: str) -> None:
        """Select the course ``course_id`` (nothing when it is not listed)."""
        row = self.model.row_of(course_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def use_selected(self) -> UseSessionDialog | None:
        """Open "Use a session" for the selected course; None when it cannot be used (the reason shows)."""
        course = self.selected_course()
        read = self._read
        if course is None or read is None or not course.usable or self.dialog is not None:
            return None
        dialog = UseSessionDialog(self.runner, read.customer_id, in_language(read.name_th, read.name_en), course,
                                  self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.used.connect(self._used)
        dialog.finished.connect(lambda _result: self._dialog_closed())
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- answers

    def _show(self, seq: int, read: MemberCourses) -> None:
        if seq != self._seq:
            return
        keep = self.selected_course()
        self._read = read
        self._render()
        wanted = self._just_used or (keep.id if keep else None)
        if self._prefer_treatment is not None:
            match = [c for c in read.courses if c.treatment_id == self._prefer_treatment]
            usable = [c for c in match if c.usable]
            if usable or match:
                wanted = (usable or match)[0].id
            self._prefer_treatment = None
        if wanted is None:
            usable = [c for c in read.courses if c.usable]
            wanted = usable[0].id if usable else (read.courses[0].id if read.courses else None)
        if wanted is not None:
            self.select_course(wanted)
        if self._just_used is not None:
            used = next((c for c in read.courses if c.id == self._just_used), None)
            self._just_used = None
            if used is not None:
                self.message.setText(used_text(used))
                self.message.show()
                self.used.emit(used)

    def _failed(self, seq: int, error: BaseException) -> None:
        if seq != self._seq:
            return
        if isinstance(error, NotFound):
            self.show_customer(None)
        else:
            self.runner.show_error(error, self)

    def _used(self, course_id: str) -> None:
        # What is left shows once the list is read again (the bus asks too; the later read wins).
        self._just_used = course_id
        self.refresh()

    def _dialog_closed(self) -> None:
        self.dialog = None
        self.table.setFocus()

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._render_selected()

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        shown = self._customer_id
        if shown is None or not (changes.may_touch(Kind.CUSTOMER, shown) or changes.touches(Kind.CATALOG_ITEM)):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- rendering

    def _render(self) -> None:
        read = self._read
        courses = read.courses if read is not None else []
        self.model.set_rows(courses)
        self.empty.setVisible(read is not None and not courses)
        self._render_selected()

    def _render_selected(self) -> None:
        course = self.selected_course()
        self.use_button.setEnabled(course is not None and course.usable and self.dialog is None)
        reason = state_reason(course) if course is not None else ""
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        if self.history_model is not None and self.history_caption is not None:
            self.history_model.set_rows(list(course.history) if course is not None else [])
            self.history_caption.setText(
                self.tr("History of “{course}”").format(course=package_name(course)) if course is not None
                else self.tr("History"))

    # -- keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.use_selected()
                return True
        return super().eventFilter(watched, event)

    # -- language

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Courses"))
        self.empty.setText(self.tr("No courses: a package sold to the member shows here"))
        self.use_button.setText(self.tr("Use a session (Enter)"))
        self.use_button.setToolTip(self.tr("Use one session of the selected course"))
        self.model.retranslate()
        if self.history_model is not None:
            self.history_model.retranslate()
        self._render_selected()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
