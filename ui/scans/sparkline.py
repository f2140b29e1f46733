"""A small chart of one measure over time, drawn with QPainter (the installed PySide6 has no QtCharts)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from bnaura_desk.domain.scans import SCALE_HIGH, SCALE_LOW


class Sparkline(QWidget):
    """A line through a measure's values (oldest left), on the fixed 0–100 scale, the latest as a dot.

    The scale is fixed rather than fitted to the values, so two charts side
    by side read alike and a small change looks small.
    """

    LINE = QColor("#4b6cb7")
    GRID = QColor("#d9dde5")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: tuple[int, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def values(self) -> tuple[int, ...]:
        return self._values

    def set_values(self, values: Sequence[int]) -> None:
        """Show ``values`` (oldest first)."""
        self._values = tuple(values)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(120, max(28, self.fontMetrics().height() * 2))

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def _point(self, area: QRectF, index: int, value: int) -> QPointF:
        count = len(self._values)
        x = area.center().x() if count == 1 else area.left() + area.width() * index / (count - 1)
        y = area.bottom() - area.height() * (value - SCALE_LOW) / (SCALE_HIGH - SCALE_LOW)
        return QPointF(x, y)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        painter.setPen(QPen(self.GRID, 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(area.left(), area.center().y()), QPointF(area.right(), area.center().y()))
        if not self._values:
            return
        points = [self._point(area, i, v) for i, v in enumerate(self._values)]
        painter.setPen(QPen(self.LINE, 2))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(self.LINE)
        painter.drawEllipse(points[-1], 3, 3)
