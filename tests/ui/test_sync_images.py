"""Photos in the running app: the sync driver uploads them after the operations, another terminal fetches them when shown.

What a clinic checks: a scan with two photos taken at Siam reaches the
server with the app's own sync round (no command line), its operations
first; at Thonglor the scan arrives with the next round and its photos
appear as thumbnails the first time they are shown, fetched from the
server byte for byte. A photo the server does not hold says so instead of
spinning forever. A real ``bnaura server`` subprocess on SQLite, real
terminal files, the real driver in qasync's loop.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.scans import PREFETCH_IMAGES_KEY
from bnaura_desk.images.checks import sha256_hex
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import customers, scans, settings
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import ImageUpload
from bnaura_desk.terminal import Terminal
from sync.client.engine import SyncReport
from sync.client.enroll import join_clinic
from sync.server import admin
from tests.images.pictures import photo_bytes, write
from tests.sync.conftest import Server, now, start_server
from ui.bus import ChangeBus
from ui.images import Thumbnails
from ui.runner import DeskRunner
from ui.sync_driver import SyncDriver


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("images-server")
    srv = start_server("sqlite", f"sqlite:///{tmp / 'server.sqlite'}", tmp)
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def qloop(desk_app: QApplication) -> Iterator[qasync.QEventLoop]:
    """qasync's loop on the test's QApplication (as ``test_sync_app``'s: never stopped, only let go)."""
    loop = qasync.QEventLoop(desk_app, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


class Desk:
    """One branch's terminal with the app's runner, bus and sync driver."""

    def __init__(self, path: Path) -> None:
        self.terminal = Terminal.open(path)
        self.bus = ChangeBus()
        self.runner = DeskRunner(self.terminal, self.bus)
        self.driver = SyncDriver(self.runner, self.bus, rng=random.Random(1))

    def round(self, loop: qasync.QEventLoop, qtbot: Any) -> SyncReport:
        task = loop.create_task(self.driver.run_round())
        qtbot.waitUntil(task.done, timeout=20_000)
        return task.result()

    def close(self, loop: qasync.QEventLoop, qtbot: Any) -> None:
        stopped = loop.create_task(self.driver.stop())
        qtbot.waitUntil(stopped.done, timeout=10_000)
        self.runner.shutdown()
        self.terminal.close()


@pytest.fixture
def branches(server: Server, tmp_path: Path, qloop: qasync.QEventLoop, qtbot: Any) -> Iterator[tuple[Desk, Desk]]:
    """Siam and Thonglor: two branches of one chain, each terminal joined with a one-time code."""
    suffix = uuid.uuid4().hex[:6]
    with server.sessions() as s:
        chain = admin.add_chain(s, f"บีเอ็น-ออร่า {suffix}", now())
        siam = admin.add_branch(s, chain.id, "สาขาสยาม", now())
        thonglor = admin.add_branch(s, chain.id, "สาขาทองหล่อ", now(), branch_no="1")
        codes = [admin.new_enrollment_code(s, b.id, now())[1].code for b in (siam, thonglor)]
        s.commit()
    desks = []
    for name, code in zip(("siam", "thonglor"), codes, strict=True):
        join_clinic(tmp_path / f"{name}.sqlite", server.base_url, code, f"POS {name}")
        desks.append(Desk(tmp_path / f"{name}.sqlite"))
    yield desks[0], desks[1]
    for desk in desks:
        desk.close(qloop, qtbot)


def _scan_with_photos(t: Terminal, folder: Path, photos: list[bytes]) -> scans.Scan:
    who = t.run(customers.register_customer, CustomerForm(name_th="สมใจ ภาพถ่าย", phone="0812345671"),
                {ConsentPurpose.SKIN_SCAN_PHOTOS: True}, actor=SYSTEM).result
    paths = [write(folder, f"scan-{i}.png", data) for i, data in enumerate(photos)]
    scan: scans.Scan = t.run(scans.record_scan, who, {"pigmentation": 64, "moisture": 41}, "ฝ้าที่แก้ม", paths,
                             images=ImageStore.beside(t.path), actor=SYSTEM).result
    return scan


def test_the_apps_round_uploads_the_photos_and_the_other_branch_shows_them_fetched(
        branches: tuple[Desk, Desk], server: Server, qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    siam, thonglor = branches
    front, side = photo_bytes(21, size=(320, 240)), photo_bytes(22, size=(120, 90), fmt="JPEG")
    scan = _scan_with_photos(siam.terminal, tmp_path, [front, side])

    report = siam.round(qloop, qtbot)
    assert report.rejected == 0 and report.pushed >= 3  # the customer, the consent, the scan
    assert (report.images.uploaded, report.images.refused, report.images.problem) == (2, 0, "")
    assert report.images.bytes_sent == len(front) + len(side)
    waiting = siam.terminal.read(lambda s: list(s.scalars(
        select(ImageUpload.sha256).where(ImageUpload.uploaded_at.is_(None)))))
    assert waiting == []

    # Thonglor's own round pulls the scan; its photos are not here until they are shown.
    thonglor.round(qloop, qtbot)
    [far] = thonglor.terminal.read(scans.scans_of, scan.customer_id)
    assert far.images == scan.images == (sha256_hex(front), sha256_hex(side))
    store = ImageStore.beside(thonglor.terminal.path)
    assert not any(store.has(sha) for sha in far.images)

    thumbnails = Thumbnails(thonglor.driver.ensure_local)
    ready: list[str] = []
    thumbnails.ready.connect(ready.append)
    assert [thumbnails.thumbnail(sha) for sha in far.images] == [None, None]  # loading, not blocking
    qtbot.waitUntil(lambda: len(ready) == 2, timeout=20_000)
    assert sorted(ready) == sorted(far.images)
    big, small = (thumbnails.thumbnail(sha) for sha in far.images)
    assert big is not None and (big.width(), big.height()) == (160, 120)  # scaled to fit, aspect kept
    assert small is not None and (small.width(), small.height()) == (120, 90)  # small ones are not blown up
    assert [store.read(sha) for sha in far.images] == [front, side]


def test_a_photo_the_server_does_not_hold_is_reported_once_not_fetched_forever(
        branches: tuple[Desk, Desk], qloop: qasync.QEventLoop, qtbot: Any) -> None:
    _siam, thonglor = branches
    missing = sha256_hex(photo_bytes(99))  # taken somewhere, never uploaded
    thumbnails = Thumbnails(thonglor.driver.ensure_local)
    failed: list[tuple[str, str]] = []
    thumbnails.failed.connect(lambda sha, why: failed.append((sha, why)))
    assert thumbnails.thumbnail(missing) is None
    qtbot.waitUntil(lambda: bool(failed), timeout=20_000)
    assert failed[0][0] == missing and failed[0][1]
    assert thumbnails.problem(missing) == failed[0][1]
    # Repainting asks again: no new fetch until a retry.
    assert thumbnails.thumbnail(missing) is None and not thumbnails.is_loading(missing)
    thumbnails.retry()
    assert thumbnails.thumbnail(missing) is None and thumbnails.is_loading(missing)
    qtbot.waitUntil(lambda: len(failed) == 2, timeout=20_000)
    assert not ImageStore.beside(thonglor.terminal.path).has(missing)


def test_with_prefetch_on_the_apps_round_brings_the_photos_before_anyone_looks(
        branches: tuple[Desk, Desk], qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:
    siam, thonglor = branches
    siam.terminal.run(settings.set_chain_setting, PREFETCH_IMAGES_KEY, True, actor=SYSTEM)
    scan = _scan_with_photos(siam.terminal, tmp_path, [photo_bytes(31), photo_bytes(32)])
    assert siam.round(qloop, qtbot).images.uploaded == 2

    report = thonglor.round(qloop, qtbot)
    assert (report.prefetched.fetched, report.prefetched.not_yet, report.prefetched.problem) == (2, 0, "")
    store = ImageStore.beside(thonglor.terminal.path)
    assert [store.read(sha) for sha in scan.images] == [photo_bytes(31), photo_bytes(32)]
