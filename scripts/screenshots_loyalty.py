"""Grab screenshots of a member's loyalty panel into docs/screenshots/.

A throw-away terminal of the Siam branch where a member has a year of
points: the welcome points of their registration, purchases and a birthday
award that came from the chain's other branch (as a pull brings them), a
manager's adjustments made here, and the welcome lot expired by the expiry
job.

- loyalty-panel-LANG.png: the customer screen with the member's Loyalty page
  (tier badge, progress, balance, what expires within 30 days, history,
  referral code and member QR);
- loyalty-adjust-LANG.png: "Adjust points" refusing a zero amount;
- loyalty-card-LANG.png: the member card (as its PDF draws it).

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_loyalty.py [th|en]
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

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.points import lot_expiry
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import loyalty
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.services.sync_state import save_enrollment
from bnaura_desk.terminal import Terminal
from sync.client.local_apply import apply_changes
from sync.protocol import Change

OUT = ROOT / "docs" / "screenshots"
OTHER_TERMINAL = "0" * 15 + "2"  # the clock node of the Thonglor terminal that wrote the pulled points


class Clock:
    """The script's clock: it stands where the story is, one millisecond on per call."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now


def wait(app: QApplication, runner: Any) -> None:
    """Let the worker finish and deliver, then let Qt lay everything out."""
    deadline = time.monotonic() + 10
    while runner.pending() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def grab(widget: QWidget, name: str) -> None:
    path = OUT / name
    widget.grab().save(str(path))
    print("wrote", path.relative_to(ROOT))


def _pulled(cursor: int, customer_id: str, at: datetime, points: int, source: str, reason: str = "") -> Change:
    """Points earned at the other branch, as a pull brings them."""
    return Change(
        cursor=cursor, entity="points", entity_id=uuid7(), field_clocks={}, deleted=False,
        hlc=Hlc(int(at.timestamp() * 1000), 0, OTHER_TERMINAL).encode(),
        data={"customer_id": customer_id, "kind": "earn", "points": points, "source": source, "reason": reason,
              "at": at.isoformat(), "expires_at": lot_expiry(at).isoformat(), "staff_id": None},
    )


def seed(terminal: Terminal, clock: Clock) -> tuple[dict[Role, Actor], str]:
    terminal.run(save_enrollment, "https://clinic.example:8765", "token", "บีเอ็น-ออร่า คลินิก", actor=None)
    actors = {}
    for role, name, pin in ((Role.MANAGER, "คุณวิภา", "3691"), (Role.FRONT_DESK, "น้องแพรว", "4826")):
        staff_id = terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
        actors[role] = Actor(staff_id, name, role)
    manager = actors[Role.MANAGER]
    joined = clock.now
    member = terminal.run(customer_service.register_customer, CustomerForm(
        name_th="สมหญิง ศรีสุข", name_en="Somying Srisuk", nickname="หญิง", phone="086-245-1190",
    ), {ConsentPurpose.TREATMENT_RECORDS: True}, actor=actors[Role.FRONT_DESK]).result
    terminal.run(customer_service.register_customer, CustomerForm(
        name_th="สมศรี รักสวย", name_en="Somsri Raksuay", phone="089-876-5678",
    ), actor=manager)
    page = [  # the welcome points came with the registration
        _pulled(1, member, joined + timedelta(days=55), 1_250, "purchase", "ใบเสร็จ TL01-000123"),
        _pulled(2, member, joined + timedelta(days=204), 100, "birthday"),
        _pulled(3, member, joined + timedelta(days=287), 860, "purchase", "ใบเสร็จ TL01-000981"),
    ]
    clock.now = joined + timedelta(days=90)
    terminal.run(loyalty.adjust_points, member, 500, "ย้ายแต้มจากบัตรสะสมแต้มแบบกระดาษ", actor=manager)
    clock.now = joined + timedelta(days=300)
    terminal.run(lambda ctx: apply_changes(ctx.session, page, ctx.now), actor=None)
    clock.now = joined + timedelta(days=386)
    terminal.run(loyalty.adjust_points, member, -150, "บันทึกใบเสร็จซ้ำ", actor=manager)
    clock.now = joined + timedelta(days=399)
    terminal.run(loyalty.expire_points, actor=None)
    return actors, str(member)


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window
    from ui.loyalty.card import member_card_image

    app, languages = build_app(sys.argv[:1], language=lang)
    suffix = f"-{lang}"
    OUT.mkdir(parents=True, exist_ok=True)
    clock = Clock(datetime(2025, 10, 20, 3, 0, tzinfo=UTC))  # 10:00 in Bangkok

    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="POS-1", clock=clock,
        )
        actors, _member = seed(terminal, clock)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1280, 800)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(actors[Role.MANAGER])
            wait(app, runner)
            screen: Any = window.show_screen("customers")  # the POS page opens first
            screen.search.setText("สมหญิง")
            wait(app, runner)
            screen.detail.pages.setCurrentWidget(screen.loyalty)
            wait(app, runner)
            grab(window, f"loyalty-panel{suffix}.png")

            dialog = screen.loyalty.adjust_points()
            assert dialog is not None
            dialog.take_button.setChecked(True)
            dialog.reason.setText("แต้มซ้ำ")
            dialog.amount.setValue(0)
            dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
            wait(app, runner)
            grab(dialog, f"loyalty-adjust{suffix}.png")
            dialog.reject()

            card = screen.loyalty.member_card()
            image = member_card_image(card).scaledToWidth(1011, Qt.TransformationMode.SmoothTransformation)
            path = OUT / f"loyalty-card{suffix}.png"
            image.save(str(path))
            print("wrote", path.relative_to(ROOT))
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
