"""The shell in a chain of branches: the status bar names chain and branch; sign-in only where allowed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.sync_state import save_enrollment
from tests.services.test_branches import OTHER_BRANCH, _add_branch
from tests.ui.conftest import Shell, sign_in


def test_the_status_bar_names_the_chain_and_the_branch(qtbot, shell: Shell) -> None:
    window = shell.window
    # A clinic of its own (a chain of one branch called like it): its name once.
    assert window.status.clinic_label.text() == "คลินิกทดสอบ"
    # Enrolled with the server, the chain takes the server's name; the status bar follows.
    window.runner.run(save_enrollment, "http://127.0.0.1:9", "token", "เครือบีเอ็นออร่า", actor=None)
    qtbot.waitUntil(lambda: window.status.clinic_label.text() == "เครือบีเอ็นออร่า · คลินิกทดสอบ")
    assert window.windowTitle().endswith("คลินิกทดสอบ")
    assert window.login.clinic_title.text() == "คลินิกทดสอบ"


def test_a_member_not_allowed_at_this_branch_is_told_so_at_sign_in(qtbot, shell: Shell) -> None:
    window, staffed = shell.window, shell.staffed
    desk = staffed.front_desk
    _add_branch(staffed.terminal)
    staffed.terminal.run(staff_service.set_staff_branches, desk.staff_id, [OTHER_BRANCH], actor=staffed.manager)

    sign_in(qtbot, window, desk.staff_id, staffed.pins["front_desk"])

    assert window.signing_in and window.runner.actor is None
    assert window.login.error.isVisible()
    assert window.login.error.text() == "น้องหน้าร้าน ไม่ได้รับสิทธิ์เข้าสู่ระบบที่สาขานี้ กรุณาติดต่อผู้จัดการ"
    shell.languages.set_language("en", save=False)
    qtbot.waitUntil(lambda: window.login.error.text() == "น้องหน้าร้าน may not sign in at this branch; ask a manager")


def _second_branch_arrives(qtbot, shell: Shell) -> None:
    """The Thonglor branch arrives on this terminal and is announced, as a pull announces it."""
    from bnaura_desk.domain.changes import ChangeSet, Kind

    _add_branch(shell.staffed.terminal)
    shell.window.runner.run(
        lambda ctx: ChangeSet({Kind.BRANCH: frozenset({OTHER_BRANCH})}), actor=None
    )
    qtbot.waitUntil(lambda: shell.window._branch_count == 2)


def test_staff_branches_are_hidden_in_a_chain_of_one_branch(qtbot, shell: Shell) -> None:
    window, staffed = shell.window, shell.staffed
    sign_in(qtbot, window, staffed.manager.staff_id, staffed.pins["manager"])
    assert not window.staff_branches_action.isVisible()
    assert window.edit_staff_branches() is None


def test_a_manager_ticks_where_a_member_may_sign_in(qtbot, shell: Shell) -> None:
    from ui.staff_branches import StaffBranchesDialog

    window, staffed = shell.window, shell.staffed
    _second_branch_arrives(qtbot, shell)
    sign_in(qtbot, window, staffed.front_desk.staff_id, staffed.pins["front_desk"])
    assert not window.staff_branches_action.isVisible()  # not a staff manager
    window.switch_user()
    sign_in(qtbot, window, staffed.manager.staff_id, staffed.pins["manager"])
    assert window.staff_branches_action.isVisible()
    assert window.staff_branches_action.text() == "สาขาที่พนักงานเข้าสู่ระบบได้…"

    dialog = window.edit_staff_branches()
    assert isinstance(dialog, StaffBranchesDialog)
    qtbot.waitUntil(lambda: dialog.loaded and dialog.staff_list.count() == 5)
    names = [dialog.branch_list.item(r).text() for r in range(dialog.branch_list.count())]
    assert names == ["คลินิกทดสอบ (00000)", "สาขาทองหล่อ (00001)"]
    dialog.select(staffed.front_desk.staff_id)
    assert dialog.ticked() == []  # every branch
    dialog.tick(OTHER_BRANCH)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    cards = {c.id: c for c in staffed.terminal.read(staff_service.list_staff)}
    assert cards[staffed.front_desk.staff_id].branch_ids == (OTHER_BRANCH,)
    dialog.close()

    window.switch_user()
    sign_in(qtbot, window, staffed.front_desk.staff_id, staffed.pins["front_desk"])
    assert window.signing_in
    assert "ไม่ได้รับสิทธิ์เข้าสู่ระบบที่สาขานี้" in window.login.error.text()
