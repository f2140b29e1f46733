"""The Purchases page names who performed a treatment once the beautician completes its task (real runner, SQLite)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import catalog, counter, journeys, shifts, tasks
from bnaura_desk.services import customers as customer_service
from bnaura_desk.store.models import Staff, Task
from tests.conftest import Staffed
from tests.task_setup import book_appointment
from ui.bus import ChangeBus
from ui.customers.purchases import PurchasesModel
from ui.customers.screen import CustomerScreen
from ui.i18n import LanguageSwitcher
from ui.runner import DeskRunner


@pytest.fixture
def desk(staffed_copy: Staffed, languages: LanguageSwitcher, qtbot) -> Iterator[DeskRunner]:
    runner = DeskRunner(staffed_copy.terminal, ChangeBus())
    runner.actor = staffed_copy.beautician
    yield runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=20_000)
    runner.shutdown()


def test_the_purchase_shows_the_beautician_who_performed_the_treatment(
        desk: DeskRunner, staffed_copy: Staffed, qtbot) -> None:
    s = staffed_copy
    t = s.terminal
    facial = t.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", name_en="Clear skin",
                                                 price_satang=150_000, vat_exempt=True, duration_minutes=60),
                   actor=s.manager).result
    member = t.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                   actor=s.front_desk).result
    t.run(shifts.open_shift, 0, actor=s.front_desk)
    lines = (counter.OrderLine(facial),)
    due = t.read(counter.quote, counter.Order(lines, (), customer_id=member), t.clock()).priced.total_satang
    sale = t.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),), customer_id=member),
                 actor=s.front_desk).result.sale_id
    journey = t.run(journeys.open_journey, member, item_id=facial, actor=s.sales).result
    booked = book_appointment(t, s.manager, member, facial, str(s.beautician.staff_id))
    for stage, kw in ((Stage.SCANNED, {}), (Stage.PROPOSAL_SENT, {}), (Stage.PAYMENT_CONFIRMED, {"sale_id": sale}),
                      (Stage.TREATMENT_SCHEDULED, {"appointment_id": booked,
                                                   "beautician_id": s.beautician.staff_id})):
        t.run(journeys.move_journey, journey, stage, actor=s.sales, **kw)
    task = t.read(lambda session: session.scalars(select(Task.id).where(Task.rule == "perform_treatment")).one())
    t.run(tasks.start_task, task, actor=s.beautician)

    screen = CustomerScreen(desk, desk.bus)
    qtbot.addWidget(screen)
    screen.resize(1280, 760)
    screen.show()
    screen.open_customer(member)
    qtbot.waitUntil(lambda: screen.detail.customer_id == member)
    screen.detail.pages.setCurrentWidget(screen.purchases)
    model = screen.purchases.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, PurchasesModel.ITEMS).data() == "ทรีตเมนต์หน้าใส"
    # The beautician completes the treatment on this terminal: the page follows (the change bus).
    desk.run(tasks.complete_task, task)
    name = t.read(lambda session: session.get(Staff, s.beautician.staff_id).display_name)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: model.index(0, PurchasesModel.ITEMS).data() == f"ทรีตเมนต์หน้าใส (ทำโดย {name})",
                    timeout=10_000)
