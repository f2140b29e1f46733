"""A deposit's balance taken offline at two branches, over a real server (SQLite and PostgreSQL).

What a manager checks after the internet comes back: a balance paid at
another branch is that branch's money (its drawer, its shift) and the
sale's on every terminal; when two terminals both took the balance, both
payments stand everywhere and the Exceptions screen says the sale was
paid beyond its total, naming every payment; an installment within the
total raises nothing.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.dates import bangkok_date
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import balances, catalog, counter, shifts
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import Payment
from bnaura_desk.store.models import SyncExceptionRow as LocalException
from bnaura_desk.terminal import Terminal
from sync.server.models import SyncException

from .test_chain_branches import Chain, _sync, chain  # noqa: F401  (a fixture)
from .test_refunds_sync import _sync_with_exception

CASH, TRANSFER = PaymentMethod.CASH, PaymentMethod.TRANSFER


def _drawer(t: Terminal) -> int:
    return int(t.read(lambda s: shifts.cash_expected(s, shifts.open_shift_of(s, t.device().device_id))))


def _exceptions(chain: Chain) -> list[SyncException]:  # noqa: F811
    with chain.server.sessions() as s:
        return list(s.scalars(select(SyncException).where(SyncException.chain_id == chain.chain_id,
                                                          SyncException.kind == "paid_beyond_total")))


def test_a_balance_taken_twice_offline_at_two_branches_stands_and_a_manager_is_told(
        chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    member = siam.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                      actor=SYSTEM).result
    course = siam.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="เลเซอร์หน้าใส",
                                                    price_satang=1_000_000, vat_exempt=True, duration_minutes=30),
                      actor=SYSTEM).result
    for t in (siam, thonglor):
        t.run(shifts.open_shift, 100_000, actor=SYSTEM)
    due = bangkok_date(siam.clock()) + timedelta(days=30)
    sale = siam.run(counter.checkout, counter.Order((counter.OrderLine(course),),
                                                    (Tender(TRANSFER, 300_000, reference="KBANK 1"),),
                                                    customer_id=member, balance_due_on=due), actor=SYSTEM).result
    assert (sale.total_satang, sale.balance_satang) == (950_000, 650_000)  # Bronze 5 % off
    for t in (siam, thonglor):
        _sync(t)
    # The member pays an installment at Thonglor: its drawer, and the sale's balance everywhere.
    before = _drawer(thonglor)
    thonglor.run(balances.pay_balance, sale.sale_id, [Tender(CASH, 150_000)], actor=SYSTEM)
    assert _drawer(thonglor) == before + 150_000
    for t in (thonglor, siam):
        _sync(t)
    assert siam.read(balances.outstanding, sale.sale_id).balance_satang == 500_000
    assert _exceptions(chain) == []
    # The internet is down: each branch takes the rest of the balance (the member paid twice).
    at_siam = siam.run(balances.pay_balance, sale.sale_id, [Tender(TRANSFER, 500_000, reference="SCB 7")],
                       actor=SYSTEM).result
    at_thonglor = thonglor.run(balances.pay_balance, sale.sale_id, [Tender(CASH, 500_000, tendered_satang=500_000)],
                               actor=SYSTEM).result
    assert at_siam.balance_satang == at_thonglor.balance_satang == 0
    for t in (siam, thonglor, siam):
        _sync_with_exception(t)
    # Both payments stand everywhere: ฿5,000 more than the sale's ฿9,500.
    for t in (siam, thonglor):
        amounts = t.read(lambda s: sorted(s.scalars(select(Payment.amount_satang)
                                                    .where(Payment.sale_id == sale.sale_id))))
        assert amounts == [150_000, 300_000, 500_000, 500_000]
        assert t.read(balances.outstanding, sale.sale_id).balance_satang == 0
    [raised] = _exceptions(chain)
    detail = raised.detail
    assert raised.entity == "payment"
    assert (detail["number"], detail["total_satang"], detail["paid_satang"], detail["beyond_satang"]) == (
        sale.number, 950_000, 1_450_000, 500_000)
    named = [(p["method"], p["amount_satang"], p["branch_id"]) for p in detail["payments"]]
    assert named == [("transfer", 300_000, chain.branch_ids["siam"]), ("cash", 150_000, chain.branch_ids["thonglor"]),
                     ("transfer", 500_000, chain.branch_ids["siam"]), ("cash", 500_000, chain.branch_ids["thonglor"])]
    # The managers of the chain see it on their Exceptions screen.
    seen = siam.read(lambda s: [e.kind for e in s.scalars(select(LocalException))])
    assert "paid_beyond_total" in seen
