"""The message under a field: red, hidden when empty, re-rendered on language change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from bnaura_desk.domain.errors import DeskError


class FieldError(QLabel):
    """Shows one error message (a ``DeskError`` or plain text) under a field.

    A ``DeskError`` is kept, not its text, so a language switch re-renders
    it in the new language.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self._error: DeskError | None = None
        self.hide()

    def show_error(self, error: DeskError | str) -> None:
        """Show ``error`` (a DeskError, rendered in the UI language, or text)."""
        self._error = error if isinstance(error, DeskError) else None
        text = error.render(QCoreApplication.translate) if isinstance(error, DeskError) else error
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        """Hide the message."""
        self._error = None
        self.clear()
        self.hide()

    @property
    def error(self) -> DeskError | None:
        return self._error

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._error is not None:
            self.setText(self._error.render(QCoreApplication.translate))
        super().changeEvent(event)
