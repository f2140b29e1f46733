"""A sale's receipt after checkout: printed, written as a PDF, printed again; never holding up the next customer.

With a default printer set up on this terminal, checkout queued the
receipt with the sale and ``SaleReceipts.sold`` starts a print pass
(``receipt_printing``); the PDF is then the terminal's own copy. Without a
printer the PDF is the receipt, opened in the system viewer when the
counter is set to (``OPEN_RECEIPT_KEY``). Either way the PDF is written on
the database worker after the sale is committed, so a slow or failing
receipt never undoes the sale: the cashier is told, and can print again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from bnaura_desk.printing.config import PrinterOffline
from bnaura_desk.printing.worker import PrintPass
from bnaura_desk.services.counter import SaleDone

from ..customers.callbacks import while_alive
from ..runner import DeskRunner, translate_error
from .reads import write_receipt
from .receipt_printing import ReceiptPrinting

OPEN_RECEIPT_KEY = "counter/open_receipt_pdf"  # QSettings: open each receipt PDF in the system viewer


def receipts_folder(database: Path) -> Path:
    """Return where the terminal keeps its receipt PDFs: ``receipts/`` beside its database."""
    return database.parent / "receipts"


class SaleReceipts(QObject):
    """The receipts of the sales made on the POS screen.

    Args:
        runner: the app's database worker.
        settings: where "open each receipt" is kept.

    Signals:
        message(BaseException | str, bool): something to tell the cashier, and whether it is good news.
    """

    message = Signal(object, bool)

    def __init__(self, runner: DeskRunner, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.receipt_path: Path | None = None  # the last sale's receipt PDF, once written
        self.printing = ReceiptPrinting(runner, self)
        self.printing.passed.connect(self._printed)
        self.printing.failed.connect(self._print_failed)
        self._printer_message = False  # "printer offline" is shown: say so when it is back

    @property
    def open_pdf(self) -> bool:
        """Whether each receipt PDF is opened in the system viewer (the counter's setting)."""
        return bool(self.settings.value(OPEN_RECEIPT_KEY, False, type=bool))

    def sold(self, done: SaleDone) -> None:
        """Print ``done``'s receipt when there is a printer (checkout queued it), and write its PDF."""
        self.receipt_path = None
        if self.printing.printer is not None:
            self.printing.print_now()
        self.runner.read(write_receipt, done.sale_id, receipts_folder(self.runner.terminal.path),
                         on_done=while_alive(self, self._receipt_written),
                         on_error=while_alive(self, self._receipt_failed))

    def _receipt_written(self, path: Path) -> None:
        self.receipt_path = path
        # With a receipt printer the paper is the customer's receipt; the PDF is the terminal's own copy.
        if self.printing.printer is None and self.open_pdf:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_again(self, done: SaleDone) -> None:
        """Reprint ``done``'s receipt, marked สำเนา / COPY: on the printer, else as a PDF opened in the viewer."""
        if self.printing.printer is not None:
            self.printing.queue(done.sale_id, copy=True)
            return
        self.runner.read(write_receipt, done.sale_id, receipts_folder(self.runner.terminal.path), True,
                         on_done=while_alive(self, lambda path: QDesktopServices.openUrl(
                             QUrl.fromLocalFile(str(path)))),
                         on_error=while_alive(self, self._receipt_failed))

    def _printed(self, outcome: PrintPass) -> None:
        offline = next((error for _job, error in outcome.waiting if isinstance(error, PrinterOffline)), None)
        if offline is not None:
            self._printer_message = True
            self.message.emit(offline, False)
        elif outcome.printed and self._printer_message:
            self._printer_message = False
            self.message.emit(self.tr("The printer is back: the waiting receipts are printed"), True)
        elif outcome.failed:
            self.message.emit(self.tr("A receipt could not be printed: {why}").format(
                why=translate_error(outcome.failed[0][1])), False)

    def _print_failed(self, error: BaseException) -> None:
        # The sale stands; its receipt waits in the queue or is printed again by hand.
        self.message.emit(self.tr("The sale is saved, but its receipt was not printed: {why}").format(
            why=translate_error(error)), False)

    def _receipt_failed(self, error: BaseException) -> None:
        # The sale stands; the receipt can be printed again (bnaura receipt show --last).
        self.message.emit(self.tr("The sale is saved, but its receipt was not made: {why}").format(
            why=translate_error(error)), False)
