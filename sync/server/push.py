"""Applying a pushed batch: one transaction per operation, in order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bnaura_desk.domain.ids import uuid7

from ..protocol import Operation, OpResult, PushRequest, PushResponse
from .apply import ApplyRefused, ConflictingResend, apply_operation, resend_result
from .models import AppliedOperation, Device, SyncException


class DeviceGone(ApplyRefused):
    status = 401
    code = "device_revoked"


def _report_conflict(session: Session, device_id: str, op: Operation, refusal: ApplyRefused, now: datetime) -> None:
    """Record a conflicting resend as an exception managers see (once while it is open).

    The same (device, seq) with another operation means the terminal's
    outbox no longer holds what it sent; a person must look at it. Runs in
    its own transaction after the refused one was rolled back.
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
                id=uuid7(), clinic_id=device.clinic_id, kind="seq_conflict", entity=op.entity,
                entity_id=op.entity_id, device_id=device_id, seq=op.seq,
                detail={"message": refusal.message, "op_id": op.op_id, "sent_sha256": op.payload_sha256},
                created_at=now,
            )
        )
        session.commit()
    session.rollback()


def push(sessions: sessionmaker[Session], device_id: str, request: PushRequest, now: Callable[[], datetime]) -> PushResponse:
    """Apply ``request``'s operations one by one, each in its own transaction.

    Operations before a refused one stay applied (each committed on its
    own); the refusal is raised after them with what was applied so far in
    its detail, so the client records those outcomes and resends the rest.

    Raises:
        ApplyRefused (and subclasses): the first operation that cannot be
            applied; earlier ones are committed.
    """
    results: list[OpResult] = []
    next_seq = 0
    for op in request.operations:
        with sessions() as session:
            try:
                device = session.get(Device, device_id, with_for_update=True)
                if device is None or device.revoked_at is not None:
                    raise DeviceGone("this terminal's enrollment was revoked")
                result = apply_operation(session, device, op, now())
                session.commit()
                next_seq = device.next_seq
            except IntegrityError:
                # Another connection applied this (device, seq) first (two
                # copies of one request in flight): answer with its outcome.
                session.rollback()
                kept = session.get(AppliedOperation, (device_id, op.seq))
                if kept is None:
                    raise
                try:
                    result = resend_result(kept, op)
                except ApplyRefused as refusal:
                    refusal.detail.setdefault("results", [r.model_dump() for r in results])
                    _report_conflict(session, device_id, op, refusal, now())
                    raise
                device = session.get(Device, device_id)
                next_seq = device.next_seq if device is not None else next_seq
            except ApplyRefused as refusal:
                session.rollback()
                refusal.detail.setdefault("results", [r.model_dump() for r in results])
                _report_conflict(session, device_id, op, refusal, now())
                raise
            results.append(result)
    if not request.operations:
        with sessions() as session:
            device = session.get(Device, device_id)
            next_seq = device.next_seq if device is not None else 0
    return PushResponse(results=results, next_seq=next_seq)
