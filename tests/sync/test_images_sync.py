"""Skin scans and their images over a real server (SQLite and PostgreSQL).

What a clinic checks: a scan with two photos taken offline at Siam reaches
the server once the internet is back, its operations first and its photos
after them; Thonglor pulls the scan and, when it is first shown, fetches
the photos, byte for byte what Siam took. A file that is not an image, too
large or not the bytes its name says is refused by the server as by the
terminal; a device of another chain cannot fetch a photo even by its name;
an upload cut short resumes where it stopped.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.scans import PREFETCH_IMAGES_KEY
from bnaura_desk.images.checks import sha256_hex
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import customers, scans, settings
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_state import sync_state
from bnaura_desk.store.models import ImageUpload
from bnaura_desk.terminal import Terminal
from sync.client.async_http import AsyncSyncClient
from sync.client.engine import SyncReport, TerminalDatabase, sync_once, sync_round
from sync.client.enroll import client_for
from sync.client.http import ImageRefused, SyncClient, SyncError
from sync.client.images import ensure_image, fetch_image
from sync.server.images import MAX_CHUNK
from tests.images.pictures import big_photo_bytes, photo_bytes, write

from .test_chain_branches import Chain, _sync, chain  # noqa: F401  (a fixture)


class Recording:
    """The terminal's real client, noting the order of its requests (what a packet capture would show)."""

    def __init__(self, client: SyncClient) -> None:
        self.client = client
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.client, name)
        if name not in ("push", "pull", "pull_ahead", "send"):
            return method

        def noted(*args: Any) -> Any:
            path = getattr(args[0], "path", "") if name == "send" else ""
            self.calls.append(f"{args[0].method} image" if path.startswith("/v1/images/") else name)
            return method(*args)
        return noted


def _scanned(t: Terminal, folder: Path, photos: list[bytes]) -> scans.Scan:
    who = t.run(customers.register_customer, CustomerForm(name_th="สมใจ สแกนผิว", phone="0812345670"),
                {ConsentPurpose.SKIN_SCAN_PHOTOS: True}, actor=SYSTEM).result
    paths = [write(folder, f"scan-{i}.png", data) for i, data in enumerate(photos)]
    scan: scans.Scan = t.run(scans.record_scan, who, {"moisture": 38, "pigmentation": 71, "skin_age": 41},
                             "ฝ้าแดดที่โหนกแก้ม", paths, images=ImageStore.beside(t.path), actor=SYSTEM).result
    return scan


def _server_file(on: Chain, sha256: str) -> Path:
    return on.server.tmp / f"images-{on.server.kind}" / on.chain_id / sha256[:2] / sha256


def test_a_scan_taken_offline_syncs_operations_first_then_its_photos_and_the_other_branch_fetches_them(
        chain: Chain, tmp_path: Path) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    front, side = big_photo_bytes(2.5), photo_bytes(3, fmt="JPEG")  # the first takes three chunks
    scan = _scanned(siam, tmp_path, [front, side])
    assert scan.images == (sha256_hex(front), sha256_hex(side))

    with client_for(siam) as client:
        recording = Recording(client)
        report: SyncReport = sync_once(siam, recording)  # type: ignore[arg-type]
    # Every operation was pushed and acknowledged before the first byte of a photo left.
    first_image = recording.calls.index("GET image")
    assert "push" in recording.calls[:first_image]
    assert not {"push", "pull", "pull_ahead"} & set(recording.calls[first_image:])
    assert report.rejected == 0 and report.pushed >= 3  # the customer, the consent, the scan
    assert (report.images.uploaded, report.images.refused, report.images.problem) == (2, 0, "")
    assert report.images.bytes_sent == len(front) + len(side)
    assert recording.calls.count("PUT image") == 3 + 1
    assert _server_file(chain, scan.images[0]).read_bytes() == front
    left = siam.read(lambda s: [u.sha256 for u in s.scalars(select(ImageUpload).where(
        ImageUpload.uploaded_at.is_(None)))])
    assert left == []
    # A second round sends nothing again.
    assert _sync(siam).images.bytes_sent == 0

    # Thonglor pulls the scan (chain-wide, like its customer) and fetches the photos when first shown.
    _sync(thonglor)
    far = thonglor.read(scans.scans_of, scan.customer_id)
    assert [(s.scan_id, s.values, s.notes, s.images) for s in far] == [
        (scan.scan_id, scan.values, "ฝ้าแดดที่โหนกแก้ม", scan.images)]
    store = ImageStore.beside(thonglor.path)
    assert not store.has(scan.images[0])
    with client_for(thonglor) as client:
        paths = [ensure_image(store, client, sha) for sha in far[0].images]
    assert [p.read_bytes() for p in paths] == [front, side]
    assert [sha256_hex(p.read_bytes()) for p in paths] == list(scan.images)


def test_the_server_refuses_what_is_not_an_image_too_large_or_not_its_name(chain: Chain) -> None:  # noqa: F811
    with client_for(chain.siam) as client:
        fake = b"GIF89a but really a text file" * 10
        with pytest.raises(ImageRefused) as refused:
            client.put_image_chunk(sha256_hex(fake), 0, len(fake), fake)
        assert (refused.value.status, refused.value.server_code) == (422, "not_an_image")
        assert client.image_state(sha256_hex(fake)).held == 0  # nothing kept, not even the part

        photo, other = photo_bytes(11), photo_bytes(12)
        with pytest.raises(ImageRefused) as refused:
            client.put_image_chunk(sha256_hex(photo), 0, len(other), other)
        assert (refused.value.status, refused.value.server_code) == (422, "image_hash_mismatch")
        state = client.image_state(sha256_hex(photo))
        assert (state.held, state.complete) == (0, False)

        with pytest.raises(ImageRefused) as refused:
            client.put_image_chunk(sha256_hex(photo), 0, 11 * 1024 * 1024, photo)
        assert (refused.value.status, refused.value.server_code) == (413, "image_too_large")
        with pytest.raises(Exception) as too_big_chunk:
            client.put_image_chunk(sha256_hex(photo), 0, MAX_CHUNK + 10, b"\x00" * (MAX_CHUNK + 10))
        assert getattr(too_big_chunk.value, "status", None) == 413
        # A chunk from anywhere but where the server stands is refused, saying where that is.
        with pytest.raises(ImageRefused) as refused:
            client.put_image_chunk(sha256_hex(photo), 5, len(photo), photo[5:])
        assert (refused.value.status, refused.value.server_code, refused.value.detail["held"]) == (409, "image_offset", 0)
        with pytest.raises(SyncError) as refused_empty:
            client.put_image_chunk(sha256_hex(photo), 0, len(photo), b"")
        assert (refused_empty.value.status, refused_empty.value.server_code) == (422, "invalid_request")
        assert client.put_image_chunk(sha256_hex(photo), 0, len(photo), photo).complete


def test_a_device_of_another_chain_cannot_fetch_a_photo_even_by_its_name(chain: Chain, tmp_path: Path) -> None:  # noqa: F811
    scan = _scanned(chain.siam, tmp_path, [photo_bytes(21)])
    _sync(chain.siam)
    with client_for(chain.other) as rival:
        with pytest.raises(ImageRefused) as refused:
            rival.get_image(scan.images[0])
        assert (refused.value.status, refused.value.server_code) == (404, "image_not_found")
        assert rival.image_state(scan.images[0]).held == 0
    with client_for(chain.thonglor) as sister:
        assert sister.get_image(scan.images[0]) == photo_bytes(21)


def test_an_upload_cut_short_resumes_where_it_stopped(chain: Chain, tmp_path: Path) -> None:  # noqa: F811
    big = big_photo_bytes(2.2)
    scan = _scanned(chain.siam, tmp_path, [big])
    sha = scan.images[0]
    with client_for(chain.siam) as client:
        # A round that lost the connection after the first chunk left this much on the server.
        state = client.put_image_chunk(sha, 0, len(big), big[:MAX_CHUNK])
        assert (state.held, state.complete) == (MAX_CHUNK, False)
    report = _sync(chain.siam)
    assert report.images.uploaded == 1
    assert report.images.bytes_sent == len(big) - MAX_CHUNK  # only the rest was sent
    assert _server_file(chain, sha).read_bytes() == big


def test_a_photo_not_yet_uploaded_is_not_found_and_nothing_is_kept(chain: Chain, tmp_path: Path) -> None:  # noqa: F811
    scan = _scanned(chain.siam, tmp_path, [photo_bytes(31)])
    store = ImageStore.beside(chain.thonglor.path)
    with client_for(chain.thonglor) as client, pytest.raises(ImageRefused):
        ensure_image(store, client, scan.images[0])
    assert not store.has(scan.images[0])


def test_the_apps_asyncio_client_uploads_after_the_operations_and_fetches_too(
        chain: Chain, tmp_path: Path) -> None:  # noqa: F811
    siam = chain.siam
    photo = photo_bytes(41, size=(320, 240), fmt="JPEG")
    scan = _scanned(siam, tmp_path, [photo])
    state = siam.read(sync_state)
    assert state is not None

    async def round_then_fetch() -> tuple[SyncReport, Path]:
        async with AsyncSyncClient(state.server_url, state.token) as client:
            report = await sync_round(TerminalDatabase(siam), client, images=ImageStore.beside(siam.path))
        sister = chain.thonglor.read(sync_state)
        assert sister is not None
        async with AsyncSyncClient(sister.server_url, sister.token) as client:
            fetched = await fetch_image(client.send, ImageStore.beside(chain.thonglor.path), scan.images[0])
        return report, fetched

    report, fetched = asyncio.run(round_then_fetch())
    assert report.rejected == 0 and report.images.uploaded == 1 and report.images.bytes_sent == len(photo)
    assert fetched.read_bytes() == photo


def test_where_the_setting_says_so_a_terminal_fetches_pulled_scans_photos_ahead_of_time(
        chain: Chain, tmp_path: Path) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    # Off by default: Thonglor pulls the scan and fetches nothing until a photo is shown.
    first = _scanned(siam, tmp_path, [photo_bytes(51)])
    _sync(siam)
    assert _sync(thonglor).prefetched.fetched == 0
    assert not ImageStore.beside(thonglor.path).has(first.images[0])
    # The manager turns it on for the chain; Thonglor's next round fetches every scan's photos.
    siam.run(settings.set_chain_setting, PREFETCH_IMAGES_KEY, True, actor=SYSTEM)
    second = _scanned_again(siam, first.customer_id, tmp_path, [photo_bytes(52), photo_bytes(53)])
    _sync(siam)
    report = _sync(thonglor)
    assert (report.prefetched.fetched, report.prefetched.not_yet, report.prefetched.problem) == (3, 0, "")
    store = ImageStore.beside(thonglor.path)
    assert [store.read(sha) for sha in (*first.images, *second.images)] == [
        photo_bytes(51), photo_bytes(52), photo_bytes(53)]
    assert _sync(thonglor).prefetched.fetched == 0  # nothing twice


def _scanned_again(t: Terminal, who: str, folder: Path, photos: list[bytes]) -> scans.Scan:
    paths = [write(folder, f"again-{i}.png", data) for i, data in enumerate(photos)]
    scan: scans.Scan = t.run(scans.record_scan, who, {"moisture": 45}, "", paths, images=ImageStore.beside(t.path),
                             actor=SYSTEM).result
    return scan


def test_a_photo_damaged_on_the_terminals_disk_is_refused_marked_and_blocks_no_other(
        chain: Chain, tmp_path: Path) -> None:  # noqa: F811
    siam = chain.siam
    scan = _scanned(siam, tmp_path, [photo_bytes(61), photo_bytes(62)])
    damaged = ImageStore.beside(siam.path).path(scan.images[0])
    data = bytearray(damaged.read_bytes())
    data[-20] ^= 0xFF  # a flipped byte: the file no longer has its name's hash
    damaged.write_bytes(bytes(data))
    report = _sync(siam)
    assert (report.images.uploaded, report.images.refused, report.images.problem) == (1, 1, "")
    marks = siam.read(lambda s: {u.sha256: u.problem for u in s.scalars(select(ImageUpload))})
    assert marks == {scan.images[0]: "image_hash_mismatch", scan.images[1]: None}
    assert not _server_file(chain, scan.images[0]).exists() and _server_file(chain, scan.images[1]).exists()
    assert _sync(siam).images.bytes_sent == 0  # not sent again every round
