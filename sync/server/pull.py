"""The change feed a device pulls: its own clinic's changes after a cursor."""

from __future__ import annotations

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from ..protocol import Change, PullResponse
from .models import ChangeEntry, Record, ServerClinic


def pull(session: Session, clinic_id: str, after: int, limit: int) -> PullResponse:
    """Return up to ``limit`` changes of ``clinic_id`` with a cursor above ``after``.

    Each change carries the record's current state. A record changed
    several times in the page appears once, at its latest cursor in the
    page; ``cursor`` of the answer is the last change read, so no change is
    skipped even when a record's newer change lies beyond the page (it then
    comes again in a later page).
    """
    entries = list(
        session.scalars(
            select(ChangeEntry)
            .where(ChangeEntry.clinic_id == clinic_id, ChangeEntry.cursor > after)
            .order_by(ChangeEntry.cursor)
            .limit(limit + 1)
        )
    )
    more = len(entries) > limit
    entries = entries[:limit]
    latest: dict[tuple[str, str], int] = {}
    for entry in entries:
        latest[(entry.entity, entry.entity_id)] = entry.cursor
    records: dict[tuple[str, str], Record] = {}
    if latest:
        found = session.scalars(
            select(Record).where(
                tuple_(Record.entity, Record.id).in_(sorted(latest)), Record.clinic_id == clinic_id
            )
        )
        records = {(r.entity, r.id): r for r in found}
    changes = [
        Change(
            cursor=cursor, entity=r.entity, entity_id=r.id, data=dict(r.data),
            field_clocks=dict(r.field_clocks), hlc=r.hlc, deleted=r.deleted_at is not None,
        )
        for key, cursor in sorted(latest.items(), key=lambda kv: kv[1])
        if (r := records.get(key)) is not None
    ]
    cursor = entries[-1].cursor if entries else after
    head = session.scalar(select(ServerClinic.last_cursor).where(ServerClinic.id == clinic_id)) or 0
    return PullResponse(changes=changes, cursor=cursor, more=more, head=max(head, cursor))
