"""The POS screen on a real SQLite terminal and a real runner, driven with the keyboard as at the counter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.coupons import CouponKind, CouponTerms, display_coupon_code
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.money import format_baht
from bnaura_desk.domain.promptpay import payload
from bnaura_desk.services import branches, catalog, customers, loyalty, shifts
from bnaura_desk.services.counter_settings import promptpay_id
from bnaura_desk.services.coupons import check_coupon_code, issue_coupon
from bnaura_desk.store.models import Customer as CustomerRow
from bnaura_desk.store.models import Payment, Sale, SaleLine, Shift
from tests.conftest import Staffed
from tests.domain.test_keyboard import thai_layout
from tests.ui.test_customers import type_text
from ui.bus import ChangeBus
from ui.counter.payment import PaymentDialog
from ui.counter.screen import OPEN_RECEIPT_KEY, CounterScreen
from ui.counter.shift import CloseShiftDialog
from ui.i18n import LanguageSwitcher
from ui.runner import DeskRunner

SERUM_BARCODE = "4006381333931"  # a valid EAN-13


def make_item(s: Staffed, kind: ItemKind, name: str, price: int, **kw: object) -> str:
    return str(s.terminal.run(catalog.create_item, ItemForm(kind=kind, name_th=name, price_satang=price, **kw),
                              actor=s.manager).result)


@pytest.fixture
def shop(staffed_copy: Staffed) -> dict[str, str]:
    """A VAT-exempt treatment, a product with a barcode, a member in Gold, a ฿200 coupon, the branch's tax id."""
    s = staffed_copy
    things = {
        "facial": make_item(s, ItemKind.TREATMENT, "ทรีทเมนต์หน้าใส", 350_000, vat_exempt=True, duration_minutes=60),
        "serum": make_item(s, ItemKind.PRODUCT, "เซรั่มวิตามินซี", 120_000, sku="SER-01", barcode=SERUM_BARCODE),
    }
    s.terminal.run(catalog.move_stock, things["serum"], 10, catalog.StockReason.RECEIVED, actor=s.manager)
    member = str(s.terminal.run(customers.register_customer,
                                CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"), actor=s.front_desk).result)
    # With her welcome 100: 3,000 lifetime points, Gold (10 % off, twice the points).
    s.terminal.run(loyalty.adjust_points, member, 2_900, "ย้ายแต้มจากระบบเดิม", actor=s.manager)
    things["member"] = member
    things["coupon"] = s.terminal.run(issue_coupon, CouponTerms(CouponKind.AMOUNT, amount_satang=20_000),
                                      actor=s.manager).result.code
    s.terminal.run(branches.update_branch, tax_id="0105561234567", branch_no="0", actor=s.owner)
    return things


@pytest.fixture
def desk(staffed_copy: Staffed, languages: LanguageSwitcher, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    runner.actor = staffed_copy.front_desk
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


@pytest.fixture
def screen(desk: DeskRunner, shop: dict[str, str], qtbot, tmp_path: Path) -> CounterScreen:
    widget = CounterScreen(desk, desk.bus, settings=QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    settle(widget, qtbot)
    return widget


def settle(screen: CounterScreen, qtbot) -> None:
    qtbot.waitUntil(lambda: screen.runner.pending() == 0)


def open_shift(s: Staffed, float_satang: int = 200_000) -> None:
    s.terminal.run(shifts.open_shift, float_satang, actor=s.front_desk)


def cart_rows(screen: CounterScreen) -> list[tuple[str, ...]]:
    """Each line as the cart shows it, and under it each discount step (indented)."""
    model = screen.cart
    rows = []
    for r in range(model.rowCount()):
        line = model.index(r, 0)
        rows.append(tuple(model.index(r, c).data() or "" for c in range(model.columnCount())))
        for k in range(model.rowCount(line)):
            rows.append(("  " + model.index(k, 0, line).data(), model.index(k, model.DISCOUNT, line).data()))
    return rows


def scan(qtbot, screen: CounterScreen, code: str) -> None:
    """A barcode scanner: the code typed fast, then Enter."""
    qtbot.keyClick(screen, Qt.Key.Key_F2)
    qtbot.keyClicks(screen.search, code)
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)


def wait_priced(screen: CounterScreen, qtbot) -> None:
    qtbot.waitUntil(lambda: screen.runner.pending() == 0 and screen.quote is not None)


def count(s: Staffed, model: type) -> int:
    return int(s.terminal.read(lambda session: session.scalar(select(func.count()).select_from(model))))


def payment_dialog(screen: CounterScreen, qtbot) -> PaymentDialog:
    # The window manager gives the keyboard back to the window, and then to the dialog it opens.
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: screen.payment is not None and screen.payment.isVisible())
    dialog = screen.payment
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_full_sale_with_the_keyboard_only(screen, qtbot, staffed_copy, shop, qtmodeltester) -> None:
    s = staffed_copy
    open_shift(s)
    screen.reload()
    settle(screen, qtbot)
    assert screen.shift_bar.label.text().startswith("เปิดกะตั้งแต่")

    # The serum scanned, the treatment found by typing part of its name.
    scan(qtbot, screen, SERUM_BARCODE)
    qtbot.waitUntil(lambda: screen.cart.rowCount() == 1)
    assert screen.search.text() == ""  # ready for the next scan
    type_text(qtbot, screen.search, "หน้าใส")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.cart.rowCount() == 2)
    wait_priced(screen, qtbot)
    assert screen.totals.text_of("total") == "฿4,700.00"

    # The member by phone: Gold's 10 % shows on each line and in the totals.
    qtbot.keyClick(screen, Qt.Key.Key_F3)
    qtbot.keyClicks(screen.member_picker.box, "0812345678")
    qtbot.waitUntil(lambda: screen.member_picker.hits.rowCount() == 1)
    qtbot.keyClick(screen.member_picker.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.member is not None)
    wait_priced(screen, qtbot)
    assert "สมหญิง ใจดี" in screen.member_picker.attached.text()
    assert screen.totals.text_of("tier") == "-฿470.00"

    # The ฿200 coupon, typed in small letters.
    qtbot.keyClick(screen, Qt.Key.Key_F4)
    qtbot.keyClicks(screen.coupon_box, shop["coupon"].lower())
    qtbot.keyClick(screen.coupon_box, Qt.Key.Key_Return)
    wait_priced(screen, qtbot)
    assert screen.coupon_text == "ใช้คูปองแล้ว: ลด ฿200.00"
    # ฿1,200 + ฿3,500 = ฿4,700; Gold 10 % off: ฿4,230; the coupon ฿200: ฿4,030.
    assert screen.totals.text_of("subtotal") == "฿4,700.00"
    assert screen.totals.text_of("coupon") == "-฿200.00"
    assert screen.totals.text_of("total") == "฿4,030.00"
    assert screen.totals.text_of("points") == "806"  # 1 per ฿10, twice for Gold
    rows = cart_rows(screen)
    assert rows[0][:4] == ("เซรั่มวิตามินซี", "1", "1,200.00", "1,200.00")
    assert rows[1] == ("  ส่วนลดสมาชิก โกลด์ (10 %)", "-120.00")
    assert rows[2][0] == f"  คูปอง {display_coupon_code(shop['coupon'])}"
    assert [r[0] for r in rows[3:]] == ["ทรีทเมนต์หน้าใส", "  ส่วนลดสมาชิก โกลด์ (10 %)",
                                        f"  คูปอง {display_coupon_code(shop['coupon'])}"]
    assert rows[3][4] != "" and rows[3][5] != ""
    qtmodeltester.check(screen.cart)

    # Pay: ฿1,000 by card, the rest in cash from a ฿5,000 note.
    dialog = payment_dialog(screen, qtbot)
    assert dialog.due_label.text() == "฿4,030.00"
    qtbot.keyClick(dialog, Qt.Key.Key_F6)
    qtbot.keyClicks(dialog.card_amount, "1000")
    qtbot.keyClick(dialog.card_amount, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.approval, "a1b2c3")
    qtbot.keyClick(dialog.approval, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.last4, "4242")
    qtbot.keyClick(dialog.last4, Qt.Key.Key_Return)
    assert dialog.remaining_label.text() == "฿3,030.00"
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    assert dialog.received.hasFocus()
    qtbot.keyClicks(dialog.received, "5000")
    assert dialog.change_label.text() == "฿1,970.00"
    qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_sale is not None)
    settle(screen, qtbot)

    done = screen.last_sale
    assert done is not None
    assert screen.sale_banner.text() == f"ขาย {done.number} · เงินทอน ฿1,970.00"
    assert screen.cart.rowCount() == 0 and screen.totals.text_of("total") == "฿0.00"
    assert screen.member is None and screen.coupon_box.text() == ""
    assert screen.focusWidget() is screen.search  # ready for the next customer's first scan
    sale = s.terminal.read(lambda session: session.scalars(select(Sale)).one())
    assert (sale.number, sale.total_satang, sale.customer_id) == (done.number, 403_000, shop["member"])
    assert sale.coupon_code == shop["coupon"] and sale.points_earned == 806
    payments = s.terminal.read(lambda session: sorted(
        (p.method, p.amount_satang, p.tendered_satang, p.card_last4) for p in session.scalars(select(Payment))))
    assert payments == [("card", 100_000, None, "4242"), ("cash", 303_000, 500_000, "")]
    assert count(s, SaleLine) == 2
    # The receipt PDF is written beside the database after the sale.
    qtbot.waitUntil(lambda: screen.receipt_path is not None)
    assert screen.receipt_path is not None and screen.receipt_path.read_bytes().startswith(b"%PDF")
    assert screen.receipt_path.name == f"{done.number}.pdf"
    # The drawer now expects the float and the cash kept.
    qtbot.waitUntil(lambda: screen.shift is not None and screen.shift.expected_satang == 200_000 + 303_000)


def test_the_receipt_opens_when_the_setting_says_so_and_a_missing_tax_id_never_blocks_the_sale(
        screen, qtbot, staffed_copy, shop) -> None:
    s = staffed_copy
    open_shift(s)
    screen.reload()
    settle(screen, qtbot)
    opened: list[str] = []

    class Viewer(QObject):
        """Stands in for the system's PDF viewer (Qt hands it the file's URL)."""

        @Slot(QUrl)
        def show(self, url: QUrl) -> None:
            opened.append(url.toLocalFile())

    viewer = Viewer()
    QDesktopServices.setUrlHandler("file", viewer, "show")
    try:
        screen.settings.setValue(OPEN_RECEIPT_KEY, True)
        scan(qtbot, screen, SERUM_BARCODE)
        wait_priced(screen, qtbot)
        pay = payment_dialog(screen, qtbot)
        qtbot.keyClick(pay.received, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.receipt_path is not None)
        assert opened == [str(screen.receipt_path)]

        # Without the branch's tax id the receipt cannot be made; the sale is made all the same.
        s.terminal.run(branches.update_branch, tax_id="", actor=s.owner)
        scan(qtbot, screen, SERUM_BARCODE)
        wait_priced(screen, qtbot)
        pay = payment_dialog(screen, qtbot)
        qtbot.keyClick(pay.received, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.message.isVisible())
        assert screen.message.text().startswith("บันทึกการขายแล้ว แต่ยังออกใบเสร็จไม่ได้: กรอกเลขประจำตัวผู้เสียภาษี")
        assert count(s, Sale) == 2 and len(opened) == 1
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_a_member_qr_scanned_with_the_keyboard_set_to_thai_attaches_the_member(screen, qtbot, staffed_copy,
                                                                                shop) -> None:
    s = staffed_copy
    code = s.terminal.read(lambda session: session.get(CustomerRow, shop["member"]).referral_code)
    qtbot.keyClick(screen, Qt.Key.Key_F3)
    type_text(qtbot, screen.member_picker.box, thai_layout(code))
    qtbot.keyClick(screen.member_picker.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.member is not None)
    assert screen.member is not None and screen.member.id == shop["member"]
    assert screen.draft.customer_id == shop["member"] and screen.member_picker.box.text() == ""


def test_a_wrong_coupon_says_why_and_the_cart_still_prices(screen, qtbot, staffed_copy, shop) -> None:
    s = staffed_copy
    scan(qtbot, screen, SERUM_BARCODE)
    wait_priced(screen, qtbot)
    qtbot.keyClick(screen, Qt.Key.Key_F4)
    qtbot.keyClicks(screen.coupon_box, "ZZZZ-ZZZZ-ZZZ")
    qtbot.keyClick(screen.coupon_box, Qt.Key.Key_Return)
    wait_priced(screen, qtbot)
    verdict = s.terminal.read(check_coupon_code, "ZZZZ-ZZZZ-ZZZ", s.clock())
    assert not verdict.applies
    assert screen.coupon_text == verdict.message.render(QCoreApplication.translate)
    assert screen.coupon_text and screen.coupon_text != "ZZZZ-ZZZZ-ZZZ"
    assert screen.totals.text_of("total") == "฿1,200.00"
    # Paying with a refused coupon in the box is stopped before the payment dialog.
    open_shift(s)
    screen.reload()
    settle(screen, qtbot)
    qtbot.keyClick(screen, Qt.Key.Key_F12)
    assert screen.payment is None
    assert "คูปอง" in screen.message.text()


def test_paying_less_than_due_is_refused_and_nothing_is_written(screen, qtbot, staffed_copy, shop) -> None:
    s = staffed_copy
    # No shift yet: the screen says so instead of taking money.
    scan(qtbot, screen, SERUM_BARCODE)
    wait_priced(screen, qtbot)
    qtbot.keyClick(screen, Qt.Key.Key_F12)
    assert screen.payment is None and screen.message.text() == "เปิดกะก่อนขาย"
    open_shift(s)
    screen.reload()
    settle(screen, qtbot)

    dialog = payment_dialog(screen, qtbot)
    qtbot.keyClicks(dialog.received, "500")
    qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    # ฿500 taken in cash, ฿700 still to pay: the dialog asks for the rest and stays open.
    assert dialog.isVisible() and dialog.remaining_label.text() == "฿700.00"
    assert dialog.error.text() == "ยังต้องชำระอีก ฿700.00: รับชำระรายการถัดไป"
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text().startswith("ยังค้างชำระ ฿700.00")
    assert "มัดจำ" in dialog.error.text()
    # A card payment above what is left is refused on the spot.
    qtbot.keyClick(dialog, Qt.Key.Key_F6)
    qtbot.keyClicks(dialog.card_amount, "800")
    qtbot.keyClick(dialog.card_amount, Qt.Key.Key_Return)
    assert dialog.error.text() == "มากกว่ายอด ฿700.00 ที่ยังต้องชำระ"
    dialog.reject()
    assert count(s, Sale) == 0 and count(s, Payment) == 0


def visible(name: str) -> QWidget:
    """Return the shown top-level window named ``name`` (a dialog opened over the screen)."""
    return next(w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible())


def manager_approves(qtbot, s: Staffed, role: str = "manager") -> None:
    """A manager (or the owner) picks their name in the override dialog and types their PIN."""
    qtbot.waitUntil(lambda: any(w.objectName() == "overrideDialog" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    override = visible("overrideDialog")
    qtbot.waitUntil(lambda: override.loaded)
    override.select(getattr(s, role).staff_id)
    qtbot.keyClicks(override.pin, s.pins[role])
    qtbot.keyClick(override.pin, Qt.Key.Key_Return)


def test_promptpay_shows_a_qr_of_the_amount_due_once_a_manager_sets_the_id(screen, qtbot, staffed_copy,
                                                                           shop) -> None:
    s = staffed_copy
    open_shift(s)
    screen.reload()
    settle(screen, qtbot)
    scan(qtbot, screen, SERUM_BARCODE)
    wait_priced(screen, qtbot)
    dialog = payment_dialog(screen, qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_F7)
    # No id yet: no QR, the page says so, and Enter does not take a PromptPay payment.
    assert dialog.qr.pixmap().isNull()
    assert dialog.promptpay_hint.text() == "สาขานี้ยังไม่ได้ตั้งหมายเลขพร้อมเพย์: ให้เจ้าของคลินิกตั้ง (ตั้งหมายเลขพร้อมเพย์…)"
    qtbot.keyClick(dialog.promptpay_amount, Qt.Key.Key_Return)
    assert dialog.error.text() == dialog.promptpay_hint.text() and not dialog.tenders

    # The cashier may not change the clinic's settings: the owner approves the id typed.
    qtbot.mouseClick(dialog.promptpay_id_button, Qt.MouseButton.LeftButton)
    asking = visible("promptpayIdDialog")
    qtbot.keyClicks(asking.value, "02-123-4567")  # a landline is no PromptPay id
    qtbot.keyClick(asking.value, Qt.Key.Key_Return)
    assert asking.error.text().startswith("02-123-4567")
    asking.value.clear()
    qtbot.keyClicks(asking.value, "081-234-5678")
    qtbot.keyClick(asking.value, Qt.Key.Key_Return)
    manager_approves(qtbot, s, "owner")
    qtbot.waitUntil(lambda: not dialog.qr.pixmap().isNull())
    assert s.terminal.read(promptpay_id) == "081-234-5678"
    image = dialog.qr.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    scanned = [b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
    assert scanned == [payload("0812345678", 120_000)]
    assert not dialog.promptpay_id_button.isVisible()
    # Staff see the money arrive and press Enter: the sale is paid by PromptPay.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.promptpay_amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_sale is not None)
    settle(screen, qtbot)
    methods = s.terminal.read(lambda session: [(p.method, p.amount_satang) for p in session.scalars(select(Payment))])
    assert methods == [("promptpay", 120_000)]


def test_a_line_discount_above_the_limit_needs_a_manager(screen, qtbot, staffed_copy, shop) -> None:
    s = staffed_copy
    open_shift(s)
    screen.reload()
    settle(screen, qtbot)
    scan(qtbot, screen, SERUM_BARCODE)
    wait_priced(screen, qtbot)
    qtbot.keyClick(screen, Qt.Key.Key_F9)
    dialog = visible("lineDiscountDialog")
    qtbot.keyClicks(dialog.value, "25")
    qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
    type_text(qtbot, dialog.reason, "ลูกค้าประจำ")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    wait_priced(screen, qtbot)
    assert cart_rows(screen)[1] == ("  ส่วนลด: ลูกค้าประจำ (25 %)", "-300.00")
    assert screen.totals.text_of("line") == "-฿300.00"
    assert screen.totals.text_of("total") == "฿900.00"

    pay = payment_dialog(screen, qtbot)
    qtbot.keyClick(pay.received, Qt.Key.Key_Return)  # exact cash
    manager_approves(qtbot, s)
    qtbot.waitUntil(lambda: screen.last_sale is not None)
    settle(screen, qtbot)
    sale = s.terminal.read(lambda session: session.scalars(select(Sale)).one())
    assert (sale.total_satang, sale.line_discount_satang) == (90_000, 30_000)


def test_closing_the_shift_counts_the_drawer_by_denomination(screen, qtbot, staffed_copy, shop) -> None:
    s = staffed_copy
    open_shift(s, 200_000)
    screen.reload()
    settle(screen, qtbot)
    scan(qtbot, screen, SERUM_BARCODE)
    wait_priced(screen, qtbot)
    # Not with a sale half made.
    qtbot.mouseClick(screen.shift_bar.close_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "ปิดการขายหรือล้างตะกร้าก่อนปิดกะ"
    pay = payment_dialog(screen, qtbot)
    qtbot.keyClick(pay.received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_sale is not None)
    settle(screen, qtbot)

    qtbot.mouseClick(screen.shift_bar.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(screen.shift_dialog, CloseShiftDialog))
    dialog = screen.shift_dialog
    assert isinstance(dialog, CloseShiftDialog)
    # Expected: the ฿2,000 float and the ฿1,200 sale paid in cash.
    dialog.counts[100_000].setValue(3)
    dialog.counts[10_000].setValue(1)
    assert dialog.expected_label.text() == format_baht(320_000)
    assert dialog.counted_label.text() == "฿3,100.00"
    assert dialog.difference_label.text() == "-฿100.00 ขาด"
    dialog.counts[10_000].setValue(2)
    assert dialog.difference_label.text() == "฿0.00 (พอดี)"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.shift_dialog is None and screen.runner.pending() == 0)
    qtbot.waitUntil(lambda: screen.shift is None)
    shift = s.terminal.read(lambda session: session.scalars(select(Shift)).one())
    assert shift.closed_at is not None
    assert (shift.counted_satang, shift.expected_satang, shift.counted) == (320_000, 320_000,
                                                                            {"100000": 3, "10000": 2})
    assert screen.shift_bar.open_button.isVisible()


def test_three_of_an_item_by_sku_and_the_quantity_keys(screen, qtbot, staffed_copy, shop, qtmodeltester) -> None:
    qtbot.keyClick(screen, Qt.Key.Key_F2)
    qtbot.keyClicks(screen.search, "ser")
    qtbot.waitUntil(lambda: screen.hits.rowCount() == 1 and screen.runner.pending() == 0)
    assert screen.hits.index(0, 0).data() == "เซรั่มวิตามินซี" and screen.hits.index(0, 2).data() == "฿1,200.00"
    qtmodeltester.check(screen.hits)
    screen.search.clear()
    qtbot.keyClicks(screen.search, "3*ser-01")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    wait_priced(screen, qtbot)
    assert cart_rows(screen) == [("เซรั่มวิตามินซี", "3", "1,200.00", "3,600.00", "", "3,600.00")]
    # The empty box passes + and - to the line; the cart takes them too, and Delete.
    qtbot.keyClick(screen.search, Qt.Key.Key_Plus)
    wait_priced(screen, qtbot)
    assert screen.totals.text_of("total") == "฿4,800.00"
    screen.cart_view.setFocus()
    qtbot.keyClick(screen.cart_view, Qt.Key.Key_Minus)
    qtbot.keyClick(screen.cart_view, Qt.Key.Key_Minus)
    wait_priced(screen, qtbot)
    assert screen.totals.text_of("total") == "฿2,400.00"
    qtbot.keyClick(screen.cart_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: screen.cart.rowCount() == 0)
    assert screen.totals.text_of("total") == "฿0.00"


def test_a_deposit_pays_part_now_and_leaves_the_balance_due(screen, qtbot, staffed_copy, shop) -> None:
    s = staffed_copy
    open_shift(s)
    screen.reload()
    settle(screen, qtbot)
    qtbot.keyClick(screen, Qt.Key.Key_F2)
    type_text(qtbot, screen.search, "หน้าใส")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    wait_priced(screen, qtbot)
    dialog = payment_dialog(screen, qtbot)
    qtbot.keyClick(dialog.received, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert dialog.deposit.isChecked() and dialog.due_on.isEnabled()
    due = dialog.balance_due_on()
    assert due is not None and dialog.due_on_text.text().endswith(str(due.year + 543))
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    qtbot.keyClicks(dialog.transfer_amount, "1000")
    qtbot.keyClick(dialog.transfer_amount, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.reference, "KBANK 889123")
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_sale is not None)
    settle(screen, qtbot)
    assert screen.sale_banner.text().endswith("ค้างชำระ ฿2,500.00")
    sale = s.terminal.read(lambda session: session.scalars(select(Sale)).one())
    assert (sale.total_satang, sale.balance_due_on) == (350_000, due)
    assert s.terminal.read(lambda session: [(p.method, p.amount_satang, p.reference)
                                            for p in session.scalars(select(Payment))]) == [
        ("transfer", 100_000, "KBANK 889123")]


def test_the_cart_and_totals_follow_the_language(screen, qtbot, staffed_copy, shop, languages) -> None:
    scan(qtbot, screen, SERUM_BARCODE)
    wait_priced(screen, qtbot)
    screen.attach_member(shop["member"])
    qtbot.waitUntil(lambda: screen.member is not None)
    wait_priced(screen, qtbot)
    languages.set_language("en", save=False)
    qtbot.waitUntil(lambda: screen.pay_button.text() == "Pay (F12)")
    assert [screen.cart.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Item", "Qty", "Unit price", "Amount", "Discount", "Net"]
    assert cart_rows(screen)[1] == ("  Member discount Gold (10 %)", "-120.00")
    assert screen.totals.captions["total"].text() == "Total"
    assert "Gold · 10 % off" in screen.member_picker.attached.text()


def test_signing_in_opens_the_pos_page(qtbot, staffed_copy, shop, languages) -> None:
    from ui.app import create_main_window

    window = create_main_window(staffed_copy.terminal, languages)
    qtbot.addWidget(window)
    try:
        window.show()
        window.login.signed_in.emit(staffed_copy.front_desk)
        assert window.current_key == "counter"
        page = window.screen_page("counter")
        assert isinstance(page, CounterScreen)
        qtbot.waitUntil(lambda: len(page.favourite_buttons) == 2 and window.runner.pending() == 0)
        assert window.nav_titles()[0] == "ขายหน้าร้าน"
    finally:
        qtbot.waitUntil(lambda: window.runner.pending() == 0)
        window.runner.shutdown()


def test_the_pos_page_fits_a_1366_by_768_counter_screen_in_thai_and_english(qtbot, staffed_copy, shop,
                                                                            languages) -> None:
    """A manager's POS page right after a cash sale: every button whole, nothing pushing the window wider."""
    from ui.app import create_main_window

    s = staffed_copy
    open_shift(s)
    window = create_main_window(s.terminal, languages)
    qtbot.addWidget(window)
    try:
        window.resize(1366, 768)
        window.show()
        window.login.signed_in.emit(s.manager)  # "Counter settings…" shows too: the widest top row
        page = window.screen_page("counter")
        assert isinstance(page, CounterScreen)
        qtbot.waitUntil(lambda: page.shift is not None and window.runner.pending() == 0)
        scan(qtbot, page, SERUM_BARCODE)
        wait_priced(page, qtbot)
        dialog = payment_dialog(page, qtbot)
        qtbot.keyClicks(dialog.received, "2000")
        qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.last_sale is not None and window.runner.pending() == 0)
        assert page.sale_banner.text().endswith("เงินทอน ฿800.00")
        for language, cash_button in (("th", "นำเงินเข้า/ออก…"), ("en", "Cash in/out…")):
            languages.set_language(language, save=False)
            qtbot.waitUntil(lambda text=cash_button: page.shift_bar.cash_button.text() == text)
            window.resize(1366, 768)
            QApplication.processEvents()
            assert (window.width(), window.height()) == (1366, 768), language
            buttons = [page.shift_bar.cash_button, page.shift_bar.close_button, page.shift_bar.x_button,
                       page.shift_bar.z_button, page.display_button, page.settings_button, page.reprint_button,
                       page.refund_button, page.invoice_button, page.course_use.button, page.pay_button]
            assert all(b.isVisible() for b in buttons), language
            squeezed = [b.text() for b in buttons if b.width() < b.sizeHint().width()]
            assert squeezed == [], language
            assert page.sale_banner.width() >= page.sale_banner.sizeHint().width(), language
    finally:
        languages.set_language("th", save=False)
        qtbot.waitUntil(lambda: window.runner.pending() == 0)
        window.runner.shutdown()
