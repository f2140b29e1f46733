"""Packages (courses) used at two branches offline, over a real server (SQLite and PostgreSQL).

What a manager checks after the internet comes back: a course bought at
one branch is usable at the other; the same course used on both while
offline, more than was left, keeps both uses on every terminal (the
treatments were done), shows a negative balance everywhere, refuses a
further use, and the server raised ``course_overused`` naming the course.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.services import catalog, counter, courses, shifts
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.sync_state import sync_status
from bnaura_desk.store.models import SyncExceptionRow as LocalException
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for
from sync.server.models import SyncException

from .test_chain_branches import Chain, _sync, chain  # noqa: F401  (a fixture)


def _sync_with_exceptions(t: Terminal) -> None:
    """A sync round after which the terminal may show the open exceptions these tests expect."""
    with client_for(t) as client:
        sync_once(t, client)
    status = t.read(sync_status)
    assert status is not None and status.last_error == "" and status.pending == 0


def _remaining(t: Terminal, member: str) -> list[int]:
    return [c.remaining for c in t.read(courses.course_balances, member, t.clock())]


def _overused(c: Chain) -> list[SyncException]:
    with c.server.sessions() as s:
        return list(s.scalars(select(SyncException).where(SyncException.chain_id == c.chain_id,
                                                          SyncException.kind == "course_overused")))


def test_a_course_used_at_two_branches_offline_beyond_its_sessions_stands_and_the_manager_is_told(
        chain: Chain) -> None:  # noqa: F811
    siam, thonglor = chain.siam, chain.thonglor
    member = siam.run(customer_service.register_customer, CustomerForm(name_th="สมหญิง ใจดี", phone="0812345678"),
                      actor=SYSTEM).result
    facial = siam.run(catalog.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์หน้าใส",
                                                    price_satang=150_000, vat_exempt=True, duration_minutes=45),
                      actor=SYSTEM).result
    course = siam.run(catalog.create_item, ItemForm(kind=ItemKind.PACKAGE, name_th="คอร์สหน้าใส 3 ครั้ง",
                                                    price_satang=400_000, vat_exempt=True,
                                                    package_treatment_id=facial, package_sessions=3),
                      actor=SYSTEM).result
    siam.run(shifts.open_shift, 100_000, actor=SYSTEM)
    lines = (counter.OrderLine(course),)
    due = siam.read(counter.quote, counter.Order(lines, (), customer_id=member), siam.clock()).priced.total_satang
    siam.run(counter.checkout, counter.Order(lines, (Tender(PaymentMethod.CASH, due),), customer_id=member),
             actor=SYSTEM)
    for t in (siam, thonglor):
        _sync(t)
    # Bought at Siam, usable at Thonglor; one use there, synced: no exception.
    assert _remaining(thonglor, member) == [3]
    thonglor.run(courses.use_session, member, facial, None, "ครั้งที่ 1", actor=SYSTEM)
    for t in (thonglor, siam):
        _sync(t)
    assert _remaining(siam, member) == [2] and _overused(chain) == []
    # The internet is down: each branch uses two sessions of the two left.
    for t in (siam, thonglor):
        for _ in range(2):
            t.run(courses.use_session, member, facial, None, actor=SYSTEM)
        assert _remaining(t, member) == [0]
    for t in (siam, thonglor, siam):
        _sync_with_exceptions(t)
    # Both uses stand everywhere: five sessions of a three-session course.
    for t in (siam, thonglor):
        [balance] = t.read(courses.course_balances, member, t.clock())
        assert (balance.bought, balance.used, balance.remaining) == (3, 5, -2)
        with pytest.raises(BadInput):
            t.run(courses.use_session, member, facial, None, actor=SYSTEM)
    # Thonglor's two uses arrived after Siam's: each took the course below zero, each was reported.
    raised = _overused(chain)
    assert [(e.detail["balance_before"], e.detail["balance"]) for e in raised] == [(0, -1), (-1, -2)]
    assert {(e.detail["customer_id"], e.detail["treatment_id"], e.detail["key"]) for e in raised} == {
        (member, facial, balance.course_id)}
    seen = siam.read(lambda s: [e.kind for e in s.scalars(select(LocalException))])
    assert "course_overused" in seen
