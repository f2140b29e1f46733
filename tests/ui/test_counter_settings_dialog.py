"""The counter settings on the POS screen: a manager sets the rules with the keyboard, and the cart follows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from bnaura_desk.domain.catalog import ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.settings import CouponOnRefund
from bnaura_desk.services import catalog, customers, loyalty
from bnaura_desk.services.counter_settings import counter_settings
from tests.conftest import Staffed
from tests.ui.test_counter import make_item, settle, wait_priced
from ui.bus import ChangeBus
from ui.counter.screen import CounterScreen
from ui.counter.settings_dialog import CounterSettingsDialog
from ui.i18n import LanguageSwitcher
from ui.runner import DeskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def shop(staffed_copy: Staffed) -> dict[str, str]:
    """A Laser treatment and a Skincare product at ฿1,000 each, and a member in Gold (10 % off)."""
    s = staffed_copy
    things = {
        "laser": make_item(s, ItemKind.TREATMENT, "พิโคเลเซอร์", 100_000, duration_minutes=30, category="Laser"),
        "cream": make_item(s, ItemKind.PRODUCT, "ครีมกันแดด", 100_000, sku="SUN-1", category="Skincare"),
    }
    s.terminal.run(catalog.move_stock, things["cream"], 10, catalog.StockReason.RECEIVED, actor=s.manager)
    member = str(s.terminal.run(customers.register_customer,
                                CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"), actor=s.front_desk).result)
    s.terminal.run(loyalty.adjust_points, member, 2_900, "ย้ายแต้มจากระบบเดิม", actor=s.manager)
    things["member"] = member
    return things


@pytest.fixture
def desk(staffed_copy: Staffed, languages: LanguageSwitcher, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    runner.actor = staffed_copy.front_desk
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


@pytest.fixture
def screen(desk: DeskRunner, shop: dict[str, str], qtbot, tmp_path: Path) -> CounterScreen:
    widget = CounterScreen(desk, desk.bus, settings=QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    settle(widget, qtbot)
    return widget


def press(qtbot, dialog: QWidget, key: Qt.Key, text: str = "") -> QWidget:
    """Press ``key`` (or type ``text``) where the keyboard is; return the widget that has it next."""
    where = dialog.focusWidget()
    assert where is not None
    if text:
        qtbot.keyClicks(where, text)
    else:
        qtbot.keyClick(where, key)
    return dialog.focusWidget()


def test_the_button_shows_only_to_managers_and_owners(screen, qtbot, staffed_copy) -> None:
    assert not screen.settings_button.isVisible()  # the front desk
    for actor, shown in ((staffed_copy.manager, True), (staffed_copy.sales, False), (staffed_copy.owner, True)):
        screen.runner.actor = actor
        screen.hide()
        screen.show()  # the sign-in page came and went
        assert screen.settings_button.isVisible() is shown


def test_a_manager_limits_the_tier_discount_to_laser_with_the_keyboard(screen, qtbot, staffed_copy, shop) -> None:
    s = staffed_copy
    # The front desk has the cart: the laser, the cream, and the Gold member: 10 % off both.
    screen.attach_member(shop["member"])
    qtbot.waitUntil(lambda: screen.member is not None)
    rows = {r.id: r for r in s.terminal.read(catalog.list_items)}
    screen.add_item(rows[shop["laser"]])
    screen.add_item(rows[shop["cream"]])
    wait_priced(screen, qtbot)
    assert screen.totals.text_of("tier") == "-฿200.00"

    # The manager comes to the counter and opens the settings.
    screen.runner.actor = s.manager
    screen.settings_button.refresh()
    qtbot.mouseClick(screen.settings_button, Qt.MouseButton.LeftButton)
    dialog = screen.settings_button.dialog
    assert isinstance(dialog, CounterSettingsDialog)
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # What is in force now: the defaults.
    assert [box.isChecked() for box in dialog.kind_boxes.values()] == [True, True, True]
    assert dialog.all_categories.isChecked() and dialog.limit.value() == 10
    assert [dialog.categories.item(i).text() for i in range(dialog.categories.count())] == ["Laser", "Skincare"]
    dialog.kind_boxes[ItemKind.TREATMENT].setFocus()

    # Packages off; only Laser; a manager above 5 %; courses a year; a refunded sale's coupon given back.
    assert press(qtbot, dialog, Qt.Key.Key_Tab) is dialog.kind_boxes[ItemKind.PRODUCT]
    assert press(qtbot, dialog, Qt.Key.Key_Tab) is dialog.kind_boxes[ItemKind.PACKAGE]
    press(qtbot, dialog, Qt.Key.Key_Space)
    assert press(qtbot, dialog, Qt.Key.Key_Tab) is dialog.all_categories
    assert press(qtbot, dialog, Qt.Key.Key_Down) is dialog.some_categories and dialog.some_categories.isChecked()
    assert press(qtbot, dialog, Qt.Key.Key_Tab) is dialog.categories
    press(qtbot, dialog, Qt.Key.Key_Space)  # Laser, the first, ticked
    assert press(qtbot, dialog, Qt.Key.Key_Tab) is dialog.limit_on
    assert press(qtbot, dialog, Qt.Key.Key_Tab) is dialog.limit
    qtbot.keyClick(dialog.limit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, dialog, Qt.Key.Key_unknown, "5")
    assert press(qtbot, dialog, Qt.Key.Key_Tab) is dialog.course_days
    qtbot.keyClick(dialog.course_days, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, dialog, Qt.Key.Key_unknown, "365")
    assert press(qtbot, dialog, Qt.Key.Key_Tab) is dialog.coupon_on_refund
    press(qtbot, dialog, Qt.Key.Key_Down)
    press(qtbot, dialog, Qt.Key.Key_Return)  # saves
    qtbot.waitUntil(lambda: screen.settings_button.dialog is None)  # closed (and deleted)

    shown = s.terminal.read(counter_settings)
    assert shown.rules == {"tier_kinds": ["treatment", "product"], "tier_categories": ["Laser"],
                           "line_discount_limit_percent": 5}
    assert (shown.course_valid_days, shown.coupon_on_refund) == (365, CouponOnRefund.RESTORE)
    # The cart on the screen is priced again: the member's 10 % now on the laser only.
    qtbot.waitUntil(lambda: screen.totals.text_of("tier") == "-฿100.00")


def test_a_refusal_is_shown_in_the_dialog_in_thai(screen, qtbot, staffed_copy) -> None:
    screen.runner.actor = staffed_copy.sales  # the dialog is not offered to them; the service refuses anyway
    dialog = CounterSettingsDialog(screen.runner, screen)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    assert dialog.windowTitle() == "ตั้งค่าหน้าร้าน"
    dialog.course_days.setValue(30)
    dialog.save()
    # The manager's PIN is asked (ui.override); cancelling it leaves the dialog open with why.
    qtbot.waitUntil(lambda: dialog.findChild(QWidget, "overrideDialog") is not None
                    and dialog.findChild(QWidget, "overrideDialog").isVisible())
    dialog.findChild(QWidget, "overrideDialog").reject()
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == "การเปลี่ยนแปลงไม่ได้รับการอนุมัติ" and dialog.isVisible()
    assert staffed_copy.terminal.read(counter_settings).course_valid_days == 0
    dialog.reject()


def test_a_value_the_service_refuses_is_shown_under_the_form_in_thai(screen, qtbot, staffed_copy) -> None:
    screen.runner.actor = staffed_copy.manager
    dialog = CounterSettingsDialog(screen.runner, screen)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    dialog.some_categories.setChecked(True)
    dialog.course_days.setValue(30)
    # A stale list: a category as long as none the catalog allows (a newer app's, say) is refused by the service.
    entry = QListWidgetItem("ก" * 61, dialog.categories)
    entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    entry.setCheckState(Qt.CheckState.Checked)
    dialog.save()
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == "หมวดหมู่ยาวได้ไม่เกิน 60 ตัวอักษร" and dialog.save_button.isEnabled()
    assert staffed_copy.terminal.read(counter_settings).course_valid_days == 0  # nothing written
    dialog.reject()
