"""Using one session of a course ("ตัดคอร์ส"): who performed it, a note, confirm.

The dialog names the course and what will be left, lists who may have
performed the session (active staff of this branch, beauticians first;
the signed-in beautician chosen already), and on "Use the session" runs
``services.courses.use_session`` on the worker (a manager's PIN when the
signed-in user may not check customers in). A refusal (nothing left, the
course expired meanwhile) shows in the dialog, translated; nothing changed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.domain.roles import ROLE_LABELS, Role
from bnaura_desk.services.courses import CourseView, Performer, course_performers, use_session

from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner
from ..widgets import FieldError
from .labels import package_name, treatment_name

NOTE_LIMIT = 500  # the ledger keeps at most this much of a note


class UseSessionDialog(QDialog):
    """Confirms one session of ``course`` for ``customer_id`` and records it.

    Signals:
        used(str): the id of the course the session came from; the dialog then closes accepted.
    """

    used = Signal(str)

    def __init__(self, runner: DeskRunner, customer_id: str, member_name: str, course: CourseView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("useSessionDialog")
        self.setModal(True)
        self.runner = runner
        self.customer_id = customer_id
        self.member_name = member_name
        self.course = course
        self._busy = False
        self._loaded = False

        self.heading = QLabel(self)
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.after = QLabel(self)
        self.after.setWordWrap(True)
        self.performer_label = QLabel(self)
        self.performer = QComboBox(self)
        self.performer.setObjectName("coursePerformer")
        self.performer_label.setBuddy(self.performer)
        self.note_label = QLabel(self)
        self.note = QLineEdit(self)
        self.note.setObjectName("courseNote")
        self.note.setMaxLength(NOTE_LIMIT)
        self.note_label.setBuddy(self.note)
        self.error = FieldError(self)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("primary")
        self.confirm_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.performer_label, self.performer)
        form.addRow(self.note_label, self.note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.after)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.retranslate()
        self.performer.setFocus()
        runner.read(course_performers, on_done=while_alive(self, self._show_performers),
                    on_error=while_alive(self, lambda error: runner.show_error(error, self)))

    # -- public

    @property
    def loaded(self) -> bool:
        """Whether the list of performers has been read."""
        return self._loaded

    @property
    def busy(self) -> bool:
        """Whether the session is being recorded."""
        return self._busy

    def choose_performer(self, staff_id: str) -> None:
        """Choose who performed the session, by staff id."""
        self.performer.setCurrentIndex(self.performer.findData(staff_id))

    def performer_id(self) -> str | None:
        """The staff id chosen (None: nobody chosen yet)."""
        data = self.performer.currentData()
        return str(data) if data else None

    def confirm(self) -> None:
        """Record the session (asks for who performed it first)."""
        if self._busy:
            return
        performer = self.performer_id()
        if performer is None:
            self.error.show_error(self.tr("Choose who performed the session"))
            self.performer.setFocus()
            return
        self._set_busy(True)
        self.error.clear_error()
        run_with_override(
            self.runner, self, use_session, self.customer_id, self.course.treatment_id, performer, self.note.text(),
            on_done=while_alive(self, self._done),
            on_error=while_alive(self, self._failed),
            on_cancel=while_alive(self, lambda: self._set_busy(False)),
            initiator=self,
        )

    # -- answers

    def _show_performers(self, performers: list[Performer]) -> None:
        self.performer.clear()
        me = self.runner.actor
        for person in performers:
            role = QCoreApplication.translate("roles", ROLE_LABELS[person.role])
            self.performer.addItem(f"{person.display_name} · {role}", person.id)
        # A beautician at the desk records their own session; anyone else chooses.
        mine = self.performer.findData(me.staff_id) if me is not None and me.role is Role.BEAUTICIAN else -1
        self.performer.setCurrentIndex(mine)
        self._loaded = True

    def _done(self, changes: ChangeSet) -> None:
        self._set_busy(False)
        self.used.emit(str(changes.result))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, DeskError):
            self.error.show_error(error)
        else:
            self.runner.show_error(error, self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.confirm_button.setEnabled(not busy)

    # -- language

    def retranslate(self) -> None:
        c = self.course
        self.setWindowTitle(self.tr("Use a course session"))
        self.heading.setText(self.tr("Use one session of “{course}” ({treatment}) for {name}?").format(
            course=package_name(c), treatment=treatment_name(c), name=self.member_name))
        self.after.setText(self.tr("{left} of {total} sessions left; after this one: {after}").format(
            left=c.remaining, total=c.bought, after=c.remaining - 1))
        self.performer_label.setText(self.tr("Performed by"))
        self.performer.setPlaceholderText(self.tr("Choose who performed it"))
        self.note_label.setText(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Optional, e.g. the area treated"))
        self.confirm_button.setText(self.tr("Use the session"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

