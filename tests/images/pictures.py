"""Real image files for the tests: PNG and JPEG photos made with Pillow, and files that are not images."""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image


def photo_bytes(seed: int = 0, size: tuple[int, int] = (64, 48), fmt: str = "PNG") -> bytes:
    """Return a small real image whose pixels depend on ``seed`` (so two seeds make two files)."""
    image = Image.new("RGB", size, ((seed * 37) % 256, (seed * 91) % 256, 120))
    image.putpixel((seed % size[0], 0), (255, 255, 255))
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def big_photo_bytes(megabytes: float, seed: int = 0) -> bytes:
    """Return a real PNG of about ``megabytes`` (random pixels do not compress)."""
    side = int((megabytes * 1024 * 1024 / 3) ** 0.5) + 1
    rng = os.urandom(side * side * 3) if seed == 0 else bytes((i * seed) % 251 for i in range(side * side * 3))
    image = Image.frombytes("RGB", (side, side), rng)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=0)
    return out.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to ``folder/name`` and return the path (a file picked in a dialog)."""
    path = folder / name
    path.write_bytes(data)
    return path
