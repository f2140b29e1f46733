"""Refunds and voids from the POS screen, on a real SQLite terminal and a real runner, driven with the keyboard only.

Each sale is made through the services as the counter made it earlier; the
dialog is opened with Ctrl+Shift+R and worked through the widget that has
the keyboard focus, as a cashier's keystrokes would reach it.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from sqlalchemy import select

from bnaura_desk.domain.coupons import CouponKind, CouponTerms
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.refunds import ReturnLine
from bnaura_desk.domain.settings import COUPON_ON_REFUND_KEY, CouponOnRefund
from bnaura_desk.services import counter, loyalty, refunds, settings, shifts
from bnaura_desk.services.coupons import issue_coupon
from bnaura_desk.services.shifts import ShiftClosed
from bnaura_desk.store.models import Refund, SaleLine
from tests.conftest import Staffed
from tests.documents.pdf_probe import pdf_text, squashed
from tests.ui import test_counter as counter_tests
from tests.ui.test_counter import count, open_shift, settle, visible
from tests.ui.test_counter_printing import viewer  # noqa: F401 (the fixture)
from tests.ui.test_customers import type_text
from ui.counter.refund import RefundDialog
from ui.counter.refund_reads import credit_notes_folder
from ui.counter.screen import OPEN_RECEIPT_KEY, CounterScreen

# The POS screen on a shop with a Gold member, as the counter's tests have it.
shop, desk, screen = counter_tests.shop, counter_tests.desk, counter_tests.screen

CASH = PaymentMethod.CASH


def sell(s: Staffed, shop: dict[str, str]) -> counter.SaleDone:
    """The Gold member's treatment and two serums, ฿5,310 in cash, earning 1,062 points (as at the counter)."""
    lines = (counter.OrderLine(shop["facial"]), counter.OrderLine(shop["serum"], quantity=2))
    done: counter.SaleDone = s.terminal.run(
        counter.checkout, counter.Order(lines, (Tender(CASH, 531_000),), customer_id=shop["member"]),
        actor=s.front_desk).result
    assert (done.total_satang, done.points_earned) == (531_000, 1_062)
    return done


def balance(s: Staffed, customer_id: str) -> int:
    return int(s.terminal.read(loyalty.points_summary, customer_id, s.clock()).balance)


def refunds_written(s: Staffed) -> list[tuple[str, int, str, str, list[dict[str, object]], str | None]]:
    return s.terminal.read(lambda session: [(r.kind, r.amount_satang, r.method, r.reason, r.lines, r.approved_by)
                                            for r in session.scalars(select(Refund).order_by(Refund.at))])


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key, to whichever widget has the keyboard."""
    qtbot.keyClick(focused(), key, modifiers)


def type_quantity(qtbot, dialog: RefundDialog, digit: Qt.Key) -> None:
    """On a line of the dialog: a digit opens its quantity box, Enter puts it in (the view commits it queued)."""
    press(qtbot, digit)
    assert focused().objectName() == "refundQuantity"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.view.state() != QAbstractItemView.State.EditingState)


def open_refund(screen: CounterScreen, qtbot) -> RefundDialog:
    """Ctrl+Shift+R on the POS screen: the dialog opens on this terminal's last sale."""
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: screen.refund_dialog is not None and screen.refund_dialog.isVisible())
    dialog = screen.refund_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.sale is not None)
    return dialog


def ready(screen: CounterScreen, qtbot, s: Staffed, shop: dict[str, str], actor: str) -> counter.SaleDone:
    """A shift open with a ฿2,000 float, the Gold member's sale made, ``actor`` signed in at the counter."""
    open_shift(s)
    done = sell(s, shop)
    screen.runner.actor = getattr(s, actor)
    screen.reload()
    settle(screen, qtbot)
    return done


def test_a_manager_refunds_one_serum_of_two_and_the_credit_note_prints(screen, qtbot, staffed_copy, shop,
                                                                        qtmodeltester) -> None:
    s = staffed_copy
    sale = ready(screen, qtbot, s, shop, "manager")
    points_before = balance(s, shop["member"])
    dialog = open_refund(screen, qtbot)

    assert dialog.number.text() == sale.number
    assert dialog.sale_label.text().startswith(f"ใบเสร็จ {sale.number}")
    assert "สมหญิง ใจดี" in dialog.sale_label.text()
    assert dialog.void_button.isVisible()  # this shift, this terminal, nothing refunded
    model = dialog.lines
    qtmodeltester.check(model)
    assert [model.index(r, model.NAME).data() for r in range(model.rowCount())] == [
        "1. ทรีทเมนต์หน้าใส", "2. เซรั่มวิตามินซี"]
    assert [model.index(r, model.SOLD).data() for r in range(model.rowCount())] == ["1", "2"]
    assert dialog.refund_button.text() == "คืนเงิน (F12)"
    assert dialog.method.currentText() == "เงินสด"  # how the sale was paid

    # Down to the serums, type 1, Enter.
    assert dialog.view.hasFocus()
    press(qtbot, Qt.Key.Key_Down)
    type_quantity(qtbot, dialog, Qt.Key.Key_1)
    assert model.quantity(1) == 1
    # Two serums came to ฿2,160 after the Gold discount: one gives back ฿1,080, and 216 of the 1,062 points.
    assert dialog.amount_label.text() == "฿1,080.00"
    assert model.index(1, model.AMOUNT).data() == "1,080.00"
    assert dialog.points_label.text() == "แต้มที่หักคืน: 216"

    # Enter without a reason: asked for, nothing written.
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.error.text() == "โปรดระบุเหตุผลของการคืนเงิน"
    assert dialog.reason.hasFocus()
    assert count(s, Refund) == 0
    type_text(qtbot, focused(), "ลูกค้าแพ้เซรั่ม")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pdf_path is not None)
    settle(screen, qtbot)

    [(kind, amount, method, reason, lines, approved_by)] = refunds_written(s)
    serum_line = s.terminal.read(lambda session: session.scalars(
        select(SaleLine.id).where(SaleLine.sale_id == sale.sale_id, SaleLine.line_no == 2)).one())
    assert (kind, amount, method, reason, approved_by) == ("refund", 108_000, "cash", "ลูกค้าแพ้เซรั่ม",
                                                           s.manager.staff_id)
    assert lines == [{"line_id": serum_line, "quantity": 1, "amount_satang": 108_000}]
    assert balance(s, shop["member"]) == points_before - 216
    done = dialog.outcome
    assert done is not None and done.number.startswith("C")
    assert dialog.result_label.text().startswith(f"คืนเงินแล้ว: ใบลดหนี้ {done.number} คืน ฿1,080.00 (เงินสด)")
    assert "หักแต้มคืน 216 แต้ม" in dialog.result_label.text()
    assert dialog.refund_button.text() == "ปิด" and not dialog.void_button.isVisible()
    # The credit note beside the database, read back.
    assert dialog.pdf_path == credit_notes_folder(Path(s.terminal.path)) / f"{done.number}.pdf"
    text = pdf_text(dialog.pdf_path.read_bytes())
    flat = squashed(text)
    assert "ใบลดหนี้" in text and done.number in flat and sale.number in flat
    assert "ลูกค้าแพ้เซรั่ม" in flat and "1,080.00" in flat
    assert "เซรั่มวิตามินซี" in flat and "ทรีทเมนต์หน้าใส" not in flat
    # The POS screen heard it on the bus: the drawer gave ฿1,080 back.
    assert screen.message.text().startswith(f"คืนเงินแล้ว: ใบลดหนี้ {done.number}")
    assert screen.shift is not None and screen.shift.expected_satang == 200_000 + 531_000 - 108_000

    # Enter closes; opened again, the sale shows what came back, and a void is no longer offered.
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.refund_dialog is None)
    again = open_refund(screen, qtbot)
    assert again.lines.index(1, again.lines.REFUNDED).data() == "1"
    assert "คืนไปแล้ว ฿1,080.00" in again.sale_label.text()
    assert not again.void_button.isVisible()
    again.reject()


def test_a_void_within_the_shift_gives_everything_back(screen, qtbot, staffed_copy, shop) -> None:
    s = staffed_copy
    sale = ready(screen, qtbot, s, shop, "manager")
    points_before = balance(s, shop["member"])
    dialog = open_refund(screen, qtbot)
    assert dialog.void_button.text() == "ยกเลิกบิล (F8)"
    press(qtbot, Qt.Key.Key_F8)
    assert dialog.error.text() == "โปรดระบุเหตุผลของการคืนเงิน" and dialog.reason.hasFocus()
    type_text(qtbot, focused(), "คิดเงินผิดบิล")
    press(qtbot, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: dialog.pdf_path is not None)
    settle(screen, qtbot)
    [(kind, amount, method, reason, lines, _by)] = refunds_written(s)
    assert (kind, amount, method, reason) == ("void", 531_000, "cash", "คิดเงินผิดบิล")
    assert sorted(line["quantity"] for line in lines) == [1, 2]  # type: ignore[type-var]
    assert balance(s, shop["member"]) == points_before - 1_062
    assert dialog.result_label.text().startswith(f"ยกเลิกบิลแล้ว: ใบลดหนี้ {dialog.outcome.number} คืน ฿5,310.00")
    assert screen.shift is not None and screen.shift.expected_satang == 200_000  # the float alone
    assert sale.number in squashed(pdf_text(dialog.pdf_path.read_bytes()))


def test_a_refund_beyond_what_is_left_or_in_cash_without_a_shift_is_refused_and_writes_nothing(
        screen, qtbot, staffed_copy, shop) -> None:
    s = staffed_copy
    sale = ready(screen, qtbot, s, shop, "manager")
    dialog = open_refund(screen, qtbot)
    press(qtbot, Qt.Key.Key_Down)
    type_quantity(qtbot, dialog, Qt.Key.Key_2)
    assert dialog.amount_label.text() == "฿2,160.00"
    # Meanwhile both serums were refunded at the back office (the CLI, another window).
    serum = s.terminal.read(lambda session: session.scalars(
        select(SaleLine.id).where(SaleLine.sale_id == sale.sale_id, SaleLine.line_no == 2)).one())
    s.terminal.run(refunds.refund_sale, sale.sale_id, [ReturnLine(serum, 2)], CASH, "แพ้", actor=s.manager)
    before = refunds_written(s)
    press(qtbot, Qt.Key.Key_Tab)  # whole sale
    press(qtbot, Qt.Key.Key_Tab)  # the reason
    type_text(qtbot, focused(), "เปลี่ยนใจ")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.isVisible())
    assert dialog.error.text() == "รายการที่ 2: เหลือให้คืนได้เพียง 0"
    assert dialog.outcome is None and refunds_written(s) == before
    assert not (credit_notes_folder(Path(s.terminal.path))).exists()

    # Entered again, the dialog knows; the treatment in cash after the shift closed has no drawer to come from.
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # back to the receipt number
    assert dialog.number.hasFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.lines.index(1, dialog.lines.REFUNDED).data() == "2"
    assert not dialog.lines.flags(dialog.lines.index(1, dialog.lines.RETURN)) & Qt.ItemFlag.ItemIsEditable
    closed = s.terminal.run(shifts.close_shift, {100_000: 5}, actor=s.manager).result
    assert isinstance(closed, ShiftClosed)
    settle(screen, qtbot)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # back to the receipt number
    assert dialog.number.hasFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert not dialog.void_button.isVisible()  # its shift is closed
    assert dialog.view.hasFocus()
    type_quantity(qtbot, dialog, Qt.Key.Key_1)
    assert dialog.amount_label.text() == "฿3,150.00"
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "เลื่อนนัดไม่ได้")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.isVisible())
    assert dialog.error.text() == "กรุณาเปิดกะก่อนคืนเงินสด"
    assert refunds_written(s) == before
    # By transfer it goes through.
    assert dialog.reason.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_End)
    assert dialog.method.currentText() == "โอนเงิน"
    press(qtbot, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: dialog.outcome is not None)
    assert refunds_written(s)[-1][:3] == ("refund", 315_000, "transfer")


def test_a_front_desk_refund_needs_a_managers_pin_a_wrong_one_is_refused(screen, qtbot, staffed_copy, shop) -> None:
    s = staffed_copy
    ready(screen, qtbot, s, shop, "front_desk")
    dialog = open_refund(screen, qtbot)
    press(qtbot, Qt.Key.Key_Tab)  # whole sale
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.whole.isChecked()
    assert dialog.amount_label.text() == "฿5,310.00"
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "ลูกค้ายกเลิกทั้งหมด")
    press(qtbot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: any(w.objectName() == "overrideDialog" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    override = visible("overrideDialog")
    qtbot.waitUntil(lambda: override.loaded)
    override.select(s.manager.staff_id)
    qtbot.keyClicks(override.pin, "0000")
    qtbot.keyClick(override.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: override.error.isVisible())
    assert override.isVisible() and count(s, Refund) == 0
    qtbot.keyClicks(override.pin, s.pins["manager"])
    qtbot.keyClick(override.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.outcome is not None)
    settle(screen, qtbot)
    [(kind, amount, _method, _reason, _lines, approved_by)] = refunds_written(s)
    assert (kind, amount, approved_by) == ("refund", 531_000, s.manager.staff_id)



def test_a_deposit_gives_back_no_more_than_was_paid_and_the_credit_note_opens_when_asked(
        screen, qtbot, staffed_copy, shop, viewer) -> None:  # noqa: F811
    s = staffed_copy
    open_shift(s)
    # The facial (฿3,150 for her) and a serum on a ฿1,000 deposit, the balance due next week.
    sale = s.terminal.run(counter.checkout, counter.Order(
        (counter.OrderLine(shop["facial"]), counter.OrderLine(shop["serum"])), (Tender(CASH, 100_000),),
        customer_id=shop["member"],
        balance_due_on=s.clock().date() + timedelta(days=7)), actor=s.front_desk).result
    screen.runner.actor = s.manager
    screen.settings.setValue(OPEN_RECEIPT_KEY, True)
    screen.reload()
    settle(screen, qtbot)
    dialog = open_refund(screen, qtbot)
    assert dialog.number.text() == sale.number
    # The facial alone is worth more than was paid: refused as typed, and by Enter, with nothing written.
    type_quantity(qtbot, dialog, Qt.Key.Key_1)
    assert dialog.error.text() == "เกินยอดที่ชำระไว้: คืนเงินได้ไม่เกิน ฿1,000.00"
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "ยกเลิกนัด")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.error.text() == "เกินยอดที่ชำระไว้: คืนเงินได้ไม่เกิน ฿1,000.00"
    assert dialog.view.hasFocus() and count(s, Refund) == 0
    # The whole sale gives back what was paid.
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.amount_label.text() == "฿1,000.00" and not dialog.error.isVisible()
    press(qtbot, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: len(viewer.opened) == 1)
    assert viewer.opened == [dialog.pdf_path]
    assert refunds_written(s)[0][:3] == ("refund", 100_000, "cash")


def test_the_dialog_follows_the_language(screen, qtbot, staffed_copy, shop, languages) -> None:
    s = staffed_copy
    ready(screen, qtbot, s, shop, "manager")
    dialog = open_refund(screen, qtbot)
    type_quantity(qtbot, dialog, Qt.Key.Key_1)
    languages.set_language("en", save=False)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Refund or void a sale")
    assert dialog.refund_button.text() == "Refund (F12)" and dialog.void_button.text() == "Void sale (F8)"
    assert dialog.method.currentText() == "Cash"
    assert dialog.lines.headerData(dialog.lines.RETURN, Qt.Orientation.Horizontal) == "Return"
    assert dialog.lines.index(0, dialog.lines.NAME).data() == "1. ทรีทเมนต์หน้าใส"  # no English name given
    assert dialog.points_label.text() == "Points taken back: 630"
    assert screen.refund_button.text() == "Refund / void…"
    languages.set_language("th", save=False)
    qtbot.waitUntil(lambda: dialog.refund_button.text() == "คืนเงิน (F12)")


def test_a_void_under_the_restore_policy_shows_the_coupon_given_back(screen, qtbot, staffed_copy, shop) -> None:
    s = staffed_copy
    s.terminal.run(settings.set_chain_setting, COUPON_ON_REFUND_KEY, str(CouponOnRefund.RESTORE), actor=s.owner)
    code = s.terminal.run(issue_coupon, CouponTerms(kind=CouponKind.AMOUNT, amount_satang=10_000),
                          actor=s.manager).result.code
    open_shift(s)
    lines = (counter.OrderLine(shop["facial"]),)
    order = counter.Order(lines, (), customer_id=shop["member"], coupon_code=code)
    due = s.terminal.read(counter.quote, order, s.clock()).priced.total_satang
    s.terminal.run(counter.checkout, counter.Order(lines, (Tender(CASH, due),), customer_id=shop["member"],
                                                   coupon_code=code), actor=s.front_desk)
    screen.runner.actor = s.manager
    screen.reload()
    settle(screen, qtbot)
    dialog = open_refund(screen, qtbot)
    press(qtbot, Qt.Key.Key_F8)
    type_text(qtbot, focused(), "ลูกค้ายกเลิก")
    press(qtbot, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: dialog.pdf_path is not None)
    restored = dialog.outcome.restored_coupon
    assert restored and restored != code
    assert f"คูปองที่คืนให้ลูกค้า: {restored}" in dialog.result_label.text()
    assert restored in squashed(pdf_text(dialog.pdf_path.read_bytes()))
