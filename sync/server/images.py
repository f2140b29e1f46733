"""Image files on the server: resumable uploads and fetches, per chain, never inside operations.

A terminal uploads an image it keeps (a skin scan's photo) in chunks of at
most ``MAX_CHUNK`` bytes: it asks how much the server holds
(``GET /v1/images/<sha256>/upload``) and sends the rest from there
(``PUT …/upload?offset=&total=``). A chunk is appended only once it has
arrived whole, so a dropped connection loses at most that chunk and the
next round resumes. When the last byte is in, the server checks the whole
file (its SHA-256 is its name; it is an image of at most 10 MB:
``bnaura_desk.images.checks``, as the terminal did) and only then keeps it
under its name; a file that fails is dropped and refused.

The files live in a folder per chain (``<images>/<chain id>/ab/<sha256>``),
on SQLite and PostgreSQL alike: a device reads and writes only its own
chain's folder, so another chain's device never fetches an image, even one
it knows the name of (it gets 404, as for an image that does not exist).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path as FilePath
from typing import Annotated, Any, BinaryIO

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from bnaura_desk.images.checks import HASH_MISMATCH, MAX_IMAGE_BYTES, NOT_AN_IMAGE, image_problem, is_sha256, sha256_hex

from ..protocol import ImageState
from .auth import ApiError
from .dependencies import CurrentDevice
from .openapi import errors_doc, sync_route_doc

MAX_CHUNK = 1024 * 1024  # bytes per PUT: a dropped connection costs at most this much again
IMAGES_ENV = "BNAURA_SERVER_IMAGES"
# Uploads lock one of these stripes by their name: bounded, however many images a server sees.
_LOCKS = tuple(threading.Lock() for _ in range(64))


def images_folder(database_url: str, explicit: FilePath | None = None) -> FilePath | None:
    """Return where the server keeps image files: ``explicit``, ``$BNAURA_SERVER_IMAGES``, or beside a SQLite file.

    ``None`` (PostgreSQL with no folder given): the image routes answer 503
    ``images_unavailable`` until the server is started with ``--images``.
    """
    if explicit is not None:
        return FilePath(explicit)
    env = os.environ.get(IMAGES_ENV, "")
    if env:
        return FilePath(env)
    if database_url.startswith("sqlite:///") and not database_url.endswith(":memory:"):
        db = FilePath(database_url.removeprefix("sqlite:///").split("?", 1)[0])
        return db.parent / f"{db.stem}-images"
    return None


def _lock_file(f: BinaryIO) -> None:
    """Lock ``f`` until it is closed (POSIX; a server on Windows runs one process, ``_locked`` suffices)."""
    if sys.platform != "win32":
        import fcntl

        fcntl.flock(f.fileno(), fcntl.LOCK_EX)


@contextmanager
def _locked(key: str) -> Iterator[None]:
    """Hold the lock of one upload in this process (two terminals of a chain may upload the same photo)."""
    with _LOCKS[hash(key) % len(_LOCKS)]:
        yield


class ChainImages:
    """The image files of one chain in the server's images folder."""

    def __init__(self, root: FilePath, chain_id: str) -> None:
        self.folder = FilePath(root) / chain_id

    def path(self, sha256: str) -> FilePath:
        return self.folder / sha256[:2] / sha256

    def partial(self, sha256: str) -> FilePath:
        return self.folder / "partial" / f"{sha256}.part"

    def state(self, sha256: str) -> ImageState:
        """Return how much of ``sha256`` is held."""
        if self.path(sha256).is_file():
            return _state(sha256, self.path(sha256).stat().st_size, complete=True)
        part = self.partial(sha256)
        return _state(sha256, part.stat().st_size if part.is_file() else 0, complete=False)

    def append(self, sha256: str, offset: int, total: int, chunk: bytes) -> ImageState:
        """Append ``chunk`` at ``offset`` of the upload of ``sha256`` (``total`` bytes); check and keep it when whole.

        Raises:
            ApiError: 409 image_offset (the server holds another amount:
                ``detail.held``); 413 image_too_large; 422 image_hash_mismatch
                or not_an_image (the upload is dropped).
        """
        key = f"{self.folder.name}/{sha256}"
        with _locked(key):
            if self.path(sha256).is_file():
                return self.state(sha256)
            if not chunk or offset + len(chunk) > total:
                raise ApiError(422, "invalid_request", "A chunk holds at least one byte and ends within the image")
            part = self.partial(sha256)
            part.parent.mkdir(parents=True, exist_ok=True)
            with open(part, "ab") as f:
                # Workers of a PostgreSQL server are processes: the file's own lock keeps
                # two of them from appending to one upload at once.
                _lock_file(f)
                held = f.seek(0, os.SEEK_END)
                if offset != held:
                    raise ApiError(409, "image_offset", f"The server holds {held} bytes of this image; "
                                   "resume from there", held=held)
                f.write(chunk)
                f.flush()
                os.fsync(f.fileno())
            # Past this point no chunk can be appended: its offset would be ``total``.
            held = offset + len(chunk)
            if held < total:
                return _state(sha256, held, complete=False)
            return self._finish(sha256, part)

    def _finish(self, sha256: str, part: FilePath) -> ImageState:
        data = part.read_bytes()
        if sha256_hex(data) != sha256:
            part.unlink(missing_ok=True)
            raise ApiError(422, HASH_MISMATCH, "The uploaded bytes do not have this image's SHA-256; upload it again")
        problem = image_problem(data)
        if problem is not None:
            part.unlink(missing_ok=True)
            if problem == NOT_AN_IMAGE:
                raise ApiError(422, NOT_AN_IMAGE, "The uploaded file is not an image")
            raise _too_large()
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, target)
        return _state(sha256, len(data), complete=True)


def _state(sha256: str, held: int, *, complete: bool) -> ImageState:
    return ImageState(sha256=sha256, held=held, complete=complete, max_bytes=MAX_IMAGE_BYTES, max_chunk=MAX_CHUNK)


def _too_large() -> ApiError:
    return ApiError(413, "image_too_large", f"An image is at most {MAX_IMAGE_BYTES} bytes", limit=MAX_IMAGE_BYTES)


def _chain_images(request: Request, device: CurrentDevice, sha256: str) -> ChainImages:
    if not is_sha256(sha256):
        raise ApiError(422, "invalid_request", "An image is named by its SHA-256 (64 lower-case hex digits)")
    root: FilePath | None = request.app.state.images
    if root is None:
        raise ApiError(503, "images_unavailable", "This server keeps no images (start it with --images FOLDER)")
    return ChainImages(root, device.chain_id)


Sha256Param = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="the image's SHA-256, lower-case hex")]


def image_upload_state(request: Request, device: CurrentDevice, sha256: Sha256Param) -> ImageState:
    """Say how much of the image ``sha256`` the server holds for this device's chain (resume from ``held``)."""
    return _chain_images(request, device, sha256).state(sha256)


async def put_image_chunk(
    request: Request,
    device: CurrentDevice,
    sha256: Sha256Param,
    offset: Annotated[int, Query(ge=0, le=MAX_IMAGE_BYTES, description="where this chunk starts")],
    total: Annotated[int, Query(ge=1, description="the whole image's size in bytes")],
) -> ImageState:
    """Append a chunk (the raw body, at most ``max_chunk`` bytes) to the upload of ``sha256``; checked when whole."""
    images = _chain_images(request, device, sha256)
    if total > MAX_IMAGE_BYTES:
        raise _too_large()
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_CHUNK:
        raise ApiError(413, "body_too_large", f"A chunk is at most {MAX_CHUNK} bytes", limit=MAX_CHUNK)
    chunks: list[bytes] = []
    size = 0
    async for piece in request.stream():
        size += len(piece)
        if size > MAX_CHUNK:
            raise ApiError(413, "body_too_large", f"A chunk is at most {MAX_CHUNK} bytes", limit=MAX_CHUNK)
        chunks.append(piece)
    # File work (and the check of a whole image) off the event loop.
    return await run_in_threadpool(images.append, sha256, offset, total, b"".join(chunks))


def get_image(request: Request, device: CurrentDevice, sha256: Sha256Param) -> FileResponse:
    """Return the image ``sha256`` of this device's chain (404 when the chain has no such image)."""
    path = _chain_images(request, device, sha256).path(sha256)
    if not path.is_file():
        raise ApiError(404, "image_not_found", "This chain has no image of that name (not uploaded yet)")
    return FileResponse(path, media_type="application/octet-stream")


_BINARY = {"type": "string", "format": "binary"}


def add_image_routes(app: FastAPI, protocol: list[Any]) -> None:
    """Mount the image routes on ``app`` (``protocol``: the dependencies every sync route has)."""
    path = "/v1/images/{sha256}"
    app.add_api_route(f"{path}/upload", image_upload_state, methods=["GET"], response_model=ImageState,
                      tags=["images"], dependencies=protocol, openapi_extra=sync_route_doc(),
                      responses=errors_doc(401, 422))
    upload_doc = sync_route_doc()
    upload_doc["requestBody"] = {"required": True, "content": {"application/octet-stream": {"schema": _BINARY}}}
    app.add_api_route(f"{path}/upload", put_image_chunk, methods=["PUT"], response_model=ImageState,
                      tags=["images"], dependencies=protocol, openapi_extra=upload_doc,
                      responses=errors_doc(401, 409, 413, 422))
    app.add_api_route(path, get_image, methods=["GET"], tags=["images"], dependencies=protocol,
                      response_class=FileResponse, openapi_extra=sync_route_doc(),
                      responses={200: {"content": {"application/octet-stream": {"schema": _BINARY}},
                                       "description": "the image's bytes"},
                                 **errors_doc(401, 404, 422)})
