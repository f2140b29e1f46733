"""Where each part of the POS screen sits, made to fit a 1366 × 768 counter screen in Thai as well as English.

::

    [shift: status · Cash in/out… · Close shift… · X report · Z report]   [Customer display] [Counter settings…]
    [Print again (copy)] [Refund / void…] [Full tax invoice…]            Sale R… · Change ฿… (large)
    (a message line, when there is something to say)
    item box, favourites      | member
                              | cart
                              | + − Discount Remove          Use course session… (F7)  Clear sale
    [Open proposal…]          | coupon box        totals, Pay (F12)

The first row is the shift and the screen's own buttons; the second is the
last sale and what can follow it, so the top never has more than about
seven buttons in a row. The left and right halves share the width with a
splitter the cashier can drag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .screen import CounterScreen


def lay_out(screen: CounterScreen) -> None:
    """Place the widgets ``screen`` made in its layout (call once, after they all exist)."""
    top = QHBoxLayout()
    top.addWidget(screen.shift_bar)
    top.addStretch(1)
    top.addWidget(screen.display_button)
    top.addWidget(screen.settings_button)
    screen.lines.line_buttons.addWidget(screen.course_use.button)
    screen.lines.line_buttons.addWidget(screen.clear_button)
    totals_column = QVBoxLayout()
    totals_column.addWidget(screen.totals)
    totals_column.addWidget(screen.pay_button)
    bottom = QHBoxLayout()
    bottom.addWidget(screen.coupon, 1)
    bottom.addSpacing(16)
    bottom.addLayout(totals_column, 1)
    right = QWidget(screen)
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(8, 0, 0, 0)
    right_layout.addWidget(screen.member_picker)
    right_layout.addWidget(screen.lines, 1)
    right_layout.addLayout(bottom)
    splitter = QSplitter(Qt.Orientation.Horizontal, screen)
    splitter.setChildrenCollapsible(False)
    # A proposal opened as the cart starts a sale: under the item box, where the top rows have no room left.
    left = QWidget(screen)
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(screen.finder, 1)
    proposal_row = QHBoxLayout()
    proposal_row.addWidget(screen.proposal_button)
    proposal_row.addStretch(1)
    left_layout.addLayout(proposal_row)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 2)
    splitter.setStretchFactor(1, 3)
    splitter.setSizes([400, 760])
    layout = QVBoxLayout(screen)
    layout.addLayout(top)
    layout.addWidget(screen.sale_bar)
    layout.addWidget(screen.message)
    layout.addWidget(splitter, 1)
