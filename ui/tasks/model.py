"""The task queue's item model: one row per task, ``QueueCard`` values, in the order the read gives.

The read (``services.task_queue.queue_cards``) already orders the queue
(priority, then due time); the model keeps that order and only replaces
its cards on a fresh read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from bnaura_desk.services.task_queue import QueueCard

CARD_ROLE = Qt.ItemDataRole.UserRole + 1  # the QueueCard
TASK_ROLE = Qt.ItemDataRole.UserRole + 2  # its task id
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3  # whether it is overdue

Index = QModelIndex | QPersistentModelIndex


class TaskQueueModel(QAbstractListModel):
    """The cards of the signed-in user's queue."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cards: list[QueueCard] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        card = self.card(index)
        if card is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{card.task.customer_name}: {card.task.title_th}"
        if role == CARD_ROLE:
            return card
        if role == TASK_ROLE:
            return card.id
        if role == OVERDUE_ROLE:
            return card.task.overdue
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def card(self, index: Index) -> QueueCard | None:
        """Return the card at ``index`` (None for an invalid index)."""
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        return self._cards[index.row()]

    def cards(self) -> list[QueueCard]:
        return list(self._cards)

    def row_of(self, task_id: str) -> int:
        """Return the row of a task's card, or -1."""
        return next((i for i, c in enumerate(self._cards) if c.id == task_id), -1)

    def show(self, cards: list[QueueCard]) -> None:
        """Show ``cards`` (a fresh read, already in queue order)."""
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def overdue_count(self) -> int:
        return sum(1 for c in self._cards if c.task.overdue)
