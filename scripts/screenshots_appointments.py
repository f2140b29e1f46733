"""Grab screenshots of the day view (นัดหมาย) into docs/screenshots/.

A throw-away branch with three beauticians, three rooms and a day of
appointments (one moved, one cancelled late, one a no-show in the morning).

- appointments-day-LANG.png: the day by beautician, the next free slot found for a treatment;
- appointments-rooms-LANG.png: the same day by room;
- appointments-refused-LANG.png: the booking dialog refusing a double booking, naming the other appointment.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_appointments.py [th|en]
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

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.dates import BANGKOK
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import appointments, catalog, rooms
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.appointments import Booking
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal
from screenshots_loyalty import Clock, grab, wait

DAY = datetime(2026, 6, 2, tzinfo=BANGKOK)  # a Tuesday


def at(hour: int, minute: int = 0) -> datetime:
    return DAY + timedelta(hours=hour, minutes=minute)


def seed(terminal: Terminal, clock: Clock) -> dict[str, Any]:
    """Return the actors, beauticians, rooms, treatments and the day's appointments."""
    made: dict[str, Any] = {}
    for role, name, pin in ((Role.OWNER, "คุณอรุณี", "2580"), (Role.MANAGER, "คุณวิภา", "3691"),
                            (Role.FRONT_DESK, "น้องแพรว", "4826"), (Role.BEAUTICIAN, "พี่นิด", "7140"),
                            (Role.BEAUTICIAN, "พี่ฝน", "7150"), (Role.BEAUTICIAN, "พี่จอย", "7160")):
        staff_id = terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
        made[name] = staff_id
        made.setdefault(role, Actor(staff_id, name, role))
    manager, desk = made[Role.MANAGER], made[Role.FRONT_DESK]
    for name in ("ห้อง 1", "ห้อง 2", "ห้อง VIP"):
        made[name] = terminal.run(rooms.create_room, name, actor=manager).result
    for key, th, en, minutes in (("facial", "ทรีทเมนต์หน้าใส", "Clear Skin Facial", 60),
                                 ("laser", "เลเซอร์ลดฝ้า", "Melasma Laser", 45),
                                 ("botox", "โบท็อกซ์กราม", "Jaw Botox", 30)):
        made[key] = terminal.run(catalog.create_item, ItemForm(
            kind=ItemKind.TREATMENT, name_th=th, name_en=en, price_satang=250_000, vat_exempt=True,
            duration_minutes=minutes), actor=manager).result
    people = []
    for th, en, phone in (("สมหญิง ศรีสุข", "Somying Srisuk", "0862451190"), ("มาลี ใจงาม", "Malee Jai-ngam", "0813345678"),
                          ("ปรียา ทองดี", "Preeya Thongdee", "0894456789"), ("กนกวรรณ สุขใจ", "Kanokwan Sukjai", "0825567890"),
                          ("วิไล รักษ์ดี", "Wilai Rakdee", "0846678901"), ("อรพรรณ มีสุข", "Orapan Meesuk", "0867789012")):
        people.append(str(terminal.run(customer_service.register_customer,
                                       CustomerForm(name_th=th, name_en=en, phone=phone), actor=desk).result))
    made["people"] = people

    def book(who: int, item: str, beautician: str, room: str, start: datetime) -> str:
        return str(terminal.run(appointments.book, Booking(people[who], made[item], made[beautician], made[room],
                                                           start), actor=desk).result)

    made["missed"] = book(5, "botox", "พี่จอย", "ห้อง VIP", at(10))
    book(0, "facial", "พี่นิด", "ห้อง 1", at(10, 30))
    book(1, "laser", "พี่ฝน", "ห้อง 2", at(10, 30))
    book(2, "facial", "พี่นิด", "ห้อง 1", at(13))
    moved = book(3, "laser", "พี่ฝน", "ห้อง 2", at(13))
    book(4, "botox", "พี่จอย", "ห้อง VIP", at(15))
    late = book(2, "laser", "พี่จอย", "ห้อง 2", at(17))
    terminal.run(appointments.move, moved, at(14), beautician_id=made["พี่จอย"], room_id=made["ห้อง VIP"],
                 actor=desk)
    clock.now = at(10, 20).astimezone(UTC)  # the morning of the day: the first customer did not come
    terminal.run(appointments.mark_no_show, made["missed"], actor=desk)
    terminal.run(appointments.cancel, late, "ลูกค้าติดประชุม", actor=desk)
    return made


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window

    app, languages = build_app(sys.argv[:1], language=lang)
    suffix = f"-{lang}"
    clock = Clock(datetime(2026, 6, 1, 3, 0, tzinfo=UTC))  # the day before, 10:00 in Bangkok
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="POS-1", clock=clock,
        )
        made = seed(terminal, clock)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1280, 900)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(made[Role.FRONT_DESK])
            wait(app, runner)
            screen: Any = window.show_screen("appointments")
            wait(app, runner)
            screen.treatment.setCurrentIndex(screen.treatment.findData(made["facial"]))
            screen.find_free_slot()
            wait(app, runner)
            grab(window, f"appointments-day{suffix}.png")
            screen.axis.setCurrentIndex(1)
            wait(app, runner)
            grab(window, f"appointments-rooms{suffix}.png")
            screen.axis.setCurrentIndex(0)
            wait(app, runner)
            screen.table.setCurrentIndex(screen.model.index_at(at(16), made["พี่นิด"]))
            screen.book()
            dialog = screen.book_dialog
            dialog.search.setText("0862")
            wait(app, runner)
            dialog.treatment.setCurrentIndex(dialog.treatment.findData(made["facial"]))
            dialog.room.setCurrentIndex(dialog.room.findData(made["ห้อง VIP"]))
            dialog.starts_at = at(15)
            dialog.when.setText(dialog.when.text().replace("16:00", "15:00"))
            dialog.book()
            wait(app, runner)
            grab(dialog, f"appointments-refused{suffix}.png")
            dialog.reject()
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
