"""Paying for the cart on the POS screen (F12): the payment dialog, then one ``counter.checkout`` call.

``Checkout.pay`` opens the payment dialog for the total shown, refusing an
empty cart, a terminal without an open shift or a refused coupon; while the
total is still being priced it pays as soon as the answer comes
(``Checkout.quoted``). The dialog's tenders go to ``counter.checkout`` as
one use case; a line discount above the limit asks a manager's PIN
(``ui.override``), and a refusal keeps the dialog open with its message.
Once committed, ``sold`` tells the screen, which starts the next sale and
leaves the receipt to ``sale_receipts``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.payments import Tender
from bnaura_desk.services import counter
from bnaura_desk.services.counter import SaleDone

from ..customers.callbacks import while_alive
from ..override import run_with_override
from .keys import focus
from .payment import PaymentDialog
from .promptpay_id import ask_promptpay_id

if TYPE_CHECKING:
    from .screen import CounterScreen


class Checkout(QObject):
    """The POS screen's paying: its payment dialog and the checkout call.

    Args:
        screen: the POS screen (its cart, quote, shift, PromptPay id and message line are used).

    Signals:
        sold(SaleDone, CounterMember | None): the sale was committed, for this member (None: a walk-in);
            the payment dialog is closed.
    """

    sold = Signal(object, object)

    def __init__(self, screen: CounterScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.payment: PaymentDialog | None = None
        self._pay_when_quoted = False

    def pay(self) -> None:
        """Open the payment dialog for the cart's total (F12); the screen says why when it cannot."""
        screen = self.screen
        if self.payment is not None:
            return
        if screen.draft.empty:
            screen.show_message(self.tr("The cart is empty: scan or find an item first"))
            return
        if screen.shift is None:
            screen.show_message(self.tr("Open a shift before selling"))
            return
        quoted = screen.quote
        if quoted is None:
            if screen.quote_pending:
                self._pay_when_quoted = True  # the total is on its way
            return
        if quoted.coupon_refused is not None:
            screen.show_message(self.tr("The coupon does not apply: take it off (clear the coupon box) or fix it"))
            focus(screen.coupon_box)
            return
        today = bangkok_date(screen.runner.terminal.clock())
        dialog = PaymentDialog(quoted.quote.priced.total_satang, screen.promptpay_id, today, screen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda tenders, due_on: self._checkout(dialog, tenders, due_on))
        dialog.promptpay_requested.connect(lambda: self.ask_promptpay_id(dialog))
        dialog.finished.connect(lambda _result: self._payment_closed())
        dialog.qr_shown.connect(screen.promptpay_shown)
        self.payment = dialog
        dialog.open()

    def quoted(self, priced: bool) -> None:
        """The screen's latest price came back (``priced``: a total is shown): pay now if F12 was waiting."""
        if self._pay_when_quoted:
            self._pay_when_quoted = False
            if priced:
                self.pay()

    def ask_promptpay_id(self, payment: PaymentDialog) -> None:
        """Ask for the PromptPay id and save it; the payment dialog's QR follows."""

        def saved(promptpay: str | None) -> None:
            self.screen.promptpay_id = promptpay
            if shiboken6.isValid(payment):
                payment.set_promptpay_id(promptpay)

        ask_promptpay_id(self.screen.runner, payment, saved, initiator=self.screen)

    def _payment_closed(self) -> None:
        self.payment = None
        self.screen.promptpay_shown.emit("", 0)
        self.screen.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _checkout(self, dialog: PaymentDialog, tenders: tuple[Tender, ...], due_on: date | None) -> None:
        screen = self.screen
        order = screen.draft.order(tenders, due_on)
        run_with_override(
            screen.runner, dialog, counter.checkout, order,
            on_done=while_alive(screen, lambda changes: self._sold(dialog, changes)),
            on_error=while_alive(dialog, dialog.fail),
            on_cancel=while_alive(dialog, lambda: dialog.fail(self.tr("A manager did not approve the discount"))),
            initiator=screen,
        )

    def _sold(self, dialog: PaymentDialog, changes: ChangeSet) -> None:
        done: SaleDone = changes.result
        member = self.screen.member
        if dialog.isVisible():
            dialog.accept()
        self.sold.emit(done, member)
