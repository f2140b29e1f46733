"""Opening a proposal at the POS: the branch's plans on offer to choose from, and the plan made the cart.

"Open proposal…" lists this branch's proposals on offer (customer, items,
total, when), filtered as the cashier types. The chosen plan becomes the
cart in one action (``plan_lines``): its items and quantities at this
branch's prices, and where the plan offered less, a line discount of the
difference ("Proposal price"), which the counter's usual limit and a
manager's approval govern. The cart remembers the journey, so paying it
confirms the journey's payment (``counter.checkout`` with the journey).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.pricing import LineDiscount, LineDiscountKind
from bnaura_desk.services.proposals import CounterPlan, ProposalView, open_proposals

from ..i18n import current_language
from ..runner import DeskRunner, translate_error
from ..widgets import format_datetime
from .draft import DraftLine

_ID = Qt.ItemDataRole.UserRole
_TEXT = Qt.ItemDataRole.UserRole + 1


def plan_lines(plan: CounterPlan, reason: str) -> list[DraftLine]:
    """Return the proposal's lines as cart lines at this branch's prices, the offered price kept by a discount.

    A line the plan offered below the branch's price carries a line
    discount of the difference (amount, with ``reason``); one offered at or
    above it sells at the branch's price. An item the branch no longer has
    a price for is left for checkout to refuse, at the offered price.
    """
    lines = []
    for line in plan.proposal.lines:
        here = plan.prices_here.get(line.item_id, line.price_satang)
        off = (here - line.price_satang) * line.quantity
        discount = LineDiscount(LineDiscountKind.AMOUNT, off, reason) if off > 0 else None
        lines.append(DraftLine(line.item_id, line.name_th, line.name_en, here, line.quantity, discount))
    return lines


def describe(proposal: ProposalView) -> str:
    """Return one line saying whose plan it is, what it holds and what it comes to."""
    english = current_language() == "en"
    items = ", ".join(f"{(line.name_en or line.name_th) if english else line.name_th} × {line.quantity}"
                      for line in proposal.lines)
    return QCoreApplication.translate("ProposalPicker", "{customer} · {total} · {items} · {when}").format(
        customer=proposal.customer_name, total=format_baht(proposal.total_satang), items=items,
        when=format_datetime(proposal.created_at))


class ProposalPicker(QDialog):
    """Choose a proposal on offer at this branch; ``chosen`` carries its id (the dialog then closes).

    Signals:
        chosen(str): the proposal's id.
    """

    chosen = Signal(str)

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalPicker")
        self.setWindowTitle(QCoreApplication.translate("ProposalPicker", "Open a proposal"))
        self.filter = QLineEdit(self)
        self.filter.setObjectName("proposalPickerFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(QCoreApplication.translate("ProposalPicker", "Customer or item"))
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setObjectName("proposalPickerList")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda _item: self._choose())
        self.empty = QLabel(self)
        self.empty.setObjectName("proposalPickerEmpty")
        self.empty.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(QCoreApplication.translate("ProposalPicker", "Open at the POS"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.clicked.connect(self._choose)
        buttons.addButton(QCoreApplication.translate("ProposalPicker", "Cancel"),
                          QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(620, 420)
        runner.read(open_proposals, on_done=self._show, on_error=self._failed)

    def _show(self, proposals: list[ProposalView]) -> None:
        self.list.clear()
        for proposal in proposals:
            text = describe(proposal)
            item = QListWidgetItem(text)
            item.setData(_ID, proposal.id)
            item.setData(_TEXT, text.casefold())
            self.list.addItem(item)
        if proposals:
            self.list.setCurrentRow(0)
        self.empty.setText("" if proposals else QCoreApplication.translate(
            "ProposalPicker", "No proposal is waiting for payment at this branch."))
        self._filter(self.filter.text())

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(wanted) and wanted not in str(item.data(_TEXT))
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        if first is not None and (self.list.currentItem() is None or self.list.currentItem().isHidden()):
            self.list.setCurrentRow(first)

    def _failed(self, error: BaseException) -> None:
        self.empty.setText(translate_error(error))

    def _choose(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        self.chosen.emit(str(item.data(_ID)))
        self.accept()
