"""The shift at the top of the POS page: whether one is open, the cash expected, opening or closing it, cash in
and out, X and Z reports.

The X report (the open shift so far) and the Z report (today) are written
as PDFs into ``reports/`` beside the database, on the database worker, and
opened in the system's PDF viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from bnaura_desk.documents.sales_report import ReportKind
from bnaura_desk.domain.cash_movements import CashDirection
from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.money import format_baht
from bnaura_desk.services import shifts
from bnaura_desk.services.cash_movements import CashMoved
from bnaura_desk.services.shifts import ShiftClosed

from ..customers.callbacks import while_alive
from ..runner import DeskRunner, translate_error
from ..widgets import format_time
from .cash_movement import CashMovementDialog, ask_cash_movement
from .reads import ShiftState, shift_state, write_sales_report
from .shift import CloseShiftDialog, OpenShiftDialog

_BAD = "color: #b42318; font-weight: 600;"
REPORTS_DIR_NAME = "reports"


def reports_folder(database: Path) -> Path:
    """Return where the terminal keeps its X and Z report PDFs: ``reports/`` beside its database."""
    return database.parent / REPORTS_DIR_NAME


class ShiftBar(QWidget):
    """The shift's line and its buttons.

    Args:
        cart_empty: whether the sale being made is empty (a shift closes only then).

    Signals:
        message(str, bool): something to tell the cashier, and whether it is good news.
        report_written(Path): an X or Z report's PDF was written (and handed to the PDF viewer).
    """

    message = Signal(str, bool)
    report_written = Signal(object)

    def __init__(self, runner: DeskRunner, cart_empty: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._cart_empty = cart_empty
        self.shift: ShiftState | None = None
        self.dialog: OpenShiftDialog | CloseShiftDialog | None = None
        self.cash_dialog: CashMovementDialog | None = None
        self.label = QLabel(self)
        self.label.setObjectName("counterShift")
        self.open_button = QPushButton(self)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_shift)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close_shift)
        self.cash_button = QPushButton(self)
        self.cash_button.setObjectName("cashMovement")
        self.cash_button.setAutoDefault(False)
        self.cash_button.clicked.connect(self.move_cash)
        self.x_button = QPushButton(self)
        self.x_button.setObjectName("xReport")
        self.x_button.setAutoDefault(False)
        self.x_button.clicked.connect(lambda: self.write_report(ReportKind.X))
        self.z_button = QPushButton(self)
        self.z_button.setObjectName("zReport")
        self.z_button.setAutoDefault(False)
        self.z_button.clicked.connect(lambda: self.write_report(ReportKind.Z))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.open_button)
        layout.addWidget(self.cash_button)
        layout.addWidget(self.close_button)
        layout.addWidget(self.x_button)
        layout.addWidget(self.z_button)
        self.retranslate()

    def show_shift(self, shift: ShiftState | None) -> None:
        """Show this terminal's open shift (None: none is open)."""
        self.shift = shift
        if shift is None:
            self.label.setText(self.tr("No shift open: open one to sell"))
            self.label.setStyleSheet(_BAD)
        else:
            self.label.setText(self.tr("Shift open since {time} · float {float} · cash expected {cash}").format(
                time=format_time(shift.opened_at), float=format_baht(shift.float_satang),
                cash=format_baht(shift.expected_satang)))
            self.label.setStyleSheet("")
        self.open_button.setVisible(shift is None)
        self.close_button.setVisible(shift is not None)
        self.cash_button.setVisible(shift is not None)
        self.x_button.setVisible(shift is not None)  # an X report is of the open shift

    def open_shift(self) -> None:
        """Ask for the float and open a shift on this terminal (the bus then brings it)."""
        dialog = OpenShiftDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda float_satang: self.runner.run(
            shifts.open_shift, float_satang, initiator=self,
            on_done=while_alive(dialog, lambda _c: dialog.accept()), on_error=while_alive(dialog, dialog.fail)))
        self._show_dialog(dialog)

    def close_shift(self) -> None:
        """Count the drawer and close the shift (refused while a sale is being made)."""
        if not self._cart_empty():
            self.message.emit(self.tr("Finish or clear the sale before closing the shift"), False)
            return
        self.runner.read(shift_state, on_done=while_alive(self, self._close_with),
                         on_error=while_alive(self, lambda error: self.runner.show_error(error, self)))

    def _close_with(self, shift: ShiftState | None) -> None:
        self.show_shift(shift)  # the cash expected as it is now
        if shift is None:
            self.message.emit(self.tr("No shift is open on this terminal"), False)
            return
        dialog = CloseShiftDialog(shift, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda counted: self.runner.run(
            shifts.close_shift, counted, dialog.note.text(), initiator=self,
            on_done=while_alive(self, lambda changes: self._closed(dialog, changes)),
            on_error=while_alive(dialog, dialog.fail)))
        self._show_dialog(dialog)

    def _closed(self, dialog: CloseShiftDialog, changes: ChangeSet) -> None:
        closed: ShiftClosed = changes.result
        if dialog.isVisible():
            dialog.accept()
        self.message.emit(self.tr("Shift closed: counted {counted}, expected {expected}, difference {difference}").format(
            counted=format_baht(closed.counted_satang), expected=format_baht(closed.expected_satang),
            difference=format_baht(closed.difference_satang)), closed.difference_satang == 0)

    def move_cash(self) -> None:
        """Put cash into the drawer or take it out, with the reason (the cash expected read first)."""
        if self.cash_dialog is not None:
            self.cash_dialog.raise_()
            return
        self.runner.read(shift_state, on_done=while_alive(self, self._move_cash_with),
                         on_error=while_alive(self, lambda error: self.runner.show_error(error, self)))

    def _move_cash_with(self, shift: ShiftState | None) -> None:
        self.show_shift(shift)
        if shift is None:
            self.message.emit(self.tr("No shift is open on this terminal"), False)
            return
        dialog = ask_cash_movement(self.runner, shift, self, while_alive(self, self._cash_moved), initiator=self)
        self.cash_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "cash_dialog", None))

    def _cash_moved(self, changes: ChangeSet) -> None:
        moved: CashMoved = changes.result
        text = self.tr("Cash in {amount}: {reason}") if moved.direction is CashDirection.IN \
            else self.tr("Cash out {amount}: {reason}")
        self.message.emit(text.format(amount=format_baht(moved.amount_satang), reason=moved.reason), True)

    def write_report(self, kind: ReportKind) -> None:
        """Write the X report of the open shift or today's Z report as a PDF, then open it in the PDF viewer."""
        folder = reports_folder(self.runner.terminal.path)
        self.runner.read(write_sales_report, kind, folder, self.runner.terminal.clock(),
                         on_done=while_alive(self, self._report_written),
                         on_error=while_alive(self, lambda error: self.message.emit(translate_error(error), False)))

    def _report_written(self, path: Path) -> None:
        self.message.emit(self.tr("Report saved: {file}").format(file=str(path)), True)
        self.report_written.emit(path)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _show_dialog(self, dialog: OpenShiftDialog | CloseShiftDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open shift…"))
        self.close_button.setText(self.tr("Close shift…"))
        self.cash_button.setText(self.tr("Cash in/out…"))
        self.cash_button.setToolTip(self.tr("Put cash into the drawer or take it out, with the reason (Ctrl+Shift+C)"))
        self.x_button.setText(self.tr("X report"))
        self.x_button.setToolTip(self.tr(
            "The sales of this shift so far and the treatments performed at the branch, as a PDF"))
        self.z_button.setText(self.tr("Z report"))
        self.z_button.setToolTip(self.tr(
            "Today's sales on this terminal and the treatments performed at the branch, as a PDF"))
        self.show_shift(self.shift)
