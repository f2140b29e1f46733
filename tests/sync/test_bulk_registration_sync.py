"""Customers registered in bulk reach the other terminals of the clinic through a real server."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bnaura_desk import demo
from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.changes import Kind
from bnaura_desk.domain.customer import PROFILE_FIELDS
from bnaura_desk.services import customers
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.customers_bulk import Registration, register_customers
from bnaura_desk.store.models import ConsentEvent, Customer, OutboxOperation, Visit
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for, enroll, join_clinic

from .conftest import Server

N = 600  # more than one push batch


def _sync(terminal: Terminal) -> None:
    with client_for(terminal) as client:
        sync_once(terminal, client)


def _customers(terminal: Terminal) -> dict[str, dict[str, Any]]:
    def read(session: Any) -> dict[str, dict[str, Any]]:
        out = {}
        for c in session.scalars(select(Customer)):
            values = {f: getattr(c, f) for f in (*PROFILE_FIELDS, "referral_code")}
            values["clocks"] = field_clocks.expand(c.field_clocks, c.hlc, PROFILE_FIELDS)
            out[c.id] = values
        return out

    return terminal.read(read)


def _count(terminal: Terminal, model: Any) -> int:
    return int(terminal.read(lambda s: s.execute(select(func.count()).select_from(model)).scalar_one()))


def test_a_bulk_batch_syncs_and_another_terminal_finds_the_customers(server: Server, tmp_path: Path) -> None:
    a = server.terminal("POS-A")
    enroll(a, server.base_url, server.new_code(server.add_clinic(clinic_id=a.device().chain_id)))
    join_clinic(tmp_path / "b.sqlite", server.base_url, server.new_code(a.device().chain_id), "POS-B")
    b = Terminal.open(tmp_path / "b.sqlite")
    server._terminals.append(b)  # closed with the server's other terminals

    factory = demo.CustomerFactory(random.Random(11))
    made = [factory.make() for _ in range(N)]
    ids = a.run(register_customers, [Registration(c.form, c.consents, c.checked_in) for c in made], actor=SYSTEM).result
    _sync(a)
    _sync(b)

    unsettled = a.read(lambda s: s.execute(
        select(func.count()).select_from(OutboxOperation).where(OutboxOperation.outcome.is_(None))
    ).scalar_one())
    assert unsettled == 0
    assert _customers(b) == _customers(a)
    assert len(_customers(b)) == N
    assert _count(b, ConsentEvent) == _count(a, ConsentEvent) == sum(len(c.consents) for c in made)
    assert _count(b, Visit) == _count(a, Visit) == sum(c.checked_in for c in made)
    # At B's counter: the customer is found by phone and by name.
    somebody = b.read(customers.get_customer, ids[N // 2])
    assert [h.id for h in b.read(customers.search_customers, somebody.form.phone)][:1] == [ids[N // 2]]
    assert ids[N // 2] in {h.id for h in b.read(customers.search_customers, somebody.form.name_th, limit=500)}


def test_a_new_terminal_pulling_many_customers_finds_them_when_the_round_ends(
    server: Server, tmp_path: Path, monkeypatch: Any
) -> None:
    # A bootstrap: the pulled page's new customers get their search terms at
    # the end of the round, all at once (few here, as if they were many).
    from bnaura_desk.services.search_index import has_pending
    from sync.client import local_apply

    monkeypatch.setattr(local_apply, "DEFER_INDEXING", 50)
    a = server.terminal("POS-A")
    enroll(a, server.base_url, server.new_code(server.add_clinic(clinic_id=a.device().chain_id)))
    factory = demo.CustomerFactory(random.Random(12))
    made = [factory.make() for _ in range(200)]
    ids = a.run(register_customers, [Registration(c.form, c.consents, c.checked_in) for c in made], actor=SYSTEM).result
    _sync(a)
    join_clinic(tmp_path / "b.sqlite", server.base_url, server.new_code(a.device().chain_id), "POS-B")
    b = Terminal.open(tmp_path / "b.sqlite")
    server._terminals.append(b)
    with client_for(b) as client:
        report = sync_once(b, client)
    assert not b.read(has_pending)
    assert report.changes.touches(Kind.CUSTOMER)  # the customer screen searches again
    for cid in (ids[0], ids[99], ids[199]):
        somebody = b.read(customers.get_customer, cid)
        assert [h.id for h in b.read(customers.search_customers, somebody.form.phone)][:1] == [cid]
    terms = "SELECT term, customer_id FROM customer_search_terms ORDER BY term, customer_id"
    assert b.read(lambda s: s.connection().exec_driver_sql(terms).all()) == a.read(
        lambda s: s.connection().exec_driver_sql(terms).all()
    )


def test_customers_a_killed_round_left_waiting_are_found_after_the_next_round(server: Server) -> None:
    from bnaura_desk.services.search_index import defer_indexing, has_pending

    a = server.terminal("POS-A")
    enroll(a, server.base_url, server.new_code(server.add_clinic(clinic_id=a.device().chain_id)))
    factory = demo.CustomerFactory(random.Random(13))
    made = [factory.make() for _ in range(30)]
    ids = a.run(register_customers, [Registration(c.form, c.consents, c.checked_in) for c in made], actor=SYSTEM).result
    # As a bootstrap killed after its pages and before their terms: the
    # customers are there, their terms are not.
    def lose_terms(ctx: Any) -> Any:
        ctx.session.connection().exec_driver_sql("DELETE FROM customer_search_terms")
        defer_indexing(ctx.session, ids)
        return ctx.changes.build()

    a.run(lose_terms, actor=None)
    phone = a.read(customers.get_customer, ids[7]).form.phone
    assert a.read(customers.search_customers, phone) == []
    _sync(a)
    assert not a.read(has_pending)
    assert [h.id for h in a.read(customers.search_customers, phone)][:1] == [ids[7]]
