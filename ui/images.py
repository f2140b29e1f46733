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
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap

from .runner import translate_error
from .sync_driver import off_gui_thread

Fetch = Callable[[str], Awaitable[Path]]
DEFAULT_SIZE = QSize(160, 160)


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
        """Return the thumbnail of ``sha256`` if loaded; else ``None``, loading it (``ready`` or ``failed`` follows)."""
        pixmap = self._pixmaps.get(sha256)
        if pixmap is not None:
            return pixmap
        if sha256 not in self._loading and sha256 not in self._problems:
            task = asyncio.get_event_loop().create_task(self._load(sha256), name=f"thumbnail-{sha256[:8]}")
            self._loading[sha256] = task
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
