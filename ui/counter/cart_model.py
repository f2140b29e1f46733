"""The cart as a tree model: each line, and under it each discount step with its reason.

A top-level row is a line of the cart (name, quantity, unit price, original
amount, everything taken off, net); its children are the steps pricing took
off it (staff's line discount, the member's tier, the coupon), each with its
reason and amount. The figures are the latest quote's; until it arrives
(or when the cart cannot be priced) a line shows its original amount only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.pricing import DiscountStep, PricedCart, PricedLine

from .draft import DraftLine
from .labels import item_name, step_text, translated

Index = QModelIndex | QPersistentModelIndex

_HEADERS = (
    QT_TRANSLATE_NOOP("Counter", "Item"),
    QT_TRANSLATE_NOOP("Counter", "Qty"),
    QT_TRANSLATE_NOOP("Counter", "Unit price"),
    QT_TRANSLATE_NOOP("Counter", "Amount"),
    QT_TRANSLATE_NOOP("Counter", "Discount"),
    QT_TRANSLATE_NOOP("Counter", "Net"),
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_STEP_COLOUR = QColor("#1b6e3a")
_APPROVAL_COLOUR = QColor("#b42318")
_TOP = 0  # internal id of a line's index; a step's is its line's row + 1

LineRole = Qt.ItemDataRole.UserRole + 1  # the line's position in the cart (lines and their steps)


class CartModel(QAbstractItemModel):
    """The cart's lines and their discount steps (read-only; the screen changes the draft and calls ``show``)."""

    NAME, QTY, PRICE, ORIGINAL, DISCOUNT, NET = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[DraftLine] = []
        self._priced: PricedCart | None = None

    # -- contents

    def show(self, lines: Sequence[DraftLine], priced: PricedCart | None) -> None:
        """Show ``lines`` priced by ``priced`` (None: not priced yet, or it was for other lines)."""
        self.beginResetModel()
        self._lines = list(lines)
        self._priced = priced if priced is not None and len(priced.lines) == len(self._lines) else None
        self.endResetModel()

    @property
    def priced(self) -> PricedCart | None:
        return self._priced

    def priced_line(self, position: int) -> PricedLine | None:
        """Return the quote of line ``position`` (None before the quote)."""
        return self._priced.lines[position] if self._priced is not None else None

    def _steps(self, position: int) -> tuple[DiscountStep, ...]:
        line = self.priced_line(position)
        return line.steps if line is not None else ()

    def retranslate(self) -> None:
        """The language changed: every text is new."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        self.beginResetModel()
        self.endResetModel()

    # -- QAbstractItemModel

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt signature
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        line = child.internalId()
        if line == _TOP:
            return QModelIndex()
        return self.createIndex(line - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        if not parent.isValid():
            return len(self._lines)
        if parent.internalId() == _TOP and parent.column() == 0 and 0 <= parent.row() < len(self._lines):
            return len(self._steps(parent.row()))
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return self.COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._line_data(index.row(), index.column(), role)
        return self._step_data(index.internalId() - 1, index.row(), index.column(), role)

    def _line_data(self, position: int, column: int, role: int) -> Any:
        if not 0 <= position < len(self._lines):
            return None
        line = self._lines[position]
        priced = self.priced_line(position)
        if role == LineRole:
            return position
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return item_name(line.name_th, line.name_en)
            if column == self.QTY:
                return f"{line.quantity:,}"
            if column == self.PRICE:
                return format_baht(priced.item.unit_price_satang if priced else line.unit_price_satang, symbol=False)
            if column == self.ORIGINAL:
                return format_baht(priced.original_satang if priced else line.original_satang, symbol=False)
            if column == self.DISCOUNT:
                return format_baht(-priced.discount_satang, symbol=False) if priced and priced.discount_satang else ""
            if column == self.NET:
                return format_baht(priced.net_satang, symbol=False) if priced else "…"
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and priced is not None and priced.needs_approval:
            return QCoreApplication.translate("Counter", "A manager approves this discount at payment")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DISCOUNT and priced and priced.needs_approval:
            return _APPROVAL_COLOUR
        return None

    def _step_data(self, position: int, row: int, column: int, role: int) -> Any:
        steps = self._steps(position)
        if not 0 <= row < len(steps):
            return None
        step = steps[row]
        if role == LineRole:
            return position
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return step_text(step)
            if column == self.DISCOUNT:
                return format_baht(-step.amount_satang, symbol=False)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return _STEP_COLOUR
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translated(_HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section != self.NAME:
            return _RIGHT
        return None
