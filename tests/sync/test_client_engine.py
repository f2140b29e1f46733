"""sync_once against the server's real apply step: batches, lost answers, gaps, refusals."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from bnaura_desk.domain.changes import ChangeSet, Kind
from bnaura_desk.domain.synced import REGISTRY, Effect, OperationType, Registry
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services.context import SYSTEM, ServiceContext
from bnaura_desk.services.sync_state import pending_count, sync_status, unsettled_problems
from bnaura_desk.store.models import OutboxOperation, PointsEntry, Visit
from bnaura_desk.terminal import Terminal
from sync.client.http import SeqGap
from sync.client.outbox import record_push_results
from sync.protocol import OpResult
from sync.server.models import AppliedOperation, Record
from tests.sync.test_client_loopback import Clinic, LostResponse, clinic_fixture, count, register  # noqa: F401 - the fixture

PHONES = [f"08{d}123{d}{d}{d}{d}" for d in range(10)]


def _outcomes(t: Terminal) -> dict[int, str | None]:
    return dict(t.read(lambda s: s.execute(select(OutboxOperation.seq, OutboxOperation.outcome)).all()))


def test_the_outbox_goes_in_batches_and_every_operation_gets_an_outcome(clinic: Clinic) -> None:
    a = clinic.terminals["A"]
    for phone in PHONES[:7]:
        register(a, f"ลูกค้า {phone}", phone)
    # branch.create, then each customer.register with its welcome points.record
    waiting = a.read(pending_count)
    assert waiting == 1 + 2 * 7
    report = clinic.sync("A", batch=4)
    assert clinic.server.pushes == 4  # 15 operations in batches of 4: three full, the last one short
    assert (report.pushed, report.applied, report.duplicates, report.rejected) == (waiting, waiting, 0, 0)
    assert set(_outcomes(a).values()) == {"applied"}
    status = a.read(sync_status)
    assert status is not None and status.pending == 0 and status.last_sync_at is not None and status.last_error == ""


def test_a_lost_answer_is_resent_and_nothing_is_doubled(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    cid = register(a, "สมหญิง", PHONES[0])
    a.run(customer_service.check_in, cid, actor=SYSTEM)
    # The branch, the customer with its welcome points, the visit with the day's check-in points.
    written = a.read(pending_count)
    clinic.server.drop_next_push_response = True
    with pytest.raises(LostResponse):
        clinic.sync("A")
    assert a.read(pending_count) == written  # the server applied them; A does not know
    report = clinic.sync("A")
    assert (report.pushed, report.duplicates, report.applied) == (written, written, written)
    assert set(_outcomes(a).values()) == {"applied"}
    with clinic.server.sessions() as s:
        assert len(list(s.scalars(select(AppliedOperation)))) == written
        assert len(list(s.scalars(select(Record).where(Record.entity == "visit")))) == 1
        assert len(list(s.scalars(select(Record).where(Record.entity == "points")))) == 2  # welcome, check-in
    clinic.sync("B")
    assert count(b, Visit) == 1
    assert count(b, PointsEntry) == 2


def test_a_server_that_lost_operations_gets_them_again_from_the_number_it_expects(clinic: Clinic) -> None:
    a = clinic.terminals["A"]
    register(a, "สมหญิง", PHONES[0])
    # A believes the server answered every operation so far (the branch, the first customer and its
    # welcome points); the server (restored from a backup) never saw them.
    answered = a.device().last_seq
    a.run(record_push_results, [OpResult(seq=n, outcome="applied") for n in range(1, answered + 1)], actor=None)
    register(a, "สมชาย", PHONES[1])
    written = a.device().last_seq
    assert a.read(pending_count) == written - answered
    report = clinic.sync("A")
    assert report.pushed == written and report.applied == written
    with clinic.server.sessions() as s:
        assert [r.seq for r in s.scalars(select(AppliedOperation).order_by(AppliedOperation.seq))] == list(
            range(1, written + 1)
        )


def test_a_gap_that_resending_cannot_close_is_raised_and_noted(clinic: Clinic) -> None:
    a = clinic.terminals["A"]
    register(a, "สมหญิง", PHONES[0])
    clinic.sync("A")
    with clinic.server.sessions() as s:  # the server expects an operation A never wrote
        from sync.server.models import Device

        device = s.get(Device, a.device().device_id)
        assert device is not None
        device.next_seq = 10
        s.commit()
    register(a, "สมชาย", PHONES[1])
    assert a.device().last_seq < 10
    waiting = a.read(pending_count)  # the second customer and its welcome points
    with pytest.raises(SeqGap) as caught:
        clinic.sync("A")
    assert caught.value.expected == 10
    status = a.read(sync_status)
    assert status is not None and "refused" in status.last_error and status.pending == waiting


def _future_operation(ctx: ServiceContext, customer_id: str) -> ChangeSet:
    # An operation type this server does not know: a newer terminal's, which declares it.
    ctx.journal(action="customer.merge", entity=Kind.CUSTOMER, entity_id=customer_id, payload={"into": customer_id})
    return ctx.changes.build()


# What a newer terminal declares: customers also have "customer.merge".
NEWER = Registry(tuple(
    replace(e, operations=(*e.operations, OperationType("customer.merge", Effect.UPDATE))) if e.name == "customer" else e
    for e in REGISTRY.entities
))


def test_a_refused_operation_is_shown_to_a_manager_and_the_pull_still_runs(clinic: Clinic) -> None:
    a, b = clinic.terminals["A"], clinic.terminals["B"]
    clinic.sync("A")  # the branch's profile first: B's customer names the branch
    synced = a.device().last_seq
    other = register(b, "ของ B", PHONES[2])
    clinic.sync("B")
    cid = register(a, "สมหญิง", PHONES[0])
    first_customer = a.device().last_seq - synced  # its customer.register and welcome points.record
    a.synced = NEWER
    a.run(_future_operation, cid, actor=SYSTEM)
    a.synced = REGISTRY
    merge = a.device().last_seq
    register(a, "สมชาย", PHONES[1])
    report = clinic.sync("A")
    assert report.problem and report.applied == first_customer  # the first customer
    assert report.changes.ids(Kind.CUSTOMER) == {other}  # pulled although the push stopped
    [problem] = a.read(unsettled_problems)
    assert (problem.seq, problem.outcome, problem.reason, problem.type) == (
        merge, None, "unknown_operation", "customer.merge"
    )
    # Everything before the refused operation applied; it and everything after it still wait.
    assert _outcomes(a) == {seq: "applied" if seq < merge else None for seq in range(1, a.device().last_seq + 1)}
    status = a.read(sync_status)
    assert status is not None and status.problems == 1 and status.last_error == report.problem
