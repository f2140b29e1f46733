"""Refund or void a sale from the POS screen: find the receipt, choose what comes back, give the reason, confirm.

Keyboard first. The dialog opens on this terminal's last sale; another
receipt number is typed or scanned into the number box and Enter loads it
(on the database worker, ``refund_reads.sale_for_refund``). In the lines a
digit (or F2) opens the line's quantity to return; "Whole sale" takes back
everything left. The money that will come back is planned as it is typed
by ``domain.refunds.plan_refund`` with the figures the service checks, so
the screen shows what the credit note will say. Enter (or F12) refunds;
F8 voids, offered only when ``services.refunds.void_sale`` would allow it
(the sale's own open shift at this terminal, nothing refunded before).

Both run through ``ui.override.run_with_override``: a front-desk user gets
the manager's PIN dialog. A refusal (more than was paid, no open shift for
cash, a wrong branch) shows its translated message here and nothing is
written. After a refund the credit note's number and amount stay shown,
its PDF is written to ``credit-notes/NUMBER.pdf`` beside the database on the
worker (and opened when the counter's "open each receipt" setting says so),
and the change bus tells the POS screen, whose shift line follows.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.payments import PaymentMethod
from bnaura_desk.domain.refunds import REASON_MAX, RefundedLine, RefundKind, check_reason, plan_refund, points_to_take
from bnaura_desk.services import refunds
from bnaura_desk.services.refunds import RefundDone

from ..customers.callbacks import while_alive
from ..override import run_with_override
from ..runner import DeskRunner, translate_error
from ..widgets import FieldError, format_datetime
from .labels import item_name, method_name
from .refund_model import RefundLinesModel, ReturnDelegate
from .refund_reads import SaleForRefund, credit_notes_folder, sale_for_refund, write_credit_note

_GOOD = "color: #1b6e3a; font-weight: 600;"


def refund_done_text(done: RefundDone) -> str:
    """Return what the counter says once a refund or void is saved: the credit note, the money and points back."""
    if done.kind is RefundKind.VOID:
        text = QCoreApplication.translate("RefundDialog", "Sale voided: credit note {number}, {amount} back as paid")
    else:
        text = QCoreApplication.translate("RefundDialog", "Refunded: credit note {number}, {amount} back ({method})")
    text = text.format(number=done.number, amount=format_baht(done.amount_satang), method=method_name(done.method))
    if done.points_taken:
        text += " · " + QCoreApplication.translate("RefundDialog", "{points} points taken back").format(
            points=f"{done.points_taken:,}")
    if done.restored_coupon:
        # The chain restores coupons (setting coupon_on_refund): the member gets this new code, also on the credit note.
        text += "\n" + QCoreApplication.translate("RefundDialog", "Coupon given back: {code}").format(
            code=done.restored_coupon)
    return text


class RefundDialog(QDialog):
    """Refund all or part of a sale, or void it.

    Args:
        runner: the app's database worker (its ``actor`` refunds, or asks a manager).
        open_pdf: open the credit note's PDF in the system viewer once written.

    Signals:
        refunded(RefundDone): a refund or void was committed (the bus has been told).
    """

    refunded = Signal(object)

    def __init__(self, runner: DeskRunner, parent: QWidget | None = None, *, open_pdf: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.setModal(True)
        self.runner = runner
        self.open_pdf = open_pdf
        self.sale: SaleForRefund | None = None
        self.outcome: RefundDone | None = None
        self.pdf_path: Path | None = None
        self._busy = False
        self._loading = 0

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.number_caption = QLabel(self)
        self.number = QLineEdit(self)
        self.number.setObjectName("refundNumber")
        self.number.setMaxLength(40)
        self.number_caption.setBuddy(self.number)
        self.sale_label = QLabel(self)
        self.sale_label.setObjectName("refundSale")
        self.sale_label.setWordWrap(True)
        self.lines = RefundLinesModel(self)
        self.lines.dataChanged.connect(self._lines_changed)
        self.lines.modelReset.connect(self._show_plan)
        self.view = QTableView(self)
        self.view.setObjectName("refundLines")
        self.view.setModel(self.lines)
        self.view.setItemDelegateForColumn(RefundLinesModel.RETURN, ReturnDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.view.setTabKeyNavigation(False)  # Tab leaves the lines for the reason, as everywhere else
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(RefundLinesModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, RefundLinesModel.COLUMN_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.whole = QCheckBox(self)
        self.whole.setObjectName("refundWhole")
        self.whole.toggled.connect(self._whole_toggled)
        self.reason_caption = QLabel(self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("refundReason")
        self.reason.setMaxLength(REASON_MAX)
        self.reason_caption.setBuddy(self.reason)
        self.method_caption = QLabel(self)
        self.method = QComboBox(self)
        self.method.setObjectName("refundMethod")
        for way in PaymentMethod:
            self.method.addItem("", str(way))
        self.method_caption.setBuddy(self.method)
        self.amount_caption = QLabel(self)
        self.amount_label = QLabel(self)
        self.amount_label.setObjectName("refundAmount")
        big = QFont(self.amount_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.amount_label.setFont(big)
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.points_label = QLabel(self)
        self.points_label.setObjectName("refundPoints")
        self.points_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.error = FieldError(self)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("refundResult")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet(_GOOD)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.void_button = QPushButton(self)
        self.void_button.setObjectName("refundVoid")
        self.void_button.setAutoDefault(False)
        self.void_button.clicked.connect(self.void)
        self.void_button.hide()
        self.refund_button = QPushButton(self)
        self.refund_button.setObjectName("primary")
        self.refund_button.setAutoDefault(False)
        self.refund_button.clicked.connect(self.confirm)

        number_row = QHBoxLayout()
        number_row.addWidget(self.number_caption)
        number_row.addWidget(self.number, 1)
        form = QFormLayout()
        form.addRow(self.reason_caption, self.reason)
        form.addRow(self.method_caption, self.method)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount_caption, 0, Qt.AlignmentFlag.AlignVCenter)
        amount_row.addWidget(self.amount_label, 1)
        money = QVBoxLayout()
        money.addLayout(amount_row)
        money.addWidget(self.points_label)
        money.addStretch(1)
        below = QHBoxLayout()
        below.addLayout(form, 3)
        below.addSpacing(16)
        below.addLayout(money, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.void_button)
        buttons.addWidget(self.refund_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addLayout(number_row)
        layout.addWidget(self.sale_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.whole)
        layout.addLayout(below)
        layout.addWidget(self.error)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        self.setMinimumSize(760, 520)
        QWidget.setTabOrder(self.number, self.view)
        QWidget.setTabOrder(self.view, self.whole)
        QWidget.setTabOrder(self.whole, self.reason)
        QWidget.setTabOrder(self.reason, self.method)
        for key, slot in (("F12", self.confirm), ("F8", self.void), ("Ctrl+F", self.find_receipt)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)

        self._retranslate()
        self._show_sale()
        self.number.setFocus()
        self.load("")  # this terminal's last sale

    # ------------------------------------------------------------ the sale

    @property
    def busy(self) -> bool:
        """Whether a sale is being read or a refund written."""
        return self._busy or self._loading > 0

    def load(self, number: str) -> None:
        """Read the sale with receipt ``number`` ("" : this terminal's last sale) and show what is left of it."""
        if self._busy:
            return
        self._loading += 1
        self.runner.read(sale_for_refund, number, on_done=while_alive(self, self._loaded),
                         on_error=while_alive(self, self._not_loaded))

    def find_receipt(self) -> None:
        """Go back to the receipt number (Ctrl+F) to load another sale."""
        if self.outcome is None:
            self.number.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.number.selectAll()

    def _loaded(self, sale: SaleForRefund) -> None:
        self._loading -= 1
        self.sale = sale
        self.number.setText(sale.number)
        self.error.clear_error()
        self.whole.blockSignals(True)
        self.whole.setChecked(False)
        self.whole.blockSignals(False)
        self.lines.set_locked(False)
        self.lines.show_lines(sale.state.sold, sale.names)
        self.method.setCurrentIndex(max(0, self.method.findData(str(sale.state.method))))
        self._show_sale()
        first = next((row for row, line in enumerate(sale.state.sold) if line.quantity_left > 0), 0)
        self.view.setCurrentIndex(self.lines.index(first, RefundLinesModel.RETURN))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _not_loaded(self, error: BaseException) -> None:
        self._loading -= 1
        self.sale = None
        self.lines.show_lines((), ())
        self._show_sale()
        self._fail(error)
        self.number.setFocus(Qt.FocusReason.OtherFocusReason)
        self.number.selectAll()

    def _show_sale(self) -> None:
        sale, done = self.sale, self.outcome
        if sale is None:
            self.sale_label.setText(self.tr("Type or scan the receipt number, then press Enter."))
        else:
            parts = [self.tr("Receipt {number}").format(number=sale.number), format_datetime(sale.at)]
            if sale.customer_th or sale.customer_en:
                parts.append(item_name(sale.customer_th, sale.customer_en))
            parts.append(self.tr("total {total}, paid {paid}").format(
                total=format_baht(sale.total_satang), paid=format_baht(sale.state.paid_satang)))
            if sale.state.refunded_satang:
                parts.append(self.tr("refunded before {amount}").format(amount=format_baht(sale.state.refunded_satang)))
            self.sale_label.setText(" · ".join(parts))
        can_act = sale is not None and done is None
        self.void_button.setVisible(can_act and sale is not None and sale.state.void_refusal is None)
        self.refund_button.setText(self.tr("Close") if done is not None else self.tr("Refund (F12)"))
        self.refund_button.setEnabled(done is not None or sale is not None)
        self.close_button.setVisible(done is None)
        for widget in (self.number, self.whole, self.reason, self.method):
            widget.setEnabled(done is None)
        self._show_plan()

    # ------------------------------------------------------------ planning

    def _lines_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if top_left.column() == bottom_right.column() == RefundLinesModel.AMOUNT:
            return  # the plan's own output shown
        self._show_plan()

    def _whole_toggled(self, checked: bool) -> None:
        if checked:
            self.lines.return_all()
        else:
            self.lines.return_none()
        self.lines.set_locked(checked)

    def plan(self) -> tuple[RefundedLine, ...]:
        """Return the refund as the service will record it, from what is chosen now.

        Raises:
            BadInput: as ``domain.refunds.plan_refund`` (nothing chosen, more than was paid...).
        """
        assert self.sale is not None
        state = self.sale.state
        wanted = None if self.lines.everything else self.lines.returning()
        return plan_refund(state.sold, wanted, state.refundable_satang)

    def _show_plan(self) -> None:
        sale = self.sale
        if sale is None or self.outcome is not None:
            if self.outcome is None:
                self.amount_label.setText(format_baht(0))
                self.points_label.clear()
            return
        amount = 0
        by_line: dict[str, int] = {}
        if self.lines.returning():
            try:
                planned = self.plan()
            except DeskError as error:
                self.error.show_error(error)
            else:
                self.error.clear_error()
                by_line = {line.line_id: line.amount_satang for line in planned}
                amount = sum(by_line.values())
        elif self.error.error is not None and self.error.error.field == "lines":
            self.error.clear_error()
        self.lines.show_amounts([by_line.get(line.line_id) for line in sale.state.sold])
        self.amount_label.setText(format_baht(amount))
        points = points_to_take(sale.points_earned, sale.total_satang, sale.state.refunded_satang, amount)
        self.points_label.setText(self.tr("Points taken back: {points}").format(points=f"{points:,}")
                                  if points else "")

    # ------------------------------------------------------------ confirming

    def _reason(self) -> str | None:
        try:
            return check_reason(self.reason.text())
        except DeskError as error:
            self.error.show_error(error)
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return None

    def confirm(self) -> None:
        """Refund what is chosen (Enter, F12); once done, close."""
        if self.outcome is not None:
            self.accept()
            return
        if self.busy or self.sale is None:
            return
        try:
            planned = self.plan()
        except DeskError as error:
            self.error.show_error(error)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        reason = self._reason()
        if reason is None:
            return
        wanted = None if self.lines.everything else self.lines.returning()
        assert planned  # plan_refund refuses an empty refund
        self._start(refunds.refund_sale, self.sale.sale_id, wanted, PaymentMethod(self.method.currentData()),
                    reason)

    def void(self) -> None:
        """Void the whole sale (F8), when the service allows it here."""
        sale = self.sale
        if self.busy or self.outcome is not None or sale is None or sale.state.void_refusal is not None:
            return
        reason = self._reason()
        if reason is None:
            return
        self._start(refunds.void_sale, sale.sale_id, reason)

    def _start(self, use_case: Callable[..., ChangeSet], *args: object) -> None:
        self._busy = True
        self.refund_button.setEnabled(False)
        self.void_button.setEnabled(False)
        self.error.clear_error()
        run_with_override(
            self.runner, self, use_case, *args,
            on_done=while_alive(self, self._done),
            on_error=while_alive(self, self._refused),
            on_cancel=while_alive(self, lambda: self._refused(self.tr("A manager did not approve the refund"))),
            initiator=self,
        )

    def _refused(self, error: BaseException | str) -> None:
        self._busy = False
        self.refund_button.setEnabled(True)
        self.void_button.setEnabled(True)
        self._fail(error)

    def _fail(self, error: BaseException | str) -> None:
        """Say why; nothing was written."""
        if isinstance(error, DeskError | str):
            self.error.show_error(error)
        else:  # a fault, not the cashier's input: its traceback goes to the log
            traceback.print_exception(error)
            self.error.show_error(translate_error(error))

    def _done(self, changes: ChangeSet) -> None:
        self._busy = False
        done: RefundDone = changes.result
        self.outcome = done
        self.lines.set_locked(True)
        self.error.clear_error()
        self.result_label.setText(refund_done_text(done))
        self.result_label.show()
        self.amount_label.setText(format_baht(done.amount_satang))
        self.points_label.setText(self.tr("Points taken back: {points}").format(points=f"{done.points_taken:,}")
                                  if done.points_taken else "")
        self._show_sale()
        self.refund_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refunded.emit(done)
        self.runner.read(write_credit_note, done.refund_id, credit_notes_folder(self.runner.terminal.path),
                         on_done=while_alive(self, self._pdf_written),
                         on_error=while_alive(self, self._pdf_failed))

    def _pdf_written(self, path: Path) -> None:
        self.pdf_path = path
        if self.outcome is not None:
            self.result_label.setText(refund_done_text(self.outcome) + "\n"
                                + self.tr("Credit note saved: {file}").format(file=str(path)))
        if self.open_pdf:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _pdf_failed(self, error: BaseException) -> None:
        # The refund stands; its credit note is written again with `bnaura receipt credit-note`.
        self.error.show_error(self.tr("The refund is saved, but its credit note was not made: {why}").format(
            why=translate_error(error)))

    # ------------------------------------------------------------ keyboard and language

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.outcome is None and (self.number.hasFocus() or self.sale is None):
                self.load(self.number.text())
            else:
                self.confirm()
            return
        super().keyPressEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Refund or void a sale"))
        # One literal: lupdate does not join adjacent string literals.
        self.heading.setText(self.tr("Choose how many of each line come back, give the reason, and refund. A sale of this shift on this terminal can be voided whole instead."))
        self.number_caption.setText(self.tr("Receipt number"))
        self.number.setPlaceholderText(self.tr("Type or scan the receipt number (Ctrl+F)"))
        self.whole.setText(self.tr("Whole sale (everything not refunded yet)"))
        self.reason_caption.setText(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why the money goes back (required)"))
        self.method_caption.setText(self.tr("Give back by"))
        for row in range(self.method.count()):
            self.method.setItemText(row, method_name(PaymentMethod(self.method.itemData(row))))
        self.amount_caption.setText(self.tr("Gives back"))
        self.close_button.setText(self.tr("Cancel"))
        self.void_button.setText(self.tr("Void sale (F8)"))
        self.void_button.setToolTip(self.tr("Undo the whole sale: everything paid goes back the way it was paid"))
        self.lines.retranslate()
        if self.outcome is not None:
            self.result_label.setText(refund_done_text(self.outcome) + (
                "\n" + self.tr("Credit note saved: {file}").format(file=str(self.pdf_path)) if self.pdf_path else ""))
        self._show_sale()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

