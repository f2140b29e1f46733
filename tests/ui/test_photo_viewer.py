"""The photo viewer: a thumbnail double-clicked (or Enter) shows the photo full size, fitted, zoomable, in order.

What a clinic checks: the beautician double-clicks the before photo on her
task's panel and sees that very photo at its full size, fitted to the
window; the arrow keys go through the task's photos; "Before | After" puts
the customer's result beside where she started; the same from a customer's
Skin scans page; Escape closes. A photo not on this PC yet says so, then
shows once fetched from the clinic server. Real terminal files, real image
files written with Pillow, real widgets (offscreen), a real server.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QListWidget

from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.scans import Measure
from bnaura_desk.domain.treatment_photos import PhotoKind
from bnaura_desk.images.checks import sha256_hex
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import customers, scans, tasks, treatment_photos
from bnaura_desk.services.context import SYSTEM
from sync.client.enroll import join_clinic
from sync.server import admin
from tests.conftest import Staffed
from tests.images.pictures import photo_bytes, write
from tests.sync.conftest import Server, now
from tests.ui.test_scans_page import desk as scan_desk  # noqa: F401  (a fixture)
from tests.ui.test_sync_images import Desk, qloop, server  # noqa: F401  (fixtures)
from tests.ui.test_task_queue import _click_card, _queue
from tests.ui.test_task_queue import desk as queue_desk  # noqa: F401  (a fixture)
from ui.i18n import LanguageSwitcher
from ui.images import fetch_through
from ui.main_window import MainWindow
from ui.photos.viewer import PhotoPane, PhotoViewer, ViewerPhoto
from ui.runner import DeskRunner
from ui.scans.screen import ScanPage


def _same_pixels(shown: QImage, data: bytes) -> bool:
    """Whether ``shown`` is the image file ``data``, pixel for pixel."""
    picture = Image.open(io.BytesIO(data)).convert("RGB")
    if (shown.width(), shown.height()) != picture.size:
        return False
    return all(shown.pixelColor(x, y).getRgb()[:3] == picture.getpixel((x, y))
               for y in range(picture.height) for x in range(picture.width))


def _fitted(pane: PhotoPane) -> bool:
    """Whether the pane's photo fills its view on one side and fits on the other (aspect kept)."""
    pixmap = pane.pixmap()
    assert pixmap is not None
    room = pane.view.viewport().size()
    width, height = pixmap.width() * pane.scale(), pixmap.height() * pane.scale()
    fits = width <= room.width() + 0.5 and height <= room.height() + 0.5
    return fits and (abs(width - room.width()) < 1 or abs(height - room.height()) < 1)


def _double_click(qtbot: Any, view: QListWidget, row: int) -> None:
    rect = view.visualItemRect(view.item(row))
    # A press first, as a user's double-click has: the view opens the item pressed and double-clicked.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _activate(qtbot: Any, viewer: PhotoViewer) -> None:
    """Make the viewer the active window, as it is once shown (the offscreen platform may hand it back)."""
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow)


def _closed_by_escape(qtbot: Any, viewer: PhotoViewer) -> None:
    results: list[int] = []
    viewer.finished.connect(results.append)
    qtbot.keyClick(viewer.panes[0].view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: results == [QDialog.DialogCode.Rejected.value])


@pytest.fixture
def with_photos(queue_desk: tuple[MainWindow, Staffed, Any], tmp_path: Path  # noqa: F811
                ) -> tuple[MainWindow, Staffed, Any, list[bytes]]:
    """The queue's facial, started, with two before photos and one after photo (taken in that order)."""
    window, s, made = queue_desk
    s.terminal.run(tasks.start_task, made.task, actor=s.beautician)
    shots = [(PhotoKind.BEFORE, photo_bytes(11, size=(320, 240))), (PhotoKind.BEFORE, photo_bytes(12, size=(200, 300))),
             (PhotoKind.AFTER, photo_bytes(13, size=(320, 240)))]
    for i, (kind, data) in enumerate(shots):
        s.clock.advance(minutes=20)
        s.terminal.run(treatment_photos.add_treatment_photo, made.task, write(tmp_path, f"p{i}.png", data), kind,
                       images=ImageStore.beside(s.terminal.path), actor=s.beautician)
    return window, s, made, [data for _, data in shots]


def test_a_task_photo_double_clicked_shows_full_size_goes_through_and_compares_before_after(
        qtbot: Any, with_photos: tuple[MainWindow, Staffed, Any, list[bytes]]) -> None:
    window, s, _made, shots = with_photos
    screen = _queue(qtbot, window, s)
    _click_card(qtbot, screen)
    panel = screen.panel
    assert panel.photos.count() == 3

    # Double-click the first before photo: that photo, its full 320×240 pixels, fitted to the window.
    _double_click(qtbot, panel.photos, 0)
    viewer = screen.photo_viewer
    assert viewer is not None
    qtbot.waitUntil(viewer.isVisible)
    _activate(qtbot, viewer)
    left = viewer.panes[0]
    pixmap = left.pixmap()
    assert pixmap is not None and _same_pixels(pixmap.toImage(), shots[0])
    assert _fitted(left) and not viewer.panes[1].isVisible()
    assert viewer.windowTitle().startswith("สมหญิง ใจดี — ก่อนทำ · ") and viewer.windowTitle().endswith("(1/3)")
    assert left.caption.text().startswith("ก่อนทำ · ")
    # The window grows: the photo with it.
    scale = left.scale()
    viewer.resize(viewer.width() + 300, viewer.height() + 200)
    qtbot.waitUntil(lambda: left.scale() > scale and _fitted(left))
    _activate(qtbot, viewer)

    # Zoom in with +, out with -, back to the fit with 0; Ctrl+wheel zooms too.
    fit = left.scale()
    qtbot.keyClick(left.view, Qt.Key.Key_Plus)
    assert left.scale() == pytest.approx(fit * 1.25) and viewer.zoom_label.text() == f"{round(fit * 125)}%"
    qtbot.keyClick(left.view, Qt.Key.Key_Minus)
    qtbot.keyClick(left.view, Qt.Key.Key_Minus)
    assert left.scale() == pytest.approx(fit / 1.25)
    qtbot.keyClick(left.view, Qt.Key.Key_0)
    assert left.scale() == pytest.approx(fit)
    for _notch in range(2):  # the wheel turned two notches away from her, Ctrl held
        middle = QPointF(left.view.viewport().rect().center())
        QApplication.sendEvent(left.view.viewport(), QWheelEvent(
            middle, QPointF(left.view.viewport().mapToGlobal(middle.toPoint())), QPoint(), QPoint(0, 120),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False))
    assert left.scale() == pytest.approx(fit * 1.25 ** 2)
    viewer.fit()

    # The arrow keys: the next photo (the second before, 200×300), the after, and no further.
    qtbot.keyClick(left.view, Qt.Key.Key_Right)
    pixmap = left.pixmap()
    assert pixmap is not None and _same_pixels(pixmap.toImage(), shots[1]) and _fitted(left)
    assert viewer.windowTitle().endswith("(2/3)")
    qtbot.keyClick(left.view, Qt.Key.Key_Right)
    pixmap = left.pixmap()
    assert pixmap is not None and _same_pixels(pixmap.toImage(), shots[2])
    assert left.caption.text().startswith("หลังทำ · ") and not viewer.next_action.isEnabled()
    qtbot.keyClick(left.view, Qt.Key.Key_Right)
    assert viewer.index == 2
    qtbot.keyClick(left.view, Qt.Key.Key_Left)
    assert viewer.index == 1

    # Before | After: the before and the after side by side, both fitted; the arrows go through the pairs.
    assert viewer.compare_action.isVisible()
    viewer.compare_action.trigger()
    right = viewer.panes[1]
    qtbot.waitUntil(right.isVisible)
    assert viewer.windowTitle() == "สมหญิง ใจดี — ก่อน | หลัง (2/2)"  # started from the second before
    qtbot.keyClick(left.view, Qt.Key.Key_Left)
    shown = left.pixmap(), right.pixmap()
    assert shown[0] is not None and _same_pixels(shown[0].toImage(), shots[0])
    assert shown[1] is not None and _same_pixels(shown[1].toImage(), shots[2])
    assert left.caption.text().startswith("ก่อนทำ · ") and right.caption.text().startswith("หลังทำ · ")
    qtbot.waitUntil(lambda: _fitted(left) and _fitted(right))
    assert left.geometry().right() < right.geometry().left()  # before on the left, after on the right
    # Zoomed together.
    qtbot.keyClick(left.view, Qt.Key.Key_Plus)
    assert left.zoom == right.zoom == pytest.approx(1.25)
    # Back to one photo: the pair's before.
    viewer.compare_action.trigger()
    qtbot.waitUntil(lambda: not right.isVisible())
    assert viewer.index == 0

    _closed_by_escape(qtbot, viewer)


def test_a_scan_image_opened_with_enter_on_the_scans_page(
        scan_desk: DeskRunner, staffed_copy: Staffed, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    s = staffed_copy
    who = str(s.terminal.run(customers.register_customer, CustomerForm(name_th="สมใจ ใจดี", phone="0812345678"),
                             {ConsentPurpose.SKIN_SCAN_PHOTOS: True}, actor=s.front_desk).result)
    front, side = photo_bytes(21, size=(300, 200), fmt="JPEG"), photo_bytes(22, size=(240, 320))
    s.terminal.run(scans.record_scan, who, {Measure.PORES: 40}, "",
                   [write(tmp_path, "front.jpg", front), write(tmp_path, "side.png", side)],
                   images=ImageStore.beside(s.terminal.path), actor=s.front_desk)
    page = ScanPage(scan_desk, scan_desk.bus)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    page.show_customer(who)
    qtbot.waitUntil(lambda: page.thumbs.count() == 2)

    # Enter on the second image: that image, full size (a PNG: pixel for pixel).
    page.thumbs.setFocus()
    page.thumbs.setCurrentRow(1)
    qtbot.keyClick(page.thumbs, Qt.Key.Key_Return)
    viewer = page.photo_viewer
    assert viewer is not None
    qtbot.waitUntil(viewer.isVisible)
    _activate(qtbot, viewer)
    left = viewer.panes[0]
    pixmap = left.pixmap()
    assert pixmap is not None and _same_pixels(pixmap.toImage(), side) and _fitted(left)
    assert left.caption.text().startswith("ภาพสแกนผิว · ") and viewer.windowTitle().endswith("(2/2)")
    assert not viewer.compare_action.isVisible()  # no before and after here
    # Left: the first, a JPEG (its size; its pixels as decoded).
    qtbot.keyClick(left.view, Qt.Key.Key_Left)
    pixmap = left.pixmap()
    assert pixmap is not None and (pixmap.width(), pixmap.height()) == (300, 200)
    assert viewer.position.text() == "1 จาก 2"
    _closed_by_escape(qtbot, viewer)

    # Double-click opens it too.
    _double_click(qtbot, page.thumbs, 0)
    qtbot.waitUntil(lambda: page.photo_viewer is not viewer and page.photo_viewer is not None
                    and page.photo_viewer.isVisible())


def test_an_image_not_on_this_pc_and_no_server_says_so(
        scan_desk: DeskRunner, staffed_copy: Staffed, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    s = staffed_copy
    who = str(s.terminal.run(customers.register_customer, CustomerForm(name_th="สมใจ ใจดี", phone="0812345678"),
                             {ConsentPurpose.SKIN_SCAN_PHOTOS: True}, actor=s.front_desk).result)
    data = photo_bytes(23)
    s.terminal.run(scans.record_scan, who, {Measure.PORES: 40}, "", [write(tmp_path, "a.png", data)],
                   images=ImageStore.beside(s.terminal.path), actor=s.front_desk)
    ImageStore.beside(s.terminal.path).path(sha256_hex(data)).unlink()  # as if taken at another branch
    page = ScanPage(scan_desk, scan_desk.bus)
    qtbot.addWidget(page)
    page.show()
    page.show_customer(who)
    qtbot.waitUntil(lambda: page.thumbs.count() == 1)
    _double_click(qtbot, page.thumbs, 0)  # the placeholder opens the viewer too
    viewer = page.photo_viewer
    assert viewer is not None
    qtbot.waitUntil(viewer.isVisible)
    left = viewer.panes[0]
    assert left.pixmap() is None and left.message.isVisible()
    assert left.message.text() == "ยังแสดงรูปนี้ไม่ได้\nยังไม่มีในเครื่องนี้"
    _closed_by_escape(qtbot, viewer)


@pytest.fixture
def room(server: Server, tmp_path: Path, qloop: qasync.QEventLoop, qtbot: Any  # noqa: F811
         ) -> Iterator[tuple[Desk, Desk]]:
    """A branch's counter and its treatment room's PC, both joined to the clinic server."""
    with server.sessions() as sessions:
        chain = admin.add_chain(sessions, f"บีเอ็น-ออร่า {uuid.uuid4().hex[:6]}", now())
        branch = admin.add_branch(sessions, chain.id, "สาขาสยาม", now())
        codes = [admin.new_enrollment_code(sessions, branch.id, now())[1].code for _ in range(2)]
        sessions.commit()
    desks = []
    for name, code in zip(("counter", "room"), codes, strict=True):
        join_clinic(tmp_path / f"{name}.sqlite", server.base_url, code, f"POS {name}")
        desk = Desk(tmp_path / f"{name}.sqlite")
        desk.runner.fetch_image = fetch_through(desk.driver)  # as the main window does
        desks.append(desk)
    yield desks[0], desks[1]
    for desk in desks:
        qtbot.waitUntil(lambda desk=desk: desk.runner.pending() == 0, timeout=20_000)
        desk.close(qloop, qtbot)


def test_a_photo_taken_at_the_counter_is_fetched_by_the_viewer_in_the_room(
        room: tuple[Desk, Desk], qloop: qasync.QEventLoop, qtbot: Any, tmp_path: Path,  # noqa: F811
        languages: LanguageSwitcher) -> None:
    counter, room_pc = room
    who = str(counter.terminal.run(customers.register_customer, CustomerForm(name_th="สมใจ ภาพถ่าย",
                                                                             phone="0812345671"),
                                   {ConsentPurpose.SKIN_SCAN_PHOTOS: True}, actor=SYSTEM).result)
    front = photo_bytes(24, size=(300, 200))
    counter.terminal.run(scans.record_scan, who, {Measure.ACNE: 30}, "", [write(tmp_path, "front.png", front)],
                         images=ImageStore.beside(counter.terminal.path), actor=SYSTEM)
    assert counter.round(qloop, qtbot).images.uploaded == 1
    room_pc.round(qloop, qtbot)
    [scan] = room_pc.terminal.read(scans.scans_of, who)
    assert not ImageStore.beside(room_pc.terminal.path).has(sha256_hex(front))

    viewer = PhotoViewer(room_pc.runner, [ViewerPhoto(scan.images[0], scan.at)])
    qtbot.addWidget(viewer)
    viewer.show()
    left = viewer.panes[0]
    # Says so while it comes, then shows it, byte for byte the counter's.
    assert left.message.text() == "ยังไม่มีในเครื่องนี้: กำลังดึงจากเซิร์ฟเวอร์ของคลินิก…"
    qtbot.waitUntil(lambda: left.pixmap() is not None, timeout=20_000)
    pixmap = left.pixmap()
    assert pixmap is not None and _same_pixels(pixmap.toImage(), front) and _fitted(left)
    assert ImageStore.beside(room_pc.terminal.path).read(sha256_hex(front)) == front
