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


def _customer_schema(terminal: Terminal) -> list[Any]:
    return terminal.read(lambda s: s.connection().exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('customers', 'customer_search_terms') "
        "ORDER BY name"
    ).all())


def _terms(terminal: Terminal) -> list[Any]:
    return terminal.read(lambda s: s.connection().exec_driver_sql(
        "SELECT term, customer_id FROM customer_search_terms ORDER BY term, customer_id"
    ).all())


def _clinic_of_200(server: Server, seed: int) -> tuple[Terminal, list[str]]:
    a = server.terminal("POS-A")
    enroll(a, server.base_url, server.new_code(server.add_clinic(clinic_id=a.device().chain_id)))
    factory = demo.CustomerFactory(random.Random(seed))
    made = [factory.make() for _ in range(200)]
    ids = a.run(register_customers, [Registration(c.form, c.consents, c.checked_in) for c in made], actor=SYSTEM).result
    _sync(a)
    return a, ids


def test_a_bootstrap_makes_the_customer_indexes_at_the_end_as_the_migrations_made_them(
    server: Server, tmp_path: Path, monkeypatch: Any
) -> None:
    # Pages of 60 count as large here: a bootstrap's pages leave the
    # customers' phone and name indexes out; the round's end makes them.
    from bnaura_desk.services.search_index import has_deferred, missing_customer_indexes
    from sync.client import local_apply

    monkeypatch.setattr(local_apply, "LARGE_PAGE", 50)
    monkeypatch.setattr(local_apply, "DEFER_INDEXING", 20)
    a, ids = _clinic_of_200(server, 14)
    join_clinic(tmp_path / "b.sqlite", server.base_url, server.new_code(a.device().chain_id), "POS-B")
    b = Terminal.open(tmp_path / "b.sqlite")
    server._terminals.append(b)
    schema = _customer_schema(b)
    during: list[list[str]] = []
    with client_for(b) as client:
        sync_once(b, client, page=60, progress=lambda done, total: during.append(b.read(missing_customer_indexes)))
    assert len(during) > 3 and during[0] == ["ix_customers_clinic_name", "ix_customers_phone"]
    assert not b.read(has_deferred)
    assert _customer_schema(b) == schema
    assert _customers(b) == _customers(a)
    assert _terms(b) == _terms(a)
    somebody = b.read(customers.get_customer, ids[150])
    assert [h.id for h in b.read(customers.search_customers, somebody.form.phone)][:1] == [ids[150]]
    # A terminal that already holds the clinic keeps its indexes through a large page.
    more = demo.CustomerFactory(random.Random(15))
    a.run(register_customers, [Registration(c.form, c.consents, c.checked_in) for c in (more.make() for _ in range(30))],
          actor=SYSTEM)
    _sync(a)
    during.clear()
    with client_for(b) as client:
        sync_once(b, client, page=60, progress=lambda done, total: during.append(b.read(missing_customer_indexes)))
    assert during and all(missing == [] for missing in during)
    assert _customers(b) == _customers(a)
    assert _terms(b) == _terms(a)


_KILLED_BOOTSTRAP = """
import os, signal, sys
from pathlib import Path
from bnaura_desk.terminal import Terminal
from sync.client import local_apply
from sync.client.engine import sync_once
from sync.client.enroll import client_for

local_apply.LARGE_PAGE = 50
local_apply.DEFER_INDEXING = 20
terminal = Terminal.open(Path(sys.argv[1]))
pages = []

def progress(done, total):
    pages.append(done)
    if len(pages) == 2:  # two pages committed: killed as by a power cut of the process
        os.kill(os.getpid(), signal.SIGKILL)

with client_for(terminal) as client:
    sync_once(terminal, client, page=60, progress=progress)
"""


def test_a_bootstrap_killed_mid_round_leaves_a_working_database_that_the_next_round_completes(
    server: Server, tmp_path: Path
) -> None:
    import signal
    import subprocess
    import sys

    from bnaura_desk.services.search_index import has_deferred, missing_customer_indexes

    a, ids = _clinic_of_200(server, 16)
    path = tmp_path / "b.sqlite"
    join_clinic(path, server.base_url, server.new_code(a.device().chain_id), "POS-B")
    fresh = Terminal.open(path)
    schema = _customer_schema(fresh)
    fresh.close()
    killed = subprocess.run([sys.executable, "-c", _KILLED_BOOTSTRAP, str(path)], check=False, capture_output=True,
                            text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    b = Terminal.open(path)
    server._terminals.append(b)
    assert b.read(lambda s: s.connection().exec_driver_sql("PRAGMA integrity_check").scalar_one()) == "ok"
    arrived = b.read(customers.count_customers)
    assert 0 < arrived < 200
    assert b.read(missing_customer_indexes) == ["ix_customers_clinic_name", "ix_customers_phone"]
    assert b.read(has_deferred)
    # The counter works meanwhile: a customer who arrived is shown, one registered here is found.
    first = b.read(lambda s: s.scalars(select(Customer.id).order_by(Customer.id).limit(1)).one())
    assert b.read(customers.get_customer, first).form.name_th
    local = b.run(register_customers, [Registration(c.form, c.consents, c.checked_in)
                                       for c in [demo.CustomerFactory(random.Random(17)).make()]], actor=SYSTEM).result
    phone = b.read(customers.get_customer, local[0]).form.phone
    assert [h.id for h in b.read(customers.search_customers, phone)] == local

    _sync(b)
    assert not b.read(has_deferred)
    assert _customer_schema(b) == schema
    assert b.read(customers.count_customers) == 201
    mine = {cid: v for cid, v in _customers(b).items() if cid not in set(local)}
    assert mine == _customers(a)
    for cid in (ids[0], ids[120], ids[199]):
        somebody = b.read(customers.get_customer, cid)
        assert [h.id for h in b.read(customers.search_customers, somebody.form.phone)][:1] == [cid]
