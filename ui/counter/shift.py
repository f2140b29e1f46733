"""Opening and closing the cash drawer's shift: the float, and the cash counted by denomination.

The close dialog lists every Thai note and coin with a count field; the
total counted, the cash the drawer should hold (float plus cash taken, less
change and cash given back, plus cash put in less cash taken out by hand)
and the difference update as the counts are typed. The service
records them; what the dialogs add is only the arithmetic people see.
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.errors import DeskError
from bnaura_desk.domain.money import format_baht, parse_baht
from bnaura_desk.domain.payments import THAI_DENOMINATIONS

from ..runner import translate_error
from ..widgets import FieldError, format_datetime
from .reads import ShiftState

DENOMINATIONS = tuple(sorted(THAI_DENOMINATIONS, reverse=True))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_SHORT = "#b42318"
_OVER = "#8a6500"
_EVEN = "#1b6e3a"


def denomination_text(satang: int) -> str:
    """Return a note or coin as people name it: ``฿1,000``, ``฿0.50``."""
    text = format_baht(satang)
    return text.removesuffix(".00")


class _ShiftDialog(QDialog):
    """What both dialogs share: a primary button, Cancel, the error line, Enter confirms."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self._busy = False
        self.error = FieldError(self)
        self.ok_button = QPushButton(self)
        self.ok_button.setObjectName("primary")
        self.ok_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button)
        return row

    @property
    def busy(self) -> bool:
        return self._busy

    def confirm(self) -> None:
        raise NotImplementedError

    def _send(self, value: object) -> None:
        self._busy = True
        self.ok_button.setEnabled(False)
        self.error.clear_error()
        self.submitted.emit(value)

    def fail(self, error: BaseException | str) -> None:
        """The service refused: say why; nothing was written."""
        self._busy = False
        self.ok_button.setEnabled(True)
        if isinstance(error, DeskError | str):
            self.error.show_error(error)
        else:  # a fault, not the cashier's input: its traceback goes to the log
            traceback.print_exception(error)
            self.error.show_error(translate_error(error))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self._busy:
                self.confirm()
            return
        super().keyPressEvent(event)

    def _retranslate(self) -> None:
        """Each dialog sets its own texts (``self.tr`` takes the context of the class it is written in)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class OpenShiftDialog(_ShiftDialog):
    """Open a shift: the float put in the drawer. ``submitted(int)``: the float in satang."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openShiftDialog")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.float_caption = QLabel(self)
        self.float_box = QLineEdit(self)
        self.float_box.setObjectName("shiftFloat")
        form = QFormLayout()
        form.addRow(self.float_caption, self.float_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        self.setMinimumWidth(420)
        self._retranslate()
        self.float_box.setFocus()

    def confirm(self) -> None:
        try:
            float_satang = parse_baht(self.float_box.text() or "0", field="float_satang")
        except DeskError as error:
            self.error.show_error(error)
            return
        self._send(float_satang)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open shift"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.heading.setText(self.tr("Count the cash you put in the drawer to start with (the float)."))
        self.float_caption.setText(self.tr("Float (฿)"))
        self.float_box.setPlaceholderText("0.00")
        self.ok_button.setText(self.tr("Open shift"))


class CloseShiftDialog(_ShiftDialog):
    """Close the shift: count the drawer by note and coin. ``submitted(dict[int, int])``: pieces by value."""

    def __init__(self, shift: ShiftState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeShiftDialog")
        self.shift = shift
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.counts: dict[int, QSpinBox] = {}
        self._amounts: dict[int, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        half = (len(DENOMINATIONS) + 1) // 2
        for i, value in enumerate(DENOMINATIONS):
            row, col = i % half, (i // half) * 3
            label = QLabel(denomination_text(value), self)
            label.setAlignment(_RIGHT)
            count = QSpinBox(self)
            count.setObjectName(f"count_{value}")
            count.setRange(0, 99_999)
            count.setAlignment(_RIGHT)
            count.valueChanged.connect(lambda _v: self._show_totals())
            amount = QLabel(self)
            amount.setAlignment(_RIGHT)
            amount.setMinimumWidth(self.fontMetrics().horizontalAdvance("฿100,000.00"))
            grid.addWidget(label, row, col)
            grid.addWidget(count, row, col + 1)
            grid.addWidget(amount, row, col + 2)
            self.counts[value] = count
            self._amounts[value] = amount
        self.counted_caption = QLabel(self)
        self.counted_label = QLabel(self)
        self.counted_label.setObjectName("shiftCounted")
        self.expected_caption = QLabel(self)
        self.expected_label = QLabel(self)
        self.expected_label.setObjectName("shiftExpected")
        self.difference_caption = QLabel(self)
        self.difference_label = QLabel(self)
        self.difference_label.setObjectName("shiftDifference")
        big = QFont(self.difference_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        for label in (self.counted_label, self.expected_label, self.difference_label):
            label.setFont(big)
            label.setAlignment(_RIGHT)
        figures = QFormLayout()
        figures.addRow(self.expected_caption, self.expected_label)
        figures.addRow(self.counted_caption, self.counted_label)
        figures.addRow(self.difference_caption, self.difference_label)
        self.note_caption = QLabel(self)
        self.note = QLineEdit(self)
        self.note.setObjectName("shiftNote")
        self.note.setMaxLength(1000)
        note_row = QFormLayout()
        note_row.addRow(self.note_caption, self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addLayout(figures)
        layout.addLayout(note_row)
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        self.setMinimumWidth(640)
        self._retranslate()
        self.counts[DENOMINATIONS[0]].setFocus()

    def counted(self) -> dict[int, int]:
        """Return the pieces counted by value in satang (those with a count)."""
        return {value: box.value() for value, box in self.counts.items() if box.value()}

    @property
    def counted_satang(self) -> int:
        return sum(value * pieces for value, pieces in self.counted().items())

    @property
    def difference_satang(self) -> int:
        return self.counted_satang - self.shift.expected_satang

    def _show_totals(self) -> None:
        for value, box in self.counts.items():
            self._amounts[value].setText(format_baht(value * box.value()) if box.value() else "")
        self.counted_label.setText(format_baht(self.counted_satang))
        self.expected_label.setText(format_baht(self.shift.expected_satang))
        difference = self.difference_satang
        if difference == 0:
            text, colour = self.tr("{amount} (even)"), _EVEN
        elif difference < 0:
            text, colour = self.tr("{amount} short"), _SHORT
        else:
            text, colour = self.tr("{amount} over"), _OVER
        self.difference_label.setText(text.format(amount=format_baht(difference)))
        self.difference_label.setStyleSheet(f"color: {colour};")

    def confirm(self) -> None:
        self._send(self.counted())

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Close shift"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.heading.setText(self.tr(
            "Shift opened {when} with a float of {float}. Count the drawer: how many of each note and coin.").format(
            when=format_datetime(self.shift.opened_at), float=format_baht(self.shift.float_satang)))
        self.counted_caption.setText(self.tr("Counted"))
        self.expected_caption.setText(self.tr("Expected (float + cash taken ± cash in/out)"))
        self.difference_caption.setText(self.tr("Difference"))
        self.note_caption.setText(self.tr("Note"))
        self.ok_button.setText(self.tr("Close shift"))
        self._show_totals()
