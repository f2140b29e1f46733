"""The Purchases page of the customer screen: real widgets, a real runner, a real SQLite terminal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import catalog, counter, shifts
from bnaura_desk.services import customers as customer_service
from tests.conftest import Staffed
from ui.bus import ChangeBus
from ui.customers.screen import CustomerScreen
from ui.i18n import LanguageSwitcher
from ui.runner import DeskRunner
from ui.widgets.dates import format_date


@pytest.fixture
def desk(staffed_copy: Staffed, languages: LanguageSwitcher, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    runner.actor = staffed_copy.front_desk
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


def test_a_members_purchases_show_with_branch_receipt_items_and_what_is_still_due(
        desk: DeskRunner, staffed_copy: Staffed, qtbot, qtmodeltester, languages: LanguageSwitcher) -> None:
    s = staffed_copy
    t = s.terminal
    facial = t.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", name_en="Clear skin",
                                                 price_satang=150_000, vat_exempt=True, duration_minutes=60),
                   actor=s.manager).result
    serum = t.run(catalog.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่ม", name_en="Serum",
                                                price_satang=50_000, sku="S-9"), actor=s.manager).result
    member = t.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                   actor=s.front_desk).result
    t.run(shifts.open_shift, 0, actor=s.front_desk)
    first = t.run(counter.checkout, counter.Order((counter.OrderLine(serum, quantity=2),),
                                                  (Tender(PaymentMethod.CASH, 95_000),), customer_id=member),
                  actor=s.front_desk).result
    screen = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(screen)
    screen.resize(1280, 760)
    screen.show()
    screen.open_customer(member)
    qtbot.waitUntil(lambda: screen.detail.customer_id == member)
    screen.detail.pages.setCurrentWidget(screen.purchases)
    model = screen.purchases.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    # Two serums at Bronze's 5 % off, paid in full at this branch.
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:] == [t.branch().name_th, first.number, "เซรั่ม ×2", "฿950.00", ""]
    qtmodeltester.check(model)

    # A deposit made at the counter (the runner announces it): the page reads again and shows what is due.
    due = bangkok_date(t.clock()) + timedelta(days=14)
    desk.run(counter.checkout, counter.Order((counter.OrderLine(facial),), (Tender(PaymentMethod.CASH, 40_000),),
                                             customer_id=member, balance_due_on=due))
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert model.index(0, model.ITEMS).data() == "ทรีตเมนต์หน้าใส"
    # ฿1,500 less 5 % is ฿1,425; ฿400 paid now leaves ฿1,025 due in two weeks.
    assert model.index(0, model.DUE).data() == f"฿1,025.00 ภายใน {format_date(due)}"
    languages.set_language("en", save=False)
    assert model.index(0, model.ITEMS).data() == "Clear skin"
    assert model.index(0, model.DUE).data() == f"฿1,025.00 by {format_date(due)}"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Date", "Branch", "Receipt", "Items", "Total", "Still to pay"]
