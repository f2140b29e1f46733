"""Thumbnails of the terminal's images (scan photos, later before/after photos), loaded without freezing the app.

A screen asks ``Thumbnails.thumbnail(sha256)``: it answers the pixmap at
once when it has it, else ``None`` and starts loading it in the
background; ``ready(sha256)`` says when it is there (the screen repaints
that row), ``failed(sha256, message)`` why it will not come (the photo's
terminal has not uploaded it yet, the server is out of reach). Loading is
an asyncio task in the app's loop (qasync): the image is fetched from the
clinic server when it is not here yet (``SyncDriver.ensure_local``: the
first time a photo taken on another terminal is shown), then decoded and
scaled on a thread of its own (``QImage`` may be used off the GUI thread,
``QPixmap`` may not); only the finished pixmap is made on the GUI thread.

A failed image is not asked for again until ``retry`` (a later sync round
may have brought it), so a list repainting does not hammer the server.

Screens do not reach for the sync driver: ``thumbnails_for(runner)`` makes
their ``Thumbnails`` with ``DeskRunner.fetch_image`` (the driver's fetch,
set by the main window when it attaches its driver: ``fetch_through``) or,
when the runner has none, with ``local_fetch`` (local files only; anything
else "Not on this PC yet"). A terminal with a driver but no clinic server
says the same, not the command-line advice of ``NotEnrolled``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, DeskError
from bnaura_desk.images.store import ImageStore

from .runner import DeskRunner, FetchImage, translate_error
from .sync_driver import SyncDriver, off_gui_thread

Fetch = FetchImage  # (sha256) -> the local path, fetched first when needed
DEFAULT_SIZE = QSize(160, 160)
IMAGE_ROLE = Qt.ItemDataRole.UserRole + 7  # the image name (SHA-256) of a list item showing a thumbnail


class NotHereYet(DeskError):
    """An image is not on this PC and there is no clinic server to fetch it from."""


def not_here_yet() -> NotHereYet:
    return NotHereYet(QT_TRANSLATE_NOOP("errors", "Not on this PC yet"))


def local_fetch(store: ImageStore) -> Fetch:
    """Return a fetch that answers only the images in ``store`` (no server to ask).

    The fetch raises ``NotHereYet`` (translated "Not on this PC yet") for
    any other image, and ``ValueError`` for a name that is not an image name.
    """

    async def fetch(sha256: str) -> Path:
        if store.has(sha256):
            return store.path(sha256)
        raise not_here_yet()

    return fetch


def fetch_through(driver: SyncDriver) -> Fetch:
    """Return ``driver.ensure_local`` as a fetch for screens (the value of ``DeskRunner.fetch_image``).

    The same fetch, except that a terminal not enrolled with a clinic
    server fails with ``NotHereYet``: the screen says "Not on this PC yet",
    not how to enroll from the command line.
    """

    async def fetch(sha256: str) -> Path:
        try:
            return await driver.ensure_local(sha256)
        except Exception as error:
            # By its code: sync.client.http (where NotEnrolled lives) loads with the network stack.
            if getattr(error, "code", None) == "not_enrolled":
                raise not_here_yet() from error
            raise

    return fetch


def fetch_for(runner: DeskRunner) -> Fetch:
    """Return the fetch screens on ``runner``'s terminal use: ``runner.fetch_image``, else ``local_fetch``.

    Images not on this PC are fetched with ``runner.fetch_image`` (the clinic
    server, through the app's sync driver); without one, only local files
    load and the others fail with "Not on this PC yet".
    """
    return runner.fetch_image or local_fetch(ImageStore.beside(runner.terminal.path))


def thumbnails_for(runner: DeskRunner, size: QSize = DEFAULT_SIZE, parent: QObject | None = None) -> Thumbnails:
    """Return ``Thumbnails`` for a screen on ``runner``'s terminal (fetching as ``fetch_for`` says)."""
    return Thumbnails(fetch_for(runner), size, parent)


def placeholder_icon(size: int) -> QIcon:
    """Return the grey square shown in place of an image not on this PC (yet)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("#e4e7ec"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#8a93a3"))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "…")
    painter.end()
    return QIcon(pixmap)


def local_thumbnail(store: ImageStore | None, sha256: str, size: QSize) -> QPixmap | None:
    """Return the image ``sha256`` of ``store`` scaled to fit ``size``, or ``None`` when not here (or unreadable).

    On the calling (GUI) thread: for an image already on this PC, shown at
    once as the screens always did; ``Thumbnails`` is for the others.
    """
    if store is None or not store.has(sha256):
        return None
    pixmap = QPixmap(str(store.path(sha256)))
    if pixmap.isNull():
        return None
    if pixmap.width() > size.width() or pixmap.height() > size.height():
        pixmap = pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return pixmap


def load_scaled(path: Path, size: QSize) -> QImage:
    """Return the image at ``path`` scaled to fit ``size`` (aspect kept); safe off the GUI thread.

    Raises:
        ValueError: the file cannot be decoded as an image.
    """
    image = QImage(str(path))
    if image.isNull():
        raise ValueError(f"not an image: {path.name}")
    if image.width() > size.width() or image.height() > size.height():
        image = image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return image


class Thumbnails(QObject):
    """Thumbnails by image name, loaded (and fetched from the server when needed) in the background.

    Args:
        fetch: returns the local path of an image, fetching it first when it
            is not here (``SyncDriver.ensure_local``).
        size: the box a thumbnail fits in.
    """

    ready = Signal(str)  # sha256: thumbnail() now answers it
    failed = Signal(str, str)  # sha256, the translated reason

    def __init__(self, fetch: Fetch, size: QSize = DEFAULT_SIZE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self.size = QSize(size)
        self._pixmaps: dict[str, QPixmap] = {}
        self._problems: dict[str, str] = {}
        # The loop keeps only a weak reference to a task: kept here until done.
        self._loading: dict[str, asyncio.Task[None]] = {}

    def thumbnail(self, sha256: str) -> QPixmap | None:
        """Return the thumbnail of ``sha256`` if loaded; else ``None``, loading it (``ready`` or ``failed`` follows).

        Loading needs the app's running asyncio loop (qasync's); without one
        nothing is loaded and no signal follows.
        """
        pixmap = self._pixmaps.get(sha256)
        if pixmap is not None:
            return pixmap
        if sha256 not in self._loading and sha256 not in self._problems:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                # No asyncio loop runs in this thread (a screen tested without
                # qasync's loop): a task would never run, so none is made; the
                # screen keeps its placeholder.
                return None
            self._loading[sha256] = loop.create_task(self._load(sha256), name=f"thumbnail-{sha256[:8]}")
        return None

    def problem(self, sha256: str) -> str:
        """Return why ``sha256`` could not be loaded (translated), or "" when it did not fail."""
        return self._problems.get(sha256, "")

    def is_loading(self, sha256: str) -> bool:
        return sha256 in self._loading

    def retry(self) -> None:
        """Forget the failures: the next ``thumbnail`` call of a failed image tries again."""
        self._problems.clear()

    async def _load(self, sha256: str) -> None:
        try:
            path = await self._fetch(sha256)
            image = await off_gui_thread(load_scaled, path, self.size)
        except Exception as error:  # noqa: BLE001 - any failure is shown in place of the photo
            self._problems[sha256] = translate_error(error)
            self._loading.pop(sha256, None)
            self.failed.emit(sha256, self._problems[sha256])
            return
        self._pixmaps[sha256] = QPixmap.fromImage(image)
        self._loading.pop(sha256, None)
        self.ready.emit(sha256)
