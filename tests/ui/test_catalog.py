"""The catalog screen with real widgets, a real runner and a real SQLite terminal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from bnaura_desk.domain.catalog import ItemForm, ItemKind, StockReason, gtin_check_digit
from bnaura_desk.domain.errors import PermissionDenied
from bnaura_desk.services import catalog as svc
from bnaura_desk.services import staff as staff_service
from tests.conftest import Staffed
from ui.bus import ChangeBus
from ui.catalog.model import CatalogModel
from ui.catalog.screen import CatalogScreen
from ui.catalog.stock import StockDialog
from ui.runner import DeskRunner

# The offscreen platform cannot resize native windows to their size hints and
# says so on every top-level show; that is the test platform, not the app.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

BARCODE = "885000000001" + str(gtin_check_digit("885000000001"))


@pytest.fixture(autouse=True)
def quick_pins(monkeypatch):
    """Cheap argon2 parameters for the staff the fixtures create (PINs are not the subject here)."""
    monkeypatch.setattr(
        staff_service, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture
def desk(staffed: Staffed, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed.terminal, ChangeBus())
    runner.actor = staffed.manager
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


@pytest.fixture
def items(staffed: Staffed) -> dict[str, str]:
    run = staffed.terminal.run
    m = staffed.manager
    ids = {}
    ids["facial"] = run(
        svc.create_item,
        ItemForm(
            ItemKind.TREATMENT,
            "ทรีตเมนต์หน้าใส",
            "Basic Facial",
            150000,
            vat_exempt=True,
            duration_minutes=60,
            protocol_steps=("ล้างหน้า", "มาส์ก"),
        ),
        actor=m,
    ).result
    ids["laser"] = run(
        svc.create_item,
        ItemForm(
            ItemKind.TREATMENT, "เลเซอร์กำจัดขน", "Laser Hair Removal", 350000, duration_minutes=45
        ),
        actor=m,
    ).result
    ids["serum"] = run(
        svc.create_item,
        ItemForm(
            ItemKind.PRODUCT, "เซรั่มวิตามินซี", "Vitamin C Serum", 89000, sku="srm-01", barcode=BARCODE
        ),
        actor=m,
    ).result
    run(svc.move_stock, ids["serum"], 12, StockReason.RECEIVED, actor=m)
    ids["package"] = run(
        svc.create_item,
        ItemForm(
            ItemKind.PACKAGE,
            "แพ็กเกจหน้าใส 5 ครั้ง",
            "Facial x5",
            650000,
            vat_exempt=True,
            package_treatment_id=ids["facial"],
            package_sessions=5,
        ),
        actor=m,
    ).result
    return ids


@pytest.fixture
def screen(desk, items, qtbot) -> CatalogScreen:
    widget = CatalogScreen(desk, desk.bus)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    settle(desk, qtbot)
    return widget


def settle(runner: DeskRunner, qtbot) -> None:
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type key by key; Thai characters as key events carrying their text (keyClicks asserts on them)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )


def column(screen: CatalogScreen, col: int) -> list[str]:
    p = screen.proxy
    return [p.index(r, col).data() for r in range(p.rowCount())]


def select(screen: CatalogScreen, name: str) -> None:
    row = column(screen, CatalogModel.NAME).index(name)
    screen.view.setCurrentIndex(screen.proxy.index(row, 0))


# ---------------------------------------------------------------- the list


def test_list_shows_prices_vat_and_details(screen):
    assert column(screen, CatalogModel.NAME) == [
        "ทรีตเมนต์หน้าใส",
        "เลเซอร์กำจัดขน",
        "เซรั่มวิตามินซี",
        "แพ็กเกจหน้าใส 5 ครั้ง",
    ]  # treatments, products, packages; each by Thai name
    assert column(screen, CatalogModel.KIND) == ["Treatment", "Treatment", "Product", "Package"]
    assert column(screen, CatalogModel.PRICE) == ["฿1,500.00", "฿3,500.00", "฿890.00", "฿6,500.00"]
    assert column(screen, CatalogModel.VAT) == ["Exempt", "7%", "7%", "Exempt"]
    assert column(screen, CatalogModel.DETAILS) == ["60 min", "45 min", "12 in stock", "5 sessions"]


def test_filters(screen, qtbot):
    screen.kind_filter.setCurrentIndex(screen.kind_filter.findData(ItemKind.PRODUCT))
    settle(screen.runner, qtbot)
    assert column(screen, CatalogModel.NAME) == ["เซรั่มวิตามินซี"]
    screen.kind_filter.setCurrentIndex(0)
    type_text(qtbot, screen.text_filter, "หน้าใส")
    settle(screen.runner, qtbot)
    assert column(screen, CatalogModel.NAME) == ["ทรีตเมนต์หน้าใส", "แพ็กเกจหน้าใส 5 ครั้ง"]
    screen.text_filter.clear()
    type_text(qtbot, screen.text_filter, "serum")
    settle(screen.runner, qtbot)
    assert column(screen, CatalogModel.NAME) == ["เซรั่มวิตามินซี"]


def test_a_search_with_no_match_says_so(screen, qtbot):
    assert not screen.no_results.isVisible()
    type_text(qtbot, screen.text_filter, "zzz")
    settle(screen.runner, qtbot)
    assert column(screen, CatalogModel.NAME) == []
    assert screen.no_results.isVisible()
    assert screen.no_results.text() == (
        "No item matches “zzz”. Tick “Show items off sale” to look among those too."
    )
    screen.show_inactive.setChecked(True)
    settle(screen.runner, qtbot)
    assert screen.no_results.text() == "No item matches “zzz”."
    screen.text_filter.clear()
    settle(screen.runner, qtbot)
    assert not screen.no_results.isVisible() and column(screen, CatalogModel.NAME)


def test_sorting_by_price(screen):
    screen.view.sortByColumn(CatalogModel.PRICE, Qt.SortOrder.DescendingOrder)
    assert column(screen, CatalogModel.PRICE) == ["฿6,500.00", "฿3,500.00", "฿1,500.00", "฿890.00"]


def test_models_pass_the_model_tester(screen, qtmodeltester):
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.proxy)
    qtmodeltester.check(CatalogModel())


# ---------------------------------------------------------------- managing


def test_manager_creates_a_treatment_through_the_dialog(screen, qtbot, staffed):
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    dialog = screen.dialog
    assert dialog is not None and dialog.isVisible()
    type_text(qtbot, dialog.name_th, "ฟิลเลอร์ใต้ตา")
    type_text(qtbot, dialog.name_en, "Under-eye Filler")
    type_text(qtbot, dialog.price, "12,500")
    dialog.duration.setValue(30)
    dialog.add_step("ทายาชา")
    dialog.add_step("ฉีดฟิลเลอร์")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)

    assert screen.dialog is None
    names = column(screen, CatalogModel.NAME)
    row = names.index("ฟิลเลอร์ใต้ตา")  # arrived through the bus
    # Thai order ignores the leading vowel: ฟิลเลอร์ (ฟ) before เลเซอร์ (ล).
    assert names[:3] == ["ทรีตเมนต์หน้าใส", "ฟิลเลอร์ใต้ตา", "เลเซอร์กำจัดขน"]
    assert column(screen, CatalogModel.PRICE)[row] == "฿12,500.00"
    assert column(screen, CatalogModel.DETAILS)[row] == "30 min"
    assert screen.selected().name_th == "ฟิลเลอร์ใต้ตา"
    form, _stock = staffed.terminal.read(svc.get_item, screen.selected().id)
    assert form.protocol_steps == ("ทายาชา", "ฉีดฟิลเลอร์")
    assert form.price_satang == 1250000 and not form.vat_exempt


def test_bad_price_shows_the_parse_message(screen, qtbot, staffed):
    before = len(staffed.terminal.read(svc.list_items, include_inactive=True))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    dialog = screen.dialog
    type_text(qtbot, dialog.name_th, "ทดสอบ")
    type_text(qtbot, dialog.price, "12,34.5x")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert dialog.isVisible()
    assert dialog.error_text("price_satang") == "12,34.5x is not an amount in baht (e.g. 1,500.00)"
    assert dialog.focusWidget() is dialog.price
    assert len(staffed.terminal.read(svc.list_items, include_inactive=True)) == before
    # A rule the service checks lands under its field too.
    dialog.price.clear()
    type_text(qtbot, dialog.price, "100")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ItemKind.PRODUCT))
    type_text(qtbot, dialog.sku, "SRM-01")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert dialog.error_text("sku") == "SKU SRM-01 is already used by เซรั่มวิตามินซี"
    dialog.reject()


def test_edit_price(screen, qtbot, staffed, items):
    select(screen, "เลเซอร์กำจัดขน")
    qtbot.mouseClick(screen.edit_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    dialog = screen.dialog
    assert dialog.price.text() == "3,500.00" and not dialog.kind.isEnabled()
    dialog.price.clear()
    type_text(qtbot, dialog.price, "3990")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    row = column(screen, CatalogModel.NAME).index("เลเซอร์กำจัดขน")
    assert column(screen, CatalogModel.PRICE)[row] == "฿3,990.00"


def test_take_off_sale_and_back(screen, qtbot):
    select(screen, "เลเซอร์กำจัดขน")
    assert screen.active_button.text() == "Take off sale"
    qtbot.mouseClick(screen.active_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert "เลเซอร์กำจัดขน" not in column(screen, CatalogModel.NAME)
    screen.show_inactive.setChecked(True)
    settle(screen.runner, qtbot)
    row = column(screen, CatalogModel.NAME).index("เลเซอร์กำจัดขน")
    assert column(screen, CatalogModel.STATUS)[row] == "Off sale"
    select(screen, "เลเซอร์กำจัดขน")
    assert screen.active_button.text() == "Put on sale"
    qtbot.mouseClick(screen.active_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert column(screen, CatalogModel.STATUS)[row] == "On sale"


def test_receive_and_count_stock(screen, qtbot):
    select(screen, "เซรั่มวิตามินซี")
    assert screen.receive_button.isEnabled()
    qtbot.mouseClick(screen.receive_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert isinstance(dialog, StockDialog)
    dialog.quantity.setValue(5)
    type_text(qtbot, dialog.note, "INV-1001")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert screen.selected().stock == 17
    assert "17 in stock" in column(screen, CatalogModel.DETAILS)

    qtbot.mouseClick(screen.count_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert dialog.quantity.value() == 17  # starts from what the system thinks
    dialog.quantity.setValue(15)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert screen.selected().stock == 15
    select(screen, "ทรีตเมนต์หน้าใส")
    assert not screen.receive_button.isEnabled()  # treatments have no stock


# ---------------------------------------------------------------- permissions


def test_front_desk_sees_the_list_but_may_not_change_it(screen, qtbot, staffed):
    screen.runner.actor = staffed.front_desk
    screen.update_actions()
    select(screen, "เซรั่มวิตามินซี")
    assert len(column(screen, CatalogModel.NAME)) == 4
    for button in (
        screen.new_button,
        screen.edit_button,
        screen.active_button,
        screen.receive_button,
        screen.count_button,
    ):
        assert not button.isEnabled()
    assert screen.new_button.toolTip() == "Only a manager may change the catalog"
    screen.edit_selected()  # a double-click does nothing either
    assert screen.dialog is None

    # The service refuses on its own, whatever the buttons say.
    errors = []
    form = ItemForm(ItemKind.TREATMENT, "แอบเพิ่ม", price_satang=100, duration_minutes=30)
    screen.runner.run(svc.create_item, form, on_error=errors.append)
    screen.runner.run(
        svc.move_stock, screen.selected().id, 5, StockReason.RECEIVED, on_error=errors.append
    )
    settle(screen.runner, qtbot)
    assert [type(e) for e in errors] == [PermissionDenied, PermissionDenied]
    assert errors[0].render() == "You may not manage the catalog; ask a manager to authorise it"
    assert len(staffed.terminal.read(svc.list_items, include_inactive=True)) == 4


def test_hidden_screen_refreshes_when_shown(screen, qtbot, staffed):
    screen.hide()
    form = ItemForm(ItemKind.PRODUCT, "กันแดด", "Sunscreen", 59000, sku="SUN-50")
    screen.runner.run(svc.create_item, form)
    settle(screen.runner, qtbot)
    assert "กันแดด" not in column(screen, CatalogModel.NAME)
    screen.show()
    settle(screen.runner, qtbot)
    assert "กันแดด" in column(screen, CatalogModel.NAME)


def test_a_category_is_typed_or_chosen_from_those_in_use(screen, qtbot, staffed, items):
    staffed.terminal.run(svc.update_item, items["laser"], staffed.terminal.read(svc.get_item, items["laser"])[0]
                         .with_changes(category="Laser"), actor=staffed.manager)
    settle(screen.runner, qtbot)
    # Editing the serum: the box offers the categories in use; staff type a new one.
    select(screen, "เซรั่มวิตามินซี")
    qtbot.mouseClick(screen.edit_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    dialog = screen.dialog
    assert [dialog.category.itemText(i) for i in range(dialog.category.count())] == ["Laser"]
    assert dialog.category.currentText() == ""
    dialog.category.setFocus()
    type_text(qtbot, dialog.category.lineEdit(), "  Skincare ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert staffed.terminal.read(svc.get_item, items["serum"])[0].category == "Skincare"
    kinds = dict(zip(column(screen, CatalogModel.NAME), column(screen, CatalogModel.KIND), strict=True))
    assert kinds["เซรั่มวิตามินซี"] == "Product · Skincare" and kinds["เลเซอร์กำจัดขน"] == "Treatment · Laser"
    # A new laser treatment picks Laser from the list with the keyboard.
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    dialog = screen.dialog
    assert [dialog.category.itemText(i) for i in range(dialog.category.count())] == ["Laser", "Skincare"]
    type_text(qtbot, dialog.name_th, "ไอพีแอล")
    type_text(qtbot, dialog.price, "1,900")
    dialog.category.setFocus()
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)
    assert dialog.category.currentText() == "Laser"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    made = [r for r in staffed.terminal.read(svc.list_items) if r.name_th == "ไอพีแอล"]
    assert [r.category for r in made] == ["Laser"]


def test_tags_are_typed_comma_separated_and_kept_as_short_words(screen, qtbot, staffed, items):
    select(screen, "เลเซอร์กำจัดขน")
    qtbot.mouseClick(screen.edit_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    dialog = screen.dialog
    assert dialog.tags.text() == ""
    type_text(qtbot, dialog.tags, " Pigmentation,  anti-aging ,pigmentation")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert staffed.terminal.read(svc.get_item, items["laser"])[0].tags == ("pigmentation", "anti-aging")
    # Editing again shows them as typed back, and a tag too long is refused on the field.
    qtbot.mouseClick(screen.edit_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    dialog = screen.dialog
    assert dialog.tags.text() == "pigmentation, anti-aging"
    dialog.tags.setText("x" * 31)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert dialog.isVisible()
    assert staffed.terminal.read(svc.get_item, items["laser"])[0].tags == ("pigmentation", "anti-aging")
