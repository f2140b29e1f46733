"""The loyalty panel of the customer screen: real widgets, a real runner, a real SQLite terminal."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter
from sqlalchemy import func, select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.loyalty_program import LoyaltyProgram, Qualification
from bnaura_desk.domain.points import DEFAULT_TIERS, lot_expiry
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import loyalty, settings
from bnaura_desk.store.models import AuditEntry, PointsEntry
from sync.client.local_apply import apply_changes
from sync.protocol import Change
from tests.conftest import Staffed
from tests.ui.test_customers import labels_cut, type_text
from ui.bus import ChangeBus
from ui.customers.screen import CustomerScreen
from ui.i18n import LanguageSwitcher
from ui.loyalty.adjust import AdjustPointsDialog
from ui.override import OverrideDialog
from ui.runner import DeskRunner
from ui.widgets.dates import format_date


@pytest.fixture
def desk(staffed_copy: Staffed, languages: LanguageSwitcher, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    runner.actor = staffed_copy.front_desk
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


@pytest.fixture
def somying(staffed_copy: Staffed) -> str:
    """A member with 2,350 points earned: 120 of them (welcome 100, 20 by hand) 340 days ago, expiring in 25 days."""
    s = staffed_copy
    form = CustomerForm(name_th="สมหญิง ศรีสุข", name_en="Somying Srisuk", phone="086-245-1190")
    member = str(s.terminal.run(customer_service.register_customer, form, actor=s.front_desk).result)
    s.terminal.run(loyalty.adjust_points, member, 20, "แต้มจากระบบเดิม", actor=s.manager)
    s.clock.advance(days=340)
    s.terminal.run(loyalty.adjust_points, member, 2_230, "ย้ายแต้มจากบัตรกระดาษ", actor=s.manager)
    return member


@pytest.fixture
def screen(desk: DeskRunner, somying: str, qtbot) -> CustomerScreen:
    widget = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitUntil(lambda: desk.pending() == 0)
    return widget


def open_loyalty(screen: CustomerScreen, qtbot, customer_id: str) -> None:
    """Open the customer and their Loyalty page; wait until the panel shows them."""
    screen.open_customer(customer_id)
    qtbot.waitUntil(lambda: screen.detail.customer_id == customer_id)
    screen.detail.pages.setCurrentWidget(screen.loyalty)
    settle(screen, qtbot, customer_id)


def settle(screen: CustomerScreen, qtbot, customer_id: str) -> None:
    qtbot.waitUntil(
        lambda: screen.runner.pending() == 0
        and screen.loyalty.member is not None
        and screen.loyalty.member.customer_id == customer_id
    )


def history(screen: CustomerScreen) -> list[tuple[str, str, str, str]]:
    model = screen.loyalty.history_model
    return [
        tuple(model.index(row, col).data() for col in range(model.columnCount()))  # type: ignore[misc]
        for row in range(model.rowCount())
    ]


def entries(staffed: Staffed) -> int:
    return int(staffed.terminal.read(lambda s: s.scalar(select(func.count()).select_from(PointsEntry))))


def test_the_panel_shows_tier_balance_progress_and_what_expires_soon(screen, qtbot, staffed_copy, somying,
                                                                    languages):
    open_loyalty(screen, qtbot, somying)
    panel = screen.loyalty
    assert screen.detail.pages.tabText(1) == "สะสมแต้ม"
    assert panel.tier_badge.text() == "ซิลเวอร์"
    assert panel.balance.text() == "2,350 แต้ม"
    assert panel.next_tier.text() == "อีก 650 แต้ม จะได้เป็นระดับโกลด์"
    assert (panel.progress.minimum(), panel.progress.value(), panel.progress.maximum()) == (1_000, 2_350, 3_000)
    by = format_date(staffed_copy.clock.now + timedelta(days=30), "th")
    assert by.endswith("2570")  # Buddhist era: 340 days after 23 Nov 2026 is in 2027
    assert panel.expiring.text() == f"120 แต้มจะหมดอายุภายใน {by}"
    assert not panel.below_zero.isVisible()
    assert panel.code.text() == screen.detail._values["code"].text()  # the referral code, grouped

    languages.set_language("en", save=False)
    qtbot.waitUntil(lambda: panel.next_tier.text() == "650 more points to Gold")
    assert screen.detail.pages.tabText(1) == "Loyalty"
    assert panel.tier_badge.text() == "Silver"
    assert panel.expiring.text().startswith("120 points expire by ")


def test_the_history_lists_every_entry_with_its_reason_and_expiry(screen, qtbot, staffed_copy, somying, qtmodeltester,
                                                                   languages):
    open_loyalty(screen, qtbot, somying)
    start = staffed_copy.clock.now - timedelta(days=340)
    now = staffed_copy.clock.now
    assert history(screen) == [
        (format_date(now), "ปรับแต้ม: ย้ายแต้มจากบัตรกระดาษ", "+2,230", format_date(lot_expiry(now))),
        (format_date(start), "ปรับแต้ม: แต้มจากระบบเดิม", "+20", format_date(lot_expiry(start))),
        (format_date(start), "ต้อนรับสมาชิกใหม่", "+100", format_date(lot_expiry(start))),  # on registration
    ]
    qtmodeltester.check(screen.loyalty.history_model)
    model = screen.loyalty.history_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["วันที่", "รายการ", "แต้ม", "หมดอายุ"]

    # 30 days later the old lots expired; the expiry job's lines say so and take them.
    staffed_copy.clock.advance(days=30)
    screen.runner.run(loyalty.expire_points, actor=None)
    settle(screen, qtbot, somying)
    qtbot.waitUntil(lambda: len(history(screen)) == 5)
    assert sorted(row[1:3] for row in history(screen)[:2]) == [("หมดอายุ", "−100"), ("หมดอายุ", "−20")]
    assert history(screen)[0][0] == format_date(lot_expiry(start))
    assert screen.loyalty.balance.text() == "2,230 แต้ม"
    assert screen.loyalty.tier_badge.text() == "ซิลเวอร์"  # tiers go by points earned
    languages.set_language("en", save=False)
    qtbot.waitUntil(lambda: history(screen)[0][1] == "Expired")
    assert history(screen)[2][1] == "Adjustment: ย้ายแต้มจากบัตรกระดาษ"
    assert history(screen)[4][1] == "Welcome"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Expires on"


def test_the_panel_follows_points_pulled_by_sync(screen, qtbot, staffed_copy, somying):
    open_loyalty(screen, qtbot, somying)
    now = staffed_copy.clock.now
    entry = uuid7()
    pulled = Change(
        cursor=1, entity="points", entity_id=entry, field_clocks={}, deleted=False,
        hlc=Hlc(int(now.timestamp() * 1000), 0, "0" * 16).encode(),
        data={"customer_id": somying, "kind": "earn", "points": 700, "source": "birthday", "reason": "",
              "at": now.isoformat(), "expires_at": (now + timedelta(days=365)).isoformat(), "staff_id": None},
    )
    # As the sync driver does: apply the page, announce what it changed on the bus.
    screen.runner.run(lambda ctx: apply_changes(ctx.session, [pulled], ctx.now), actor=None)
    qtbot.waitUntil(lambda: screen.loyalty.balance.text() == "3,050 แต้ม")
    assert screen.loyalty.tier_badge.text() == "โกลด์"
    assert screen.loyalty.next_tier.text() == "อีก 3,950 แต้ม จะได้เป็นระดับแพลทินัม"
    assert history(screen)[0][1:3] == ("วันเกิด", "+700")


def test_a_hidden_panel_reads_its_member_again_when_shown(screen, qtbot, staffed_copy, somying):
    open_loyalty(screen, qtbot, somying)
    screen.detail.pages.setCurrentIndex(0)  # back to the profile: the panel is hidden
    staffed_copy.terminal.run(loyalty.adjust_points, somying, 50, "ของขวัญ", actor=staffed_copy.manager)
    screen.runner.run(lambda ctx: loyalty.adjust_points(ctx, somying, 25, "ของขวัญอีก"), actor=staffed_copy.manager)
    qtbot.waitUntil(lambda: screen.runner.pending() == 0)
    assert screen.loyalty.balance.text() == "2,350 แต้ม"  # not read while hidden
    screen.detail.pages.setCurrentWidget(screen.loyalty)
    qtbot.waitUntil(lambda: screen.loyalty.balance.text() == "2,425 แต้ม")


def fill(dialog: AdjustPointsDialog, qtbot, *, take: bool = False, amount: int, reason: str) -> None:
    (dialog.take_button if take else dialog.add_button).setChecked(True)
    dialog.amount.setValue(amount)
    dialog.reason.clear()
    type_text(qtbot, dialog.reason, reason)


def test_a_manager_takes_points_with_a_reason(screen, qtbot, staffed_copy, somying):
    screen.runner.actor = staffed_copy.manager
    open_loyalty(screen, qtbot, somying)
    qtbot.mouseClick(screen.loyalty.adjust_button, Qt.MouseButton.LeftButton)
    dialog = screen.loyalty.adjust_dialog
    assert isinstance(dialog, AdjustPointsDialog) and dialog.isVisible()
    assert dialog.current.text() == "2,350 แต้ม"
    fill(dialog, qtbot, take=True, amount=100, reason="ให้แต้มเกินเมื่อวาน")
    with qtbot.waitSignal(dialog.adjusted, timeout=5000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter in the reason saves
    qtbot.waitUntil(lambda: screen.loyalty.balance.text() == "2,250 แต้ม")
    assert history(screen)[0][1:] == ("ปรับแต้ม: ให้แต้มเกินเมื่อวาน", "−100", "")
    qtbot.waitUntil(lambda: screen.loyalty.adjust_dialog is None)


@pytest.mark.parametrize(
    ("amount", "reason", "field", "message"),
    [
        (0, "ของขวัญ", "amount", "เพิ่มหรือหักแต้มได้ 1 ถึง 1,000,000 แต้ม"),
        (50, "   ", "reason", "ระบุเหตุผลที่ปรับแต้ม"),
    ],
)
def test_the_dialog_refuses_a_zero_amount_or_no_reason_and_changes_nothing(
    screen, qtbot, staffed_copy, somying, amount, reason, field, message
):
    # Front desk: the refusal comes before anyone is asked for a manager's PIN.
    open_loyalty(screen, qtbot, somying)
    before = entries(staffed_copy)
    dialog = screen.loyalty.adjust_points()
    assert dialog is not None
    fill(dialog, qtbot, amount=amount, reason=reason)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.amount_error if field == "amount" else dialog.reason_error
    qtbot.waitUntil(lambda: error.isVisible())
    assert error.text() == message
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert [d for d in screen.findChildren(OverrideDialog) if d.isVisible()] == []
    qtbot.waitUntil(lambda: screen.runner.pending() == 0)
    assert entries(staffed_copy) == before
    assert screen.loyalty.balance.text() == "2,350 แต้ม"
    dialog.reject()


def test_front_desk_adjusts_only_with_a_manager_pin(screen, qtbot, staffed_copy, somying):
    open_loyalty(screen, qtbot, somying)
    before = entries(staffed_copy)
    dialog = screen.loyalty.adjust_points()
    assert dialog is not None
    fill(dialog, qtbot, amount=300, reason="ชดเชยคิวเลื่อน")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def approval() -> OverrideDialog | None:
        shown = [d for d in dialog.findChildren(OverrideDialog) if d.isVisible() and d.loaded]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: approval() is not None)
    # Cancelled: nothing is recorded and the dialog can try again.
    approval().reject()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert entries(staffed_copy) == before

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: approval() is not None)
    manager = approval()
    assert manager is not None
    manager.select(staffed_copy.manager.staff_id)
    qtbot.keyClicks(manager.pin, staffed_copy.pins["manager"])
    with qtbot.waitSignal(dialog.adjusted, timeout=5000):
        qtbot.keyClick(manager.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.loyalty.balance.text() == "2,650 แต้ม")
    assert entries(staffed_copy) == before + 1
    [audit] = staffed_copy.terminal.read(
        lambda s: list(s.scalars(select(AuditEntry).where(AuditEntry.action == "points.record")
                                 .order_by(AuditEntry.at.desc()).limit(1)))
    )
    assert (audit.actor_id, audit.authorized_by_id) == (staffed_copy.front_desk.staff_id,
                                                        staffed_copy.manager.staff_id)


def test_the_loyalty_page_cuts_no_label_when_narrow(screen, qtbot, somying, languages):
    open_loyalty(screen, qtbot, somying)
    splitter = screen.findChild(QSplitter)
    for language in ("th", "en"):
        languages.set_language(language, save=False)
        for width in (1280, 760):
            screen.resize(width, 560)
            splitter.setSizes([10_000, 1])  # the detail dragged as narrow as it goes
            qtbot.waitUntil(lambda: labels_cut(screen.loyalty) == [], timeout=3000)  # once the layout has settled
            panel = screen.loyalty
            beside = (panel.next_tier, panel.lifetime, panel.expiring, panel.code, panel.adjust_button, panel.card_button)
            assert not any(panel.qr.geometry().intersects(w.geometry()) for w in beside)


def test_a_balance_below_zero_says_rewards_wait(screen, qtbot, staffed_copy, somying, languages):
    # Points taken twice (two terminals offline, or by hand): the balance may go below zero.
    staffed_copy.terminal.run(loyalty.adjust_points, somying, -2_500, "แต้มซ้ำจากสองเครื่อง", actor=staffed_copy.manager)
    open_loyalty(screen, qtbot, somying)
    panel = screen.loyalty
    assert panel.balance.text() == "-150 แต้ม"
    assert panel.below_zero.isVisible()
    assert panel.below_zero.text() == "แต้มคงเหลือติดลบ แลกของรางวัลได้อีกครั้งเมื่อแต้มกลับเป็นบวก"
    assert panel.tier_badge.text() == "ซิลเวอร์"  # earned points still count for the tier


def test_the_card_button_saves_the_card_where_asked_and_opens_it(screen, qtbot, somying, tmp_path, monkeypatch):
    import ui.loyalty.panel as panel_module

    asked: list[str] = []
    opened: list[str] = []

    def choose(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(tmp_path / "สมหญิง"), "PDF"

    monkeypatch.setattr(panel_module.QFileDialog, "getSaveFileName", staticmethod(choose))
    monkeypatch.setattr(panel_module.QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())))
    open_loyalty(screen, qtbot, somying)
    qtbot.mouseClick(screen.loyalty.card_button, Qt.MouseButton.LeftButton)

    code = screen.loyalty.code.text()
    assert asked and asked[0].endswith(f"member-card-{code}.pdf")
    written = tmp_path / "สมหญิง.pdf"
    assert opened == [str(written)]
    assert written.stat().st_size > 0 and written.read_bytes().startswith(b"%PDF")


def test_a_refusal_of_the_service_shows_in_the_dialog_and_changes_nothing(screen, qtbot, staffed_copy, somying):
    screen.runner.actor = staffed_copy.manager
    open_loyalty(screen, qtbot, somying)
    dialog = screen.loyalty.adjust_points()
    assert dialog is not None
    # Deleted at the other counter while the dialog was open (not announced here).
    staffed_copy.terminal.run(customer_service.delete_customer, somying, actor=staffed_copy.owner)
    before = entries(staffed_copy)
    fill(dialog, qtbot, amount=100, reason="ของขวัญ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.general_error.isVisible())
    assert dialog.general_error.text() == "ไม่พบลูกค้ารายนี้แล้ว"
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert entries(staffed_copy) == before


def test_the_panel_follows_the_chains_program(screen, qtbot, staffed_copy, somying):
    open_loyalty(screen, qtbot, somying)
    assert screen.loyalty.lifetime.text() == "สะสมตั้งแต่เป็นสมาชิก 2,350 แต้ม"
    # A manager (at any terminal) qualifies tiers on the last 12 months and raises Gold to 2,000.
    tiers = tuple(replace(t, threshold=2_000) if t.key == "gold" else t for t in DEFAULT_TIERS)
    program = LoyaltyProgram(tiers=tiers, qualification=Qualification.ROLLING)
    screen.runner.run(settings.set_loyalty_program, program, actor=staffed_copy.manager)
    qtbot.waitUntil(lambda: screen.loyalty.lifetime.text() == "สะสมใน 12 เดือนที่ผ่านมา 2,350 แต้ม")
    assert screen.loyalty.tier_badge.text() == "โกลด์"
    assert screen.loyalty.next_tier.text() == "อีก 4,650 แต้ม จะได้เป็นระดับแพลทินัม"
