"""The manager's "Loyalty program" dialog on a real SQLite terminal: real widgets, a real runner."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.loyalty_program import DEFAULT_PROGRAM
from bnaura_desk.domain.points import PointsSource
from bnaura_desk.domain.rewards import reward_id
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.achievements import achievement_definitions
from bnaura_desk.services.points_ledger import loyalty_program
from bnaura_desk.services.rewards import rewards_catalog
from bnaura_desk.store.models import AuditEntry, Coupon, DeviceState, PointsEntry
from tests.conftest import PINS
from tests.ui.conftest import Shell, sign_in
from ui.loyalty_admin.achievements import POINTS, TARGET, AchievementsModel
from ui.loyalty_admin.dialog import LoyaltyProgramDialog
from ui.loyalty_admin.rewards import RewardsModel
from ui.loyalty_admin.tiers_model import THRESHOLD, TiersModel
from ui.override import OverrideDialog

TIERS_OVERLAP = "ระดับสมาชิกซ้อนกัน"


def open_program(qtbot, shell: Shell, role: Role) -> LoyaltyProgramDialog:
    """Sign in as ``role``, open File → Loyalty program…, wait until it shows the chain's program."""
    actor = {Role.MANAGER: shell.staffed.manager, Role.FRONT_DESK: shell.staffed.front_desk}[role]
    sign_in(qtbot, shell.window, actor.staff_id, PINS[role])
    assert shell.window.loyalty_program_action.isEnabled()
    assert shell.window.loyalty_program_action.text() == "โปรแกรมสะสมแต้ม…"
    dialog = shell.window.edit_loyalty_program()
    assert isinstance(dialog, LoyaltyProgramDialog)
    qtbot.waitUntil(lambda: dialog.is_loaded)
    return dialog


def program(shell: Shell):
    return shell.staffed.terminal.read(
        lambda s: loyalty_program(s, s.execute(select(DeviceState.chain_id)).scalar_one()))


def settings_saved(shell: Shell) -> int:
    return shell.staffed.terminal.read(lambda s: s.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "setting.set")))


def settle(qtbot, shell: Shell) -> None:
    qtbot.waitUntil(lambda: shell.runner.pending() == 0)


def test_a_manager_changes_the_check_in_points_and_the_next_check_in_earns_them(qtbot, shell: Shell) -> None:
    dialog = open_program(qtbot, shell, Role.MANAGER)
    tab = dialog.earning
    assert dialog.tabs.tabText(0) == "การให้แต้มและระดับสมาชิก"
    assert tab.awards["check_in"].value() == 10 and tab.baht_per_point.value() == 10
    assert [tab.tiers_model.index(r, 0).data() for r in range(5)] == ["บรอนซ์", "ซิลเวอร์", "โกลด์", "แพลทินัม",
                                                                    "ไดมอนด์"]

    tab.awards["check_in"].setValue(25)
    with qtbot.waitSignal(tab.saved, timeout=5000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell)
    assert program(shell).earn.check_in == 25

    s = shell.staffed
    member = s.terminal.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                            actor=s.front_desk).result
    s.terminal.run(customer_service.check_in, member, actor=s.front_desk)
    earned = s.terminal.read(lambda ses: list(ses.scalars(select(PointsEntry.points).where(
        PointsEntry.customer_id == member, PointsEntry.source == str(PointsSource.CHECK_IN)))))
    assert earned == [25]


def test_overlapping_tiers_a_negative_award_and_a_big_discount_are_refused_and_change_nothing(
        qtbot, shell: Shell) -> None:
    dialog = open_program(qtbot, shell, Role.MANAGER)
    tab = dialog.earning
    before = settings_saved(shell)

    # Gold from 500 points: below Silver's 1,000.
    assert tab.tiers_model.setData(tab.tiers_model.index(2, THRESHOLD), 500)
    assert tab.tiers_model.index(2, THRESHOLD).data() == "500"
    tab.save()
    qtbot.waitUntil(lambda: bool(tab.error_text("tiers")))
    assert tab.error_text("tiers").startswith(TIERS_OVERLAP)
    assert not tab.saving and tab.save_button.isEnabled()

    dialog.reload()
    qtbot.waitUntil(lambda: tab.tiers_model.index(2, THRESHOLD).data() == "3,000")
    tab.awards["review"].setValue(-50)
    tab.save()
    qtbot.waitUntil(lambda: bool(tab.error_text("review")))
    assert tab.error_text("review") == "แต้มที่ให้ต้องอยู่ระหว่าง 0 ถึง 100,000 แต้ม และติดลบไม่ได้"
    assert tab.error_text("tiers") == ""

    tab.awards["review"].setValue(50)
    tab.tiers_model.setData(tab.tiers_model.index(4, 2), 120)
    tab.save()
    qtbot.waitUntil(lambda: bool(tab.error_text("tiers")))
    assert "0 ถึง 100 %" in tab.error_text("tiers")

    settle(qtbot, shell)
    assert settings_saved(shell) == before
    assert program(shell) == DEFAULT_PROGRAM


def test_a_manager_adds_a_tier_and_qualifies_on_the_last_12_months(qtbot, shell: Shell) -> None:
    dialog = open_program(qtbot, shell, Role.MANAGER)
    tab = dialog.earning
    tab.add_tier()
    row = tab.tiers_model.rowCount() - 1
    tab.tiers_model.setData(tab.tiers_model.index(row, 0), "Black")
    tab.tiers_model.setData(tab.tiers_model.index(row, THRESHOLD), 30_000)
    tab.tiers_model.setData(tab.tiers_model.index(row, 2), 20)
    tab.tiers_model.setData(tab.tiers_model.index(row, 3), 3.5)
    tab.rolling.setChecked(True)
    with qtbot.waitSignal(tab.saved, timeout=5000):
        tab.save()
    settle(qtbot, shell)
    saved = program(shell)
    assert [(t.key, t.threshold, t.discount_percent, t.multiplier_tenths) for t in saved.tiers[-2:]] == [
        ("diamond", 15_000, 15, 30), ("Black", 30_000, 20, 35)]
    assert str(saved.qualification) == "rolling"
    assert tab.tiers_model.index(5, 3).data() == "3.5×"


def test_a_front_desk_user_needs_a_manager_pin(qtbot, shell: Shell) -> None:
    dialog = open_program(qtbot, shell, Role.FRONT_DESK)
    tab = dialog.earning
    tab.awards["welcome"].setValue(150)
    tab.save()

    def approval() -> OverrideDialog | None:
        found = [d for d in dialog.findChildren(OverrideDialog) if d.isVisible() and d.loaded]
        return found[0] if found else None

    qtbot.waitUntil(lambda: approval() is not None)
    pin = approval()
    assert pin is not None
    assert "จัดการโปรแกรมสะสมแต้ม" in pin.explanation.text()
    assert program(shell).earn.welcome == 100  # nothing yet
    pin.select(shell.staffed.manager.staff_id)
    qtbot.keyClicks(pin.pin, PINS[Role.MANAGER])
    with qtbot.waitSignal(tab.saved, timeout=5000):
        qtbot.keyClick(pin.pin, Qt.Key.Key_Return)
    settle(qtbot, shell)
    assert program(shell).earn.welcome == 150
    [entry] = shell.staffed.terminal.read(lambda s: list(s.scalars(select(AuditEntry).where(
        AuditEntry.action == "setting.set", AuditEntry.entity_id == "loyalty_program"))))
    assert entry.actor_id == shell.staffed.front_desk.staff_id
    assert entry.authorized_by_id == shell.staffed.manager.staff_id


def test_a_campaign_is_generated_and_exported_as_csv(qtbot, shell: Shell, tmp_path: Path) -> None:
    dialog = open_program(qtbot, shell, Role.MANAGER)
    tab = dialog.campaigns
    dialog.tabs.setCurrentWidget(tab)
    tab.name.setText("ปีใหม่ 2570")
    tab.count.setValue(25)
    tab.amount_button.setChecked(True)
    assert tab._boxes["amount"].isVisibleTo(tab) and not tab._boxes["percent"].isVisibleTo(tab)
    tab.amount.setText("100")
    tab.valid_until.setText("31/01/2570")
    tab.min_spend.setText("1,500")
    tab.per_customer.setValue(1)
    with qtbot.waitSignal(tab.generated, timeout=10_000) as generated:
        qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    assert generated.args == ["ปีใหม่ 2570", 25]
    assert tab.result.text().startswith("สร้าง 25 รหัสสำหรับ “ปีใหม่ 2570” แล้ว")
    assert tab.export_button.isEnabled()

    target = tmp_path / "export" / "codes.csv"
    target.parent.mkdir()
    with qtbot.waitSignal(tab.exported, timeout=10_000):
        tab.export_csv(str(target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel shows the Thai
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["code"] for r in rows] == tab.codes and len(set(tab.codes)) == 25
    assert {(r["campaign"], r["kind"], r["amount_baht"], r["valid_until"], r["min_spend_baht"],
             r["per_customer_limit"], r["state"]) for r in rows} == {
        ("ปีใหม่ 2570", "amount", "100.00", "2027-01-31", "1500.00", "1", "active")}
    assert [p.name for p in target.parent.iterdir()] == ["codes.csv"]  # no partial file left
    assert "codes.csv" in tab.result.text()


def test_a_campaign_with_bad_input_is_refused_at_the_field(qtbot, shell: Shell) -> None:
    dialog = open_program(qtbot, shell, Role.MANAGER)
    tab = dialog.campaigns
    count = lambda: shell.staffed.terminal.read(lambda s: s.scalar(select(func.count()).select_from(Coupon)))
    tab.generate()
    qtbot.waitUntil(lambda: bool(tab.error_text("campaign")))
    assert tab.error_text("campaign") == "ตั้งชื่อแคมเปญ"
    tab.name.setText("ลดสิ้นปี")
    tab.valid_from.setText("31/02/2570")
    tab.generate()
    qtbot.waitUntil(lambda: bool(tab.error_text("valid_from")))
    assert "31/02/2570 ไม่ใช่วันที่" in tab.error_text("valid_from")
    tab.valid_from.setText("")
    tab.free_button.setChecked(True)
    tab.sku.setText("NO-SUCH")
    tab.generate()
    qtbot.waitUntil(lambda: bool(tab.error_text("free_item")))
    assert tab.error_text("free_item") == "ไม่มีรายการที่มีรหัสสินค้า NO-SUCH"
    settle(qtbot, shell)
    assert count() == 0 and not tab.export_button.isEnabled()


def catalog(shell: Shell):
    return {r.id: r for r in shell.staffed.terminal.read(rewards_catalog)}


def test_a_manager_adds_edits_and_stops_offering_rewards(qtbot, shell: Shell) -> None:
    dialog = open_program(qtbot, shell, Role.MANAGER)
    tab = dialog.rewards
    assert tab.model.rowCount() == 4
    assert tab.model.index(0, 0).data() == "ส่วนลด 5%" and tab.model.index(0, 2).data() == "ลด 5 %"

    form = tab.add_reward()
    form.name_th.setText("ส่วนลด 200 บาท")
    form.kind.setCurrentIndex(1)  # amount off
    form.amount.setText("200")
    form.save()
    qtbot.waitUntil(lambda: bool(form.error_text("points_cost")))
    assert form.error_text("points_cost") == "ของรางวัลใช้แต้ม 1 ถึง 10,000,000 แต้ม"
    form.points_cost.setValue(1_200)
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        form.save()
    new_id = saved.args[0]
    qtbot.waitUntil(lambda: tab.model.row_of(new_id) >= 0)
    added = catalog(shell)[new_id]
    assert (added.points_cost, added.amount_satang, added.active) == (1_200, 20_000, True)

    tab.select(reward_id("percent_10"))
    form = tab.edit_reward()
    assert form is not None and form.points_cost.value() == 1_000
    form.points_cost.setValue(900)
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    settle(qtbot, shell)
    assert catalog(shell)[reward_id("percent_10")].points_cost == 900

    qtbot.waitUntil(lambda: tab.model.row_of(reward_id("percent_5")) >= 0)
    tab.select(reward_id("percent_5"))
    with qtbot.waitSignal(tab.changed, timeout=5000):
        tab.deactivate()
    qtbot.waitUntil(lambda: tab.model.index(tab.model.row_of(reward_id("percent_5")), 5).data() == "งดแลก")
    assert catalog(shell)[reward_id("percent_5")].active is False


def definitions(shell: Shell):
    return shell.staffed.terminal.read(
        lambda s: achievement_definitions(s, s.execute(select(DeviceState.chain_id)).scalar_one()))


def test_a_manager_edits_and_adds_achievements_and_a_bad_target_is_refused(qtbot, shell: Shell) -> None:
    dialog = open_program(qtbot, shell, Role.MANAGER)
    tab = dialog.achievements
    model = tab.model
    keys = [d.key for d in model.definitions()]
    big = keys.index("big_spender")
    assert model.index(big, 0).data() == "การใช้จ่าย"
    assert model.index(big, 2).data() == "ยอดใช้จ่ายรวม: ตั้งแต่ ฿10,000"
    regular = keys.index("regular")
    assert model.index(regular, 2).data() == "จำนวนครั้งที่มาภายในจำนวนวันที่กำหนด: 5 ครั้งภายใน 91 วัน"

    before = settings_saved(shell)
    model.setData(model.index(regular, TARGET), 0)
    tab.save()
    qtbot.waitUntil(lambda: not tab.error.isHidden())
    assert tab.error.text() == "เป้าหมายของความสำเร็จ regular ต้องมากกว่าศูนย์"
    model.setData(model.index(regular, TARGET), 4)
    model.setData(model.index(big, POINTS), -1)
    tab.save()
    qtbot.waitUntil(lambda: "ให้แต้มได้ 0 ถึง 100,000" in tab.error.text())
    settle(qtbot, shell)
    assert settings_saved(shell) == before

    model.setData(model.index(big, POINTS), 350)
    model.setData(model.index(big, TARGET), 20_000)  # baht
    form = tab.add_achievement()
    form.category.setCurrentIndex(3)  # engagement
    form.name_th.setText("แฟนพันธุ์แท้")
    form.name_en.setText("True Fan")
    form.condition.setCurrentIndex(2)  # visits
    form.threshold.setValue(30)
    form.points.setValue(700)
    form.save()
    assert model.rowCount() == len(keys) + 1
    with qtbot.waitSignal(tab.saved, timeout=5000):
        tab.save()
    settle(qtbot, shell)
    saved = {d.key: d for d in definitions(shell)}
    assert saved["big_spender"].points == 350 and saved["big_spender"].condition.threshold == 2_000_000
    assert saved["regular"].condition.threshold == 4
    assert saved["true_fan"].points == 700 and saved["true_fan"].condition.threshold == 30


def test_the_new_achievement_form_refuses_before_it_joins_the_list(qtbot, shell: Shell) -> None:
    dialog = open_program(qtbot, shell, Role.MANAGER)
    tab = dialog.achievements
    rows = tab.model.rowCount()
    form = tab.add_achievement()
    form.name_en.setText("Nameless")
    form.threshold.setValue(3)
    form.save()
    assert form.error_text("name_th") == "ความสำเร็จ nameless ต้องมีชื่อภาษาไทย"
    assert tab.model.rowCount() == rows
    form.reject()


@pytest.mark.parametrize("make", [TiersModel, RewardsModel, AchievementsModel])
def test_the_models_pass_the_model_tester(qtmodeltester, qtbot, shell: Shell, make) -> None:
    dialog = open_program(qtbot, shell, Role.MANAGER)
    model = {TiersModel: dialog.earning.tiers_model, RewardsModel: dialog.rewards.model,
             AchievementsModel: dialog.achievements.model}[make]
    qtmodeltester.check(model)


def test_the_dialog_speaks_english_after_a_language_switch(qtbot, shell: Shell) -> None:
    dialog = open_program(qtbot, shell, Role.MANAGER)
    shell.languages.set_language("en", save=False)
    QApplication.processEvents()
    assert dialog.windowTitle() == "Loyalty program"
    assert dialog.tabs.tabText(3) == "Coupon campaigns"
    assert dialog.earning.tiers_model.index(0, 0).data() == "Bronze"
    assert dialog.achievements.model.index(0, 0).data() == "Spending"


def test_a_program_changed_elsewhere_shows_in_the_open_dialog(qtbot, shell: Shell) -> None:
    from dataclasses import replace

    from bnaura_desk.services import settings as settings_service

    dialog = open_program(qtbot, shell, Role.MANAGER)
    changed = replace(DEFAULT_PROGRAM, earn=replace(DEFAULT_PROGRAM.earn, birthday=250))
    # As another terminal's manager's change arrives: announced on the bus, not by the dialog.
    shell.runner.run(settings_service.set_loyalty_program, changed, actor=shell.staffed.manager)
    qtbot.waitUntil(lambda: dialog.earning.awards["birthday"].value() == 250)


def test_saving_a_reward_keeps_what_is_typed_but_not_saved_in_the_other_tabs(qtbot, shell: Shell) -> None:
    dialog = open_program(qtbot, shell, Role.MANAGER)
    dialog.earning.awards["review"].setValue(77)  # not saved yet
    dialog.rewards.select(reward_id("percent_10"))
    form = dialog.rewards.edit_reward()
    assert form is not None
    form.points_cost.setValue(950)
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    qtbot.waitUntil(lambda: dialog.rewards.model.index(
        dialog.rewards.model.row_of(reward_id("percent_10")), 1).data() == "950")
    settle(qtbot, shell)
    assert dialog.earning.awards["review"].value() == 77
