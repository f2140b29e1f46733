"""Who performed a sale's line, recorded at one terminal and seen at the branch's others, over a real server.

What a manager checks after a treatment: the purchase on the customer's
page names the beautician who performed it, on every terminal of the
branch; a later correction of the performer wins on all of them (one
record per line, last writer wins); another branch neither sees it nor may
write it, and a record whose id is not its line's is refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.journeys import Stage
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import catalog, counter, journeys, sales_history, shifts, staff, tasks
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.services.line_performance import line_performance_id
from bnaura_desk.store.models import LinePerformance, SaleLine, Task
from bnaura_desk.terminal import Terminal
from sync.client.enroll import client_for, join_clinic
from sync.server import admin
from sync.server.models import Record
from tests.task_setup import book_appointment

from .conftest import now
from .test_chain_branches import Chain, _op, _sync, chain  # noqa: F401  (a fixture)


@pytest.fixture
def siam_2(chain: Chain, tmp_path: Path) -> Iterator[Terminal]:  # noqa: F811
    """A second terminal enrolled at the Siam branch (the treatment room's PC)."""
    with chain.server.sessions() as s:
        code = admin.new_enrollment_code(s, chain.branch_ids["siam"], now())[1].code
        s.commit()
    path = tmp_path / "siam-2.sqlite"
    join_clinic(path, chain.server.base_url, code, "POS siam 2")
    t = Terminal.open(path)
    try:
        yield t
    finally:
        t.close()


def _treated(chain: Chain) -> tuple[str, str, str, str, str]:  # noqa: F811
    """Siam sells a member a facial, her journey reaches the treatment, and beautician Ploy performs it.

    Returns the member, the sale, its line, Ploy's id and a second beautician's id.
    """
    siam = chain.siam
    member = str(siam.run(customer_service.register_customer,
                          CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"), actor=SYSTEM).result)
    facial = str(siam.run(catalog.create_item, ItemForm(
        kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส", price_satang=150_000, vat_exempt=True,
        duration_minutes=45, protocol_steps=("ล้างหน้า",)), actor=SYSTEM).result)
    ploy, mint = (str(siam.run(staff.create_staff, name, Role.BEAUTICIAN, pin, actor=SYSTEM).result)
                  for name, pin in (("น้องพลอย", "7140"), ("น้องมิ้นท์", "7251")))
    siam.run(shifts.open_shift, 100_000, actor=SYSTEM)
    lines = (counter.OrderLine(facial),)
    due = siam.read(counter.quote, counter.Order(lines, (), customer_id=member), siam.clock()).priced.total_satang
    sale = str(siam.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),),
                                                        customer_id=member), actor=SYSTEM).result.sale_id)
    journey = str(siam.run(journeys.open_journey, member, item_id=facial, actor=SYSTEM).result)
    booked = book_appointment(siam, SYSTEM, member, facial, ploy)
    for stage, kw in ((Stage.SCANNED, {}), (Stage.PROPOSAL_SENT, {}), (Stage.PAYMENT_CONFIRMED, {"sale_id": sale}),
                      (Stage.TREATMENT_SCHEDULED, {"appointment_id": booked, "beautician_id": ploy})):
        siam.run(journeys.move_journey, journey, stage, actor=SYSTEM, **kw)
    task = siam.read(lambda s: s.scalars(select(Task.id).where(Task.rule == "perform_treatment")).one())
    her = Actor(ploy, "น้องพลอย", Role.BEAUTICIAN)
    siam.run(tasks.start_task, task, actor=her)
    siam.run(tasks.complete_task, task, actor=her)
    line = siam.read(lambda s: s.scalars(select(SaleLine.id).where(SaleLine.sale_id == sale)).one())
    return member, sale, line, ploy, mint


def _performer(t: Terminal, member: str, sale: str) -> tuple[str, ...]:
    return next(p.performed_by for p in t.read(sales_history.customer_purchases, member) if p.sale_id == sale)


def test_the_performer_recorded_at_one_terminal_shows_at_the_branchs_others_and_the_later_record_wins(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    member, sale, line, ploy, mint = _treated(chain)
    for t in (siam, siam_2, thonglor):
        _sync(t)
    # The treatment room's PC shows the purchase performed by Ploy; the server holds one record for the line.
    assert _performer(siam_2, member, sale) == ("น้องพลอย",)
    with chain.server.sessions() as s:
        [record] = list(s.scalars(select(Record).where(Record.chain_id == chain.chain_id,
                                                       Record.entity == "line_performance")))
    assert (record.id, record.data["staff_id"], record.data["sale_line_id"]) == (line_performance_id(line), ploy, line)
    # Thonglor has the sale (sales are the chain's) but not who performed it at Siam.
    assert _performer(thonglor, member, sale) == ("",)
    assert thonglor.read(lambda s: s.scalar(select(func.count()).select_from(LinePerformance))) == 0

    # A later record of the same line (it was Mint who did it) wins on every terminal of the branch.
    with client_for(siam_2) as client:
        seq = client.push(siam_2.device().device_id, []).next_seq
        results = client.push(siam_2.device().device_id, [
            _op(siam_2, seq, "line_performance.record", "line_performance", line_performance_id(line), {"fields": {
                "branch_id": chain.branch_ids["siam"], "sale_id": sale, "sale_line_id": line, "staff_id": mint,
                "task_id": None, "performed_at": now().isoformat()}}),
        ]).results
    assert [r.outcome for r in results] == ["applied"], results
    for t in (siam, siam_2):
        _sync(t)
        assert _performer(t, member, sale) == ("น้องมิ้นท์",)
        assert t.read(lambda s: s.scalar(select(func.count()).select_from(LinePerformance))) == 1


def test_another_branch_or_a_record_not_keyed_by_its_line_is_refused(chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    member, sale, line, ploy, _ = _treated(chain)
    _sync(siam)
    _sync(thonglor)
    fields = {"branch_id": chain.branch_ids["siam"], "sale_id": sale, "sale_line_id": line, "staff_id": ploy,
              "task_id": None, "performed_at": now().isoformat()}
    with client_for(thonglor) as client:
        seq = client.push(thonglor.device().device_id, []).next_seq
        results = client.push(thonglor.device().device_id, [
            # Thonglor writing Siam's record; then one of its own branch under an id that is not the line's.
            _op(thonglor, seq, "line_performance.record", "line_performance", line_performance_id(line),
                {"fields": fields}),
            _op(thonglor, seq + 1, "line_performance.record", "line_performance", str(uuid.uuid4()),
                {"fields": {**fields, "branch_id": chain.branch_ids["thonglor"]}}),
        ]).results
    assert [r.outcome for r in results] == ["rejected", "rejected"], results
    assert [r.reason for r in results] == ["foreign_record", "malformed_operation"]
    with chain.server.sessions() as s:
        [record] = list(s.scalars(select(Record).where(Record.chain_id == chain.chain_id,
                                                       Record.entity == "line_performance")))
    assert record.data["staff_id"] == ploy
    _sync(siam)
    assert _performer(siam, member, sale) == ("น้องพลอย",)
