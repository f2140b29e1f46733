"""The bundled Thai font (Sarabun, SIL OFL 1.1) used for all text.

Thai must render the same on every counter PC, whatever fonts the machine
has: the app registers the three static Sarabun weights it ships in
``resources/fonts`` (licence in ``OFL.txt``) and makes Sarabun the
application font. Sarabun has Thai, Latin and digits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from .i18n import resources_dir

FAMILY = "Sarabun"
POINT_SIZE = 11.0
FONT_FILES = ("Sarabun-Regular.ttf", "Sarabun-SemiBold.ttf", "Sarabun-Bold.ttf")

_loaded: dict[Path, int] = {}


def font_dir() -> Path:
    """Return the folder of the bundled fonts."""
    return resources_dir() / "fonts"


def load_fonts(folder: Path | None = None) -> list[str]:
    """Register the bundled Sarabun weights (once per process).

    Return:
        The font families registered (``["Sarabun", ...]``); empty when the
        files are missing, in which case Qt falls back to a system font.
    """
    families: list[str] = []
    for name in FONT_FILES:
        path = (folder or font_dir()) / name
        font_id = _loaded.get(path)
        if font_id is None:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                print(f"bnaura: cannot load font {path}", file=sys.stderr)
                continue
            _loaded[path] = font_id
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    return families


def app_font(point_size: float = POINT_SIZE) -> QFont:
    """Return the application font: Sarabun at ``point_size``."""
    font = QFont(FAMILY)
    font.setPointSizeF(point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def install_app_font() -> bool:
    """Load the bundled fonts and make Sarabun the application font.

    Return:
        Whether Sarabun is available.
    """
    ok = FAMILY in load_fonts()
    QGuiApplication.setFont(app_font())
    return ok
