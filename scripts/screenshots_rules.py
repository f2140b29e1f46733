"""Grab a screenshot of the automation rule editor (กฎงานอัตโนมัติ) into docs/screenshots/rules.png (or rules-en.png).

A throw-away branch whose manager has added one rule (a room prepared by
the front desk when a treatment starts); the editor is open on the
treatment's rule.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_rules.py [th|en]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bnaura_desk.domain.automation import DEFAULT_RULES
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services import tasks
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal
from screenshots_loyalty import Clock, grab, wait


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window
    from ui.automation.rules_dialog import RulesDialog

    app, languages = build_app(sys.argv[:1], language=lang)
    clock = Clock(datetime(2026, 6, 2, 4, 30, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="POS-1", clock=clock,
        )
        manager_id = terminal.run(staff_service.create_staff, "คุณวิภา", Role.MANAGER, "3691", actor=SYSTEM).result
        manager = Actor(manager_id, "คุณวิภา", Role.MANAGER)
        terminal.run(tasks.set_automation_rules, [*DEFAULT_RULES, {
            "key": "prepare_room", "stage": "in_treatment", "title_th": "เตรียมห้องให้ {customer}",
            "title_en": "Prepare a room for {customer}", "assign_to": "role", "role": "front_desk",
            "priority": 2, "due_minutes": 15}], actor=manager)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1280, 900)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(manager)
            wait(app, runner)
            dialog = window.edit_automation_rules()
            assert isinstance(dialog, RulesDialog)
            wait(app, runner)
            dialog.resize(1100, 860)
            dialog.view.setCurrentIndex(dialog.model.index(2, 1))
            wait(app, runner)
            grab(dialog, "rules.png" if lang == "th" else f"rules-{lang}.png")
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
