"""What an image must be to be kept: an image (decoded header) or a PDF, not too large, its name its SHA-256.

Both sides check with the same functions: the terminal before it keeps a
file, the server before it keeps an upload, so a file one side refuses is
never kept by the other. ``image_problem`` returns a stable code (for the
server's refusal); ``check_image`` raises the translated ``BadInput`` the
screens show.

A signed consent form (``documents.consent_form``) is kept the same way as
its signature's image: the store holds PDFs too, recognised by their
``%PDF-`` header and ``%%EOF`` trailer and held to the same size limit, so
the upload, fetch and hash checks need no second path.
"""

from __future__ import annotations

import hashlib
import io
import re

from ..domain.errors import QT_TRANSLATE_NOOP, BadInput

MAX_IMAGE_BYTES = 10 * 1024 * 1024  # a scanner's or a phone's photo is 2–6 MB
MAX_PIXELS = 50_000_000  # a decompression bomb declares far more in a few bytes
# The formats a scanner, a camera or a signature pad writes, as Pillow names them.
FORMATS = frozenset({"JPEG", "PNG", "WEBP", "BMP", "TIFF", "GIF"})
PDF_HEADER = b"%PDF-"
PDF_TRAILER = b"%%EOF"
PDF_TAIL = 1024  # the trailer sits in the last bytes (a writer may add a newline or two after it)
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")

NOT_AN_IMAGE = "not_an_image"
TOO_LARGE = "image_too_large"
HASH_MISMATCH = "image_hash_mismatch"


def sha256_hex(data: bytes) -> str:
    """Return the lower-case hex SHA-256 of ``data`` (an image's name)."""
    return hashlib.sha256(data).hexdigest()


def is_sha256(name: object) -> bool:
    """Return whether ``name`` is a lower-case hex SHA-256 (64 characters)."""
    return isinstance(name, str) and SHA256_HEX.match(name) is not None


def is_pdf(data: bytes) -> bool:
    """Return whether ``data`` is a whole PDF file: its ``%PDF-`` header and, near its end, ``%%EOF``.

    A PDF cut short in transfer lacks its trailer and is refused; what is
    drawn inside is not interpreted (the terminal wrote it).
    """
    return data.startswith(PDF_HEADER) and PDF_TRAILER in data[-PDF_TAIL:]


def image_problem(data: bytes) -> str | None:
    """Return ``TOO_LARGE`` or ``NOT_AN_IMAGE`` when ``data`` cannot be kept as an image or PDF, else None.

    The header is decoded and the file's structure verified (Pillow's
    ``verify``) without decoding every pixel, so a 6 MB photo is checked
    in milliseconds; its declared size must be sane.
    """
    if len(data) > MAX_IMAGE_BYTES:
        return TOO_LARGE
    if data.startswith(PDF_HEADER):
        return None if is_pdf(data) else NOT_AN_IMAGE
    # Imported here: Pillow costs start-up time a terminal that never sees an image need not pay.
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in FORMATS:
                return NOT_AN_IMAGE
            width, height = image.size
            if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
                return NOT_AN_IMAGE
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return NOT_AN_IMAGE
    return None


def check_image(data: bytes, name: str = "") -> str:
    """Return the SHA-256 name of ``data`` when it is an image (or PDF) this app keeps.

    Args:
        data: the file's bytes.
        name: the file's name, for the message.

    Raises:
        BadInput: larger than ``MAX_IMAGE_BYTES``, or neither an image nor a whole PDF.
    """
    problem = image_problem(data)
    if problem == TOO_LARGE:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The image {name} is larger than {most} MB"),
                       field="images", name=name, most=MAX_IMAGE_BYTES // (1024 * 1024))
    if problem is not None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The file {name} is not an image"), field="images", name=name)
    return sha256_hex(data)


def check_named(data: bytes, sha256: str) -> None:
    """Check that fetched ``data`` is the image named ``sha256``.

    Raises:
        BadInput: its hash is another (a damaged or substituted file), or
            it is not an image this app keeps.
    """
    if sha256_hex(data) != sha256:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "The image {name} arrived damaged (its content does not match)"),
                       field="images", name=sha256[:12])
    check_image(data, sha256[:12])
