"""Photos taken on another terminal appear on the screens: a placeholder first, the photo once fetched.

What a clinic checks: at Siam the beautician photographs her client on the
treatment room's PC; at the counter the task's detail shows a grey
"not on this PC yet" square as soon as the counter's sync round has pulled
the photo, then the photo itself once fetched from the clinic server. The
same for a skin scan's image on the customer's Skin scans page. On a PC
with no clinic server the placeholder stays and says why, and nothing
breaks. A real ``bnaura server`` subprocess, real terminal files, the real
sync driver in qasync's loop, real widgets (offscreen).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QListWidget

from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.roles import Role
from bnaura_desk.domain.scans import Measure
from bnaura_desk.domain.treatment_photos import PhotoKind
from bnaura_desk.images.checks import sha256_hex
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import customers, scans, staff, tasks, treatment_photos
from bnaura_desk.services.context import SYSTEM, Actor
from sync.client.enroll import join_clinic
from sync.server import admin
from tests.conftest import Staffed
from tests.images.pictures import photo_bytes, write
from tests.sync.conftest import Server, now
from tests.task_setup import treatment_task
from tests.ui.test_scans_page import desk as scan_desk  # noqa: F401  (a fixture)
from tests.ui.test_sync_images import Desk, qloop, server  # noqa: F401  (fixtures)
from tests.ui.test_task_queue import _click_card, _queue
from tests.ui.test_task_queue import desk as queue_desk  # noqa: F401  (a fixture)
from ui.i18n import LanguageSwitcher
from ui.images import IMAGE_ROLE, fetch_through
from ui.main_window import MainWindow
from ui.runner import DeskRunner
from ui.scans.screen import ScanPage
from ui.tasks.screen import TaskQueueScreen

NOT_HERE = "ยังไม่มีในเครื่องนี้"
THUMB = QSize(96, 96)


@pytest.fixture
def siam(server: Server, tmp_path: Path, qloop: qasync.QEventLoop, qtbot: Any,  # noqa: F811
         languages: LanguageSwitcher) -> Iterator[tuple[Desk, Desk]]:
    """Siam's counter and its treatment room's PC: two terminals of one branch, each joined with a code."""
    with server.sessions() as s:
        chain = admin.add_chain(s, f"บีเอ็น-ออร่า {uuid.uuid4().hex[:6]}", now())
        branch = admin.add_branch(s, chain.id, "สาขาสยาม", now())
        codes = [admin.new_enrollment_code(s, branch.id, now())[1].code for _ in range(2)]
        s.commit()
    desks = []
    for name, code in zip(("counter", "room"), codes, strict=True):
        join_clinic(tmp_path / f"{name}.sqlite", server.base_url, code, f"POS {name}")
        desk = Desk(tmp_path / f"{name}.sqlite")
        # As the main window does when it attaches its driver.
        desk.runner.fetch_image = fetch_through(desk.driver)
        desks.append(desk)
    yield desks[0], desks[1]
    for desk in desks:
        qtbot.waitUntil(lambda desk=desk: desk.runner.pending() == 0, timeout=20_000)
        desk.close(qloop, qtbot)


class Seen:
    """Every look of a list's first item, in order, each time the event loop turns (what could be painted).

    A look is the item's text and the size of its icon.
    """

    def __init__(self, view: QListWidget) -> None:
        self.view = view
        self.looks: list[tuple[str, tuple[int, int]]] = []
        self._timer = QTimer(view)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._note)
        self._timer.start()

    def _note(self) -> None:
        if self.view.count():
            item = self.view.item(0)
            size = item.icon().actualSize(THUMB)
            look = (item.text(), (size.width(), size.height()))
            if not self.looks or self.looks[-1] != look:
                self.looks.append(look)

    def now(self) -> tuple[str, tuple[int, int]] | None:
        return self.looks[-1] if self.looks else None


def test_a_before_photo_taken_in_the_room_shows_on_the_counters_task_placeholder_first(
        siam: tuple[Desk, Desk], qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    counter, room = siam
    nid = str(counter.terminal.run(staff.create_staff, "พี่นิด", Role.BEAUTICIAN, "7531", actor=SYSTEM).result)
    made = treatment_task(counter.terminal, SYSTEM, SYSTEM, nid)
    counter.round(qloop, qtbot)
    room.round(qloop, qtbot)
    # At the counter, her task is open on the queue: no photo yet.
    nid_actor = Actor(nid, "พี่นิด", Role.BEAUTICIAN)
    counter.runner.actor = nid_actor
    screen = TaskQueueScreen(counter.runner, counter.bus)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitUntil(lambda: screen.loaded and screen.model.rowCount() == 1 and counter.runner.pending() == 0)
    _click_card(qtbot, screen)
    panel = screen.panel
    assert panel.photos.count() == 0
    seen = Seen(panel.photos)

    # In the room: she starts and takes the before photo; the room's round uploads it.
    before = photo_bytes(41, size=(320, 240))
    room.terminal.run(tasks.start_task, made.task, actor=nid_actor)
    room.terminal.run(treatment_photos.add_treatment_photo, made.task, write(tmp_path, "before.png", before),
                      PhotoKind.BEFORE, images=ImageStore.beside(room.terminal.path), actor=nid_actor)
    assert room.round(qloop, qtbot).images.uploaded == 1

    # The counter's round pulls it: the detail shows a placeholder, then the photo, fetched byte for byte.
    counter.round(qloop, qtbot)
    qtbot.waitUntil(lambda: panel.photos.count() == 1 and seen.now() == ("ก่อนทำ", (96, 72)), timeout=20_000)
    assert seen.looks == [("ก่อนทำ (ยังไม่มีในเครื่องนี้)", (96, 96)), ("ก่อนทำ", (96, 72))]
    assert panel.photos.item(0).data(IMAGE_ROLE) == sha256_hex(before)
    assert ImageStore.beside(counter.terminal.path).read(sha256_hex(before)) == before
    # Read again: straight from this PC now.
    screen.show_task(made.task)
    qtbot.waitUntil(lambda: counter.runner.pending() == 0)
    assert panel.photos.item(0).text() == "ก่อนทำ" and panel.photos.item(0).toolTip() == ""


def test_a_scan_image_taken_at_the_counter_shows_on_the_rooms_scans_page_placeholder_first(
        siam: tuple[Desk, Desk], qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    counter, room = siam
    who = str(counter.terminal.run(customers.register_customer, CustomerForm(name_th="สมใจ ภาพถ่าย",
                                                                             phone="0812345671"),
                                   {ConsentPurpose.SKIN_SCAN_PHOTOS: True}, actor=SYSTEM).result)
    counter.round(qloop, qtbot)
    room.round(qloop, qtbot)
    # In the room, her Skin scans page is open: no scan yet.
    page = ScanPage(room.runner, room.bus)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    page.show_customer(who)
    qtbot.waitUntil(lambda: page.data is not None and room.runner.pending() == 0)
    assert page.data is not None and page.data.latest is None and page.thumbs.count() == 0
    seen = Seen(page.thumbs)

    # At the counter: a scan with the scanner's photo; the counter's round uploads it.
    front = photo_bytes(42, size=(300, 200), fmt="JPEG")
    counter.terminal.run(scans.record_scan, who, {Measure.PIGMENTATION: 64}, "ฝ้าที่แก้ม",
                         [write(tmp_path, "front.jpg", front)], images=ImageStore.beside(counter.terminal.path),
                         actor=SYSTEM)
    assert counter.round(qloop, qtbot).images.uploaded == 1

    # The room's round pulls the scan: a placeholder, then the image once fetched.
    room.round(qloop, qtbot)
    qtbot.waitUntil(lambda: page.thumbs.count() == 1 and seen.now() == ("", (96, 64)), timeout=20_000)
    assert seen.looks == [(NOT_HERE, (96, 96)), ("", (96, 64))]
    assert page.thumbs.item(0).data(IMAGE_ROLE) == sha256_hex(front)
    assert ImageStore.beside(room.terminal.path).read(sha256_hex(front)) == front


def test_without_a_server_the_scans_placeholder_stays_and_says_why(
        scan_desk: DeskRunner, staffed_copy: Staffed, qloop: qasync.QEventLoop, qtbot: Any,  # noqa: F811
        tmp_path: Path) -> None:
    s = staffed_copy
    assert scan_desk.fetch_image is None  # a runner alone: local files only
    who = str(s.terminal.run(customers.register_customer, CustomerForm(name_th="สมใจ ใจดี", phone="0812345678"),
                             {ConsentPurpose.SKIN_SCAN_PHOTOS: True}, actor=s.front_desk).result)
    data = photo_bytes(43)
    s.terminal.run(scans.record_scan, who, {Measure.PORES: 40}, "", [write(tmp_path, "side.png", data)],
                   images=ImageStore.beside(s.terminal.path), actor=s.front_desk)
    # As if taken at another branch: the file is not in this terminal's store.
    ImageStore.beside(s.terminal.path).path(sha256_hex(data)).unlink()
    page = ScanPage(scan_desk, scan_desk.bus)
    qtbot.addWidget(page)
    page.show()
    page.show_customer(who)
    qtbot.waitUntil(lambda: page.thumbs.count() == 1 and page.thumbs.item(0).toolTip() == NOT_HERE,
                    timeout=20_000)
    assert page.thumbs.item(0).text() == NOT_HERE
    assert page.thumbnails.problem(sha256_hex(data)) == NOT_HERE
    page.refresh()  # asked again: the same answer, no crash
    qtbot.waitUntil(lambda: scan_desk.pending() == 0 and not page.thumbnails.is_loading(sha256_hex(data)))
    assert page.thumbs.item(0).text() == NOT_HERE and page.thumbs.item(0).toolTip() == NOT_HERE


def test_on_a_terminal_not_connected_to_a_server_the_task_photo_placeholder_stays(
        queue_desk: tuple[MainWindow, Staffed, Any], qloop: qasync.QEventLoop, qtbot: Any,  # noqa: F811
        tmp_path: Path) -> None:
    window, s, made = queue_desk
    assert window.runner.fetch_image is not None  # the main window's sync driver, never enrolled
    screen = _queue(qtbot, window, s)
    _click_card(qtbot, screen)
    panel = screen.panel
    qtbot.mouseClick(panel.claim, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.runner.pending() == 0 and panel.add_after.isEnabled())
    data = photo_bytes(44)
    screen.add_photo(PhotoKind.AFTER, write(tmp_path, "after.png", data))
    qtbot.waitUntil(lambda: window.runner.pending() == 0 and panel.photos.count() == 1)
    # As if taken on another terminal: the file is not here, and there is no server to ask.
    ImageStore.beside(s.terminal.path).path(sha256_hex(data)).unlink()
    screen.show_task(made.task)
    qtbot.waitUntil(lambda: panel.photos.item(0).toolTip() == NOT_HERE, timeout=20_000)
    assert panel.photos.item(0).text() == "หลังทำ (ยังไม่มีในเครื่องนี้)"
    assert window.sync_driver.images.has(sha256_hex(data)) is False
