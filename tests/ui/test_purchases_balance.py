"""Paying a deposit's balance from the customer's Purchases page, with the keyboard: real widgets, runner and SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import balances, catalog, counter, shifts
from bnaura_desk.services import customers as customer_service
from tests.conftest import Staffed
from ui.bus import ChangeBus
from ui.counter.payment import PaymentDialog
from ui.counter.screen import CounterScreen
from ui.customers.screen import CustomerScreen
from ui.i18n import LanguageSwitcher
from ui.runner import DeskRunner
from ui.widgets.dates import format_date

from .test_counter import screen, shop  # noqa: F401 (fixtures)


@pytest.fixture
def desk(staffed_copy: Staffed, languages: LanguageSwitcher, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    runner.actor = staffed_copy.front_desk
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


def _dialog(page: QWidget, qtbot) -> PaymentDialog:
    # The window manager gives the keyboard back to the window, and then to the dialog it opens.
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    qtbot.keyClick(page.view, Qt.Key.Key_F12)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: (d := page.findChild(PaymentDialog)) is not None and d.isVisible())
    dialog = page.findChild(PaymentDialog)
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_an_overdue_balance_is_paid_in_two_installments_from_the_purchases_page(
        desk: DeskRunner, staffed_copy: Staffed, qtbot, languages: LanguageSwitcher) -> None:
    s = staffed_copy
    t = s.terminal
    facial = t.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", name_en="Clear skin",
                                                 price_satang=150_000, vat_exempt=True, duration_minutes=60),
                   actor=s.manager).result
    member = t.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                   actor=s.front_desk).result
    t.run(shifts.open_shift, 0, actor=s.front_desk)
    due = bangkok_date(t.clock()) + timedelta(days=3)
    sale = t.run(counter.checkout, counter.Order((counter.OrderLine(facial),), (Tender(PaymentMethod.CASH, 40_000),),
                                                 customer_id=member, balance_due_on=due), actor=s.front_desk).result
    s.clock.advance(days=5)  # she did not come back on the day
    languages.set_language("en", save=False)
    window = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    window.open_customer(member)
    qtbot.waitUntil(lambda: window.detail.customer_id == member)
    window.detail.pages.setCurrentWidget(window.purchases)
    page, model = window.purchases, window.purchases.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and page.pay_button.isEnabled())
    # ฿1,500 less Bronze's 5 % is ฿1,425; ฿400 paid leaves ฿1,025, due two days ago: in red.
    shown = model.index(0, model.DUE)
    assert shown.data() == f"฿1,025.00 overdue since {format_date(due)}"
    assert shown.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert page.pay_button.text() == "Pay balance… (F12)"

    # F12: the counter's payment dialog for what is owed. Ctrl+D pays part of it: ฿500 in cash, Enter.
    page.view.setFocus()
    dialog = _dialog(page, qtbot)
    assert (dialog.windowTitle(), dialog.due_label.text()) == ("Pay the balance", "฿1,025.00")
    assert not dialog.due_on.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert dialog.deposit.isChecked() and dialog.deposit.text() == "Pay part of the balance (Ctrl+D)"
    qtbot.keyClicks(dialog.received, "500")
    qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(0, model.DUE).data() == f"฿525.00 overdue since {format_date(due)}")
    qtbot.waitUntil(lambda: page.findChild(PaymentDialog) is None)  # closed and gone
    assert t.read(balances.outstanding, sale.sale_id).balance_satang == 52_500

    # The rest: F12 again. ฿100 alone is not the balance: the dialog asks for the rest, and Confirm says
    # how to pay part; Enter on the empty amount takes the ฿425 still to pay and confirms.
    page.view.setFocus()
    dialog = _dialog(page, qtbot)
    assert dialog.due_label.text() == "฿525.00"
    qtbot.keyClicks(dialog.received, "100")
    qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    assert "฿425.00 still to pay" in dialog.error.text()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert "tick Pay part of the balance" in dialog.error.text()
    assert t.read(balances.outstanding, sale.sale_id).balance_satang == 52_500  # nothing written
    qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(0, model.DUE).data() == "")
    assert not page.pay_button.isEnabled()
    assert t.read(balances.outstanding, sale.sale_id).balance_satang == 0
    # The drawer took both installments with the deposit.
    drawer = t.read(lambda session: shifts.cash_expected(session, shifts.open_shift_of(session, t.device().device_id)))
    assert drawer == 142_500


def test_the_pos_member_area_offers_the_members_balance_and_takes_it(
        screen: CounterScreen, shop: dict[str, str], staffed_copy: Staffed, qtbot,  # noqa: F811
        languages: LanguageSwitcher) -> None:
    s = staffed_copy
    t = s.terminal
    t.run(shifts.open_shift, 0, actor=s.front_desk)
    due = bangkok_date(t.clock()) + timedelta(days=10)
    # Gold's 10 % off the ฿3,500 facial: ฿3,150, ฿1,000 by transfer now.
    sale = t.run(counter.checkout, counter.Order((counter.OrderLine(shop["facial"]),),
                                                 (Tender(PaymentMethod.TRANSFER, 100_000, reference="KBANK 5"),),
                                                 customer_id=shop["member"], balance_due_on=due),
                 actor=s.front_desk).result
    languages.set_language("en", save=False)
    picker = screen.member_picker
    screen.attach_member(shop["member"])
    qtbot.waitUntil(lambda: picker.balance_button.isVisible())
    assert picker.balance_button.text() == f"Pay balance ฿2,150.00 (due {format_date(due)})…"
    # The button opens the payment dialog for it; Enter takes it all in cash, and the button goes.
    qtbot.mouseClick(picker.balance_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (d := picker.findChild(PaymentDialog)) is not None and d.isVisible())
    dialog = picker.findChild(PaymentDialog)
    assert dialog is not None and dialog.due_label.text() == "฿2,150.00"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.balance_button.isVisible())
    assert t.read(balances.outstanding, sale.sale_id).balance_satang == 0
    # The copy of the receipt, with both payments, is beside the database.
    qtbot.waitUntil(lambda: (t.path.parent / "receipts" / f"{sale.number}-copy.pdf").exists())
