"""The automation rule editor on a real SQLite terminal: a manager changes a rule, and the next journey follows it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from bnaura_desk.domain import automation
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import journeys, tasks
from bnaura_desk.services.context import load_device
from bnaura_desk.store.models import AuditEntry, Journey, Task
from tests.conftest import PINS
from tests.ui.conftest import Shell, sign_in
from tests.ui.test_catalog import type_text
from ui.automation.rules_dialog import RulesDialog, RulesModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def open_rules(qtbot, shell: Shell) -> RulesDialog:
    """Sign in as the manager, open File → Automation rules…, wait until the rules show."""
    sign_in(qtbot, shell.window, shell.staffed.manager.staff_id, PINS[Role.MANAGER])
    assert shell.window.automation_rules_action.isVisible()
    assert shell.window.automation_rules_action.text() == "กฎงานอัตโนมัติ…"
    dialog = shell.window.edit_automation_rules()
    assert isinstance(dialog, RulesDialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


def pick(qtbot, dialog: RulesDialog, key: str) -> int:
    """Click the rule ``key`` in the table; return its row."""
    row = next(i for i, r in enumerate(dialog.model.rules) if r["key"] == key)
    rect = dialog.view.visualRect(dialog.model.index(row, RulesModel.STAGE))
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.current_row() == row
    return row


def retype(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(qtbot, field, text)


def rules_saved(shell: Shell) -> int:
    return shell.staffed.terminal.read(lambda s: s.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "setting.set")))


def in_force(shell: Shell) -> tuple[automation.Rule, ...]:
    return shell.staffed.terminal.read(lambda s: tasks.rules_in_force(s, load_device(s).chain_id))


def test_only_managers_and_owners_see_the_rules(qtbot, shell: Shell) -> None:
    sign_in(qtbot, shell.window, shell.staffed.sales.staff_id, PINS[Role.SALES])
    assert not shell.window.automation_rules_action.isVisible()
    assert shell.window.edit_automation_rules() is None
    shell.window.switch_user()
    sign_in(qtbot, shell.window, shell.staffed.manager.staff_id, PINS[Role.MANAGER])
    assert shell.window.automation_rules_action.isVisible()


def test_a_manager_edits_a_rule_and_the_next_journey_gets_its_task(qtbot, shell: Shell) -> None:
    dialog = open_rules(qtbot, shell)
    assert [r["key"] for r in dialog.model.rules] == [r.key for r in automation.DEFAULT_RULES]
    row = pick(qtbot, dialog, "send_proposal")
    assert dialog.title_th.text() == "ส่งข้อเสนอให้ {customer}" and dialog.due_days.value() == 1
    retype(qtbot, dialog.title_th, "โทรหา {customer} ภายในวันนี้")
    retype(qtbot, dialog.title_en, "Call {customer} today")
    dialog.due_days.setValue(0)
    dialog.due_hours.setValue(4)
    # The table shows the edit as it is made.
    assert dialog.model.data(dialog.model.index(row, RulesModel.TITLE_TH)) == "โทรหา {customer} ภายในวันนี้"
    assert dialog.model.data(dialog.model.index(row, RulesModel.DUE)) == "4 ชม."
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [send] = [r for r in in_force(shell) if r.key == "send_proposal"]
    assert (send.title_th, send.title_en, send.due_minutes) == ("โทรหา {customer} ภายในวันนี้", "Call {customer} today",
                                                                4 * 60)

    # A new journey scanned: its task has the new title, due four hours after the scan.
    s = shell.staffed
    member = s.terminal.run(customer_service.register_customer, CustomerForm(name_th="สมศรี มีสุข", phone="0899999999"),
                            actor=s.front_desk).result
    journey = s.terminal.run(journeys.open_journey, member, actor=s.sales).result
    s.terminal.run(journeys.move_journey, journey, Stage.SCANNED, actor=s.sales)
    task = s.terminal.read(lambda session: session.scalars(select(Task).where(Task.journey_id == journey)).one())
    entered = s.terminal.read(lambda session: session.get(Journey, journey).stage_entered_at)  # type: ignore[union-attr]
    assert (task.title_th, task.title_en) == ("โทรหา สมศรี มีสุข ภายในวันนี้", "Call สมศรี มีสุข today")
    assert task.due_at - entered == timedelta(hours=4)


def test_a_rule_without_a_thai_title_is_refused_and_nothing_is_saved(qtbot, shell: Shell) -> None:
    dialog = open_rules(qtbot, shell)
    before, saved = in_force(shell), rules_saved(shell)
    pick(qtbot, dialog, "schedule_treatment")
    retype(qtbot, dialog.title_th, "")
    dialog.due_days.setValue(5)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.save_button.isEnabled(), timeout=10_000)
    assert dialog.error.text() == "กรุณากรอกชื่องานภาษาไทย"
    assert dialog.isVisible()
    assert in_force(shell) == before and rules_saved(shell) == saved


def test_add_remove_and_reset_to_defaults(qtbot, shell: Shell) -> None:
    dialog = open_rules(qtbot, shell)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == len(automation.DEFAULT_RULES) + 1
    type_text(qtbot, dialog.title_th, "เตรียมห้องให้ {customer}")
    dialog.stage.setCurrentIndex(dialog.stage.findData(str(Stage.IN_TREATMENT)))
    dialog.assign_to.setCurrentIndex(dialog.assign_to.findData(str(automation.AssignTo.ROLE)))
    dialog.role.setCurrentIndex(dialog.role.findData(str(Role.FRONT_DESK)))
    assert dialog.model.data(dialog.model.index(dialog.current_row(), RulesModel.FOR)) == "ใครก็ได้: พนักงานหน้าร้าน"
    pick(qtbot, dialog, "follow_up")
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    rules = in_force(shell)
    assert [r.key for r in rules][:3] == ["send_proposal", "schedule_treatment", "perform_treatment"]
    assert len(rules) == 4 and rules[3].stage is Stage.IN_TREATMENT and rules[3].role is Role.FRONT_DESK
    # Reset to defaults, saved: the defaults are in force again.
    dialog = shell.window.edit_automation_rules()
    assert isinstance(dialog, RulesDialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert [r["key"] for r in dialog.model.rules] == [r.key for r in automation.DEFAULT_RULES]
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert in_force(shell) == automation.DEFAULT_RULES
