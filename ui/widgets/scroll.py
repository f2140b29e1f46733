"""A vertical scroll area that is never narrower than what it holds can be."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class VerticalScrollArea(QScrollArea):
    """Scrolls its widget up and down only; its minimum width is the widget's.

    Word-wrapped labels get the height they need for the width they have
    (a splitter or a small window may give a panel less height than its
    wrapped lines need, and a label squeezed below that is cut in half), and
    what does not wrap (captions, phone numbers, codes) keeps the panel wide
    enough for it: the minimum follows the widget's own minimum whenever its
    contents change, e.g. on a language switch.
    """

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)
        # Drawn on whatever is behind it, like a plain panel: setWidget
        # turned the widget's own background on, and the viewport paints the
        # palette's window colour, not the style sheet's canvas.
        widget.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)

    def minimumSizeHint(self) -> QSize:
        base = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return base
        bar = self.verticalScrollBar().sizeHint().width()
        width = max(inner.minimumSizeHint().width(), inner.minimumWidth())  # a set minimum counts too
        return QSize(width + bar + 2 * self.frameWidth(), base.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the widget's minimum may have changed: ask the parent layout again
        return super().eventFilter(watched, event)
