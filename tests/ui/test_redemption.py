"""The redemption screen and the loyalty page's rewards: real widgets, a real runner, a real SQLite terminal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QSplitter
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.coupons import (
    TAG_LENGTH,
    CartLine,
    CouponKind,
    CouponTerms,
    display_coupon_code,
    make_coupon_code,
)
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.keyboard import KEYS, SHIFTED_KEYS, THAI, THAI_SHIFTED
from bnaura_desk.domain.rewards import reward_id
from bnaura_desk.services import catalog, coupons, loyalty, rewards
from bnaura_desk.services import customers as customer_service
from bnaura_desk.store.models import Coupon, PointsEntry
from bnaura_desk.store.models import Customer as CustomerRow
from sync.client.local_apply import apply_changes
from sync.protocol import Change
from tests.conftest import Staffed
from tests.ui.test_customers import labels_cut, type_text
from ui.bus import ChangeBus
from ui.customers.screen import CustomerScreen
from ui.i18n import LanguageSwitcher
from ui.override import OverrideDialog
from ui.redemption.screen import RedemptionScreen
from ui.runner import DeskRunner
from ui.widgets.dates import format_date, format_datetime

FIVE = reward_id("percent_5")
TEN = reward_id("percent_10")
TEN_OFF = CouponTerms(CouponKind.PERCENT, percent=10, valid_until=date(2027, 1, 31), min_spend_satang=150_000)


@pytest.fixture
def desk(staffed_copy: Staffed, languages: LanguageSwitcher, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    runner.actor = staffed_copy.front_desk
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


def member(s: Staffed, name: str, phone: str, points: int) -> str:
    """Register a member holding exactly ``points``."""
    customer_id = str(s.terminal.run(customer_service.register_customer, CustomerForm(name_th=name, phone=phone),
                                     actor=s.front_desk).result)
    delta = points - s.terminal.read(loyalty.points_summary, customer_id, s.clock()).balance
    if delta:
        s.terminal.run(loyalty.adjust_points, customer_id, delta, "ยอดยกมา", actor=s.manager)
    return customer_id


@pytest.fixture
def somying(staffed_copy: Staffed) -> str:
    return member(staffed_copy, "สมหญิง ศรีสุข", "086-245-1190", 1_200)


@pytest.fixture
def screen(desk: DeskRunner, somying: str, qtbot) -> RedemptionScreen:
    widget = RedemptionScreen(desk, desk.bus)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitUntil(lambda: desk.pending() == 0)
    return widget


def settle(screen: RedemptionScreen, qtbot) -> None:
    qtbot.waitUntil(lambda: screen.runner.pending() == 0)


def open_member(screen: RedemptionScreen, qtbot, customer_id: str) -> None:
    screen.show_customer(customer_id)
    qtbot.waitUntil(lambda: screen.member is not None and screen.member.member.customer_id == customer_id)
    settle(screen, qtbot)


def rows(model) -> list[tuple[str, ...]]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def points_entries(s: Staffed) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(PointsEntry))))


def coupon_count(s: Staffed) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(Coupon))))


def the_question(screen) -> QMessageBox:
    box = screen.rewards.redeemer.question
    assert box is not None and box.isVisible()
    return box


def test_finding_a_member_by_typing_shows_balance_and_rewards(screen, qtbot, somying, qtmodeltester, languages):
    qtbot.keyClick(screen, Qt.Key.Key_F2)
    type_text(qtbot, screen.search, "สมหญิง")
    qtbot.waitUntil(lambda: screen.member is not None and screen.member.member.customer_id == somying)
    settle(screen, qtbot)
    assert screen.name.text() == "สมหญิง ศรีสุข"
    assert screen.balance.text() == "1,200 แต้ม"
    assert rows(screen.rewards.model) == [
        ("ส่วนลด 5%", "500", "ลด 5 %", "ได้"),
        ("มาส์กหน้าพรีเมียมฟรี", "800", "มาส์กหน้าพรีเมียมฟรี", "ยังไม่พร้อมให้แลก"),  # no such item in the catalog
        ("ส่วนลด 10%", "1,000", "ลด 10 %", "ได้"),
        ("ทรีทเมนต์หน้าพื้นฐานฟรี", "1,500", "ทรีทเมนต์หน้าพื้นฐานฟรี", "ยังไม่พร้อมให้แลก"),
    ]
    qtmodeltester.check(screen.rewards.model)
    qtmodeltester.check(screen.coupons)
    assert screen.no_coupons.isVisible()
    # Enter in the search goes to the rewards, where the first affordable one is selected.
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert screen.rewards.table.hasFocus()
    assert screen.rewards.selected_offer().reward.id == FIVE

    languages.set_language("en", save=False)
    qtbot.waitUntil(lambda: screen.balance.text() == "1,200 points")
    assert rows(screen.rewards.model)[1] == ("Free Premium Mask", "800", "Free Premium Mask", "Not available now")
    assert rows(screen.rewards.model)[2][2:] == ("10 % off", "Yes")


def test_redeeming_a_reward_debits_the_points_and_shows_the_new_coupon(screen, qtbot, staffed_copy, somying):
    open_member(screen, qtbot, somying)
    screen.rewards.select_reward(TEN)
    screen.rewards.table.setFocus()
    qtbot.keyClick(screen.rewards.table, Qt.Key.Key_Return)
    box = the_question(screen)
    assert box.text() == "แลก “ส่วนลด 10%” ให้ สมหญิง ศรีสุข ใช่ไหม"
    assert box.informativeText() == "ใช้ 1,000 แต้ม แต้มคงเหลือจะเป็น 200 แต้ม"
    with qtbot.waitSignal(screen.rewards.redeemed, timeout=5000):
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter confirms
    qtbot.waitUntil(lambda: screen.balance.text() == "200 แต้ม")
    qtbot.waitUntil(lambda: screen.coupons.rowCount() == 1)
    [coupon] = rows(screen.coupons)
    [code] = staffed_copy.terminal.read(lambda s: list(s.scalars(select(Coupon.code))))
    until = format_date(staffed_copy.clock.now + timedelta(days=90), "th")
    assert coupon == (display_coupon_code(code), "ลด 10 %", until, "ใช้ได้", f"ใช้ได้: ลด 10 % ถึง {until}")
    assert until.endswith("2570")  # Buddhist era
    assert screen.coupon_list.currentIndex().row() == 0  # the new coupon is selected
    assert screen.rewards.issued.text() == f"ออกคูปอง {display_coupon_code(code)} แล้ว อยู่ในรายการคูปองของสมาชิก"
    # 200 points left: nothing is affordable now, and the list says how many points each needs.
    assert [r[3] for r in rows(screen.rewards.model)] == [
        "ขาดอีก 300 แต้ม", "ยังไม่พร้อมให้แลก", "ขาดอีก 800 แต้ม", "ยังไม่พร้อมให้แลก"]
    assert not screen.rewards.redeem_button.isEnabled()
    assert staffed_copy.terminal.read(loyalty.points_summary, somying, staffed_copy.clock()).balance == 200


def test_escape_in_the_question_redeems_nothing(screen, qtbot, staffed_copy, somying):
    open_member(screen, qtbot, somying)
    before = points_entries(staffed_copy)
    qtbot.mouseClick(screen.rewards.redeem_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(the_question(screen), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.rewards.redeem_button.isEnabled())
    settle(screen, qtbot)
    assert points_entries(staffed_copy) == before and coupon_count(staffed_copy) == 0
    assert screen.balance.text() == "1,200 แต้ม"


def test_too_few_points_shows_the_refusal_and_changes_nothing(screen, qtbot, staffed_copy, somying):
    open_member(screen, qtbot, somying)
    screen.rewards.select_reward(TEN)
    # Points spent at the other counter a moment ago: this screen has not heard of it yet.
    staffed_copy.terminal.run(loyalty.adjust_points, somying, -500, "ใช้ที่เคาน์เตอร์ 2", actor=staffed_copy.manager)
    before = points_entries(staffed_copy)
    qtbot.mouseClick(screen.rewards.redeem_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(the_question(screen).defaultButton(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.rewards.refusal.isVisible())
    assert screen.rewards.refusal.text() == "ของรางวัลนี้ใช้ 1,000 แต้ม แต้มคงเหลือ 700 แต้ม"
    settle(screen, qtbot)
    assert points_entries(staffed_copy) == before and coupon_count(staffed_copy) == 0
    assert staffed_copy.terminal.read(loyalty.points_summary, somying, staffed_copy.clock()).balance == 700


def test_a_negative_balance_blocks_redemptions(screen, qtbot, staffed_copy, somying):
    open_member(screen, qtbot, somying)
    screen.rewards.select_reward(FIVE)
    # Points spent twice offline: the balance went below zero, not yet announced here.
    staffed_copy.terminal.run(loyalty.adjust_points, somying, -1_300, "แต้มซ้ำจากสองเครื่อง", actor=staffed_copy.manager)
    before = points_entries(staffed_copy)
    qtbot.mouseClick(screen.rewards.redeem_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(the_question(screen).defaultButton(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.rewards.refusal.isVisible())
    assert screen.rewards.refusal.text() == "แต้มคงเหลือ -100 แต้ม: งดการแลกของรางวัลจนกว่าแต้มจะกลับมาเป็นบวก"
    settle(screen, qtbot)
    assert points_entries(staffed_copy) == before and coupon_count(staffed_copy) == 0

    # Once read again, the screen says so itself and offers nothing.
    screen.refresh()
    qtbot.waitUntil(lambda: screen.balance.text() == "-100 แต้ม")
    assert screen.rewards.blocked_label.isVisible()
    assert screen.rewards.blocked_label.text() == "แต้มคงเหลือติดลบ แลกของรางวัลได้อีกครั้งเมื่อแต้มกลับเป็นบวก"
    assert {r[3] for r in rows(screen.rewards.model)} == {"งดแลก: แต้มคงเหลือติดลบ", "ยังไม่พร้อมให้แลก"}
    assert not screen.rewards.redeem_button.isEnabled()
    qtbot.keyClick(screen.rewards.table, Qt.Key.Key_Return)
    assert screen.rewards.redeemer.question is None  # Enter asks nothing


def check(screen: RedemptionScreen, qtbot, typed: str) -> str:
    screen.code_box.clear()
    qtbot.keyClick(screen, Qt.Key.Key_F3)
    assert screen.code_box.hasFocus()
    type_text(qtbot, screen.code_box, typed)
    qtbot.keyClick(screen.code_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.verdict is not None and screen.runner.pending() == 0)
    return screen.code_result.text()


def test_typing_codes_says_what_each_gives_or_exactly_why_not(screen, qtbot, staffed_copy, somying, languages,
                                                             qtmodeltester):
    s = staffed_copy
    other = member(s, "สมศรี รักสวย", "089-876-5678", 0)
    valid = s.terminal.run(coupons.issue_coupon, TEN_OFF, somying, actor=s.manager).result.code
    expired = s.terminal.run(coupons.issue_coupon, CouponTerms(CouponKind.AMOUNT, amount_satang=20_000,
                             valid_until=date(2026, 11, 1)), somying, actor=s.manager).result.code
    used = s.terminal.run(coupons.issue_coupon, TEN_OFF, somying, actor=s.manager).result.code
    s.terminal.run(coupons.record_coupon_use, used, [CartLine("item-1", ItemKind.TREATMENT, 200_000)],
                   customer_id=somying, actor=s.front_desk)
    used_at = s.clock.now
    theirs = s.terminal.run(coupons.issue_coupon, TEN_OFF, other, actor=s.manager).result.code
    later = s.terminal.run(coupons.issue_coupon, CouponTerms(CouponKind.PERCENT, percent=5,
                           valid_from=date(2027, 2, 1)), somying, actor=s.manager).result
    void = s.terminal.run(coupons.issue_coupon, TEN_OFF, somying, actor=s.manager).result
    s.terminal.run(coupons.void_coupon, void.id, "ออกซ้ำ", actor=s.manager)
    open_member(screen, qtbot, somying)

    assert check(screen, qtbot, display_coupon_code(valid).lower()) == "ใช้ได้: ลด 10 % ถึง 31 ม.ค. 2570 ขั้นต่ำ ฿1,500"
    assert screen.verdict.applies
    typo = valid[:3] + ("A" if valid[3] != "A" else "B") + valid[4:]
    assert check(screen, qtbot, typo) == f"รหัสคูปอง {display_coupon_code(typo)} พิมพ์ผิด กรุณาตรวจสอบอีกครั้ง"
    assert not screen.verdict.applies
    never = make_coupon_code(valid[:TAG_LENGTH], 777_777)
    assert check(screen, qtbot, never) == f"ไม่มีคูปอง {display_coupon_code(never)}"
    assert check(screen, qtbot, "HELLO") == "ไม่มีคูปอง HELLO"
    assert check(screen, qtbot, expired) == f"คูปอง {display_coupon_code(expired)} หมดอายุเมื่อ 1 พ.ย. 2569"
    # A code of the member's own coupons is selected in their list.
    assert screen.coupons.coupon(screen.coupon_list.currentIndex().row()).code == expired
    assert check(screen, qtbot, used) == (
        f"คูปอง {display_coupon_code(used)} ถูกใช้ไปแล้วที่ POS-1 (คลินิกทดสอบ) เมื่อ {format_datetime(used_at, 'th')}")
    assert check(screen, qtbot, later.code) == f"คูปอง {display_coupon_code(later.code)} เริ่มใช้ได้ 1 ก.พ. 2570"
    assert check(screen, qtbot, void.code) == f"คูปอง {display_coupon_code(void.code)} ถูกยกเลิกแล้ว: ออกซ้ำ"
    assert check(screen, qtbot, theirs) == f"คูปอง {display_coupon_code(theirs)} เป็นของสมาชิกท่านอื่น"
    # The same code for its own member applies.
    open_member(screen, qtbot, other)
    qtbot.waitUntil(lambda: screen.code_result.text().startswith("ใช้ได้: ลด 10 %"))

    # The member's list gives each coupon's state and why.
    open_member(screen, qtbot, somying)
    listed = {r[0]: r[3:] for r in rows(screen.coupons)}
    assert listed[display_coupon_code(valid)] == ("ใช้ได้", "ใช้ได้: ลด 10 % ถึง 31 ม.ค. 2570 ขั้นต่ำ ฿1,500")
    assert listed[display_coupon_code(expired)] == (
        "หมดอายุ", f"คูปอง {display_coupon_code(expired)} หมดอายุเมื่อ 1 พ.ย. 2569")
    assert listed[display_coupon_code(used)][0] == "ใช้แล้ว"
    assert listed[display_coupon_code(void.code)][0] == "ยกเลิกแล้ว"
    assert "POS-1" in listed[display_coupon_code(used)][1]
    qtmodeltester.check(screen.coupons)

    languages.set_language("en", save=False)
    qtbot.waitUntil(lambda: screen.code_result.text() == f"Coupon {display_coupon_code(theirs)} belongs to another member")
    assert check(screen, qtbot, expired) == f"Coupon {display_coupon_code(expired)} expired on 1 Nov 2026"
    assert check(screen, qtbot, used).startswith(f"Coupon {display_coupon_code(used)} was already used at POS-1 (")


def as_thai_keyboard(text: str) -> str:
    """Return what ``text``'s keys type with the keyboard set to Thai (as a barcode scanner then types it)."""
    keys = {**dict(zip(KEYS, THAI, strict=True)), **dict(zip(SHIFTED_KEYS, THAI_SHIFTED, strict=True))}
    return "".join(keys.get(ch, ch) for ch in text)


def test_a_scanned_code_answers_without_enter_and_with_the_keyboard_set_to_thai(screen, qtbot, staffed_copy, somying):
    valid = staffed_copy.terminal.run(coupons.issue_coupon, TEN_OFF, somying, actor=staffed_copy.manager).result.code
    open_member(screen, qtbot, somying)
    type_text(qtbot, screen.code_box, valid)  # no Enter: the whole code is there
    qtbot.waitUntil(lambda: screen.code_result.text().startswith("ใช้ได้"))
    screen.code_box.clear()
    assert not screen.code_result.isVisible()
    scanned = as_thai_keyboard(valid)
    assert scanned != valid and not scanned.isascii()
    type_text(qtbot, screen.code_box, scanned)
    qtbot.waitUntil(lambda: screen.code_result.text() == "ใช้ได้: ลด 10 % ถึง 31 ม.ค. 2570 ขั้นต่ำ ฿1,500")


def test_a_member_qr_scanned_into_the_search_opens_the_member(screen, qtbot, staffed_copy, somying):
    other = member(staffed_copy, "สมศรี รักสวย", "089-876-5678", 0)
    code = staffed_copy.terminal.read(lambda s: s.get(CustomerRow, other).referral_code)
    qtbot.keyClick(screen, Qt.Key.Key_F2)
    type_text(qtbot, screen.search, as_thai_keyboard(code))
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.member is not None and screen.member.member.customer_id == other)
    assert screen.name.text() == "สมศรี รักสวย"
    assert screen.rewards.table.hasFocus()


def test_points_pulled_by_sync_update_the_screen_and_a_hidden_one_reads_when_shown(screen, qtbot, staffed_copy,
                                                                                  somying):
    open_member(screen, qtbot, somying)
    now = staffed_copy.clock.now
    pulled = Change(
        cursor=1, entity="points", entity_id=uuid7(), field_clocks={}, deleted=False,
        hlc=Hlc(int(now.timestamp() * 1000), 0, "0" * 16).encode(),
        data={"customer_id": somying, "kind": "spend", "points": 900, "source": "reward", "reason": "ส่วนลด",
              "at": now.isoformat(), "expires_at": None, "staff_id": None},
    )
    # As the sync driver does: apply the page, announce what it changed on the bus.
    screen.runner.run(lambda ctx: apply_changes(ctx.session, [pulled], ctx.now), actor=None)
    qtbot.waitUntil(lambda: screen.balance.text() == "300 แต้ม")
    assert rows(screen.rewards.model)[0][3] == "ขาดอีก 200 แต้ม"

    screen.hide()
    screen.runner.run(lambda ctx: loyalty.adjust_points(ctx, somying, 1_000, "ของขวัญ"), actor=staffed_copy.manager)
    settle(screen, qtbot)
    assert screen.balance.text() == "300 แต้ม"  # not read while hidden
    screen.show()
    qtbot.waitUntil(lambda: screen.balance.text() == "1,300 แต้ม")


def test_a_coupon_used_elsewhere_updates_the_screen_from_the_bus(screen, qtbot, staffed_copy, somying):
    code = staffed_copy.terminal.run(coupons.issue_coupon, TEN_OFF, somying, actor=staffed_copy.manager).result.code
    open_member(screen, qtbot, somying)
    assert check(screen, qtbot, code).startswith("ใช้ได้")
    screen.runner.run(coupons.record_coupon_use, code, [CartLine("item-1", ItemKind.TREATMENT, 200_000)],
                      customer_id=somying)
    qtbot.waitUntil(lambda: "ถูกใช้ไปแล้วที่ POS-1" in screen.code_result.text())
    qtbot.waitUntil(lambda: rows(screen.coupons)[0][3] == "ใช้แล้ว")


def test_the_screen_cuts_no_label(screen, qtbot, somying, languages):
    open_member(screen, qtbot, somying)
    for language in ("th", "en"):
        languages.set_language(language, save=False)
        for width in (1280, 900):
            screen.resize(width, 700)
            qtbot.waitUntil(lambda: labels_cut(screen) == [], timeout=3000)  # once the layout has settled


# ---------------------------------------------------------------------- the loyalty page's Rewards


@pytest.fixture
def customers(desk: DeskRunner, somying: str, qtbot) -> CustomerScreen:
    widget = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitUntil(lambda: desk.pending() == 0)
    return widget


def test_the_loyalty_page_redeems_a_reward(customers, qtbot, staffed_copy, somying, qtmodeltester):
    customers.open_customer(somying)
    qtbot.waitUntil(lambda: customers.detail.customer_id == somying)
    customers.detail.pages.setCurrentWidget(customers.loyalty)
    section = customers.rewards
    assert customers.loyalty.sections.tabText(1) == "ของรางวัล"
    customers.loyalty.sections.setCurrentWidget(section)
    qtbot.waitUntil(lambda: section.view.model.rowCount() == 4 and section.view.customer_id == somying)
    qtmodeltester.check(section.view.model)
    section.view.select_reward(FIVE)
    qtbot.mouseClick(section.view.redeem_button, Qt.MouseButton.LeftButton)
    box = section.view.redeemer.question
    assert box is not None
    with qtbot.waitSignal(section.view.redeemed, timeout=5000):
        qtbot.mouseClick(box.defaultButton(), Qt.MouseButton.LeftButton)
    # The panel's balance and history follow from the bus.
    qtbot.waitUntil(lambda: customers.loyalty.balance.text() == "700 แต้ม")
    assert section.view.issued.isVisible()
    assert coupon_count(staffed_copy) == 1

    with qtbot.waitSignal(customers.redemptionRequested, timeout=2000) as asked:
        qtbot.mouseClick(section.open_screen_button, Qt.MouseButton.LeftButton)
    assert asked.args == [somying]


def test_the_loyalty_pages_button_opens_the_redemption_screen_for_the_member(qtbot, staffed_copy, somying, languages):
    from ui.app import create_main_window

    window = create_main_window(staffed_copy.terminal, languages)
    qtbot.addWidget(window)
    try:
        window.show()
        window.login.signed_in.emit(staffed_copy.front_desk)
        customers = window.show_screen("customers")
        assert isinstance(customers, CustomerScreen)
        customers.open_customer(somying)
        qtbot.waitUntil(lambda: customers.detail.customer_id == somying)
        customers.detail.pages.setCurrentWidget(customers.loyalty)
        customers.loyalty.sections.setCurrentWidget(customers.rewards)
        qtbot.mouseClick(customers.rewards.open_screen_button, Qt.MouseButton.LeftButton)
        assert window.current_key == "redemption"
        screen = window.screen_page("redemption")
        assert isinstance(screen, RedemptionScreen)
        qtbot.waitUntil(lambda: screen.balance.text() == "1,200 แต้ม")
        assert screen.customer_id == somying and screen.name.text() == "สมหญิง ศรีสุข"
    finally:
        qtbot.waitUntil(lambda: window.runner.pending() == 0)
        window.runner.shutdown()


def test_the_rewards_section_cuts_no_label_when_narrow(customers, qtbot, staffed_copy, somying, languages):
    staffed_copy.terminal.run(loyalty.adjust_points, somying, -900, "ใช้ไปแล้ว", actor=staffed_copy.manager)
    customers.open_customer(somying)
    qtbot.waitUntil(lambda: customers.detail.customer_id == somying)
    customers.detail.pages.setCurrentWidget(customers.loyalty)
    customers.loyalty.sections.setCurrentWidget(customers.rewards)
    qtbot.waitUntil(lambda: customers.rewards.view.balance == 300)
    customers.rewards.view.select_reward(TEN)
    assert customers.rewards.view.why.text() == "ขาดอีก 700 แต้ม"
    splitter = customers.findChild(QSplitter)
    for language in ("th", "en"):
        languages.set_language(language, save=False)
        for width in (1280, 760):
            customers.resize(width, 560)
            splitter.setSizes([10_000, 1])  # the detail dragged as narrow as it goes
            # Once the layout has settled (a loaded machine takes longer than 50 ms).
            qtbot.waitUntil(lambda: labels_cut(customers.rewards) == [], timeout=3000)


def test_someone_who_may_not_sell_redeems_with_a_managers_pin(screen, qtbot, staffed_copy, somying):
    screen.runner.actor = staffed_copy.beautician
    open_member(screen, qtbot, somying)
    qtbot.mouseClick(screen.rewards.redeem_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(the_question(screen).defaultButton(), Qt.MouseButton.LeftButton)

    def approval() -> OverrideDialog | None:
        shown = [d for d in screen.findChildren(OverrideDialog) if d.isVisible() and d.loaded]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: approval() is not None)
    manager = approval()
    assert manager is not None
    manager.select(staffed_copy.manager.staff_id)
    qtbot.keyClicks(manager.pin, staffed_copy.pins["manager"])
    with qtbot.waitSignal(screen.rewards.redeemed, timeout=5000):
        qtbot.keyClick(manager.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.balance.text() == "700 แต้ม" and screen.coupons.rowCount() == 1)


def test_a_free_item_is_named_in_the_language_shown(screen, qtbot, staffed_copy, somying, languages):
    staffed_copy.terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.PRODUCT, name_th="มาส์กหน้าพรีเมียม", name_en="Premium Mask", price_satang=59_000,
        sku="PREMIUM-MASK"), actor=staffed_copy.manager)
    staffed_copy.terminal.run(rewards.redeem_reward, somying, reward_id("free_premium_mask"),
                              actor=staffed_copy.front_desk)
    open_member(screen, qtbot, somying)
    assert rows(screen.rewards.model)[1][2:] == ("มาส์กหน้าพรีเมียม ฟรี", "ขาดอีก 400 แต้ม")
    assert rows(screen.coupons)[0][1] == "มาส์กหน้าพรีเมียม ฟรี"
    languages.set_language("en", save=False)
    qtbot.waitUntil(lambda: rows(screen.coupons)[0][1] == "a free Premium Mask")
    assert rows(screen.coupons)[0][4].startswith("Valid: a free Premium Mask, until ")
    assert rows(screen.rewards.model)[1][2] == "a free Premium Mask"
