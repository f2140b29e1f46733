"""Finding what to sell: the item box (typed name or SKU, scanned barcode) and the favourites grid.

A scanner types the code and Enter; Enter adds the best match (an exact
barcode or SKU first), Up/Down choose another, ``3*`` before a code adds
three. While something is typed the hits replace the favourites. On the
empty box, + and - go to the cart's selected line (``step``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.money import format_baht
from bnaura_desk.services.catalog import CatalogRow

from ..customers.callbacks import while_alive
from ..runner import DeskRunner
from .draft import quantity_and_text
from .hits_model import ItemHitsModel
from .labels import item_name
from .reads import find_items

FAVOURITE_COLUMNS = 3


class ItemFinder(QWidget):
    """The item box, its hits and the favourites.

    Signals:
        picked(CatalogRow, int): an item and how many to put in the cart.
        step(int): + (1) or - (-1) pressed on the empty box.
        failed(object): a message for the screen (text, or an error).
    """

    picked = Signal(object, int)
    step = Signal(int)
    failed = Signal(object)

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._seq = 0
        self.box = QLineEdit(self)
        self.box.setObjectName("counterSearch")
        self.box.setClearButtonEnabled(True)
        self.box.installEventFilter(self)
        self.box.textChanged.connect(self.search)
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hits = ItemHitsModel(self)
        self.hit_list = QTableView(self)
        self.hit_list.setObjectName("counterHits")
        self.hit_list.setModel(self.hits)
        self.hit_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hit_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hit_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hit_list.verticalHeader().hide()
        header = self.hit_list.horizontalHeader()
        header.setSectionResizeMode(ItemHitsModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ItemHitsModel.CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ItemHitsModel.PRICE, QHeaderView.ResizeMode.ResizeToContents)
        self.hit_list.activated.connect(lambda index: self._pick(self.hits.item(index.row()), 1))
        self.favourites = QWidget(self)
        self.favourites.setObjectName("counterFavourites")
        self.favourites_grid = QGridLayout(self.favourites)
        self.favourites_grid.setContentsMargins(0, 0, 0, 0)
        self.favourite_buttons: list[QPushButton] = []
        self.favourite_rows: list[CatalogRow] = []
        favourites_page = QWidget(self)
        page_layout = QVBoxLayout(favourites_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.favourites)
        page_layout.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(favourites_page)
        self.stack.addWidget(self.hit_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.hint)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.box)
        self.retranslate()

    # -- favourites

    def show_favourites(self, rows: list[CatalogRow]) -> None:
        """Show ``rows`` as the favourites grid (Ctrl+1 to Ctrl+9 for the first nine)."""
        self.favourite_rows = list(rows)
        for button in self.favourite_buttons:
            self.favourites_grid.removeWidget(button)
            button.deleteLater()
        self.favourite_buttons = []
        for i, row in enumerate(self.favourite_rows):
            button = QPushButton(self.favourites)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key = f"Ctrl+{i + 1}  " if i < 9 else ""
            button.setText(f"{item_name(row.name_th, row.name_en)}\n{key}{format_baht(row.price_satang)}")
            button.setMinimumHeight(self.fontMetrics().height() * 3 + 8)
            button.clicked.connect(lambda _=False, r=row: self._pick(r, 1))
            self.favourites_grid.addWidget(button, i // FAVOURITE_COLUMNS, i % FAVOURITE_COLUMNS)
            self.favourite_buttons.append(button)

    def add_favourite(self, number: int) -> None:
        """Pick favourite ``number`` (0-based; Ctrl+1 is the first)."""
        if 0 <= number < len(self.favourite_rows):
            self._pick(self.favourite_rows[number], 1)

    # -- searching

    def search(self) -> None:
        """Search the catalog for what is typed (the hits replace the favourites while there is text)."""
        self._seq += 1
        seq, text = self._seq, quantity_and_text(self.box.text())[1]
        if not text:
            self.hits.set_hits("", [])
            self.stack.setCurrentIndex(0)
            return
        self.runner.read(find_items, text, on_done=while_alive(self, lambda rows: self._found(seq, text, rows)),
                         on_error=while_alive(self, self.failed.emit))

    def _found(self, seq: int, text: str, rows: list[CatalogRow], *, take: int = 0) -> None:
        if seq != self._seq:
            return
        self.hits.set_hits(text, rows)
        self.stack.setCurrentIndex(1)
        if rows:
            self.hit_list.selectRow(0)
        if take:
            if rows:
                self._pick(rows[0], take)
            else:
                self.failed.emit(self.tr("Nothing in the catalog matches {text}").format(text=text))

    def enter(self) -> None:
        """Enter in the box: pick the highlighted hit, or (scanned faster than the search answered) the best match."""
        quantity, text = quantity_and_text(self.box.text())
        if not text:
            return
        current = self.hit_list.currentIndex()
        if self.hits.query == text and self.hits.rowCount():
            self._pick(self.hits.item(current.row() if current.isValid() else 0), quantity)
            return
        self._seq += 1
        seq = self._seq
        self.runner.read(find_items, text,
                         on_done=while_alive(self, lambda rows: self._found(seq, text, rows, take=quantity)),
                         on_error=while_alive(self, self.failed.emit))

    def _pick(self, row: CatalogRow, quantity: int) -> None:
        # The box is ready for the next scan at once.
        self.box.blockSignals(True)
        self.box.clear()
        self.box.blockSignals(False)
        self._seq += 1
        self.hits.set_hits("", [])
        self.stack.setCurrentIndex(0)
        self.picked.emit(row, quantity)
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.enter()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.hits.rowCount():
                row = self.hit_list.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
                self.hit_list.selectRow(min(max(row, 0), self.hits.rowCount() - 1))
                return True
            if key == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                return True
            if not self.box.text() and key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
                self.step.emit(1 if key == Qt.Key.Key_Plus else -1)
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Scan a barcode, or type a name or SKU and Enter (F2)"))
        self.hint.setText(self.tr("3* before a code adds three. Favourites: Ctrl+1 to Ctrl+9. In the cart: + and −"
                                  " change the quantity, Delete removes, F9 gives a discount."))
        self.hits.retranslate()
        self.show_favourites(self.favourite_rows)
