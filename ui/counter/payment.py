"""The payment dialog: cash, card, PromptPay, transfer, any split of them, and a deposit with a due date.

Keyboard-first: F5 cash, F6 card, F7 PromptPay, F8 transfer; Enter takes
the payment on the page shown and, once the sale is covered (or it is a
deposit), confirms. An empty amount means "what is still to pay"; cash
handed over above it gives change, shown large. What is typed is checked by
the same domain rules as checkout (``payments.check_tender``,
``check_payments``) before anything is sent; the checkout's own refusal
(a coupon used meanwhile, no open shift) shows here too, and nothing is
lost: the dialog stays open.

With ``balance=True`` it takes a deposit's balance paid later
(``balances.pay_balance``): the due is what is outstanding, and the
deposit box becomes "pay part of it" (an installment; the due date stays
the sale's).
"""

from __future__ import annotations

import traceback
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, BadInput, DeskError
from bnaura_desk.domain.money import format_baht, parse_baht
from bnaura_desk.domain.payments import PaymentMethod, Tender, check_balance_payments, check_payments, check_tender
from bnaura_desk.domain.promptpay import payload

from ..loyalty.qr import qr_image
from ..runner import translate_error
from ..widgets import FieldError, format_date
from .labels import method_name

QUICK_NOTES = (10_000, 50_000, 100_000)  # ฿100, ฿500, ฿1,000
METHOD_KEYS = {PaymentMethod.CASH: "F5", PaymentMethod.CARD: "F6", PaymentMethod.PROMPTPAY: "F7",
               PaymentMethod.TRANSFER: "F8"}
_METHODS = tuple(METHOD_KEYS)
_METHOD_BY_KEY: dict[int, PaymentMethod] = {Qt.Key.Key_F5: PaymentMethod.CASH, Qt.Key.Key_F6: PaymentMethod.CARD,
                  Qt.Key.Key_F7: PaymentMethod.PROMPTPAY, Qt.Key.Key_F8: PaymentMethod.TRANSFER}
_MORE_THAN_REMAINING = QT_TRANSLATE_NOOP("errors", "That is more than the {remaining} still to pay")
_PART_OF_BALANCE = QT_TRANSLATE_NOOP("errors", "{balance} is still to pay: take the rest, or tick Pay part of the balance")
_NO_PROMPTPAY = QT_TRANSLATE_NOOP(
    "errors", "No PromptPay id is set for this branch yet: the owner sets it (Set the PromptPay id…)")


def _big(widget: QWidget, scale: float) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    widget.setFont(font)


class PaymentDialog(QDialog):
    """Takes the payments of a sale of ``due_satang``.

    Args:
        due_satang: the sale's total.
        promptpay_id: the PromptPay id the QR pays (None: not set; PromptPay then says so).
        today: the clinic's date (a deposit's balance is due after it).
        balance: a deposit's balance paid later: ``due_satang`` is what is
            outstanding; part of it may be paid, with no new due date.

    Signals:
        submitted(tuple[Tender, ...], date | None): the payments and the
            deposit's due date, checked; the caller runs the checkout and
            calls ``accept`` or ``fail``.
    """

    submitted = Signal(object, object)
    promptpay_requested = Signal()  # "PromptPay id…": the caller asks for it and calls ``set_promptpay_id``
    qr_shown = Signal(str, int)  # the QR's payload and amount while the PromptPay page shows one ("" otherwise)

    def __init__(self, due_satang: int, promptpay_id: str | None, today: date, parent: QWidget | None = None, *,
                 balance: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setModal(True)
        self.for_balance = balance
        self.due = due_satang
        self.promptpay_id = promptpay_id
        self.today = today
        self.tenders: list[Tender] = []
        self._busy = False

        self.due_caption = QLabel(self)
        self.due_label = QLabel(self)
        self.due_label.setObjectName("paymentDue")
        _big(self.due_label, 1.8)
        self.remaining_caption = QLabel(self)
        self.remaining_label = QLabel(self)
        self.remaining_label.setObjectName("paymentRemaining")
        _big(self.remaining_label, 1.8)
        self.payment_list = QListWidget(self)
        self.payment_list.setObjectName("paymentList")
        self.payment_list.setMaximumHeight(self.fontMetrics().height() * 5)
        self.payment_list.installEventFilter(self)

        # -- cash
        self.cash_page = QWidget(self)
        self.received = QLineEdit(self.cash_page)
        self.received.setObjectName("cashReceived")
        self.received.textChanged.connect(self._show_change)
        self.quick_buttons: list[QPushButton] = []
        quick = QHBoxLayout()
        for value in QUICK_NOTES:
            button = QPushButton(format_baht(value).replace(".00", ""), self.cash_page)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, v=value: self._set_received(v))
            quick.addWidget(button)
            self.quick_buttons.append(button)
        self.exact_button = QPushButton(self.cash_page)
        self.exact_button.setAutoDefault(False)
        self.exact_button.clicked.connect(lambda: self._set_received(self.remaining))
        quick.addWidget(self.exact_button)
        self.change_caption = QLabel(self.cash_page)
        self.change_label = QLabel(self.cash_page)
        self.change_label.setObjectName("cashChange")
        _big(self.change_label, 2.6)
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.received_caption = QLabel(self.cash_page)
        cash_form = QGridLayout(self.cash_page)
        cash_form.addWidget(self.received_caption, 0, 0)
        cash_form.addWidget(self.received, 0, 1)
        cash_form.addLayout(quick, 1, 1)
        cash_form.addWidget(self.change_caption, 2, 0)
        cash_form.addWidget(self.change_label, 2, 1)
        cash_form.setRowStretch(3, 1)

        # -- card
        self.card_page = QWidget(self)
        self.card_amount = QLineEdit(self.card_page)
        self.card_amount.setObjectName("cardAmount")
        self.approval = QLineEdit(self.card_page)
        self.approval.setObjectName("cardApproval")
        self.approval.setMaxLength(12)
        self.last4 = QLineEdit(self.card_page)
        self.last4.setObjectName("cardLast4")
        self.last4.setMaxLength(4)
        self.last4.setInputMask("")
        card_form = QFormLayout(self.card_page)
        self.card_amount_caption, self.approval_caption, self.last4_caption = QLabel(), QLabel(), QLabel()
        card_form.addRow(self.card_amount_caption, self.card_amount)
        card_form.addRow(self.approval_caption, self.approval)
        card_form.addRow(self.last4_caption, self.last4)

        # -- PromptPay
        self.promptpay_page = QWidget(self)
        self.promptpay_amount = QLineEdit(self.promptpay_page)
        self.promptpay_amount.setObjectName("promptpayAmount")
        self.promptpay_amount.textChanged.connect(self._draw_qr)
        self.qr = QLabel(self.promptpay_page)
        self.qr.setObjectName("promptpayQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(240, 240)
        self.qr_payload = ""
        self.qr_amount = 0
        self.promptpay_hint = QLabel(self.promptpay_page)
        self.promptpay_hint.setWordWrap(True)
        self.promptpay_hint.setObjectName("hint")
        self.promptpay_amount_caption = QLabel(self.promptpay_page)
        self.promptpay_id_button = QPushButton(self.promptpay_page)
        self.promptpay_id_button.setObjectName("promptpayIdButton")
        self.promptpay_id_button.setAutoDefault(False)
        self.promptpay_id_button.clicked.connect(self.promptpay_requested)
        pp_top = QFormLayout()
        pp_top.addRow(self.promptpay_amount_caption, self.promptpay_amount)
        pp_layout = QVBoxLayout(self.promptpay_page)
        pp_layout.addLayout(pp_top)
        pp_layout.addWidget(self.qr, 1)
        pp_layout.addWidget(self.promptpay_hint)
        pp_layout.addWidget(self.promptpay_id_button, 0, Qt.AlignmentFlag.AlignRight)

        # -- transfer
        self.transfer_page = QWidget(self)
        self.transfer_amount = QLineEdit(self.transfer_page)
        self.transfer_amount.setObjectName("transferAmount")
        self.reference = QLineEdit(self.transfer_page)
        self.reference.setObjectName("transferReference")
        self.reference.setMaxLength(60)
        self.transfer_amount_caption, self.reference_caption = QLabel(), QLabel()
        transfer_form = QFormLayout(self.transfer_page)
        transfer_form.addRow(self.transfer_amount_caption, self.transfer_amount)
        transfer_form.addRow(self.reference_caption, self.reference)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("paymentMethods")
        self.pages = {PaymentMethod.CASH: self.cash_page, PaymentMethod.CARD: self.card_page,
                      PaymentMethod.PROMPTPAY: self.promptpay_page, PaymentMethod.TRANSFER: self.transfer_page}
        for page in self.pages.values():
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(lambda _i: self._page_shown())

        # -- deposit
        self.deposit = QCheckBox(self)
        self.deposit.setObjectName("deposit")
        self.due_on = QDateEdit(self)
        self.due_on.setObjectName("depositDueOn")
        self.due_on.setCalendarPopup(True)
        self.due_on.setDisplayFormat("dd/MM/yyyy")
        self.due_on_text = QLabel(self)  # the date as the clinic says it (Buddhist era in Thai)
        self.due_on.dateChanged.connect(lambda _d: self._show_due_on())
        later = today + timedelta(days=30)
        self.due_on.setDate(QDate(later.year, later.month, later.day))
        self.due_on.setEnabled(False)
        self.due_on_text.setEnabled(False)
        self.deposit.toggled.connect(self.due_on.setEnabled)
        self.deposit.toggled.connect(self.due_on_text.setEnabled)
        self.deposit.toggled.connect(lambda _on: self._show_totals())
        self.due_on.setVisible(not balance)
        self.due_on_text.setVisible(not balance)

        self.error = FieldError(self)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("primary")
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm)
        self.add_button = QPushButton(self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_payment)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)

        figures = QGridLayout()
        figures.addWidget(self.due_caption, 0, 0)
        figures.addWidget(self.due_label, 1, 0)
        figures.addWidget(self.remaining_caption, 0, 1)
        figures.addWidget(self.remaining_label, 1, 1)
        deposit_row = QHBoxLayout()
        deposit_row.addWidget(self.deposit)
        deposit_row.addWidget(self.due_on)
        deposit_row.addWidget(self.due_on_text)
        deposit_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(figures)
        layout.addWidget(self.payment_list)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(deposit_row)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

        self._retranslate()
        self._show_totals()
        self._draw_qr()
        self._page_shown()

    # -- figures

    @property
    def paid(self) -> int:
        return sum(t.amount_satang for t in self.tenders)

    @property
    def remaining(self) -> int:
        return max(0, self.due - self.paid)

    @property
    def method(self) -> PaymentMethod:
        return _METHODS[self.tabs.currentIndex()]

    @property
    def busy(self) -> bool:
        """Whether the checkout is on its way."""
        return self._busy

    def choose(self, method: PaymentMethod) -> None:
        """Show the page of ``method`` and put the cursor in its first field."""
        self.tabs.setCurrentIndex(_METHODS.index(method))
        self._page_shown()

    def _page_shown(self) -> None:
        first = {PaymentMethod.CASH: self.received, PaymentMethod.CARD: self.card_amount,
                 PaymentMethod.PROMPTPAY: self.promptpay_amount, PaymentMethod.TRANSFER: self.transfer_amount}
        first[self.method].setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.error.clear_error()
        self._announce_qr()

    def _announce_qr(self) -> None:
        # The customer display shows the QR only while this page does.
        shown = self.qr_payload if self.method is PaymentMethod.PROMPTPAY else ""
        self.qr_shown.emit(shown, self.qr_amount if shown else 0)

    def _show_totals(self) -> None:
        self.due_label.setText(format_baht(self.due))
        self.remaining_label.setText(format_baht(self.remaining))
        remaining_text = format_baht(self.remaining, symbol=False)
        for field in (self.received, self.card_amount, self.promptpay_amount, self.transfer_amount):
            field.setPlaceholderText(remaining_text)
        self.payment_list.clear()
        for tender in self.tenders:
            self.payment_list.addItem(self._tender_text(tender))
        self.payment_list.setVisible(bool(self.tenders))
        self._show_change()
        self._draw_qr()

    def _tender_text(self, tender: Tender) -> str:
        name = method_name(tender.method)
        amount = format_baht(tender.amount_satang)
        if tender.method is PaymentMethod.CASH and tender.change_satang:
            return self.tr("{method} {amount} (received {received}, change {change})").format(
                method=name, amount=amount, received=format_baht(tender.tendered_satang or 0),
                change=format_baht(tender.change_satang))
        if tender.method is PaymentMethod.CARD:
            return f"{name} {amount} · **** {tender.card_last4} · {tender.approval_code}"
        if tender.reference:
            return f"{name} {amount} · {tender.reference}"
        return f"{name} {amount}"

    def _amount(self, field: QLineEdit) -> int:
        """Return the amount typed in ``field`` (empty: what is still to pay)."""
        text = field.text().strip()
        return parse_baht(text, field="amount") if text else self.remaining

    def _set_received(self, satang: int) -> None:
        self.choose(PaymentMethod.CASH)
        self.received.setText(format_baht(satang, symbol=False))

    def _show_change(self) -> None:
        text = self.received.text().strip()
        try:
            received = parse_baht(text) if text else self.remaining
        except BadInput:
            received = 0
        self.change_label.setText(format_baht(max(0, received - self.remaining)))

    def set_promptpay_id(self, promptpay_id: str | None) -> None:
        """Pay PromptPay to ``promptpay_id`` from now on (it was just set)."""
        self.promptpay_id = promptpay_id
        self._draw_qr()

    def _draw_qr(self) -> None:
        self._paint_qr()
        self._announce_qr()

    def _paint_qr(self) -> None:
        self.qr_payload = ""
        self.qr_amount = 0
        self.promptpay_id_button.setVisible(self.promptpay_id is None)
        if self.promptpay_id is None:
            self.qr.clear()
            self.promptpay_hint.setText(QCoreApplication.translate("errors", _NO_PROMPTPAY))
            return
        try:
            amount = self._amount(self.promptpay_amount)
            self.qr_payload = payload(self.promptpay_id, amount) if amount > 0 else ""
            self.qr_amount = amount if self.qr_payload else 0
        except DeskError as error:
            self.qr.clear()
            self.promptpay_hint.setText(error.render(QCoreApplication.translate))
            return
        if self.qr_payload:
            self.qr.setPixmap(QPixmap.fromImage(qr_image(self.qr_payload, module_px=5)))
        else:
            self.qr.clear()
        self.promptpay_hint.setText(self.tr(
            "The customer scans the QR with their banking app and pays {amount} to PromptPay {target}. When the"
            " payment shows as received, press Enter.").format(amount=format_baht(amount), target=self.promptpay_id))

    # -- taking payments

    def page_tender(self) -> Tender:
        """Return the payment typed on the page shown, checked as checkout will check it.

        Raises:
            BadInput: an amount that is not one, more than is still to pay,
                or any ``payments.check_tender`` refusal.
        """
        number = len(self.tenders) + 1
        method = self.method
        if method is PaymentMethod.CASH:
            text = self.received.text().strip()
            received = parse_baht(text, field="tendered") if text else self.remaining
            tender = Tender(method, min(received, self.remaining), tendered_satang=received)
        elif method is PaymentMethod.CARD:
            tender = Tender(method, self._amount(self.card_amount), approval_code=self.approval.text(),
                            card_last4=self.last4.text())
        elif method is PaymentMethod.PROMPTPAY:
            if self.promptpay_id is None:
                raise BadInput(_NO_PROMPTPAY, field="promptpay_id")
            tender = Tender(method, self._amount(self.promptpay_amount))
        else:
            tender = Tender(method, self._amount(self.transfer_amount), reference=self.reference.text())
        if tender.amount_satang > self.remaining:
            raise BadInput(_MORE_THAN_REMAINING, field="amount", remaining=format_baht(self.remaining))
        return check_tender(tender, number)

    def add_payment(self) -> bool:
        """Take the payment typed on the page shown (False, with the message shown, when it is refused)."""
        if self.remaining <= 0:
            self.error.show_error(self.tr("The sale is covered: press Enter to confirm"))
            return False
        try:
            tender = self.page_tender()
        except DeskError as error:
            self.error.show_error(error)
            return False
        self.tenders.append(tender)
        for field in (self.received, self.card_amount, self.approval, self.last4, self.promptpay_amount,
                      self.transfer_amount, self.reference):
            field.clear()
        self.error.clear_error()
        self._show_totals()
        if tender.change_satang:
            self.change_label.setText(format_baht(tender.change_satang))
        return True

    def enter(self) -> None:
        """Enter: take the payment on the page shown when something is still due, then confirm when covered."""
        if self._busy:
            return
        if self.remaining > 0:
            if not self.add_payment():
                return
            if self.remaining > 0 and not self.deposit.isChecked():
                self._page_shown()
                self.error.show_error(self.tr("{remaining} still to pay: take the next payment").format(
                    remaining=format_baht(self.remaining)))
                return
        self.confirm()

    def _show_due_on(self) -> None:
        picked = self.due_on.date()
        self.due_on_text.setText(format_date(date(picked.year(), picked.month(), picked.day()), long=True))

    def balance_due_on(self) -> date | None:
        """Return the deposit's due date (None when it is not a deposit, or a balance is paid)."""
        if not self.deposit.isChecked() or self.for_balance:
            return None
        picked = self.due_on.date()
        return date(picked.year(), picked.month(), picked.day())

    def confirm(self) -> None:
        """Check the payments as checkout will and send them (``submitted``)."""
        if self._busy:
            return
        tenders = tuple(self.tenders)
        due_on = self.balance_due_on()
        try:
            if not self.for_balance:
                check_payments(tenders, self.due, balance_due_on=due_on, today=self.today)
            elif check_balance_payments(tenders, self.due)[1].balance_satang and not self.deposit.isChecked():
                raise BadInput(_PART_OF_BALANCE, field="payments",
                               balance=format_baht(self.due - sum(t.amount_satang for t in tenders)))
        except DeskError as error:
            self.error.show_error(error)
            return
        self._busy = True
        self.confirm_button.setEnabled(False)
        self.error.clear_error()
        self.submitted.emit(tenders, due_on)

    def fail(self, error: BaseException | str) -> None:
        """The checkout refused: say why and let the cashier fix it (nothing was written)."""
        self._busy = False
        self.confirm_button.setEnabled(True)
        if isinstance(error, DeskError | str):
            self.error.show_error(error)
        else:  # a fault, not the cashier's input: its traceback goes to the log
            traceback.print_exception(error)
            self.error.show_error(translate_error(error))

    @property
    def change_satang(self) -> int:
        return sum(t.change_satang for t in self.tenders)

    # -- keyboard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys the fields do not take come here (F5 to F8, Enter), whichever field has the cursor.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()
            return
        if event.key() == Qt.Key.Key_D and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.deposit.toggle()
            return
        method = _METHOD_BY_KEY.get(event.key())
        if method is not None:
            self.choose(method)
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.payment_list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            row = self.payment_list.currentRow()
            if event.key() == Qt.Key.Key_Delete and 0 <= row < len(self.tenders) and not self._busy:
                del self.tenders[row]
                self._show_totals()
                return True
        return super().eventFilter(watched, event)

    # -- language

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Pay the balance") if self.for_balance else self.tr("Payment"))
        self.due_caption.setText(self.tr("Balance outstanding") if self.for_balance else self.tr("Total due"))
        self.remaining_caption.setText(self.tr("Still to pay"))
        for method, key in METHOD_KEYS.items():
            self.tabs.setTabText(_METHODS.index(method), f"{method_name(method)} ({key})")
        self.received_caption.setText(self.tr("Cash received"))
        self.exact_button.setText(self.tr("Exact"))
        self.change_caption.setText(self.tr("Change"))
        self.card_amount_caption.setText(self.tr("Amount"))
        self.approval_caption.setText(self.tr("Approval code"))
        self.last4_caption.setText(self.tr("Card's last 4 digits"))
        self.promptpay_amount_caption.setText(self.tr("Amount"))
        self.transfer_amount_caption.setText(self.tr("Amount"))
        self.reference_caption.setText(self.tr("Transfer reference"))
        self.promptpay_id_button.setText(self.tr("Set the PromptPay id…"))
        self.deposit.setText(self.tr("Pay part of the balance (Ctrl+D)") if self.for_balance
                             else self.tr("Deposit (Ctrl+D): the rest is due on"))
        self.add_button.setText(self.tr("Add payment"))
        self.confirm_button.setText(self.tr("Confirm (Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_totals()
        self._show_due_on()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

