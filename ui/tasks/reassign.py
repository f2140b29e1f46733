"""Asks a manager to whom a task goes: a staff member, or back to its role's queue (``staff_id`` once accepted)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from bnaura_desk.domain.roles import ROLE_LABELS
from bnaura_desk.services.staff import StaffCard


class ReassignDialog(QDialog):
    """Choose who takes a task over (see the module)."""

    def __init__(self, customer: str, staff: list[StaffCard], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskReassign")
        self.setWindowTitle(QCoreApplication.translate("TaskQueue", "Reassign task"))
        question = QLabel(QCoreApplication.translate("TaskQueue", "Who takes over {customer}'s task?").format(
            customer=customer), self)
        question.setWordWrap(True)
        self.who = QComboBox(self)
        self.who.setObjectName("taskReassignWho")
        self.who.addItem(QCoreApplication.translate("TaskQueue", "Back to the role's queue (nobody)"), None)
        for card in staff:
            role = QCoreApplication.translate("roles", ROLE_LABELS[card.role])
            self.who.addItem(f"{card.display_name} ({role})", card.id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.who)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    @property
    def staff_id(self) -> str | None:
        value = self.who.currentData()
        return value if isinstance(value, str) else None
