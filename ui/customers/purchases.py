"""The customer's purchases at every branch: the "Purchases" page of the customer detail.

Reads ``services.sales_history`` when a customer is shown and again when a
sale of theirs is announced on the bus (made here or pulled by sync).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.domain.money import format_baht
from bnaura_desk.services.sales_history import Purchase, customer_purchases

from ..bus import ChangeBus
from ..i18n import current_language
from ..runner import DeskRunner
from ..widgets.dates import format_date
from ..widgets.rows_model import RowsModel
from .callbacks import while_alive

Index = QModelIndex | QPersistentModelIndex

_HEADERS = (
    QT_TRANSLATE_NOOP("PurchasesModel", "Date"),
    QT_TRANSLATE_NOOP("PurchasesModel", "Branch"),
    QT_TRANSLATE_NOOP("PurchasesModel", "Receipt"),
    QT_TRANSLATE_NOOP("PurchasesModel", "Items"),
    QT_TRANSLATE_NOOP("PurchasesModel", "Total"),
    QT_TRANSLATE_NOOP("PurchasesModel", "Still to pay"),
)


class PurchasesModel(RowsModel):
    """A customer's purchases, newest first: date, branch, receipt number, items, total, balance due."""

    DATE, BRANCH, NUMBER, ITEMS, TOTAL, DUE = range(6)
    COLUMN_COUNT = 6

    def purchase(self, row: int) -> Purchase:
        return self.row_at(row)  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p: Purchase = self._rows[index.row()]
        col = index.column()
        english = current_language() == "en"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.DATE:
                return format_date(p.at)
            if col == self.BRANCH:
                return (p.branch_en or p.branch_th) if english else p.branch_th
            if col == self.NUMBER:
                return p.number
            if col == self.ITEMS:
                return ", ".join(
                    ((en or th) if english else th) + (f" ×{qty}" if qty > 1 else "") for th, en, qty in p.items)
            if col == self.TOTAL:
                return format_baht(p.total_satang)
            if col == self.DUE:
                if not p.balance_satang:
                    return ""
                text = format_baht(p.balance_satang)
                if p.balance_due_on is not None:
                    text = QCoreApplication.translate("PurchasesModel", "{amount} by {date}").format(
                        amount=text, date=format_date(p.balance_due_on))
                return text
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.TOTAL, self.DUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 6:
            return QCoreApplication.translate("PurchasesModel", _HEADERS[section])
        return None


class PurchasesPanel(QWidget):
    """The "Purchases" page: the customer's sales at every branch (read when shown, again on their sales' changes)."""

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._customer_id: str | None = None
        self._seq = 0
        self._stale = False
        self.model = PurchasesModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PurchasesModel.ITEMS, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        bus.changed.connect(self._on_changed)
        self.retranslate()

    @property
    def customer_id(self) -> str | None:
        return self._customer_id

    def show_customer(self, customer_id: str | None) -> None:
        """Show ``customer_id``'s purchases (None: nobody), now or when the page is shown."""
        if customer_id != self._customer_id:
            self._customer_id = customer_id
            self._seq += 1
            self._show(self._seq, [])
        if customer_id is not None and self.isVisible():
            self.refresh()
        else:
            self._stale = customer_id is not None

    def refresh(self) -> None:
        """Read the customer's purchases again."""
        if self._customer_id is None:
            return
        self._stale = False
        self._seq += 1
        seq = self._seq
        self.runner.read(customer_purchases, self._customer_id,
                         on_done=while_alive(self, lambda rows: self._show(seq, rows)))

    def _show(self, seq: int, rows: Sequence[Purchase]) -> None:
        if seq != self._seq:
            return  # an older read, for someone else or before a change
        self.model.set_rows(list(rows))
        self.empty.setVisible(not rows and self._customer_id is not None)

    def _on_changed(self, changes: ChangeSet) -> None:
        customer = self._customer_id
        if customer is None or not (changes.touches(Kind.SALE) or changes.may_touch(Kind.CUSTOMER, customer)):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Purchases"))
        self.empty.setText(self.tr("No purchases yet"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
