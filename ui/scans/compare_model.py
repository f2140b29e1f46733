"""The comparison table: each measure's previous and latest value and the change, coloured better or worse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.domain.scans import MEASURE_LABELS, Measure, MeasureChange, improved

_HEADERS = (
    QT_TRANSLATE_NOOP("ScanCompareModel", "Measure"),
    QT_TRANSLATE_NOOP("ScanCompareModel", "Previous"),
    QT_TRANSLATE_NOOP("ScanCompareModel", "Latest"),
    QT_TRANSLATE_NOOP("ScanCompareModel", "Change"),
    QT_TRANSLATE_NOOP("ScanCompareModel", "Over time"),
)

Index = QModelIndex | QPersistentModelIndex


def measure_label(measure: Measure) -> str:
    """Return a measure's name in the user's language."""
    return QCoreApplication.translate("scans", MEASURE_LABELS[measure])


class ScanCompareModel(QAbstractTableModel):
    """Rows: the measures of the latest scan or the previous one (``domain.scans.compare``)."""

    MEASURE, BEFORE, NOW, CHANGE, CHART = range(5)
    BETTER = QColor("#1e7b34")
    WORSE = QColor("#b3261e")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[MeasureChange, ...] = ()

    def set_rows(self, rows: Sequence[MeasureChange]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row(self, index: int) -> MeasureChange:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.MEASURE:
                return measure_label(row.measure)
            if col == self.BEFORE:
                return "—" if row.before is None else str(row.before)
            if col == self.NOW:
                return "—" if row.now is None else str(row.now)
            if col == self.CHANGE:
                return "" if row.change is None else f"{row.change:+d}" if row.change else "0"
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == self.CHANGE and row.change:
            better = improved(row.measure, row.change)
            return QBrush(self.BETTER if better else self.WORSE)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.CHANGE and row.change:
            return (QCoreApplication.translate("ScanCompareModel", "Better") if improved(row.measure, row.change)
                    else QCoreApplication.translate("ScanCompareModel", "Worse"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.BEFORE, self.NOW, self.CHANGE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return QCoreApplication.translate("ScanCompareModel", _HEADERS[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 4))
