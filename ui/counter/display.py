"""The customer display: a second window facing the customer across the counter.

It follows the POS screen's signals and shows only what the customer may
see: the cart's lines with each discount, the total, the member's first name
(never the surname: others stand in the queue), tier and the points this
sale will earn; the PromptPay QR while the payment dialog shows it; a
thank-you with the new points balance after checkout; otherwise the
clinic's name. Never staff names, costs or anything else staff-only.

On a terminal with a second screen it opens there, full screen, when the
POS page is first shown; otherwise the POS page's "Customer display" button
(Ctrl+Shift+D) opens it as an ordinary window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QPixmap, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.pricing import PricedCart
from bnaura_desk.services.branches import Whereabouts, whereabouts
from bnaura_desk.services.counter import SaleDone

from ..customers.callbacks import while_alive
from ..loyalty.labels import format_points
from ..loyalty.qr import qr_image
from ..runner import DeskRunner
from .cart_model import CartModel
from .draft import DraftLine
from .labels import item_name, tier_label
from .reads import CounterMember, counter_member

THANKS_SECONDS = 30  # the thank-you stays this long unless the next sale starts
_QR_MODULE_PX = 9


def first_name(full_name: str) -> str:
    """Return the first word of a customer's name: what the display may show of it ("" for none)."""
    words = full_name.split()
    return words[0] if words else ""


def second_screen() -> QScreen | None:
    """Return a screen other than the primary one (the customer's side of the counter), or None."""
    primary = QGuiApplication.primaryScreen()
    others = [screen for screen in QGuiApplication.screens() if screen is not primary]
    return others[0] if others else None


def _scaled(widget: QWidget, scale: float, *, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)


class CustomerDisplay(QWidget):
    """The customer-facing window (a top-level window owned by the POS screen).

    Args:
        runner: reads the clinic's name and, after a sale, the member's new balance.
        parent: the POS screen (the display closes with it).

    The POS screen drives it with ``show_cart``, ``show_promptpay`` and ``show_thanks``.
    """

    IDLE, CART, PROMPTPAY, THANKS = range(4)

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("customerDisplay")
        # Closing the POS window quits the app even while the customer's window is open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.runner = runner
        self.clinic = ""
        self.member: CounterMember | None = None
        self.priced: PricedCart | None = None
        self.qr_payload = ""
        self._qr_amount = 0
        self.sale: SaleDone | None = None
        self.new_balance: int | None = None
        self._thanks_name = ""
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.timeout.connect(self._thanks_over)

        self.clinic_label = QLabel(self)
        self.clinic_label.setObjectName("displayClinic")
        _scaled(self.clinic_label, 1.4, bold=True)
        self.member_label = QLabel(self)
        self.member_label.setObjectName("displayMember")
        _scaled(self.member_label, 1.6, bold=True)
        self.member_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.clinic_label)
        header.addStretch(1)
        header.addWidget(self.member_label)

        # -- idle: the clinic's name, large
        self.idle_page = QWidget(self)
        self.welcome = QLabel(self.idle_page)
        self.welcome.setObjectName("displayWelcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        _scaled(self.welcome, 3.0, bold=True)
        idle_layout = QVBoxLayout(self.idle_page)
        idle_layout.addWidget(self.welcome, 1)

        # -- the cart
        self.cart_page = QWidget(self)
        self.cart = CartModel(self)
        self.cart_view = QTreeView(self.cart_page)
        self.cart_view.setObjectName("displayCart")
        self.cart_view.setModel(self.cart)
        self.cart_view.setRootIsDecorated(False)
        self.cart_view.setItemsExpandable(False)
        self.cart_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cart_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.cart_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        _scaled(self.cart_view, 1.5)
        header_view = self.cart_view.header()
        header_view.setFont(self.cart_view.font())
        header_view.setStretchLastSection(False)
        header_view.setSectionResizeMode(CartModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, CartModel.COLUMN_COUNT):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.cart_view.setColumnHidden(CartModel.PRICE, True)  # the amount says it; fewer figures read better
        self.points_label = QLabel(self.cart_page)
        self.points_label.setObjectName("displayPoints")
        _scaled(self.points_label, 1.5)
        self.total_caption = QLabel(self.cart_page)
        _scaled(self.total_caption, 2.0, bold=True)
        self.total_label = QLabel(self.cart_page)
        self.total_label.setObjectName("displayTotal")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        _scaled(self.total_label, 3.2, bold=True)
        total_row = QHBoxLayout()
        total_row.addWidget(self.points_label)
        total_row.addStretch(1)
        total_row.addWidget(self.total_caption)
        total_row.addWidget(self.total_label)
        cart_layout = QVBoxLayout(self.cart_page)
        cart_layout.setContentsMargins(0, 0, 0, 0)
        cart_layout.addWidget(self.cart_view, 1)
        cart_layout.addLayout(total_row)

        # -- PromptPay: the QR the customer scans, and the amount
        self.promptpay_page = QWidget(self)
        self.qr_caption = QLabel(self.promptpay_page)
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption.setWordWrap(True)
        _scaled(self.qr_caption, 1.8, bold=True)
        self.qr = QLabel(self.promptpay_page)
        self.qr.setObjectName("displayQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_amount_label = QLabel(self.promptpay_page)
        self.qr_amount_label.setObjectName("displayQrAmount")
        self.qr_amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _scaled(self.qr_amount_label, 3.0, bold=True)
        promptpay_layout = QVBoxLayout(self.promptpay_page)
        promptpay_layout.addWidget(self.qr_caption)
        promptpay_layout.addWidget(self.qr, 1)
        promptpay_layout.addWidget(self.qr_amount_label)

        # -- thank you
        self.thanks_page = QWidget(self)
        self.thanks = QLabel(self.thanks_page)
        self.thanks.setObjectName("displayThanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setWordWrap(True)
        _scaled(self.thanks, 2.6, bold=True)
        self.thanks_points = QLabel(self.thanks_page)
        self.thanks_points.setObjectName("displayThanksPoints")
        self.thanks_points.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_points.setWordWrap(True)
        _scaled(self.thanks_points, 1.8)
        thanks_layout = QVBoxLayout(self.thanks_page)
        thanks_layout.addStretch(1)
        thanks_layout.addWidget(self.thanks)
        thanks_layout.addWidget(self.thanks_points)
        thanks_layout.addStretch(1)

        self.pages = QStackedWidget(self)
        for page in (self.idle_page, self.cart_page, self.promptpay_page, self.thanks_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        self.resize(1024, 600)
        self.retranslate()
        runner.read(whereabouts, on_done=while_alive(self, self._found_clinic), on_error=lambda _error: None)

    # ------------------------------------------------------------ what the POS tells it

    @property
    def page(self) -> int:
        """Which page shows: ``IDLE``, ``CART``, ``PROMPTPAY`` or ``THANKS``."""
        return self.pages.currentIndex()

    def show_cart(self, lines: Sequence[DraftLine], priced: PricedCart | None, member: CounterMember | None) -> None:
        """Show the cart being sold (an empty cart: the idle page, unless a thank-you is still up)."""
        self.member = member
        self.priced = priced
        self.cart.show(lines, priced)
        self.cart_view.expandAll()
        if lines:
            self._thanks_timer.stop()
            self.sale = None
        self._refresh()

    def show_promptpay(self, qr_payload: str, amount_satang: int) -> None:
        """Show the PromptPay QR of ``qr_payload`` for ``amount_satang`` ("" takes it down)."""
        self.qr_payload, self._qr_amount = qr_payload, amount_satang
        if qr_payload:
            self.qr.setPixmap(QPixmap.fromImage(qr_image(qr_payload, module_px=_QR_MODULE_PX)))
        else:
            self.qr.clear()
        self._refresh()

    def show_thanks(self, done: SaleDone, member: CounterMember | None) -> None:
        """Thank the customer for the sale ``done``; a member's new balance follows from the database."""
        self.sale = done
        self.new_balance = None
        self._thanks_name = self._name_of(member) if member is not None else ""
        self.qr_payload = ""
        self.qr.clear()
        self._thanks_timer.start(int(THANKS_SECONDS * 1000))
        if member is not None:
            self.runner.read(counter_member, member.id, self.runner.terminal.clock(),
                             on_done=while_alive(self, self._balance_read), on_error=lambda _error: None)
        self._refresh()

    @staticmethod
    def _name_of(member: CounterMember) -> str:
        # The first name as the display's language writes it (the Thai one when there is no English).
        return first_name(item_name(member.name_th, member.name_en))

    def _balance_read(self, member: CounterMember) -> None:
        if self.sale is not None:
            self.new_balance = member.balance
            self._refresh()

    def _thanks_over(self) -> None:
        self.sale = None
        self._refresh()

    def _found_clinic(self, place: Whereabouts) -> None:
        self.clinic = place.chain_name or place.branch_name_th
        self._refresh()

    # ------------------------------------------------------------ showing it

    def place(self) -> None:
        """Show the window: full screen on the second screen when there is one, else as a window here."""
        if self.isVisible():
            self.raise_()  # shown already, perhaps behind the POS window
            return
        other = second_screen()
        if other is not None:
            self.setScreen(other)
            self.setGeometry(other.geometry())
            self.showFullScreen()
        else:
            self.show()

    def _refresh(self) -> None:
        self.clinic_label.setText(self.clinic)
        self.welcome.setText(self.tr("Welcome to {clinic}").format(clinic=self.clinic) if self.clinic
                             else self.tr("Welcome"))
        member = self.member
        if member is not None and self.sale is None:
            self.member_label.setText(self.tr("Hello {name} · {tier} member").format(
                name=self._name_of(member), tier=tier_label(member.tier)))
        else:
            self.member_label.setText("")
        priced = self.priced
        self.total_caption.setText(self.tr("Total"))
        self.total_label.setText(format_baht(priced.total_satang) if priced is not None else "…")
        if priced is not None and member is not None and priced.points:
            self.points_label.setText(self.tr("This visit earns {points} points").format(
                points=format_points(priced.points)))
        else:
            self.points_label.setText("")
        self.qr_caption.setText(self.tr("Scan to pay with PromptPay"))
        self.qr_amount_label.setText(format_baht(self._qr_amount))
        self._refresh_thanks()
        if self.sale is not None:
            self.pages.setCurrentIndex(self.THANKS)
        elif self.qr_payload:
            self.pages.setCurrentIndex(self.PROMPTPAY)
        elif self.cart.rowCount():
            self.pages.setCurrentIndex(self.CART)
        else:
            self.pages.setCurrentIndex(self.IDLE)

    def _refresh_thanks(self) -> None:
        done = self.sale
        if done is None:
            self.thanks.setText("")
            self.thanks_points.setText("")
            return
        self.thanks.setText(self.tr("Thank you, {name}").format(name=self._thanks_name) if self._thanks_name
                            else self.tr("Thank you"))
        parts = []
        if done.points_earned:
            parts.append(self.tr("You earned {points} points").format(points=format_points(done.points_earned)))
        if self.new_balance is not None:
            parts.append(self.tr("Your balance is now {points} points").format(
                points=format_points(self.new_balance)))
        if done.change_satang:
            parts.append(self.tr("Your change: {amount}").format(amount=format_baht(done.change_satang)))
        self.thanks_points.setText("\n".join(parts))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Customer display"))
        self.cart.retranslate()
        self.cart_view.expandAll()
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
