"""Where each staff member may sign in: a manager ticks the chain's branches (none ticked: every branch).

Opened from File → "Where staff may sign in…", which the main window shows
only to staff managers of a chain with more than one branch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
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

from bnaura_desk.domain.errors import DeskError
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.staff import BranchCard, StaffCard

from .i18n import current_language
from .runner import DeskRunner
from .widgets import FieldError

_ID = Qt.ItemDataRole.UserRole


class StaffBranchesDialog(QDialog):
    """Lists the staff and the chain's branches; saves the branches ticked for the selected member.

    Signals:
        saved(str): a member's branches were saved, with their id.
    """

    saved = Signal(str)

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffBranchesDialog")
        self.setModal(True)
        self._runner = runner
        self._cards: dict[str, StaffCard] = {}
        self._branches: list[BranchCard] = []
        self._busy = False

        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.staff_list = QListWidget(self)
        self.staff_list.setObjectName("staffList")
        self.branch_list = QListWidget(self)
        self.branch_list.setObjectName("branchList")
        self.error = FieldError(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primary")
        self.close_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.staff_list.currentItemChanged.connect(lambda *_: self._show_ticks())

        lists = QHBoxLayout()
        lists.addWidget(self.staff_list, 1)
        lists.addWidget(self.branch_list, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.explanation)
        layout.addLayout(lists)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(640, 420)
        self.retranslate()
        self.reload()

    @property
    def loaded(self) -> bool:
        return bool(self._branches)

    def reload(self) -> None:
        """Read the staff and the branches again."""
        self._runner.read(staff_service.list_branches, on_done=self._show_branches)
        self._runner.read(staff_service.list_staff, on_done=self._show_staff)

    def select(self, staff_id: str) -> None:
        """Select a member in the list (their branches are then ticked)."""
        for row in range(self.staff_list.count()):
            if self.staff_list.item(row).data(_ID) == staff_id:
                self.staff_list.setCurrentRow(row)

    def tick(self, branch_id: str, ticked: bool = True) -> None:
        """Tick (or untick) one branch for the selected member."""
        for row in range(self.branch_list.count()):
            item = self.branch_list.item(row)
            if item.data(_ID) == branch_id:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def ticked(self) -> list[str]:
        """Return the ids of the ticked branches."""
        return [
            self.branch_list.item(row).data(_ID)
            for row in range(self.branch_list.count())
            if self.branch_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        """Save the ticked branches for the selected member (none ticked: every branch)."""
        item = self.staff_list.currentItem()
        if item is None or self._busy:
            return
        self._busy = True
        staff_id = str(item.data(_ID))
        self._runner.run(
            staff_service.set_staff_branches, staff_id, self.ticked(),
            on_done=lambda _changes: self._saved(staff_id), on_error=self._failed, initiator=self,
        )

    # -- callbacks

    def _saved(self, staff_id: str) -> None:
        self._busy = False
        self.error.clear_error()
        self.saved.emit(staff_id)
        self._runner.read(staff_service.list_staff, on_done=self._show_staff)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, DeskError):
            self.error.show_error(error)
        else:
            self._runner.show_error(error, self)

    def _show_branches(self, branches: list[BranchCard]) -> None:
        self._branches = list(branches)
        self.branch_list.clear()
        english = current_language() == "en"
        for b in self._branches:
            name = b.name_en if english and b.name_en else b.name_th
            item = QListWidgetItem(f"{name} ({b.branch_code})")
            item.setData(_ID, b.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.branch_list.addItem(item)
        self._show_ticks()

    def _show_staff(self, cards: list[StaffCard]) -> None:
        current = self.staff_list.currentItem()
        selected = current.data(_ID) if current is not None else None
        self._cards = {c.id: c for c in cards}
        self.staff_list.clear()
        for card in cards:
            item = QListWidgetItem(card.display_name)
            item.setData(_ID, card.id)
            self.staff_list.addItem(item)
        if selected in self._cards:
            self.select(str(selected))
        elif cards:
            self.staff_list.setCurrentRow(0)

    def _show_ticks(self) -> None:
        item = self.staff_list.currentItem()
        card = self._cards.get(str(item.data(_ID))) if item is not None else None
        allowed = set(card.branch_ids) if card else set()
        for row in range(self.branch_list.count()):
            branch = self.branch_list.item(row)
            branch.setCheckState(Qt.CheckState.Checked if branch.data(_ID) in allowed else Qt.CheckState.Unchecked)

    # -- language

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Where staff may sign in"))
        self.explanation.setText(
            self.tr("Pick a staff member, then tick the branches where they may sign in. "
                    "With no branch ticked they may sign in at every branch.")
        )
        self.save_button.setText(self.tr("Save"))
        self.close_button.setText(self.tr("Close"))
        if self._branches:
            self._show_branches(self._branches)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

