"""PIN entry: a masked digits-only field and an on-screen pad for touch screens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

PIN_MAX = 6


class PinField(QLineEdit):
    """A masked field that accepts 0-6 digits; Enter emits ``submitted``."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinField")
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setMaxLength(PIN_MAX)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        self.returnPressed.connect(self.submitted)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr("PIN"))
        self.setAccessibleName(self.tr("PIN"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class PinPad(QWidget):
    """Digit keys, Delete and Enter for a ``PinField`` (for touch screens).

    The keys never take focus, so the field keeps the keyboard too.
    """

    def __init__(self, field: PinField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for i, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit, lambda _=False, d=digit: self._type(d)), i // 3, i % 3)
        self._delete = self._key("", self._backspace)
        self._enter = self._key("", field.submitted.emit)
        self._enter.setProperty("primary", True)
        grid.addWidget(self._delete, 3, 0)
        grid.addWidget(self._key("0", lambda: self._type("0")), 3, 1)
        grid.addWidget(self._enter, 3, 2)
        self._retranslate()

    def _key(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName("pinKey")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _type(self, digit: str) -> None:
        if len(self._field.text()) < PIN_MAX:
            self._field.insert(digit)

    def _backspace(self) -> None:
        self._field.backspace()

    def _retranslate(self) -> None:
        self._delete.setText(self.tr("Delete"))
        self._enter.setText(self.tr("Enter"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
