"""Grab screenshots of the course screens (ตัดคอร์ส) into docs/screenshots/.

A throw-away terminal where a member bought two facial courses: one in
the summer, expired with two sessions left, and one three weeks ago with
two sessions used by the beautician. Courses are valid 90 days.

- courses-redemption-LANG.png: the redemption screen's Courses section for the member;
- courses-use-LANG.png: "Use a session" asking who performed it;
- courses-history-LANG.png: the customer screen's Courses page, the history of the current course.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_courses.py [th|en]
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

from PySide6.QtWidgets import QSplitter

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.roles import Role
from bnaura_desk.domain.settings import COURSE_VALID_DAYS_KEY
from bnaura_desk.services import catalog, counter, courses, settings, shifts
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal
from screenshots_loyalty import Clock, grab, wait


def seed(terminal: Terminal, clock: Clock) -> tuple[dict[Role, Actor], str]:
    """Return the staff and the member with two courses."""
    actors = {}
    for role, name, pin in ((Role.OWNER, "คุณอรุณี", "2580"), (Role.MANAGER, "คุณวิภา", "3691"),
                            (Role.FRONT_DESK, "น้องแพรว", "4826"), (Role.BEAUTICIAN, "พี่นิด", "7140"),
                            (Role.BEAUTICIAN, "พี่ฝน", "7150")):
        staff_id = terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
        actors.setdefault(role, Actor(staff_id, name, role))
    owner, manager, desk, nid = actors[Role.OWNER], actors[Role.MANAGER], actors[Role.FRONT_DESK], \
        actors[Role.BEAUTICIAN]
    terminal.run(settings.set_chain_setting, COURSE_VALID_DAYS_KEY, 90, actor=owner)
    facial = terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th="ทรีทเมนต์หน้าใส", name_en="Clear Skin Facial", price_satang=150_000,
        vat_exempt=True, duration_minutes=60), actor=manager).result
    package = terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.PACKAGE, name_th="คอร์สหน้าใส 5 ครั้ง", name_en="Clear Skin Course ×5", price_satang=600_000,
        vat_exempt=True, package_treatment_id=facial, package_sessions=5), actor=manager).result
    member = str(terminal.run(customer_service.register_customer, CustomerForm(
        name_th="สมหญิง ศรีสุข", name_en="Somying Srisuk", nickname="หญิง", phone="086-245-1190"), actor=desk).result)

    def buy() -> None:
        order = counter.Order((counter.OrderLine(package),), (), customer_id=member)
        due = terminal.read(counter.quote, order, clock()).priced.total_satang
        terminal.run(counter.checkout, counter.Order(order.lines, (Tender(PaymentMethod.CASH, due),),
                                                     customer_id=member), actor=desk)

    terminal.run(shifts.open_shift, 200_000, actor=desk)

    def use(note: str) -> None:
        terminal.run(courses.use_session, member, facial, nid.staff_id, note, actor=desk)

    buy()
    for days, note in ((14, "หน้าผาก แก้ม"), (21, ""), (21, "ผิวดีขึ้นชัดเจน")):
        clock.now += timedelta(days=days)
        use(note)
    clock.now += timedelta(days=70)  # the summer course expires with two sessions left
    buy()
    for days, note in ((7, "ทำทั้งหน้า"), (7, "ลูกค้าขอเน้นรอยสิว")):
        clock.now += timedelta(days=days)
        use(note)
    clock.now += timedelta(days=7)
    return actors, member


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window

    app, languages = build_app(sys.argv[:1], language=lang)
    suffix = f"-{lang}"
    clock = Clock(datetime(2026, 6, 2, 3, 0, tzinfo=UTC))  # 10:00 in Bangkok
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="POS-1", clock=clock,
        )
        actors, _member = seed(terminal, clock)
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1280, 860)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(actors[Role.FRONT_DESK])
            wait(app, runner)
            screen: Any = window.show_screen("redemption")
            wait(app, runner)
            screen.search.setText("สมหญิง")
            wait(app, runner)
            screen.courses.table.setFocus()
            wait(app, runner)
            grab(window, f"courses-redemption{suffix}.png")
            current = screen.courses.selected_course().id
            dialog = screen.courses.use_selected()
            wait(app, runner)
            dialog.performer.setCurrentIndex(0)
            dialog.note.setText("หน้าผาก คาง")
            wait(app, runner)
            grab(dialog, f"courses-use{suffix}.png")
            dialog.reject()
            wait(app, runner)

            customers: Any = window.show_screen("customers")
            customers.search.setText("สมหญิง")
            wait(app, runner)
            customers.detail.pages.setCurrentWidget(customers.courses)
            # The list narrow, the detail wide: as the staff drag it to read a course's history.
            customers.findChild(QSplitter).setSizes([380, 900])
            customers.courses.section.select_course(current)
            wait(app, runner)
            grab(window, f"courses-history{suffix}.png")
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
