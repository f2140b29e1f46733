"""A small chart of one measure over time, drawn with QPainter (the installed PySide6 has no QtCharts)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from bnaura_desk.domain.scans import SCALE_HIGH, SCALE_LOW


class Sparkline(QWidget):
    """A line through a measure's values (oldest left), a dot per scan, the latest larger.

    The scale spans the values with some room around them, but never less
    than ``MIN_SPAN`` points of the 0–100 scale: a change of a few points
    shows as a slope without a change of one point looking like a cliff.
    """

    MIN_SPAN = 20

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

    def scale(self) -> tuple[float, float]:
        """Return the low and high ends of the chart's scale for the values shown."""
        if not self._values:
            return float(SCALE_LOW), float(SCALE_HIGH)
        low, high = min(self._values), max(self._values)
        room = max(self.MIN_SPAN - (high - low), 0) / 2 + 2
        bottom = max(SCALE_LOW, low - room)
        top = min(SCALE_HIGH, high + room)
        # Against an end of the scale the room goes to the other side.
        span = max(self.MIN_SPAN, high - low + 4)
        if top - bottom < span:
            bottom, top = (SCALE_LOW, SCALE_LOW + span) if bottom == SCALE_LOW else (SCALE_HIGH - span, SCALE_HIGH)
        return float(bottom), float(top)

    def _point(self, area: QRectF, index: int, value: int, scale: tuple[float, float]) -> QPointF:
        count = len(self._values)
        x = area.center().x() if count == 1 else area.left() + area.width() * index / (count - 1)
        bottom, top = scale
        y = area.bottom() - area.height() * (value - bottom) / (top - bottom)
        return QPointF(x, y)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(8, 5, -8, -5)  # room for the dots at the ends
        painter.setPen(QPen(self.GRID, 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(area.left(), area.center().y()), QPointF(area.right(), area.center().y()))
        if not self._values:
            return
        scale = self.scale()
        points = [self._point(area, i, v, scale) for i, v in enumerate(self._values)]
        painter.setPen(QPen(self.LINE, 2))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(self.LINE)
        for point in points[:-1]:
            painter.drawEllipse(point, 2, 2)
        painter.drawEllipse(points[-1], 3.5, 3.5)
