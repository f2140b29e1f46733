"""The POS screen's cart: its lines as priced, and changing the selected line from the keyboard or the buttons.

In the cart, + and - change the selected line's quantity (never below 1),
Delete removes the line, F9 (the screen's key) gives it a discount. Each
change is made in the screen's ``CartDraft`` and announced by ``edited``
with the line to select once the cart is priced again; this widget never
prices anything itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..widgets import FieldError
from .cart_model import CartModel, LineRole
from .discount import LineDiscountDialog
from .draft import CartDraft


class CartLines(QWidget):
    """The cart view, its error line and the line buttons (+, −, Discount (F9), Remove (Del)).

    Args:
        draft: the sale being made (changed here; the screen prices it).

    ``line_buttons`` is the buttons' row: the screen adds its own at its
    right end.

    Signals:
        edited(int): the draft changed; price it again and select this line (-1: none).
    """

    edited = Signal(int)

    def __init__(self, draft: CartDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.model = CartModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("counterCart")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.installEventFilter(self)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CartModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, CartModel.COLUMN_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.error = FieldError(self)
        self.plus_button, self.minus_button = QPushButton("+", self), QPushButton("−", self)
        self.discount_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.plus_button.clicked.connect(lambda: self.change_quantity(+1))
        self.minus_button.clicked.connect(lambda: self.change_quantity(-1))
        self.discount_button.clicked.connect(self.give_discount)
        self.remove_button.clicked.connect(self.remove_line)
        self.line_buttons = QHBoxLayout()
        for button in (self.plus_button, self.minus_button, self.discount_button, self.remove_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.line_buttons.addWidget(button)
        self.line_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(self.line_buttons)
        self.retranslate()

    def selected_line(self) -> int | None:
        """Return the position of the line selected in the cart (a step selects its line)."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        position = index.data(LineRole)
        return position if isinstance(position, int) and 0 <= position < len(self.draft.lines) else None

    def select_line(self, position: int) -> None:
        """Select the line at ``position`` (out of range: leave the selection)."""
        if 0 <= position < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(position, 0))

    def step(self, delta: int) -> None:
        """+ or - typed elsewhere (the empty item box): the selected line, or the last one added."""
        if not self.draft.lines:
            return
        if self.selected_line() is None:
            self.select_line(len(self.draft.lines) - 1)
        self.change_quantity(delta)

    def change_quantity(self, delta: int) -> None:
        """Add ``delta`` to the selected line's quantity (never below 1: Delete removes a line)."""
        position = self.selected_line()
        if position is None:
            return
        self.draft.set_quantity(position, self.draft.lines[position].quantity + delta)
        self.edited.emit(position)

    def remove_line(self) -> None:
        """Take the selected line out of the cart."""
        position = self.selected_line()
        if position is None:
            return
        self.draft.remove(position)
        self.edited.emit(min(position, len(self.draft.lines) - 1))

    def give_discount(self) -> None:
        """Ask for the selected line's discount (F9); without a selection, the last line's."""
        position = self.selected_line()
        if position is None and self.draft.lines:
            position = len(self.draft.lines) - 1
        if position is None:
            return
        dialog = LineDiscountDialog(self.draft.lines[position], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def given() -> None:
            self.draft.set_discount(position, dialog.discount)
            self.edited.emit(position)

        dialog.accepted.connect(given)
        dialog.open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.change_quantity(+1)
                return True
            if key == Qt.Key.Key_Minus:
                self.change_quantity(-1)
                return True
            if key == Qt.Key.Key_Delete:
                self.remove_line()
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.discount_button.setText(self.tr("Discount (F9)"))
        self.remove_button.setText(self.tr("Remove (Del)"))
        self.model.retranslate()
        self.view.expandAll()
