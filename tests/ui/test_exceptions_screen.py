"""The Exceptions screen: a real conflict raised by the server, seen and resolved by a manager.

Two real terminal files and a real server database (the in-process
``Loopback`` of tests/sync); the resolution travels back to the server and
to the other terminal, and is audited.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from bnaura_desk.domain.roles import Role
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.services.sync_exceptions import ExceptionFilter, list_exceptions
from bnaura_desk.services.sync_state import save_enrollment, sync_status
from bnaura_desk.store.models import AuditEntry
from sync.server.models import SyncException
from tests.conftest import FakeClock
from tests.sync.test_client_loopback import (
    START,
    Clinic,
    Loopback,
    edit,
    later,
    make_first_terminal,
    make_joined_terminal,
    register,
)
from tests.ui.conftest import LIGHT_HASHER
from ui.bus import ChangeBus
from ui.exceptions.screen import ExceptionsScreen, ResolveDialog
from ui.runner import DeskRunner


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Clinic, Actor, Actor]]:
    monkeypatch.setattr(staff_service, "_hasher", LIGHT_HASHER)
    clocks = {"A": FakeClock(START), "B": FakeClock(START)}
    a = make_first_terminal(tmp_path / "a.sqlite", clocks["A"])
    dev = a.device()
    server = Loopback.create(tmp_path / "server.sqlite", dev.chain_id, "คลินิกทดสอบ", FakeClock(START))
    server.add_device(dev.device_id, dev.device_name)
    a.run(save_enrollment, "loopback:", "t", "คลินิกทดสอบ", actor=SYSTEM)
    manager_id = a.run(staff_service.create_staff, "คุณผู้จัดการ", Role.MANAGER, "2580", actor=SYSTEM).result
    desk_id = a.run(staff_service.create_staff, "น้องหน้าร้าน", Role.FRONT_DESK, "1357", actor=SYSTEM).result
    b = make_joined_terminal(tmp_path / "b.sqlite", server, clocks["B"], "POS-2")
    c = Clinic(server, {"A": a, "B": b}, clocks)
    yield c, Actor(manager_id, "คุณผู้จัดการ", Role.MANAGER), Actor(desk_id, "น้องหน้าร้าน", Role.FRONT_DESK)
    for t in c.terminals.values():
        t.close()


def _edit_lost_to_a_delete(c: Clinic) -> str:
    """B deletes a customer while A, offline, edits her: the tombstone wins, A's edit is reported."""
    a, b = c.terminals["A"], c.terminals["B"]
    cid = register(a, "สมหญิง ใจดี", "081 234 5678")
    c.sync_all()
    b.run(customer_service.delete_customer, cid, actor=SYSTEM)
    c.sync("B")
    later(c.clocks["A"])
    edit(a, cid, nickname="หญิง")
    c.sync("A")  # pushes the edit (exception raised), then pulls the exception
    return cid


def test_a_manager_sees_the_lost_edit_and_resolves_it_everywhere(
    qtbot, languages, clinic: tuple[Clinic, Actor, Actor]
) -> None:
    c, manager, _ = clinic
    a, b = c.terminals["A"], c.terminals["B"]
    cid = _edit_lost_to_a_delete(c)
    c.sync("B")
    for t in (a, b):  # the status bar of both terminals: one problem for a manager
        assert t.read(sync_status).problems == 1

    bus = ChangeBus()
    runner = DeskRunner(a, bus)
    runner.actor = manager
    screen = ExceptionsScreen(runner, bus)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    index = screen.model.index(0, screen.model.KIND)
    assert index.data() == "การแก้ไขไม่ถูกบันทึก: ข้อมูลถูกลบไปแล้ว"
    # The customer by her name (deleted since, and said so), the lost field in
    # Thai, the terminal by its name: not the protocol's ids and names.
    assert screen.model.index(0, screen.model.WHAT).data() == "ลูกค้า สมหญิง ใจดี (ถูกลบแล้ว): ฟิลด์ที่แก้ไม่ได้บันทึก ชื่อเล่น"
    assert screen.model.index(0, screen.model.TERMINAL).data() == f"{a.device().device_name} (เครื่องนี้)"
    assert screen.model.index(0, screen.model.STATUS).data() == "ยังไม่จัดการ"
    assert screen.model.row_at(0).entity_id == cid

    screen.view.selectRow(0)
    assert screen.resolve_button.isEnabled()
    dialog = screen.resolve_selected()
    assert isinstance(dialog, ResolveDialog)
    qtbot.addWidget(dialog)
    # No note: refused with a message, nothing changes.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_text("note") != "")
    assert dialog.error_text("note") == "กรุณาเขียนว่าได้จัดการอย่างไร"
    assert a.read(list_exceptions)[0].resolved_at is None
    dialog.note.setPlainText("โทรแจ้งลูกค้าแล้ว ลูกค้าขอลบข้อมูลจริง")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)  # the Open filter no longer lists it
    assert not screen.empty.isHidden()

    screen.status_filter.setCurrentIndex(screen.status_filter.findData(ExceptionFilter.RESOLVED))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.index(0, screen.model.STATUS).data().endswith(
        "โดย คุณผู้จัดการ: โทรแจ้งลูกค้าแล้ว ลูกค้าขอลบข้อมูลจริง"
    )
    runner.shutdown()

    audit = a.read(lambda s: s.scalars(select(AuditEntry).where(AuditEntry.action == "sync_exception.resolve")).all())
    assert [(e.actor_id, e.after["note"]) for e in audit] == [(manager.staff_id, "โทรแจ้งลูกค้าแล้ว ลูกค้าขอลบข้อมูลจริง")]
    assert a.read(sync_status).problems == 0  # resolved: off the status bar at once

    # The resolution syncs: the server's exception row and the other terminal.
    c.sync_all()
    with c.server.sessions() as s:
        row = s.scalars(select(SyncException).where(SyncException.kind == "edit_lost_to_delete")).one()
        assert (row.resolved_by, row.note) == (manager.staff_id, "โทรแจ้งลูกค้าแล้ว ลูกค้าขอลบข้อมูลจริง")
        assert row.resolved_at is not None
    on_b = b.read(list_exceptions, ExceptionFilter.ALL)
    assert [(e.kind, e.resolved_by_name, e.note) for e in on_b] == [
        ("edit_lost_to_delete", "คุณผู้จัดการ", "โทรแจ้งลูกค้าแล้ว ลูกค้าขอลบข้อมูลจริง")
    ]
    assert b.read(sync_status).problems == 0


def test_front_desk_sees_exceptions_but_cannot_resolve_them(qtbot, languages, clinic) -> None:
    c, _, front_desk = clinic
    _edit_lost_to_a_delete(c)
    bus = ChangeBus()
    runner = DeskRunner(c.terminals["A"], bus)
    runner.actor = front_desk
    screen = ExceptionsScreen(runner, bus)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.view.selectRow(0)
    assert not screen.resolve_button.isEnabled()
    assert screen.resolve_button.toolTip() == "เฉพาะผู้จัดการหรือเจ้าของคลินิกเท่านั้นที่จัดการรายการผิดปกติได้"
    assert screen.resolve_selected() is None
    runner.shutdown()
