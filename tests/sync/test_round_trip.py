"""Every declared entity round-trips, and every operation type a use case journals is declared.

One generic test over the registry (``bnaura_desk.domain.synced``): terminal
A runs the tour (every use case the app has, ``tour.py``), pushes to a real
server on 127.0.0.1 (SQLite and PostgreSQL), terminal B (an empty database
that joined the clinic) pulls, and every row of every declared entity is
equal on both, field by field, clocks included. A declared entity the tour
makes no row of, a use case not on the tour, an operation type journalled
but not declared: each fails here instead of losing data on other terminals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.synced import REGISTRY, Entity, Shape
from bnaura_desk.services import customers
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.store.models import OutboxOperation, SyncExceptionRow
from bnaura_desk.terminal import Terminal
from sync.client.engine import sync_once
from sync.client.enroll import client_for, enroll, join_clinic
from sync.client.local_apply import terminal_models
from sync.server.models import Record

from .conftest import Server
from .tour import RUN_BY_SYNC, Tour, use_cases


def _sync(terminal: Terminal) -> None:
    with client_for(terminal) as client:
        sync_once(terminal, client)


def _rows(terminal: Terminal, entity: Entity) -> dict[str, dict[str, Any]]:
    """Every row of ``entity`` on ``terminal``: its declared fields, tombstone and field clocks."""
    model = terminal_models()[entity.name]
    columns = model.__table__.columns.keys()

    def read(session: Any) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for row in session.scalars(select(model)):
            values = {f.name: getattr(row, f.column_name) for f in entity.fields}
            if "deleted_at" in columns:
                values["deleted"] = row.deleted_at is not None
            if "field_clocks" in columns:
                values["clocks"] = field_clocks.expand(row.field_clocks, row.hlc, entity.field_map)
            elif entity.shape is Shape.PROFILE:
                values["clock"] = row.hlc
            out[getattr(row, entity.key_column)] = values
        return out

    return terminal.read(read)


@pytest.fixture
def pair(server: Server, tmp_path: Path) -> tuple[Terminal, Terminal, Tour]:
    """Terminal A (set up on its own, joined with its clinic's id) and B (an empty database that joined)."""
    a = server.terminal("POS-A")
    enroll(a, server.base_url, server.new_code(server.add_clinic(clinic_id=a.device().chain_id)))
    join_clinic(tmp_path / "b.sqlite", server.base_url, server.new_code(a.device().chain_id), "POS-B")
    b = Terminal.open(tmp_path / "b.sqlite")
    server._terminals.append(b)  # closed with the server's other terminals
    return a, b, Tour(a)


def test_every_declared_entity_round_trips_field_by_field(server: Server, pair: tuple[Terminal, Terminal, Tour]) -> None:
    a, b, tour = pair
    made = tour.day()
    _sync(a)
    _sync(b)
    # An exception for the manager: B deletes a customer A then edits offline.
    doomed = str(a.run(customers.register_customer, CustomerForm(name_th="ลบแล้ว", phone="0870000000"),
                       actor=SYSTEM).result)
    _sync(a)
    _sync(b)
    b.run(customers.delete_customer, doomed, actor=SYSTEM)
    _sync(b)
    form = a.read(customers.get_customer, doomed).form
    a.run(customers.update_customer, doomed, form.with_changes(nickname="ช้าไป"), actor=SYSTEM)
    _sync(a)
    raised = a.read(lambda s: s.scalars(select(SyncExceptionRow)).one())
    assert raised.kind == "edit_lost_to_delete"
    tour.resolve(raised.id)
    _sync(a)
    _sync(b)
    _sync(a)
    tour.note_sync_use_cases()

    unsettled = a.read(lambda s: list(s.scalars(select(OutboxOperation).where(OutboxOperation.outcome.is_(None)))))
    assert unsettled == []
    with server.sessions() as s:
        on_server = {(r.entity, r.id) for r in s.scalars(select(Record).where(Record.chain_id == a.device().chain_id))}
    for entity in REGISTRY.entities:
        mine, theirs = _rows(a, entity), _rows(b, entity)
        assert mine, f"the tour made no {entity.name} row: add one to tests/sync/tour.py"
        assert theirs.keys() == mine.keys(), entity.name
        for key, values in mine.items():
            assert theirs[key] == values, (entity.name, key)
            assert (entity.name, key) in on_server, (entity.name, key)
    assert made["customer"] in _rows(b, REGISTRY.entity("customer"))  # type: ignore[arg-type]


def test_every_use_case_is_on_the_tour_and_journals_only_declared_operations(
    server: Server, pair: tuple[Terminal, Terminal, Tour]
) -> None:
    a, _, tour = pair
    tour.day()
    tour.note_sync_use_cases()
    missing = set(use_cases()) - tour.ran - {"bnaura_desk.services.sync_exceptions.resolve_exception"}
    assert missing == set(), f"use cases not on the tour (tests/sync/tour.py): {sorted(missing)}"
    assert RUN_BY_SYNC <= set(use_cases())
    # Every operation the tour journalled is declared for the entity it names (the journal refuses
    # anything else, so the tour running at all says so; this says it again from the outbox).
    journalled = a.read(lambda s: {(o.type, o.entity) for o in s.scalars(select(OutboxOperation))})
    for type_, entity in journalled:
        declared = REGISTRY.operation(type_)
        assert declared is not None and declared[0].name == entity, (type_, entity)
    # And every declared operation type is journalled by some use case (none is dead).
    resolved = {"sync_exception.resolve"}  # journalled by resolve_exception, in the round trip above
    assert REGISTRY.operation_types - {t for t, _ in journalled} - resolved == set()
