"""The terminal's images (and signed PDFs): files named by their SHA-256 in a folder beside its database.

``<database stem>-images/ab/abcd…`` (the first two hex digits fan the
files out): a terminal's database and its images are found together, and
two databases in one folder (tests, a training copy) keep theirs apart.
A file is written to a temporary name, flushed and renamed, so a crash
never leaves a half image under a real name; putting the same image twice
keeps one file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from .checks import MAX_IMAGE_BYTES, check_image, check_named, is_sha256

IMAGES_SUFFIX = "-images"


def images_dir(db_path: Path) -> Path:
    """Return the folder that holds the images of the terminal database ``db_path``."""
    path = Path(db_path)
    return path.parent / f"{path.stem}{IMAGES_SUFFIX}"


def read_image_file(path: Path) -> bytes:
    """Return the bytes of the image file at ``path``, reading no more than the limit allows.

    Raises:
        BadInput: no such file (or unreadable), or larger than ``MAX_IMAGE_BYTES``.
    """
    name = Path(path).name
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_IMAGE_BYTES + 1)
    except OSError:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The file {name} cannot be read"), field="images",
                       name=name) from None
    if len(data) > MAX_IMAGE_BYTES:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The image {name} is larger than {most} MB"),
                       field="images", name=name, most=MAX_IMAGE_BYTES // (1024 * 1024))
    return data


class ImageStore:
    """The content-addressed image files of one terminal.

    Args:
        root: the folder (``images_dir(database)``); made when first written.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @classmethod
    def beside(cls, db_path: Path) -> ImageStore:
        """Return the store of the terminal database at ``db_path``."""
        return cls(images_dir(db_path))

    def path(self, sha256: str) -> Path:
        """Return where the image ``sha256`` is (or would be) kept.

        Raises:
            ValueError: ``sha256`` is not a hex SHA-256 (never a path of its own).
        """
        if not is_sha256(sha256):
            raise ValueError(f"not an image name: {sha256[:80]!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        """Return whether the image ``sha256`` is here."""
        return self.path(sha256).is_file()

    def read(self, sha256: str) -> bytes:
        """Return the bytes of the image ``sha256``.

        Raises:
            FileNotFoundError: it is not here (fetch it: ``sync.client.images.ensure_image``).
        """
        return self.path(sha256).read_bytes()

    def size(self, sha256: str) -> int:
        """Return the size in bytes of the image ``sha256`` kept here."""
        return self.path(sha256).stat().st_size

    def check_file(self, path: Path) -> tuple[str, bytes]:
        """Return the name and bytes of the image file at ``path``, checked, without keeping it.

        Raises:
            BadInput: unreadable, too large, or not an image.
        """
        data = read_image_file(path)
        return check_image(data, Path(path).name), data

    def put_checked(self, sha256: str, data: bytes) -> Path:
        """Keep ``data``, already checked to be the image ``sha256``; return its path (kept once)."""
        target = self.path(sha256)
        if target.is_file():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return target

    def put(self, path: Path) -> str:
        """Check and keep the image file at ``path``; return its SHA-256 name.

        Raises:
            BadInput: unreadable, too large, or not an image; nothing kept.
        """
        sha256, data = self.check_file(path)
        self.put_checked(sha256, data)
        return sha256

    def put_bytes(self, data: bytes, name: str = "") -> str:
        """Check and keep ``data`` made in memory (a signature's PNG, a signed form's PDF); return its SHA-256 name.

        Raises:
            BadInput: too large, or neither an image nor a whole PDF (``name`` in the message); nothing kept.
        """
        sha256 = check_image(data, name)
        self.put_checked(sha256, data)
        return sha256

    def put_fetched(self, sha256: str, data: bytes) -> Path:
        """Keep an image fetched from the server under its name, after checking it is that image.

        Raises:
            BadInput: ``data`` is not the image ``sha256`` (hash) or not an image; nothing kept.
        """
        check_named(data, sha256)
        return self.put_checked(sha256, data)
