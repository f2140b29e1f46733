"""Grab a screenshot of a customer's Skin scans page into docs/screenshots/scan-compare-th.png (or -en.png).

A throw-away branch with a manager, sales staff, treatments tagged for the
suggestion rules, and a customer who consented to skin scans, scanned three
times a month apart (the last two with the scanner's photos). The page
shows the latest scan beside the previous one, the charts over time, the
photos and the suggested treatments with their reasons; the form for the
next scan has values typed.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_scans.py [th|en]
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
from PySide6.QtWidgets import QSplitter

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm
from bnaura_desk.domain.roles import Role
from bnaura_desk.domain.scans import Measure
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import catalog, scans
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal
from screenshots_loyalty import Clock, grab, wait

SCANS = (  # values, notes, photos
    ({"moisture": 35, "oiliness": 60, "pigmentation": 58, "wrinkles": 30, "pores": 55, "redness": 40, "acne": 48,
      "skin_age": 34}, "ผิวแห้ง เริ่มมีฝ้าที่แก้ม", 0),
    ({"moisture": 42, "oiliness": 55, "pigmentation": 63, "wrinkles": 31, "pores": 52, "redness": 44, "acne": 41,
      "skin_age": 33}, "ฝ้าเข้มขึ้นหลังไปทะเล", 2),
    ({"moisture": 38, "oiliness": 50, "pigmentation": 72, "wrinkles": 33, "pores": 48, "redness": 55, "acne": 30,
      "skin_age": 33}, "ฝ้าที่แก้มซ้ายชัดขึ้น ผิวแดงง่าย", 3),
)
TREATMENTS = (  # Thai, English, tags
    ("เลเซอร์ลดฝ้า", "Melasma Laser", ("pigmentation",)),
    ("ทรีตเมนต์ผิวแพ้ง่าย", "Calming Facial", ("sensitive", "hydration")),
    ("มาส์กเติมน้ำ", "Hydrating Mask", ("hydration",)),
    ("ทรีตเมนต์ลดสิว", "Acne Clear", ("acne",)),
)


def photo(seed: int) -> bytes:
    """A stand-in for a scanner's photo: a face-coloured oval on a dark background."""
    image = Image.new("RGB", (320, 400), (40, 44, 52))
    draw = ImageDraw.Draw(image)
    draw.ellipse((50, 40, 270, 370), fill=(224 - seed * 6, 184 - seed * 4, 160))
    for i in range(6 + seed * 3):
        x, y = 110 + (i * 37) % 100, 170 + (i * 53) % 90
        draw.ellipse((x, y, x + 9, y + 7), fill=(150, 110, 90))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def seed(terminal: Terminal, clock: Clock, folder: Path) -> dict[str, Any]:
    """Return the staff and the customer, scanned three times."""
    made: dict[str, Any] = {}
    for role, name, pin in ((Role.MANAGER, "คุณวิภา", "3691"), (Role.SALES, "น้องมายด์", "5937")):
        staff_id = terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
        made[role] = Actor(staff_id, name, role)
    for th, en, tags in TREATMENTS:
        terminal.run(catalog.create_item, ItemForm(
            kind=ItemKind.TREATMENT, name_th=th, name_en=en, price_satang=250_000, vat_exempt=True,
            duration_minutes=60, tags=tags), actor=made[Role.MANAGER])
    made["customer"] = str(terminal.run(
        customer_service.register_customer, CustomerForm(name_th="สมหญิง ศรีสุข", name_en="Somying Srisuk",
                                                         phone="0862451190"),
        {ConsentPurpose.SKIN_SCAN_PHOTOS: True}, actor=made[Role.SALES]).result)
    store = ImageStore.beside(terminal.path)
    for n, (values, notes, photos) in enumerate(SCANS):
        paths = []
        for p in range(photos):
            path = folder / f"scan{n}-{p}.jpg"
            path.write_bytes(photo(n * 3 + p))
            paths.append(path)
        terminal.run(scans.record_scan, made["customer"], values, notes, paths, images=store, actor=made[Role.SALES])
        clock.now += timedelta(days=30)
    return made


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    from ui.app import build_app, create_main_window

    app, languages = build_app(sys.argv[:1], language=lang)
    clock = Clock(datetime(2026, 4, 2, 4, 30, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า สาขาสยาม", clinic_name_en="BN-Aura Siam",
            device_name="POS-1", clock=clock,
        )
        made = seed(terminal, clock, Path(tmp))
        window = create_main_window(terminal, languages)
        runner = window.runner
        try:
            window.resize(1600, 1150)
            window.show()
            wait(app, runner)
            window.login.signed_in.emit(made[Role.MANAGER])
            wait(app, runner)
            screen: Any = window.show_screen("customers")
            wait(app, runner)
            screen.open_customer(made["customer"])
            wait(app, runner)
            # The detail gets the wider part: the page has the form, the table and the photos side by side.
            screen.findChild(QSplitter).setSizes([520, 1000])
            screen.detail.pages.setCurrentWidget(screen.scans)
            wait(app, runner)
            page = screen.scans
            page.spins[Measure.MOISTURE].setValue(45)
            page.spins[Measure.PIGMENTATION].setValue(68)
            wait(app, runner)
            grab(window, f"scan-compare-{lang}.png")
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
