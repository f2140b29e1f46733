"""The customer display follows the POS screen: the cart, the member, the PromptPay QR, the thank-you, idle."""

from __future__ import annotations

import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from bnaura_desk.domain.promptpay import payload
from bnaura_desk.services.counter_settings import set_promptpay_id
from bnaura_desk.services.loyalty import points_summary
from tests.ui import test_counter as counter_tests
from tests.ui.conftest import STAFF_NAMES
from tests.ui.test_counter import SERUM_BARCODE, cart_rows, open_shift, payment_dialog, scan, settle, wait_priced
from ui.counter import display as display_module
from ui.counter.display import CustomerDisplay, first_name

# The POS screen on a shop with a Gold member, as the counter's tests have it.
shop, desk, screen = counter_tests.shop, counter_tests.desk, counter_tests.screen


def everything_shown(display: CustomerDisplay) -> str:
    """All the text the display shows: its labels and its cart's cells."""
    texts = [label.text() for label in display.findChildren(QLabel) if label.isVisibleTo(display)]
    model = display.cart
    for r in range(model.rowCount()):
        line = model.index(r, 0)
        texts += [model.index(r, c).data() or "" for c in range(model.columnCount())]
        texts += [model.index(k, c, line).data() or "" for k in range(model.rowCount(line))
                  for c in range(model.columnCount())]
    return "\n".join(texts)


def test_only_the_first_name_is_shown() -> None:
    assert first_name("สมหญิง ใจดี") == "สมหญิง"
    assert first_name("  Somying   Jaidee ") == "Somying"
    assert first_name("") == ""


def test_the_display_follows_the_sale_from_idle_to_thank_you(screen, qtbot, staffed_copy, shop,
                                                             monkeypatch) -> None:
    s = staffed_copy
    open_shift(s)
    s.terminal.run(set_promptpay_id, "081-234-5678", actor=s.owner)
    screen.reload()
    settle(screen, qtbot)
    shown = screen.display
    qtbot.keyClick(screen, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(shown.isVisible)
    settle(screen, qtbot)
    assert shown.isWindow() and shown.page == CustomerDisplay.IDLE
    assert not shown.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)  # it never keeps the app open
    assert "คลินิกทดสอบ" in shown.welcome.text()

    # Mid-sale: the same lines and discounts as the POS, the total, the member's first name and tier, the points.
    scan(qtbot, screen, SERUM_BARCODE)
    screen.attach_member(shop["member"])
    qtbot.waitUntil(lambda: screen.member is not None)
    wait_priced(screen, qtbot)
    assert shown.page == CustomerDisplay.CART
    assert shown.total_label.text() == screen.totals.text_of("total") == "฿1,080.00"
    assert shown.member_label.text() == "สวัสดีคุณสมหญิง · สมาชิกระดับโกลด์"
    assert shown.points_label.text() == f"ครั้งนี้ได้รับ {screen.totals.text_of('points')} แต้ม"
    pos_lines = [(row[0], row[-1]) for row in cart_rows(screen)]
    display_lines = [(shown.cart.index(0, 0).data(), shown.cart.index(0, shown.cart.NET).data()),
                     ("  " + shown.cart.index(0, 0, shown.cart.index(0, 0)).data(),
                      shown.cart.index(0, shown.cart.DISCOUNT, shown.cart.index(0, 0)).data())]
    assert display_lines == [pos_lines[0], ("  ส่วนลดสมาชิก โกลด์ (10 %)", "-120.00")]
    text = everything_shown(shown)
    assert "ใจดี" not in text and "0812345678" not in text  # no surname, no phone
    assert not any(name in text for name in STAFF_NAMES.values())

    # Paying by PromptPay: the display shows the QR the dialog shows, for the amount due.
    dialog = payment_dialog(screen, qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: shown.page == CustomerDisplay.PROMPTPAY)
    image = shown.qr.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    scanned = [b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
    assert scanned == [payload("0812345678", 108_000)] == [dialog.qr_payload]
    assert shown.qr_amount_label.text() == "฿1,080.00"
    # Back to cash: the QR comes down.
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    assert shown.page == CustomerDisplay.CART and not shown.qr_payload
    qtbot.keyClick(dialog, Qt.Key.Key_F7)
    assert shown.page == CustomerDisplay.PROMPTPAY

    # Paid: a thank-you by first name with the points earned and the balance the database now holds.
    before = s.terminal.read(points_summary, shop["member"], s.clock()).balance
    monkeypatch.setattr(display_module, "THANKS_SECONDS", 0.5)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.promptpay_amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_sale is not None)
    settle(screen, qtbot)
    qtbot.waitUntil(lambda: shown.new_balance is not None)
    after = s.terminal.read(points_summary, shop["member"], s.clock()).balance
    # The sale's points, and a first-purchase achievement's on top: the display shows what the ledger holds.
    assert after >= before + screen.last_sale.points_earned > before
    assert shown.page == CustomerDisplay.THANKS
    assert shown.thanks.text() == "ขอบคุณค่ะ คุณสมหญิง"
    assert shown.thanks_points.text().splitlines() == [
        f"ได้รับ {screen.last_sale.points_earned:,} แต้ม", f"แต้มสะสมคงเหลือ {after:,} แต้ม"]
    # The POS's new, empty cart does not take the thank-you down; its time does.
    assert screen.cart.rowCount() == 0
    qtbot.waitUntil(lambda: shown.page == CustomerDisplay.IDLE, timeout=3000)
    assert shown.member_label.text() == ""


def test_the_next_sale_takes_the_thank_you_down_and_a_walk_in_shows_no_member(screen, qtbot, staffed_copy,
                                                                             shop) -> None:
    s = staffed_copy
    open_shift(s)
    screen.reload()
    settle(screen, qtbot)
    shown = screen.display
    scan(qtbot, screen, SERUM_BARCODE)
    wait_priced(screen, qtbot)
    assert shown.member_label.text() == "" and shown.points_label.text() == ""
    dialog = payment_dialog(screen, qtbot)
    qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_sale is not None)
    settle(screen, qtbot)
    assert shown.page == CustomerDisplay.THANKS and shown.thanks.text() == "ขอบคุณค่ะ"
    scan(qtbot, screen, SERUM_BARCODE)
    wait_priced(screen, qtbot)
    assert shown.page == CustomerDisplay.CART and shown.total_label.text() == "฿1,200.00"
