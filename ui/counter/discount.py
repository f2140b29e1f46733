"""The line discount dialog: a percent or an amount off one line, and why (kept with the sale).

Above the clinic's limit the cart marks the line, and the checkout asks a
manager's PIN (``ui.override``); pricing settles the figures, this dialog
only reads what staff typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, BadInput, DeskError
from bnaura_desk.domain.money import format_baht, parse_baht
from bnaura_desk.domain.pricing import WHOLE_BP, LineDiscount, LineDiscountKind

from ..widgets import FieldError
from .draft import DraftLine
from .labels import item_name, percent_text

_NOT_A_PERCENT = QT_TRANSLATE_NOOP("errors", "{text} is not a percent (e.g. 10 or 12.5)")
_OVER_100 = QT_TRANSLATE_NOOP("errors", "A discount is 0 to 100 %")


def parse_percent(text: str) -> int:
    """Return a typed percent (``10``, ``12.5``, ``10 %``) in basis points.

    Raises:
        BadInput: not a number with at most two decimals.
    """
    cleaned = text.strip().rstrip("%").strip()
    try:
        return parse_baht(cleaned, field="discount")  # the same shape: digits, two decimals at most
    except BadInput:
        raise BadInput(_NOT_A_PERCENT, field="discount", text=text.strip()) from None


class LineDiscountDialog(QDialog):
    """Ask for line ``line``'s discount; ``discount`` holds it once accepted (None: taken off)."""

    def __init__(self, line: DraftLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lineDiscountDialog")
        self.setModal(True)
        self.line = line
        self.discount: LineDiscount | None = line.discount
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.percent = QRadioButton(self)
        self.percent.setObjectName("discountPercent")
        self.amount = QRadioButton(self)
        self.amount.setObjectName("discountAmount")
        self.value = QLineEdit(self)
        self.value.setObjectName("discountValue")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("discountReason")
        self.reason.setMaxLength(200)
        self.value_caption, self.reason_caption = QLabel(self), QLabel(self)
        self.error = FieldError(self)
        self.ok_button = QPushButton(self)
        self.ok_button.setObjectName("primary")
        self.ok_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self.confirm)
        self.remove_button = QPushButton(self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove)
        self.remove_button.setVisible(line.discount is not None)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        kinds = QHBoxLayout()
        kinds.addWidget(self.percent)
        kinds.addWidget(self.amount)
        kinds.addStretch(1)
        form = QFormLayout()
        form.addRow(self.value_caption, self.value)
        form.addRow(self.reason_caption, self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addLayout(kinds)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)
        given = line.discount
        if given is not None and given.kind is LineDiscountKind.AMOUNT:
            self.amount.setChecked(True)
            self.value.setText(format_baht(given.value, symbol=False))
        else:
            self.percent.setChecked(True)
            if given is not None:
                self.value.setText(percent_text(given.value).replace(" %", ""))
        if given is not None:
            self.reason.setText(given.reason)
        self._retranslate()
        self.value.setFocus()
        self.value.selectAll()

    def confirm(self) -> None:
        """Read the discount typed (pricing checks its range and reason when the cart is priced again)."""
        try:
            if self.percent.isChecked():
                value = parse_percent(self.value.text())
                if value > WHOLE_BP:
                    raise BadInput(_OVER_100, field="discount")
                kind = LineDiscountKind.PERCENT
            else:
                value = parse_baht(self.value.text(), field="discount")
                kind = LineDiscountKind.AMOUNT
        except DeskError as error:
            self.error.show_error(error)
            return
        reason = " ".join(self.reason.text().split())
        if value and not reason:
            self.error.show_error(self.tr("Say why it is discounted"))
            self.reason.setFocus()
            return
        self.discount = LineDiscount(kind, value, reason) if value else None
        self.accept()

    def remove(self) -> None:
        """Take the line's discount off."""
        self.discount = None
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.value.hasFocus() and not self.reason.text().strip():
                self.reason.setFocus()  # Enter after the figure goes on to the reason
                return
            self.confirm()
            return
        super().keyPressEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Line discount"))
        self.heading.setText(self.tr("Discount on {item} ({amount})").format(
            item=item_name(self.line.name_th, self.line.name_en), amount=format_baht(self.line.original_satang)))
        self.percent.setText(self.tr("Percent"))
        self.amount.setText(self.tr("Amount (฿)"))
        self.value_caption.setText(self.tr("Discount"))
        self.reason_caption.setText(self.tr("Reason"))
        self.ok_button.setText(self.tr("Apply"))
        self.remove_button.setText(self.tr("No discount"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
