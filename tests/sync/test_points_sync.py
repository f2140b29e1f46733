"""Members' points across two branches working offline, over a real server (SQLite and PostgreSQL).

What a manager checks after the internet comes back: points spent twice
offline both stand, the balance shows negative on every terminal and the
server raised an exception naming the member; two terminals expiring the
same lot made one expiry; points given to a customer someone deleted
meanwhile stand and the exception says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.loyalty_program import BANGKOK, DEFAULT_PROGRAM
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import loyalty
from bnaura_desk.services import settings as settings_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.referral_links import referral_id
from bnaura_desk.services.sync_state import sync_status
from bnaura_desk.store.models import PointsEntry, PointsExpiry
from bnaura_desk.store.models import SyncExceptionRow as LocalException
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for
from sync.server.models import Record, SyncException

from .conftest import now
from .test_chain_branches import Chain, _op, chain  # noqa: F401  (a fixture)


def _sync(t: Terminal) -> None:
    """Sync ``t`` once; the round itself must go through (exceptions are what these tests expect)."""
    with client_for(t) as client:
        sync_once(t, client)
    status = t.read(sync_status)
    assert status is not None and status.last_error == ""


def _balance(t: Terminal, member: str) -> int:
    return int(t.read(loyalty.points_summary, member, t.clock()).balance)


def _exceptions(c: Chain, kind: str) -> list[SyncException]:
    with c.server.sessions() as s:
        return list(s.scalars(select(SyncException).where(SyncException.chain_id == c.chain_id,
                                                          SyncException.kind == kind)))


def _local_kinds(t: Terminal) -> list[str]:
    return sorted(t.read(lambda s: list(s.scalars(select(LocalException.kind)))))


def _member(c: Chain, points: int) -> str:
    member = c.siam.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                        actor=SYSTEM).result
    c.siam.run(loyalty.adjust_points, member, points, "ย้ายแต้มจากระบบเดิม", actor=SYSTEM)
    for t in (c.siam, c.thonglor):
        _sync(t)
    return str(member)


def _back(t: Terminal, days: int) -> Callable[[], None]:
    """Set ``t``'s clock ``days`` back; return what puts it right."""
    clock = t.clock
    t.clock = lambda: clock() - timedelta(days=days)

    def restore() -> None:
        t.clock = clock
    return restore


def test_points_spent_twice_offline_both_stand_and_the_manager_is_told(chain: Chain) -> None:  # noqa: F811  (the fixture)
    member = _member(chain, 500)
    before = len(_exceptions(chain, "below_floor"))
    # Both branches lose the internet; each takes 400 of the member's 600 points (500 and her welcome 100).
    chain.siam.run(loyalty.adjust_points, member, -400, "แลกของรางวัลที่สยาม", actor=SYSTEM)
    chain.thonglor.run(loyalty.adjust_points, member, -400, "แลกของรางวัลที่ทองหล่อ", actor=SYSTEM)
    assert _balance(chain.siam, member) == 200 == _balance(chain.thonglor, member)
    for t in (chain.siam, chain.thonglor, chain.siam):
        _sync(t)

    # Both spends stand: every terminal shows the same negative balance.
    assert _balance(chain.siam, member) == -200 == _balance(chain.thonglor, member)
    raised = _exceptions(chain, "below_floor")
    assert len(raised) == before + 1
    detail: dict[str, Any] = raised[-1].detail
    assert detail["customer_id"] == member and detail["balance"] == -200 and detail["balance_before"] == 200
    assert raised[-1].device_id == chain.thonglor.device().device_id  # the second spend to arrive
    for t in (chain.siam, chain.thonglor):
        assert "below_floor" in _local_kinds(t)


def test_a_spend_after_an_expiry_is_judged_on_the_points_still_valid(chain: Chain) -> None:  # noqa: F811  (the fixture)
    # 500 points carried over 13 months ago (expired since), 100 earned today: the member has 100.
    restore = _back(chain.siam, 400)
    try:
        member = chain.siam.run(customer_service.register_customer,
                                CustomerForm(name_th="มาลี ศรีสุข", phone="0822222222"), actor=SYSTEM).result
        chain.siam.run(loyalty.adjust_points, member, 500, "แต้มปีที่แล้ว", actor=SYSTEM)
    finally:
        restore()
    chain.siam.run(loyalty.adjust_points, member, 100, "แต้มวันนี้", actor=SYSTEM)
    for t in (chain.siam, chain.thonglor):
        _sync(t)
    assert _balance(chain.thonglor, member) == 100
    # Offline, each branch spends the 100 (nobody ran the expiry job yet): a
    # sum of earns less spends (600 - 200) would not notice.
    chain.siam.run(loyalty.adjust_points, member, -100, "ใช้แต้มที่สยาม", actor=SYSTEM)
    chain.thonglor.run(loyalty.adjust_points, member, -100, "ใช้แต้มที่ทองหล่อ", actor=SYSTEM)
    for t in (chain.siam, chain.thonglor, chain.siam):
        _sync(t)
    assert _balance(chain.siam, member) == -100 == _balance(chain.thonglor, member)
    assert any(e.detail["customer_id"] == member and e.detail["balance"] == -100
               for e in _exceptions(chain, "below_floor"))


def test_two_branches_expiring_the_same_lot_offline_make_one_expiry(chain: Chain) -> None:  # noqa: F811  (the fixture)
    restore = _back(chain.siam, 400)
    try:
        member = chain.siam.run(customer_service.register_customer,
                                CustomerForm(name_th="วันดี มีสุข", phone="0833333333"), actor=SYSTEM).result
        lot = chain.siam.run(loyalty.adjust_points, member, 80, "แต้มปีที่แล้ว", actor=SYSTEM).result
    finally:
        restore()
    chain.siam.run(loyalty.adjust_points, member, 30, "แต้มวันนี้", actor=SYSTEM)
    for t in (chain.siam, chain.thonglor):
        _sync(t)
    assert chain.siam.run(loyalty.expire_points, actor=SYSTEM).result >= 1
    assert chain.thonglor.run(loyalty.expire_points, actor=SYSTEM).result >= 1
    for t in (chain.siam, chain.thonglor, chain.siam):
        _sync(t)

    expiry = loyalty.expiry_id(lot)
    with chain.server.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(
            Record.entity == "points_expiry", Record.id == expiry)) == 1
    for t in (chain.siam, chain.thonglor):
        assert t.read(lambda s: s.scalar(select(func.count()).select_from(PointsExpiry).where(
            PointsExpiry.lot_id == lot))) == 1
        assert _balance(t, member) == 30
    # Neither expiry was counted as a spend below zero.
    assert not any(e.detail.get("customer_id") == member for e in _exceptions(chain, "below_floor"))


def test_points_for_a_customer_deleted_meanwhile_stand_and_the_exception_says_so(chain: Chain) -> None:  # noqa: F811  (the fixture)
    member = _member(chain, 200)
    chain.siam.run(customer_service.delete_customer, member, actor=SYSTEM)
    # Thonglor, offline, has not heard: it gives her 50 points.
    chain.thonglor.run(loyalty.adjust_points, member, 50, "ชดเชยรอคิว", actor=SYSTEM)
    for t in (chain.siam, chain.thonglor, chain.siam):
        _sync(t)
    raised = [e for e in _exceptions(chain, "points_for_deleted_customer") if e.detail["customer_id"] == member]
    assert len(raised) == 1 and raised[0].detail["points"] == 50
    for t in (chain.siam, chain.thonglor):
        assert _balance(t, member) == 350  # the points stand on every terminal (200, her welcome 100, 50)
        assert "points_for_deleted_customer" in _local_kinds(t)




def _entries(t: Terminal, member: str, source: str) -> int:
    return int(t.read(lambda s: s.scalar(select(func.count()).select_from(PointsEntry).where(
        PointsEntry.customer_id == member, PointsEntry.source == source))))


def test_the_same_days_check_in_and_birthday_points_given_at_two_branches_offline_count_once(
    chain: Chain,  # noqa: F811  (the fixture)
) -> None:
    month = chain.siam.clock().astimezone(BANGKOK).month
    member = chain.siam.run(customer_service.register_customer, CustomerForm(
        name_th="สมหญิง ใจดี", phone="0812345678", birthday=date(1990, month, 1)), actor=SYSTEM).result
    for t in (chain.siam, chain.thonglor):
        _sync(t)
    # Offline, she checks in at both branches the same day, and both run the birthday job.
    for t in (chain.siam, chain.thonglor):
        t.run(customer_service.check_in, member, actor=SYSTEM)
        assert t.run(loyalty.award_birthdays, actor=SYSTEM).result == 1
    for t in (chain.siam, chain.thonglor, chain.siam):
        _sync(t)
    for t in (chain.siam, chain.thonglor):
        assert _entries(t, member, "check_in") == 1 and _entries(t, member, "birthday") == 1
        # Welcome, check-in, birthday, and the secret achievement of a visit in the birth month (once).
        assert _balance(t, member) == 100 + 10 + 100 + 200
    with chain.server.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(
            Record.chain_id == chain.chain_id, Record.entity == "points")) == 4
        # The server's ledger of her counted each award once: spending 410 leaves her at 0, not below.
    chain.thonglor.run(loyalty.adjust_points, member, -410, "แลกของรางวัล", actor=SYSTEM)
    _sync(chain.thonglor)
    assert not any(e.detail.get("customer_id") == member for e in _exceptions(chain, "below_floor"))


def test_a_second_referrer_named_offline_is_reported_and_the_first_keeps_it(chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    friends = [siam.run(customer_service.register_customer, CustomerForm(name_th=n, phone=p), actor=SYSTEM).result
               for n, p in (("เพื่อนที่สยาม", "0811111111"), ("เพื่อนที่ทองหล่อ", "0822222222"))]
    member = siam.run(customer_service.register_customer, CustomerForm(name_th="ลูกค้า", phone="0833333333"),
                      actor=SYSTEM).result
    for t in (siam, thonglor):
        _sync(t)
    codes = [siam.read(customer_service.get_customer, f).referral_code for f in friends]
    siam.run(loyalty.record_referral, member, codes[0], actor=SYSTEM)
    thonglor.run(loyalty.record_referral, member, codes[1], actor=SYSTEM)
    for t in (siam, thonglor, siam):
        _sync(t)
    with chain.server.sessions() as s:
        (kept,) = s.scalars(select(Record).where(Record.entity == "referral", Record.id == referral_id(member)))
        assert kept.data["referrer_id"] == friends[0]
    raised = [e for e in _exceptions(chain, "second_referrer") if e.detail["customer_id"] == member]
    assert len(raised) == 1 and raised[0].detail["refused_referrer_id"] == friends[1]
    assert raised[0].device_id == thonglor.device().device_id


def test_a_self_referral_pushed_by_a_hostile_terminal_is_refused(chain: Chain) -> None:  # noqa: F811
    member = chain.siam.run(customer_service.register_customer, CustomerForm(name_th="ลูกค้า", phone="0833333333"),
                            actor=SYSTEM).result
    _sync(chain.siam)
    code = chain.siam.read(customer_service.get_customer, member).referral_code
    link = referral_id(member)
    record = {"referred_id": member, "referrer_id": member, "code": code, "at": now().isoformat(), "staff_id": None}
    with client_for(chain.thonglor) as client:
        seq = client.push(chain.thonglor.device().device_id, []).next_seq
        op = _op(chain.thonglor, seq, "referral.record", "referral", link, {"record": record})
        (result,) = client.push(chain.thonglor.device().device_id, [op]).results
    assert (result.outcome, result.reason) == ("rejected", "self_referral")
    with chain.server.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(
            Record.entity == "referral", Record.id == link)) == 0


def test_one_award_made_with_different_points_offline_keeps_the_first_everywhere(chain: Chain) -> None:  # noqa: F811
    member = _member(chain, 1)  # her welcome 100 and 1 carried over
    # Offline, a manager at Thonglor raises the check-in award to 25; Siam
    # does not know yet. The member checks in at both the same day: one
    # award (its id is the member's and the day's), made with 10 and with 25.
    chain.thonglor.run(settings_service.set_loyalty_program,
                       replace(DEFAULT_PROGRAM, earn=replace(DEFAULT_PROGRAM.earn, check_in=25)), actor=SYSTEM)
    chain.siam.run(customer_service.check_in, member, actor=SYSTEM)
    chain.thonglor.run(customer_service.check_in, member, actor=SYSTEM)
    assert (_balance(chain.siam, member), _balance(chain.thonglor, member)) == (111, 126)
    for t in (chain.siam, chain.thonglor, chain.siam):
        _sync(t)

    # The first to reach the server keeps the award; every terminal shows it.
    assert _balance(chain.siam, member) == 111 == _balance(chain.thonglor, member)
    entries = [t.read(lambda s: sorted(s.scalars(select(PointsEntry.points).where(PointsEntry.customer_id == member))))
               for t in (chain.siam, chain.thonglor)]
    assert entries == [[1, 10, 100], [1, 10, 100]]
    # Thonglor's version is reported with both amounts, not dropped in silence.
    [raised] = [e for e in _exceptions(chain, "ledger_row_differs") if e.entity == "points"]
    assert raised.device_id == chain.thonglor.device().device_id
    assert raised.detail["fields"] == ["points"]
    assert (raised.detail["kept"], raised.detail["refused"]) == ({"points": 10}, {"points": 25})
    for t in (chain.siam, chain.thonglor):
        assert "ledger_row_differs" in _local_kinds(t)
