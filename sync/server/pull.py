"""The change feed a device pulls: its chain's changes after a cursor, of other branches none."""

from __future__ import annotations

import json
from typing import Any

from pydantic_core import from_json
from sqlalchemy import Text, cast, or_, select
from sqlalchemy.orm import Session

from ..protocol import Change, PullResponse
from .models import ChangeEntry, Record, ServerChain

_CHUNK = 500  # ids per IN (...) list, well under SQLite's limit on bound parameters


def pull(session: Session, chain_id: str, branch_id: str, after: int, limit: int) -> PullResponse:
    """Return up to ``limit`` changes of ``chain_id`` with a cursor above ``after`` that ``branch_id`` may see.

    A device of a branch receives the chain-wide changes and its own
    branch's, never another branch's branch-only rows. The last page's
    ``cursor`` is the chain's head as read before the page, so a branch's
    terminal moves past the other branches' cursors too: its progress ends
    at the head, and its next pull does not read them again.

    Each change carries the record's current state, its field clocks in
    the compact form (``bnaura_desk.domain.field_clocks``). A record changed
    several times in the page appears once, at its latest cursor in the
    page; ``cursor`` of the answer is the last change read, so no change is
    skipped even when a record's newer change lies beyond the page (it then
    comes again in a later page).
    """
    # The head first: cursors are taken under the chain's row lock and
    # committed in order, so every change up to it is committed and a
    # cursor read as the head skips nothing (on PostgreSQL each statement
    # sees what was committed when it began).
    head = session.scalar(select(ServerChain.last_cursor).where(ServerChain.id == chain_id)) or 0
    entries = session.execute(
        select(ChangeEntry.cursor, ChangeEntry.entity, ChangeEntry.entity_id)
        .where(
            ChangeEntry.chain_id == chain_id, ChangeEntry.cursor > after, ChangeEntry.cursor <= head,
            or_(ChangeEntry.branch_id.is_(None), ChangeEntry.branch_id == branch_id),
        )
        .order_by(ChangeEntry.cursor)
        .limit(limit + 1)
    ).all()
    more = len(entries) > limit
    entries = entries[:limit]
    latest: dict[tuple[str, str], int] = {}
    for cursor, entity, entity_id in entries:
        latest[(entity, entity_id)] = cursor
    by_entity: dict[str, list[str]] = {}
    for entity, entity_id in sorted(latest):
        by_entity.setdefault(entity, []).append(entity_id)
    records: dict[tuple[str, str], Any] = {}
    for entity, ids in by_entity.items():
        # Looked up through the primary key (chain, entity, id), one
        # ``id IN (...)`` per entity. Only the columns a change carries are
        # read, so no row object is built, no timestamp parsed; the two JSON
        # columns are read as their text and parsed here (``_json``), faster
        # than the drivers' ``json.loads``.
        for start in range(0, len(ids), _CHUNK):
            found = session.execute(
                select(
                    Record.entity, Record.id, cast(Record.data, Text).label("data"),
                    cast(Record.field_clocks, Text).label("field_clocks"), Record.hlc,
                    Record.deleted_at.is_not(None).label("deleted"),
                ).where(
                    Record.chain_id == chain_id, Record.entity == entity,
                    Record.id.in_(ids[start : start + _CHUNK]),
                )
            )
            records.update(((r.entity, r.id), r) for r in found)
    changes = [
        Change(
            cursor=cursor, entity=r.entity, entity_id=r.id, data=_json(r.data),
            field_clocks=_json(r.field_clocks), hlc=r.hlc, deleted=bool(r.deleted),
        )
        for key, cursor in sorted(latest.items(), key=lambda kv: kv[1])
        if (r := records.get(key)) is not None
    ]
    cursor = entries[-1].cursor if more else max(head, after)
    return PullResponse(changes=changes, cursor=cursor, more=more, head=max(head, cursor))


def _json(text: str) -> Any:
    """Parse a stored JSON column (pydantic's parser; ``json.loads`` for what it refuses, e.g. a lone surrogate)."""
    try:
        return from_json(text)
    except ValueError:
        return json.loads(text)
