"""Cash in and cash out on the POS screen, with the keyboard only (in Thai, as at the counter)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from bnaura_desk.store.models import CashMovement
from tests.ui.test_counter import desk, manager_approves, open_shift, screen, settle, shop  # noqa: F401  (fixtures)
from tests.ui.test_customers import type_text
from ui.counter.cash_movement import CashMovementDialog
from ui.counter.screen import CounterScreen
from ui.counter.shift import CloseShiftDialog


def cash_dialog(screen: CounterScreen, qtbot) -> CashMovementDialog:  # noqa: F811
    """Ctrl+Shift+C on the POS page opens the cash in/out dialog, the amount box ready to type in."""
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: screen.shift_bar.cash_dialog is not None and screen.shift_bar.cash_dialog.isVisible())
    dialog = screen.shift_bar.cash_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_cash_in_and_a_cash_out_approved_by_a_manager_change_the_drawer(screen, qtbot, staffed_copy,  # noqa: F811
                                                                         shop) -> None:  # noqa: F811
    s = staffed_copy
    open_shift(s, 200_000)
    screen.reload()
    settle(screen, qtbot)
    assert screen.shift_bar.cash_button.isVisible() and screen.shift_bar.cash_button.text() == "นำเงินเข้า/ออก…"

    # ฿500 of coins from the bank: amount, Enter, reason, Enter.
    dialog = cash_dialog(screen, qtbot)
    assert dialog.cash_in.isChecked() and dialog.amount.hasFocus()
    qtbot.keyClicks(dialog.amount, "500")
    assert dialog.after_label.text() == "฿2,500.00"
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.reason.hasFocus()
    type_text(qtbot, dialog.reason, "แลกเหรียญจากธนาคาร")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.shift_bar.cash_dialog is None and screen.runner.pending() == 0)
    assert screen.message.text() == "นำเงินเข้า ฿500.00: แลกเหรียญจากธนาคาร"
    qtbot.waitUntil(lambda: screen.shift is not None and screen.shift.expected_satang == 250_000)
    assert "฿2,500.00" in screen.shift_bar.label.text()

    # ฿45 for drinking water: F6, and the front desk needs a manager's PIN to take cash out.
    dialog = cash_dialog(screen, qtbot)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F6)
    assert dialog.cash_out.isChecked()
    qtbot.keyClicks(dialog.amount, "45")
    assert dialog.after_label.text() == "฿2,455.00"
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: the service says why, nothing is written
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.text() != "")
    assert dialog.error.text() == "โปรดระบุเหตุผลของการนำเงินเข้าหรือออก"
    type_text(qtbot, dialog.reason, "ซื้อน้ำดื่ม")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    manager_approves(qtbot, s)
    qtbot.waitUntil(lambda: screen.shift_bar.cash_dialog is None and screen.runner.pending() == 0)
    assert screen.message.text() == "นำเงินออก ฿45.00: ซื้อน้ำดื่ม"
    rows = s.terminal.read(lambda session: [(r.direction, r.amount_satang, r.reason, r.staff_id, r.approved_by)
                                            for r in session.scalars(select(CashMovement).order_by(CashMovement.at))])
    assert rows == [("in", 50_000, "แลกเหรียญจากธนาคาร", s.front_desk.staff_id, None),
                    ("out", 4_500, "ซื้อน้ำดื่ม", s.front_desk.staff_id, s.manager.staff_id)]

    # The close counts the drawer against the float and both movements.
    qtbot.waitUntil(lambda: screen.shift is not None and screen.shift.expected_satang == 245_500)
    qtbot.mouseClick(screen.shift_bar.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(screen.shift_dialog, CloseShiftDialog))
    closing = screen.shift_dialog
    assert isinstance(closing, CloseShiftDialog)
    assert closing.expected_label.text() == "฿2,455.00"
    assert closing.expected_caption.text() == "ควรมี (เงินทอนตั้งต้น + เงินสดที่รับ ± นำเงินเข้า/ออก)"
    closing.reject()


def test_more_cash_out_than_the_drawer_holds_is_refused_and_the_dialog_stays(screen, qtbot, staffed_copy,  # noqa: F811
                                                                             shop) -> None:  # noqa: F811
    s = staffed_copy
    open_shift(s, 100_000)
    screen.reload()
    settle(screen, qtbot)
    dialog = cash_dialog(screen, qtbot)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F6)
    qtbot.keyClicks(dialog.amount, "1500")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.reason, "ส่งเงินเข้าบัญชี")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.text() != "")
    assert dialog.error.text() == "ลิ้นชักควรมีเงินสดเพียง ฿1,000.00: นำออก ฿1,500.00 ไม่ได้"
    assert dialog.isVisible()
    # A wrong amount is caught in the dialog.
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "abc")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.amount.hasFocus() and "abc" in dialog.error.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.shift_bar.cash_dialog is None)
    assert s.terminal.read(lambda session: session.scalars(select(CashMovement)).all()) == []
