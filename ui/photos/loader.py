"""Photos at full size for the viewer: from this PC at once, or fetched from the clinic server first.

``PhotoLoader.photo(sha256)`` answers the decoded image when it has it;
an image already on this PC is decoded there and then (as the screens'
thumbnails are); another is fetched with the screens' own fetch
(``ui.images.fetch_for``: the sync driver's, so a photo a thumbnail is
fetching is fetched once) and decoded on a thread of its own, then
``ready(sha256)`` or ``failed(sha256, message)`` follows.

Only the last few photos stay decoded (``KEEP``): a 12-megapixel photo is
48 MB as a pixmap, and a task may hold 24 of them. Photos are decoded at
most ``LIMIT`` pixels on a side (larger ones scaled down while decoding)
and turned upright by their EXIF orientation, as cameras and phones save
them sideways.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from bnaura_desk.images.store import ImageStore

from ..images import Fetch, not_here_yet
from ..runner import translate_error
from ..sync_driver import off_gui_thread

LIMIT = QSize(4096, 4096)  # pixels on a side; the viewer zooms the decoded image beyond that
KEEP = 4  # decoded photos kept: the one shown, a before/after pair, the one before


def load_photo(path: Path, limit: QSize = LIMIT) -> QImage:
    """Return the image at ``path`` upright, scaled down to fit ``limit`` when larger; safe off the GUI thread.

    Raises:
        ValueError: the file cannot be decoded as an image.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > limit.width() or size.height() > limit.height()):
        # Scaled while decoding: a JPEG decoder then skips most of the pixels.
        reader.setScaledSize(size.scaled(limit, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise ValueError(f"not an image: {path.name} ({reader.errorString()})")
    return image


class PhotoLoader(QObject):
    """Full-size photos by image name (see the module).

    Args:
        fetch: returns the local path of an image, fetching it first when it
            is not here (``ui.images.fetch_for(runner)``).
        store: this terminal's images (read at once when a photo is here).
    """

    ready = Signal(str)  # sha256: photo() now answers it
    failed = Signal(str, str)  # sha256, the translated reason

    def __init__(self, fetch: Fetch, store: ImageStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._store = store
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._problems: dict[str, str] = {}
        self._loading: dict[str, asyncio.Task[None]] = {}  # kept until done: the loop holds tasks weakly

    def photo(self, sha256: str) -> QPixmap | None:
        """Return the photo ``sha256`` if here; else ``None``, fetching it (``ready`` or ``failed`` follows).

        Without the app's running asyncio loop nothing can be fetched: the
        photo fails at once with "Not on this PC yet" (``problem``), no signal.
        """
        pixmap = self._pixmaps.get(sha256)
        if pixmap is not None:
            self._pixmaps.move_to_end(sha256)
            return pixmap
        if self._store.has(sha256):
            try:
                return self._keep(sha256, QPixmap.fromImage(load_photo(self._store.path(sha256))))
            except ValueError as error:
                self._problems[sha256] = translate_error(error)
                return None
        if sha256 in self._loading or sha256 in self._problems:
            return None
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._problems[sha256] = translate_error(not_here_yet())
            return None
        self._loading[sha256] = loop.create_task(self._load(sha256), name=f"photo-{sha256[:8]}")
        return None

    def problem(self, sha256: str) -> str:
        """Return why ``sha256`` cannot be shown (translated), or "" when it did not fail."""
        return self._problems.get(sha256, "")

    def is_loading(self, sha256: str) -> bool:
        return sha256 in self._loading

    def _keep(self, sha256: str, pixmap: QPixmap) -> QPixmap:
        self._pixmaps[sha256] = pixmap
        while len(self._pixmaps) > KEEP:
            self._pixmaps.popitem(last=False)
        return pixmap

    async def _load(self, sha256: str) -> None:
        try:
            path = await self._fetch(sha256)
            image = await off_gui_thread(load_photo, path, LIMIT)
        except Exception as error:  # noqa: BLE001 - any failure is shown in place of the photo
            self._problems[sha256] = translate_error(error)
            self._loading.pop(sha256, None)
            self.failed.emit(sha256, self._problems[sha256])
            return
        self._keep(sha256, QPixmap.fromImage(image))
        self._loading.pop(sha256, None)
        self.ready.emit(sha256)
