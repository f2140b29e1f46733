"""Manager override: a manager's PIN authorises one action of the signed-in user.

Screens run a use case with ``run_with_override``; when the service refuses
with ``PermissionDenied`` naming a permission, a dialog lists the managers
and owners who hold it, one of them types their PIN, and the use case runs
again, once, with the single-use ``Override``. The audit entry then names
the manager as ``authorized_by``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import DeskError, PermissionDenied
from bnaura_desk.domain.roles import OVERRIDE_ROLES, PERMISSION_LABELS, ROLE_LABELS, Permission, may
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import Override
from bnaura_desk.services.staff import StaffCard

from .runner import DeskRunner
from .widgets import FieldError, PinField


class OverrideDialog(QDialog):
    """Asks a manager or owner for their PIN to authorise ``permission`` once.

    Signals:
        granted(Override): the PIN matched; the dialog then closes accepted.
    """

    granted = Signal(object)

    def __init__(self, runner: DeskRunner, permission: Permission, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setModal(True)
        self._runner = runner
        self.permission = Permission(permission)
        self.override: Override | None = None
        self._busy = False
        self._loaded = False

        self.heading = QLabel(self)
        self.heading.setObjectName("pinFor")
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.approvers = QListWidget(self)
        self.approvers.setObjectName("approvers")
        self.pin = PinField(self)
        self.error = FieldError(self)
        self.approve_button = QPushButton(self)
        self.approve_button.setObjectName("primary")
        self.approve_button.setDefault(False)
        self.approve_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.approvers)
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)

        self.pin.submitted.connect(self.submit)
        self.approve_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.approvers.currentItemChanged.connect(lambda *_: self._focus_pin())
        self._retranslate()
        runner.read(staff_service.list_staff, on_done=self._show_approvers)

    @property
    def loaded(self) -> bool:
        """Whether the list of approvers has been read."""
        return self._loaded

    @property
    def busy(self) -> bool:
        return self._busy

    def select(self, staff_id: str) -> None:
        """Choose the approver by id."""
        for row in range(self.approvers.count()):
            if self.approvers.item(row).data(Qt.ItemDataRole.UserRole) == staff_id:
                self.approvers.setCurrentRow(row)
                return

    def submit(self) -> None:
        """Check the chosen approver's PIN."""
        if self._busy:
            return
        item = self.approvers.currentItem()
        if item is None:
            self.error.show_error(self.tr("Choose the manager who approves"))
            return
        if not self.pin.text():
            self.error.show_error(self.tr("Type the manager's PIN"))
            return
        self._busy = True
        self.approve_button.setEnabled(False)
        self._runner.run(
            staff_service.authorize_override,
            item.data(Qt.ItemDataRole.UserRole),
            self.pin.text(),
            self.permission,
            on_done=self._granted,
            on_error=self._failed,
            initiator=self,
        )

    def _granted(self, changes: ChangeSet) -> None:
        self._busy = False
        self.override = changes.result
        self.granted.emit(self.override)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.approve_button.setEnabled(True)
        self.pin.clear()
        self._focus_pin()
        if isinstance(error, DeskError):
            self.error.show_error(error)
        else:
            self._runner.show_error(error, self)

    def _show_approvers(self, cards: list[StaffCard]) -> None:
        me = self._runner.actor.staff_id if self._runner.actor else None
        self.approvers.clear()
        for card in cards:
            if card.role in OVERRIDE_ROLES and may(card.role, self.permission) and card.id != me:
                item = QListWidgetItem(self.approvers)
                item.setData(Qt.ItemDataRole.UserRole, card.id)
                item.setData(Qt.ItemDataRole.UserRole + 1, card)
        self._render_items()
        if self.approvers.count():
            self.approvers.setCurrentRow(0)
        else:
            self.error.show_error(self.tr("No manager on this terminal may approve this."))
        self._loaded = True
        self._focus_pin()

    def _render_items(self) -> None:
        for row in range(self.approvers.count()):
            item = self.approvers.item(row)
            card: StaffCard = item.data(Qt.ItemDataRole.UserRole + 1)
            role = QCoreApplication.translate("roles", ROLE_LABELS[card.role])
            item.setText(f"{card.display_name} · {role}")

    def _focus_pin(self) -> None:
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Manager approval"))
        self.heading.setText(self.tr("A manager's approval is needed"))
        action = QCoreApplication.translate("permissions", PERMISSION_LABELS[self.permission])
        who = self._runner.actor.name if self._runner.actor else ""
        text = self.tr("{user} may not {action} alone. A manager chooses their name and types their PIN to approve this once.")
        self.explanation.setText(text.format(user=who, action=action))
        self.approve_button.setText(self.tr("Approve"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._render_items()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def request_override(parent: QWidget | None, runner: DeskRunner, permission: Permission | str) -> Override | None:
    """Ask a manager to authorise ``permission`` once (blocks in a modal dialog).

    Return:
        The single-use ``Override`` to pass as ``override=`` to the use case,
        or ``None`` when the dialog was cancelled.
    """
    dialog = OverrideDialog(runner, Permission(permission), parent)
    try:
        return dialog.override if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def run_with_override(
    runner: DeskRunner,
    parent: QWidget | None,
    use_case: Callable[..., ChangeSet],
    *args: Any,
    on_done: Callable[[ChangeSet], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    initiator: Any = None,
    **kwargs: Any,
) -> None:
    """Run ``use_case``; if refused for a permission, ask a manager and retry once.

    Does not block: the approval dialog is window-modal (``open()``), and the
    retry runs with the granted ``Override``. Errors other than a permission
    refusal, and a second refusal, go to ``on_error`` (default: the runner's
    message box over ``parent``).

    Args:
        on_done: called with the ChangeSet when the use case succeeded.
        on_error: called with any error that is not settled by an override.
        on_cancel: called when the manager dialog is cancelled.
    """

    def fail(error: BaseException) -> None:
        if on_error is not None:
            on_error(error)
        else:
            runner.show_error(error, parent)

    def first_failure(error: BaseException) -> None:
        permission = error.params.get("permission") if isinstance(error, PermissionDenied) else None
        if not permission or permission not in set(Permission):
            fail(error)
            return
        dialog = OverrideDialog(runner, Permission(permission), parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def retry(override: Override) -> None:
            runner.run(
                use_case, *args, override=override, on_done=on_done, on_error=fail, initiator=initiator, **kwargs
            )

        dialog.granted.connect(retry)
        if on_cancel is not None:
            dialog.rejected.connect(on_cancel)
        dialog.open()

    runner.run(use_case, *args, on_done=on_done, on_error=first_failure, initiator=initiator, **kwargs)
