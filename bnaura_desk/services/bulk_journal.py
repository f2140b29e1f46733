"""Journaling many changes of one use case with one statement per table.

``ServiceContext.journal`` adds an ORM object per audit entry and outbox
operation; for a hundred thousand registrations, building and flushing those
objects costs more than the registrations themselves (bench/RESULTS.md,
"Demo clinic generation"). ``BulkJournal`` makes the same rows through
``ServiceContext.journal_rows`` (same declaration checks, sequence numbers,
clocks and ChangeSet) and writes them with one executemany per table.
"""

from __future__ import annotations

from typing import Any

from ..domain.changes import Kind
from ..store.fast_insert import insert_rows, table_of
from ..store.models import AuditEntry, OutboxOperation
from ..store.types import EncodedJson
from .context import OPERATION_FORMAT, ServiceContext

_RECORD_START = f'{{"format":{OPERATION_FORMAT},"record":'


class BulkJournal:
    """Collects the journal rows of many changes; ``write`` inserts them.

    Call ``write`` before the transaction commits; rows collected after the
    last ``write`` are lost otherwise (the outbox would have a gap, which the
    crash checks would see).
    """

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._operations: list[dict[str, Any]] = []
        self._audit: list[dict[str, Any]] = []

    def add(
        self,
        *,
        action: str,
        entity: Kind | str,
        entity_id: str,
        before: Any = None,
        after: Any = None,
        payload: dict[str, Any] | None = None,
        hlc: str | None = None,
    ) -> int | None:
        """Journal one change, as ``ServiceContext.journal`` would; return its outbox sequence number.

        Raises:
            UndeclaredChange: as ``ServiceContext.journal``.
        """
        operation, audit = self.ctx.journal_rows(
            action=action, entity=entity, entity_id=entity_id, before=before, after=after, payload=payload, hlc=hlc
        )
        self._audit.append(audit)
        if operation is None:
            return None
        # A new row's audit entry records what its operation carries. The
        # payload's canonical text is '{"format":F,"record":' + the record's
        # canonical text + '}' (keys sorted), so the record's text is taken
        # from it instead of being made again.
        body: str = operation["payload"]
        if (
            payload is not None
            and payload.keys() == {"record"}
            and payload["record"] is after
            and body.startswith(_RECORD_START)
        ):
            audit["after"] = EncodedJson(body[len(_RECORD_START) : -1])
        self._operations.append(operation)
        return int(operation["seq"])

    def write(self) -> None:
        """Insert the rows collected so far, in the caller's transaction."""
        session = self.ctx.session
        insert_rows(session, table_of(OutboxOperation), self._operations)
        insert_rows(session, table_of(AuditEntry), self._audit)
        self._operations, self._audit = [], []
