"""Sync exceptions: conflicts the server settled by rule, for a manager to see and resolve.

The server raises them (an edit lost to a delete, a clock far ahead, an
operation that could never apply); terminals pull them like any record.
Resolving one is a synced change of its own (``sync_exception.resolve``):
the note, who and when travel to the server and every other terminal, and
the audit log keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput
from ..domain.roles import Permission
from ..store.models import Staff, SyncExceptionRow
from .context import ServiceContext, stamp_written

# What each kind of exception is called on screen (context "sync_exceptions").
EXCEPTION_KIND_LABELS: dict[str, str] = {
    "edit_lost_to_delete": QT_TRANSLATE_NOOP("sync_exceptions", "Edit lost: the record was deleted"),
    "clock_ahead": QT_TRANSLATE_NOOP("sync_exceptions", "Terminal clock far ahead"),
    "rejected_operation": QT_TRANSLATE_NOOP("sync_exceptions", "Operation rejected by the server"),
    "unknown_record": QT_TRANSLATE_NOOP("sync_exceptions", "Change to a record the server does not have"),
}
NOTE_MAX = 1000


class ExceptionFilter(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    ALL = "all"


@dataclass(frozen=True)
class SyncExceptionView:
    """One exception as the Exceptions screen lists it."""

    id: str
    kind: str
    entity: str
    entity_id: str
    device_id: str | None
    seq: int | None
    detail: dict[str, Any]
    raised_at: datetime
    resolved_at: datetime | None
    resolved_by_name: str
    note: str


def list_exceptions(
    session: Session, status: ExceptionFilter = ExceptionFilter.OPEN, kind: str | None = None, *, limit: int = 500
) -> list[SyncExceptionView]:
    """Return exceptions, newest first, filtered by status and (optionally) kind."""
    query = select(SyncExceptionRow, Staff.display_name).outerjoin(Staff, Staff.id == SyncExceptionRow.resolved_by)
    if status is ExceptionFilter.OPEN:
        query = query.where(SyncExceptionRow.resolved_at.is_(None))
    elif status is ExceptionFilter.RESOLVED:
        query = query.where(SyncExceptionRow.resolved_at.is_not(None))
    if kind:
        query = query.where(SyncExceptionRow.kind == kind)
    rows = session.execute(query.order_by(SyncExceptionRow.raised_at.desc()).limit(limit)).all()
    return [
        SyncExceptionView(
            id=r.id, kind=r.kind, entity=r.entity, entity_id=r.entity_id, device_id=r.device_id, seq=r.seq,
            detail=dict(r.detail or {}), raised_at=r.raised_at, resolved_at=r.resolved_at,
            resolved_by_name=name or "", note=r.note,
        )
        for r, name in rows
    ]


def count_open_exceptions(session: Session) -> int:
    """Return how many exceptions nobody has resolved yet."""
    return int(
        session.execute(
            select(func.count()).select_from(SyncExceptionRow).where(SyncExceptionRow.resolved_at.is_(None))
        ).scalar_one()
    )


def resolve_exception(ctx: ServiceContext, exception_id: str, note: str) -> ChangeSet:
    """Mark an exception resolved with a note saying what was done (managers).

    Raises:
        BadInput: an empty or overlong note, an unknown exception, or one
            already resolved (nothing is changed).
        PermissionDenied: the user may not manage sync.
    """
    ctx.require(Permission.SYNC_MANAGE)
    note = note.strip()
    if not note:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Write what was done about it"), field="note")
    if len(note) > NOTE_MAX:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "The note is too long (at most {max} characters)"), field="note", max=NOTE_MAX
        )
    row = ctx.session.get(SyncExceptionRow, exception_id)
    if row is None or row.deleted_at is not None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This exception does not exist"))
    if row.resolved_at is not None:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "This exception was already resolved"))
    stamp = ctx.tick()
    fields = {"resolved_at": ctx.now.isoformat(), "resolved_by": ctx.actor_id, "note": note}
    row.resolved_at, row.resolved_by, row.note = ctx.now, ctx.actor_id, note
    stamp_written(row, fields, stamp, ctx.now)
    ctx.journal(
        action="sync_exception.resolve",
        entity=Kind.SYNC_EXCEPTION,
        entity_id=exception_id,
        before={"resolved_at": None, "note": ""},
        after=fields,
        payload={"fields": fields},
        hlc=stamp,
    )
    return ctx.changes.build(result=exception_id)
