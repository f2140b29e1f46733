"""The sale's figures beside the cart: subtotal, each kind of discount, total, VAT and exempt parts, points."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.pricing import PricedCart

from ..loyalty.labels import format_points

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ROWS = ("subtotal", "line", "tier", "coupon", "total", "vat", "exempt", "points")


class TotalsPanel(QWidget):
    """The totals of the latest quote (``show``); a row with nothing in it is hidden."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterTotals")
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for row, key in enumerate(ROWS):
            caption, value = QLabel(self), QLabel(self)
            value.setObjectName(f"total_{key}")
            value.setAlignment(_RIGHT)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.captions[key], self.values[key] = caption, value
        big = QFont(self.values["total"].font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        self.values["total"].setFont(big)
        bold = QFont(self.captions["total"].font())
        bold.setPointSizeF(bold.pointSizeF() * 1.3)
        bold.setBold(True)
        self.captions["total"].setFont(bold)
        self._priced: PricedCart | None = None
        self._member = False
        self.retranslate()

    def show_totals(self, priced: PricedCart | None, *, member: bool) -> None:
        """Show ``priced``'s figures (None: an empty cart, or one that cannot be priced)."""
        self._priced, self._member = priced, member
        p = priced
        figures = {
            "subtotal": p.subtotal_satang if p else 0,
            "line": -p.line_discount_satang if p else 0,
            "tier": -p.tier_discount_satang if p else 0,
            "coupon": -p.coupon_discount_satang if p else 0,
            "total": p.total_satang if p else 0,
            "vat": p.vat_satang if p else 0,
            "exempt": p.exempt_satang if p else 0,
        }
        for key, satang in figures.items():
            self.values[key].setText(format_baht(satang))
            shown = key in ("subtotal", "total", "vat") or satang != 0
            self.captions[key].setVisible(shown)
            self.values[key].setVisible(shown)
        self.values["points"].setText(format_points(p.points) if p else "0")
        self.captions["points"].setVisible(member)
        self.values["points"].setVisible(member)

    def text_of(self, key: str) -> str:
        """Return the figure shown in row ``key`` ("" when the row is hidden)."""
        return self.values[key].text() if not self.values[key].isHidden() else ""

    def retranslate(self) -> None:
        texts = {
            "subtotal": self.tr("Subtotal"),
            "line": self.tr("Line discounts"),
            "tier": self.tr("Member discount"),
            "coupon": self.tr("Coupon"),
            "total": self.tr("Total"),
            "vat": self.tr("VAT 7 % included"),
            "exempt": self.tr("VAT-exempt part"),
            "points": self.tr("Points this sale earns"),
        }
        for key, text in texts.items():
            self.captions[key].setText(text)
        self.show_totals(self._priced, member=self._member)
