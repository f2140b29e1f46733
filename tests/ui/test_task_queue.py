"""The task queue on the shared PC, through the real main window: a beautician's treatment from claim to done.

Real terminal, real PIN sign-in, real widgets (offscreen): what the user
sees is asserted beside what the database holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from bnaura_desk.domain.journeys import Stage
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import consents, tasks
from bnaura_desk.store.models import Journey, OutboxOperation, Task, TreatmentPhoto
from tests.conftest import Staffed
from tests.images.pictures import photo_bytes, write
from tests.task_setup import STEPS, Made, treatment_task
from tests.ui.conftest import sign_in
from ui.i18n import LanguageSwitcher
from ui.main_window import MainWindow
from ui.tasks.delegate import PRIORITY_COLOURS
from ui.tasks.labels import card_lines
from ui.tasks.model import OVERDUE_ROLE
from ui.tasks.screen import TaskQueueScreen


@pytest.fixture
def desk(qtbot, staffed_copy: Staffed, languages: LanguageSwitcher) -> Iterator[tuple[MainWindow, Staffed, Made]]:
    """The app's main window on a terminal where a facial waits for the beautician (her scan recorded)."""
    from ui.app import create_main_window

    s = staffed_copy
    made = treatment_task(s.terminal, s.manager, s.front_desk, str(s.beautician.staff_id),
                          scan={"moisture": 42, "pigmentation": 67})
    window = create_main_window(s.terminal, languages)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window, s, made
    qtbot.waitUntil(lambda: window.runner.pending() == 0)
    window.runner.shutdown()


def _queue(qtbot, window: MainWindow, s: Staffed, who: str = "beautician") -> TaskQueueScreen:
    """Sign in with a PIN and open the task queue from the navigation."""
    actor = getattr(s, who)
    sign_in(qtbot, window, actor.staff_id, s.pins[str(actor.role)])
    assert "คิวงาน" in [window.navigation.item(i).text() for i in range(window.navigation.count())
                        if not window.navigation.item(i).isHidden()]
    screen = window.show_screen("tasks")
    assert isinstance(screen, TaskQueueScreen)
    qtbot.waitUntil(lambda: screen.loaded and window.runner.pending() == 0)
    return screen


def _click_card(qtbot, screen: TaskQueueScreen, row: int = 0) -> None:
    index = screen.model.index(row)
    qtbot.mouseClick(screen.view.viewport(), Qt.MouseButton.LeftButton, pos=screen.view.visualRect(index).center())
    qtbot.waitUntil(lambda: screen.panel.detail is not None and screen.runner.pending() == 0)


def _click(qtbot, screen: TaskQueueScreen, button: Any) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.runner.pending() == 0)


def _task(s: Staffed, task_id: str) -> Task:
    row = s.terminal.read(lambda session: session.get(Task, task_id))
    assert row is not None
    return row


def _stage(s: Staffed, journey: str) -> str:
    return s.terminal.read(lambda session: session.get(Journey, journey).stage)  # type: ignore[union-attr]


def test_a_beautician_works_her_treatment_from_the_queue(qtbot, desk, tmp_path: Path, qtmodeltester) -> None:
    window, s, made = desk
    screen = _queue(qtbot, window, s)
    # Her facial is in her queue, painted by the delegate (no widget per card).
    [card] = screen.model.cards()
    qtmodeltester.check(screen.model)
    assert screen.view.indexWidget(screen.model.index(0)) is None
    customer, about, facts = card_lines(card)
    assert customer == "สมหญิง ใจดี · บรอนซ์"
    assert about == "ทำ ทรีตเมนต์หน้าใส ให้ สมหญิง ใจดี"
    assert facts.startswith("ด่วนที่สุด · กำหนดเสร็จ ") and facts.endswith("รอรับงาน · 0/3 ขั้นตอน")
    assert screen.count.text() == "1 งาน"
    # She selects it: her customer, tier, scan results and the protocol.
    _click_card(qtbot, screen)
    panel = screen.panel
    assert panel.customer.text() == "สมหญิง ใจดี · บรอนซ์"
    assert "ความชุ่มชื้น: 42" in panel.scan.text() and "เม็ดสี: 67" in panel.scan.text()
    assert [panel.checklist.item(i).text() for i in range(panel.checklist.count())] == list(STEPS)
    assert (panel.claim.isEnabled(), panel.start.isEnabled(), panel.complete.isEnabled()) == (True, True, False)
    assert not panel.reassign.isVisible()  # managers only
    assert not panel.add_before.isEnabled()  # only once she holds the task
    # Claim.
    _click(qtbot, screen, panel.claim)
    assert screen.message.text() == "รับงานแล้ว"
    assert _task(s, made.task).claimed_by == s.beautician.staff_id
    qtbot.waitUntil(lambda: not panel.claim.isEnabled() and panel.start.isEnabled())
    # The customer signs the treatment's consent form on screen; the signed PDF is kept for the task.
    assert panel.consent_button.text() == "ความยินยอม…"
    _click(qtbot, screen, panel.consent_button)
    consent = screen.consent_dialog
    assert consent is not None and consent.isVisible()
    qtbot.waitUntil(lambda: consent.sign_button.isEnabled())
    pad = consent.pad
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(40, 100))
    for x, y in ((90, 60), (140, 120), (200, 70)):
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 70))
    consent.sign_button.click()
    qtbot.waitUntil(lambda: screen.runner.pending() == 0 and panel.consent_button.text().startswith("ลงนามยินยอมแล้ว"))
    assert screen.message.text() == "ลงนามใบยินยอมและเก็บไว้แล้ว"
    assert not panel.consent_button.isEnabled()
    signed = s.terminal.read(consents.consent_for_task, made.task)
    assert signed is not None and ImageStore.beside(s.terminal.path).has(signed.pdf_sha256)
    # Start: the journey moves into treatment.
    _click(qtbot, screen, panel.start)
    assert screen.message.text() == "เริ่มงานแล้ว"
    assert _stage(s, made.journey) == Stage.IN_TREATMENT
    qtbot.waitUntil(lambda: panel.complete.isEnabled() and "เคส: กำลังทำทรีตเมนต์" in panel.facts.text())
    # Tick the first and last steps.
    for row in (0, 2):
        item = panel.checklist.item(row)
        rect = panel.checklist.visualItemRect(item)
        # The tick box is at the item's left edge.
        qtbot.mouseClick(panel.checklist.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(rect.left() + 10, rect.center().y()))
        qtbot.waitUntil(lambda: screen.runner.pending() == 0)
        qtbot.waitUntil(lambda row=row: panel.checklist.item(row).checkState() == Qt.CheckState.Checked)
    assert [step["done"] for step in _task(s, made.task).checklist] == [True, False, True]
    qtbot.waitUntil(lambda: screen.model.cards() and card_lines(screen.model.cards()[0])[2].endswith("2/3 ขั้นตอน"))
    # Notes, typed in Thai (Thai text arrives through the input method, as the keyboard's layout sends it).
    panel.notes.setFocus()
    typed = QInputMethodEvent("", [])
    typed.setCommitString("ผิวแพ้ง่าย ใช้มาส์กอ่อน")
    QApplication.sendEvent(panel.notes, typed)
    assert panel.save_notes.isEnabled()
    _click(qtbot, screen, panel.save_notes)
    assert screen.message.text() == "บันทึกแล้ว"
    assert _task(s, made.task).notes == "ผิวแพ้ง่าย ใช้มาส์กอ่อน"
    # A before photo, chosen in the file dialog: its thumbnail shows.
    picture = write(tmp_path, "before.png", photo_bytes(5, size=(120, 90)))
    _click(qtbot, screen, panel.add_before)
    dialog = screen.file_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(picture))
    dialog.accept()
    qtbot.waitUntil(lambda: screen.runner.pending() == 0 and panel.photos.count() == 1)
    assert screen.message.text() == "เพิ่มรูปแล้ว"
    assert panel.photos.item(0).text() == "ก่อนทำ" and not panel.photos.item(0).icon().isNull()
    kinds = s.terminal.read(lambda session: [(p.kind, p.task_id) for p in session.scalars(select(TreatmentPhoto))])
    assert kinds == [("before", made.task)]
    # Complete: the journey's treatment is completed and the task leaves her queue.
    _click(qtbot, screen, panel.complete)
    assert screen.message.text() == "งานเสร็จเรียบร้อย"
    assert _task(s, made.task).status == "done" and _stage(s, made.journey) == Stage.TREATMENT_COMPLETED
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0 and screen.count.text() == "ไม่มีงานรอคุณอยู่")
    qtbot.waitUntil(lambda: "เสร็จแล้ว" in panel.facts.text())
    assert not (panel.claim.isEnabled() or panel.start.isEnabled() or panel.complete.isEnabled())


def test_an_overdue_task_shows_its_marker(qtbot, desk) -> None:
    window, s, _made = desk
    s.clock.advance(days=4)  # due three days after it was scheduled
    screen = _queue(qtbot, window, s)
    assert screen.model.index(0).data(OVERDUE_ROLE) is True
    assert screen.count.text() == "1 งาน · เกินกำหนด 1"
    # On the card: the red edge down its left side (not the priority's dot, which is red too for urgent).
    rect = screen.view.visualRect(screen.model.index(0))
    image = screen.view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    edge = image.pixelColor(int((rect.left() + 6) * ratio), int(rect.center().y() * ratio))
    assert (edge.red(), edge.green(), edge.blue()) == (0xC6, 0x28, 0x28)
    assert PRIORITY_COLOURS[1].name() == "#c62828"
    _click_card(qtbot, screen)
    assert screen.panel.facts.text().startswith("เกินกำหนด · ")


def test_a_task_someone_else_started_cannot_be_completed(qtbot, desk) -> None:
    window, s, made = desk
    screen = _queue(qtbot, window, s)
    _click_card(qtbot, screen)
    panel = screen.panel
    _click(qtbot, screen, panel.start)  # she claims and starts it
    qtbot.waitUntil(lambda: panel.complete.isEnabled())
    # Meanwhile, on another terminal, the manager takes it over and starts it himself (not yet on her screen).
    s.terminal.run(tasks.reassign_task, made.task, s.manager.staff_id, actor=s.manager)
    s.terminal.run(tasks.start_task, made.task, actor=s.manager)
    before = s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(OutboxOperation)))
    _click(qtbot, screen, panel.complete)
    assert screen.message.text() == "คุณผู้จัดการ เริ่มทำงานนี้แล้ว เฉพาะผู้นั้นทำต่อได้"
    # Nothing changed: still the manager's, started, the journey still in treatment, nothing to sync.
    row = _task(s, made.task)
    assert (row.status, row.claimed_by) == ("started", s.manager.staff_id)
    assert _stage(s, made.journey) == Stage.IN_TREATMENT
    assert s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(OutboxOperation))) == before
    # Her screen now shows it as it is: the manager's, and not hers to complete.
    qtbot.waitUntil(lambda: "คุณผู้จัดการ กำลังทำ" in panel.facts.text())
    assert not panel.complete.isEnabled() and screen.model.rowCount() == 0


def test_switch_user_goes_back_to_the_pin_sign_in_and_shows_the_next_persons_queue(qtbot, desk) -> None:
    window, s, made = desk
    screen = _queue(qtbot, window, s)
    assert screen.who.text() == "พี่นิด (บิวตี้เทอราปิสต์)" and screen.model.rowCount() == 1
    qtbot.mouseClick(screen.switch_user, Qt.MouseButton.LeftButton)
    assert window.signing_in and window.runner.actor is None
    sign_in(qtbot, window, s.sales.staff_id, s.pins[str(s.sales.role)])
    qtbot.waitUntil(lambda: window.current_key == "tasks" and screen.who.text() == "น้องเซลส์ (พนักงานขาย)")
    qtbot.waitUntil(lambda: screen.loaded and window.runner.pending() == 0)
    assert made.task not in [c.id for c in screen.model.cards()]  # the beautician's task is not hers


def test_a_manager_sees_the_branchs_tasks_and_reassigns_one_to_the_role_queue(qtbot, desk) -> None:
    window, s, made = desk
    screen = _queue(qtbot, window, s, "manager")
    assert made.task not in [c.id for c in screen.model.cards()]  # not in his own queue
    assert screen.whole_branch.isVisible() and screen.whole_branch.text() == "งานทั้งหมดของสาขา"
    qtbot.mouseClick(screen.whole_branch, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.runner.pending() == 0 and made.task in [c.id for c in screen.model.cards()])
    _click_card(qtbot, screen, screen.model.row_of(made.task))
    _click(qtbot, screen, screen.panel.reassign)
    qtbot.waitUntil(lambda: screen.reassign_dialog is not None and screen.reassign_dialog.isVisible())
    dialog = screen.reassign_dialog
    assert dialog is not None and dialog.who.currentText() == "คืนเข้าคิวของตำแหน่ง (ยังไม่มีผู้รับ)"
    dialog.accept()
    qtbot.waitUntil(lambda: screen.runner.pending() == 0 and screen.message.text() == "เปลี่ยนผู้รับงานแล้ว")
    row = _task(s, made.task)
    assert (row.assignee_id, row.claimed_by, row.status) == (None, None, "open")
