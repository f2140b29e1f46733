"""Grab screenshots of a proposal: the editor opened from a kanban card, and the POS with it as the cart.

Writes docs/screenshots/proposal-editor.png and proposal-pos.png (or
-en.png). A throw-away branch with a scanned customer, three items and a
plan made by sales; the POS opens the plan ("Open proposal…").

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_proposals.py [th|en]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.proposals import ProposalLine
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import catalog, journeys, proposals, shifts
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal
from screenshots_loyalty import Clock, grab, wait


def seed(terminal: Terminal) -> dict[str, Any]:
    made: dict[str, Any] = {}
    for role, name, pin in ((Role.MANAGER, "คุณวิภา", "3691"), (Role.SALES, "น้องมายด์", "5937"),
                            (Role.FRONT_DESK, "น้องแพรว", "4826")):
        made[role] = Actor(terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result, name, role)
    for key, kind, th, en, price in (
            ("laser", ItemKind.TREATMENT, "เลเซอร์ลดฝ้า", "Melasma Laser", 450_000),
            ("facial", ItemKind.TREATMENT, "ทรีทเมนต์หน้าใส", "Clear Skin Facial", 250_000),
            ("serum", ItemKind.PRODUCT, "เซรั่มวิตามินซี", "Vitamin C Serum", 120_000)):
        extra: dict[str, Any] = {"duration_minutes": 60, "vat_exempt": True} if kind is ItemKind.TREATMENT else {
            "sku": "SER-01"}
        made[key] = terminal.run(catalog.create_item, ItemForm(kind=kind, name_th=th, name_en=en, price_satang=price,
                                                               **extra), actor=made[Role.MANAGER]).result
    terminal.run(catalog.move_stock, made["serum"], 20, catalog.StockReason.RECEIVED, actor=made[Role.MANAGER])
    sales = made[Role.SALES]
    for name, phone, key in (("ชุติมา แสงทอง", "0818890123", "planned"), ("วิไล รักษ์ดี", "0846678901", "scanned")):
        customer = terminal.run(customer_service.register_customer, CustomerForm(name_th=name, phone=phone),
                                actor=made[Role.FRONT_DESK]).result
        made[key] = terminal.run(journeys.open_journey, customer, item_id=made["laser"], title="ฝ้าลึก",
                                 actor=sales).result
        terminal.run(journeys.move_journey, made[key], Stage.SCANNED, actor=sales)
    terminal.run(proposals.make_proposal, made["planned"], [
        ProposalLine(made["laser"], 3, 400_000), ProposalLine(made["facial"], 1, 250_000),
        ProposalLine(made["serum"], 2, 120_000)], "เลเซอร์ 3 ครั้ง ห่างกัน 4 สัปดาห์", actor=sales)
    terminal.run(shifts.open_shift, 200_000, actor=made[Role.FRONT_DESK])
    return made


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    suffix = "" if lang == "th" else f"-{lang}"
    from ui.app import build_app, create_main_window
    from ui.journeys import card_menu

    app, languages = build_app(sys.argv[:1], language=lang)
    clock = Clock(datetime(2026, 6, 2, 4, 30, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="POS-1", clock=clock,
        )
        made = seed(terminal)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1366, 768)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(made[Role.SALES])
            wait(app, runner)
            board: Any = window.show_screen("journeys")
            wait(app, runner)
            card = board.card_of(made["planned"])
            dialog = card_menu.open_proposal_dialog(board, card)
            wait(app, runner)
            dialog.search.setText("เลเซอร์")
            app.processEvents()
            dialog._find()  # the search's pause, not waited for
            wait(app, runner)
            grab(dialog, f"proposal-editor{suffix}.png")
            dialog.reject()
            wait(app, runner)
            window.login.signed_in.emit(made[Role.FRONT_DESK])
            wait(app, runner)
            counter: Any = window.show_screen("counter")
            wait(app, runner)
            counter.open_proposal(journey_id=made["planned"])
            wait(app, runner)
            wait(app, runner)
            grab(window, f"proposal-pos{suffix}.png")
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
