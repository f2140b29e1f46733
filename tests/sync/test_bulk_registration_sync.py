"""Customers registered in bulk reach the other terminals of the clinic through a real server."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bnaura_desk import demo
from bnaura_desk.domain import field_clocks
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
    enroll(a, server.base_url, server.new_code(server.add_clinic(clinic_id=a.device().clinic_id)))
    join_clinic(tmp_path / "b.sqlite", server.base_url, server.new_code(a.device().clinic_id), "POS-B")
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
