"""The customer's purchases at every branch: the "Purchases" page of the customer detail.

Reads ``services.sales_history`` when a customer is shown and again when a
sale of theirs is announced on the bus (made here or pulled by sync). A
sale with a deposit's balance shows what is still to pay and by when (in
red once overdue); "Pay balance…" (F12) takes it with the counter's
payment dialog (``ui.counter.balance``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP
from bnaura_desk.domain.money import format_baht
from bnaura_desk.services.sales_history import Purchase, customer_purchases

from ..bus import ChangeBus
from ..counter.balance import open_pay_balance
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


def items_text(p: Purchase, english: bool) -> str:
    """Return a purchase's lines as one text: name, quantity above one, and who performed it when recorded."""
    by = QCoreApplication.translate("PurchasesModel", "{item} (performed by {name})")
    names = p.performed_by or ("",) * len(p.items)
    parts = []
    for (th, en, qty), name in zip(p.items, names, strict=False):
        item = ((en or th) if english else th) + (f" ×{qty}" if qty > 1 else "")
        parts.append(by.format(item=item, name=name) if name else item)
    return ", ".join(parts)


class PurchasesModel(RowsModel):
    """A customer's purchases, newest first: date, branch, receipt number, items, total, balance due."""

    DATE, BRANCH, NUMBER, ITEMS, TOTAL, DUE = range(6)
    COLUMN_COUNT = 6
    OVERDUE = QColor("#b3261e")
    today: date = date.min  # the clinic's date, for what is overdue (set by the page on each read)

    def overdue(self, p: Purchase) -> bool:
        return p.balance_satang > 0 and p.balance_due_on is not None and p.balance_due_on < self.today

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
                return items_text(p, english)
            if col == self.TOTAL:
                return format_baht(p.total_satang)
            if col == self.DUE:
                if not p.balance_satang:
                    return ""
                text = format_baht(p.balance_satang)
                if p.balance_due_on is not None:
                    if self.overdue(p):
                        words = QCoreApplication.translate("PurchasesModel", "{amount} overdue since {date}")
                    else:
                        words = QCoreApplication.translate("PurchasesModel", "{amount} by {date}")
                    text = words.format(amount=text, date=format_date(p.balance_due_on))
                return text
        if col == self.DUE and self.overdue(p):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(self.OVERDUE)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
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
        self.pay_button = QPushButton(self)
        self.pay_button.setObjectName("payBalance")
        self.pay_button.setAutoDefault(False)
        self.pay_button.setEnabled(False)
        self.pay_button.clicked.connect(self.pay_balance)
        # F12 pays at the counter too; here it pays the balance of the purchase the cursor is on.
        pay_key = QShortcut(QKeySequence(Qt.Key.Key_F12), self)
        pay_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        pay_key.activated.connect(self.pay_balance)
        self.view.selectionModel().currentRowChanged.connect(lambda _now, _before: self._enable_pay())
        bar = QHBoxLayout()
        bar.addWidget(self.empty, 1)
        bar.addWidget(self.pay_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
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
        selected = self.selected()
        self.model.today = bangkok_date(self.runner.terminal.clock())
        self.model.set_rows(list(rows))
        self.empty.setVisible(not rows and self._customer_id is not None)
        # The same sale stays current after a read (a payment taken, a sync), else the first one owing.
        ids = [p.sale_id for p in rows]
        keep = selected.sale_id if selected is not None and selected.sale_id in ids else None
        owing = next((p.sale_id for p in rows if p.balance_satang > 0), None)
        target = keep or owing
        if target is not None:
            self.view.setCurrentIndex(self.model.index(ids.index(target), 0))
        self._enable_pay()

    def selected(self) -> Purchase | None:
        """Return the purchase the cursor is on (None: none)."""
        row = self.view.currentIndex().row()
        return self.model.purchase(row) if 0 <= row < self.model.rowCount() else None

    def _enable_pay(self) -> None:
        chosen = self.selected()
        self.pay_button.setEnabled(chosen is not None and chosen.balance_satang > 0)

    def pay_balance(self) -> None:
        """Take the balance of the purchase the cursor is on with the counter's payment dialog."""
        chosen = self.selected()
        if chosen is None or chosen.balance_satang <= 0:
            return
        open_pay_balance(self.runner, self, chosen.sale_id, chosen.balance_satang)

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
        self.pay_button.setText(self.tr("Pay balance… (F12)"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
