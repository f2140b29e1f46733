"""Setting the PromptPay id the counter's QR pays, from the payment dialog (the owner, or with the owner's PIN)."""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.domain.promptpay import promptpay_target
from bnaura_desk.services.counter_settings import set_promptpay_id

from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner, translate_error
from ..widgets import FieldError


class PromptPayIdDialog(QDialog):
    """Ask for the PromptPay id (mobile, national or tax id, e-wallet), checked as it will be stored.

    Signals:
        submitted(str): the id as typed, checked; the caller saves it and calls ``accept`` or ``fail``.
    """

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptpayIdDialog")
        self.setModal(True)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.value = QLineEdit(self)
        self.value.setObjectName("promptpayId")
        self.error = FieldError(self)
        self.ok_button = QPushButton(self)
        self.ok_button.setObjectName("primary")
        self.ok_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.value)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)
        self._retranslate()
        self.value.setFocus()

    def confirm(self) -> None:
        try:
            promptpay_target(self.value.text())
        except DeskError as error:
            self.error.show_error(error)
            return
        self.ok_button.setEnabled(False)
        self.error.clear_error()
        self.submitted.emit(self.value.text().strip())

    def fail(self, error: BaseException | str) -> None:
        """Saving was refused (or a manager did not approve): say why."""
        self.ok_button.setEnabled(True)
        if isinstance(error, DeskError | str):
            self.error.show_error(error)
        else:
            traceback.print_exception(error)
            self.error.show_error(translate_error(error))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.ok_button.isEnabled():
                self.confirm()
            return
        super().keyPressEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("PromptPay id"))
        self.heading.setText(self.tr(
            "The PromptPay id the clinic is paid to: a mobile number, a 13-digit national or tax id, or an"
            " e-wallet id. Changing it needs the owner's approval."))
        self.value.setPlaceholderText(self.tr("e.g. 0105561234567"))
        self.ok_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def ask_promptpay_id(runner: DeskRunner, parent: QWidget, saved: Callable[[str | None], None],
                     initiator: QObject | None = None) -> PromptPayIdDialog:
    """Open the PromptPay id dialog over ``parent``; ``saved(id)`` once it is stored.

    Saving runs ``counter_settings.set_promptpay_id``; a cashier who may not
    change the clinic's settings gets the override dialog (``ui.override``): the owner's PIN.
    """
    dialog = PromptPayIdDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def done(changes: ChangeSet) -> None:
        saved(changes.result)
        dialog.accept()

    dialog.submitted.connect(lambda value: run_with_override(
        runner, dialog, set_promptpay_id, value, initiator=initiator,
        on_done=while_alive(dialog, done), on_error=while_alive(dialog, dialog.fail),
        on_cancel=while_alive(dialog, lambda: dialog.fail(
            QCoreApplication.translate("PromptPayIdDialog", "The change was not approved")))))
    dialog.open()
    return dialog
