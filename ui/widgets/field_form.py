"""What every edit dialog shares: captions, an error line under each field, Save/Cancel.

A use case refuses bad input with ``BadInput(field=...)``; the dialog puts
the translated message under that field (or under the whole form when the
field is not on it), focuses the field, and keeps everything typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.errors import BadInput

from .field_error import FieldError


class FieldFormDialog(QDialog):
    """Base of the register/edit dialogs.

    Subclasses fill ``_focus`` (field name → the widget to focus), build
    their layout with ``_caption(key)`` and ``_with_error(key, widget)``,
    add ``general_error`` and ``buttons`` (from ``_save_cancel``) to it, and
    implement ``save``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, FieldError] = {}
        self._captions: dict[str, QLabel] = {}
        self._focus: dict[str, QWidget] = {}
        self.general_error = FieldError(self)

    def save(self) -> None:
        raise NotImplementedError

    # -- layout helpers

    def _caption(self, key: str) -> QLabel:
        """Return a new caption label for field ``key`` (text set on retranslate)."""
        label = QLabel(self)
        self._captions[key] = label
        return label

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        """Return ``widget`` with the error line of field ``key`` under it."""
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = FieldError(box)
        layout.addWidget(label)
        self._errors[key] = label
        return box

    def _save_cancel(self) -> QDialogButtonBox:
        """Make ``buttons``, ``save_button`` (the primary one) and ``cancel_button``."""
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert isinstance(save, QPushButton) and isinstance(cancel, QPushButton)
        self.save_button, self.cancel_button = save, cancel
        save.setObjectName("primary")
        # The button box polished its buttons already: re-polish for the #primary style.
        save.style().unpolish(save)
        save.style().polish(save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    # -- errors

    def clear_errors(self) -> None:
        """Hide every error line."""
        for label in (*self._errors.values(), self.general_error):
            label.clear_error()

    def _show_field_error(self, error: BadInput) -> None:
        """Show ``error`` under its field (or the form) and focus that field."""
        label = self._errors.get(error.field or "", self.general_error)
        label.show_error(error)  # kept as the error: re-rendered if the language changes
        widget = self._focus.get(error.field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def error_text(self, field: str) -> str:
        """Return the message shown under ``field`` ("" when none)."""
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
