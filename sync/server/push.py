"""Applying a pushed batch: its operations in order, in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.synced import REGISTRY, Registry

from ..protocol import Operation, OpResult, PushRequest, PushResponse
from .apply import ApplyRefused, BatchApply, ConflictingResend
from .models import Device, SyncException
from .rules import Rule


class DeviceGone(ApplyRefused):
    status = 401
    code = "device_revoked"


def _report_conflict(session: Session, device_id: str, op: Operation, refusal: ApplyRefused, now: datetime) -> None:
    """Record a conflicting resend as an exception managers see (once while it is open).

    The same (device, seq) with another operation means the terminal's
    outbox no longer holds what it sent; a person must look at it. Runs in
    its own transaction, after the batch's earlier operations were committed.
    """
    if not isinstance(refusal, ConflictingResend):
        return
    session.rollback()
    device = session.get(Device, device_id)
    if device is None:
        return
    already = session.scalar(
        select(SyncException.id).where(
            SyncException.device_id == device_id, SyncException.seq == op.seq,
            SyncException.kind == "seq_conflict", SyncException.resolved_at.is_(None),
        )
    )
    if already is None:
        session.add(
            SyncException(
                id=uuid7(), chain_id=device.chain_id, branch_id=device.branch_id, kind="seq_conflict",
                entity=op.entity,
                entity_id=op.entity_id, device_id=device_id, seq=op.seq,
                detail={"message": refusal.message, "op_id": op.op_id, "sent_sha256": op.payload_sha256},
                created_at=now,
            )
        )
        session.commit()
    session.rollback()


def push(
    sessions: sessionmaker[Session], device_id: str, request: PushRequest, now: Callable[[], datetime], *,
    registry: Registry = REGISTRY, rules: tuple[Rule, ...] | None = None,
) -> PushResponse:
    """Apply ``request``'s operations in order, in one transaction, each exactly once.

    The batch is settled by ``BatchApply`` and committed as one
    transaction: every operation's effects commit together with its kept
    outcome, and a server that dies before the commit leaves nothing of the
    batch, which the terminal then resends. When an operation is refused,
    the operations before it are still committed; the refusal is raised
    after them with what was applied so far in its detail, so the client
    records those outcomes and resends the rest.

    ``registry`` and ``rules`` are the declarations and the server's rules
    (tests declare operation types of their own).

    Raises:
        ApplyRefused (and subclasses): the first operation that cannot be
            applied; earlier ones are committed.
    """
    try:
        return _push_once(sessions, device_id, request, now, registry, rules)
    except IntegrityError:
        # Another connection stored one of these (device, seq) or op ids
        # between our reads and our writes (two copies of one request in
        # flight where the device lock does not serialise them): the batch
        # was rolled back; settled again, it reads their kept outcomes.
        return _push_once(sessions, device_id, request, now, registry, rules)


def _push_once(
    sessions: sessionmaker[Session], device_id: str, request: PushRequest, now: Callable[[], datetime],
    registry: Registry, rules: tuple[Rule, ...] | None,
) -> PushResponse:
    results: list[OpResult] = []
    with sessions() as session:
        device = session.get(Device, device_id, with_for_update=True)
        if device is None or device.revoked_at is not None:
            raise DeviceGone("this terminal's enrollment was revoked")
        batch = BatchApply(session, device, list(request.operations), now(), registry=registry, rules=rules)
        refused: tuple[Operation, ApplyRefused] | None = None
        for op in request.operations:
            try:
                results.append(batch.apply(op, now()))
            except ApplyRefused as refusal:
                refused = (op, refusal)
                break
        batch.write()
        next_seq = device.next_seq
        session.commit()
        if refused is not None:
            refused_op, first_refusal = refused
            first_refusal.detail.setdefault("results", [r.model_dump() for r in results])
            _report_conflict(session, device_id, refused_op, first_refusal, now())
            raise first_refusal
    return PushResponse(results=results, next_seq=next_seq)
