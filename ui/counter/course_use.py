"""Using a course session from the counter (F7): the attached member's courses, instead of selling the treatment.

``CourseUse`` owns the "Use course session… (F7)" button and key of the
POS screen. It opens ``CourseUseDialog``, the courses section of
``ui.courses`` for the attached member, with a course of the selected cart
line's treatment chosen when there is one. Once the session is recorded,
the dialog closes, the screen says what is left, and one of that treatment
in the cart comes off it: the customer paid for it with the course.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.services.courses import CourseView, course_history

from ..courses.labels import used_text
from ..courses.section import CoursesSection
from ..customers.callbacks import while_alive
from .reads import CounterMember

if TYPE_CHECKING:
    from ..runner import DeskRunner
    from .screen import CounterScreen

KEY = "F7"


class CourseUseDialog(QDialog):
    """The attached member's courses; Enter uses a session of the selected one; closes once one is used.

    Args:
        runner: the app's database worker.
        customer_id: the member attached to the sale.
        treatment_id: choose a course of this treatment first (the cart line selected), if any.
    """

    def __init__(self, runner: DeskRunner, customer_id: str, treatment_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("courseUseDialog")
        self.setModal(True)
        self.used: CourseView | None = None
        self.section = CoursesSection(runner, runner.bus, self)
        self.section.used.connect(self._used)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.section, 1)
        layout.addLayout(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.fontMetrics().height() * 22)
        self.retranslate()
        self.section.show_customer(customer_id, treatment_id=treatment_id)
        self.section.table.setFocus()

    def _used(self, course: CourseView) -> None:
        self.used = course
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Use a course session"))
        self.close_button.setText(self.tr("Close (Esc)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CourseUse(QObject):
    """The POS screen's "Use course session…" button and its key (F7).

    The button is on when the attached member has a course with a session
    that can be used today (read when the member is attached, and again
    when the bus names them). F7 opens the member's courses whenever a
    member is attached, so staff also see why none can be used.

    Args:
        screen: the POS screen (its member, cart and message line are used).
    """

    def __init__(self, screen: CounterScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.dialog: CourseUseDialog | None = None
        self._member_id: str | None = None
        self._seq = 0
        self.button = QPushButton(screen)
        self.button.setObjectName("counterUseCourse")
        self.button.setAutoDefault(False)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setEnabled(False)
        self.button.clicked.connect(self.open)
        shortcut = QShortcut(QKeySequence(KEY), screen)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.open)
        screen.cart_shown.connect(lambda _lines, _priced, member: self._member_shown(member))
        screen.runner.bus.changed.connect(self._on_changed)
        screen.installEventFilter(self)
        self.retranslate()

    def open(self) -> CourseUseDialog | None:
        """Open the courses of the attached member (without one, the screen says to attach them)."""
        screen = self.screen
        customer_id = screen.draft.customer_id
        if customer_id is None:
            screen.show_message(self.tr("Attach the member first (F3): a course session is used from their courses"))
            return None
        if self.dialog is not None:
            return self.dialog
        position = screen.selected_line()
        treatment = screen.draft.lines[position].item_id if position is not None else None
        dialog = CourseUseDialog(screen.runner, customer_id, treatment, screen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._used(dialog.used))
        dialog.finished.connect(lambda _result: self._closed())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _used(self, course: CourseView | None) -> None:
        if course is None:
            return
        screen = self.screen
        text = used_text(course)
        lines = [i for i, line in enumerate(screen.draft.lines) if line.item_id == course.treatment_id]
        if lines:
            # The treatment was in the cart to be sold: the course pays for one of it instead.
            screen.select_line(lines[0])
            if screen.draft.lines[lines[0]].quantity > 1:
                screen.change_quantity(-1)
            else:
                screen.remove_line()
            text = self.tr("{news}; one taken off the cart").format(news=text)
        screen.show_message(text, good=True)

    def _closed(self) -> None:
        self.dialog = None
        self.screen.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _member_shown(self, member: CounterMember | None) -> None:
        # cart_shown comes with every change of the cart: read only for another member.
        member_id = member.id if member is not None else None
        if member_id != self._member_id:
            self._member_id = member_id
            self._check()

    def _check(self) -> None:
        self._seq += 1
        seq, member_id = self._seq, self._member_id
        if member_id is None:
            self.button.setEnabled(False)
            return
        runner = self.screen.runner
        runner.read(course_history, member_id, runner.terminal.clock(),
                    on_done=while_alive(self, lambda found: self._checked(seq, found)),
                    on_error=while_alive(self, lambda _error: self._checked(seq, [])))

    def _checked(self, seq: int, found: list[CourseView]) -> None:
        if seq == self._seq:
            self.button.setEnabled(any(c.usable for c in found))

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if self._member_id is not None and (changes.may_touch(Kind.CUSTOMER, self._member_id)
                                            or changes.touches(Kind.CATALOG_ITEM)):
            self._check()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Use course session… ({key})").format(key=KEY))
        self.button.setToolTip(self.tr("Use a session of the member's course instead of selling the treatment"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.screen and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)
