"""The app's look: the Fusion style (same on every OS), its palette and one style sheet.

Text colours live in the palette, not in the style sheet: a style sheet
``color`` applies in every state, so a disabled menu item or check box was
drawn exactly like an enabled one (a beautician clicked "Connect to clinic
server…" and nothing happened). The palette keeps a separate, muted colour
for disabled widgets, which every Qt widget honours.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from .i18n import resources_dir

INK = "#1f2a37"  # text
MUTED = "#9aa3ad"  # text of what cannot be used now

_TEXT_ROLES = (
    QPalette.ColorRole.WindowText,
    QPalette.ColorRole.Text,
    QPalette.ColorRole.ButtonText,
)


def style_sheet() -> str:
    """Return the app's style sheet (``resources/styles/desk.qss``), or "" if missing."""
    path = resources_dir() / "styles" / "desk.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def desk_palette(base: QPalette) -> QPalette:
    """Return ``base`` with the desk's ink for text, and muted text when disabled."""
    palette = QPalette(base)
    for role in _TEXT_ROLES:
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(INK))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(MUTED))
    return palette


def apply_theme(app: QApplication) -> None:
    """Give ``app`` the Fusion style, the desk palette and the desk style sheet."""
    app.setStyle("Fusion")
    app.setPalette(desk_palette(app.style().standardPalette()))
    app.setStyleSheet(style_sheet())
