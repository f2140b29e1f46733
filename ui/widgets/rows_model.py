"""A read-only table model over a list of rows that each have an ``id``.

The customer search list and the catalog list differ only in their columns;
the plumbing (replacing the rows, finding one by id, language changes,
counts and flags) lives here once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows shown as given (already ranked or sorted by the service).

    Subclasses set ``COLUMN_COUNT`` and implement ``data`` and ``headerData``
    reading ``self._rows``.
    """

    COLUMN_COUNT = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row (a new read from the service)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        """Return the row object shown at ``row``."""
        return self._rows[row]

    def row_of(self, row_id: str) -> int:
        """Return the row of the object with ``row_id``, or -1 when it is not listed."""
        for row, item in enumerate(self._rows):
            if item.id == row_id:
                return row
        return -1

    def retranslate(self) -> None:
        """The language changed: headers and every cell are new text."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMN_COUNT - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
