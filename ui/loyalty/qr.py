"""A QR code as a Qt image, drawn from segno's module matrix (pure Python, no Pillow)."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath

QUIET_ZONE = 4  # modules of white around the symbol, as ISO/IEC 18004 asks for scanners


def qr_matrix(text: str) -> list[list[bool]]:
    """Return the dark (True) and light modules of ``text``'s QR code, without the quiet zone.

    Error correction M at least (segno raises it when the symbol has room):
    a member card in a wallet gets scratched.
    """
    symbol = segno.make_qr(text, error="m", boost_error=True)
    return [[bool(module) for module in row] for row in symbol.matrix]


def qr_image(text: str, module_px: int = 4) -> QImage:
    """Return ``text``'s QR code as a black-on-white image, ``module_px`` pixels per module, quiet zone included."""
    matrix = qr_matrix(text)
    size = (len(matrix) + 2 * QUIET_ZONE) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    try:
        paint_qr(painter, QRectF(0, 0, size, size), matrix)
    finally:
        painter.end()
    return image


def paint_qr(painter: QPainter, area: QRectF, matrix: list[list[bool]]) -> None:
    """Paint ``matrix`` (quiet zone added) into the square at the top left of ``area``, on white.

    Vector modules: on a PDF the code stays sharp whatever the printer's
    resolution. Each row's runs of dark modules are rectangles of one path
    filled once, so an antialiased view shows no seams between modules.
    """
    count = len(matrix) + 2 * QUIET_ZONE
    side = min(area.width(), area.height())
    module = side / count
    painter.fillRect(QRectF(area.x(), area.y(), side, side), QColor(Qt.GlobalColor.white))
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            run = x
            while run < len(row) and row[run]:
                run += 1
            # Rows overlap by a hair: no seam between them either.
            path.addRect(QRectF(area.x() + (x + QUIET_ZONE) * module, area.y() + (y + QUIET_ZONE) * module,
                                (run - x) * module, module * 1.001))
            x = run
    painter.fillPath(path, QColor(Qt.GlobalColor.black))
