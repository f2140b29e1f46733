"""The full tax invoice (ใบกำกับภาษีเต็มรูป) a customer asks for at the counter, replacing a receipt.

"Full tax invoice…" (Ctrl+Shift+I) asks for the receipt (the last sale's
by default, or one typed or scanned off the paper) and the buyer: name, 13-digit
tax id, address and, for a company, its establishment (สำนักงานใหญ่ or a
branch number). The buyer is checked as typed (``domain.tax_invoices``),
then ``tax_invoices.issue_full_invoice`` runs on the database worker: the
number, the record, audit and outbox in one transaction. The A4 PDF is
written to ``tax-invoices/NUMBER.pdf`` beside the database and opened in
the system's viewer, from which it is printed. A receipt already replaced is refused
with the invoice's number; "Print a copy" (F8) writes and opens that
invoice again, marked สำเนา / COPY (as ``bnaura invoice show --copy``).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from bnaura_desk.documents import full_tax_invoice_pdf
from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.document_numbers import parse_document_number
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.domain.keyboard import keys_typed
from bnaura_desk.domain.tax_invoices import BuyerForm, check_buyer
from bnaura_desk.services.tax_invoices import (
    InvoiceIssued,
    invoice_for_receipt,
    issue_full_invoice,
    tax_invoice_document,
)

from ..customers.callbacks import while_alive
from ..runner import DeskRunner, translate_error
from ..widgets import FieldError

SHORTCUT = "Ctrl+Shift+I"
TAX_INVOICES_DIR_NAME = "tax-invoices"


def tax_invoices_folder(database: Path) -> Path:
    """Return where the terminal keeps its full tax invoice PDFs: ``tax-invoices/`` beside its database."""
    return database.parent / TAX_INVOICES_DIR_NAME


def write_full_invoice(session: Session, invoice_id: str, folder: Path, copy: bool = False) -> Path:
    """Write full tax invoice ``invoice_id`` as an A4 PDF in ``folder`` (made if missing); return its path.

    The file is ``NUMBER.pdf``, or ``NUMBER-copy.pdf`` for a reprint marked สำเนา / COPY.

    Raises:
        NotFound, BadInput: as ``tax_invoices.tax_invoice_document``.
        OSError: the folder cannot be written.
    """
    document = tax_invoice_document(session, invoice_id, copy=copy)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (f"{document.number}-copy.pdf" if copy else f"{document.number}.pdf")
    path.write_bytes(full_tax_invoice_pdf(document))
    return path


def write_invoice_copy(session: Session, receipt_number: str, folder: Path) -> Path:
    """Write a copy (สำเนา / COPY) of the full tax invoice that replaced receipt ``receipt_number``; return its path.

    Raises:
        NotFound: no such receipt, or no full tax invoice for it.
        BadInput, OSError: as ``write_full_invoice``.
    """
    return write_full_invoice(session, invoice_for_receipt(session, receipt_number), folder, copy=True)


class FullInvoiceDialog(QDialog):
    """Ask for the receipt and the buyer, checked as typed.

    Signals:
        submitted(str, BuyerForm): the receipt's number and the buyer; the
            caller issues the invoice and calls ``accept`` or ``fail``.
        copy_requested(str): the receipt's number; the caller prints a copy
            of its invoice and calls ``accept`` or ``fail``.
    """

    submitted = Signal(str, object)
    copy_requested = Signal(str)

    def __init__(self, receipt_number: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fullInvoiceDialog")
        self.setModal(True)
        self.receipt = QLineEdit(receipt_number, self)
        self.receipt.setObjectName("invoiceReceipt")
        self.name = QLineEdit(self)
        self.name.setObjectName("invoiceBuyerName")
        self.tin = QLineEdit(self)
        self.tin.setObjectName("invoiceBuyerTin")
        self.address = QPlainTextEdit(self)
        self.address.setObjectName("invoiceBuyerAddress")
        self.address.setTabChangesFocus(True)  # Tab goes on to the branch; Enter starts a new line
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.branch = QLineEdit(self)
        self.branch.setObjectName("invoiceBuyerBranch")
        self.error = FieldError(self)
        self.ok_button = QPushButton(self)
        self.ok_button.setObjectName("primary")
        self.ok_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("invoiceCopy")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.ask_copy)
        form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(5)]
        for label, field in zip(self.labels, (self.receipt, self.name, self.tin, self.address, self.branch),
                                strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self._fields: dict[str, QWidget] = {"number": self.receipt, "buyer_name": self.name, "buyer_tin": self.tin,
                                            "buyer_address": self.address, "buyer_branch": self.branch}
        self._retranslate()
        (self.name if receipt_number else self.receipt).setFocus()

    def buyer(self) -> BuyerForm:
        """Return the buyer as typed."""
        return BuyerForm(self.name.text(), self.tin.text(), self.address.toPlainText(), self.branch.text())

    def _receipt_number(self) -> str | None:
        """Return the receipt's number as typed (read back from the Thai layout if need be), None when empty."""
        number = self.receipt.text().strip()
        if not number:
            self.receipt.setFocus()
            self.error.show_error(self.tr("Enter the receipt's number (on the receipt, under the date)"))
            return None
        return number if parse_document_number(number) is not None else keys_typed(number)

    def ask_copy(self) -> None:
        """Ask for a copy of the invoice that replaced the receipt typed (F8): the buyer's fields are not needed."""
        number = self._receipt_number()
        if number is None or not self.copy_button.isEnabled():
            return
        self.ok_button.setEnabled(False)
        self.copy_button.setEnabled(False)
        self.error.clear_error()
        self.copy_requested.emit(number)

    def confirm(self) -> None:
        """Check what was typed; emit ``submitted`` when the rules take it, else show why at the field."""
        number = self._receipt_number()
        if number is None:
            return
        try:
            check_buyer(self.buyer())
        except DeskError as error:
            self.fail(error)
            return
        self.ok_button.setEnabled(False)
        self.copy_button.setEnabled(False)
        self.error.clear_error()
        self.submitted.emit(number, self.buyer())

    def fail(self, error: BaseException | str) -> None:
        """Issuing (or the copy) was refused: say why, with the keyboard in the field at fault."""
        self.ok_button.setEnabled(True)
        self.copy_button.setEnabled(True)
        if isinstance(error, DeskError | str):
            self.error.show_error(error)
        else:
            traceback.print_exception(error)
            self.error.show_error(translate_error(error))
        field = self._fields.get(error.field or "") if isinstance(error, DeskError) else None
        if field is not None:
            field.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.ok_button.isEnabled():
                self.confirm()
            return
        if event.key() == Qt.Key.Key_F8:
            self.ask_copy()
            return
        super().keyPressEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Full tax invoice"))
        labels = (self.tr("Receipt number"), self.tr("Buyer's name"), self.tr("Tax id (13 digits)"),
                  self.tr("Address"), self.tr("Establishment"))
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.receipt.setPlaceholderText(self.tr("e.g. R00000-K7QM-000123"))
        self.name.setPlaceholderText(self.tr("a person or a company, as on their documents"))
        self.branch.setPlaceholderText(self.tr("สำนักงานใหญ่ or a branch number such as 00001; empty for a person"))
        self.ok_button.setText(self.tr("Issue and open the PDF"))
        self.copy_button.setText(self.tr("Print a copy (F8)"))
        self.copy_button.setToolTip(self.tr("A copy, marked สำเนา / COPY, of the invoice that replaced this receipt"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def ask_full_invoice(runner: DeskRunner, parent: QWidget, receipt_number: str, folder: Path,
                     issued: Callable[[InvoiceIssued, Path], None] | None = None,
                     initiator: QObject | None = None) -> FullInvoiceDialog:
    """Open the dialog over ``parent``; issue the invoice, write its PDF into ``folder`` and open it.

    ``issued(invoice, path)`` runs once the PDF is written, just before the
    dialog closes. "Print a copy" writes and opens a copy of the receipt's
    invoice instead. A refusal (or a PDF that cannot be written) keeps the
    dialog open with the message.
    """
    dialog = FullInvoiceDialog(receipt_number, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def written(done: InvoiceIssued, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        if issued is not None:
            issued(done, path)
        dialog.accept()

    def done(changes: ChangeSet) -> None:
        invoice: InvoiceIssued = changes.result
        runner.read(write_full_invoice, invoice.invoice_id, folder,
                    on_done=while_alive(dialog, lambda path: written(invoice, path)),
                    on_error=while_alive(dialog, dialog.fail))

    def copied(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        dialog.accept()

    dialog.copy_requested.connect(lambda number: runner.read(
        write_invoice_copy, number, folder, on_done=while_alive(dialog, copied),
        on_error=while_alive(dialog, dialog.fail)))
    dialog.submitted.connect(lambda number, buyer: runner.run(
        issue_full_invoice, number, buyer, initiator=initiator,
        on_done=while_alive(dialog, done), on_error=while_alive(dialog, dialog.fail)))
    dialog.open()
    return dialog


class FullInvoiceButton(QPushButton):
    """"Full tax invoice…" on the POS screen (Ctrl+Shift+I anywhere on it).

    Args:
        runner: the app's database worker.
        last_receipt: the number of this terminal's last receipt ("" when none yet).
        parent: the POS screen (the shortcut works anywhere on it).
    """

    def __init__(self, runner: DeskRunner, last_receipt: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("counterFullInvoice")
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.runner, self.last_receipt = runner, last_receipt
        self.folder = tax_invoices_folder(runner.terminal.path)
        self.dialog: FullInvoiceDialog | None = None
        self.last_path: Path | None = None
        self.clicked.connect(self.ask)
        shortcut = QShortcut(QKeySequence(SHORTCUT), parent)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.ask)
        self._retranslate()

    def ask(self) -> None:
        """Open the dialog for the last receipt (another can be typed)."""
        if self.dialog is not None:
            return
        self.dialog = ask_full_invoice(self.runner, self.window(), self.last_receipt(), self.folder,
                                       issued=self._issued, initiator=self)
        self.dialog.finished.connect(self._closed)

    def _issued(self, _invoice: InvoiceIssued, path: Path) -> None:
        self.last_path = path

    def _closed(self, _result: int) -> None:
        self.dialog = None

    def _retranslate(self) -> None:
        self.setText(self.tr("Full tax invoice…"))
        self.setToolTip(self.tr("Issue a full tax invoice in the buyer's name, replacing a receipt ({key})").format(
            key=SHORTCUT))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
