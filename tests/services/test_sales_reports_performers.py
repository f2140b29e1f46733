"""The treatments performed on the X and Z reports: what the manager pays the beauticians by."""

from __future__ import annotations

from datetime import timedelta

from bnaura_desk.documents.sales_report import PerformerLine, sales_report_pdf
from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import branches, catalog, counter, customers, journeys, refunds, shifts, tasks
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.services.sales_reports import x_report, z_report
from tests.conftest import Staffed
from tests.documents.pdf_probe import pdf_text, squashed
from tests.task_setup import book_appointment


def _treat(s: Staffed, item: str, phone: str, beautician: Actor) -> str:
    """Sell ``item`` paid in cash to a new customer, and have ``beautician`` perform it; return the sale's id."""
    member = str(s.terminal.run(customers.register_customer, CustomerForm(name_th=f"ลูกค้า {phone}", phone=phone),
                                actor=s.front_desk).result)
    lines = (counter.OrderLine(item),)
    due = s.terminal.read(counter.quote, counter.Order(lines, (), customer_id=member), s.clock()).priced.total_satang
    sale = str(s.terminal.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),),
                                                              customer_id=member), actor=s.front_desk).result.sale_id)
    journey = str(s.terminal.run(journeys.open_journey, member, item_id=item, actor=s.sales).result)
    appointment = book_appointment(s.terminal, s.manager, member, item, str(beautician.staff_id))
    for stage, kw in ((Stage.SCANNED, {}), (Stage.PROPOSAL_SENT, {}), (Stage.PAYMENT_CONFIRMED, {"sale_id": sale}),
                      (Stage.TREATMENT_SCHEDULED, {"appointment_id": appointment,
                                                   "beautician_id": beautician.staff_id})):
        s.terminal.run(journeys.move_journey, journey, stage, actor=s.sales, **kw)
    [task] = [t for t in s.terminal.read(tasks.my_tasks, str(beautician.staff_id), beautician.role, s.clock())
              if t.journey_id == journey]
    s.terminal.run(tasks.start_task, task.id, actor=beautician)
    s.clock.advance(minutes=60)
    s.terminal.run(tasks.complete_task, task.id, actor=beautician)
    return sale


def test_the_z_and_x_reports_list_each_beautician_with_the_lines_performed_and_their_net(staffed: Staffed) -> None:
    s = staffed
    s.terminal.run(branches.update_branch, tax_id="0105561234567", actor=s.owner)
    s.terminal.run(shifts.open_shift, 200_000, actor=s.front_desk)
    facial = str(s.terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", price_satang=150_000, vat_exempt=True,
        duration_minutes=60), actor=s.manager).result)
    laser = str(s.terminal.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th="เลเซอร์หน้าใส", price_satang=320_000, vat_exempt=True,
        duration_minutes=45), actor=s.manager).result)
    prae = Actor(str(s.terminal.run(staff_service.create_staff, "น้องแพร", Role.BEAUTICIAN, "8642",
                                    actor=SYSTEM).result), "น้องแพร", Role.BEAUTICIAN)
    # Each customer is a Bronze member (5 % off): a line's net is ฿3,040 (laser) or ฿1,425 (facial).
    # พี่นิด performs two facials, น้องแพร one laser; a sale nobody performed yet is not on the section.
    _treat(s, facial, "0810000001", s.beautician)
    _treat(s, laser, "0810000002", prae)
    second = _treat(s, facial, "0810000003", s.beautician)
    s.terminal.run(counter.checkout, counter.Order((counter.OrderLine(facial),),
                                                   (Tender(PaymentMethod.CASH, 150_000),)), actor=s.front_desk)

    x = s.terminal.read(x_report, s.clock())
    assert x.performed == (PerformerLine("น้องแพร", 1, 304_000), PerformerLine("พี่นิด", 2, 285_000))
    assert x.performed_refunded == 0

    # The second facial is refunded afterwards: still counted as sold, and the footnote says so.
    s.terminal.run(refunds.refund_sale, second, None, PaymentMethod.CASH, "แพ้", actor=s.manager)
    s.terminal.run(shifts.close_shift, {100_000: 8}, actor=s.front_desk)
    today = bangkok_date(s.clock())
    z = s.terminal.read(z_report, today, s.clock())
    assert z.performed == (PerformerLine("น้องแพร", 1, 304_000), PerformerLine("พี่นิด", 2, 285_000))
    assert z.performed_refunded == 1
    text = squashed(pdf_text(sales_report_pdf(z)))
    for seen in ("Treatmentsperformed(branch)", "น้องแพร(1)3,040.00", "พี่นิด(2)2,850.00", "Total(3)5,890.00",
                 "Netassold,beforerefunds", "1oftheselineswerevoidedorrefunded"):
        assert seen in text, seen

    # The day before, nothing was performed: the section says none.
    empty = s.terminal.read(z_report, today - timedelta(days=1), s.clock())
    assert (empty.performed, empty.performed_refunded) == ((), 0)
    empty_text = squashed(pdf_text(sales_report_pdf(empty)))
    assert "Treatmentsperformed(branch)" in empty_text and "Noneperformedinthisperiod" in empty_text
