"""Grab a screenshot of the task queue (คิวงาน) into docs/screenshots/task-queue-th.png (or task-queue-en.png).

A throw-away branch where a beautician, พี่นิด, has four treatments in her
queue, one of them overdue; members with skin scans and tiers (points
adjusted by the manager, as a member's history would have earned them).
She is signed in on the shared PC and has started one facial: two steps
ticked, notes written, a before photo taken.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_tasks.py [th|en]
"""

from __future__ import annotations

import io
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

from PIL import Image, ImageDraw
from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.roles import Role
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import catalog, counter, journeys, loyalty, scans, shifts, tasks, treatment_photos
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.store.models import Task
from bnaura_desk.terminal import Terminal
from screenshots_loyalty import Clock, grab, wait
from tests.task_setup import book_appointment

TREATMENTS = {  # key: Thai, English, protocol steps
    "facial": ("ทรีตเมนต์หน้าใส", "Clear Skin Facial",
               ("ล้างหน้าและเช็ดโทนเนอร์", "มาส์กวิตามินซี 15 นาที", "นวดหน้ายกกระชับ", "ทากันแดด SPF50")),
    "laser": ("เลเซอร์ลดฝ้า", "Melasma Laser",
              ("ทดสอบผิวบริเวณหลังหู", "ทายาชา 30 นาที", "ยิงเลเซอร์ตามแผน", "ประคบเย็นและทากันแดด")),
    "peel": ("พีลผิวกระจ่างใส", "Brightening Peel", ("ล้างหน้า", "ทาน้ำยาพีล 5 นาที", "ล้างออกและทามอยส์เจอร์ไรเซอร์")),
}
PEOPLE = (  # name, phone, treatment, points (tier), scan
    ("วิไล รักษ์ดี", "0846678901", "laser", 3_500, {"moisture": 38, "pigmentation": 71, "redness": 22, "skin_age": 41}),
    ("สมหญิง ศรีสุข", "0862451190", "facial", 7_200, {"moisture": 45, "oiliness": 58, "pores": 47, "acne": 12}),
    ("มาลี ใจงาม", "0813345678", "peel", 0, None),
    ("ชุติมา แสงทอง", "0818890123", "facial", 1_200, {"moisture": 52, "wrinkles": 30}),
)


def _face(seed: int) -> bytes:
    """A small picture standing in for a photo of a face."""
    image = Image.new("RGB", (320, 240), (236, 214, 200 - seed * 10))
    draw = ImageDraw.Draw(image)
    draw.ellipse((100, 30, 220, 210), fill=(226, 190, 168), outline=(160, 120, 100), width=3)
    draw.ellipse((130, 95, 145, 105), fill=(60, 40, 30))
    draw.ellipse((175, 95, 190, 105), fill=(60, 40, 30))
    draw.arc((135, 130, 185, 170), 20, 160, fill=(150, 70, 70), width=3)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def seed(terminal: Terminal, clock: Clock, folder: Path) -> dict[str, Any]:
    """Return the staff and the tasks made (see the module)."""
    made: dict[str, Any] = {}
    for role, name, pin in ((Role.MANAGER, "คุณวิภา", "3691"), (Role.FRONT_DESK, "น้องแพรว", "4826"),
                            (Role.SALES, "น้องมายด์", "5937"), (Role.BEAUTICIAN, "พี่นิด", "7140")):
        staff_id = terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
        made[role] = Actor(staff_id, name, role)
    manager, desk, sales, nid = (made[r] for r in (Role.MANAGER, Role.FRONT_DESK, Role.SALES, Role.BEAUTICIAN))
    items = {key: str(terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th=th, name_en=en, price_satang=250_000, vat_exempt=True,
        duration_minutes=60, protocol_steps=steps), actor=manager).result) for key, (th, en, steps) in TREATMENTS.items()}
    terminal.run(shifts.open_shift, 200_000, actor=desk)
    images = ImageStore.beside(terminal.path)
    made["tasks"] = []
    for i, (name, phone, item, points, scan) in enumerate(PEOPLE):
        member = str(terminal.run(customer_service.register_customer, CustomerForm(name_th=name, phone=phone),
                                  {ConsentPurpose.SKIN_SCAN_PHOTOS: True}, actor=desk).result)
        if points:
            terminal.run(loyalty.adjust_points, member, points, "ยอดสะสมจากสาขาเดิม", actor=manager)
        if scan:
            terminal.run(scans.record_scan, member, scan, images=images, actor=desk)
        lines = (counter.OrderLine(items[item]),)
        due = terminal.read(counter.quote, counter.Order(lines, (), customer_id=member), clock()).priced.total_satang
        sale = terminal.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),),
                                                            customer_id=member), actor=desk).result.sale_id
        journey = str(terminal.run(journeys.open_journey, member, item_id=items[item], actor=sales).result)
        booked = book_appointment(terminal, manager, member, items[item], str(nid.staff_id))
        for stage, kw in ((Stage.SCANNED, {}), (Stage.PROPOSAL_SENT, {}), (Stage.PAYMENT_CONFIRMED, {"sale_id": sale}),
                          (Stage.TREATMENT_SCHEDULED, {"appointment_id": booked,
                                                       "beautician_id": nid.staff_id})):
            terminal.run(journeys.move_journey, journey, stage, actor=sales, **kw)
        made["tasks"].append(terminal.read(lambda s, j=journey: s.scalars(
            select(Task.id).where(Task.journey_id == j, Task.rule == "perform_treatment")).one()))
        if i == 0:
            clock.now += timedelta(days=3, hours=2)  # the first waited too long: overdue
    # พี่นิด has started สมหญิง's facial: two steps ticked, notes, a before photo.
    working = made["tasks"][1]
    terminal.run(tasks.start_task, working, actor=nid)
    terminal.run(tasks.tick_step, working, 0, actor=nid)
    terminal.run(tasks.tick_step, working, 1, actor=nid)
    terminal.run(tasks.set_notes, working, "ผิวแพ้ง่ายบริเวณแก้มซ้าย ใช้มาส์กสูตรอ่อนโยน", actor=nid)
    before = folder / "before.png"
    before.write_bytes(_face(1))
    terminal.run(treatment_photos.add_treatment_photo, working, before, "before", images=images, actor=nid)
    made["working"] = working
    return made


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window

    app, languages = build_app(sys.argv[:1], language=lang)
    clock = Clock(datetime(2026, 6, 2, 2, 0, tzinfo=UTC))  # 09:00 in Bangkok
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="Treatment room PC", clock=clock,
        )
        made = seed(terminal, clock, Path(tmp))
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1440, 900)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(made[Role.BEAUTICIAN])
            wait(app, runner)
            screen: Any = window.show_screen("tasks")
            wait(app, runner)
            screen.show_task(made["working"])
            wait(app, runner)
            grab(window, "task-queue-th.png" if lang == "th" else f"task-queue-{lang}.png")
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
