"""Add or take a member's points by hand, with a reason (managers; others with a manager's PIN)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.errors import BadInput, DeskError
from bnaura_desk.domain.points import MAX_ADJUSTMENT, adjustment_reason
from bnaura_desk.services import loyalty as loyalty_service

from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner
from ..widgets import FieldError
from .labels import format_points


class AdjustPointsDialog(QDialog):
    """Asks add or take, how many points and why; runs ``adjust_points``.

    The amount and the reason are checked (``domain.points.adjustment_reason``)
    before anything runs, so a manager is never asked for a PIN to approve
    an adjustment that would be refused. The service's refusals (and those
    after the PIN) are shown under their field; nothing is changed then.

    Signals:
        adjusted(str): the new ledger entry's id, once recorded (the dialog then closes).
    """

    adjusted = Signal(str)

    def __init__(
        self, runner: DeskRunner, customer_id: str, member_name: str, balance: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("adjustPointsDialog")
        self.runner = runner
        self.customer_id = customer_id
        self.member_name = member_name
        self.balance = balance
        self._saving = False

        self.member = QLabel(self)
        self.member.setWordWrap(True)
        self.current_caption, self.current = QLabel(self), QLabel(self)
        self.add_button, self.take_button = QRadioButton(self), QRadioButton(self)
        self.add_button.setChecked(True)
        self._direction = QButtonGroup(self)
        self._direction.addButton(self.add_button)
        self._direction.addButton(self.take_button)
        self.amount = QSpinBox(self)
        self.amount.setObjectName("adjustAmount")
        self.amount.setRange(0, MAX_ADJUSTMENT)
        self.amount.setGroupSeparatorShown(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("adjustReason")
        self.reason.setMaxLength(500)
        self.direction_caption, self.amount_caption, self.reason_caption = QLabel(self), QLabel(self), QLabel(self)
        self.amount_error, self.reason_error, self.general_error = FieldError(self), FieldError(self), FieldError(self)

        direction = QHBoxLayout()
        direction.addWidget(self.add_button)
        direction.addWidget(self.take_button)
        direction.addStretch(1)
        form = QFormLayout()
        form.addRow(self.member)
        form.addRow(self.current_caption, self.current)
        form.addRow(self.direction_caption, direction)
        form.addRow(self.amount_caption, _stack(self, self.amount, self.amount_error))
        form.addRow(self.reason_caption, _stack(self, self.reason, self.reason_error))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("primary")
        # The button box polished its buttons already: re-polish for the #primary style.
        self.save_button.style().unpolish(self.save_button)
        self.save_button.style().polish(self.save_button)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.amount.setFocus()
        self.amount.selectAll()

    @property
    def delta(self) -> int:
        """The adjustment as typed: positive to add, negative to take."""
        return self.amount.value() if self.add_button.isChecked() else -self.amount.value()

    @property
    def saving(self) -> bool:
        return self._saving

    def save(self) -> None:
        """Check what was typed, then record the adjustment (asking a manager's PIN if needed)."""
        if self._saving:
            return
        for label in (self.amount_error, self.reason_error, self.general_error):
            label.clear_error()
        try:
            adjustment_reason(self.delta, self.reason.text())
        except BadInput as error:
            self.show_error(error)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        run_with_override(
            self.runner,
            self,
            loyalty_service.adjust_points,
            self.customer_id,
            self.delta,
            self.reason.text(),
            on_done=while_alive(self, lambda changes: self._finish(str(changes.result))),
            on_error=while_alive(self, self.show_error),
            on_cancel=while_alive(self, self._cancelled),
            initiator=self,
        )

    def _cancelled(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _finish(self, entry_id: str) -> None:
        self._saving = False
        self.adjusted.emit(entry_id)
        self.accept()

    def show_error(self, error: BaseException) -> None:
        """Show a refusal under its field (or under the form); other errors in a message box."""
        self._saving = False
        self.save_button.setEnabled(True)
        if not isinstance(error, DeskError):
            self.runner.show_error(error, self)
            return
        targets = {"points": (self.amount_error, self.amount), "reason": (self.reason_error, self.reason)}
        label, field = targets.get(error.field or "", (self.general_error, self.amount))
        label.show_error(error)
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Adjust points"))
        self.member.setText(self.tr("Points of {name}").format(name=self.member_name))
        self.current_caption.setText(self.tr("Balance now"))
        self.current.setText(self.tr("{points} points").format(points=format_points(self.balance)))
        self.direction_caption.setText(self.tr("Adjustment"))
        self.add_button.setText(self.tr("Add points"))
        self.take_button.setText(self.tr("Take points"))
        self.amount_caption.setText(self.tr("Points"))
        self.reason_caption.setText(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why, e.g. points of a sale missed on 3 Nov"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _stack(parent: QWidget, field: QWidget, error: QLabel) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box
