"""Manager override: a front-desk user's refused action runs once with a manager's PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from sqlalchemy import select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.roles import Permission, Role
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.store.models import AuditEntry
from tests.conftest import PINS
from tests.ui.conftest import LIGHT_HASHER, Shell, sign_in
from ui.override import OverrideDialog, request_override, run_with_override


def audit(shell: Shell, action: str) -> list[AuditEntry]:
    return shell.staffed.terminal.read(
        lambda s: list(s.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars())
    )


def staff_names(shell: Shell) -> list[str]:
    return [c.display_name for c in shell.staffed.terminal.read(staff_service.list_staff)]


def open_dialog(qtbot, shell: Shell) -> OverrideDialog:
    def visible() -> OverrideDialog | None:
        dialogs = [d for d in shell.window.findChildren(OverrideDialog) if d.isVisible() and d.loaded]
        return dialogs[0] if dialogs else None

    qtbot.waitUntil(lambda: visible() is not None)
    return visible()  # type: ignore[return-value]


def test_front_desk_creates_staff_with_a_manager_pin_once(qtbot, shell: Shell, monkeypatch) -> None:
    monkeypatch.setattr(staff_service, "_hasher", LIGHT_HASHER)
    staffed = shell.staffed
    sign_in(qtbot, shell.window, staffed.front_desk.staff_id, PINS[Role.FRONT_DESK])
    done = []

    run_with_override(
        shell.runner, shell.window, staff_service.create_staff, "น้องใหม่", Role.BEAUTICIAN, "8642",
        on_done=done.append,
    )
    dialog = open_dialog(qtbot, shell)

    approvers = [dialog.approvers.item(i).text() for i in range(dialog.approvers.count())]
    assert sorted(approvers) == sorted(["คุณผู้จัดการ · ผู้จัดการ", "คุณเจ้าของ · เจ้าของคลินิก"])
    assert "น้องหน้าร้าน ไม่มีสิทธิ์จัดการพนักงานด้วยตนเอง" in dialog.explanation.text()
    dialog.select(staffed.manager.staff_id)
    qtbot.keyClicks(dialog.pin, PINS[Role.MANAGER])
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(done) and shell.runner.pending() == 0)

    assert staff_names(shell).count("น้องใหม่") == 1
    [created] = audit(shell, "staff.create")[-1:]
    assert created.entity_id == done[0].result
    assert created.actor_id == staffed.front_desk.staff_id
    assert created.authorized_by_id == staffed.manager.staff_id
    [granted] = audit(shell, "staff.override_granted")
    assert granted.entity_id == staffed.manager.staff_id
    assert granted.after == {"permission": "staff.manage", "for": staffed.front_desk.staff_id}
    assert [d for d in shell.window.findChildren(OverrideDialog) if d.isVisible()] == []


def test_wrong_manager_pin_is_refused_inline_and_cancel_changes_nothing(qtbot, shell: Shell) -> None:
    staffed = shell.staffed
    sign_in(qtbot, shell.window, staffed.front_desk.staff_id, PINS[Role.FRONT_DESK])
    before = staff_names(shell)
    cancelled = []

    run_with_override(
        shell.runner, shell.window, staff_service.create_staff, "น้องใหม่", Role.BEAUTICIAN, "8642",
        on_cancel=lambda: cancelled.append(True),
    )
    dialog = open_dialog(qtbot, shell)
    dialog.select(staffed.manager.staff_id)
    qtbot.keyClicks(dialog.pin, "1357")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and shell.runner.pending() == 0)

    assert dialog.isVisible()
    assert dialog.error.text() == "PIN ไม่ถูกต้อง เหลืออีก 4 ครั้งก่อนบัญชีถูกล็อก"
    assert dialog.pin.text() == ""
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    assert cancelled == [True]
    assert staff_names(shell) == before
    assert audit(shell, "staff.override_granted") == []


def test_a_second_refusal_is_not_asked_again(qtbot, shell: Shell, monkeypatch) -> None:
    """A manager's override cannot make an owner: the error is shown, not another dialog."""
    staffed = shell.staffed
    sign_in(qtbot, shell.window, staffed.front_desk.staff_id, PINS[Role.FRONT_DESK])
    errors = []
    run_with_override(
        shell.runner, shell.window, staff_service.create_staff, "คุณหุ้นส่วน", Role.OWNER, "8642",
        on_error=errors.append,
    )
    dialog = open_dialog(qtbot, shell)
    dialog.select(staffed.manager.staff_id)
    qtbot.keyClicks(dialog.pin, PINS[Role.MANAGER])
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(errors) and shell.runner.pending() == 0)

    assert errors[0].render() == "Only an owner may give the owner role"
    assert "คุณหุ้นส่วน" not in staff_names(shell)
    assert [d for d in shell.window.findChildren(OverrideDialog) if d.isVisible()] == []


def test_request_override_blocks_until_a_manager_approves(qtbot, shell: Shell) -> None:
    staffed = shell.staffed
    customer_id = staffed.terminal.run(
        customer_service.register_customer,
        CustomerForm(name_th="สมศรี ใจดี", phone="081-234-5678"),
        actor=staffed.manager,
    ).result
    sign_in(qtbot, shell.window, staffed.front_desk.staff_id, PINS[Role.FRONT_DESK])

    def approve() -> None:
        dialog = open_dialog(qtbot, shell)
        dialog.select(staffed.owner.staff_id)
        qtbot.keyClicks(dialog.pin, PINS[Role.OWNER])
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    QTimer.singleShot(0, approve)
    override = request_override(shell.window, shell.runner, Permission.CUSTOMER_DELETE.value)

    assert override is not None and override.authorizer == staffed.owner
    done = []
    shell.runner.run(customer_service.delete_customer, customer_id, override=override, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done))
    [deleted] = audit(shell, "customer.delete")
    assert deleted.actor_id == staffed.front_desk.staff_id
    assert deleted.authorized_by_id == staffed.owner.staff_id
