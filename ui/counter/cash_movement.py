"""Cash in or cash out during a shift: which way, how much, and why.

Keyboard first: the amount box has the focus, F5 picks cash in and F6 cash
out, Enter in the amount moves on to the reason and Enter there records it.
The dialog shows what the drawer should hold now and after the movement;
the service (``cash_movements.record_cash_movement``) decides, and a cash
out by someone who may not take cash out gets the manager's PIN dialog
(``ui.override``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.cash_movements import REASON_MAX, CashDirection
from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.domain.money import format_baht, parse_baht
from bnaura_desk.services.cash_movements import record_cash_movement

from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner
from .reads import ShiftState
from .shift import _ShiftDialog


class CashMovementDialog(_ShiftDialog):
    """Put cash into the drawer or take it out. ``submitted((CashDirection, int, str))``: way, satang, reason."""

    def __init__(self, shift: ShiftState, direction: CashDirection = CashDirection.IN,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashMovementDialog")
        self.shift = shift
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.cash_in = QRadioButton(self)
        self.cash_in.setObjectName("cashIn")
        self.cash_out = QRadioButton(self)
        self.cash_out.setObjectName("cashOut")
        self.ways = QButtonGroup(self)
        self.ways.addButton(self.cash_in)
        self.ways.addButton(self.cash_out)
        (self.cash_in if direction is CashDirection.IN else self.cash_out).setChecked(True)
        self.ways.buttonToggled.connect(lambda _b, _on: self._show_after())
        for button in (self.cash_in, self.cash_out):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F5 / F6 choose; Tab goes amount → reason
        way_row = QHBoxLayout()
        way_row.addWidget(self.cash_in)
        way_row.addWidget(self.cash_out)
        way_row.addStretch(1)
        self.amount_caption = QLabel(self)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("cashAmount")
        self.amount.textChanged.connect(lambda _t: self._show_after())
        self.reason_caption = QLabel(self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("cashReason")
        self.reason.setMaxLength(REASON_MAX)
        self.after_caption = QLabel(self)
        self.after_label = QLabel(self)
        self.after_label.setObjectName("cashAfter")
        form = QFormLayout()
        form.addRow(self.amount_caption, self.amount)
        form.addRow(self.reason_caption, self.reason)
        form.addRow(self.after_caption, self.after_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addLayout(way_row)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        self.setMinimumWidth(460)
        self._retranslate()
        self.amount.setFocus()

    @property
    def direction(self) -> CashDirection:
        return CashDirection.IN if self.cash_in.isChecked() else CashDirection.OUT

    def _typed_satang(self) -> int | None:
        try:
            return parse_baht(self.amount.text(), field="amount_satang")
        except DeskError:
            return None

    def _show_after(self) -> None:
        typed = self._typed_satang() or 0
        after = self.shift.expected_satang + (typed if self.direction is CashDirection.IN else -typed)
        self.after_label.setText(format_baht(after))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F5:
            self.cash_in.setChecked(True)
            return
        if event.key() == Qt.Key.Key_F6:
            self.cash_out.setChecked(True)
            return
        # Enter after the amount goes on to the reason when none is typed yet.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.amount.hasFocus() \
                and not self.reason.text().strip():
            self.reason.setFocus()
            return
        super().keyPressEvent(event)

    def confirm(self) -> None:
        try:
            satang = parse_baht(self.amount.text(), field="amount_satang")
        except DeskError as error:
            self.error.show_error(error)
            self.amount.setFocus()
            return
        self._send((self.direction, satang, self.reason.text()))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cash in / out"))
        self.heading.setText(self.tr(
            "Cash put into the drawer or taken out of it that is not a sale's, with the reason. "
            "The drawer should hold {cash} now.").format(cash=format_baht(self.shift.expected_satang)))
        self.cash_in.setText(self.tr("Cash in (F5)"))
        self.cash_out.setText(self.tr("Cash out (F6)"))
        self.amount_caption.setText(self.tr("Amount (฿)"))
        self.amount.setPlaceholderText("0.00")
        self.reason_caption.setText(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. change from the bank, drinking water"))
        self.after_caption.setText(self.tr("Cash expected after"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.ok_button.setText(self.tr("Record"))
        self._show_after()


def ask_cash_movement(runner: DeskRunner, shift: ShiftState, parent: QWidget,
                      recorded: Callable[[ChangeSet], None], initiator: QObject | None = None) -> CashMovementDialog:
    """Open the cash in/out dialog over ``parent``; ``recorded(changes)`` once the movement is stored.

    Recording runs ``cash_movements.record_cash_movement`` on the database
    worker; a cash out by someone who may not take cash out asks a
    manager's PIN (``ui.override``), and the dialog stays open with the
    service's reason when it refuses.
    """
    dialog = CashMovementDialog(shift, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def done(changes: ChangeSet) -> None:
        dialog.accept()
        recorded(changes)

    def submit(value: tuple[CashDirection, int, str]) -> None:
        run_with_override(
            runner, dialog, record_cash_movement, *value, initiator=initiator,
            on_done=while_alive(dialog, done), on_error=while_alive(dialog, dialog.fail),
            on_cancel=while_alive(dialog, lambda: dialog.fail(
                QCoreApplication.translate("CashMovementDialog", "The cash out was not approved"))))

    dialog.submitted.connect(submit)
    dialog.open()
    return dialog
