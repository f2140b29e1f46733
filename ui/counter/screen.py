"""The POS screen: the cart a front-desk person builds all day, priced as checkout will, and paid.

Keyboard- and scanner-first (``keys``): F2 is the item box (type a name
or SKU, or scan a barcode), Ctrl+1..9 add a favourite, F3 attaches a
member, F4 takes a coupon or reward code and says exactly why it does not
apply, F12 pays. The cart and its line keys are ``cart_lines``.

Every change is priced again on the database worker
(``counter.quote`` through ``reads.quote_cart``); only the latest answer is
shown, so fast scanning never shows a stale total. Paying is ``checkout``
(one ``counter.checkout`` use case); the receipt, printed or a PDF, is
``sale_receipts`` and never holds up the next customer. The screen learns
of changes only from the bus (catalog, members, shifts, settings); hidden,
it marks itself stale.

On top (``screen_layout``): the shift bar (``shift_bar``) with the customer
display and counter settings buttons, then the after-sale strip
(``sale_bar``: print again, refund / void, full tax invoice, the last
sale's banner). The customer display (``display``) follows the screen's
signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from bnaura_desk.documents import warm_up
from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.errors import DeskError, NotFound
from bnaura_desk.services.catalog import CatalogRow
from bnaura_desk.services.counter import SaleDone
from bnaura_desk.services.proposals import CounterPlan, counter_plan

from ..bus import ChangeBus
from ..customers.callbacks import while_alive
from ..runner import DeskRunner, translate_error
from .cart_lines import CartLines
from .checkout import Checkout
from .coupon_box import CouponBox
from .course_use import CourseUse
from .display import CustomerDisplay, second_screen
from .draft import CartDraft
from .finder import ItemFinder
from .keys import bind_keys
from .member import MemberPicker
from .payment import PaymentDialog
from .proposal_open import ProposalPicker, plan_lines
from .reads import (
    CartQuote,
    CounterMember,
    CounterStart,
    ShiftState,
    counter_member,
    counter_start,
    quote_cart,
)
from .refund import RefundDialog, refund_done_text
from .sale_bar import SaleBar
from .sale_receipts import OPEN_RECEIPT_KEY, SaleReceipts
from .screen_layout import lay_out
from .settings_dialog import CounterSettingsButton
from .shift import CloseShiftDialog, OpenShiftDialog
from .shift_bar import ShiftBar
from .totals import TotalsPanel

__all__ = ["OPEN_RECEIPT_KEY", "CounterScreen"]  # the key is kept where the screen's callers look for it

_GOOD = "color: #1b6e3a; font-weight: 600;"
_BAD = "color: #b42318; font-weight: 600;"
_WATCHED = (Kind.CATALOG_ITEM, Kind.CHAIN, Kind.BRANCH, Kind.SETTING, Kind.SHIFT, Kind.SALE, Kind.COUPON,
            Kind.PRINTER)


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
        self.refund_dialog: RefundDialog | None = None
        self._quote: CartQuote | None = None
        self._quote_seq = 0
        self._quoted_seq = 0
        self._stale = False
        self._message_error: DeskError | None = None

        # -- top: the shift and the screen's own buttons; under it, the last sale and what can follow it
        self.shift_bar = ShiftBar(runner, lambda: self.draft.empty, self)
        self.shift_bar.message.connect(lambda text, good: self.show_message(text, good=good))
        self.display_button = QPushButton(self)
        self.display_button.setObjectName("counterDisplayButton")
        self.display_button.setAutoDefault(False)
        self.display_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.display_button.clicked.connect(self.show_customer_display)
        self.settings_button = CounterSettingsButton(runner, self)  # managers and owners only
        self.proposal_button = QPushButton(self)
        self.proposal_button.setObjectName("counterOpenProposal")
        self.proposal_button.setAutoDefault(False)
        self.proposal_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.proposal_button.clicked.connect(self.choose_proposal)
        self.proposal_picker: ProposalPicker | None = None
        self.sale_bar = SaleBar(runner, lambda: self.last_sale.number if self.last_sale else "", self)
        self.sale_banner = self.sale_bar.banner
        self.reprint_button = self.sale_bar.reprint_button
        self.reprint_button.clicked.connect(self.print_again)
        self.refund_button = self.sale_bar.refund_button
        self.refund_button.clicked.connect(self.refund_or_void)
        self.invoice_button = self.sale_bar.invoice_button
        self.message = QLabel(self)
        self.message.setObjectName("counterMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        # -- the customer's side: the display, and the receipt (printer or PDF); paying
        self.display = CustomerDisplay(runner, self)
        self.cart_shown.connect(self.display.show_cart)
        self.promptpay_shown.connect(self.display.show_promptpay)
        self.sold.connect(self.display.show_thanks)
        self._display_placed = False
        self.receipts = SaleReceipts(runner, self.settings, self)
        self.receipts.message.connect(lambda text, good: self.show_message(text, good=good))
        self.printing = self.receipts.printing
        self.checkout = Checkout(self)
        self.checkout.sold.connect(self._sold)

        # -- left: find items, favourites
        self.finder = ItemFinder(runner, self)
        self.finder.picked.connect(self.add_item)
        self.finder.failed.connect(self.show_message)
        self.search = self.finder.box
        self.hits = self.finder.hits

        # -- right: member, cart, coupon, totals
        self.member_picker = MemberPicker(runner, self)
        self.member_picker.chosen.connect(self.attach_member)
        self.member_picker.removed.connect(lambda: self.attach_member(None))
        self.lines = CartLines(self.draft, self)
        self.lines.edited.connect(lambda position: self.requote(select=position))
        self.finder.step.connect(self.lines.step)  # + and - on the empty item box
        self.cart, self.cart_view, self.cart_error = self.lines.model, self.lines.view, self.lines.error
        self.clear_button = QPushButton(self)
        self.clear_button.setAutoDefault(False)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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

        self.course_use = CourseUse(self)  # F7: a session of the member's course instead of selling it
        lay_out(self)

        bind_keys(self)

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

    def selected_line(self) -> int | None:
        """Return the position of the line selected in the cart (a step selects its line)."""
        return self.lines.selected_line()

    def select_line(self, position: int) -> None:
        """Select the cart line at ``position`` (out of range: leave the selection)."""
        self.lines.select_line(position)

    def change_quantity(self, delta: int) -> None:
        """Add ``delta`` to the selected line's quantity (never below 1: Delete removes a line)."""
        self.lines.change_quantity(delta)

    def remove_line(self) -> None:
        """Take the selected line out of the cart."""
        self.lines.remove_line()

    def give_discount(self) -> None:
        """Ask for the selected line's discount (F9)."""
        self.lines.give_discount()

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

    # ------------------------------------------------------------ a proposal as the cart

    def choose_proposal(self) -> None:
        """List the branch's proposals on offer; the one chosen becomes the cart ("Open proposal…")."""
        picker = ProposalPicker(self.runner, self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(lambda proposal_id: self.open_proposal(proposal_id=proposal_id))
        picker.finished.connect(lambda _result: setattr(self, "proposal_picker", None))
        self.proposal_picker = picker
        picker.open()

    def open_proposal(self, *, proposal_id: str | None = None, journey_id: str | None = None) -> None:
        """Make the proposal (by its id, or the one on offer on ``journey_id``) the cart, for its customer.

        Its lines at this branch's prices (``proposal_open.plan_lines``), the
        member attached and the journey remembered: paid, the sale confirms
        the journey's payment.
        """
        self.runner.read(counter_plan, proposal_id=proposal_id, journey_id=journey_id,
                         on_done=while_alive(self, self._plan_read), on_error=while_alive(self, self._failed))

    def _plan_read(self, plan: CounterPlan) -> None:
        if self.draft.lines:
            answer = QMessageBox.question(self, self.tr("Open the proposal"),
                                          self.tr("Replace the cart with the proposal?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        proposal = plan.proposal
        self.coupon.clear()
        self.draft.load(plan_lines(plan, self.tr("Proposal price")), proposal.customer_id, proposal.journey_id)
        self.attach_member(proposal.customer_id)
        self.show_message(self.tr("{customer}'s proposal is in the cart: paying it confirms the journey's payment.")
                          .format(customer=proposal.customer_name), good=True)

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
        self.checkout.quoted(True)

    def _not_quoted(self, seq: int, error: BaseException) -> None:
        if seq != self._quote_seq:
            return
        self._quote = None
        self._quoted_seq = seq
        self.checkout.quoted(False)
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

    @property
    def quote_pending(self) -> bool:
        """Whether the cart's latest change is still being priced."""
        return self._quoted_seq != self._quote_seq

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
        self.checkout.pay()

    @property
    def payment(self) -> PaymentDialog | None:
        """The payment dialog shown (None: none)."""
        return self.checkout.payment

    def ask_promptpay_id(self, payment: PaymentDialog) -> None:
        """Ask for the PromptPay id and save it; the payment dialog's QR follows."""
        self.checkout.ask_promptpay_id(payment)

    def _sold(self, done: SaleDone, member: CounterMember | None) -> None:
        self.last_sale = done
        self.sale_bar.show_sale(done)
        self.show_message(None)
        self._new_sale()
        self.sold.emit(done, member)
        self.receipts.sold(done)

    @property
    def receipt_path(self) -> Path | None:
        """The last sale's receipt PDF, once written (None: not yet)."""
        return self.receipts.receipt_path

    def print_again(self) -> None:
        """Reprint the last sale's receipt, marked สำเนา / COPY: on the printer, else as a PDF opened in the viewer."""
        if self.last_sale is not None:
            self.receipts.print_again(self.last_sale)

    def refund_or_void(self) -> None:
        """Open the refund / void dialog on this terminal's last sale (Ctrl+Shift+R); the bus brings the shift's cash."""
        if self.refund_dialog is not None:
            return
        dialog = RefundDialog(self.runner, self, open_pdf=self.receipts.open_pdf)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.refunded.connect(lambda done: self.show_message(refund_done_text(done), good=True))
        dialog.finished.connect(lambda _result: setattr(self, "refund_dialog", None))
        self.refund_dialog = dialog
        dialog.open()

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

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.clear_button.setText(self.tr("Clear sale"))
        self.coupon.retranslate()
        self.pay_button.setText(self.tr("Pay (F12)"))
        self.display_button.setText(self.tr("Customer display"))
        self.proposal_button.setText(self.tr("Open proposal…"))
        self.proposal_button.setToolTip(self.tr("Make a customer's treatment proposal the cart"))
        self.display_button.setToolTip(self.tr("Show the customer display (Ctrl+Shift+D)"))
        self.member_picker.retranslate()
        self.lines.retranslate()
        self.finder.retranslate()
        self.shift_bar.retranslate()
        self.totals.retranslate()
        self.coupon.show_verdict(self.quote)
        if self._message_error is not None:
            self.show_message(self._message_error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
