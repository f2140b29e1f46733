"""The POS screen's after-sale strip: what the last sale left to say, and what can be done with it.

One row under the shift bar. On the left the after-sale actions, always at
the same place whether or not a sale was made here yet: "Print again
(copy)" (Ctrl+Shift+P, on once this screen made a sale), "Refund / void…"
(Ctrl+Shift+R) and "Full tax invoice…" (Ctrl+Shift+I). On the right, in
large type, the last sale's number, the change to hand over and any
balance due, next to the cart's totals where the cashier's eyes already are.
The buttons' keys are in their tooltips; the keys themselves are the
screen's, so they work wherever the focus is on it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from bnaura_desk.domain.money import format_baht
from bnaura_desk.services.counter import SaleDone

from ..runner import DeskRunner
from .full_invoice import FullInvoiceButton


class SaleBar(QWidget):
    """The after-sale row: Print again, Refund / void, Full tax invoice, and the last sale's banner.

    Args:
        runner: the app's database worker (the full tax invoice dialog uses it).
        last_receipt: the number of this terminal's last receipt ("" when none yet).
        screen: the POS screen: the parent, and where Ctrl+Shift+I works.

    The screen connects ``reprint_button`` and ``refund_button``; it calls
    ``show_sale`` after each sale.
    """

    def __init__(self, runner: DeskRunner, last_receipt: Callable[[], str], screen: QWidget) -> None:
        super().__init__(screen)
        self.setObjectName("counterSaleBar")
        self._sale: SaleDone | None = None
        self.banner = QLabel(self)
        self.banner.setObjectName("counterLastSale")
        banner_font = QFont(self.banner.font())
        banner_font.setPointSizeF(banner_font.pointSizeF() * 1.5)
        banner_font.setBold(True)
        self.banner.setFont(banner_font)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.reprint_button = QPushButton(self)
        self.reprint_button.setObjectName("counterReprint")
        self.reprint_button.setEnabled(False)  # nothing to print again before this screen's first sale
        self.refund_button = QPushButton(self)
        self.refund_button.setObjectName("counterRefund")
        # Its Ctrl+Shift+I belongs to the screen, so it is made there and placed here.
        self.invoice_button = FullInvoiceButton(runner, last_receipt, screen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.reprint_button, self.refund_button, self.invoice_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(self.banner)
        self.retranslate()

    def show_sale(self, done: SaleDone | None) -> None:
        """Show ``done`` in the banner (None: no sale yet) and allow printing it again."""
        self._sale = done
        self.reprint_button.setEnabled(done is not None)
        if done is None:
            self.banner.clear()
            return
        parts = [self.tr("Sale {number}").format(number=done.number)]
        if done.change_satang:
            parts.append(self.tr("Change {amount}").format(amount=format_baht(done.change_satang)))
        if done.balance_satang:
            parts.append(self.tr("Balance due {amount}").format(amount=format_baht(done.balance_satang)))
        self.banner.setText(" · ".join(parts))

    def retranslate(self) -> None:
        self.reprint_button.setText(self.tr("Print again (copy)"))
        self.reprint_button.setToolTip(self.tr("Print the last receipt again, marked as a copy (Ctrl+Shift+P)"))
        self.refund_button.setText(self.tr("Refund / void…"))
        self.refund_button.setToolTip(self.tr("Refund or void a sale, with its credit note (Ctrl+Shift+R)"))
        if self._sale is not None:
            self.show_sale(self._sale)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
