"""Applying a pushed batch: one transaction per operation, in order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..protocol import OpResult, PushRequest, PushResponse
from .apply import ApplyRefused, apply_operation, stored_result
from .models import AppliedOperation, Device


class DeviceGone(ApplyRefused):
    status = 401
    code = "device_revoked"


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
                result = stored_result(kept)
            except ApplyRefused as refusal:
                session.rollback()
                refusal.detail.setdefault("results", [r.model_dump() for r in results])
                raise
            results.append(result)
    if not request.operations:
        with sessions() as session:
            device = session.get(Device, device_id)
            next_seq = device.next_seq if device is not None else 0
    return PushResponse(results=results, next_seq=next_seq)
