"""Outbox rows as protocol operations, and the server's outcome for each.

Only ``outcome``, ``outcome_detail`` and ``settled_at`` of an outbox row may
change (a trigger refuses anything else), so what was hashed is what is
resent.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.services.context import ServiceContext
from bnaura_desk.services.sync_state import OperationProblem, unsettled_problems
from bnaura_desk.store.models import OutboxOperation

from ..protocol import Operation, OpResult

__all__ = [
    "OperationProblem",
    "note_refusal",
    "operations_from",
    "pending_operations",
    "record_push_results",
    "record_results",
    "to_operation",
    "unsettled_problems",
]


def to_operation(row: OutboxOperation) -> Operation:
    """Return the outbox row as the protocol's operation, exactly as stored."""
    return Operation(
        device_id=row.device_id,
        seq=row.seq,
        op_id=row.op_id,
        clinic_id=row.chain_id,  # the wire field keeps its protocol v1 name: it carries the chain id
        type=row.type,
        entity=row.entity,
        entity_id=row.entity_id,
        hlc=row.hlc,
        actor_id=row.actor_id,
        payload=row.payload,
        payload_sha256=row.payload_sha256,
    )


def pending_operations(session: Session, limit: int) -> list[Operation]:
    """Return up to ``limit`` operations the server has not answered, in seq order."""
    rows = session.execute(
        select(OutboxOperation)
        .where(OutboxOperation.outcome.is_(None))
        .order_by(OutboxOperation.seq)
        .limit(limit)
    ).scalars()
    return [to_operation(r) for r in rows]


def operations_from(session: Session, seq: int, limit: int) -> list[Operation]:
    """Return up to ``limit`` operations from ``seq`` on, answered or not.

    For a server that says it expects an earlier operation than the first
    pending one (restored from a backup, say): they are sent again.
    """
    rows = session.execute(
        select(OutboxOperation).where(OutboxOperation.seq >= seq).order_by(OutboxOperation.seq).limit(limit)
    ).scalars()
    return [to_operation(r) for r in rows]


def _settlement(result: OpResult) -> tuple[str, dict[str, Any]]:
    if result.outcome == "duplicate":
        # The server answers a resend with the outcome it gave the first
        # time (in ``reason``); keep that, noting it came from a resend.
        original = result.reason or "applied"
        return original, {"reason": "", "detail": dict(result.detail), "resent": True}
    return result.outcome, {"reason": result.reason, "detail": dict(result.detail)}


def record_results(session: Session, results: list[OpResult], now: datetime) -> int:
    """Store the server's outcome of each operation; return how many rows were settled.

    Results for sequence numbers this terminal does not have are ignored.
    """
    if not results:
        return 0
    rows = {
        r.seq: r
        for r in session.execute(
            select(OutboxOperation).where(OutboxOperation.seq.in_([res.seq for res in results]))
        ).scalars()
    }
    settled = 0
    for result in results:
        row = rows.get(result.seq)
        if row is None:
            continue
        outcome, detail = _settlement(result)
        row.outcome, row.outcome_detail, row.settled_at = outcome, detail, now
        settled += 1
    return settled


def note_refusal(session: Session, seq: int, code: str, message: str, detail: dict[str, Any]) -> None:
    """Note on a still-pending operation why the server refuses it (shown to a manager).

    The outcome stays empty: the operation is not settled and is sent again
    on every sync until the server takes it.
    """
    row = session.get(OutboxOperation, seq)
    if row is not None and row.outcome is None:
        row.outcome_detail = {"reason": code, "message": message, "detail": detail}


def record_push_results(ctx: ServiceContext, results: list[OpResult]) -> ChangeSet:
    """Use case for ``Terminal.run``: store outcomes; result is how many were settled."""
    return ChangeSet(result=record_results(ctx.session, results, ctx.now))
