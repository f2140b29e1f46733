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
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.documents import warm_up
from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.coupons import CouponMessage
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.errors import DeskError, NotFound
from bnaura_desk.domain.keyboard import keys_typed
from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.payments import Tender
from bnaura_desk.services import counter, shifts
from bnaura_desk.services.catalog import CatalogRow
from bnaura_desk.services.counter import SaleDone
from bnaura_desk.services.shifts import ShiftClosed

from ..bus import ChangeBus
from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner, translate_error
from ..widgets import FieldError, format_time
from .cart_model import CartModel, LineRole
from .discount import LineDiscountDialog
from .draft import CartDraft, quantity_and_text
from .hits_model import ItemHitsModel
from .labels import item_name
from .member import MemberPicker
from .payment import PaymentDialog
from .reads import (
    CartQuote,
    CounterMember,
    CounterStart,
    ShiftState,
    counter_member,
    counter_start,
    find_items,
    quote_cart,
    shift_state,
    write_receipt,
)
from .shift import CloseShiftDialog, OpenShiftDialog
from .totals import TotalsPanel

OPEN_RECEIPT_KEY = "counter/open_receipt_pdf"  # QSettings: open each receipt PDF in the system viewer
_GOOD = "color: #1b6e3a; font-weight: 600;"
_BAD = "color: #b42318; font-weight: 600;"
_WATCHED = (Kind.CATALOG_ITEM, Kind.CHAIN, Kind.BRANCH, Kind.SETTING, Kind.SHIFT, Kind.SALE, Kind.COUPON)


def receipts_folder(database: Path) -> Path:
    """Return where the terminal keeps its receipt PDFs: ``receipts/`` beside its database."""
    return database.parent / "receipts"


class CounterScreen(QWidget):
    """The POS page.

    Args:
        runner: the app's database worker (its ``actor`` sells).
        bus: the change bus.
        settings: where "open each receipt" is kept (default: the app's QSettings).
    """

    def __init__(self, runner: DeskRunner, bus: ChangeBus, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterScreen")
        self.runner = runner
        self.settings = settings or QSettings()
        self.draft = CartDraft()
        self.member: CounterMember | None = None
        self.shift: ShiftState | None = None
        self.promptpay_id: str | None = None
        self.last_sale: SaleDone | None = None
        self.receipt_path: Path | None = None
        self.payment: PaymentDialog | None = None
        self.shift_dialog: OpenShiftDialog | CloseShiftDialog | None = None
        self._quote: CartQuote | None = None
        self._quote_seq = 0
        self._quoted_seq = 0
        self._search_seq = 0
        self._stale = False
        self._pay_when_quoted = False
        self._message_error: DeskError | None = None

        # -- top: the shift and the last sale
        self.shift_label = QLabel(self)
        self.shift_label.setObjectName("counterShift")
        self.open_shift_button = QPushButton(self)
        self.open_shift_button.setAutoDefault(False)
        self.open_shift_button.clicked.connect(self.open_shift)
        self.close_shift_button = QPushButton(self)
        self.close_shift_button.setAutoDefault(False)
        self.close_shift_button.clicked.connect(self.close_shift)
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

        # -- left: find items, favourites
        self.search = QLineEdit(self)
        self.search.setObjectName("counterSearch")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self.search_items)
        self.hits = ItemHitsModel(self)
        self.hit_list = QTableView(self)
        self.hit_list.setObjectName("counterHits")
        self.hit_list.setModel(self.hits)
        self.hit_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hit_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hit_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hit_list.verticalHeader().hide()
        hit_header = self.hit_list.horizontalHeader()
        hit_header.setSectionResizeMode(ItemHitsModel.NAME, QHeaderView.ResizeMode.Stretch)
        hit_header.setSectionResizeMode(ItemHitsModel.CODE, QHeaderView.ResizeMode.ResizeToContents)
        hit_header.setSectionResizeMode(ItemHitsModel.PRICE, QHeaderView.ResizeMode.ResizeToContents)
        self.hit_list.activated.connect(lambda index: self.add_item(self.hits.item(index.row())))
        self.favourites = QWidget(self)
        self.favourites.setObjectName("counterFavourites")
        self.favourites_grid = QGridLayout(self.favourites)
        self.favourites_grid.setContentsMargins(0, 0, 0, 0)
        self.favourite_buttons: list[QPushButton] = []
        self.favourite_rows: list[CatalogRow] = []
        self.find_hint = QLabel(self)
        self.find_hint.setObjectName("hint")
        self.find_hint.setWordWrap(True)
        self.left_stack = QStackedWidget(self)
        favourites_page = QWidget(self)
        fav_layout = QVBoxLayout(favourites_page)
        fav_layout.setContentsMargins(0, 0, 0, 0)
        fav_layout.addWidget(self.favourites)
        fav_layout.addStretch(1)
        self.left_stack.addWidget(favourites_page)
        self.left_stack.addWidget(self.hit_list)

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
        self.coupon_caption = QLabel(self)
        self.coupon_box = QLineEdit(self)
        self.coupon_box.setObjectName("counterCoupon")
        self.coupon_box.setClearButtonEnabled(True)
        self.coupon_box.returnPressed.connect(self.apply_coupon)
        self.coupon_box.textChanged.connect(self._coupon_typed)
        self.coupon_caption.setBuddy(self.coupon_box)
        self.coupon_result = QLabel(self)
        self.coupon_result.setObjectName("counterCouponVerdict")
        self.coupon_result.setWordWrap(True)
        self.coupon_result.hide()
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
        top.addWidget(self.shift_label)
        top.addWidget(self.open_shift_button)
        top.addWidget(self.close_shift_button)
        top.addStretch(1)
        top.addWidget(self.sale_banner)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.find_hint)
        left_layout.addWidget(self.left_stack, 1)
        line_buttons = QHBoxLayout()
        for button in (self.plus_button, self.minus_button, self.discount_button, self.remove_button):
            line_buttons.addWidget(button)
        line_buttons.addStretch(1)
        line_buttons.addWidget(self.clear_button)
        coupon_column = QVBoxLayout()
        coupon_column.addWidget(self.coupon_caption)
        coupon_column.addWidget(self.coupon_box)
        coupon_column.addWidget(self.coupon_result)
        coupon_column.addStretch(1)
        totals_column = QVBoxLayout()
        totals_column.addWidget(self.totals)
        totals_column.addWidget(self.pay_button)
        bottom = QHBoxLayout()
        bottom.addLayout(coupon_column, 1)
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
        splitter.addWidget(left)
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
                          ("F12", self.pay)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.add_favourite(n - 1))

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

    def _started(self, start: CounterStart) -> None:
        self.favourite_rows = list(start.favourites)
        self.promptpay_id = start.promptpay_id
        self._show_favourites()
        self._show_shift(start.shift)

    def _show_favourites(self) -> None:
        for button in self.favourite_buttons:
            self.favourites_grid.removeWidget(button)
            button.deleteLater()
        self.favourite_buttons = []
        for i, row in enumerate(self.favourite_rows):
            button = QPushButton(self.favourites)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key = f"Ctrl+{i + 1}  " if i < 9 else ""
            button.setText(f"{item_name(row.name_th, row.name_en)}\n{key}{format_baht(row.price_satang)}")
            button.setMinimumHeight(self.fontMetrics().height() * 3 + 8)
            button.clicked.connect(lambda _=False, r=row: self.add_item(r))
            self.favourites_grid.addWidget(button, i // 3, i % 3)
            self.favourite_buttons.append(button)

    def _show_shift(self, shift: ShiftState | None) -> None:
        self.shift = shift
        if shift is None:
            self.shift_label.setText(self.tr("No shift open: open one to sell"))
            self.shift_label.setStyleSheet(_BAD)
        else:
            self.shift_label.setText(self.tr("Shift open since {time} · float {float} · cash expected {cash}").format(
                time=format_time(shift.opened_at), float=format_baht(shift.float_satang),
                cash=format_baht(shift.expected_satang)))
            self.shift_label.setStyleSheet("")
        self.open_shift_button.setVisible(shift is None)
        self.close_shift_button.setVisible(shift is not None)

    def _failed(self, error: BaseException) -> None:
        self.show_message(error)

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

    # ------------------------------------------------------------ finding items

    def search_items(self) -> None:
        """Search the catalog for what is typed (the hits replace the favourites while there is text)."""
        self._search_seq += 1
        seq, text = self._search_seq, quantity_and_text(self.search.text())[1]
        if not text:
            self.hits.set_hits("", [])
            self.left_stack.setCurrentIndex(0)
            return
        self.runner.read(find_items, text,
                         on_done=while_alive(self, lambda rows: self._found(seq, text, rows)),
                         on_error=while_alive(self, self._failed))

    def _found(self, seq: int, text: str, rows: list[CatalogRow], *, take: int = 0) -> None:
        if seq != self._search_seq:
            return
        self.hits.set_hits(text, rows)
        self.left_stack.setCurrentIndex(1)
        if rows:
            self.hit_list.selectRow(0)
        if take:
            if rows:
                self.add_item(rows[0], take)
            else:
                self.show_message(self.tr("Nothing in the catalog matches {text}").format(text=text))

    def _search_enter(self) -> None:
        typed = self.search.text()
        quantity, text = quantity_and_text(typed)
        if not text:
            return
        current = self.hit_list.currentIndex()
        if self.hits.query == text and self.hits.rowCount():
            self.add_item(self.hits.item(current.row() if current.isValid() else 0), quantity)
            return
        # Scanned faster than the search answered (or "3*" typed before the code): ask and take the best match.
        self._search_seq += 1
        seq = self._search_seq
        self.runner.read(find_items, text,
                         on_done=while_alive(self, lambda rows: self._found(seq, text, rows, take=quantity)),
                         on_error=while_alive(self, self._failed))

    def add_item(self, row: CatalogRow, quantity: int = 1) -> None:
        """Put ``quantity`` of ``row``'s item in the cart, select its line, and ready the box for the next scan."""
        position = self.draft.add(row, quantity)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._search_seq += 1
        self.hits.set_hits("", [])
        self.left_stack.setCurrentIndex(0)
        self.show_message(None)
        self.requote(select=position)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_favourite(self, number: int) -> None:
        """Add favourite ``number`` (0-based; Ctrl+1 is the first)."""
        if 0 <= number < len(self.favourite_rows):
            self.add_item(self.favourite_rows[number])

    # ------------------------------------------------------------ the cart

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
        self.coupon_box.blockSignals(True)
        self.coupon_box.clear()
        self.coupon_box.blockSignals(False)
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
            self._show_coupon(None)
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
        self._show_coupon(quoted)
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
        if isinstance(error, DeskError):
            self.cart_error.show_error(error)
        else:
            self.runner.show_error(error, self)

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

    def _member_failed(self, error: BaseException) -> None:
        if isinstance(error, NotFound):
            self.attach_member(None)
        self.show_message(error)

    def _coupon_typed(self, text: str) -> None:
        if not text.strip() and self.draft.coupon_code:
            self.apply_coupon()

    def apply_coupon(self) -> None:
        """Take the code in the coupon box for this sale (an empty box takes the coupon off)."""
        self.draft.coupon_code = keys_typed(self.coupon_box.text()).strip()
        self.requote()

    def _show_coupon(self, quoted: CartQuote | None) -> None:
        message: CouponMessage | None = quoted.coupon_refused if quoted is not None else None
        if not self.draft.coupon_code or quoted is None:
            self.coupon_result.hide()
            return
        if message is not None:
            self.coupon_result.setText(message.render(QCoreApplication.translate))
            self.coupon_result.setStyleSheet(_BAD)
        else:
            priced = quoted.quote.priced
            self.coupon_result.setText(self.tr("Coupon applied: {amount} off").format(
                amount=format_baht(priced.coupon_discount_satang)))
            self.coupon_result.setStyleSheet(_GOOD)
        self.coupon_result.show()

    @property
    def coupon_text(self) -> str:
        """What the screen says of the coupon ("" when nothing is shown)."""
        return self.coupon_result.text() if not self.coupon_result.isHidden() else ""

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
        dialog.finished.connect(lambda _result: self._payment_closed())
        self.payment = dialog
        dialog.open()

    def _payment_closed(self) -> None:
        self.payment = None
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
        if dialog.isVisible():
            dialog.accept()
        self._show_sale(done)
        self._new_sale()
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
        if self.settings.value(OPEN_RECEIPT_KEY, False, type=bool):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _receipt_failed(self, error: BaseException) -> None:
        # The sale stands; the receipt can be printed again (bnaura receipt show --last).
        self.show_message(self.tr("The sale is saved, but its receipt was not made: {why}").format(
            why=translate_error(error)))

    # ------------------------------------------------------------ shifts

    def open_shift(self) -> None:
        """Ask for the float and open a shift on this terminal."""
        dialog = OpenShiftDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda float_satang: self.runner.run(
            shifts.open_shift, float_satang, initiator=self,
            on_done=while_alive(dialog, lambda _c: dialog.accept()), on_error=while_alive(dialog, dialog.fail)))
        dialog.finished.connect(lambda _r: self._shift_dialog_closed())
        self.shift_dialog = dialog
        dialog.open()

    def close_shift(self) -> None:
        """Count the drawer and close the shift (the cart must be empty)."""
        if not self.draft.empty:
            self.show_message(self.tr("Finish or clear the sale before closing the shift"))
            return
        self.runner.read(shift_state, on_done=while_alive(self, self._close_with),
                         on_error=while_alive(self, self._failed))

    def _close_with(self, shift: ShiftState | None) -> None:
        self._show_shift(shift)
        if shift is None:
            self.show_message(self.tr("No shift is open on this terminal"))
            return
        dialog = CloseShiftDialog(shift, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda counted: self.runner.run(
            shifts.close_shift, counted, dialog.note.text(), initiator=self,
            on_done=while_alive(self, lambda changes: self._shift_closed(dialog, changes)),
            on_error=while_alive(dialog, dialog.fail)))
        dialog.finished.connect(lambda _r: self._shift_dialog_closed())
        self.shift_dialog = dialog
        dialog.open()

    def _shift_closed(self, dialog: CloseShiftDialog, changes: ChangeSet) -> None:
        closed: ShiftClosed = changes.result
        if dialog.isVisible():
            dialog.accept()
        self.show_message(self.tr("Shift closed: counted {counted}, expected {expected}, difference {difference}").format(
            counted=format_baht(closed.counted_satang), expected=format_baht(closed.expected_satang),
            difference=format_baht(closed.difference_satang)), good=closed.difference_satang == 0)

    def _shift_dialog_closed(self) -> None:
        self.shift_dialog = None
        self.reload()

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
        if watched is self.search:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._search_enter()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.hits.rowCount():
                row = self.hit_list.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
                self.hit_list.selectRow(min(max(row, 0), self.hits.rowCount() - 1))
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            if not self.search.text() and key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus) and self.draft.lines:
                # An empty box: + and - change the selected (or last) line, as on the cart.
                if self.selected_line() is None:
                    self.select_line(len(self.draft.lines) - 1)
                self.change_quantity(+1 if key == Qt.Key.Key_Plus else -1)
                return True
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
        self.search.setPlaceholderText(self.tr("Scan a barcode, or type a name or SKU and Enter (F2)"))
        self.find_hint.setText(self.tr("3* before a code adds three. Favourites: Ctrl+1 to Ctrl+9. In the cart: + and −"
                                       " change the quantity, Delete removes, F9 gives a discount."))
        self.open_shift_button.setText(self.tr("Open shift…"))
        self.close_shift_button.setText(self.tr("Close shift…"))
        self.discount_button.setText(self.tr("Discount (F9)"))
        self.remove_button.setText(self.tr("Remove (Del)"))
        self.clear_button.setText(self.tr("Clear sale"))
        self.coupon_caption.setText(self.tr("Coupon or reward code (F4)"))
        self.coupon_box.setPlaceholderText(self.tr("Type or scan the code and Enter"))
        self.pay_button.setText(self.tr("Pay (F12)"))
        self.member_picker.retranslate()
        self.cart.retranslate()
        self.cart_view.expandAll()
        self.hits.retranslate()
        self.totals.retranslate()
        self._show_shift(self.shift)
        self._show_favourites()
        if self.last_sale is not None:
            self._show_sale(self.last_sale)
        self._show_coupon(self.quote)
        if self._message_error is not None:
            self.show_message(self._message_error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
