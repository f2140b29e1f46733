"""Receive stock of a product, or record a shelf count."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.catalog import StockReason
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.services import catalog as catalog_service
from bnaura_desk.services.catalog import CatalogRow

from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner
from ..widgets import FieldError

STOCK_MAX = 1_000_000


class StockMode(StrEnum):
    RECEIVE = "receive"  # goods arrived: add this many
    COUNT = "count"  # shelf counted: the stock is this many


class StockDialog(QDialog):
    """Ask how many pieces arrived (or were counted) and record it.

    Signals:
        saved(str): the product's id, once recorded.
    """

    saved = Signal(str)

    def __init__(
        self, runner: DeskRunner, item: CatalogRow, mode: StockMode, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stockDialog")
        self.runner = runner
        self.item = item
        self.mode = mode
        self._saving = False

        self.product = QLabel(self)
        self.current = QLabel(self)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(1 if mode is StockMode.RECEIVE else 0, STOCK_MAX)
        self.quantity.setValue(1 if mode is StockMode.RECEIVE else max(item.stock or 0, 0))
        self.note = QLineEdit(self)
        self.quantity_caption, self.note_caption, self.current_caption = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        self.quantity_error, self.note_error = FieldError(self), FieldError(self)
        self.general_error = FieldError(self)

        form = QFormLayout()
        form.addRow(self.product)
        form.addRow(self.current_caption, self.current)
        form.addRow(self.quantity_caption, _stack(self, self.quantity, self.quantity_error))
        form.addRow(self.note_caption, _stack(self, self.note, self.note_error))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("primary")
        # The button box polished its buttons already: re-polish for the #primary style.
        self.save_button.style().unpolish(self.save_button)
        self.save_button.style().polish(self.save_button)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.retranslate()
        self.quantity.setFocus()
        self.quantity.selectAll()

    def save(self) -> None:
        if self._saving:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        for label in (self.quantity_error, self.note_error, self.general_error):
            label.clear_error()
        done = while_alive(self, lambda _cs: self._finish())
        failed = while_alive(self, self.show_error)
        cancelled = while_alive(self, self._cancelled)
        if self.mode is StockMode.RECEIVE:
            run_with_override(
                self.runner,
                self,
                catalog_service.move_stock,
                self.item.id,
                self.quantity.value(),
                StockReason.RECEIVED,
                self.note.text(),
                on_done=done,
                on_error=failed,
                on_cancel=cancelled,
                initiator=self,
            )
        else:
            run_with_override(
                self.runner,
                self,
                catalog_service.set_stock_count,
                self.item.id,
                self.quantity.value(),
                self.note.text(),
                on_done=done,
                on_error=failed,
                on_cancel=cancelled,
                initiator=self,
            )

    def _cancelled(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _finish(self) -> None:
        self._saving = False
        self.saved.emit(self.item.id)
        self.accept()

    def show_error(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if not isinstance(error, BadInput):
            self.runner.show_error(error, self)
            return
        targets = {
            "quantity": self.quantity_error,
            "counted": self.quantity_error,
            "note": self.note_error,
        }
        label = targets.get(error.field or "", self.general_error)
        label.show_error(error)
        (self.note if label is self.note_error else self.quantity).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def retranslate(self) -> None:
        receiving = self.mode is StockMode.RECEIVE
        self.setWindowTitle(self.tr("Receive stock") if receiving else self.tr("Count stock"))
        self.product.setText(self.item.name_th or self.item.name_en)
        self.current_caption.setText(self.tr("In stock now"))
        self.current.setText(str(self.item.stock or 0))
        self.quantity_caption.setText(
            self.tr("Pieces received") if receiving else self.tr("Pieces counted")
        )
        self.note_caption.setText(self.tr("Note"))
        self.note.setPlaceholderText(
            self.tr("Supplier and invoice number")
            if receiving
            else self.tr("Who counted, anything odd")
        )
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _stack(parent: QWidget, field: QWidget, error: QLabel) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box
