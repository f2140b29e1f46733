"""A member's points history as a table model: date, what happened, points, expiry date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.services.loyalty import LedgerLine

from ..widgets.dates import format_date
from ..widgets.rows_model import RowsModel
from .labels import format_points, line_what

Index = QModelIndex | QPersistentModelIndex

_HEADERS = (
    QT_TRANSLATE_NOOP("PointsHistoryModel", "Date"),
    QT_TRANSLATE_NOOP("PointsHistoryModel", "What"),
    QT_TRANSLATE_NOOP("PointsHistoryModel", "Points"),
    QT_TRANSLATE_NOOP("PointsHistoryModel", "Expires on"),
)
_TAKEN = QColor("#b3261e")  # points taken or expired read red, as on a bank statement
_ADDED = QColor("#1b6e3a")


class PointsHistoryModel(RowsModel):
    """Ledger lines newest first, as ``services.member_statement`` gives them.

    Dates are the clinic's (Buddhist era in Thai); points are signed.
    """

    DATE, WHAT, POINTS, EXPIRES = range(4)
    COLUMN_COUNT = 4

    def set_lines(self, lines: Sequence[LedgerLine]) -> None:
        """Replace the rows with ``lines`` (a new read)."""
        self.set_rows(lines)

    def line(self, row: int) -> LedgerLine:
        return self.row_at(row)  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line: LedgerLine = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.DATE:
                return format_date(line.at)
            if col == self.WHAT:
                return line_what(line)
            if col == self.POINTS:
                return format_points(line.points, signed=True)
            if col == self.EXPIRES:
                return format_date(line.expires_at) if line.expires_at is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.POINTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.POINTS and line.points:
            return _ADDED if line.points > 0 else _TAKEN
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return QCoreApplication.translate("PointsHistoryModel", _HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole and section == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
