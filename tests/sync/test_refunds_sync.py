"""Refunds made offline on two terminals of the selling branch, over a real server (SQLite and PostgreSQL).

What a manager checks after the internet comes back: both refunds stand
(the money went back over the counter) on every terminal, and when they
gave back more than was paid for the sale, the Exceptions screen says so,
naming both; a refund within what was paid raises nothing; another
branch can neither refund the sale nor record a refund as the selling
branch's.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.refunds import ReturnLine
from bnaura_desk.services import catalog, counter, loyalty, refunds, shifts
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_state import sync_status, unsettled_problems
from bnaura_desk.store.models import Refund, SaleLine
from bnaura_desk.store.models import SyncExceptionRow as LocalException
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for, join_clinic
from sync.server import admin
from sync.server.models import Record, SyncException

from .conftest import now
from .test_chain_branches import Chain, _op, _sync, chain  # noqa: F401  (a fixture)

TRANSFER = PaymentMethod.TRANSFER


@pytest.fixture
def siam_2(chain: Chain, tmp_path: Path) -> Iterator[Terminal]:  # noqa: F811
    """A second terminal enrolled at the Siam branch (the counter's second till)."""
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


def _sold(chain: Chain, tills: tuple[Terminal, ...]) -> tuple[str, counter.SaleDone]:  # noqa: F811
    """Siam sells a member two facials in cash; every till pulls the sale. Return the member and the sale."""
    siam = chain.siam
    member = siam.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                      actor=SYSTEM).result
    facial = siam.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส",
                                                    price_satang=150_000, vat_exempt=True, duration_minutes=45),
                      actor=SYSTEM).result
    siam.run(shifts.open_shift, 100_000, actor=SYSTEM)
    lines = (counter.OrderLine(facial, quantity=2),)
    due = siam.read(counter.quote, counter.Order(lines, (), customer_id=member), siam.clock()).priced.total_satang
    sale = siam.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),), customer_id=member),
                    actor=SYSTEM).result
    for t in (siam, *tills):
        _sync(t)
    return member, sale


def _line(t: Terminal, sale: counter.SaleDone) -> str:
    """Return the id of the sale's one line, as terminal ``t`` holds it."""
    return str(t.read(lambda s: s.scalars(select(SaleLine.id).where(SaleLine.sale_id == sale.sale_id)).one()))


def _sync_with_exception(t: Terminal) -> None:
    """A sync round after which the terminal may show an open exception (its only "problem")."""
    with client_for(t) as client:
        sync_once(t, client)
    status = t.read(sync_status)
    assert status is not None and status.last_error == "" and status.pending == 0
    assert t.read(unsettled_problems) == []


def _exceptions(chain: Chain) -> list[SyncException]:  # noqa: F811
    with chain.server.sessions() as s:
        return list(s.scalars(select(SyncException).where(SyncException.chain_id == chain.chain_id,
                                                          SyncException.kind == "refund_beyond_paid")))


def test_two_tills_refunding_the_same_sale_offline_beyond_what_was_paid_both_stand_and_a_manager_is_told(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam = chain.siam
    member, sale = _sold(chain, (siam_2,))
    assert sale.total_satang == 285_000  # two facials, Bronze 5 % off
    # A refund within what was paid raises nothing.
    line = siam.read(lambda s: s.scalars(select(SaleLine.id).where(SaleLine.sale_id == sale.sale_id)).one())
    first = siam.run(refunds.refund_sale, sale.sale_id, [ReturnLine(line, 1)], TRANSFER, "ลูกค้าย้ายไปต่างประเทศ",
                     actor=SYSTEM).result
    _sync(siam)
    _sync(siam_2)
    assert _exceptions(chain) == []
    # The internet is down: each till gives back the rest of the sale (the second one's customer insists).
    second = siam.run(refunds.refund_sale, sale.sale_id, None, TRANSFER, "ยกเลิกคอร์สที่เหลือ", actor=SYSTEM).result
    third = siam_2.run(refunds.refund_sale, sale.sale_id, None, TRANSFER, "ยกเลิกคอร์สที่เหลือ", actor=SYSTEM).result
    assert first.amount_satang + second.amount_satang == third.amount_satang + first.amount_satang == 285_000
    for t in (siam, siam_2, siam):
        _sync_with_exception(t)
    # Both refunds stand everywhere: the money went back twice, ฿1,425 more than was paid.
    for t in (siam, siam_2):
        numbers = t.read(lambda s: sorted(s.scalars(select(Refund.number).where(Refund.sale_id == sale.sale_id))))
        assert numbers == sorted([first.number, second.number, third.number])
    [raised] = _exceptions(chain)
    detail = raised.detail
    assert (raised.entity, raised.entity_id) == ("refund", third.refund_id)
    assert (detail["paid_satang"], detail["refunded_satang"], detail["beyond_satang"]) == (285_000, 427_500, 142_500)
    assert [r["number"] for r in detail["refunds"]] == [first.number, second.number, third.number]
    assert detail["kept_by"]["entity_id"] == second.refund_id
    assert detail["refunded_again_by"]["entity_id"] == third.refund_id
    # The managers of the chain see it on their Exceptions screen.
    seen = siam.read(lambda s: [e.kind for e in s.scalars(select(LocalException))])
    assert "refund_beyond_paid" in seen
    # Each refund took back its share of the points: the sale's 285 twice over for the second half.
    points = siam.read(loyalty.points_summary, member, siam.clock())
    assert points.statement.spent == first.points_taken + second.points_taken + third.points_taken
    assert first.points_taken + second.points_taken == sale.points_earned


def test_another_branch_can_neither_refund_the_sale_nor_claim_to_be_the_selling_branch(
        chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    _, sale = _sold(chain, (thonglor,))
    # Thonglor sees the sale in the member's history, but refunding it is Siam's business.
    with pytest.raises(BadInput) as refused:
        thonglor.run(refunds.refund_sale, sale.sale_id, None, TRANSFER, "ลูกค้ามาคืนที่ทองหล่อ", actor=SYSTEM)
    assert "only at the branch that sold it" in refused.value.render(lambda _c, text: text)
    with client_for(thonglor) as client:
        seq = client.push(thonglor.device().device_id, []).next_seq
        forged = [_op(thonglor, seq, "refund.record", "refund", str(uuid.uuid4()), {"record": {
            "sale_id": sale.sale_id, "branch_id": chain.branch_ids["siam"], "number": "C00000-AAAA-000001",
            "seq": 1, "kind": "refund", "lines": [{"line_id": _line(thonglor, sale), "quantity": 1, "amount_satang": 100}],
            "amount_satang": 100, "method": "cash", "reason": "ปลอม",
            "at": "2026-12-07T10:00:00+07:00"}})]
        results = client.push(thonglor.device().device_id, forged).results
    assert [(r.outcome, r.reason) for r in results] == [("rejected", "foreign_record")]
    with chain.server.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(
            Record.chain_id == chain.chain_id, Record.entity == "refund")) == 0
    assert siam.read(lambda s: s.scalar(select(func.count()).select_from(Refund))) == 0


def test_a_refund_whose_lines_are_not_its_sales_or_do_not_add_up_is_refused_and_the_tills_sync_on(
        chain: Chain, siam_2: Terminal) -> None:  # noqa: F811
    siam = chain.siam
    _, sale = _sold(chain, ())
    other = siam.run(counter.checkout, counter.Order((counter.OrderLine(siam.read(lambda s: s.scalars(
        select(SaleLine.item_id).where(SaleLine.sale_id == sale.sale_id)).one())),),
        (Tender(PaymentMethod.CASH, 150_000),)), actor=SYSTEM).result
    _sync(siam)
    line, foreign = _line(siam, sale), _line(siam, other)

    def refund(lines: object, amount: int = 100) -> dict[str, object]:
        return {"record": {
            "sale_id": sale.sale_id, "branch_id": chain.branch_ids["siam"], "number": "C00000-AAAA-000009",
            "seq": 9, "kind": "refund", "lines": lines, "amount_satang": amount, "method": "cash",
            "reason": "ทดสอบ", "at": "2026-12-07T10:00:00+07:00"}}

    bad = {
        "no lines": refund([]),
        "a line as text": refund(["line"]),
        "a key the declaration lacks": refund([{"line_id": line, "quantity": 1, "amount_satang": 100, "x": 1}]),
        "a negative quantity": refund([{"line_id": line, "quantity": -1, "amount_satang": 100}]),
        "not adding up": refund([{"line_id": line, "quantity": 1, "amount_satang": 99}]),
        "one line twice": refund([{"line_id": line, "quantity": 1, "amount_satang": 50}] * 2),
        "another sale's line": refund([{"line_id": foreign, "quantity": 1, "amount_satang": 100}]),
        "more pieces than sold": refund([{"line_id": line, "quantity": 3, "amount_satang": 100}]),
    }
    # A second till of the selling branch, hostile or buggy, pushes each by hand.
    with client_for(siam_2) as client:
        seq = client.push(siam_2.device().device_id, []).next_seq
        forged = [_op(siam_2, seq + n, "refund.record", "refund", str(uuid.uuid4()), body)
                  for n, body in enumerate(bad.values())]
        results = client.push(siam_2.device().device_id, forged).results
    assert [r.outcome for r in results] == ["rejected"] * len(bad), dict(zip(bad, results, strict=True))
    with chain.server.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(
            Record.chain_id == chain.chain_id, Record.entity == "refund")) == 0
    # The first till's refund syncs as ever.
    done = siam.run(refunds.refund_sale, sale.sale_id, None, TRANSFER, "ยกเลิก", actor=SYSTEM).result
    with client_for(siam) as client:
        sync_once(siam, client)
    status = siam.read(sync_status)
    assert status is not None and status.pending == 0 and status.last_error == ""
    # Each refusal is on the managers' Exceptions screen, with the till that sent it.
    refused = siam.read(lambda s: [(e.kind, e.device_id) for e in s.scalars(select(LocalException))])
    assert refused == [("rejected_operation", siam_2.device().device_id)] * len(bad)
    with chain.server.sessions() as s:
        assert s.scalars(select(Record.id).where(
            Record.chain_id == chain.chain_id, Record.entity == "refund")).all() == [done.refund_id]
