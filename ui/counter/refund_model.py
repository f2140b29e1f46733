"""The lines of a sale being refunded: what was sold, what came back before, how many come back now, for how much.

The "Return" column is the only editable one: a spin box (``ReturnDelegate``)
from 0 to what is left of the line. The money per line is not computed here:
the dialog plans the refund with ``domain.refunds.plan_refund`` (as the
service will) and hands the amounts back with ``show_amounts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.refunds import ReturnLine, SoldLine

from .labels import item_name
from .refund_reads import LineNames

Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT_ROLE = Qt.ItemDataRole.UserRole + 1  # the pieces still left to return (the spin box's maximum)


class RefundLinesModel(QAbstractTableModel):
    """A sale's lines and the quantity of each to return."""

    NAME, SOLD, REFUNDED, RETURN, AMOUNT = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sold: list[SoldLine] = []
        self._names: list[LineNames] = []
        self._returning: list[int] = []
        self._amounts: list[int | None] = []
        self._locked = False

    # ------------------------------------------------------------ filling

    def show_lines(self, sold: Sequence[SoldLine], names: Sequence[LineNames]) -> None:
        """Show a sale's lines, nothing returned yet."""
        self.beginResetModel()
        self._sold = list(sold)
        self._names = list(names)
        self._returning = [0] * len(self._sold)
        self._amounts = [None] * len(self._sold)
        self.endResetModel()

    def set_locked(self, locked: bool) -> None:
        """Lock (a whole sale: the quantities are all that is left) or unlock the Return column."""
        self._locked = locked
        self._changed(self.RETURN)

    def return_all(self) -> None:
        """Return every piece still left of every line."""
        self._returning = [line.quantity_left for line in self._sold]
        self._changed(self.RETURN)

    def return_none(self) -> None:
        self._returning = [0] * len(self._sold)
        self._changed(self.RETURN)

    def show_amounts(self, amounts: Sequence[int | None]) -> None:
        """Show the money each line gives back (None: not part of the refund), as planned."""
        self._amounts = list(amounts)
        self._changed(self.AMOUNT)

    def _changed(self, column: int) -> None:
        if self._sold:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._sold) - 1, column))

    # ------------------------------------------------------------ reading

    @property
    def sold(self) -> list[SoldLine]:
        return list(self._sold)

    def returning(self) -> list[ReturnLine]:
        """Return the lines with a quantity to return, in sale order."""
        return [ReturnLine(line.line_id, quantity) for line, quantity in zip(self._sold, self._returning, strict=True)
                if quantity > 0]

    @property
    def everything(self) -> bool:
        """Whether every piece still left of the sale is being returned (and something is)."""
        left = [line.quantity_left for line in self._sold]
        return any(left) and self._returning == left

    def quantity(self, row: int) -> int:
        return self._returning[row]

    # ------------------------------------------------------------ the model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._sold)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.RETURN and not self._locked and self._sold[index.row()].quantity_left > 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sold):
            return None
        row, column = index.row(), index.column()
        line, names = self._sold[row], self._names[row]
        if role == LEFT_ROLE:
            return line.quantity_left
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(_RIGHT.value)
        if role == Qt.ItemDataRole.EditRole and column == self.RETURN:
            return self._returning[row]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return self.tr("{price} each; the line came to {net}").format(
                price=format_baht(names.unit_price_satang), net=format_baht(line.net_satang))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.NAME:
            return f"{line.line_no}. {item_name(names.name_th, names.name_en)}"
        if column == self.SOLD:
            return str(line.quantity)
        if column == self.REFUNDED:
            return str(line.returned_quantity) if line.returned_quantity else ""
        if column == self.RETURN:
            return str(self._returning[row])
        amount = self._amounts[row] if row < len(self._amounts) else None
        return format_baht(amount, symbol=False) if amount is not None else ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.RETURN
                or not self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        quantity = max(0, min(quantity, self._sold[index.row()].quantity_left))
        if quantity == self._returning[index.row()]:
            return True
        self._returning[index.row()] = quantity
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Item"), self.tr("Sold"), self.tr("Refunded before"), self.tr("Return"),
                  self.tr("Gives back (฿)"))
        return titles[section] if 0 <= section < len(titles) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        if self._sold:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._sold) - 1, self.COLUMN_COUNT - 1))


class ReturnDelegate(QStyledItemDelegate):
    """The Return column's editor: a spin box from 0 to what is left of the line."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QSpinBox(parent)
        box.setObjectName("refundQuantity")
        box.setRange(0, int(index.data(LEFT_ROLE) or 0))
        box.setAlignment(_RIGHT)
        box.setFrame(False)
        return box
