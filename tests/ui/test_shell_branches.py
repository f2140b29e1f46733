"""The shell in a chain of branches: the status bar names chain and branch; sign-in only where allowed."""

from __future__ import annotations

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
