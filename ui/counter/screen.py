"""The POS screen: the cart a front-desk person builds all day, priced as checkout will, and paid.

Keyboard- and scanner-first. F2 is the item box: type a name or SKU, or
scan a barcode (the scanner types the code and Enter) and the item goes in
the cart; Ctrl+1..9 add a favourite. In the cart, + and - change the
quantity, Delete removes the line, F9 gives a line discount. F3 attaches a
member (phone, name, code or their QR), F4 takes a coupon or reward code
and says exactly why it does not apply. F12 pays.

Every change is priced again on the database worker
(``counter.quote`` through ``reads.quote_cart``); only the latest answer is
shown, so fast scanning never shows a stale total. Checkout is one use case
(``counter.checkout``); a line discount above the limit asks a manager's PIN
(``ui.override``). The receipt PDF is written after the sale, on the worker,
and never holds up the next customer. The screen learns of changes only from
the bus (catalog, members, shifts, settings); hidden, it marks itself stale.

The customer display (``display``) follows the screen's signals. With a
default printer set up on this terminal, each sale's receipt is queued and
printed off the GUI thread (``receipt_printing``); "Print again" reprints
the last one marked as a copy. Without a printer the receipt stays a PDF.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.documents import warm_up
from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.errors import DeskError, NotFound
from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.payments import Tender
from bnaura_desk.printing.config import PrinterOffline
from bnaura_desk.printing.worker import PrintPass
from bnaura_desk.services import counter
from bnaura_desk.services.catalog import CatalogRow
from bnaura_desk.services.counter import SaleDone

from ..bus import ChangeBus
from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner, translate_error
from ..widgets import FieldError
from .cart_model import CartModel, LineRole
from .coupon_box import CouponBox
from .course_use import CourseUse
from .discount import LineDiscountDialog
from .display import CustomerDisplay, second_screen
from .draft import CartDraft
from .finder import ItemFinder
from .full_invoice import FullInvoiceButton
from .member import MemberPicker
from .payment import PaymentDialog
from .promptpay_id import ask_promptpay_id
from .reads import (
    CartQuote,
    CounterMember,
    CounterStart,
    ShiftState,
    counter_member,
    counter_start,
    quote_cart,
    write_receipt,
)
from .receipt_printing import ReceiptPrinting
from .refund import RefundDialog, refund_done_text
from .settings_dialog import CounterSettingsButton
from .shift import CloseShiftDialog, OpenShiftDialog
from .shift_bar import ShiftBar
from .totals import TotalsPanel

OPEN_RECEIPT_KEY = "counter/open_receipt_pdf"  # QSettings: open each receipt PDF in the system viewer
_GOOD = "color: #1b6e3a; font-weight: 600;"
_BAD = "color: #b42318; font-weight: 600;"
_WATCHED = (Kind.CATALOG_ITEM, Kind.CHAIN, Kind.BRANCH, Kind.SETTING, Kind.SHIFT, Kind.SALE, Kind.COUPON,
            Kind.PRINTER)


def receipts_folder(database: Path) -> Path:
    """Return where the terminal keeps its receipt PDFs: ``receipts/`` beside its database."""
    return database.parent / "receipts"


class CounterScreen(QWidget):
    """The POS page.

    Args:
        runner: the app's database worker (its ``actor`` sells).
        bus: the change bus.
        settings: where "open each receipt" is kept (default: the app's QSettings).

    Signals (what the customer display follows):
        cart_shown(list[DraftLine], PricedCart | None, CounterMember | None): the cart as now shown.
        promptpay_shown(str, int): the payment dialog's PromptPay QR payload and amount ("" when not shown).
        sold(SaleDone, CounterMember | None): a sale was committed, for this member (None: a walk-in).
    """

    cart_shown = Signal(object, object, object)
    promptpay_shown = Signal(str, int)
    sold = Signal(object, object)

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterScreen")
        self.runner = runner
        self.settings = settings or QSettings()
        self.draft = CartDraft()
        self.member: CounterMember | None = None
        self.promptpay_id: str | None = None
        self.last_sale: SaleDone | None = None
        self.receipt_path: Path | None = None
        self.payment: PaymentDialog | None = None
        self.refund_dialog: RefundDialog | None = None
        self._quote: CartQuote | None = None
        self._quote_seq = 0
        self._quoted_seq = 0
        self._stale = False
        self._pay_when_quoted = False
        self._message_error: DeskError | None = None

        # -- top: the shift and the last sale
        self.shift_bar = ShiftBar(runner, lambda: self.draft.empty, self)
        self.shift_bar.message.connect(lambda text, good: self.show_message(text, good=good))
        self.sale_banner = QLabel(self)
        self.sale_banner.setObjectName("counterLastSale")
        banner_font = QFont(self.sale_banner.font())
        banner_font.setPointSizeF(banner_font.pointSizeF() * 1.5)
        banner_font.setBold(True)
        self.sale_banner.setFont(banner_font)
        self.sale_banner.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.message = QLabel(self)
        self.message.setObjectName("counterMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.reprint_button = QPushButton(self)
        self.reprint_button.setObjectName("counterReprint")
        self.reprint_button.setAutoDefault(False)
        self.reprint_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self.print_again)
        self.display_button = QPushButton(self)
        self.display_button.setObjectName("counterDisplayButton")
        self.display_button.setAutoDefault(False)
        self.display_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.display_button.clicked.connect(self.show_customer_display)
        self.refund_button = QPushButton(self)
        self.refund_button.setObjectName("counterRefund")
        self.refund_button.setAutoDefault(False)
        self.refund_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refund_button.clicked.connect(self.refund_or_void)
        self.invoice_button = FullInvoiceButton(runner, lambda: self.last_sale.number if self.last_sale else "", self)
        self.settings_button = CounterSettingsButton(runner, self)  # managers and owners only

        # -- the customer's side: the display, and the receipt printer
        self.display = CustomerDisplay(runner, self)
        self.cart_shown.connect(self.display.show_cart)
        self.promptpay_shown.connect(self.display.show_promptpay)
        self.sold.connect(self.display.show_thanks)
        self._display_placed = False
        self.printing = ReceiptPrinting(runner, self)
        self.printing.passed.connect(self._printed)
        self.printing.failed.connect(self._print_failed)
        self._printer_message = False

        # -- left: find items, favourites
        self.finder = ItemFinder(runner, self)
        self.finder.picked.connect(self.add_item)
        self.finder.step.connect(self._step_from_box)
        self.finder.failed.connect(self.show_message)
        self.search = self.finder.box
        self.hits = self.finder.hits

        # -- right: member, cart, coupon, totals
        self.member_picker = MemberPicker(runner, self)
        self.member_picker.chosen.connect(self.attach_member)
        self.member_picker.removed.connect(lambda: self.attach_member(None))
        self.cart = CartModel(self)
        self.cart_view = QTreeView(self)
        self.cart_view.setObjectName("counterCart")
        self.cart_view.setModel(self.cart)
        self.cart_view.setRootIsDecorated(False)
        self.cart_view.setItemsExpandable(False)
        self.cart_view.setUniformRowHeights(True)
        self.cart_view.setAlternatingRowColors(True)
        self.cart_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cart_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cart_view.installEventFilter(self)
        cart_header = self.cart_view.header()
        cart_header.setStretchLastSection(False)
        cart_header.setSectionResizeMode(CartModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, CartModel.COLUMN_COUNT):
            cart_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.cart_error = FieldError(self)
        self.plus_button, self.minus_button = QPushButton("+", self), QPushButton("−", self)
        self.discount_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.clear_button = QPushButton(self)
        for button in (self.plus_button, self.minus_button, self.discount_button, self.remove_button,
                       self.clear_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plus_button.clicked.connect(lambda: self.change_quantity(+1))
        self.minus_button.clicked.connect(lambda: self.change_quantity(-1))
        self.discount_button.clicked.connect(self.give_discount)
        self.remove_button.clicked.connect(self.remove_line)
        self.clear_button.clicked.connect(self.clear_sale)
        self.coupon = CouponBox(self)
        self.coupon.code_changed.connect(self.apply_coupon)
        self.coupon_box = self.coupon.box
        self.totals = TotalsPanel(self)
        self.pay_button = QPushButton(self)
        self.pay_button.setObjectName("primary")
        self.pay_button.setAutoDefault(False)
        self.pay_button.setMinimumHeight(self.fontMetrics().height() * 3)
        pay_font = QFont(self.pay_button.font())
        pay_font.setPointSizeF(pay_font.pointSizeF() * 1.4)
        pay_font.setBold(True)
        self.pay_button.setFont(pay_font)
        self.pay_button.clicked.connect(self.pay)

        # -- layout
        top = QHBoxLayout()
        top.addWidget(self.shift_bar)
        top.addStretch(1)
        top.addWidget(self.sale_banner)
        top.addWidget(self.reprint_button)
        top.addWidget(self.refund_button)
        top.addWidget(self.invoice_button)
        top.addWidget(self.display_button)
        top.addWidget(self.settings_button)
        line_buttons = QHBoxLayout()
        for button in (self.plus_button, self.minus_button, self.discount_button, self.remove_button):
            line_buttons.addWidget(button)
        line_buttons.addStretch(1)
        self.course_use = CourseUse(self)  # F7: a session of the member's course instead of selling it
        line_buttons.addWidget(self.course_use.button)
        line_buttons.addWidget(self.clear_button)
        totals_column = QVBoxLayout()
        totals_column.addWidget(self.totals)
        totals_column.addWidget(self.pay_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.coupon, 1)
        bottom.addSpacing(16)
        bottom.addLayout(totals_column, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.member_picker)
        right_layout.addWidget(self.cart_view, 1)
        right_layout.addWidget(self.cart_error)
        right_layout.addLayout(line_buttons)
        right_layout.addLayout(bottom)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.finder)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        for key, slot in (("F2", lambda: self._focus(self.search)), ("F3", lambda: self._focus(self.member_picker.box)),
                          ("F4", lambda: self._focus(self.coupon_box)), ("F9", self.give_discount),
                          ("F12", self.pay), ("Ctrl+Shift+D", self.show_customer_display),
                          ("Ctrl+Shift+P", self.print_again), ("Ctrl+Shift+C", self.shift_bar.move_cash),
                          ("Ctrl+Shift+R", self.refund_or_void)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.finder.add_favourite(n - 1))

        bus.changed.connect(self._on_changed)
        self.retranslate()
        self.reload()
        # The first receipt of the day would load the fonts and the Thai dictionary: do it now, off the counter.
        runner.call(warm_up)
        self.setFocusProxy(self.search)

    # ------------------------------------------------------------ reading

    def reload(self) -> None:
        """Read the favourites, the shift and the PromptPay id again."""
        self._stale = False
        self.runner.read(counter_start, on_done=while_alive(self, self._started),
                         on_error=while_alive(self, self._failed))
        self.printing.refresh()

    def _started(self, start: CounterStart) -> None:
        self.promptpay_id = start.promptpay_id
        self.finder.show_favourites(list(start.favourites))
        self.shift_bar.show_shift(start.shift)

    @property
    def shift(self) -> ShiftState | None:
        """This terminal's open shift as last read (None: none is open)."""
        return self.shift_bar.shift

    @property
    def shift_dialog(self) -> OpenShiftDialog | CloseShiftDialog | None:
        """The open or close shift dialog shown (None: neither)."""
        return self.shift_bar.dialog

    @property
    def favourite_buttons(self) -> list[QPushButton]:
        return self.finder.favourite_buttons

    def _failed(self, error: BaseException) -> None:
        self.show_message(error)

    def show_customer_display(self) -> None:
        """Show the customer display (on the second screen when there is one) and bring it to the front."""
        self._display_placed = True
        self.display.place()

    def show_message(self, error: BaseException | str | None, *, good: bool = False) -> None:
        """Show a line above the cart (None hides it): an error in red, news in green."""
        if error is None:
            self._message_error = None
            self.message.hide()
            return
        self._message_error = error if isinstance(error, DeskError) else None
        text = error if isinstance(error, str) else translate_error(error)
        self.message.setText(text)
        self.message.setStyleSheet(_GOOD if good else _BAD)
        self.message.show()

    # ------------------------------------------------------------ the cart

    def add_item(self, row: CatalogRow, quantity: int = 1) -> None:
        """Put ``quantity`` of ``row``'s item in the cart and select its line."""
        position = self.draft.add(row, quantity)
        self.show_message(None)
        self.requote(select=position)

    def _step_from_box(self, delta: int) -> None:
        # + and - on the empty item box: the selected line, or the last one added.
        if not self.draft.lines:
            return
        if self.selected_line() is None:
            self.select_line(len(self.draft.lines) - 1)
        self.change_quantity(delta)


    def selected_line(self) -> int | None:
        """Return the position of the line selected in the cart (a step selects its line)."""
        index = self.cart_view.currentIndex()
        if not index.isValid():
            return None
        position = index.data(LineRole)
        return position if isinstance(position, int) and 0 <= position < len(self.draft.lines) else None

    def select_line(self, position: int) -> None:
        if 0 <= position < self.cart.rowCount():
            self.cart_view.setCurrentIndex(self.cart.index(position, 0))

    def change_quantity(self, delta: int) -> None:
        """Add ``delta`` to the selected line's quantity (never below 1: Delete removes a line)."""
        position = self.selected_line()
        if position is None:
            return
        self.draft.set_quantity(position, self.draft.lines[position].quantity + delta)
        self.requote(select=position)

    def remove_line(self) -> None:
        """Take the selected line out of the cart."""
        position = self.selected_line()
        if position is None:
            return
        self.draft.remove(position)
        self.requote(select=min(position, len(self.draft.lines) - 1))

    def give_discount(self) -> None:
        """Ask for the selected line's discount (F9)."""
        position = self.selected_line()
        if position is None and self.draft.lines:
            position = len(self.draft.lines) - 1
        if position is None:
            return
        dialog = LineDiscountDialog(self.draft.lines[position], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def given() -> None:
            self.draft.set_discount(position, dialog.discount)
            self.requote(select=position)

        dialog.accepted.connect(given)
        dialog.open()

    def clear_sale(self) -> None:
        """Start again (asks first when the cart has lines)."""
        if self.draft.lines:
            answer = QMessageBox.question(self, self.tr("Clear the sale"), self.tr("Take everything out of the cart?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._new_sale()

    def _new_sale(self) -> None:
        self.draft.clear()
        self.member = None
        self.member_picker.show_member(None)
        self.coupon.clear()
        self.requote()

    # ------------------------------------------------------------ pricing

    def requote(self, select: int | None = None) -> None:
        """Price the cart again; only the latest answer is shown."""
        self._quote_seq += 1
        seq = self._quote_seq
        lines = list(self.draft.lines)
        self.cart.show(lines, None)
        if select is not None:
            self.select_line(select)
        if not lines:
            self._quote = None
            self._quoted_seq = seq
            self.totals.show_totals(None, member=self.member is not None)
            self.cart_error.clear_error()
            self.coupon.show_verdict(None)
            self._tell_display()
            return
        self.runner.read(quote_cart, self.draft.order(), self.runner.terminal.clock(),
                         on_done=while_alive(self, lambda q: self._quoted(seq, q, select)),
                         on_error=while_alive(self, lambda e: self._not_quoted(seq, e)))

    def _quoted(self, seq: int, quoted: CartQuote, select: int | None) -> None:
        if seq != self._quote_seq:
            return  # a later change is being priced
        self._quote = quoted
        self._quoted_seq = seq
        current = self.selected_line()
        self.cart.show(self.draft.lines, quoted.quote.priced)
        self.cart_view.expandAll()
        self.select_line(select if select is not None else (current if current is not None else -1))
        self.totals.show_totals(quoted.quote.priced, member=self.draft.customer_id is not None)
        self.cart_error.clear_error()
        self.coupon.show_verdict(quoted)
        self._tell_display()
        if self._pay_when_quoted:
            self._pay_when_quoted = False
            self.pay()

    def _not_quoted(self, seq: int, error: BaseException) -> None:
        if seq != self._quote_seq:
            return
        self._quote = None
        self._quoted_seq = seq
        self._pay_when_quoted = False
        self.totals.show_totals(None, member=self.draft.customer_id is not None)
        self._tell_display()
        if isinstance(error, DeskError):
            self.cart_error.show_error(error)
        else:
            self.runner.show_error(error, self)

    def _tell_display(self) -> None:
        quoted = self.quote
        self.cart_shown.emit(list(self.draft.lines), quoted.quote.priced if quoted is not None else None, self.member)

    @property
    def quote(self) -> CartQuote | None:
        """The quote shown (None: an empty cart, a quote on its way, or a cart that cannot be priced)."""
        return self._quote if self._quoted_seq == self._quote_seq else None

    # ------------------------------------------------------------ member and coupon

    def attach_member(self, customer_id: str | None) -> None:
        """Attach the member ``customer_id`` to the sale (None: a walk-in); the tier discount follows."""
        self.draft.customer_id = customer_id
        if customer_id is None:
            self.member = None
            self.member_picker.show_member(None)
            self.requote()
            return
        self.runner.read(counter_member, customer_id, self.runner.terminal.clock(),
                         on_done=while_alive(self, self._member_read),
                         on_error=while_alive(self, self._member_failed))
        self.requote()

    def _member_read(self, member: CounterMember) -> None:
        if member.id != self.draft.customer_id:
            return
        self.member = member
        self.member_picker.show_member(member)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self._tell_display()

    def _member_failed(self, error: BaseException) -> None:
        if isinstance(error, NotFound):
            self.attach_member(None)
        self.show_message(error)

    def apply_coupon(self, code: str) -> None:
        """Take ``code`` as the sale's coupon or reward code ("" takes it off)."""
        self.draft.coupon_code = code
        self.requote()

    @property
    def coupon_text(self) -> str:
        """What the screen says of the coupon ("" when nothing is shown)."""
        return self.coupon.text

    # ------------------------------------------------------------ paying

    def pay(self) -> None:
        """Open the payment dialog for the cart's total (F12)."""
        if self.payment is not None:
            return
        if self.draft.empty:
            self.show_message(self.tr("The cart is empty: scan or find an item first"))
            return
        if self.shift is None:
            self.show_message(self.tr("Open a shift before selling"))
            return
        quoted = self.quote
        if quoted is None:
            if self._quoted_seq != self._quote_seq:
                self._pay_when_quoted = True  # the total is on its way
            return
        if quoted.coupon_refused is not None:
            self.show_message(self.tr("The coupon does not apply: take it off (clear the coupon box) or fix it"))
            self._focus(self.coupon_box)
            return
        today = bangkok_date(self.runner.terminal.clock())
        dialog = PaymentDialog(quoted.quote.priced.total_satang, self.promptpay_id, today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda tenders, due_on: self._checkout(dialog, tenders, due_on))
        dialog.promptpay_requested.connect(lambda: self.ask_promptpay_id(dialog))
        dialog.finished.connect(lambda _result: self._payment_closed())
        dialog.qr_shown.connect(self.promptpay_shown)
        self.payment = dialog
        dialog.open()

    def ask_promptpay_id(self, payment: PaymentDialog) -> None:
        """Ask for the PromptPay id and save it; the payment dialog's QR follows."""

        def saved(promptpay: str | None) -> None:
            self.promptpay_id = promptpay
            if shiboken6.isValid(payment):
                payment.set_promptpay_id(promptpay)

        ask_promptpay_id(self.runner, payment, saved, initiator=self)

    def _payment_closed(self) -> None:
        self.payment = None
        self.promptpay_shown.emit("", 0)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _checkout(self, dialog: PaymentDialog, tenders: tuple[Tender, ...], due_on: date | None) -> None:
        order = self.draft.order(tenders, due_on)
        run_with_override(
            self.runner, dialog, counter.checkout, order,
            on_done=while_alive(self, lambda changes: self._sold(dialog, changes)),
            on_error=while_alive(dialog, dialog.fail),
            on_cancel=while_alive(dialog, lambda: dialog.fail(self.tr("A manager did not approve the discount"))),
            initiator=self,
        )

    def _sold(self, dialog: PaymentDialog, changes: ChangeSet) -> None:
        done: SaleDone = changes.result
        self.last_sale = done
        self.receipt_path = None
        member = self.member
        if dialog.isVisible():
            dialog.accept()
        self._show_sale(done)
        self._new_sale()
        self.reprint_button.setEnabled(True)
        self.sold.emit(done, member)
        if self.printing.printer is not None:
            # Checkout queued the receipt with the sale; print it now.
            self.printing.print_now()
        self.runner.read(write_receipt, done.sale_id, receipts_folder(self.runner.terminal.path),
                         on_done=while_alive(self, self._receipt_written),
                         on_error=while_alive(self, self._receipt_failed))

    def _show_sale(self, done: SaleDone) -> None:
        parts = [self.tr("Sale {number}").format(number=done.number)]
        if done.change_satang:
            parts.append(self.tr("Change {amount}").format(amount=format_baht(done.change_satang)))
        if done.balance_satang:
            parts.append(self.tr("Balance due {amount}").format(amount=format_baht(done.balance_satang)))
        self.sale_banner.setText(" · ".join(parts))
        self.show_message(None)

    def _receipt_written(self, path: Path) -> None:
        self.receipt_path = path
        # With a receipt printer the paper is the customer's receipt; the PDF is the terminal's own copy.
        if self.printing.printer is None and self.settings.value(OPEN_RECEIPT_KEY, False, type=bool):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_again(self) -> None:
        """Reprint the last sale's receipt, marked สำเนา / COPY: on the printer, else as a PDF opened in the viewer."""
        done = self.last_sale
        if done is None:
            return
        if self.printing.printer is not None:
            self.printing.queue(done.sale_id, copy=True)
            return
        self.runner.read(write_receipt, done.sale_id, receipts_folder(self.runner.terminal.path), True,
                         on_done=while_alive(self, lambda path: QDesktopServices.openUrl(
                             QUrl.fromLocalFile(str(path)))),
                         on_error=while_alive(self, self._receipt_failed))

    def refund_or_void(self) -> None:
        """Open the refund / void dialog on this terminal's last sale (Ctrl+Shift+R); the bus brings the shift's cash."""
        if self.refund_dialog is not None:
            return
        dialog = RefundDialog(self.runner, self,
                              open_pdf=bool(self.settings.value(OPEN_RECEIPT_KEY, False, type=bool)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.refunded.connect(lambda done: self.show_message(refund_done_text(done), good=True))
        dialog.finished.connect(lambda _result: setattr(self, "refund_dialog", None))
        self.refund_dialog = dialog
        dialog.open()

    def _printed(self, outcome: PrintPass) -> None:
        offline = next((error for _job, error in outcome.waiting if isinstance(error, PrinterOffline)), None)
        if offline is not None:
            self._printer_message = True
            self.show_message(offline)
        elif outcome.printed and self._printer_message:
            self._printer_message = False
            self.show_message(self.tr("The printer is back: the waiting receipts are printed"), good=True)
        elif outcome.failed:
            self.show_message(self.tr("A receipt could not be printed: {why}").format(
                why=translate_error(outcome.failed[0][1])))

    def _print_failed(self, error: BaseException) -> None:
        # The sale stands; its receipt waits in the queue or is printed again by hand.
        self.show_message(self.tr("The sale is saved, but its receipt was not printed: {why}").format(
            why=translate_error(error)))

    def _receipt_failed(self, error: BaseException) -> None:
        # The sale stands; the receipt can be printed again (bnaura receipt show --last).
        self.show_message(self.tr("The sale is saved, but its receipt was not made: {why}").format(
            why=translate_error(error)))

    # ------------------------------------------------------------ bus

    def _on_changed(self, changes: ChangeSet, initiator: object) -> None:
        member = self.draft.customer_id
        touches_member = member is not None and changes.may_touch(Kind.CUSTOMER, member)
        if not (touches_member or any(changes.touches(kind) for kind in _WATCHED)):
            return
        if not self.isVisible():
            self._stale = True
            return
        self.reload()
        if initiator is self:
            return  # our own sale: the cart is already new
        if touches_member and member is not None:
            self.attach_member(member)
        elif self.draft.lines:
            self.requote()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.settings_button.refresh()  # the signed-in user may have changed
        if not self._display_placed and second_screen() is not None:
            self.show_customer_display()  # the counter has a screen facing the customer
        if self._stale:
            self.reload()
            if self.draft.customer_id is not None:
                self.attach_member(self.draft.customer_id)
            else:
                self.requote()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ keyboard

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if watched is self.cart_view:
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

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.discount_button.setText(self.tr("Discount (F9)"))
        self.remove_button.setText(self.tr("Remove (Del)"))
        self.clear_button.setText(self.tr("Clear sale"))
        self.coupon.retranslate()
        self.pay_button.setText(self.tr("Pay (F12)"))
        self.reprint_button.setText(self.tr("Print again (copy)"))
        self.reprint_button.setToolTip(self.tr("Print the last receipt again, marked as a copy (Ctrl+Shift+P)"))
        self.refund_button.setText(self.tr("Refund / void…"))
        self.refund_button.setToolTip(self.tr("Refund or void a sale, with its credit note (Ctrl+Shift+R)"))
        self.display_button.setText(self.tr("Customer display"))
        self.display_button.setToolTip(self.tr("Show the customer display (Ctrl+Shift+D)"))
        self.member_picker.retranslate()
        self.cart.retranslate()
        self.cart_view.expandAll()
        self.finder.retranslate()
        self.shift_bar.retranslate()
        self.totals.retranslate()
        if self.last_sale is not None:
            self._show_sale(self.last_sale)
        self.coupon.show_verdict(self.quote)
        if self._message_error is not None:
            self.show_message(self._message_error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
