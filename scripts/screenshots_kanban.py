"""Grab a screenshot of the journeys kanban (เคสลูกค้า) into docs/screenshots/kanban.png (or kanban-en.png).

A throw-away branch with sales staff, beauticians, treatments and eighteen
customers whose journeys stand in every stage, some overdue; members'
tiers and the later stages (which need a paid sale and an appointment) are
written straight into the tables, as the demo's history would have made
them. One card's history is open beside the board.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_kanban.py [th|en]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.journeys import Stage, needs_appointment, needs_sale
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import catalog, journeys
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.store.models import Chain, Journey, TierChange
from bnaura_desk.terminal import Terminal
from screenshots_loyalty import Clock, grab, wait

PEOPLE = (  # name, phone, tier, treatment, title, stage, hours in the stage, owner, beautician
    ("สมหญิง ศรีสุข", "0862451190", "gold", "laser", "ฝ้าแก้มสองข้าง", Stage.LEAD_CREATED, 3, "น้องมายด์", None),
    ("มาลี ใจงาม", "0813345678", "", "facial", "", Stage.LEAD_CREATED, 70, "น้องเฟิร์น", None),
    ("ปรียา ทองดี", "0894456789", "silver", "botox", "กรามใหญ่", Stage.LEAD_CREATED, 20, "น้องมายด์", None),
    ("กนกวรรณ สุขใจ", "0825567890", "", "laser", "", Stage.SCANNED, 5, "น้องเฟิร์น", None),
    ("วิไล รักษ์ดี", "0846678901", "platinum", "facial", "ผิวหมองคล้ำ", Stage.SCANNED, 40, "น้องมายด์", None),
    ("อรพรรณ มีสุข", "0867789012", "", "botox", "", Stage.PROPOSAL_SENT, 26, "น้องมายด์", None),
    ("ชุติมา แสงทอง", "0818890123", "gold", "laser", "ฝ้าลึก", Stage.PROPOSAL_SENT, 100, "น้องเฟิร์น", None),
    ("พิมพ์ชนก บุญมา", "0829901234", "", "facial", "", Stage.PROPOSAL_SENT, 8, "น้องเฟิร์น", None),
    ("ณัฐธิดา วงศ์ไทย", "0891012345", "silver", "laser", "", Stage.PAYMENT_CONFIRMED, 30, "น้องมายด์", None),
    ("สุภาพร พึ่งบุญ", "0852123456", "diamond", "botox", "คอร์ส 3 ครั้ง", Stage.PAYMENT_CONFIRMED, 60, "น้องเฟิร์น", None),
    ("รัตนา ใจดี", "0873234567", "", "facial", "", Stage.TREATMENT_SCHEDULED, 50, "น้องมายด์", "พี่นิด"),
    ("เบญจวรรณ ศรีสุข", "0814345678", "gold", "laser", "", Stage.TREATMENT_SCHEDULED, 4, "น้องเฟิร์น", "พี่ฝน"),
    ("จันทร์เพ็ญ ทองดี", "0895456789", "", "botox", "", Stage.IN_TREATMENT, 1, "น้องมายด์", "พี่นิด"),
    ("ศิริพร สุขใจ", "0826567890", "silver", "facial", "", Stage.IN_TREATMENT, 6, "น้องเฟิร์น", "พี่ฝน"),
    ("กมลา รักษ์ดี", "0847678901", "", "laser", "", Stage.TREATMENT_COMPLETED, 12, "น้องมายด์", "พี่ฝน"),
    ("ดวงใจ มีสุข", "0868789012", "platinum", "facial", "", Stage.FOLLOW_UP, 72, "น้องมายด์", "พี่นิด"),
    ("นภา แสงทอง", "0819890123", "", "botox", "", Stage.FOLLOW_UP, 200, "น้องเฟิร์น", "พี่นิด"),
    ("อัมพร บุญมา", "0820901234", "", "facial", "", Stage.CANCELLED, 30, "น้องเฟิร์น", None),
)


def seed(terminal: Terminal, clock: Clock) -> dict[str, Any]:
    """Return the staff and the journeys made, their stages and history in place."""
    made: dict[str, Any] = {}
    for role, name, pin in ((Role.OWNER, "คุณอรุณี", "2580"), (Role.MANAGER, "คุณวิภา", "3691"),
                            (Role.FRONT_DESK, "น้องแพรว", "4826"), (Role.SALES, "น้องมายด์", "5937"),
                            (Role.SALES, "น้องเฟิร์น", "5938"), (Role.BEAUTICIAN, "พี่นิด", "7140"),
                            (Role.BEAUTICIAN, "พี่ฝน", "7150")):
        staff_id = terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
        made[name] = Actor(staff_id, name, role)
        made.setdefault(role, made[name])
    for key, th, en in (("facial", "ทรีทเมนต์หน้าใส", "Clear Skin Facial"), ("laser", "เลเซอร์ลดฝ้า", "Melasma Laser"),
                        ("botox", "โบท็อกซ์กราม", "Jaw Botox")):
        made[key] = terminal.run(catalog.create_item, ItemForm(
            kind=ItemKind.TREATMENT, name_th=th, name_en=en, price_satang=250_000, vat_exempt=True,
            duration_minutes=60), actor=made[Role.MANAGER]).result
    now = clock.now
    tiers: list[tuple[str, str]] = []
    later: list[tuple[str, Stage, int, str | None]] = []
    for name, phone, tier, item, title, stage, hours, owner, beautician in PEOPLE:
        customer = str(terminal.run(customer_service.register_customer, CustomerForm(name_th=name, phone=phone),
                                    actor=made[Role.FRONT_DESK]).result)
        sales = made[owner]
        journey = terminal.run(journeys.open_journey, customer, item_id=made[item], title=title, actor=sales).result
        made.setdefault("journeys", {})[name] = journey
        if tier:
            tiers.append((customer, tier))
        if stage in (Stage.SCANNED, Stage.PROPOSAL_SENT):
            terminal.run(journeys.move_journey, journey, Stage.SCANNED, actor=sales)
            if stage is Stage.PROPOSAL_SENT:
                terminal.run(journeys.move_journey, journey, Stage.PROPOSAL_SENT, actor=sales)
        elif stage is Stage.CANCELLED:
            terminal.run(journeys.cancel_journey, journey, "ลูกค้าย้ายไปต่างจังหวัด", actor=sales)
        later.append((journey, stage, hours, made[beautician].staff_id if beautician else None))
    with Session(terminal.db.engine) as session:
        chain_id = session.scalar(select(Chain.id))
        for customer, tier in tiers:
            session.add(TierChange(id=uuid7(), chain_id=chain_id, customer_id=customer, from_tier="bronze",
                                   to_tier=tier, period="2026-05", basis="lifetime", at=now, hlc="0"))
        for journey, stage, hours, beautician in later:
            session.execute(update(Journey).where(Journey.id == journey).values(
                stage=str(stage), stage_entered_at=now - timedelta(hours=hours), beautician_id=beautician,
                sale_id=uuid7() if needs_sale(stage) else None,
                appointment_id=uuid7() if needs_appointment(stage) else None))
        session.commit()
    return made


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window

    app, languages = build_app(sys.argv[:1], language=lang)
    clock = Clock(datetime(2026, 6, 2, 4, 30, tzinfo=UTC))  # 11:30 in Bangkok
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="POS-1", clock=clock,
        )
        made = seed(terminal, clock)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1600, 900)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(made["น้องมายด์"])
            wait(app, runner)
            board: Any = window.show_screen("journeys")
            wait(app, runner)
            column = board.columns[Stage.PROPOSAL_SENT]
            column.view.setFocus()
            column.view.setCurrentIndex(column.model.index(column.model.row_of(made["journeys"]["อรพรรณ มีสุข"])))
            board.open_timeline(column.view.currentIndex())
            board.request_move(made["journeys"]["ปรียา ทองดี"], Stage.LEAD_CREATED, Stage.PROPOSAL_SENT)  # refused
            wait(app, runner)
            grab(window, "kanban.png" if lang == "th" else f"kanban-{lang}.png")
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
