"""Screenshots of the consent text editor into docs/screenshots/.

- consent-text-LANG.png: File → Consent form text… on a throw-away terminal,
  the laser given its own Thai text, the preview filled with the sample customer.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_consent_text.py [th|en]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import catalog, consents
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal
from screenshots_documents import OUT
from screenshots_loyalty import Clock, grab, wait

LASER_TH = ("ข้าพเจ้า {customer} ทราบว่าการทำ {treatment} อาจทำให้ผิวแดง แสบร้อน หรือมีสะเก็ดบางๆ 3–7 วัน "
            "และต้องหลีกเลี่ยงแดดและทากันแดดทุกวัน ข้าพเจ้ายินยอมรับการรักษาที่ {clinic} ด้วยความสมัครใจ")


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    OUT.mkdir(parents=True, exist_ok=True)
    from ui.app import build_app
    from ui.bus import ChangeBus
    from ui.consent.text_dialog import ConsentTextDialog
    from ui.runner import DeskRunner

    app, _languages = build_app(sys.argv[:1], language=lang)
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า คลินิก", clinic_name_en="BN-Aura Clinic",
            device_name="POS-1", clock=Clock(datetime(2026, 6, 2, 3, 0, tzinfo=UTC)),
        )
        boss = terminal.run(staff_service.create_staff, "คุณวิภา", Role.MANAGER, "3691", actor=SYSTEM).result
        manager = Actor(boss, "คุณวิภา", Role.MANAGER)
        items = {}
        for th, en in (("ทรีตเมนต์หน้าใส", "Clear Skin Facial"), ("เลเซอร์ลดฝ้า", "Melasma Laser"),
                       ("พีลผิวกระจ่างใส", "Brightening Peel")):
            items[en] = terminal.run(catalog.create_item, ItemForm(
                kind=ItemKind.TREATMENT, name_th=th, name_en=en, price_satang=250_000, vat_exempt=True,
                duration_minutes=45), actor=manager).result
        terminal.run(consents.set_consent_text, {"th": consents.DEFAULT_TH, "en": consents.DEFAULT_EN, "treatments": {
            items["Melasma Laser"]: {"th": LASER_TH, "en": ""}}}, actor=manager)
        runner = DeskRunner(terminal, ChangeBus())
        runner.actor = manager
        try:
            dialog = ConsentTextDialog(runner)
            dialog.resize(1040, 760)
            dialog.show()
            wait(app, runner)
            dialog.entries.setCurrentRow(1)
            wait(app, runner)
            grab(dialog, f"consent-text-{lang}.png")
            dialog.reject()
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
