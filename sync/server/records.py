"""A synced record as one push batch sees it: read once, settled in memory, written at the end."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bnaura_desk.domain import field_clocks

from .models import Record


@dataclass
class RecordState:
    """One record of the device's chain (its key is (chain, entity, id)).

    ``branch_id`` is the branch whose terminals alone receive it (a
    branch-only entity's row), None for a chain-wide row.

    ``field_clocks`` is compact (``bnaura_desk.domain.field_clocks``): a
    field present in ``data`` has ``clock_of(field)``; a field absent from
    ``data`` was never written and has no clock.
    """

    entity: str
    id: str
    chain_id: str
    data: dict[str, Any]
    field_clocks: dict[str, str]
    hlc: str
    deleted_at: datetime | None
    updated_at: datetime
    cursor: int
    branch_id: str | None = None
    is_new: bool = False
    changed: bool = False

    @classmethod
    def new(cls, entity: str, entity_id: str, chain_id: str, fields: Mapping[str, Any], clock: str,
            now: datetime, branch_id: str | None = None) -> RecordState:
        """Return a record made by one write of ``fields`` at ``clock`` (of ``branch_id`` if branch-only)."""
        return cls(entity, entity_id, chain_id, dict(fields), {}, clock, None, now, 0, branch_id, is_new=True)

    def clock_of(self, field: str) -> str:
        """Return the clock of ``field``'s last write ("" when it was never written)."""
        if field not in self.data:
            return ""
        return field_clocks.clock_of(self.field_clocks, self.hlc, field)

    def merge(self, fields: Mapping[str, Any], clock: str) -> list[str]:
        """Write each field whose stored clock is older than ``clock``; return those written."""
        won = [f for f in fields if clock > self.clock_of(f)]
        if won:
            data = dict(self.data)
            for f in won:
                data[f] = fields[f]
            # Clocks first: ``write`` reads which fields the row had.
            self.field_clocks, self.hlc = field_clocks.write(self.field_clocks, self.hlc, won, clock)
            self.data = data
        return won

    def force(self, fields: Mapping[str, Any], clock: str) -> bool:
        """Set ``fields`` whatever their clocks (derived fields a server rule owns); return whether any changed."""
        changed = [f for f, v in fields.items() if f not in self.data or self.data[f] != v
                   or self.clock_of(f) != clock]
        if not changed:
            return False
        data = dict(self.data)
        full = field_clocks.expand(self.field_clocks, self.hlc, data)
        for f in changed:
            data[f] = fields[f]
            full[f] = clock
        hlc = max(full.values(), default=clock)
        self.data, self.field_clocks, self.hlc = data, field_clocks.compact(full, hlc), hlc
        return True

    def tombstone(self, clock: str, now: datetime) -> None:
        """Delete the record (a tombstone); its fields keep their clocks."""
        self.deleted_at = now
        self.field_clocks, self.hlc = field_clocks.touch(self.field_clocks, self.hlc, clock)

    def columns(self) -> dict[str, Any]:
        return {
            "entity": self.entity, "id": self.id, "chain_id": self.chain_id, "data": self.data,
            "field_clocks": self.field_clocks, "hlc": self.hlc, "deleted_at": self.deleted_at,
            "updated_at": self.updated_at, "cursor": self.cursor, "branch_id": self.branch_id,
        }


def read_records(
    session: Session, chain_id: str, entity: str, ids: list[str]
) -> list[RecordState]:
    """Return the records of ``chain_id`` among ``ids`` of ``entity`` (by the primary key), of any branch."""
    found = session.execute(
        select(
            Record.entity, Record.id, Record.chain_id, Record.data, Record.field_clocks, Record.hlc,
            Record.deleted_at, Record.updated_at, Record.cursor, Record.branch_id,
        ).where(Record.chain_id == chain_id, Record.entity == entity, Record.id.in_(ids))
    )
    return [
        RecordState(r.entity, r.id, r.chain_id, dict(r.data), dict(r.field_clocks), r.hlc,
                    r.deleted_at, r.updated_at, r.cursor, r.branch_id)
        for r in found
    ]
