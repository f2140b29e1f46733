"""Course sessions on screen (ตัดคอร์ส): the redemption screen, the counter's F7, the customer's Courses page.

Real widgets, a real runner, a real SQLite terminal; a 5-session course
bought through checkout, as at the counter.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.refunds import ReturnLine
from bnaura_desk.domain.settings import COURSE_VALID_DAYS_KEY
from bnaura_desk.services import catalog, counter, courses, customers, refunds, settings, shifts
from bnaura_desk.store.models import CourseCredit, SaleLine
from tests.conftest import Staffed
from tests.ui.test_customers import type_text
from ui.bus import ChangeBus
from ui.counter.screen import CounterScreen
from ui.courses.section import CoursesSection
from ui.courses.use_dialog import UseSessionDialog
from ui.customers.screen import CustomerScreen
from ui.i18n import LanguageSwitcher
from ui.redemption.screen import RedemptionScreen
from ui.runner import DeskRunner
from ui.widgets.dates import format_date

CASH = PaymentMethod.CASH
PACKAGE = "คอร์สหน้าใส 5 ครั้ง"


@pytest.fixture
def desk(staffed_copy: Staffed, languages: LanguageSwitcher, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    runner.actor = staffed_copy.front_desk
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


@pytest.fixture
def clinic(staffed_copy: Staffed) -> dict[str, str]:
    """A facial, a 5-session course of it, a member, an open shift."""
    s = staffed_copy

    def make(form: ItemForm) -> str:
        return str(s.terminal.run(catalog.create_item, form, actor=s.manager).result)

    facial = make(ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีทเมนต์หน้าใส", name_en="Clear skin facial",
                           price_satang=150_000, vat_exempt=True, duration_minutes=60))
    course = make(ItemForm(kind=ItemKind.PACKAGE, name_th=PACKAGE, name_en="Clear skin course ×5",
                           price_satang=600_000, vat_exempt=True, package_treatment_id=facial, package_sessions=5))
    member = str(s.terminal.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                                actor=s.front_desk).result)
    s.terminal.run(shifts.open_shift, 200_000, actor=s.front_desk)
    return {"facial": facial, "course": course, "member": member}


def buy(s: Staffed, c: dict[str, str]) -> counter.SaleDone:
    """The member buys the course at the counter, paid in cash."""
    order = counter.Order((counter.OrderLine(c["course"]),), (), customer_id=c["member"])
    due = s.terminal.read(counter.quote, order, s.clock()).priced.total_satang
    paid = counter.Order(order.lines, (Tender(CASH, due),), customer_id=c["member"])
    done: counter.SaleDone = s.terminal.run(counter.checkout, paid, actor=s.front_desk).result
    return done


def settle(runner: DeskRunner, qtbot) -> None:
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)


def rows(model) -> list[tuple[str, ...]]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def used_rows(s: Staffed) -> list[tuple[str | None, str | None, str, int]]:
    return s.terminal.read(lambda session: [
        (r.performed_by, r.staff_id, r.reason, r.sessions)
        for r in session.scalars(select(CourseCredit).where(CourseCredit.kind == "used"))])


@pytest.fixture
def redemption(desk: DeskRunner, clinic: dict[str, str], qtbot) -> RedemptionScreen:
    widget = RedemptionScreen(desk, desk.bus)
    qtbot.addWidget(widget)
    widget.resize(1280, 900)
    widget.show()
    qtbot.waitExposed(widget)
    settle(desk, qtbot)
    return widget


def show_courses(screen: RedemptionScreen, qtbot, customer_id: str, count: int = 1) -> CoursesSection:
    screen.show_customer(customer_id)
    section = screen.courses
    qtbot.waitUntil(lambda: section.member is not None and section.model.rowCount() == count)
    settle(screen.runner, qtbot)
    return section


def use_dialog(section: CoursesSection, qtbot) -> UseSessionDialog:
    qtbot.waitUntil(lambda: section.dialog is not None and section.dialog.isVisible() and section.dialog.loaded)
    dialog = section.dialog
    assert dialog is not None
    return dialog


def test_using_a_session_from_the_redemption_screen_names_the_beautician(
        redemption: RedemptionScreen, staffed_copy: Staffed, clinic, desk, qtbot, qtmodeltester, languages) -> None:
    s = staffed_copy
    done = buy(s, clinic)
    section = show_courses(redemption, qtbot, clinic["member"])
    bought = f"{format_date(s.clock())} · {s.terminal.branch().name_th}"
    assert rows(section.model) == [(PACKAGE, "ทรีทเมนต์หน้าใส", "5 จาก 5", "ไม่มีวันหมดอายุ", bought, "ใช้ได้")]
    # The receipt's number is one hover away.
    assert section.model.index(0, section.model.BOUGHT).data(Qt.ItemDataRole.ToolTipRole) == f"{bought} · {done.number}"
    qtmodeltester.check(section.model)
    assert section.use_button.isEnabled() and not section.reason.isVisible()

    # F5 goes to the courses, Enter asks about the selected one.
    redemption.activateWindow()
    qtbot.waitUntil(redemption.isActiveWindow)
    qtbot.keyClick(redemption, Qt.Key.Key_F5)
    assert section.table.hasFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    dialog = use_dialog(section, qtbot)
    assert dialog.heading.text() == f"ตัดคอร์ส “{PACKAGE}” (ทรีทเมนต์หน้าใส) ของ สมหญิง ใจดี 1 ครั้ง?"
    assert dialog.after.text() == "เหลือ 5 จาก 5 ครั้ง หลังตัดครั้งนี้: 4"
    # The beautician comes first; the front desk signed in performs nothing, so nobody is chosen yet.
    assert dialog.performer.itemText(0) == "พี่นิด · บิวตี้เทอราปิสต์"
    assert dialog.performer_id() is None
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.error.text() == "เลือกผู้ทำทรีทเมนต์ครั้งนี้"
    assert used_rows(s) == []

    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.performer.hasFocus()  # who performed it is asked first: Down picks the beautician
    qtbot.keyClick(dialog.performer, Qt.Key.Key_Down)
    assert dialog.performer_id() == s.beautician.staff_id
    qtbot.keyClick(dialog.performer, Qt.Key.Key_Tab)
    assert dialog.note.hasFocus()
    type_text(qtbot, dialog.note, "ผิวดีขึ้น")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.message.isVisible())
    settle(desk, qtbot)
    assert section.message.text() == f"ตัดคอร์ส “{PACKAGE}” แล้ว เหลือ 4 จาก 5 ครั้ง"
    assert rows(section.model)[0][2] == "4 จาก 5"
    assert section.dialog is None
    # The ledger has the row: who performed it, who recorded it, the note, one session.
    assert used_rows(s) == [(s.beautician.staff_id, s.front_desk.staff_id, "ผิวดีขึ้น", -1)]

    languages.set_language("en", save=False)
    qtbot.waitUntil(lambda: rows(section.model)[0][2] == "4 of 5")
    assert rows(section.model)[0][:2] == ("Clear skin course ×5", "Clear skin facial")
    assert rows(section.model)[0][5] == "Can be used"


def test_an_expired_course_is_shown_but_cannot_be_used(
        redemption: RedemptionScreen, staffed_copy: Staffed, clinic, desk, qtbot) -> None:
    s = staffed_copy
    s.terminal.run(settings.set_chain_setting, COURSE_VALID_DAYS_KEY, 30, actor=s.owner)
    buy(s, clinic)
    s.clock.advance(days=30)  # its last day: still usable
    section = show_courses(redemption, qtbot, clinic["member"])
    [course] = section.model._rows
    assert course.usable
    # The dialog is opened on the last day; the session is confirmed after midnight.
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    dialog = use_dialog(section, qtbot)
    dialog.choose_performer(str(s.beautician.staff_id))
    s.clock.advance(days=1)
    dialog.confirm()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "คอร์สของทรีทเมนต์นี้หมดอายุทั้งหมดแล้ว"
    assert dialog.confirm_button.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: section.dialog is None)

    section.refresh()
    qtbot.waitUntil(lambda: section.model.rowCount() == 1 and section.model.index(0, 5).data() == "หมดอายุ")
    assert section.model.index(0, 2).data() == "5 จาก 5"
    assert not section.use_button.isEnabled()
    assert section.reason.isVisible()
    assert section.reason.text() == f"คอร์สนี้หมดอายุเมื่อ {format_date(course.expires_on)} ใช้ครั้งที่เหลือไม่ได้"
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert section.dialog is None
    assert used_rows(s) == []


def test_the_counter_uses_a_session_instead_of_selling_the_treatment(
        desk: DeskRunner, staffed_copy: Staffed, clinic, qtbot, tmp_path: Path) -> None:
    s = staffed_copy
    buy(s, clinic)
    screen = CounterScreen(desk, desk.bus, settings=QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(screen)
    screen.resize(1280, 760)
    screen.show()
    qtbot.waitExposed(screen)
    settle(desk, qtbot)
    assert not screen.course_use.button.isEnabled()  # no member yet
    assert screen.course_use.button.text() == "ตัดคอร์ส… (F7)"

    screen.attach_member(clinic["member"])
    qtbot.waitUntil(lambda: screen.member is not None)
    qtbot.waitUntil(lambda: screen.course_use.button.isEnabled())
    # The facial goes in the cart by its name, as if it were to be sold.
    qtbot.keyClick(screen, Qt.Key.Key_F2)
    type_text(qtbot, screen.search, "ทรีทเมนต์")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.cart.rowCount() == 1)
    settle(desk, qtbot)

    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_F7)
    picker = screen.course_use.dialog
    assert picker is not None
    section = picker.section
    qtbot.waitUntil(lambda: section.model.rowCount() == 1 and section.selected_course() is not None)
    assert section.selected_course().treatment_id == clinic["facial"]
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    dialog = use_dialog(section, qtbot)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.performer, Qt.Key.Key_Down)
    assert dialog.performer_id() == s.beautician.staff_id
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.course_use.dialog is None and screen.message.isVisible())
    settle(desk, qtbot)
    assert screen.message.text() == f"ตัดคอร์ส “{PACKAGE}” แล้ว เหลือ 4 จาก 5 ครั้ง และนำออกจากตะกร้า 1 รายการ"
    assert screen.cart.rowCount() == 0
    assert used_rows(s) == [(s.beautician.staff_id, s.front_desk.staff_id, "", -1)]
    [course] = s.terminal.read(courses.course_balances, clinic["member"], s.clock())
    assert course.remaining == 4


def test_f7_without_a_member_says_to_attach_one_and_a_member_without_courses_sees_none(
        desk: DeskRunner, staffed_copy: Staffed, clinic, qtbot, tmp_path: Path) -> None:
    screen = CounterScreen(desk, desk.bus, settings=QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(screen)
    screen.show()
    settle(desk, qtbot)
    assert screen.course_use.open() is None
    assert screen.message.text() == "กรุณาเลือกสมาชิกก่อน (F3) จึงจะตัดคอร์สของสมาชิกได้"

    screen.attach_member(clinic["member"])
    qtbot.waitUntil(lambda: screen.member is not None)
    settle(desk, qtbot)
    assert not screen.course_use.button.isEnabled()  # nothing to use
    picker = screen.course_use.open()
    assert picker is not None
    qtbot.waitUntil(lambda: picker.section.member is not None)
    assert picker.section.empty.isVisible() and not picker.section.use_button.isEnabled()
    picker.reject()
    # The member buys a course at another till (announced on the bus): the button comes on.
    order = counter.Order((counter.OrderLine(clinic["course"]),), (), customer_id=clinic["member"])
    due = staffed_copy.terminal.read(counter.quote, order, staffed_copy.clock()).priced.total_satang
    desk.run(counter.checkout, counter.Order(order.lines, (Tender(CASH, due),), customer_id=clinic["member"]))
    qtbot.waitUntil(screen.course_use.button.isEnabled)


def test_the_customer_screen_shows_each_course_with_its_history(
        desk: DeskRunner, staffed_copy: Staffed, clinic, qtbot, qtmodeltester, languages) -> None:
    s = staffed_copy
    done = buy(s, clinic)
    bought_at = s.clock()
    s.clock.advance(days=7)
    s.terminal.run(courses.use_session, clinic["member"], clinic["facial"], s.beautician.staff_id, "ผิวดีขึ้น",
                   actor=s.beautician)
    used_at = s.clock()
    screen = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(screen)
    screen.resize(1280, 760)
    screen.show()
    screen.open_customer(clinic["member"])
    qtbot.waitUntil(lambda: screen.detail.customer_id == clinic["member"])
    assert screen.detail.pages.tabText(screen.detail.pages.indexOf(screen.courses)) == "คอร์ส"
    screen.detail.pages.setCurrentWidget(screen.courses)
    section = screen.courses.section
    history = section.history_model
    assert history is not None
    qtbot.waitUntil(lambda: section.model.rowCount() == 1 and history.rowCount() == 2)
    branch = s.terminal.branch().name_th

    def when(row: int) -> str:
        return str(history.index(row, history.WHEN).data())

    assert when(0).startswith(format_date(bought_at)) and when(1).startswith(format_date(used_at))
    assert [r[1:] for r in rows(history)] == [
        ("ซื้อคอร์ส", "+5", branch, "", done.number),
        ("ตัดคอร์ส", "−1", branch, "พี่นิด", "ผิวดีขึ้น"),
    ]
    assert history.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "บันทึกโดย น้องหน้าร้าน"
    assert section.history_caption is not None and section.history_caption.text() == f"ประวัติของ “{PACKAGE}”"
    qtmodeltester.check(history)

    # A refund of the package (announced on the bus) takes back what was left: a third row.
    line = s.terminal.read(lambda session: session.scalars(
        select(SaleLine.id).where(SaleLine.sale_id == done.sale_id)).one())
    desk.actor = s.manager
    desk.run(refunds.refund_sale, done.sale_id, [ReturnLine(line, 1)], CASH, "ลูกค้าย้ายบ้าน")
    qtbot.waitUntil(lambda: history.rowCount() == 3)
    assert rows(history)[2][1:3] == ("คืนเงิน (หักครั้งที่เหลือ)", "−4")
    assert section.model.index(0, 2).data() == "0 จาก 5" and section.model.index(0, 5).data() == "ใช้ครบแล้ว"
    assert not section.use_button.isEnabled()

    languages.set_language("en", save=False)
    qtbot.waitUntil(lambda: rows(history)[1][1] == "Session used")
    qtbot.waitUntil(lambda: screen.detail.pages.tabText(screen.detail.pages.indexOf(screen.courses)) == "Courses")
