"""The kanban's item models: one list model per stage column, cards as ``BoardCard`` values.

A column's model never changes itself on a drop: ``dropMimeData`` only
asks (``moveRequested``) and answers False, so Qt leaves the card where it
was; the board moves it when the move is committed (``take``/``put``) or
leaves it there (an illegal drop "snaps back").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from bnaura_desk.domain.journeys import Stage
from bnaura_desk.services.journey_board import BoardCard

MIME_TYPE = "application/x-bnaura-journey"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1  # the BoardCard
JOURNEY_ROLE = Qt.ItemDataRole.UserRole + 2  # its journey id

Index = QModelIndex | QPersistentModelIndex


def journey_mime(journey_id: str, from_stage: Stage) -> QMimeData:
    """Return the drag payload of a card: its journey and the stage it is dragged from."""
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(f"{journey_id}\n{from_stage}".encode()))
    return mime


def read_mime(mime: QMimeData) -> tuple[str, Stage] | None:
    """Return (journey id, from stage) of a card's drag payload, or None for anything else."""
    if not mime.hasFormat(MIME_TYPE):
        return None
    try:
        journey_id, stage = bytes(mime.data(MIME_TYPE).data()).decode().split("\n")
        return journey_id, Stage(stage)
    except ValueError:
        return None


class StageModel(QAbstractListModel):
    """The cards of one stage, longest in the stage first.

    Signals:
        moveRequested(str, Stage, Stage): a card was dropped here: journey id, from, to.
    """

    moveRequested = Signal(str, object, object)

    def __init__(self, stage: Stage, parent: Any = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self._cards: list[BoardCard] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return card.journey.customer_name
        if role == CARD_ROLE:
            return card
        if role == JOURNEY_ROLE:
            return card.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Any) -> QMimeData:
        card = self.card(indexes[0]) if indexes else None
        return journey_mime(card.id, card.stage) if card is not None else QMimeData()

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        dragged = read_mime(data)
        return dragged is not None and dragged[1] is not self.stage

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        dragged = read_mime(data)
        if dragged is not None and dragged[1] is not self.stage:
            self.moveRequested.emit(dragged[0], dragged[1], self.stage)
        return False  # the board moves the card once the move is committed

    # ------------------------------------------------------------ the board's side

    def card(self, index: Index) -> BoardCard | None:
        return self._cards[index.row()] if index.isValid() and 0 <= index.row() < len(self._cards) else None

    def cards(self) -> list[BoardCard]:
        return list(self._cards)

    def row_of(self, journey_id: str) -> int:
        """Return the row of a journey's card, or -1."""
        return next((i for i, c in enumerate(self._cards) if c.id == journey_id), -1)

    def show(self, cards: tuple[BoardCard, ...] | list[BoardCard]) -> None:
        """Show ``cards`` (a fresh read)."""
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def take(self, journey_id: str) -> BoardCard | None:
        """Remove a journey's card and return it (None when it is not here)."""
        row = self.row_of(journey_id)
        if row < 0:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        card = self._cards.pop(row)
        self.endRemoveRows()
        return card

    def put(self, card: BoardCard) -> int:
        """Add a card that just entered the stage (it waited least: last); return its row."""
        row = len(self._cards)
        self.beginInsertRows(QModelIndex(), row, row)
        self._cards.append(card)
        self.endInsertRows()
        return row

    def overdue_count(self) -> int:
        return sum(1 for c in self._cards if c.overdue)
