"""The consent dialog on a real terminal: the customer signs on the real pad, the signed PDF is kept.

The signature is drawn with the mouse (QTest), a finger (touch events) and
a pen (tablet events) on the real ``SignaturePad``; the dialog's Sign runs
the use case and the PDF in the terminal's image store is read back.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.images.store import ImageStore
from bnaura_desk.services import catalog, consents, customers
from tests.conftest import Staffed
from tests.documents.pdf_probe import pdf_text, squashed
from ui.bus import ChangeBus
from ui.consent.dialog import ConsentDialog
from ui.i18n import LanguageSwitcher
from ui.runner import DeskRunner
from ui.widgets.signature_pad import SignaturePad


@pytest.fixture
def desk(qtbot, staffed_copy: Staffed, languages: LanguageSwitcher) -> Iterator[tuple[DeskRunner, dict[str, Any]]]:
    s = staffed_copy
    t = s.terminal
    made = {
        "facial": t.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส",
                                                      price_satang=150_000, duration_minutes=60),
                        actor=s.manager).result,
        "customer": t.run(customers.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                          actor=s.front_desk).result,
    }
    runner = DeskRunner(t, ChangeBus())
    runner.actor = s.beautician
    yield runner, made
    qtbot.waitUntil(lambda: runner.pending() == 0)
    runner.shutdown()


def _draw(qtbot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    """Sign with the mouse: press at the first point, drag through the rest, release at the last."""
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1]))


def _dialog(qtbot, runner: DeskRunner, made: dict[str, Any]) -> ConsentDialog:
    dialog = ConsentDialog(runner, made["customer"], made["facial"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.sign_button.isEnabled())
    return dialog


def test_the_customer_signs_with_the_mouse_and_the_signed_pdf_names_her(qtbot, desk) -> None:
    runner, made = desk
    dialog = _dialog(qtbot, runner, made)
    assert "สมหญิง ใจดี" in dialog.heading.text() and "ทรีตเมนต์หน้าใส" in dialog.heading.text()
    shown = dialog.text.toPlainText()
    assert "ข้าพเจ้า สมหญิง ใจดี ได้รับคำอธิบาย" in shown and "I, สมหญิง ใจดี, have had" in shown
    _draw(qtbot, dialog.pad, [(40, 120), (80, 60), (120, 130), (160, 70), (220, 110), (300, 90)])
    _draw(qtbot, dialog.pad, [(60, 150), (280, 145)])
    assert len(dialog.pad.strokes) == 2 and len(dialog.pad.strokes[0]) == 6
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.signed is not None)
    assert dialog.result() == ConsentDialog.DialogCode.Accepted
    signed = dialog.signed
    assert signed is not None
    store = ImageStore.beside(runner.terminal.path)
    flat = squashed(pdf_text(store.read(signed.pdf_sha256)))
    assert "สมหญิงใจดี" in flat and "ทรีตเมนต์หน้าใส" in flat
    # The ink kept is what was drawn: trimmed to it, dark on white.
    with Image.open(io.BytesIO(store.read(signed.signature_sha256))) as ink:
        # The strokes' span, the pen's width and the margins (a pixel either way for rounding).
        assert abs(ink.width - (260 + 3 + 32)) <= 2 and abs(ink.height - (90 + 3 + 32)) <= 2
        assert ink.convert("L").getextrema()[0] < 100 and ink.getpixel((0, 0))[:3] == (255, 255, 255)
    assert runner.terminal.read(consents.consents_for, made["customer"]) == [signed]


def test_an_empty_pad_is_refused_with_a_message_and_clear_wipes_the_ink(qtbot, desk) -> None:
    runner, made = desk
    dialog = _dialog(qtbot, runner, made)
    dialog.sign_button.click()
    assert dialog.error.text() == "ลูกค้ายังไม่ได้ลงนาม กรุณาลงนามบนแผ่นลงนามก่อน"
    _draw(qtbot, dialog.pad, [(40, 100), (200, 100)])
    assert not dialog.pad.is_empty() and dialog.error.text() == ""
    dialog.clear_button.click()
    assert dialog.pad.is_empty() and dialog.pad.png() == b""
    dialog.sign_button.click()
    assert dialog.error.text() == "ลูกค้ายังไม่ได้ลงนาม กรุณาลงนามบนแผ่นลงนามก่อน"
    assert dialog.isVisible()
    qtbot.wait(50)
    assert runner.pending() == 0 and runner.terminal.read(consents.consents_for, made["customer"]) == []
    dialog.reject()


def test_a_finger_and_a_pen_sign_too(qtbot, desk_app: QApplication) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    screen = QTest.createTouchDevice()
    touch = QTest.touchEvent(pad, screen)
    touch.press(0, QPoint(30, 40)).commit()
    QTest.touchEvent(pad, screen).move(0, QPoint(90, 80)).commit()
    QTest.touchEvent(pad, screen).move(0, QPoint(150, 60)).commit()
    QTest.touchEvent(pad, screen).release(0, QPoint(150, 60)).commit()
    [finger] = [[(p.x(), p.y()) for p in s] for s in pad.strokes]
    # Where the finger went, relative to where it landed (the offscreen window's frame shifts it a pixel or two).
    assert [(x - finger[0][0], y - finger[0][1]) for x, y in finger] == [(0, 0), (60, 40), (120, 20)]
    assert abs(finger[0][0] - 30) <= 3 and abs(finger[0][1] - 40) <= 3

    pen = QPointingDevice("test pen", 4242, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 2)

    def tablet(kind: QEvent.Type, x: float, y: float, pressure: float) -> None:
        at = QPointF(x, y)
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
        event = QTabletEvent(kind, pen, at, pad.mapToGlobal(at), pressure, 0, 0, 0, 0, 0,
                             Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, buttons)
        QApplication.sendEvent(pad, event)
        assert event.isAccepted()  # taken first-hand: Qt synthesises no mouse stroke on top

    tablet(QEvent.Type.TabletPress, 200, 100, 0.4)
    tablet(QEvent.Type.TabletMove, 240, 120, 0.7)
    tablet(QEvent.Type.TabletRelease, 260, 90, 0.0)
    assert [(p.x(), p.y()) for p in pad.strokes[1]] == [(200, 100), (240, 120), (260, 90)]
    assert len(pad.strokes) == 2 and not pad.is_empty()
    assert consents.has_ink(pad.png())
