"""The sale's coupon or reward code: typed or scanned, and what the latest quote says of it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from bnaura_desk.domain.keyboard import keys_typed
from bnaura_desk.domain.money import format_baht

from .reads import CartQuote

_GOOD = "color: #1b6e3a; font-weight: 600;"
_BAD = "color: #b42318; font-weight: 600;"


class CouponBox(QWidget):
    """A code box and its verdict: "applied: ฿200.00 off", or exactly why the code does not apply.

    Signals:
        code_changed(str): Enter pressed (or the box emptied): the code for the sale ("" for none),
            read back from the keys when typed with the keyboard set to Thai.
    """

    code_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        self.box = QLineEdit(self)
        self.box.setObjectName("counterCoupon")
        self.box.setClearButtonEnabled(True)
        self.box.returnPressed.connect(self._entered)
        self.box.textChanged.connect(self._typed)
        self.caption.setBuddy(self.box)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("counterCouponVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.hide()
        self._code = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.box)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        self.retranslate()

    def _entered(self) -> None:
        self._code = keys_typed(self.box.text()).strip()
        self.code_changed.emit(self._code)

    def _typed(self, text: str) -> None:
        if not text.strip() and self._code:
            self._entered()  # emptied: the coupon comes off

    def clear(self) -> None:
        """The next sale: no code (says nothing)."""
        self._code = ""
        self.box.blockSignals(True)
        self.box.clear()
        self.box.blockSignals(False)
        self.verdict.hide()

    def show_verdict(self, quoted: CartQuote | None) -> None:
        """Say what ``quoted`` made of the code (nothing without a code or a quote)."""
        if not self._code or quoted is None:
            self.verdict.hide()
            return
        if quoted.coupon_refused is not None:
            self.verdict.setText(quoted.coupon_refused.render(QCoreApplication.translate))
            self.verdict.setStyleSheet(_BAD)
        else:
            self.verdict.setText(self.tr("Coupon applied: {amount} off").format(
                amount=format_baht(quoted.quote.priced.coupon_discount_satang)))
            self.verdict.setStyleSheet(_GOOD)
        self.verdict.show()

    @property
    def text(self) -> str:
        """What the box says of the code ("" when nothing is shown)."""
        return self.verdict.text() if not self.verdict.isHidden() else ""

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Coupon or reward code (F4)"))
        self.box.setPlaceholderText(self.tr("Type or scan the code and Enter"))
