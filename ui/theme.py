"""The app's look: the Fusion style (same on every OS) and one style sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from .i18n import resources_dir


def style_sheet() -> str:
    """Return the app's style sheet (``resources/styles/desk.qss``), or "" if missing."""
    path = resources_dir() / "styles" / "desk.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def apply_theme(app: QApplication) -> None:
    """Give ``app`` the Fusion style and the desk style sheet."""
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet())
