"""The shell: PIN sign-in, wrong PINs and lockout, user switch, status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from bnaura_desk.domain.roles import Role
from tests.conftest import PINS
from tests.ui.conftest import Shell, sign_in

WRONG = "1357"


def test_sign_in_with_tile_and_pin_shows_user_in_status_bar(qtbot, shell: Shell) -> None:
    window, desk = shell.window, shell.staffed.front_desk
    assert window.signing_in
    assert window.status.user_label.text() == "ยังไม่ได้เข้าสู่ระบบ"

    sign_in(qtbot, window, desk.staff_id, PINS[Role.FRONT_DESK])

    assert not window.signing_in
    assert window.runner.actor == desk
    assert window.status.user_label.text() == "ผู้ใช้: น้องหน้าร้าน (พนักงานหน้าร้าน)"
    assert window.status.clinic_label.text() == "คลินิกทดสอบ"
    assert window.status.sync.text() == "ซิงก์: ยังไม่ได้ตั้งค่า"
    assert window.current_key == "customers"  # the first screen opens
    assert window.login.pin.text() == ""


def test_wrong_pin_shows_translated_message_inline_and_stays(qtbot, shell: Shell) -> None:
    window, desk = shell.window, shell.staffed.front_desk
    sign_in(qtbot, window, desk.staff_id, WRONG)

    assert window.signing_in
    assert window.runner.actor is None
    assert window.login.error.isVisible()
    assert window.login.error.text() == "PIN ไม่ถูกต้อง เหลืออีก 4 ครั้งก่อนบัญชีถูกล็อก"
    assert window.login.pin.text() == ""
    assert window.login.selected is not None and window.login.selected.id == desk.staff_id
    assert window.status.user_label.text() == "ยังไม่ได้เข้าสู่ระบบ"


def test_five_wrong_pins_lock_the_account_and_the_right_pin_is_refused(qtbot, shell: Shell) -> None:
    window, desk = shell.window, shell.staffed.front_desk
    for _ in range(5):
        sign_in(qtbot, window, desk.staff_id, WRONG)
    assert window.login.error.text() == "ใส่ PIN ผิดหลายครั้งเกินไป บัญชีของ น้องหน้าร้าน ถูกล็อกไว้อีก 15 นาที"
    qtbot.waitUntil(lambda: window.login.tile_for(desk.staff_id).locked)
    assert "ล็อกถึง" in window.login.tile_for(desk.staff_id).text()

    sign_in(qtbot, window, desk.staff_id, PINS[Role.FRONT_DESK])

    assert window.signing_in
    assert window.runner.actor is None
    assert window.login.error.text().startswith("ใส่ PIN ผิดหลายครั้งเกินไป บัญชีของ น้องหน้าร้าน ถูกล็อก")


def test_switch_user_with_ctrl_l_takes_one_pin_and_keeps_the_screens(qtbot, shell: Shell) -> None:
    window, staffed = shell.window, shell.staffed
    sign_in(qtbot, window, staffed.front_desk.staff_id, PINS[Role.FRONT_DESK])
    window.show_screen("catalog")
    catalog = window.screen_page("catalog")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert window.signing_in
    assert window.runner.actor is None
    assert window.status.user_label.text() == "ยังไม่ได้เข้าสู่ระบบ"
    assert window.login.selected is None
    assert window.login.pin.text() == ""

    sign_in(qtbot, window, staffed.beautician.staff_id, PINS[Role.BEAUTICIAN])

    assert window.runner.actor == staffed.beautician
    assert window.status.user_label.text() == "ผู้ใช้: พี่นิด (บิวตี้เทอราปิสต์)"
    assert window.current_key == "catalog"
    assert window.screen_page("catalog") is catalog  # kept, not rebuilt


def test_switch_user_from_the_toolbar(qtbot, shell: Shell) -> None:
    window, staffed = shell.window, shell.staffed
    assert not window.toolbar.isVisible()  # nothing to switch from yet
    sign_in(qtbot, window, staffed.manager.staff_id, PINS[Role.MANAGER])
    assert window.toolbar.isVisible()
    button = window.toolbar.widgetForAction(window.switch_user_action)
    assert button.text() == "เปลี่ยนผู้ใช้"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.signing_in
    sign_in(qtbot, window, staffed.owner.staff_id, PINS[Role.OWNER])
    assert window.status.user_label.text() == "ผู้ใช้: คุณเจ้าของ (เจ้าของคลินิก)"


def test_tiles_show_every_active_staff_member_with_their_role(qtbot, shell: Shell) -> None:
    tiles = {t.card.display_name: t.text() for t in shell.window.login.tiles()}
    assert tiles == {
        "คุณเจ้าของ": "คุณเจ้าของ\nเจ้าของคลินิก",
        "คุณผู้จัดการ": "คุณผู้จัดการ\nผู้จัดการ",
        "น้องหน้าร้าน": "น้องหน้าร้าน\nพนักงานหน้าร้าน",
        "น้องเซลส์": "น้องเซลส์\nพนักงานขาย",
        "พี่นิด": "พี่นิด\nบิวตี้เทอราปิสต์",
    }


def test_enter_without_choosing_a_name_asks_for_it(qtbot, shell: Shell) -> None:
    window = shell.window
    qtbot.keyClicks(window.login.pin, "4826")
    qtbot.keyClick(window.login.pin, Qt.Key.Key_Return)
    assert window.login.error.text() == "เลือกชื่อของคุณก่อน"
    assert window.signing_in
    assert window.runner.pending() == 0


def test_pin_pad_types_into_the_field(qtbot, shell: Shell) -> None:
    window, desk = shell.window, shell.staffed.front_desk
    qtbot.mouseClick(window.login.tile_for(desk.staff_id), Qt.MouseButton.LeftButton)
    keys = {b.text(): b for b in window.login.pad.findChildren(type(window.login.pad._enter))}
    for digit in PINS[Role.FRONT_DESK]:
        qtbot.mouseClick(keys[digit], Qt.MouseButton.LeftButton)
    assert window.login.pin.text() == PINS[Role.FRONT_DESK]
    qtbot.mouseClick(keys["ตกลง"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.login.busy and window.runner.pending() == 0)
    assert window.runner.actor == desk


def test_screens_are_built_only_when_first_shown(qtbot, shell: Shell) -> None:
    window = shell.window
    assert window.screen_page("customers") is None and window.screen_page("catalog") is None
    sign_in(qtbot, window, shell.staffed.sales.staff_id, PINS[Role.SALES])
    assert isinstance(window.screen_page("customers"), QLabel)
    assert window.screen_page("catalog") is None
    window.navigation.setCurrentRow(1)
    assert window.current_key == "catalog"
    assert window.screens.currentWidget() is window.screen_page("catalog")


def test_a_new_staff_member_appears_on_the_sign_in_tiles(qtbot, shell: Shell) -> None:
    from bnaura_desk.services import staff as staff_service

    window = shell.window
    sign_in(qtbot, window, shell.staffed.manager.staff_id, PINS[Role.MANAGER])
    window.runner.run(staff_service.create_staff, "น้องฝึกงาน", Role.FRONT_DESK, "8642")
    qtbot.waitUntil(lambda: window.runner.pending() == 0)
    window.switch_user()
    qtbot.waitUntil(lambda: "น้องฝึกงาน" in {t.card.display_name for t in window.login.tiles()})
