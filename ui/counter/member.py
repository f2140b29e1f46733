"""Attaching the member to the sale: search by phone, name or code, or scan their member QR.

Type a name or phone and the best matches show under the box (Up/Down
choose, Enter attaches); a referral code typed or a member QR scanned
(a scanner types the code and Enter, also with the keyboard set to Thai)
attaches its member at once. Escape clears the box; "No member" takes the
member off the sale. A member with a deposit's balance outstanding shows a
"Pay balance" button under their name (the earliest due; in red once
overdue), which opens the payment dialog for it (``ui.counter.balance``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.phone import display_phone
from bnaura_desk.domain.referral import display_code, typed_code
from bnaura_desk.services import balances
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.balances import Outstanding
from bnaura_desk.services.customers import CustomerHit

from ..customers.callbacks import while_alive
from ..customers.model import CustomerIdRole, CustomerListModel
from ..loyalty.labels import format_points
from ..runner import DeskRunner
from ..widgets import format_date
from .balance import open_pay_balance
from .labels import item_name, tier_label
from .reads import CounterMember

HITS = 8


class MemberPicker(QWidget):
    """The member box and who is attached.

    Signals:
        chosen(str): the customer id picked (the screen reads and attaches them).
        removed(): "No member".
    """

    chosen = Signal(str)
    removed = Signal()

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._seq = 0
        self.box = QLineEdit(self)
        self.box.setObjectName("counterMemberBox")
        self.box.setClearButtonEnabled(True)
        self.box.installEventFilter(self)
        self.box.textChanged.connect(self.search)
        self.hits = CustomerListModel(self)
        self.hit_list = QTableView(self)
        self.hit_list.setObjectName("counterMemberHits")
        self.hit_list.setModel(self.hits)
        self.hit_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hit_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hit_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hit_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hit_list.verticalHeader().hide()
        self.hit_list.horizontalHeader().hide()
        self.hit_list.hideColumn(CustomerListModel.NICKNAME)
        self.hit_list.horizontalHeader().setSectionResizeMode(CustomerListModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.hit_list.setMaximumHeight(self.fontMetrics().height() * 9)
        self.hit_list.clicked.connect(lambda index: self._pick(index.data(CustomerIdRole)))
        self.hit_list.hide()
        self.attached = QLabel(self)
        self.attached.setObjectName("counterMember")
        self.attached.setWordWrap(True)
        self.remove_button = QPushButton(self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self._remove)
        self.remove_button.hide()
        self.balance_button = QPushButton(self)  # the earliest balance owed: "Pay balance ฿X (due D)…"
        self.balance_button.setObjectName("counterMemberBalance")
        self.balance_button.setAutoDefault(False)
        self.balance_button.clicked.connect(self.pay_balance)
        self.balance_button.hide()
        self._owed: list[Outstanding] = []
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 1)
        row.addWidget(self.attached, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.balance_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.hit_list)
        self._member: CounterMember | None = None
        self.retranslate()

    # -- searching

    def search(self) -> None:
        """Search for what is typed (the list shows while there is something typed)."""
        self._seq += 1
        seq, text = self._seq, self.box.text()
        if not text.strip():
            self.hits.set_hits([])
            self.hit_list.hide()
            return
        self.runner.read(customer_service.search_customers, text, limit=HITS,
                         on_done=while_alive(self, lambda hits: self._show_hits(seq, hits)),
                         on_error=while_alive(self, self.runner.show_error))

    def _show_hits(self, seq: int, hits: list[CustomerHit]) -> None:
        if seq != self._seq:
            return
        self.hits.set_hits(hits)
        self.hit_list.setVisible(bool(hits))
        if hits:
            self._highlight(0)

    def _highlight(self, row: int) -> None:
        index = self.hits.index(row, 0)
        self.hit_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _enter(self) -> None:
        typed = self.box.text()
        if not typed.strip():
            return
        if typed_code(typed) is not None:
            self.runner.read(customer_service.find_by_referral_code, typed,
                             on_done=while_alive(self, lambda cid: self._by_code(typed, cid)),
                             on_error=while_alive(self, self.runner.show_error))
            return
        if self.hits.rowCount():
            self._pick(self.hit_list.currentIndex().data(CustomerIdRole) or self.hits.hit(0).id)
            return
        # Typed and Enter before the search answered: ask once more, then take the best match.
        self._seq += 1
        seq = self._seq
        self.runner.read(customer_service.search_customers, typed, limit=HITS,
                         on_done=while_alive(self, lambda hits: self._take_best(seq, hits)),
                         on_error=while_alive(self, self.runner.show_error))

    def _take_best(self, seq: int, hits: list[CustomerHit]) -> None:
        if seq != self._seq:
            return
        if hits:
            self._pick(hits[0].id)
        else:
            self._show_hits(seq, hits)

    def _by_code(self, typed: str, customer_id: str | None) -> None:
        if self.box.text() != typed:
            return
        if customer_id is not None:
            self._pick(customer_id)

    def _pick(self, customer_id: str | None) -> None:
        if not customer_id:
            return
        self._seq += 1
        self.box.blockSignals(True)
        self.box.clear()
        self.box.blockSignals(False)
        self.hits.set_hits([])
        self.hit_list.hide()
        self.chosen.emit(customer_id)

    def _remove(self) -> None:
        self.removed.emit()

    # -- who is attached

    def show_member(self, member: CounterMember | None) -> None:
        """Show the member attached (None: a walk-in sale)."""
        if member is None or self._member is None or member.id != self._member.id:
            self._show_owed([])
            if member is not None:
                self._read_owed(member.id)
        self._member = member
        self.remove_button.setVisible(member is not None)
        if member is None:
            self.attached.setText(self.tr("Walk-in customer (no member)"))
            return
        name = item_name(member.name_th, member.name_en)
        parts = [f"<b>{name}</b>", display_phone(member.phone), display_code(member.referral_code)]
        tier = self.tr("{tier} · {percent} % off · {points} points").format(
            tier=tier_label(member.tier), percent=member.tier_percent, points=format_points(member.balance))
        self.attached.setText(" · ".join(p for p in parts if p) + "<br>" + tier)

    @property
    def member(self) -> CounterMember | None:
        return self._member

    # -- a deposit's balance

    def _read_owed(self, customer_id: str) -> None:
        def read(owed: list[Outstanding]) -> None:
            if self._member is not None and self._member.id == customer_id:
                self._show_owed(owed)
        self.runner.read(balances.customer_balances, customer_id, on_done=while_alive(self, read))

    def _show_owed(self, owed: list[Outstanding]) -> None:
        self._owed = owed
        self.balance_button.setVisible(bool(owed))
        if not owed:
            return
        first = owed[0]
        amount = format_baht(first.balance_satang)
        when = format_date(first.balance_due_on) if first.balance_due_on is not None else ""
        if first.overdue(bangkok_date(self.runner.terminal.clock())):
            self.balance_button.setText(self.tr("Pay balance {amount} (overdue since {date})…").format(
                amount=amount, date=when))
            self.balance_button.setStyleSheet("color: #b3261e; font-weight: bold;")
        else:
            self.balance_button.setText(self.tr("Pay balance {amount} (due {date})…").format(amount=amount, date=when))
            self.balance_button.setStyleSheet("")

    def pay_balance(self) -> None:
        """Take the earliest balance the member owes with the payment dialog; read what is owed again after."""
        if not self._owed or self._member is None:
            return
        first, customer_id = self._owed[0], self._member.id
        open_pay_balance(self.runner, self, first.sale_id, first.balance_satang,
                         on_paid=lambda _done: self._read_owed(customer_id))

    # -- keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            rows = self.hits.rowCount()
            steps: dict[Any, int] = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}
            if key in steps and rows:
                current = self.hit_list.currentIndex().row()
                self._highlight(min(max(current + steps[key], 0), rows - 1))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter()
                return True
            if key == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Member: phone, name or QR (F3)"))
        self.box.setToolTip(self.tr("Type a phone number, a name or a member code, or scan the member's QR"))
        # The whole hint shows: it is the only label the box has.
        self.box.setMinimumWidth(self.box.fontMetrics().horizontalAdvance(self.box.placeholderText()) + 48)
        self.remove_button.setText(self.tr("No member"))
        self.hits.retranslate()
        self.show_member(self._member)
        self._show_owed(self._owed)
