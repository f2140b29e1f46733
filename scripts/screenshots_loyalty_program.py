"""Grab screenshots of the manager's "Loyalty program" dialog into docs/screenshots/.

A throw-away terminal where a manager opens File → Loyalty program…:

- loyalty-program-LANG.png: Earning and tiers, Gold moved below Silver and
  refused at the tiers table (nothing saved);
- loyalty-program-rewards-LANG.png: the rewards catalog, a default taken off;
- loyalty-program-achievements-LANG.png: the achievement definitions;
- loyalty-program-campaign-LANG.png: a campaign of 500 codes generated and
  exported as CSV.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_loyalty_program.py [th|en]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget

from bnaura_desk.domain.rewards import reward_id
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import rewards as rewards_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal

OUT = ROOT / "docs" / "screenshots"


class Clock:
    """The script's clock: one millisecond on per call."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now


def wait(app: QApplication, runner: Any) -> None:
    """Let the worker finish and deliver, then let Qt lay everything out."""
    deadline = time.monotonic() + 20
    while runner.pending() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def grab(widget: QWidget, name: str) -> None:
    path = OUT / name
    widget.grab().save(str(path))
    print("wrote", path.relative_to(ROOT))


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window
    from ui.loyalty_admin.dialog import LoyaltyProgramDialog
    from ui.loyalty_admin.tiers_model import THRESHOLD

    app, languages = build_app(sys.argv[:1], language=lang)
    suffix = f"-{lang}"
    OUT.mkdir(parents=True, exist_ok=True)
    clock = Clock(datetime(2026, 12, 7, 3, 0, tzinfo=UTC))

    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="POS-1", clock=clock,
        )
        staff_id = terminal.run(staff_service.create_staff, "คุณวิภา", Role.MANAGER, "3691", actor=SYSTEM).result
        manager = Actor(staff_id, "คุณวิภา", Role.MANAGER)
        terminal.run(rewards_service.deactivate_reward, reward_id("free_premium_mask"), actor=manager)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1280, 800)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(manager)
            wait(app, runner)
            dialog = window.edit_loyalty_program()
            assert isinstance(dialog, LoyaltyProgramDialog)
            wait(app, runner)

            tab = dialog.earning
            tab.awards["check_in"].setValue(20)
            tab.tiers_model.setData(tab.tiers_model.index(2, THRESHOLD), 800)
            tab.save()
            wait(app, runner)
            grab(dialog, f"loyalty-program{suffix}.png")

            dialog.tabs.setCurrentWidget(dialog.rewards)
            wait(app, runner)
            grab(dialog, f"loyalty-program-rewards{suffix}.png")

            dialog.tabs.setCurrentWidget(dialog.achievements)
            wait(app, runner)
            grab(dialog, f"loyalty-program-achievements{suffix}.png")

            campaigns = dialog.campaigns
            dialog.tabs.setCurrentWidget(campaigns)
            campaigns.name.setText("ปีใหม่ 2570" if lang == "th" else "New Year 2027")
            campaigns.count.setValue(500)
            campaigns.amount_button.setChecked(True)
            campaigns.amount.setText("300")
            campaigns.valid_from.setText("01/01/2570" if lang == "th" else "01/01/2027")
            campaigns.valid_until.setText("31/01/2570" if lang == "th" else "31/01/2027")
            campaigns.min_spend.setText("2,000")
            campaigns.per_customer.setValue(1)
            campaigns.generate()
            wait(app, runner)
            campaigns.export_csv(str(Path(tmp) / "new-year-2570.csv"))
            wait(app, runner)
            campaigns.result.setText(campaigns.result.text().replace(tmp, "~/Documents"))
            wait(app, runner)
            grab(dialog, f"loyalty-program-campaign{suffix}.png")
            dialog.close()
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
