"""The outbox as protocol operations, and the outcomes the terminal keeps."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.customer import CustomerForm
from bnaura_desk.domain.loyalty_program import award_id
from bnaura_desk.domain.points import PointsSource
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM, ServiceContext
from bnaura_desk.services.sync_state import pending_count, unsettled_problems
from bnaura_desk.store.models import OutboxOperation
from bnaura_desk.terminal import Terminal
from sync.client.outbox import (
    note_refusal,
    operations_from,
    pending_operations,
    record_push_results,
)
from sync.protocol import OpResult


def _customers(terminal: Terminal, n: int) -> list[str]:
    return [
        terminal.run(
            customer_service.register_customer,
            CustomerForm(name_th=f"ลูกค้า {i}", phone=f"08{i % 10}123456{i % 10}"),
            actor=SYSTEM,
        ).result
        for i in range(n)
    ]


def test_pending_operations_are_the_outbox_in_seq_order_exactly_as_stored(terminal: Terminal) -> None:
    ids = _customers(terminal, 3)
    ops = terminal.read(pending_operations, 100)
    assert [op.seq for op in ops] == list(range(1, terminal.device().last_seq + 1))
    # branch.create, then each customer with its welcome points
    assert [op.type for op in ops] == ["branch.create"] + ["customer.register", "points.record"] * 3
    assert [op.entity_id for op in ops if op.type == "customer.register"] == ids
    assert [op.entity_id for op in ops if op.type == "points.record"] == [
        award_id(PointsSource.WELCOME, cid) for cid in ids
    ]
    device = terminal.device()
    rows = terminal.read(lambda s: s.query(OutboxOperation).order_by(OutboxOperation.seq).all())
    for op, row in zip(ops, rows, strict=True):
        assert op.hash_ok()
        assert (op.device_id, op.clinic_id) == (device.device_id, device.chain_id)
        assert (op.payload, op.payload_sha256, op.hlc, op.op_id) == (row.payload, row.payload_sha256, row.hlc, row.op_id)
        assert json.loads(op.payload)["format"] == 1
    assert [op.seq for op in terminal.read(pending_operations, 2)] == [1, 2]


def test_record_results_settles_each_operation_and_they_leave_the_queue(terminal: Terminal) -> None:
    _customers(terminal, 3)
    last = terminal.device().last_seq
    results = [
        OpResult(seq=1, outcome="applied"),
        OpResult(seq=2, outcome="duplicate", reason="exception", detail={"kind": "clock_ahead"}),
        OpResult(seq=3, outcome="rejected", reason="unknown_record"),
    ]
    assert terminal.run(record_push_results, results, actor=None).result == 3
    rows = {r.seq: r for r in terminal.read(lambda s: s.query(OutboxOperation).all())}
    assert rows[1].outcome == "applied" and rows[1].settled_at is not None
    # A duplicate keeps the outcome the server gave the first time.
    assert rows[2].outcome == "exception" and rows[2].outcome_detail["resent"] is True
    assert rows[3].outcome == "rejected" and rows[3].outcome_detail["reason"] == "unknown_record"
    assert all(rows[seq].outcome is None for seq in range(4, last + 1))
    assert [op.seq for op in terminal.read(pending_operations, 100)] == list(range(4, last + 1))
    assert terminal.read(pending_count) == last - 3
    # Settled operations can still be read for a resend from an earlier number.
    assert [op.seq for op in terminal.read(operations_from, 2, 10)] == list(range(2, last + 1))
    # Rejected and applied-with-exception stay visible to a manager.
    problems = terminal.read(unsettled_problems)
    assert [(p.seq, p.outcome, p.reason) for p in problems] == [(2, "exception", ""), (3, "rejected", "unknown_record")]


def test_results_for_unknown_numbers_are_ignored(terminal: Terminal) -> None:
    assert terminal.run(record_push_results, [OpResult(seq=99, outcome="applied")], actor=None).result == 0


def test_the_trigger_still_refuses_rewriting_a_settled_payload(terminal: Terminal) -> None:
    _customers(terminal, 1)
    terminal.run(record_push_results, [OpResult(seq=2, outcome="applied")], actor=None)

    def rewrite(ctx: ServiceContext) -> ChangeSet:
        ctx.session.execute(text("UPDATE outbox SET payload = '{}' WHERE seq = 2"))
        return ChangeSet()

    with pytest.raises(DBAPIError, match="cannot be rewritten"):
        terminal.run(rewrite, actor=None)

    def remove(ctx: ServiceContext) -> ChangeSet:
        ctx.session.execute(text("DELETE FROM outbox WHERE seq = 2"))
        return ChangeSet()

    with pytest.raises(DBAPIError, match="append-only"):
        terminal.run(remove, actor=None)


def test_a_refusal_is_noted_on_the_waiting_operation_and_shown(terminal: Terminal) -> None:
    _customers(terminal, 1)

    def refuse(ctx: ServiceContext) -> ChangeSet:
        note_refusal(ctx.session, 2, "unknown_operation", "unknown operation type", {"type": "x"})
        return ChangeSet()

    terminal.run(refuse, actor=None)
    # still waiting, all of them
    assert [op.seq for op in terminal.read(pending_operations, 10)] == list(range(1, terminal.device().last_seq + 1))
    [problem] = terminal.read(unsettled_problems)
    assert (problem.seq, problem.outcome, problem.reason, problem.entity) == (2, None, "unknown_operation", str(Kind.CUSTOMER))
