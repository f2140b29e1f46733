"""The photo viewer: a treatment's before/after photos or a skin scan's images, full size, one by one or side by side.

Opened by double-clicking (or Enter on) a thumbnail of the task queue's
detail panel or of the Skin scans page (``open_photo_viewer``) with the
photos that screen already holds. The photo fits the window and follows
its size; zoom with Ctrl+wheel, +/- (or the buttons) and back to the fit
with 0; drag to move about a zoomed photo; the arrow keys go to the
previous and next photo. A task with before and after photos has "Before |
After": the two side by side, zoomed and moved together, the arrows going
through the pairs (the first before with the first after, and so on: the
same angles, as they are taken in order). The title says the photo's kind
and when it was taken.

A photo not on this PC yet says so while it is fetched from the clinic
server (``PhotoLoader``, the screens' own fetch) and shows when it arrives;
a failure says why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPixmap, QResizeEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QScrollBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bnaura_desk.domain.treatment_photos import PHOTO_KIND_LABELS, PhotoKind
from bnaura_desk.images.store import ImageStore

from ..images import fetch_for
from ..runner import DeskRunner
from ..widgets.dates import format_datetime
from .loader import PhotoLoader

ZOOM_STEP = 1.25
ZOOM_LOWEST, ZOOM_HIGHEST = 0.25, 16.0  # times the fit


@dataclass(frozen=True)
class ViewerPhoto:
    """One photo the viewer goes through: its image name, when it was taken, and its kind.

    ``kind`` is a treatment photo's before or after; ``None`` for a skin scan's image.
    """

    sha256: str
    taken_at: datetime
    kind: PhotoKind | None = None


def kind_label(photo: ViewerPhoto) -> str:
    """Return the photo's kind in the user's language ("Before", "After", "Skin scan image")."""
    if photo.kind is None:
        return QCoreApplication.translate("PhotoViewer", "Skin scan image")
    return QCoreApplication.translate("tasks", PHOTO_KIND_LABELS[photo.kind])


def photo_caption(photo: ViewerPhoto) -> str:
    """Return "Before · 2 Jun 2026 09:15": the kind and when it was taken."""
    return QCoreApplication.translate("PhotoViewer", "{kind} · {taken}").format(
        kind=kind_label(photo), taken=format_datetime(photo.taken_at))


class ZoomView(QGraphicsView):
    """A photo's view: Ctrl+wheel asks for a zoom, a resize asks for the scale again, a drag moves the photo."""

    zoomRequested = Signal(int)  # steps: + in, - out
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        # No scroll bars: the viewport keeps its size, so a fitted photo never brings them; drag to move.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor("#2b2d31"))  # dark, as photo viewers are: the photo stands out
        self.setFrameShape(QGraphicsView.Shape.NoFrame)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = 1 if event.angleDelta().y() > 0 else -1 if event.angleDelta().y() < 0 else 0
            if steps:
                # Zoomed about the point under the mouse, as image viewers do.
                self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
                self.zoomRequested.emit(steps)
                self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class PhotoPane(QWidget):
    """One photo: its caption above, the photo (or why it is not shown) below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo: ViewerPhoto | None = None
        self.zoom = 1.0  # times the fit
        self.caption = QLabel(self)
        self.caption.setObjectName("photoCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.view = ZoomView(self)
        self.message = QLabel(self)
        self.message.setObjectName("photoMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)
        self.view.resized.connect(self.apply_zoom)

    def pixmap(self) -> QPixmap | None:
        """Return the photo shown, at its decoded size (None: none shown, a message instead)."""
        if self.stack.currentWidget() is not self.view:
            return None
        return self.view.item.pixmap()

    def show_pixmap(self, photo: ViewerPhoto, pixmap: QPixmap) -> None:
        self.photo = photo
        self.caption.setText(photo_caption(photo))
        self.view.item.setPixmap(pixmap)
        self.view.scene().setSceneRect(self.view.item.boundingRect())
        self.stack.setCurrentWidget(self.view)
        self.apply_zoom()
        self.view.centerOn(self.view.item)

    def show_message(self, photo: ViewerPhoto, text: str) -> None:
        self.photo = photo
        self.caption.setText(photo_caption(photo))
        self.view.item.setPixmap(QPixmap())
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def fit_scale(self) -> float:
        """Return the scale at which the whole photo fits the view (1.0 with no photo)."""
        size = self.view.item.pixmap().size()
        room = self.view.viewport().size()
        if size.isEmpty() or room.isEmpty():
            return 1.0
        return min(room.width() / size.width(), room.height() / size.height())

    def scale(self) -> float:
        """Return the scale the photo is shown at (1.0: one screen pixel a pixel)."""
        return self.view.transform().m11()

    def apply_zoom(self) -> None:
        """Show the photo at ``zoom`` times the fit (after a resize too: the fit follows the window)."""
        s = self.fit_scale() * self.zoom
        self.view.setTransform(QTransform.fromScale(s, s))


class PhotoViewer(QDialog):
    """The full-size viewer of the photos of one task or one scan (see the module).

    Args:
        runner: the screen's runner (its terminal's images, its fetch).
        photos: the photos, in the screen's order.
        start: the index of the photo to show first.
        subject: who the photos are of (the customer's name), or "".
    """

    def __init__(self, runner: DeskRunner, photos: Sequence[ViewerPhoto], start: int = 0, subject: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.photos = tuple(photos)
        self.subject = subject
        self.index = min(max(start, 0), max(len(self.photos) - 1, 0))
        self.comparing = False
        self.pair = 0  # the before/after pair shown while comparing
        self.loader = PhotoLoader(fetch_for(runner), ImageStore.beside(runner.terminal.path), self)
        self.loader.ready.connect(self._arrived)
        self.loader.failed.connect(lambda sha256, _message: self._arrived(sha256))
        self.befores = [p for p in self.photos if p.kind is PhotoKind.BEFORE]
        self.afters = [p for p in self.photos if p.kind is PhotoKind.AFTER]

        self.panes = (PhotoPane(self), PhotoPane(self))
        self.panes[0].setObjectName("photoLeft")
        self.panes[1].setObjectName("photoRight")
        self.panes[1].hide()
        self._syncing = False
        for pane in self.panes:
            pane.view.zoomRequested.connect(self._zoom_by)
            for scroll in (pane.view.horizontalScrollBar(), pane.view.verticalScrollBar()):
                scroll.valueChanged.connect(lambda _v, scroll=scroll: self._follow(scroll))

        self.previous_action = self._action("photoPrevious", self.show_previous,
                                            Qt.Key.Key_Left, Qt.Key.Key_PageUp)
        self.next_action = self._action("photoNext", self.show_next, Qt.Key.Key_Right, Qt.Key.Key_PageDown)
        self.zoom_out_action = self._action("photoZoomOut", self.zoom_out, Qt.Key.Key_Minus,
                                            QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_action = self._action("photoZoomIn", self.zoom_in, Qt.Key.Key_Plus, Qt.Key.Key_Equal,
                                           QKeySequence.StandardKey.ZoomIn)
        self.fit_action = self._action("photoFit", self.fit, Qt.Key.Key_0, Qt.Key.Key_F)
        self.compare_action = self._action("photoCompare", self.toggle_compare, Qt.Key.Key_B)
        self.compare_action.setCheckable(True)
        self.compare_action.setVisible(bool(self.befores and self.afters))
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("photoZoom")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("1600%") + 12)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position = QLabel(self)
        self.position.setObjectName("photoPosition")

        bar = QHBoxLayout()
        for action in (self.previous_action, self.next_action):
            bar.addWidget(self._button(action))
        bar.addWidget(self.position)
        bar.addStretch(1)
        bar.addWidget(self._button(self.compare_action))
        bar.addSpacing(12)
        bar.addWidget(self._button(self.zoom_out_action))
        bar.addWidget(self.zoom_label)
        bar.addWidget(self._button(self.zoom_in_action))
        bar.addWidget(self._button(self.fit_action))
        photos_row = QHBoxLayout()
        photos_row.setSpacing(8)
        for pane in self.panes:
            photos_row.addWidget(pane, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(photos_row, 1)

        self.resize(self._first_size(parent))
        self._retranslate()
        self._render()

    # ------------------------------------------------------------ building

    def _action(self, name: str, slot: Callable[[], None], *keys: Qt.Key | QKeySequence.StandardKey) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Never focused: the arrow keys stay the viewer's, not a way from button to button.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    @staticmethod
    def _first_size(parent: QWidget | None) -> QSize:
        if parent is None:
            return QSize(1000, 720)
        window = parent.window().size()
        return QSize(max(640, int(window.width() * 0.85)), max(480, int(window.height() * 0.85)))

    # ------------------------------------------------------------ what is shown

    def current(self) -> tuple[ViewerPhoto, ...]:
        """Return the photos shown: one, or the before and the after while comparing (none: no photos)."""
        if not self.photos:
            return ()
        if self.comparing:
            return (self.befores[min(self.pair, len(self.befores) - 1)],
                    self.afters[min(self.pair, len(self.afters) - 1)])
        return (self.photos[self.index],)

    def _count(self) -> int:
        return max(len(self.befores), len(self.afters)) if self.comparing else len(self.photos)

    def _at(self) -> int:
        return self.pair if self.comparing else self.index

    def _render(self) -> None:
        shown = self.current()
        self.panes[1].setVisible(len(shown) == 2)
        for pane, photo in zip(self.panes, shown, strict=False):
            self._show(pane, photo)
        self.previous_action.setEnabled(self._at() > 0)
        self.next_action.setEnabled(self._at() < self._count() - 1)
        self.compare_action.setChecked(self.comparing)
        self._retitle()
        self._show_zoom()
        self.panes[0].view.setFocus()

    def _show(self, pane: PhotoPane, photo: ViewerPhoto) -> None:
        pixmap = self.loader.photo(photo.sha256)
        if pixmap is not None:
            pane.show_pixmap(photo, pixmap)
        elif self.loader.is_loading(photo.sha256):
            pane.show_message(photo, QCoreApplication.translate(
                "PhotoViewer", "Not on this PC yet: fetching it from the clinic server…"))
        else:
            pane.show_message(photo, QCoreApplication.translate(
                "PhotoViewer", "This photo cannot be shown yet.\n{reason}").format(
                reason=self.loader.problem(photo.sha256)))

    def _arrived(self, sha256: str) -> None:
        for pane in self.panes:
            if pane.isVisibleTo(self) and pane.photo is not None and pane.photo.sha256 == sha256:
                self._show(pane, pane.photo)
        self._show_zoom()

    def _retitle(self) -> None:
        shown = self.current()
        if not shown:
            what = QCoreApplication.translate("PhotoViewer", "No photos")
        elif self.comparing:
            what = QCoreApplication.translate("PhotoViewer", "Before | After ({at}/{count})").format(
                at=self.pair + 1, count=self._count())
        else:
            what = QCoreApplication.translate("PhotoViewer", "{caption} ({at}/{count})").format(
                caption=photo_caption(shown[0]), at=self.index + 1, count=self._count())
        if self.subject:
            what = QCoreApplication.translate("PhotoViewer", "{subject} — {what}").format(
                subject=self.subject, what=what)
        self.setWindowTitle(what)
        self.position.setText(QCoreApplication.translate("PhotoViewer", "{at} of {count}").format(
            at=self._at() + 1, count=self._count()) if shown else "")

    # ------------------------------------------------------------ going through

    def show_next(self) -> None:
        """Show the next photo (the next pair while comparing); nothing after the last."""
        self._go(self._at() + 1)

    def show_previous(self) -> None:
        """Show the previous photo (pair); nothing before the first."""
        self._go(self._at() - 1)

    def _go(self, at: int) -> None:
        if not 0 <= at < self._count():
            return
        if self.comparing:
            self.pair = at
        else:
            self.index = at
        self._render()

    def set_comparing(self, on: bool) -> None:
        """Show the before and after photos side by side (``on``), or one photo again.

        Comparing starts at the pair of the photo shown (its place among its
        kind); back to one photo, the pair's before is shown.
        """
        on = on and bool(self.befores and self.afters)
        if on == self.comparing:
            self.compare_action.setChecked(on)
            return
        if on:
            photo = self.photos[self.index]
            same_kind = self.afters if photo.kind is PhotoKind.AFTER else self.befores
            self.pair = same_kind.index(photo) if photo in same_kind else 0
        else:
            self.index = self.photos.index(self.befores[min(self.pair, len(self.befores) - 1)])
        self.comparing = on
        for pane in self.panes:
            pane.zoom = self.panes[0].zoom
        self._render()

    def toggle_compare(self) -> None:
        self.set_comparing(not self.comparing)

    # ------------------------------------------------------------ zoom

    def zoom_in(self) -> None:
        """Show the photo(s) 25 % larger, up to 16 times the fit."""
        self._zoom_by(1)

    def zoom_out(self) -> None:
        """Show the photo(s) smaller, down to a quarter of the fit."""
        self._zoom_by(-1)

    def fit(self) -> None:
        """Fit the photo(s) to the window again."""
        self._set_zoom(1.0)

    def _zoom_by(self, steps: int) -> None:
        self._set_zoom(self.panes[0].zoom * ZOOM_STEP ** steps)

    def _set_zoom(self, zoom: float) -> None:
        zoom = min(max(zoom, ZOOM_LOWEST), ZOOM_HIGHEST)
        for pane in self.panes:
            # Both sides at the same times-the-fit: the same part of the face however large each photo is.
            pane.zoom = zoom
            pane.apply_zoom()
        self._show_zoom()

    def _show_zoom(self) -> None:
        pane = self.panes[0]
        self.zoom_label.setText(f"{round(pane.scale() * 100)}%" if pane.pixmap() is not None else "")

    def _follow(self, moved: QScrollBar) -> None:
        """Move the other side's photo as this one moved (comparing: the same place on both)."""
        if self._syncing or not self.comparing:
            return
        self._syncing = True
        try:
            for pane in self.panes:
                view = pane.view
                for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
                    if bar is moved or bar.orientation() != moved.orientation():
                        continue
                    span = moved.maximum() - moved.minimum()
                    share = (moved.value() - moved.minimum()) / span if span else 0.5
                    bar.setValue(round(bar.minimum() + share * (bar.maximum() - bar.minimum())))
        finally:
            self._syncing = False

    # ------------------------------------------------------------ language

    def _retranslate(self) -> None:
        self.previous_action.setText(QCoreApplication.translate("PhotoViewer", "◀ Previous"))
        self.next_action.setText(QCoreApplication.translate("PhotoViewer", "Next ▶"))
        self.zoom_out_action.setText(QCoreApplication.translate("PhotoViewer", "Zoom out"))
        self.zoom_in_action.setText(QCoreApplication.translate("PhotoViewer", "Zoom in"))
        self.fit_action.setText(QCoreApplication.translate("PhotoViewer", "Fit"))
        self.compare_action.setText(QCoreApplication.translate("PhotoViewer", "Before | After"))
        self.compare_action.setToolTip(QCoreApplication.translate(
            "PhotoViewer", "The before and after photos side by side"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._render()
        super().changeEvent(event)


def open_photo_viewer(runner: DeskRunner, photos: Sequence[ViewerPhoto], start: int, subject: str = "",
                      parent: QWidget | None = None) -> PhotoViewer:
    """Open the viewer on ``photos[start]`` (window-modal, deleted when closed) and return it."""
    viewer = PhotoViewer(runner, photos, start, subject, parent)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.open()
    return viewer
