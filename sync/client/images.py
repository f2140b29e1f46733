"""Images between a terminal and the server: uploaded after the operations, fetched when first shown.

The sync round pushes the outbox and pulls first; only then does it
upload the images waiting in ``image_uploads`` (``upload_images``), so a
day's photos never hold up a single operation (docs/scans-and-images.md).
Each image is sent in chunks from where the server says it holds it, so
an upload a dropped connection cut short resumes at the last whole chunk.
Another terminal fetches an image the first time it is shown
(``fetch_image``, ``ensure_image``) and checks it is the image its name
says; where the ``prefetch_images`` setting is on, the round fetches the
images of the scans it has that are not here yet (``prefetch_images``).

Image errors do not fail the round: its operations are already done. The
first refusal that is not about one image (the server is down, or keeps
no images) stops the uploads until the next round and is noted in the
report; an image the server refuses as such (not an image, too large, a
hash mismatch twice) is marked with the refusal and not sent again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.scans import PREFETCH_IMAGES_KEY
from bnaura_desk.images.checks import HASH_MISMATCH, NOT_AN_IMAGE, TOO_LARGE
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services.context import ServiceContext, load_device
from bnaura_desk.services.settings import effective_setting
from bnaura_desk.store.models import ImageUpload, SkinScan

from . import calls
from .calls import Call
from .http import ImageRefused, SyncError

if TYPE_CHECKING:
    from .engine import Database

# Refusals of one image (it will never be taken as it is): the image is marked and skipped.
_IMAGE_ITSELF = frozenset({HASH_MISMATCH, NOT_AN_IMAGE, TOO_LARGE})
MISSING_LOCALLY = "missing_locally"
T = TypeVar("T")


class Send(Protocol):
    """Sends a ``Call`` and awaits its answer: ``AsyncSyncClient.send``, or a blocking client's (``blocking_sender``)."""

    def __call__(self, call: Call[T], /) -> Awaitable[T]: ...


class _Sends(Protocol):
    def send(self, call: Call[T], /) -> T: ...


def blocking_sender(client: _Sends) -> Send:
    """Return a blocking client's ``send`` as an awaitable that never suspends (for ``engine.run_to_end``)."""

    async def send(call: Call[T]) -> T:
        return client.send(call)

    return send


@dataclass
class ImageReport:
    """What one round's uploads did."""

    uploaded: int = 0  # images the server now holds whole
    bytes_sent: int = 0
    refused: int = 0  # images the server refused as such (marked, not sent again)
    problem: str = ""  # why the uploads stopped early, if they did


def waiting_images(session: Session) -> list[tuple[str, int]]:
    """Read: the images waiting to upload (name, size), oldest first; refused ones are not."""
    rows = session.execute(
        select(ImageUpload.sha256, ImageUpload.size_bytes)
        .where(ImageUpload.uploaded_at.is_(None), ImageUpload.problem.is_(None))
        .order_by(ImageUpload.queued_at, ImageUpload.sha256)
    )
    return [(r.sha256, r.size_bytes) for r in rows]


def note_image_upload(ctx: ServiceContext, sha256: str, problem: str | None) -> ChangeSet:
    """Use case run by sync: the server now holds ``sha256`` whole, or refused it (``problem``)."""
    row = ctx.session.get(ImageUpload, sha256)
    if row is not None:
        if problem is None:
            row.uploaded_at = ctx.now
        else:
            row.problem = problem[:200]
    return ChangeSet()


def _read_from(path: Path, offset: int, size: int) -> bytes:
    with open(path, "rb") as f:
        f.seek(offset)
        return f.read(size)


async def upload_one(send: Send, store: ImageStore, sha256: str) -> int:
    """Upload the image ``sha256`` from where the server holds it; return the bytes sent.

    Raises:
        ImageRefused: the server refuses it (``server_code`` says why).
        SyncError: the server cannot be reached or refuses this device.
        FileNotFoundError: the image is no longer in ``store``.
    """
    path = store.path(sha256)
    total = path.stat().st_size
    state = await send(calls.image_state(sha256))
    sent = 0
    resynced = False
    while not state.complete:
        chunk = _read_from(path, state.held, max(1, state.max_chunk))
        if not chunk:
            raise FileNotFoundError(path)  # the server holds more than the file has: not this file
        try:
            state = await send(calls.put_image_chunk(sha256, state.held, total, chunk))
        except ImageRefused as refused:
            if refused.server_code != "image_offset" or resynced:
                raise
            # Another terminal of the chain sends the same photo: ask again where it stands.
            resynced = True
            state = await send(calls.image_state(sha256))
            continue
        sent += len(chunk)
    return sent


async def upload_images(db: Database, send: Send, store: ImageStore) -> ImageReport:
    """Upload every waiting image, oldest first; return what was done (never raises a ``SyncError``)."""
    report = ImageReport()
    for sha256, _size in await db.read(waiting_images):
        try:
            try:
                report.bytes_sent += await upload_one(send, store, sha256)
            except ImageRefused as refused:
                if refused.server_code != HASH_MISMATCH:
                    raise
                # The file here was checked against its name when kept: a mismatch on the
                # server is bytes damaged on the way (or two uploads mixed). Once more from
                # the start (the server dropped what it had), then it counts as refused.
                report.bytes_sent += await upload_one(send, store, sha256)
        except ImageRefused as refused:
            if refused.server_code in _IMAGE_ITSELF:
                report.refused += 1
                await db.run(note_image_upload, sha256, refused.server_code)
                continue
            report.problem = refused.render()
            return report
        except SyncError as error:
            report.problem = error.render()
            return report
        except FileNotFoundError:
            report.refused += 1
            await db.run(note_image_upload, sha256, MISSING_LOCALLY)
            continue
        report.uploaded += 1
        await db.run(note_image_upload, sha256, None)
    return report


async def fetch_image(send: Send, store: ImageStore, sha256: str) -> Path:
    """Return the path of the image ``sha256``, fetching it from the server the first time it is shown.

    The fetched bytes are checked and written in this thread (see
    ``ensure_local`` to do that elsewhere).

    Raises:
        ImageRefused: the server has no such image of this chain (not
            uploaded yet by the terminal that took it).
        SyncError: the server cannot be reached.
        BadInput: what arrived is not that image (its hash) or not an
            image; nothing kept.
    """
    return await ensure_local(send, store, sha256)


Offload = Callable[[Callable[[], Path]], Awaitable[Path]]


async def _in_this_thread(work: Callable[[], Path]) -> Path:
    return work()


async def ensure_local(send: Send, store: ImageStore, sha256: str, *, offload: Offload = _in_this_thread) -> Path:
    """Return the local path of the image ``sha256``: at once when it is here, else fetched, verified and kept.

    What arrives is kept only when its SHA-256 is ``sha256`` and it is an
    image (``ImageStore.put_fetched``). ``offload(work)`` runs that check
    and the fsynced write: the app passes one that runs it on a thread of
    its own, so decoding a photo's header and flushing it never stalls the
    event loop; by default it runs in this thread.

    Raises:
        ValueError: ``sha256`` is not an image name.
        ImageRefused: the server has no such image of this chain (not
            uploaded yet by the terminal that took it).
        SyncError: the server cannot be reached.
        BadInput: what arrived is not that image or not an image; nothing kept.
    """
    if store.has(sha256):
        return store.path(sha256)
    data = await send(calls.get_image(sha256))
    return await offload(lambda: store.put_fetched(sha256, data))


def ensure_image(store: ImageStore, client: _Sends, sha256: str) -> Path:
    """``fetch_image`` with a blocking client (``SyncClient``), in this thread (see there)."""
    coroutine = fetch_image(blocking_sender(client), store, sha256)
    try:
        coroutine.send(None)
    except StopIteration as finished:
        return finished.value  # type: ignore[no-any-return]
    coroutine.close()
    raise RuntimeError("ensure_image: the client suspended; await fetch_image instead")


@dataclass
class PrefetchReport:
    """What one round's fetching ahead of time did."""

    fetched: int = 0
    not_yet: int = 0  # named by a pulled scan, not uploaded yet by the terminal that took it
    problem: str = ""  # why fetching stopped early, if it did


def images_to_prefetch(session: Session) -> list[str]:
    """Read: the images scans here name that are not in the store, when the setting in force says to fetch ahead.

    Empty when ``PREFETCH_IMAGES_KEY`` is off (the default) for this
    terminal's branch; the store is checked by the caller (files, not rows).
    """
    device = load_device(session)
    if effective_setting(session, device.chain_id, device.branch_id, PREFETCH_IMAGES_KEY) is not True:
        return []
    names: list[str] = []
    seen: set[str] = set()
    for images in session.scalars(select(SkinScan.images).order_by(SkinScan.at.desc())):
        for name in images:
            if name not in seen:
                seen.add(name)
                names.append(name)
    return names


async def prefetch_images(db: Database, send: Send, store: ImageStore, *,
                          offload: Offload = _in_this_thread) -> PrefetchReport:
    """Fetch the images pulled scans name that are not here yet, newest scans first (never raises a ``SyncError``).

    ``offload`` runs each image's check and write (see ``ensure_local``).
    """
    report = PrefetchReport()
    for sha256 in await db.read(images_to_prefetch):
        if store.has(sha256):
            continue
        try:
            await ensure_local(send, store, sha256, offload=offload)
        except ImageRefused as refused:
            if refused.server_code == "image_not_found":
                report.not_yet += 1
                continue
            report.problem = refused.render()
            return report
        except (SyncError, BadInput) as error:
            report.problem = error.render()
            return report
        report.fetched += 1
    return report
