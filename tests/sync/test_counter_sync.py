"""Sales made offline at two branches, over a real server (SQLite and PostgreSQL).

What a manager checks after the internet comes back: every sale of the
chain shows in the member's history at both branches, each with its own
branch's receipt number; the member earned the points of both; each
branch's shift and cash stay its own; a terminal cannot record a sale as
another branch's.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import catalog, counter, loyalty, shifts
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import AchievementUnlock, Payment, Sale, SaleLine, Shift
from bnaura_desk.terminal import Terminal
from sync.client.enroll import client_for
from sync.server.models import Record

from .test_chain_branches import Chain, _op, _sync, chain  # noqa: F401  (a fixture)


def _sell(t: Terminal, lines: tuple[counter.OrderLine, ...], member: str) -> counter.SaleDone:
    due = t.read(counter.quote, counter.Order(lines, (), customer_id=member), t.clock()).priced.total_satang
    return t.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),), customer_id=member),
                 actor=SYSTEM).result


def _count(t: Terminal, model: type) -> int:
    return int(t.read(lambda s: s.scalar(select(func.count()).select_from(model))))


def test_sales_made_offline_at_two_branches_show_everywhere_with_their_own_numbers(chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    member = siam.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                      actor=SYSTEM).result
    facial = siam.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส",
                                                    price_satang=150_000, vat_exempt=True, duration_minutes=45),
                      actor=SYSTEM).result
    for t in (siam, thonglor):
        _sync(t)
        t.run(shifts.open_shift, 100_000, actor=SYSTEM)
    # The internet is down: she buys a facial at Siam in the morning and another at Thonglor after lunch.
    morning = _sell(siam, (counter.OrderLine(facial),), member)
    afternoon = _sell(thonglor, (counter.OrderLine(facial, quantity=2),), member)
    assert morning.number.startswith("R00000-") and afternoon.number.startswith("R00001-")
    for t in (siam, thonglor, siam):
        _sync(t)

    # Both sales, their lines and payments are on both terminals: her history is the chain's.
    for t in (siam, thonglor):
        numbers = t.read(lambda s: sorted(s.scalars(select(Sale.number).where(Sale.customer_id == member))))
        assert numbers == sorted([morning.number, afternoon.number])
        assert (_count(t, SaleLine), _count(t, Payment)) == (2, 2)
        # Her welcome 100, the points of both visits (Bronze pays 95 %: ฿1,425 and ฿2,850, 1 point per ฿10)
        # and First Purchase once, though both branches unlocked it offline.
        assert t.read(loyalty.points_summary, member, t.clock()).balance == 100 + 142 + 285 + 100
        assert t.read(lambda s: [u.achievement for u in s.scalars(select(AchievementUnlock))]) == ["first_purchase"]
    # Each branch's drawer is its own business.
    assert siam.read(lambda s: [r.branch_id for r in s.scalars(select(Shift))]) == [chain.branch_ids["siam"]]
    assert thonglor.read(lambda s: [r.branch_id for r in s.scalars(select(Shift))]) == [chain.branch_ids["thonglor"]]
    with chain.server.sessions() as s:
        sale = s.get(Record, (chain.chain_id, "sale", afternoon.sale_id))
        assert sale is not None and sale.data["branch_id"] == chain.branch_ids["thonglor"] and sale.branch_id is None


def test_a_terminal_cannot_record_a_sale_as_another_branchs(chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    _sync(siam)
    _sync(thonglor)
    with client_for(thonglor) as client:
        seq = client.push(thonglor.device().device_id, []).next_seq
        forged = [_op(thonglor, seq, "sale.record", "sale", str(uuid.uuid4()), {"record": {
            "branch_id": chain.branch_ids["siam"], "number": "R00000-AAAA-000001", "seq": 1,
            "at": "2026-12-07T10:00:00+07:00", "subtotal_satang": 100, "total_satang": 100}})]
        results = client.push(thonglor.device().device_id, forged).results
    assert [(r.outcome, r.reason) for r in results] == [("rejected", "foreign_record")]
    with chain.server.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(
            Record.chain_id == chain.chain_id, Record.entity == "sale")) == 0
