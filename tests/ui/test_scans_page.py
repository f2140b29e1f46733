"""The Skin scans page of the customer screen: real widgets, a real runner, a real SQLite terminal and image files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.scans import Measure
from bnaura_desk.domain.suggestions import Comparison, Rule
from bnaura_desk.images.checks import sha256_hex
from bnaura_desk.services import catalog
from bnaura_desk.services import customers as customer_service
from bnaura_desk.store.models import SkinScan
from tests.conftest import Staffed
from tests.images.pictures import photo_bytes, write
from ui.bus import ChangeBus
from ui.customers.screen import CustomerScreen
from ui.i18n import LanguageSwitcher
from ui.runner import DeskRunner
from ui.scans.compare_model import ScanCompareModel
from ui.scans.rules_dialog import SuggestionRulesDialog


@pytest.fixture
def desk(staffed_copy: Staffed, languages: LanguageSwitcher, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    runner.actor = staffed_copy.sales
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


def _customer(s: Staffed, consent: bool) -> str:
    consents = {ConsentPurpose.SKIN_SCAN_PHOTOS: True} if consent else {}
    return str(s.terminal.run(customer_service.register_customer,
                              CustomerForm(name_th="สมใจ ใจดี", phone="0812345678"), consents,
                              actor=s.front_desk).result)


def _open(desk: DeskRunner, qtbot, who: str) -> CustomerScreen:
    screen = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    screen.open_customer(who)
    qtbot.waitUntil(lambda: screen.detail.customer_id == who)
    screen.detail.pages.setCurrentWidget(screen.scans)
    qtbot.waitUntil(lambda: screen.scans.data is not None)
    return screen


def _scan_count(s: Staffed) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(SkinScan))))


def _type(screen: CustomerScreen, qtbot, values: dict[Measure, int]) -> None:
    for measure, value in values.items():
        spin = screen.scans.spins[measure]
        spin.selectAll()
        qtbot.keyClicks(spin, str(value))


def test_two_scans_recorded_on_the_page_are_compared_charted_and_suggest_a_treatment(
        desk: DeskRunner, staffed_copy: Staffed, qtbot, qtmodeltester, tmp_path: Path,
        languages: LanguageSwitcher) -> None:
    s = staffed_copy
    laser = s.terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th="เลเซอร์ฝ้า", name_en="Melasma laser", price_satang=250_000,
        duration_minutes=45, tags=("pigmentation",)), actor=s.manager).result
    who = _customer(s, consent=True)
    screen = _open(desk, qtbot, who)
    page = screen.scans
    assert not page.consent_message.isVisible() and page.save_button.isEnabled()
    assert page.compare_caption.text() == "ยังไม่มีการสแกน"

    # The first scan, with the scanner's photo.
    photo = write(tmp_path, "front.png", photo_bytes(4))
    _type(screen, qtbot, {Measure.PIGMENTATION: 50, Measure.MOISTURE: 45, Measure.ACNE: 30})
    page.notes.setPlainText("ฝ้าที่แก้ม")
    page.set_images([photo])
    assert page.files_label.text() == "รูปภาพ: front.png"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.data is not None and page.data.latest is not None)
    assert page.spins[Measure.PIGMENTATION].text() == "—"  # the form is empty for the next scan
    assert page.thumbs.count() == 1 and page.thumbs.item(0).data(Qt.ItemDataRole.UserRole) == sha256_hex(
        photo_bytes(4))
    assert page.suggestions.count() == 0 and page.no_suggestions.text() == "ไม่มีทรีตเมนต์ที่แนะนำจากการสแกนล่าสุด"

    # A month later: pigmentation and moisture worse, acne better.
    s.clock.advance(days=30)
    _type(screen, qtbot, {Measure.PIGMENTATION: 72, Measure.MOISTURE: 38, Measure.ACNE: 20})
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.data is not None and page.data.latest is not None
                    and page.data.latest.values.get(Measure.ACNE) == 20)
    model = page.model
    qtmodeltester.check(model)
    rows = {model.index(r, 0).data(): [model.index(r, c).data() for c in (1, 2, 3)] for r in range(model.rowCount())}
    assert rows == {"ความชุ่มชื้น": ["45", "38", "-7"], "เม็ดสี": ["50", "72", "+22"], "สิว": ["30", "20", "-10"]}

    def colour(measure_th: str) -> str:
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == measure_th)
        return model.index(row, ScanCompareModel.CHANGE).data(Qt.ItemDataRole.ForegroundRole).color().name()

    # Moisture down is worse; pigmentation up is worse; acne down is better.
    assert colour("ความชุ่มชื้น") == colour("เม็ดสี") == ScanCompareModel.WORSE.name()
    assert colour("สิว") == ScanCompareModel.BETTER.name()
    assert page.charts[Measure.PIGMENTATION].values == (50, 72)
    assert page.charts[Measure.PIGMENTATION].isVisible()
    assert [page.suggestions.item(i).text() for i in range(page.suggestions.count())] == [
        "เลเซอร์ฝ้า — เพราะ เม็ดสี 72 > 60"]
    assert page.suggestions.item(0).data(Qt.ItemDataRole.UserRole) == laser
    assert _scan_count(s) == 2

    languages.set_language("en", save=False)
    qtbot.waitUntil(lambda: page.suggestions.item(0).text() == "Melasma laser — because Pigmentation 72 > 60")
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Measure", "Previous", "Latest", "Change"]


def test_without_consent_the_page_says_so_and_records_nothing(
        desk: DeskRunner, staffed_copy: Staffed, qtbot) -> None:
    s = staffed_copy
    who = _customer(s, consent=False)
    screen = _open(desk, qtbot, who)
    page = screen.scans
    assert page.consent_message.isVisible()
    assert "ยังไม่ได้ให้ความยินยอม" in page.consent_message.text()
    assert not page.save_button.isEnabled() and not page.add_files_button.isEnabled()
    assert not any(spin.isEnabled() for spin in page.spins.values())
    page.save()  # even called directly (a shortcut), nothing is recorded
    qtbot.wait(100)
    qtbot.waitUntil(lambda: desk.pending() == 0)
    assert _scan_count(s) == 0

    # Once the customer consents (on the profile), the page lets the scan be recorded.
    desk.run(customer_service.record_consent, who, ConsentPurpose.SKIN_SCAN_PHOTOS, True)
    qtbot.waitUntil(lambda: page.save_button.isEnabled())
    assert not page.consent_message.isVisible()


def test_a_value_outside_0_to_100_cannot_be_entered(desk: DeskRunner, staffed_copy: Staffed, qtbot) -> None:
    s = staffed_copy
    screen = _open(desk, qtbot, _customer(s, consent=True))
    spin = screen.scans.spins[Measure.REDNESS]
    spin.selectAll()
    qtbot.keyClicks(spin, "150")
    assert spin.value() == 15  # the third digit is refused
    spin.selectAll()
    qtbot.keyClicks(spin, "-5")
    assert -1 <= spin.value() <= 100 and spin.text() != "-5"  # a minus sign goes no further
    spin.setValue(150)
    assert spin.value() == 100
    assert screen.scans.values()[str(Measure.REDNESS)] == 100


def test_nothing_measured_is_refused_with_the_reason(desk: DeskRunner, staffed_copy: Staffed, qtbot) -> None:
    s = staffed_copy
    screen = _open(desk, qtbot, _customer(s, consent=True))
    page = screen.scans
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible())
    assert page.error.text() == "กรอกค่าที่วัดได้จากการสแกนอย่างน้อยหนึ่งค่า"
    assert _scan_count(s) == 0


def test_an_image_not_on_this_terminal_shows_a_placeholder(
        desk: DeskRunner, staffed_copy: Staffed, qtbot, tmp_path: Path) -> None:
    s = staffed_copy
    who = _customer(s, consent=True)
    screen = _open(desk, qtbot, who)
    page = screen.scans
    _type(screen, qtbot, {Measure.PORES: 40})
    page.set_images([write(tmp_path, "side.png", photo_bytes(6))])
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.thumbs.count() == 1)
    # As if taken at another branch and not fetched yet: the file is not in this terminal's store.
    page.images.path(sha256_hex(photo_bytes(6))).unlink()
    page.refresh()
    qtbot.waitUntil(lambda: page.thumbs.item(0).text() == "ยังไม่มีในเครื่องนี้")
    assert page.thumbs.item(0).data(Qt.ItemDataRole.UserRole) is None


def test_a_manager_edits_the_rules_and_the_page_suggests_by_them(
        desk: DeskRunner, staffed_copy: Staffed, qtbot) -> None:
    s = staffed_copy
    s.terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th="มาส์กลดรอยแดง", price_satang=90_000, duration_minutes=30,
        tags=("sensitive",)), actor=s.manager)
    desk.actor = s.manager
    screen = _open(desk, qtbot, _customer(s, consent=True))
    page = screen.scans
    _type(screen, qtbot, {Measure.REDNESS: 45})
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.data is not None and page.data.latest is not None)
    assert page.suggestions.count() == 0  # redness 45 is not above the default 50
    assert page.rules_button.isVisible()
    qtbot.mouseClick(page.rules_button, Qt.MouseButton.LeftButton)
    dialog = page.rules_dialog
    assert isinstance(dialog, SuggestionRulesDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 6)
    redness = next(r for r in range(6) if dialog.rules()[r]["measure"] == "redness")
    dialog.table.cellWidget(redness, dialog.THRESHOLD).setValue(40)  # type: ignore[union-attr]
    # A tag left empty is refused with the reason; the dialog stays open.
    dialog.add_rule(Rule(Measure.ACNE, Comparison.ABOVE, 70, ""))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "แท็ก" in dialog.error.text() and dialog.isVisible()
    dialog.remove_selected()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: page.suggestions.count() == 1)
    assert page.suggestions.item(0).text() == "มาส์กลดรอยแดง — เพราะ ความแดง 45 > 40"


def test_a_sales_person_does_not_see_the_rules_button(desk: DeskRunner, staffed_copy: Staffed, qtbot) -> None:
    screen = _open(desk, qtbot, _customer(staffed_copy, consent=True))
    assert not screen.scans.rules_button.isVisible()


def test_a_journey_card_opens_its_customers_skin_scans(qtbot, staffed_copy: Staffed, languages) -> None:
    from bnaura_desk.services import journeys
    from tests.ui.conftest import sign_in
    from ui import app as ui_app
    from ui.journeys.board import JourneyBoard

    s = staffed_copy
    who = _customer(s, consent=True)
    s.terminal.run(journeys.open_journey, who, title="ฝ้า", actor=s.sales)
    window = ui_app.create_main_window(s.terminal, languages)
    qtbot.addWidget(window)
    window.show()
    try:
        sign_in(qtbot, window, str(s.sales.staff_id), s.pins["sales"])
        board = window.show_screen("journeys")
        assert isinstance(board, JourneyBoard)
        qtbot.waitUntil(lambda: window.runner.pending() == 0 and board.loaded)
        view = next(c.view for c in board.columns.values() if c.model.rowCount())
        view.activated.emit(view.model().index(0, 0))
        qtbot.waitUntil(lambda: board.timeline_panel.isVisible())
        assert board.scans_button.text() == "สแกนผิว…"
        qtbot.mouseClick(board.scans_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.current_key == "customers")
        screen = window.show_screen("customers")
        assert isinstance(screen, CustomerScreen)
        qtbot.waitUntil(lambda: screen.scans.customer_id == who and screen.scans.data is not None)
        assert screen.detail.pages.currentWidget() is screen.scans and screen.scans.isVisible()
    finally:
        qtbot.waitUntil(lambda: window.runner.pending() == 0)
        window.runner.shutdown()
