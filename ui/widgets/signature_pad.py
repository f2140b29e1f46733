"""A pad a customer signs on with the mouse, a finger or a pen; the ink is exported as a PNG.

The pad keeps the ink as strokes (each a list of points in widget
coordinates), painted as smooth paths with round caps. A pen (``QTabletEvent``)
and a finger (``QTouchEvent``) are taken first-hand and accepted, so Qt does
not also synthesise the mouse events it would otherwise send for them (a
stroke drawn twice). ``png()`` draws the strokes again on white, trimmed to
the ink with a margin, for the consent form (``services.consents``).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor(16, 24, 64)  # dark blue, as a ballpoint signs
INK_WIDTH = 3.0
EXPORT_MARGIN = 16  # pixels of white around the trimmed ink
GUIDE = QColor(200, 200, 200)


class SignaturePad(QWidget):
    """Captures a signature as strokes from mouse, touch and pen input.

    Signals:
        changed: a stroke was drawn or the pad was cleared.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.strokes: list[list[QPointF]] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 160)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def sizeHint(self) -> QSize:
        return QSize(560, 200)

    # --- the ink -------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        """Return whether nothing has been drawn since the pad was made or cleared."""
        return not any(self.strokes)

    def clear(self) -> None:
        """Wipe the ink."""
        self.strokes = []
        self._drawing = False
        self.update()
        self.changed.emit()

    def _begin(self, at: QPointF) -> None:
        self.strokes.append([QPointF(at)])
        self._drawing = True
        self.update()

    def _extend(self, at: QPointF) -> None:
        if not self._drawing:
            return
        stroke = self.strokes[-1]
        if stroke and stroke[-1] == at:
            return
        stroke.append(QPointF(at))
        self.update()

    def _end(self, at: QPointF | None = None) -> None:
        if not self._drawing:
            return
        if at is not None:
            self._extend(at)
        self._drawing = False
        self.changed.emit()

    # --- input ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        """A pen: down, moved, up (accepted, so no mouse events follow for it)."""
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            if event.pressure() > 0 or event.buttons() & Qt.MouseButton.LeftButton:
                self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        """A finger: the first touch point draws; the others (a palm, a second finger) are ignored."""
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel) and isinstance(event, QTouchEvent):
            points = event.points()
            if points:
                at = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(at)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(at)
                else:
                    self._end(at)
            elif kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
                self._end()
            event.accept()
            return True
        return super().event(event)

    # --- drawing -------------------------------------------------------------------------------

    def _paint_ink(self, painter: QPainter) -> None:
        pen = QPen(INK, INK_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self.strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])  # a dot (the point over an i)
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        # A guide line to sign on, as on paper; not part of the exported ink.
        painter.setPen(QPen(GUIDE, 1, Qt.PenStyle.DashLine))
        baseline = self.height() * 0.75
        painter.drawLine(QPointF(24, baseline), QPointF(self.width() - 24, baseline))
        painter.setPen(QPen(GUIDE, 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        self._paint_ink(painter)
        painter.end()

    def ink_bounds(self) -> QRectF:
        """Return the rectangle the ink covers (pen width included); empty when the pad is."""
        points = [p for stroke in self.strokes for p in stroke]
        if not points:
            return QRectF()
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        half = INK_WIDTH / 2
        return QRectF(min(xs) - half, min(ys) - half, max(xs) - min(xs) + INK_WIDTH, max(ys) - min(ys) + INK_WIDTH)

    def png(self, margin: int = EXPORT_MARGIN) -> bytes:
        """Return the ink as a PNG on white, trimmed to it with ``margin`` pixels around; ``b""`` when empty."""
        if self.is_empty():
            return b""
        bounds = self.ink_bounds().adjusted(-margin, -margin, margin, margin).toAlignedRect()
        image = QImage(bounds.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-bounds.topLeft().toPointF())
        self._paint_ink(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6 takes the format as str at run time; its stubs say bytes.
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())
