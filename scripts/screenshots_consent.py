"""Screenshots of the treatment consent form into docs/screenshots/.

- consent-form-th.png: the signed form of the tests' sample (a laser facial;
  Thai and English text, the signature as drawn), as pdftoppm shows the PDF;
- consent-dialog-LANG.png: the dialog the customer signs in, a signature
  drawn on the pad with mouse events, on a throw-away terminal.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshots_consent.py [th|en]   (needs pdftoppm, poppler-utils)
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bnaura_desk.documents.consent_form import consent_form_pdf
from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import catalog
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.terminal import Terminal
from screenshots_documents import OUT, to_png
from screenshots_loyalty import Clock, grab, wait
from tests.documents import samples


def _sign(pad: object) -> None:
    """Draw a signature on the pad with real mouse events: a looping name and an underline."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    def stroke(points: list[tuple[float, float]]) -> None:
        first = QPoint(round(points[0][0]), round(points[0][1]))
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
        for x, y in points[1:]:
            QTest.mouseMove(pad, QPoint(round(x), round(y)))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           QPoint(round(points[-1][0]), round(points[-1][1])))

    stroke([(60 + t * 3.2, 110 - 45 * math.sin(t / 7) * (1 - t / 160) + t / 4) for t in range(120)])
    stroke([(90 + t * 4, 160 - t / 10) for t in range(80)])


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "th"
    OUT.mkdir(parents=True, exist_ok=True)
    print(to_png(consent_form_pdf(samples.consent_form()), "consent-form-th", 110))
    from ui.app import build_app
    from ui.bus import ChangeBus
    from ui.consent.dialog import ConsentDialog
    from ui.runner import DeskRunner

    app, _languages = build_app(sys.argv[:1], language=lang)
    with tempfile.TemporaryDirectory() as tmp:
        terminal = Terminal.create(
            Path(tmp) / "shots.sqlite", clinic_name="บีเอ็น-ออร่า คลินิก", clinic_name_en="BN-Aura Clinic",
            device_name="POS-1", clock=Clock(datetime(2026, 6, 2, 3, 0, tzinfo=UTC)),
        )
        nid = terminal.run(staff_service.create_staff, "พี่นิด", Role.BEAUTICIAN, "7140", actor=SYSTEM).result
        laser = terminal.run(catalog.create_item, ItemForm(
            kind=ItemKind.TREATMENT, name_th="เลเซอร์ลดฝ้า", name_en="Melasma Laser", price_satang=250_000,
            vat_exempt=True, duration_minutes=45), actor=SYSTEM).result
        member = terminal.run(customer_service.register_customer, CustomerForm(
            name_th="สมหญิง ศรีสุข", name_en="Somying Srisuk", phone="0862451190"), actor=SYSTEM).result
        runner = DeskRunner(terminal, ChangeBus())
        runner.actor = Actor(nid, "พี่นิด", Role.BEAUTICIAN)
        try:
            dialog = ConsentDialog(runner, member, laser)
            dialog.resize(760, 760)
            dialog.show()
            wait(app, runner)
            _sign(dialog.pad)
            wait(app, runner)
            grab(dialog, f"consent-dialog-{lang}.png")
            dialog.reject()
        finally:
            wait(app, runner)
            runner.shutdown()
            terminal.close()


if __name__ == "__main__":
    main()
