"""The apply step: each (device, seq) changes the clinic exactly once.

``BatchApply`` settles one device's pushed operations in order, inside
the caller's transaction, after the caller has locked the device row (so
two connections pushing for the same device take turns). The outcome is
stored with the payload hash under (device, seq) forever:

- the same (device, seq) and hash again → the stored outcome, ``duplicate``;
- the same (device, seq) with another hash → ``ConflictingResend`` (409);
- a seq other than the one the device owes next → ``SequenceGap``;
- otherwise the operation is applied and the device owes seq + 1.

Conflicts are settled by rule (DESIGN.md "Offline and sync"): fields by
last writer wins on the hybrid logical clock, ledgers by union of ids, a
tombstone beats a later edit (reported), a clock far ahead of the server's
is bounded (reported) and ticked past the device's previous clock, so the
device's own edits keep their order (``Device.last_hlc``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ARRAY, BigInteger, ColumnElement, String, any_, bindparam, insert, select, update
from sqlalchemy.types import TypeEngine
from sqlalchemy.orm import Session

from bnaura_desk.domain.hlc import Hlc, tick
from bnaura_desk.domain.ids import uuid7

from ..protocol import MAX_SKEW_MS, Operation, OpResult, Outcome
from .models import AppliedOperation, ChangeEntry, Device, Record, ServerBase, ServerClinic, SyncException


class OpKind(StrEnum):
    CREATE = "create"  # a profile row: insert, or merge field by field if it exists
    UPDATE = "update"  # some fields of an existing row
    DELETE = "delete"  # a tombstone
    LEDGER = "ledger"  # an append-only row: union by id


# Every operation type a terminal writes, and how it applies. Adding an
# operation type is one line here (and its tests).
OPERATION_KINDS: dict[str, OpKind] = {
    "clinic.create": OpKind.CREATE,
    "staff.create": OpKind.CREATE,
    "staff.update": OpKind.UPDATE,
    "staff.set_pin": OpKind.UPDATE,
    "setting.set": OpKind.UPDATE,
    "customer.register": OpKind.CREATE,
    "customer.update": OpKind.UPDATE,
    "customer.delete": OpKind.DELETE,
    "consent.record": OpKind.LEDGER,
    "visit.check_in": OpKind.LEDGER,
    "catalog.create": OpKind.CREATE,
    "catalog.update": OpKind.UPDATE,
    "stock.move": OpKind.LEDGER,
    "sync_exception.resolve": OpKind.UPDATE,
}


_RESOLUTION = frozenset({"resolved_at", "resolved_by", "note"})


class ApplyRefused(Exception):
    """The request is refused as a whole; nothing of it is applied (a 4xx)."""

    status = 400
    code = "bad_operation"

    def __init__(self, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class ConflictingResend(ApplyRefused):
    status = 409
    code = "seq_conflict"


class SequenceGap(ApplyRefused):
    status = 409
    code = "seq_gap"


class ForeignClinic(ApplyRefused):
    status = 403
    code = "foreign_clinic"


class UnknownOperation(ApplyRefused):
    status = 422
    code = "unknown_operation"


@dataclass(frozen=True)
class Target:
    """Which record an operation touches and with which field values."""

    entity: str
    entity_id: str
    kind: OpKind
    fields: dict[str, Any]


def _target(op: Operation, body: dict[str, Any]) -> Target:
    kind = OPERATION_KINDS.get(op.type)
    if kind is None:
        raise UnknownOperation(f"unknown operation type {op.type!r}", type=op.type)
    if op.type == "setting.set":
        # One record per clinic setting, keyed by its name, so two terminals
        # setting it settle by clock like any field.
        key = body.get("key")
        if not isinstance(key, str) or "value" not in body:
            raise ApplyRefused("setting.set needs key and value", seq=op.seq)
        return Target("setting", f"{op.clinic_id}:{key}", OpKind.UPDATE, {"key": key, "value": body["value"]})
    if kind in (OpKind.CREATE, OpKind.LEDGER):
        record = body.get("record")
        if not isinstance(record, dict):
            raise ApplyRefused(f"{op.type} needs a record", seq=op.seq)
        return Target(op.entity, op.entity_id, kind, record)
    if kind is OpKind.UPDATE:
        fields = body.get("fields")
        if not isinstance(fields, dict) or not fields:
            raise ApplyRefused(f"{op.type} needs fields", seq=op.seq)
        if op.type == "sync_exception.resolve" and (op.entity != "sync_exception" or set(fields) - _RESOLUTION):
            # What the server raised stays as raised: a terminal only resolves it.
            raise ApplyRefused("sync_exception.resolve may only set resolved_at, resolved_by and note", seq=op.seq)
        return Target(op.entity, op.entity_id, kind, fields)
    return Target(op.entity, op.entity_id, kind, {})


@dataclass(frozen=True)
class KeptOutcome:
    """An outcome kept earlier in the same batch (an ``AppliedOperation`` row not yet written)."""

    device_id: str
    seq: int
    clinic_id: str
    op_id: str
    type: str
    entity: str
    entity_id: str
    hlc: str
    payload_sha256: str
    outcome: str
    reason: str
    detail: dict[str, Any]
    applied_at: datetime


def stored_result(row: AppliedOperation | KeptOutcome) -> OpResult:
    """Return the outcome kept for an applied operation, as a duplicate's answer."""
    return OpResult(seq=row.seq, outcome="duplicate", reason=row.outcome, detail=dict(row.detail or {}))


def resend_result(row: AppliedOperation | KeptOutcome, op: Operation) -> OpResult:
    """Answer a resend of the applied ``row``: its stored outcome if ``op`` is the same operation.

    The payload hash alone does not identify an operation (every delete's
    payload is ``{"format": 1}``), so the other columns the terminal can
    never rewrite must match too.

    Raises:
        ConflictingResend: ``op`` is another operation under the same (device, seq).
    """
    sent = (op.payload_sha256, op.op_id, op.clinic_id, op.type, op.entity, op.entity_id, op.hlc)
    kept = (row.payload_sha256, row.op_id, row.clinic_id, row.type, row.entity, row.entity_id, row.hlc)
    if sent != kept:
        raise ConflictingResend(
            f"operation {op.seq} of this device was already applied with another payload",
            seq=op.seq, stored_sha256=row.payload_sha256, sent_sha256=op.payload_sha256,
        )
    return stored_result(row)


def _kept_clock(op: Operation, last: str, now: datetime) -> tuple[str, bool]:
    """Return the clock the server keeps for ``op`` and whether it was bounded.

    A clock at most ``MAX_SKEW_MS`` ahead of ``now`` is kept as sent. One
    further ahead is bounded to ``now + MAX_SKEW_MS`` (keeping its counter
    and node), and then ticked past ``last``, the device's previous kept
    clock: bounding alone would give two edits of one device applied in
    the same server millisecond the same clock, and the later edit would
    lose. So a bounded clock is never beyond the latest bound given so far
    plus a logical counter (the wall part moves 1 ms per ``COUNTER_MAX``
    ticks), and the device's operations keep their order.

    A clock within the bound is kept as sent, never ticked: a terminal's
    own clocks only grow, so it is already later than the terminal's
    earlier bounded clocks (their sent wall time was past their bound).
    """
    stamp = Hlc.parse(op.hlc)
    limit = int(now.timestamp() * 1000) + MAX_SKEW_MS
    if stamp.wall_ms <= limit:
        return op.hlc, False
    bounded = Hlc(limit, stamp.counter, stamp.node)
    if last and bounded.encode() <= last:
        bounded = tick(Hlc.parse(last), limit, stamp.node)
    return bounded.encode(), True


def _parsed_payload(payload: str) -> Any:
    """Return the JSON value of ``payload``.

    Raises:
        ValueError: it is not JSON, or it holds text that is not Unicode (a
            lone surrogate escape such as ``"\\ud800"``). Kept, such text
            would make every later pull of the record fail to encode, for
            every terminal of the clinic.
    """
    body = json.loads(payload)
    # A terminal's canonical JSON writes text as is (ensure_ascii=False), so
    # only a broken client escapes surrogates: the full check runs only then.
    if "\\ud" in payload.lower():
        try:
            json.dumps(body, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("the payload holds text that is not valid Unicode (a lone surrogate)") from None
    return body


_CHUNK = 500  # keys per IN (...) list, well under SQLite's limit on bound parameters


@dataclass
class _Row:
    """A record as this batch sees it: read once, changed in memory, written at the end."""

    entity: str
    id: str
    clinic_id: str
    data: dict[str, Any]
    field_clocks: dict[str, str]
    hlc: str
    deleted_at: datetime | None
    updated_at: datetime
    cursor: int
    is_new: bool = False
    changed: bool = False

    def merge(self, fields: dict[str, Any], clock: str) -> list[str]:
        """Write each field whose stored clock is older than ``clock``; return those written."""
        won = [f for f, v in fields.items() if clock > self.field_clocks.get(f, "")]
        if won:
            data, clocks = dict(self.data), dict(self.field_clocks)
            for f in won:
                data[f], clocks[f] = fields[f], clock
            self.data, self.field_clocks = data, clocks
            self.hlc = max(self.hlc, clock)
        return won

    def columns(self) -> dict[str, Any]:
        return {
            "entity": self.entity, "id": self.id, "clinic_id": self.clinic_id, "data": self.data,
            "field_clocks": self.field_clocks, "hlc": self.hlc, "deleted_at": self.deleted_at,
            "updated_at": self.updated_at, "cursor": self.cursor,
        }


class BatchApply:
    """Apply one device's operations, in order, within one transaction of the caller.

    Everything the batch needs is read up front in a few queries (the
    outcomes already kept for its sequence numbers, the op ids already
    taken, the records it touches); each operation is then settled in
    memory, and ``write`` stores the effects of all operations accepted so
    far with one statement per table (executemany). This is what makes a
    day-long outage drain in seconds: about fifteen statements per batch
    instead of about fifteen per operation.

    Each operation stays all-or-nothing: ``apply`` checks everything that
    can refuse an operation before it changes anything, so a refused
    operation leaves no trace, and an operation's effects and its kept
    outcome are written by the same ``write`` and committed together. The
    caller commits after ``write`` and owns the transaction; a batch that
    dies before its commit leaves the clinic as it was, and the terminal's
    resend applies it then (exactly once, by the kept (device, seq)).

    The caller holds ``device`` locked (``SELECT ... FOR UPDATE``): one
    device's batches take turns. The clinic row is locked before any
    record is read, so applies of one clinic take turns and a record is
    never merged from a stale read.
    """

    def __init__(self, session: Session, device: Device, operations: list[Operation]) -> None:
        self.session = session
        self.device = device
        self.next_seq = device.next_seq
        self.last_hlc = device.last_hlc
        self.postgres = session.get_bind().dialect.name == "postgresql"
        seqs = sorted({op.seq for op in operations})
        self.kept: dict[int, AppliedOperation | KeptOutcome] = {}
        if seqs and seqs[-1] - seqs[0] < 2 * len(seqs):
            # A batch is (nearly) a run of sequence numbers: one range of the
            # primary key, a short statement whatever the batch's size.
            found = session.scalars(
                select(AppliedOperation).where(
                    AppliedOperation.device_id == device.id, AppliedOperation.seq.between(seqs[0], seqs[-1])
                )
            )
            wanted = set(seqs)
            self.kept.update((row.seq, row) for row in found if row.seq in wanted)
        else:
            for chunk in self._chunks(seqs):
                self.kept.update(
                    (row.seq, row)
                    for row in session.scalars(
                        select(AppliedOperation).where(
                            AppliedOperation.device_id == device.id, self._one_of(AppliedOperation.seq, chunk, BigInteger)
                        )
                    )
                )
        self.clinic: ServerClinic | None = None
        self.taken_op_ids: set[str] = set()
        self.rows: dict[tuple[str, str], _Row | None] = {}
        self.outcomes: list[dict[str, Any]] = []
        self.changes: list[dict[str, Any]] = []
        self.exceptions: dict[str, dict[str, Any]] = {}
        self.resolutions: dict[str, dict[str, Any]] = {}
        fresh = [op for op in operations if op.seq not in self.kept]
        if fresh:
            self._lock_clinic()
            for chunk in self._chunks(sorted({op.op_id for op in fresh})):
                self.taken_op_ids.update(
                    session.scalars(select(AppliedOperation.op_id).where(self._one_of(AppliedOperation.op_id, chunk)))
                )
            self._read_rows({(op.entity, op.entity_id) for op in fresh if op.type != "setting.set"})

    # reading ---------------------------------------------------------------------------

    def _chunks(self, values: list[Any]) -> list[list[Any]]:
        """Split ``values`` for ``_one_of``: one array on PostgreSQL, IN lists of ``_CHUNK`` on SQLite."""
        size = max(len(values), 1) if self.postgres else _CHUNK
        return [values[start : start + size] for start in range(0, len(values), size)]

    def _one_of(self, column: Any, values: list[Any], of: type[TypeEngine[Any]] = String) -> ColumnElement[bool]:
        """Return ``column`` is one of ``values``, as a short statement.

        On PostgreSQL ``= ANY(array)``, one parameter: an ``IN (...)`` list
        of 200 parameters is a long statement that psycopg parses anew every
        time (it caches short ones only), which cost 10-15 ms a query.
        """
        if self.postgres:
            return column == any_(bindparam(None, values, type_=ARRAY(of())))
        return column.in_(values)

    def _lock_clinic(self) -> ServerClinic:
        if self.clinic is None:
            clinic = self.session.get(ServerClinic, self.device.clinic_id, with_for_update=True)
            assert clinic is not None
            self.clinic = clinic
        return self.clinic

    def _read_rows(self, keys: set[tuple[str, str]]) -> None:
        """Read the records at ``keys`` into the batch (absent ones as None)."""
        by_entity: dict[str, list[str]] = {}
        for entity, entity_id in sorted(keys - self.rows.keys()):
            by_entity.setdefault(entity, []).append(entity_id)
            self.rows[(entity, entity_id)] = None
        for entity, ids in by_entity.items():
            for start in range(0, len(ids), _CHUNK):
                found = self.session.execute(
                    select(
                        Record.entity, Record.id, Record.clinic_id, Record.data, Record.field_clocks, Record.hlc,
                        Record.deleted_at, Record.updated_at, Record.cursor,
                    ).where(Record.entity == entity, Record.id.in_(ids[start : start + _CHUNK]))
                )
                for r in found:
                    self.rows[(r.entity, r.id)] = _Row(
                        r.entity, r.id, r.clinic_id, dict(r.data), dict(r.field_clocks), r.hlc,
                        r.deleted_at, r.updated_at, r.cursor,
                    )

    def _row(self, entity: str, entity_id: str) -> _Row | None:
        if (entity, entity_id) not in self.rows:
            self._read_rows({(entity, entity_id)})
        return self.rows[(entity, entity_id)]

    # applying --------------------------------------------------------------------------

    def apply(self, op: Operation, now: datetime) -> OpResult:
        """Settle ``op`` from the batch's device exactly once; return its outcome.

        Raises (before changing anything, so the batch's earlier operations
        can still be written and committed):
            ConflictingResend: this (device, seq) was applied with another
                payload, or this op id under another sequence number.
            SequenceGap: ``op.seq`` is not the next one the device owes.
            ForeignClinic: the operation names another clinic or its rows.
            UnknownOperation, ApplyRefused: an operation type or payload
                format this server does not know yet (kept pending by the
                terminal), or a payload that does not match its hash. A
                payload that can never apply is not raised: it gets a kept
                ``rejected`` outcome and an exception row, so it never
                blocks the terminal's queue.
        """
        if not op.hash_ok():
            # Checked first: a resend must not pass as a duplicate on a hash it does not match.
            raise ApplyRefused("payload_sha256 is not the hash of payload", seq=op.seq)
        kept = self.kept.get(op.seq)
        if kept is not None:
            return resend_result(kept, op)
        if op.seq != self.next_seq:
            raise SequenceGap(f"expected operation {self.next_seq}, got {op.seq}", expected=self.next_seq, got=op.seq)
        if op.device_id != self.device.id or op.clinic_id != self.device.clinic_id:
            raise ForeignClinic("the operation names another device or clinic", seq=op.seq)
        if op.op_id in self.taken_op_ids:
            raise ConflictingResend("this op_id was already applied under another sequence number", seq=op.seq)
        try:
            body = _parsed_payload(op.payload)
            Hlc.parse(op.hlc)
        except Exception as error:  # noqa: BLE001 - any parse failure makes the operation unusable
            return self._reject(op, now, "malformed_payload", str(error))
        payload_format = body.get("format") if isinstance(body, dict) else None
        if isinstance(payload_format, int) and not isinstance(payload_format, bool) and payload_format > 1:
            # A newer terminal: refused (4xx) but not rejected for good; it is
            # applied once this server understands the format.
            raise ApplyRefused("unsupported payload format; this server needs an update", seq=op.seq)
        if payload_format != 1:
            return self._reject(op, now, "malformed_payload", "the payload has no format 1")
        try:
            target = _target(op, body)
        except UnknownOperation:
            raise  # a newer terminal's operation type: kept pending until the server knows it
        except ApplyRefused as malformed:
            return self._reject(op, now, "malformed_operation", malformed.message)
        row = self._row(target.entity, target.entity_id)
        if row is not None and row.clinic_id != self.device.clinic_id:
            raise ForeignClinic("the operation names another clinic's record", seq=op.seq)

        # Nothing below raises: from here the operation changes the batch.
        clock, bounded = _kept_clock(op, self.last_hlc, now)
        self.last_hlc = max(self.last_hlc, clock)
        outcome: Outcome = "applied"
        reason, detail = "", {}
        changed = False
        if bounded:
            self._raise_exception(op, "clock_ahead", now, sent=op.hlc, kept=clock)
            outcome, reason = "exception", "clock_ahead"
        if target.kind in (OpKind.CREATE, OpKind.LEDGER):
            if row is None:
                row = self._new_row(target, clock, now)
                changed = True
            elif target.kind is OpKind.CREATE:
                changed = bool(row.merge(target.fields, clock))
            # A ledger row seen again (derived id, or another route): the union keeps one.
        elif row is None:
            if target.entity == "setting":
                row = self._new_row(Target(target.entity, target.entity_id, target.kind, {}), clock, now)
                changed = bool(row.merge(target.fields, clock))
            else:
                # Only a terminal bug edits a record the clinic never had (a
                # terminal pushes its own creations first): reported, as the
                # edit is dropped.
                self._raise_exception(op, "unknown_record", now, fields=sorted(target.fields))
                outcome, reason = "rejected", "unknown_record"
        elif row.deleted_at is not None:
            if target.kind is OpKind.UPDATE:
                # Edit vs delete: the tombstone wins; the lost edit is reported.
                self._raise_exception(op, "edit_lost_to_delete", now, fields=sorted(target.fields))
                outcome, reason = "exception", "tombstoned"
        elif target.kind is OpKind.UPDATE:
            won = row.merge(target.fields, clock)
            changed = bool(won)
            lost = sorted(set(target.fields) - set(won))
            if lost:
                detail = {"older_than_stored": lost}
        else:  # DELETE
            row.deleted_at = now
            row.hlc = max(row.hlc, clock)
            changed = True

        if changed:
            assert row is not None  # every branch that changes something has the row
            if row.entity == "sync_exception":
                self._mirror_resolution(row)
            row.updated_at = now
            self._feed(row)
        return self._keep(op, now, outcome, reason, detail)

    def _new_row(self, target: Target, clock: str, now: datetime) -> _Row:
        row = _Row(
            target.entity, target.entity_id, self.device.clinic_id, dict(target.fields),
            {f: clock for f in target.fields}, clock, None, now, 0, is_new=True,
        )
        self.rows[(row.entity, row.id)] = row
        return row

    def _feed(self, row: _Row) -> None:
        """Give ``row``'s change the clinic's next cursor and put it in the change feed."""
        clinic = self._lock_clinic()
        clinic.last_cursor += 1
        row.cursor = clinic.last_cursor
        row.changed = True
        self.changes.append(
            {"clinic_id": row.clinic_id, "cursor": row.cursor, "entity": row.entity, "entity_id": row.id}
        )

    def _raise_exception(self, op: Operation, kind: str, now: datetime, **detail: Any) -> None:
        """Keep an exception for managers, and put it in the clinic's feed.

        Terminals pull it as a ``sync_exception`` record (its fields stamped
        with the server's clock), so the Exceptions screen of every terminal
        shows it; a manager resolves it there with ``sync_exception.resolve``.
        """
        exception_id = uuid7()
        self.exceptions[exception_id] = {
            "id": exception_id, "clinic_id": self.device.clinic_id, "kind": kind, "entity": op.entity,
            "entity_id": op.entity_id, "device_id": self.device.id, "seq": op.seq, "detail": detail,
            "created_at": now, "resolved_at": None, "resolved_by": None, "note": "",
        }
        data = {
            "kind": kind, "entity": op.entity, "entity_id": op.entity_id, "device_id": self.device.id, "seq": op.seq,
            "detail": detail, "raised_at": now.isoformat(), "resolved_at": None, "resolved_by": None, "note": "",
        }
        clock = Hlc(int(now.timestamp() * 1000), 0, "server").encode()
        row = _Row(
            "sync_exception", exception_id, self.device.clinic_id, data, {f: clock for f in data}, clock,
            None, now, 0, is_new=True,
        )
        self.rows[(row.entity, row.id)] = row
        self._feed(row)

    def _mirror_resolution(self, row: _Row) -> None:
        """Copy a resolution merged into a ``sync_exception`` record onto the server's exception row."""
        resolved_at = row.data.get("resolved_at")
        resolution = {
            "resolved_at": datetime.fromisoformat(resolved_at) if resolved_at else None,
            "resolved_by": row.data.get("resolved_by"),
            "note": str(row.data.get("note") or ""),
        }
        if row.id in self.exceptions:  # raised earlier in this batch
            self.exceptions[row.id].update(resolution)
        elif row.id in self.resolutions or self.session.get(SyncException, row.id) is not None:
            self.resolutions[row.id] = {"id": row.id, **resolution}

    def _keep(
        self, op: Operation, now: datetime, outcome: Outcome, reason: str, detail: dict[str, Any]
    ) -> OpResult:
        """Keep the outcome of (device, seq) for good and move the device's queue on."""
        kept = {
            "device_id": self.device.id, "seq": op.seq, "clinic_id": self.device.clinic_id, "op_id": op.op_id,
            "type": op.type, "entity": op.entity, "entity_id": op.entity_id, "hlc": op.hlc,
            "payload_sha256": op.payload_sha256, "outcome": outcome, "reason": reason, "detail": detail,
            "applied_at": now,
        }
        self.outcomes.append(kept)
        # The same operation again later in this batch is a duplicate of this outcome.
        self.kept[op.seq] = KeptOutcome(**kept)
        self.taken_op_ids.add(op.op_id)
        self.next_seq = op.seq + 1
        return OpResult(seq=op.seq, outcome=outcome, reason=reason, detail=detail)

    def _reject(self, op: Operation, now: datetime, reason: str, message: str) -> OpResult:
        """Reject an operation that can never apply, so it does not block the queue.

        Only a terminal bug writes such an operation (its payload was hashed as
        it is, so resending cannot mend it). Refusing it on every push would
        stop every later sale of that terminal from reaching the server; instead
        its outcome is kept as ``rejected`` and a manager sees an exception.
        """
        self._raise_exception(op, "rejected_operation", now, reason=reason, message=message)
        return self._keep(op, now, "rejected", reason, {"message": message})

    # writing ---------------------------------------------------------------------------

    def _insert(self, model: type[ServerBase], rows: list[dict[str, Any]]) -> None:
        """Insert ``rows`` with one ``executemany``.

        Measured against a multi-row ``INSERT ... VALUES`` (by SQLAlchemy's
        "insertmanyvalues"): psycopg then parses each long statement anew,
        which cost more than PostgreSQL's work per pipelined row.
        """
        if rows:
            self.session.execute(insert(model.__table__), rows)

    def write(self) -> None:
        """Write what the operations applied so far changed; the caller commits.

        One statement per table. The exception rows go before
        the outcomes that name them only for readability: no foreign key
        links the batch's tables to each other.
        """
        new = [row.columns() for row in self.rows.values() if row is not None and row.changed and row.is_new]
        changed = [row.columns() for row in self.rows.values() if row is not None and row.changed and not row.is_new]
        self._insert(Record, new)
        if changed:
            self.session.execute(update(Record), changed)
        self._insert(SyncException, list(self.exceptions.values()))
        if self.resolutions:
            self.session.execute(update(SyncException), list(self.resolutions.values()))
        self._insert(ChangeEntry, self.changes)
        self._insert(AppliedOperation, self.outcomes)
        self.device.next_seq = self.next_seq
        self.device.last_hlc = self.last_hlc
        for row in self.rows.values():
            if row is not None:
                row.is_new = row.changed = False
        self.outcomes, self.changes, self.exceptions, self.resolutions = [], [], {}, {}
