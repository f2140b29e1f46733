"""The POS screen's keys, in one table: each works wherever the keyboard is on the screen.

F2 item box, F3 member, F4 coupon (each selects what is typed there), F9 a
line discount, F12 pay, Ctrl+1..9 a favourite, Ctrl+Shift+D the customer
display, Ctrl+Shift+P print again, Ctrl+Shift+C cash in / out,
Ctrl+Shift+R refund / void. Ctrl+Shift+I (``full_invoice``) and F7
(``course_use``) belong to their own buttons' modules; the cart's + / - /
Delete to ``cart_lines``. docs/counter.md lists them all for the front desk.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

if TYPE_CHECKING:
    from .screen import CounterScreen


def focus(widget: QWidget) -> None:
    """Put the keyboard in ``widget`` as a shortcut does, selecting what is typed there to be replaced."""
    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
    if isinstance(widget, QLineEdit):
        widget.selectAll()


def bind_keys(screen: CounterScreen) -> None:
    """Give ``screen`` its keys (call once, after its widgets exist)."""
    keys: list[tuple[str, Callable[[], object]]] = [
        ("F2", lambda: focus(screen.search)),
        ("F3", lambda: focus(screen.member_picker.box)),
        ("F4", lambda: focus(screen.coupon_box)),
        ("F9", screen.give_discount),
        ("F12", screen.pay),
        ("Ctrl+Shift+D", screen.show_customer_display),
        ("Ctrl+Shift+P", screen.print_again),
        ("Ctrl+Shift+C", screen.shift_bar.move_cash),
        ("Ctrl+Shift+R", screen.refund_or_void),
    ]
    keys += [(f"Ctrl+{n}", partial(screen.finder.add_favourite, n - 1)) for n in range(1, 10)]
    for key, slot in keys:
        shortcut = QShortcut(QKeySequence(key), screen)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
