"""The proposal editor, opened from a journey's card: the treatment plan offered to the customer.

Find catalog items by name or SKU (``ui.counter.reads.find_items``, the
counter's own search: only what this branch sells), set how many and the
price offered (the branch's price to start with), see each line's amount
and the total. The scan's suggested treatments, when the scans service
(``services.scans.suggestions_for``) are listed with their
reason and added with one click. Saving is one use case
(``services.proposals.make_proposal``): a journey at "Scanned" moves to
"Proposal sent"; a refusal (a line the catalog refuses) is shown in the
dialog, which stays open with nothing changed. A journey that already has
a proposal opens with it, to revise.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.proposals import MAX_QUANTITY, NOTE_MAX, ProposalLine, total_satang
from bnaura_desk.services import proposals, scans
from bnaura_desk.services.catalog import CatalogRow
from bnaura_desk.services.proposals import ProposalView

from ..counter.reads import find_items
from ..i18n import current_language
from ..runner import DeskRunner, translate_error
from ..scans.screen import reason_text

_ROW = Qt.ItemDataRole.UserRole
ITEM, QUANTITY, PRICE, AMOUNT = range(4)


@dataclass(frozen=True)
class PlanItem:
    """An item the plan may hold: its id, its names and this branch's price."""

    id: str
    name_th: str
    name_en: str
    price_satang: int

    def shown(self) -> str:
        return (self.name_en or self.name_th) if current_language() == "en" else (self.name_th or self.name_en)


class ProposalDialog(QDialog):
    """Edit and save the proposal of one journey (see the module); ``saved`` is its id once accepted."""

    def __init__(self, runner: DeskRunner, journey_id: str, customer_id: str, customer_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalDialog")
        self.runner = runner
        self.journey_id = journey_id
        self.customer_id = customer_id
        self.saved: str | None = None
        self._items: dict[str, PlanItem] = {}
        self._search_seq = 0
        self.setWindowTitle(QCoreApplication.translate("ProposalDialog", "Proposal"))
        title = QLabel(QCoreApplication.translate("ProposalDialog", "Treatment plan for {customer}").format(customer=customer_name), self)
        title.setObjectName("proposalTitle")
        title.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setObjectName("proposalSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(QCoreApplication.translate("ProposalDialog", "Find a treatment, package or product (name or SKU)"))
        self.hits = QListWidget(self)
        self.hits.setObjectName("proposalHits")
        self.hits.setMaximumHeight(120)
        self.hits.itemActivated.connect(self._add_hit)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(200)
        self._typing.timeout.connect(self._find)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.search.returnPressed.connect(self._add_first_hit)
        self.suggested_title = QLabel(QCoreApplication.translate("ProposalDialog", "Suggested by the scan"), self)
        self.suggested = QListWidget(self)
        self.suggested.setObjectName("proposalSuggested")
        self.suggested.setMaximumHeight(100)
        self.suggested.itemActivated.connect(self._add_hit)
        self.suggested_title.hide()
        self.suggested.hide()
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("proposalLines")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("ProposalDialog", "Item"), QCoreApplication.translate("ProposalDialog", "Quantity"), QCoreApplication.translate("ProposalDialog", "Price (฿)"), QCoreApplication.translate("ProposalDialog", "Amount")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        for column in (QUANTITY, PRICE, AMOUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.remove_button = QPushButton(QCoreApplication.translate("ProposalDialog", "Remove line"), self)
        self.remove_button.setObjectName("proposalRemove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.total = QLabel(self)
        self.total.setObjectName("proposalTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note = QLineEdit(self)
        self.note.setObjectName("proposalNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(QCoreApplication.translate("ProposalDialog", "Note for the customer or the team"))
        self.error = QLabel(self)
        self.error.setObjectName("proposalError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318;")
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(QCoreApplication.translate("ProposalDialog", "Save proposal"),
                                             QDialogButtonBox.ButtonRole.ActionRole)  # closes once saved, not before
        self.save_button.setObjectName("proposalSave")
        buttons.addButton(QCoreApplication.translate("ProposalDialog", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        # Enter in the search box adds the item found; it must never save the plan half made.
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.remove_button.setAutoDefault(False)
        under = QHBoxLayout()
        under.addWidget(self.remove_button)
        under.addStretch(1)
        under.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addWidget(self.hits)
        layout.addWidget(self.suggested_title)
        layout.addWidget(self.suggested)
        layout.addWidget(self.table, 1)
        layout.addLayout(under)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self._show_total()
        runner.read(proposals.proposal_for, journey_id, on_done=self._prefill, on_error=self._failed)
        # Read only: when the suggestions cannot be read the list stays hidden (the plan is made by hand).
        runner.read(scans.suggestions_for, customer_id, on_done=self._show_suggestions, on_error=lambda _e: None)

    # ------------------------------------------------------------ reading

    def _prefill(self, current: ProposalView | None) -> None:
        if current is None or self.table.rowCount():
            return
        for line in current.lines:
            self.add_line(PlanItem(line.item_id, line.name_th, line.name_en, line.price_satang), line.quantity,
                          line.price_satang)
        self.note.setText(current.note)

    def _show_suggestions(self, suggestions: list[scans.Suggestion]) -> None:
        self.suggested.clear()
        for suggestion in suggestions:
            row = suggestion.item
            item = PlanItem(row.id, row.name_th, row.name_en, row.price_satang)
            entry = QListWidgetItem(QCoreApplication.translate("ProposalDialog", "{item} · {price} · because {reason}").format(
                item=item.shown(), price=format_baht(item.price_satang), reason="; ".join(reason_text(r) for r in suggestion.reasons)))
            entry.setData(_ROW, item)
            self.suggested.addItem(entry)
        shown = self.suggested.count() > 0
        self.suggested_title.setVisible(shown)
        self.suggested.setVisible(shown)

    def _find(self) -> None:
        self._search_seq += 1
        seq = self._search_seq
        text = self.search.text()
        if not text.strip():
            self.hits.clear()
            return
        self.runner.read(find_items, text, on_done=lambda rows: self._show_hits(seq, rows), on_error=self._failed)

    def _show_hits(self, seq: int, rows: list[CatalogRow]) -> None:
        if seq != self._search_seq:
            return  # an answer to an older text
        self.hits.clear()
        for row in rows:
            item = PlanItem(row.id, row.name_th, row.name_en, row.price_satang)
            entry = QListWidgetItem(f"{item.shown()} · {format_baht(item.price_satang)}")
            entry.setData(_ROW, item)
            self.hits.addItem(entry)
        if rows:
            self.hits.setCurrentRow(0)

    def _failed(self, error: BaseException) -> None:
        self.error.setText(translate_error(error))

    # ------------------------------------------------------------ lines

    def _add_hit(self, entry: QListWidgetItem) -> None:
        item = entry.data(_ROW)
        if isinstance(item, PlanItem):
            self.add_line(item)

    def _add_first_hit(self) -> None:
        if self.hits.count():
            current = self.hits.currentItem()
            self._add_hit(current if current is not None else self.hits.item(0))
            self.search.clear()

    def add_line(self, item: PlanItem, quantity: int = 1, price_satang: int | None = None) -> None:
        """Add ``item`` to the plan (one more of it when it is there at the same price)."""
        price = item.price_satang if price_satang is None else price_satang
        for row in range(self.table.rowCount()):
            if self._item(row).id == item.id and self._price(row) == price:
                spin = self._quantity_box(row)
                spin.setValue(min(MAX_QUANTITY, spin.value() + quantity))
                return
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(item.shown())
        name.setData(_ROW, item)
        self.table.setItem(row, ITEM, name)
        spin = QSpinBox(self.table)
        spin.setRange(1, MAX_QUANTITY)
        spin.setValue(quantity)
        spin.valueChanged.connect(lambda _v: self._show_total())
        self.table.setCellWidget(row, QUANTITY, spin)
        money = QDoubleSpinBox(self.table)
        money.setRange(0, 10_000_000)
        money.setDecimals(2)
        money.setGroupSeparatorShown(True)
        money.setValue(price / 100)
        money.valueChanged.connect(lambda _v: self._show_total())
        self.table.setCellWidget(row, PRICE, money)
        amount = QTableWidgetItem()
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, AMOUNT, amount)
        self.table.selectRow(row)
        self._show_total()

    def remove_selected(self) -> None:
        """Take the selected line out of the plan."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._show_total()

    def _item(self, row: int) -> PlanItem:
        cell = self.table.item(row, ITEM)
        item = cell.data(_ROW) if cell is not None else None
        assert isinstance(item, PlanItem)
        return item

    def _quantity_box(self, row: int) -> QSpinBox:
        box = self.table.cellWidget(row, QUANTITY)
        assert isinstance(box, QSpinBox)
        return box

    def _price(self, row: int) -> int:
        box = self.table.cellWidget(row, PRICE)
        assert isinstance(box, QDoubleSpinBox)
        return round(box.value() * 100)

    def lines(self) -> list[ProposalLine]:
        """Return the plan as the dialog shows it."""
        return [ProposalLine(self._item(r).id, self._quantity_box(r).value(), self._price(r))
                for r in range(self.table.rowCount())]

    def _show_total(self) -> None:
        lines = self.lines()
        for row, line in enumerate(lines):
            cell = self.table.item(row, AMOUNT)
            if cell is not None:
                cell.setText(format_baht(line.amount_satang))
        self.total.setText(QCoreApplication.translate("ProposalDialog", "Total {total}").format(total=format_baht(total_satang(lines))))
        self.save_button.setEnabled(bool(lines))

    # ------------------------------------------------------------ saving

    def save(self) -> None:
        """Save the plan (one use case); close on success, else say why and stay open."""
        self.save_button.setEnabled(False)
        self.error.clear()
        self.runner.run(proposals.make_proposal, self.journey_id, self.lines(), self.note.text(),
                        on_done=self._saved, on_error=self._not_saved, initiator=self)

    def _saved(self, changes: object) -> None:
        self.saved = getattr(changes, "result", None)
        self.accept()

    def _not_saved(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(translate_error(error))
