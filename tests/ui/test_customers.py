"""The customer screen with real widgets, a real runner and a real SQLite terminal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QSplitter, QWidget

from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.referral import display_code
from bnaura_desk.services import customers as svc
from bnaura_desk.services import staff as staff_service
from tests.conftest import Staffed
from ui.bus import ChangeBus
from ui.customers.model import CustomerListModel, SecondLineRole
from ui.customers.screen import CustomerScreen
from ui.runner import DeskRunner

# The offscreen platform cannot resize native windows to their size hints and
# says so on every top-level show; that is the test platform, not the app.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PEOPLE = [
    # name_th, name_en, nickname, phone
    ("สมชาย ใจดี", "Somchai Jaidee", "ชาย", "081-234-5678"),
    ("สมศรี รักสวย", "Somsri Raksuay", "ศรี", "089-876-5678"),
    ("มานี สมบูรณ์", "Manee Somboon", "มานี", "062-111-2222"),
    ("วิภาวดี แก้วใส", "Wipawadee Kaewsai", "วิว", "095-333-4444"),
    ("", "Emily Carter", "Emmy", "091-555-6666"),
]


@pytest.fixture(autouse=True)
def quick_pins(monkeypatch):
    """Cheap argon2 parameters for the staff the fixtures create (PINs are not the subject here)."""
    monkeypatch.setattr(
        staff_service, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture
def desk(staffed: Staffed, qtbot) -> Iterator[DeskRunner]:
    bus = ChangeBus()
    runner = DeskRunner(staffed.terminal, bus)
    runner.actor = staffed.front_desk
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


@pytest.fixture
def people(staffed: Staffed) -> dict[str, str]:
    """Register PEOPLE; return their ids by phone as typed."""
    ids = {}
    for name_th, name_en, nickname, phone in PEOPLE:
        form = CustomerForm(name_th=name_th, name_en=name_en, nickname=nickname, phone=phone)
        consents = {ConsentPurpose.MARKETING: True} if name_th == "สมชาย ใจดี" else None
        ids[phone] = staffed.terminal.run(
            svc.register_customer, form, consents=consents, actor=staffed.front_desk
        ).result
    return ids


@pytest.fixture
def screen(desk: DeskRunner, people: dict[str, str], qtbot) -> CustomerScreen:
    widget = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    settle(desk, qtbot)
    return widget


def settle(runner: DeskRunner, qtbot) -> None:
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)


def shown(screen: CustomerScreen, column: int = CustomerListModel.NAME) -> list[str]:
    model = screen.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, as a Thai or English keyboard layout would.

    ``qtbot.keyClicks`` maps each character to a key code and asserts on
    anything outside Latin-1 (qasciikey.cpp), so Thai characters are sent as
    key events that carry their text, which is what a Thai layout delivers.
    """
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


def search(screen: CustomerScreen, qtbot, text: str) -> None:
    screen.search.clear()
    type_text(qtbot, screen.search, text)
    settle(screen.runner, qtbot)


# ---------------------------------------------------------------- searching


def test_thai_prefix_finds_first_and_last_names(screen, qtbot):
    search(screen, qtbot, "สม")
    assert set(shown(screen)) == {"สมชาย ใจดี", "สมศรี รักสวย", "มานี สมบูรณ์"}
    row = shown(screen).index("สมชาย ใจดี")
    assert screen.model.index(row, CustomerListModel.NAME).data(SecondLineRole) == "Somchai Jaidee"
    assert screen.model.index(row, CustomerListModel.PHONE).data() == "081-234-5678"


def test_english_name_in_lower_case(screen, qtbot):
    search(screen, qtbot, "somchai")
    assert shown(screen) == ["สมชาย ใจดี"]
    search(screen, qtbot, "emily")
    assert shown(screen) == ["Emily Carter"]  # no Thai name: the English one is the name
    assert screen.model.index(0, CustomerListModel.NAME).data(SecondLineRole) == ""


def test_nickname(screen, qtbot):
    search(screen, qtbot, "วิว")
    assert shown(screen) == ["วิภาวดี แก้วใส"]


def test_phone_digits_in_any_format(screen, qtbot):
    search(screen, qtbot, "081-234")
    assert shown(screen, CustomerListModel.PHONE) == ["081-234-5678"]
    search(screen, qtbot, "5678")  # last four digits
    assert set(shown(screen, CustomerListModel.PHONE)) == {"081-234-5678", "089-876-5678"}
    search(screen, qtbot, "+66 89 876 5678")
    assert shown(screen, CustomerListModel.PHONE)[0] == "089-876-5678"


def test_exact_phone_is_listed_first(screen, qtbot, staffed):
    # 0812345678 is also the start of nobody else, but 5678 ends two numbers;
    # the whole number typed must put its owner first.
    search(screen, qtbot, "0898765678")
    assert shown(screen)[0] == "สมศรี รักสวย"
    # The best hit is selected, ready for Enter, and shown in the panel.
    assert screen.detail.name.text() == "สมศรี รักสวย"


def test_referral_code_with_or_without_dashes(screen, qtbot, staffed, people):
    code = staffed.terminal.read(svc.get_customer, people["095-333-4444"]).referral_code
    search(screen, qtbot, display_code(code))
    assert shown(screen) == ["วิภาวดี แก้วใส"]
    assert shown(screen, CustomerListModel.CODE) == [display_code(code)]
    search(screen, qtbot, code.lower())
    assert shown(screen) == ["วิภาวดี แก้วใส"]


def test_no_match_says_so(screen, qtbot):
    search(screen, qtbot, "zzzz")
    assert shown(screen) == []
    assert screen.no_results.isVisible()
    assert "Ctrl+N" in screen.no_results.text()


def test_keyboard_moves_and_opens(screen, qtbot):
    search(screen, qtbot, "สม")
    assert screen.view.currentIndex().row() == 0
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)
    settle(screen.runner, qtbot)
    assert screen.view.currentIndex().row() == 1
    assert screen.detail.name.text() == shown(screen)[1]
    qtbot.keyClick(screen.search, Qt.Key.Key_Up)
    qtbot.keyClick(screen.search, Qt.Key.Key_Up)  # stays on the first row
    assert screen.view.currentIndex().row() == 0
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert screen.focusWidget() is screen.detail.check_in_button
    qtbot.keyClick(screen.search, Qt.Key.Key_Escape)
    assert screen.search.text() == ""
    settle(screen.runner, qtbot)


def test_models_pass_the_model_tester(screen, qtbot, qtmodeltester):
    search(screen, qtbot, "สม")
    qtmodeltester.check(screen.model)
    empty = CustomerListModel()
    qtmodeltester.check(empty)


# ---------------------------------------------------------------- registering


def open_register(screen, qtbot):
    qtbot.mouseClick(screen.register_button, Qt.MouseButton.LeftButton)
    dialog = screen.form_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def save(dialog, qtbot):
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(dialog.runner, qtbot)


def test_register_through_the_dialog(screen, qtbot, staffed):
    before = staffed.terminal.read(svc.count_customers)
    dialog = open_register(screen, qtbot)
    type_text(qtbot, dialog.name_th, "ปิยะนุช ทองดี")
    type_text(qtbot, dialog.name_en, "Piyanuch Thongdee")
    type_text(qtbot, dialog.nickname, "นุช")
    type_text(qtbot, dialog.phone, "0812349999")
    type_text(qtbot, dialog.birthday, "14/02/2535")  # Buddhist era: 1992
    dialog.consents[ConsentPurpose.TREATMENT_RECORDS].setChecked(True)
    save(dialog, qtbot)

    assert screen.form_dialog is None
    assert staffed.terminal.read(svc.count_customers) == before + 1
    row = shown(screen).index("ปิยะนุช ทองดี")  # arrived through the bus
    assert screen.model.index(row, CustomerListModel.PHONE).data() == "081-234-9999"
    assert screen.view.currentIndex().row() == row
    details = screen.detail.details
    assert details is not None and details.form.birthday == date(1992, 2, 14)
    assert details.consents[ConsentPurpose.TREATMENT_RECORDS].granted
    assert screen.detail.name.text() == "ปิยะนุช ทองดี"


def test_register_prefills_the_phone_typed_in_search(screen, qtbot):
    search(screen, qtbot, "0861234567")
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = screen.form_dialog
    assert dialog is not None
    assert dialog.phone.text() == "0861234567"
    dialog.reject()


def test_empty_names_show_a_message_under_the_name(screen, qtbot, staffed):
    before = staffed.terminal.read(svc.count_customers)
    dialog = open_register(screen, qtbot)
    type_text(qtbot, dialog.phone, "0812340000")
    save(dialog, qtbot)
    assert dialog.isVisible()
    assert dialog.error_text("name_th") == "Enter the customer's name in Thai or in English"
    assert dialog.focusWidget() is dialog.name_th
    assert dialog.phone.text() == "0812340000"  # what was typed stays
    assert staffed.terminal.read(svc.count_customers) == before


def test_malformed_phone(screen, qtbot, staffed):
    before = staffed.terminal.read(svc.count_customers)
    dialog = open_register(screen, qtbot)
    type_text(qtbot, dialog.name_th, "ทดสอบ")
    type_text(qtbot, dialog.phone, "02-123-4567")
    save(dialog, qtbot)
    assert "is not a Thai mobile number" in dialog.error_text("phone")
    assert dialog.error_text("name_th") == ""
    assert dialog.focusWidget() is dialog.phone
    assert staffed.terminal.read(svc.count_customers) == before


def test_future_birthday_and_bad_date(screen, qtbot, staffed):
    before = staffed.terminal.read(svc.count_customers)
    dialog = open_register(screen, qtbot)
    type_text(qtbot, dialog.name_th, "ทดสอบ")
    type_text(qtbot, dialog.phone, "0812340000")
    type_text(qtbot, dialog.birthday, "01/01/2030")
    save(dialog, qtbot)
    assert dialog.error_text("birthday") == "The birthday cannot be in the future"
    dialog.birthday.clear()
    type_text(qtbot, dialog.birthday, "31/02/1990")
    save(dialog, qtbot)
    assert dialog.error_text("birthday") == "31/02/1990 is not a date on the calendar"
    assert dialog.focusWidget() is dialog.birthday
    assert staffed.terminal.read(svc.count_customers) == before


def test_duplicate_phone_offers_the_existing_customer(screen, qtbot, staffed, people):
    search(screen, qtbot, "emily")  # the existing customer is not in the list
    before = staffed.terminal.read(svc.count_customers)
    dialog = open_register(screen, qtbot)
    type_text(qtbot, dialog.name_th, "สมชาย ซ้ำ")
    type_text(qtbot, dialog.phone, "081 234 5678")
    save(dialog, qtbot)
    assert dialog.error_text("phone") == "081-234-5678 already belongs to สมชาย ใจดี"
    assert dialog.open_existing_button.isVisible()
    assert staffed.terminal.read(svc.count_customers) == before

    qtbot.mouseClick(dialog.open_existing_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert screen.form_dialog is None
    assert screen.detail.customer_id == people["081-234-5678"]
    assert shown(screen)[screen.view.currentIndex().row()] == "สมชาย ใจดี"


# ---------------------------------------------------------------- editing and visits


def select(screen, qtbot, text: str) -> None:
    search(screen, qtbot, text)
    assert screen.view.currentIndex().row() == 0


def test_edit_one_field_and_withdraw_consent(screen, qtbot, staffed, people):
    select(screen, qtbot, "0812345678")
    assert "Given" in screen.detail._consent_states[ConsentPurpose.MARKETING].text()
    qtbot.mouseClick(screen.detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = screen.form_dialog
    assert dialog is not None and dialog.phone.text() == "081-234-5678"
    assert dialog.consents[ConsentPurpose.MARKETING].isChecked()
    dialog.nickname.clear()
    type_text(qtbot, dialog.nickname, "พี่ชาย")
    dialog.consents[ConsentPurpose.MARKETING].setChecked(False)
    save(dialog, qtbot)

    assert screen.form_dialog is None
    assert "พี่ชาย" in screen.detail.subtitle.text()
    assert shown(screen, CustomerListModel.NICKNAME) == ["พี่ชาย"]
    marketing = screen.detail._consent_states[ConsentPurpose.MARKETING].text()
    assert marketing.startswith("Withdrawn") and marketing.endswith("by น้องหน้าร้าน")
    consents = staffed.terminal.read(svc.current_consents, people["081-234-5678"])
    assert consents[ConsentPurpose.MARKETING].granted is False


def test_edit_with_bad_email_keeps_the_dialog(screen, qtbot, staffed, people):
    select(screen, qtbot, "0812345678")
    screen.edit_selected()
    dialog = screen.form_dialog
    type_text(qtbot, dialog.email, "not-an-email")
    save(dialog, qtbot)
    assert dialog.isVisible()
    assert dialog.error_text("email") == "not-an-email is not an email address"
    assert staffed.terminal.read(svc.get_customer, people["081-234-5678"]).form.email == ""
    dialog.reject()


def test_check_in_counts_the_visit(screen, qtbot, staffed):
    select(screen, qtbot, "0812345678")
    assert screen.detail._values["visits"].text() == "No visits yet"
    qtbot.mouseClick(screen.detail.check_in_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert screen.detail._values["visits"].text().startswith("1 · last 23 November 2026 10:00")
    assert screen.detail.status.text() == "Checked in at 10:00"  # Bangkok time of the fake clock
    staffed.clock.advance(days=1)
    qtbot.mouseClick(screen.detail.check_in_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert screen.detail._values["visits"].text().startswith("2 · ")


def test_the_detail_shows_where_the_customer_registered_and_where_each_visit_happened(screen, qtbot, staffed):
    from tests.services.test_branches import OTHER_BRANCH, _add_branch

    t = staffed.terminal
    select(screen, qtbot, "0812345678")
    assert screen.detail._captions["branch"].text() == "Registered at"
    assert screen.detail._values["branch"].text() == "คลินิกทดสอบ"
    qtbot.mouseClick(screen.detail.check_in_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    # The next day the customer visits the Thonglor branch; its visit reaches this terminal.
    _add_branch(t)
    customer_id = screen.detail.customer_id

    def visit_there(ctx):
        from bnaura_desk.domain.changes import ChangeSet, Kind
        from bnaura_desk.domain.ids import uuid7
        from bnaura_desk.store.models import Visit

        ctx.session.add(Visit(id=uuid7(), chain_id=ctx.chain_id, customer_id=customer_id,
                              checked_in_at=ctx.now.replace(day=ctx.now.day + 1), staff_id=None,
                              device_id=ctx.device.device_id, branch_id=OTHER_BRANCH, hlc="z"))
        return ChangeSet({Kind.VISIT: frozenset({"pulled"}), Kind.CUSTOMER: frozenset({customer_id})})

    screen.runner.run(visit_there, actor=None)  # announced on the bus, as a pull is
    settle(screen.runner, qtbot)
    lines = screen.detail._values["visits"].text().split("\n")
    assert lines[0].startswith("2 · last 24 November 2026")
    assert lines[1:] == ["24 Nov 2026 10:00 at Thonglor", "23 Nov 2026 10:00 at คลินิกทดสอบ"]


def test_check_in_of_a_deleted_customer_shows_the_error(screen, qtbot, staffed, monkeypatch):
    # A deleted customer: the service refuses, the runner's one error route shows it.
    select(screen, qtbot, "0812345678")
    staffed.terminal.run(svc.delete_customer, screen.detail.customer_id, actor=staffed.manager)
    shown_errors = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown_errors.append(a[2]))
    qtbot.mouseClick(screen.detail.check_in_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert shown_errors == ["This customer no longer exists"]


def test_hidden_screen_refreshes_when_shown(screen, qtbot, staffed):
    search(screen, qtbot, "ปรีชา")
    assert shown(screen) == []
    screen.hide()
    form = CustomerForm(name_th="ปรีชา มั่นคง", phone="0819998888")
    screen.runner.run(svc.register_customer, form)
    settle(screen.runner, qtbot)
    assert screen._stale and shown(screen) == []
    screen.show()
    settle(screen.runner, qtbot)
    assert shown(screen) == ["ปรีชา มั่นคง"]


def test_thai_dates_use_the_buddhist_era(screen, qtbot, staffed, people):
    staffed.terminal.run(
        svc.update_customer,
        people["081-234-5678"],
        CustomerForm(
            name_th="สมชาย ใจดี",
            name_en="Somchai Jaidee",
            nickname="ชาย",
            phone="0812345678",
            birthday=date(1990, 3, 5),
        ),
        actor=staffed.front_desk,
    )
    select(screen, qtbot, "0812345678")
    assert screen.detail._values["birthday"].text() == "5 March 1990"
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    try:
        screen.detail.retranslate()
        assert screen.detail._values["birthday"].text() == "5 มีนาคม 2533"
        screen.edit_selected()
        assert screen.form_dialog.birthday.text() == "05/03/2533"
        screen.form_dialog.reject()
    finally:
        QLocale.setDefault(old)


# ---------------------------------------------------------------- found trying the demo (issue 9)


def visit_counts(staffed, people) -> dict[str, int]:
    return {phone: staffed.terminal.read(svc.get_customer, cid).visit_count for phone, cid in people.items()}


def test_the_panel_follows_the_list_and_is_empty_when_the_list_is(screen, qtbot, staffed, people):
    # Typing "สมชาย" matched Somchai on the way; one more letter matches
    # nobody. Tab and Enter used to check Somchai in from a stale panel.
    search(screen, qtbot, "สมชาย")
    assert screen.detail.customer_id == people["081-234-5678"]
    type_text(qtbot, screen.search, "x")
    settle(screen.runner, qtbot)
    assert shown(screen) == []
    assert screen.detail.customer_id is None
    assert not screen.detail.check_in_button.isVisible()
    assert screen.detail.hint.isVisible()
    before = visit_counts(staffed, people)
    qtbot.keyClick(screen.search, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget() or screen, Qt.Key.Key_Return)
    settle(screen.runner, qtbot)
    assert visit_counts(staffed, people) == before
    # The list has a current row again: the panel shows that row.
    search(screen, qtbot, "มานี")
    assert screen.detail.customer_id == people["062-111-2222"] == screen.selected_id()


def test_a_late_detail_read_does_not_fill_an_empty_panel(screen, qtbot, people):
    search(screen, qtbot, "zzzz")
    screen.load_details(people["081-234-5678"])  # e.g. a read still on its way from an earlier row
    settle(screen.runner, qtbot)
    assert screen.detail.customer_id is None
    # And the Check in of a customer the list does not show is refused by the screen.
    screen.check_in(people["081-234-5678"])
    settle(screen.runner, qtbot)
    assert screen.runner.terminal.read(svc.get_customer, people["081-234-5678"]).visit_count == 0


def test_a_second_check_in_the_same_day_asks_first(screen, qtbot, staffed, people):
    select(screen, qtbot, "0812345678")
    staffed.clock.advance(minutes=42)
    qtbot.mouseClick(screen.detail.check_in_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert screen.check_in_question is None
    assert screen.detail._values["visits"].text().startswith("1 · ")

    staffed.clock.advance(minutes=3)
    qtbot.mouseClick(screen.detail.check_in_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    question = screen.check_in_question
    assert question is not None and question.isVisible()
    assert question.text() == "สมชาย ใจดี was already checked in today at 10:42. Check in again?"
    # Enter by habit keeps it at one visit (the default answer is "no").
    assert question.defaultButton().text() == "Don't check in"
    qtbot.keyClick(question, Qt.Key.Key_Return)
    settle(screen.runner, qtbot)
    assert screen.check_in_question is None
    assert visit_counts(staffed, people)["081-234-5678"] == 1

    qtbot.mouseClick(screen.detail.check_in_button, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    question = screen.check_in_question
    assert question is not None
    again = next(b for b in question.buttons() if b.text() == "Check in again")
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    settle(screen.runner, qtbot)
    assert visit_counts(staffed, people)["081-234-5678"] == 2
    assert screen.detail._values["visits"].text().startswith("2 · ")


def test_saving_the_edit_form_is_one_use_case_call(screen, qtbot, staffed, people, monkeypatch):
    select(screen, qtbot, "0812345678")
    calls = []
    real_run = staffed.terminal.run

    def recording_run(use_case, *args, **kwargs):
        calls.append(use_case.__name__)
        return real_run(use_case, *args, **kwargs)

    monkeypatch.setattr(staffed.terminal, "run", recording_run)
    screen.edit_selected()
    dialog = screen.form_dialog
    dialog.nickname.clear()
    type_text(qtbot, dialog.nickname, "พี่ชาย")
    dialog.consents[ConsentPurpose.MARKETING].setChecked(False)  # withdrawn
    dialog.consents[ConsentPurpose.SKIN_SCAN_PHOTOS].setChecked(True)  # given
    save(dialog, qtbot)
    assert screen.form_dialog is None
    assert calls == ["update_customer"]
    consents = staffed.terminal.read(svc.current_consents, people["081-234-5678"])
    assert consents[ConsentPurpose.MARKETING].granted is False
    assert consents[ConsentPurpose.SKIN_SCAN_PHOTOS].granted is True
    assert staffed.terminal.read(svc.get_customer, people["081-234-5678"]).form.nickname == "พี่ชาย"


def test_a_failing_consent_saves_nothing_of_the_form(screen, qtbot, staffed, people, monkeypatch):
    select(screen, qtbot, "0812345678")
    screen.edit_selected()
    dialog = screen.form_dialog
    dialog.nickname.clear()
    type_text(qtbot, dialog.nickname, "พี่ชาย")
    dialog.consents[ConsentPurpose.MARKETING].setChecked(False)

    def broken(*_args):
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(svc, "_add_consent", broken)
    shown_errors = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown_errors.append(a[2]))
    save(dialog, qtbot)
    assert shown_errors == ["Something went wrong: disk I/O error"]
    assert dialog.isVisible() and dialog.save_button.isEnabled()  # still open, try again
    details = staffed.terminal.read(svc.get_customer, people["081-234-5678"])
    assert details.form.nickname == "ชาย"  # the profile was not saved without its consent
    assert details.consents[ConsentPurpose.MARKETING].granted is True
    dialog.reject()


def test_correcting_a_duplicate_phone_clears_its_error_and_button(screen, qtbot, staffed):
    dialog = open_register(screen, qtbot)
    type_text(qtbot, dialog.name_th, "สมชาย ซ้ำ")
    type_text(qtbot, dialog.phone, "081 234 5678")
    save(dialog, qtbot)
    assert dialog.error_text("phone") and dialog.open_existing_button.isVisible()
    qtbot.keyClick(dialog.phone, Qt.Key.Key_End)  # the refused number was selected
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Backspace)
    assert dialog.error_text("phone") == ""
    assert not dialog.open_existing_button.isVisible()
    type_text(qtbot, dialog.phone, "9")
    save(dialog, qtbot)
    assert screen.form_dialog is None  # 081 234 5679 is free: registered


def test_the_list_says_its_order_and_how_many_it_shows(screen, qtbot):
    assert screen.list_info.text() == "Recently changed first · 5 shown"
    search(screen, qtbot, "สม")
    assert screen.list_info.text() == "Best match first · 3 found"
    search(screen, qtbot, "zzzz")
    assert not screen.list_info.isVisible() and screen.no_results.isVisible()


def test_the_list_says_when_there_are_more_matches_than_it_shows(screen, qtbot, monkeypatch):
    import ui.customers.screen as screen_module

    monkeypatch.setattr(screen_module, "SEARCH_LIMIT", 2)
    search(screen, qtbot, "สม")
    assert shown(screen) == shown(screen)[:2]
    assert screen.list_info.text() == "Best match first · the first 2 shown; type more to narrow"


def labels_cut(panel: QWidget) -> list[str]:
    """Return the texts of visible labels drawn smaller than their text needs."""
    cut = []
    for label in panel.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            too_small = label.height() < label.heightForWidth(label.width())
        else:
            too_small = label.width() < label.sizeHint().width()
        if too_small:
            cut.append(label.text())
    return cut


def test_the_detail_panel_cuts_no_label_when_narrow_in_english(screen, qtbot, staffed, people):
    staffed.terminal.run(
        svc.record_consent, people["081-234-5678"], ConsentPurpose.SKIN_SCAN_PHOTOS, True, actor=staffed.front_desk
    )
    staffed.terminal.run(svc.check_in, people["081-234-5678"], actor=staffed.front_desk)
    select(screen, qtbot, "0812345678")
    splitter = screen.findChild(QSplitter)
    for width in (1100, 700):
        screen.resize(width, 480)
        splitter.setSizes([10_000, 1])  # the panel dragged as narrow as it goes
        qtbot.wait(50)
        assert screen.detail.width() < 400
        assert labels_cut(screen.detail) == []
    # What would not fit the height scrolls instead of being squeezed.
    assert screen.detail.body_scroll.verticalScrollBar().maximum() > 0


def test_a_pull_of_many_customers_refreshes_the_customer_shown(screen, qtbot, staffed, people):
    # A bootstrap's round says "many customers" instead of naming a million:
    # the panel reads the customer it shows again.
    from bnaura_desk.domain.changes import ChangeSet, Kind

    select(screen, qtbot, "0812345678")
    assert "พี่ชาย" not in screen.detail.subtitle.text()
    def pulled(ctx):  # as a pulled page writes it, without the bus
        ctx.session.connection().exec_driver_sql(
            "UPDATE customers SET nickname = 'พี่ชาย' WHERE id = ?", (people["081-234-5678"],)
        )
        return ChangeSet()

    staffed.terminal.run(pulled, actor=None)
    screen.bus.announce(ChangeSet(many=frozenset({Kind.CUSTOMER})))
    settle(screen.runner, qtbot)
    assert "พี่ชาย" in screen.detail.subtitle.text()
