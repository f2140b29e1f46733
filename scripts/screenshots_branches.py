"""Grab screenshots of a chain of branches at the desk into docs/screenshots/.

A throw-away terminal of the Siam branch of a chain that also has a
Thonglor branch (as a pull brings its profile, its visits and its
customers): the main window with the status bar naming chain and branch
and a customer's detail panel (where they registered, where each visit
happened), the staff-branches dialog, and the sign-in refusal of a member
allowed only at Thonglor.

- branches-main.png: the customer screen, status bar at the bottom;
- branches-detail.png: the detail panel alone;
- branches-staff.png: "Where staff may sign in";
- branches-login-refused.png: the sign-in page refusing the member.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_branches.py [th|en]
(English screenshots get an -en suffix.)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor, ServiceContext
from bnaura_desk.services.sync_state import save_enrollment
from bnaura_desk.store.models import Branch, Customer, Visit
from bnaura_desk.terminal import Terminal

OUT = ROOT / "docs" / "screenshots"
THONGLOR = "01a25000-0000-7000-8000-00000000b002"


def wait(app: QApplication, runner: object) -> None:
    """Let the worker finish and deliver, then let Qt lay everything out."""
    deadline = time.monotonic() + 10
    while runner.pending() and time.monotonic() < deadline:  # type: ignore[attr-defined]
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def grab(widget: QWidget, name: str) -> None:
    path = OUT / name
    widget.grab().save(str(path))
    print("wrote", path.relative_to(ROOT))


def _thonglor_arrives(ctx: ServiceContext) -> ChangeSet:
    """The Thonglor branch's profile, as a pull brings it."""
    ctx.session.add(Branch(
        id=THONGLOR, chain_id=ctx.chain_id, name_th="บีเอ็น-ออร่า สาขาทองหล่อ", name_en="BN-Aura Thonglor",
        tax_id="0105558000001", branch_code="00001", address="", phone="", created_at=ctx.now, updated_at=ctx.now,
        hlc="", field_clocks={},
    ))
    return ChangeSet({Kind.BRANCH: frozenset({THONGLOR})})


def _visited_thonglor(ctx: ServiceContext, customer_id: str, days_ago: int) -> ChangeSet:
    """A visit made at Thonglor, as a pull brings it."""
    ctx.session.add(Visit(
        id=uuid7(), chain_id=ctx.chain_id, customer_id=customer_id, checked_in_at=ctx.now - timedelta(days=days_ago),
        staff_id=None, device_id=ctx.device.device_id, branch_id=THONGLOR, hlc="",
    ))
    return ChangeSet({Kind.CUSTOMER: frozenset({customer_id})})


def _registered_at_thonglor(ctx: ServiceContext, customer_id: str) -> ChangeSet:
    row = ctx.session.get(Customer, customer_id)
    assert row is not None
    row.registered_branch_id = THONGLOR
    return ChangeSet({Kind.CUSTOMER: frozenset({customer_id})})


def seed(terminal: Terminal) -> dict[Role, Actor]:
    terminal.run(save_enrollment, "https://clinic.example:8765", "token", "บีเอ็น-ออร่า คลินิก", actor=None)
    terminal.run(_thonglor_arrives, actor=None)
    actors = {}
    for role, name, pin in ((Role.MANAGER, "คุณวิภา", "3691"), (Role.FRONT_DESK, "น้องแพรว", "4826")):
        staff_id = terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
        actors[role] = Actor(staff_id, name, role)
    terminal.run(staff_service.set_staff_branches, actors[Role.FRONT_DESK].staff_id, [THONGLOR], actor=SYSTEM)
    desk = actors[Role.MANAGER]
    somying = terminal.run(customer_service.register_customer, CustomerForm(
        name_th="สมหญิง ศรีสุข", name_en="Somying Srisuk", nickname="หญิง", phone="086-245-1190",
    ), {ConsentPurpose.TREATMENT_RECORDS: True}, actor=desk).result
    terminal.run(_registered_at_thonglor, somying, actor=None)
    for days in (30, 9):
        terminal.run(_visited_thonglor, somying, days, actor=None)
    terminal.run(customer_service.check_in, somying, actor=desk)
    terminal.run(customer_service.register_customer, CustomerForm(
        name_th="สมศรี รักสวย", name_en="Somsri Raksuay", phone="089-876-5678",
    ), actor=desk)
    return actors


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window

    app, languages = build_app(sys.argv[:1], language=lang)
    suffix = "" if lang == "th" else f"-{lang}"
    OUT.mkdir(parents=True, exist_ok=True)
    start = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok
    ticks = iter(range(10**9))

    def clock() -> datetime:
        return start + timedelta(seconds=next(ticks) * 37)

    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="POS-1", clock=clock,
        )
        actors = seed(terminal)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1280, 760)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(actors[Role.MANAGER])
            wait(app, runner)
            screen = window.show_screen("customers")  # the POS page opens first
            screen.search.setText("สมหญิง")  # type: ignore[attr-defined]
            wait(app, runner)
            grab(window, f"branches-main{suffix}.png")
            grab(screen.detail, f"branches-detail{suffix}.png")  # type: ignore[attr-defined]

            dialog = window.edit_staff_branches()
            assert dialog is not None
            wait(app, runner)
            dialog.select(actors[Role.FRONT_DESK].staff_id)  # type: ignore[attr-defined]
            wait(app, runner)
            grab(dialog, f"branches-staff{suffix}.png")
            dialog.close()

            window.switch_user()
            wait(app, runner)
            window.login.select(actors[Role.FRONT_DESK].staff_id)
            window.login.pin.setText("4826")
            window.login.submit()
            wait(app, runner)
            grab(window, f"branches-login-refused{suffix}.png")
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
