"""Grab screenshots of the customer and catalog screens into docs/screenshots/.

Creates a throw-away terminal database with staff, about twenty customers
and a small catalog through the services, builds the real screens on a
real runner, and saves ``QWidget.grab()`` images:

- customers-search.png: Thai results for the typed prefix "สม", the best hit open;
- customers-register.png: the register form with a validation message;
- catalog.png: the catalog as a manager sees it.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_screens.py [th|en]
(English screenshots get an -en suffix.)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget

from bnaura_desk.domain.catalog import ItemForm, ItemKind, StockReason, gtin_check_digit
from bnaura_desk.domain.customer import Channel, ConsentPurpose, CustomerForm, Gender
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import catalog as catalog_service
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal
from ui.bus import ChangeBus
from ui.catalog.screen import CatalogScreen
from ui.customers.screen import CustomerScreen
from ui.runner import DeskRunner

OUT = ROOT / "docs" / "screenshots"

CUSTOMERS = [
    # name_th, name_en, nickname, phone, birthday, gender
    ("สมชาย ใจดี", "Somchai Jaidee", "ชาย", "081-234-5678", date(1988, 3, 5), Gender.MALE),
    ("สมศรี รักสวย", "Somsri Raksuay", "ศรี", "089-876-5678", date(1992, 11, 21), Gender.FEMALE),
    ("สมหญิง ศรีสุข", "Somying Srisuk", "หญิง", "086-245-1190", date(1979, 7, 14), Gender.FEMALE),
    (
        "สมใจ พงษ์ไพบูลย์",
        "Somjai Phongphaibun",
        "ใจ",
        "092-318-4477",
        date(1985, 1, 30),
        Gender.FEMALE,
    ),
    ("สมพร ทองประเสริฐ", "Somporn Thongprasert", "พร", "063-552-8801", None, Gender.FEMALE),
    ("มานี สมบูรณ์", "Manee Somboon", "มานี", "062-111-2222", date(1995, 9, 9), Gender.FEMALE),
    ("ปิยะนุช สมปอง", "Piyanuch Sompong", "นุช", "095-774-3012", date(1990, 4, 18), Gender.FEMALE),
    ("วิภาวดี แก้วใส", "Wipawadee Kaewsai", "วิว", "095-333-4444", date(1998, 2, 2), Gender.FEMALE),
    (
        "ธนพร เลิศวิไล",
        "Thanaporn Lertwilai",
        "แพรว",
        "081-990-1234",
        date(1987, 12, 25),
        Gender.FEMALE,
    ),
    ("กมลชนก ศรีวงศ์", "Kamonchanok Sriwong", "มิ้นท์", "084-663-2290", date(2001, 6, 6), Gender.FEMALE),
    ("ณัฐวุฒิ บุญมี", "Nattawut Boonmee", "ต้น", "087-120-5566", date(1983, 8, 12), Gender.MALE),
    ("พิมพ์ชนก อินทร์แก้ว", "Pimchanok Inkaew", "พิม", "091-402-7788", date(1996, 10, 3), Gender.FEMALE),
    ("อรุณี ชัยมงคล", "Arunee Chaimongkol", "นี", "065-889-0043", None, Gender.FEMALE),
    ("ศิริพร ศักดิ์สิทธิ์", "Siriporn Saksit", "ปุ้ย", "080-556-3321", date(1975, 5, 19), Gender.FEMALE),
    ("ภัทรา ก้องเกียรติ", "Phattra Kongkiat", "แพท", "098-231-6654", date(1993, 3, 27), Gender.FEMALE),
    ("เกศินี ฤทธิ์เดช", "Kesinee Ritdet", "เกด", "082-776-1009", date(1989, 1, 8), Gender.FEMALE),
    ("ชุติมา แสงอรุณ", "Chutima Saengarun", "ชุ", "064-330-9182", date(1999, 12, 1), Gender.FEMALE),
    ("สมบัติ เจริญสุข", "Sombat Charoensuk", "บัติ", "083-441-2255", date(1970, 2, 14), Gender.MALE),
    ("นภัสสร วงศ์ใหญ่", "Napatsorn Wongyai", "ฝ้าย", "096-118-4420", date(1994, 7, 7), Gender.FEMALE),
    ("", "Emily Carter", "Emmy", "091-555-6666", date(1991, 9, 15), Gender.FEMALE),
]


def wait(app: QApplication, runner: DeskRunner) -> None:
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


def seed(terminal: Terminal) -> dict[Role, Actor]:
    actors = {}
    for role, name, pin in (
        (Role.MANAGER, "คุณผู้จัดการ", "3691"),
        (Role.FRONT_DESK, "น้องหน้าร้าน", "4826"),
    ):
        staff_id = terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
        actors[role] = Actor(staff_id, name, role)
    desk = actors[Role.FRONT_DESK]
    for i, (name_th, name_en, nickname, phone, birthday, gender) in enumerate(CUSTOMERS):
        form = CustomerForm(
            name_th=name_th,
            name_en=name_en,
            nickname=nickname,
            phone=phone,
            birthday=birthday,
            gender=gender,
            email=f"{name_en.split()[0].lower()}@example.com" if i % 3 == 0 else "",
            line_id=f"{name_en.split()[0].lower()}.{i:02d}" if i % 2 == 0 else "",
            channels=(Channel.LINE, Channel.SMS),
            quiet_start=clock_time(21, 0),
            quiet_end=clock_time(8, 0),
            skin_notes="ผิวผสม แพ้ง่ายบริเวณแก้ม หลีกเลี่ยงกรด AHA เข้มข้น" if i == 0 else "",
        )
        consents = {ConsentPurpose.TREATMENT_RECORDS: True, ConsentPurpose.SKIN_SCAN_PHOTOS: True}
        if i % 2 == 0:
            consents[ConsentPurpose.MARKETING] = True
        customer_id = terminal.run(
            customer_service.register_customer, form, consents=consents, actor=desk
        ).result
        if i == 0:
            terminal.run(
                customer_service.record_consent,
                customer_id,
                ConsentPurpose.MARKETING,
                False,
                actor=desk,
            )
        for n in range(i % 4):
            # Earlier visits of the day were confirmed at the counter ("check in again?").
            terminal.run(customer_service.check_in, customer_id, again=n > 0, actor=desk)

    manager = actors[Role.MANAGER]
    run = terminal.run
    facial = run(
        catalog_service.create_item,
        ItemForm(
            ItemKind.TREATMENT,
            "ทรีตเมนต์หน้าใส",
            "Basic Facial",
            150000,
            vat_exempt=True,
            duration_minutes=60,
            protocol_steps=("ล้างหน้า", "สครับ", "มาส์ก", "ทาครีมกันแดด"),
        ),
        actor=manager,
    ).result
    run(
        catalog_service.create_item,
        ItemForm(
            ItemKind.TREATMENT, "เลเซอร์กำจัดขน", "Laser Hair Removal", 350000, duration_minutes=45
        ),
        actor=manager,
    )
    botox = run(
        catalog_service.create_item,
        ItemForm(
            ItemKind.TREATMENT,
            "โบท็อกซ์ลดริ้วรอย",
            "Botox Wrinkle Treatment",
            890000,
            vat_exempt=True,
            duration_minutes=30,
        ),
        actor=manager,
    ).result
    run(
        catalog_service.create_item,
        ItemForm(
            ItemKind.TREATMENT,
            "ฟิลเลอร์ใต้ตา",
            "Under-eye Filler",
            1250000,
            vat_exempt=True,
            duration_minutes=40,
        ),
        actor=manager,
    )
    for i, (th, en, price, sku, stock) in enumerate(
        (
            ("เซรั่มวิตามินซี", "Vitamin C Serum", 89000, "SRM-01", 24),
            ("ครีมกันแดด SPF50", "Sunscreen SPF50", 59000, "SUN-50", 40),
            ("มาส์กหน้าพรีเมียม", "Premium Mask", 35000, "MSK-02", 8),
            ("โฟมล้างหน้าสูตรอ่อนโยน", "Gentle Cleansing Foam", 42000, "FOM-01", 0),
        )
    ):
        body = f"88500000{i:04d}"
        item = run(
            catalog_service.create_item,
            ItemForm(
                ItemKind.PRODUCT, th, en, price, sku=sku, barcode=body + str(gtin_check_digit(body))
            ),
            actor=manager,
        ).result
        if stock:
            run(catalog_service.move_stock, item, stock, StockReason.RECEIVED, actor=manager)
    run(
        catalog_service.create_item,
        ItemForm(
            ItemKind.PACKAGE,
            "แพ็กเกจหน้าใส 5 ครั้ง",
            "Basic Facial x5",
            650000,
            vat_exempt=True,
            package_treatment_id=facial,
            package_sessions=5,
        ),
        actor=manager,
    )
    run(
        catalog_service.create_item,
        ItemForm(
            ItemKind.PACKAGE,
            "แพ็กเกจโบท็อกซ์ 3 ครั้ง",
            "Botox x3",
            2390000,
            vat_exempt=True,
            package_treatment_id=botox,
            package_sessions=3,
        ),
        actor=manager,
    )
    return actors


def main() -> None:
    # The app's own set-up: bundled font, theme, and the translator of the
    # language asked for (Thai by default, as the clinic's staff use it).
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app

    app, _languages = build_app(sys.argv[:1], language=lang)
    suffix = "" if lang == "th" else f"-{lang}"
    OUT.mkdir(parents=True, exist_ok=True)

    start = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok
    ticks = iter(range(10**9))

    def clock() -> datetime:
        return start + timedelta(seconds=next(ticks) * 37)

    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="คลินิกบีเอ็นออร่า", device_name="POS-1", clock=clock
        )
        actors = seed(terminal)
        bus = ChangeBus()
        runner = DeskRunner(terminal, bus)
        runner.actor = actors[Role.FRONT_DESK]
        try:
            customers = CustomerScreen(runner, bus)
            customers.resize(1280, 760)
            customers.show()
            wait(app, runner)
            customers.search.setText("สม")
            wait(app, runner)
            customers.detail.check_in_button.click()  # shows "Checked in at HH:MM"
            wait(app, runner)
            grab(customers, f"customers-search{suffix}.png")

            customers.search.clear()
            wait(app, runner)
            customers.register_new()
            dialog = customers.form_dialog
            assert dialog is not None
            dialog.name_th.setText("ลลิตา มีสุข")
            dialog.name_en.setText("Lalita Meesuk")
            dialog.nickname.setText("ลิตา")
            dialog.phone.setText("02-123-4567")  # a landline: refused
            dialog.birthday.setText("14/02/2535")
            dialog.consents[ConsentPurpose.TREATMENT_RECORDS].setChecked(True)
            dialog.save()
            wait(app, runner)
            grab(dialog, f"customers-register{suffix}.png")
            dialog.reject()
            wait(app, runner)

            runner.actor = actors[Role.MANAGER]
            catalog = CatalogScreen(runner, bus)
            catalog.resize(1280, 700)
            catalog.show()
            wait(app, runner)
            catalog.view.selectRow(4)
            catalog.update_actions()
            wait(app, runner)
            grab(catalog, f"catalog{suffix}.png")
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
