"""The apply step: each (device, seq) changes the clinic exactly once.

``apply_operation`` runs inside the caller's transaction, one operation per
transaction, after the caller has locked the device row (so two connections
pushing for the same device take turns). The outcome is stored with the
payload hash under (device, seq) forever:

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

from sqlalchemy import select
from sqlalchemy.orm import Session

from bnaura_desk.domain.hlc import Hlc, tick
from bnaura_desk.domain.ids import uuid7

from ..protocol import MAX_SKEW_MS, Operation, OpResult, Outcome
from .models import AppliedOperation, ChangeEntry, Device, Record, ServerClinic, SyncException


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


def stored_result(row: AppliedOperation) -> OpResult:
    """Return the outcome kept for an applied operation, as a duplicate's answer."""
    return OpResult(seq=row.seq, outcome="duplicate", reason=row.outcome, detail=dict(row.detail or {}))


def resend_result(row: AppliedOperation, op: Operation) -> OpResult:
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


def _lock_clinic(session: Session, clinic_id: str) -> ServerClinic:
    clinic = session.get(ServerClinic, clinic_id, with_for_update=True)
    assert clinic is not None
    return clinic


def _next_cursor(session: Session, clinic_id: str) -> int:
    clinic = _lock_clinic(session, clinic_id)
    clinic.last_cursor += 1
    return clinic.last_cursor


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


def _raise_exception(
    session: Session, device: Device, op: Operation, kind: str, now: datetime, **detail: Any
) -> None:
    """Keep an exception for managers, and put it in the clinic's feed.

    Terminals pull it as a ``sync_exception`` record (its fields stamped
    with the server's clock), so the Exceptions screen of every terminal
    shows it; a manager resolves it there with ``sync_exception.resolve``.
    """
    exception = SyncException(
        id=uuid7(),
        clinic_id=device.clinic_id,
        kind=kind,
        entity=op.entity,
        entity_id=op.entity_id,
        device_id=device.id,
        seq=op.seq,
        detail=detail,
        created_at=now,
    )
    session.add(exception)
    data = {
        "kind": kind, "entity": op.entity, "entity_id": op.entity_id, "device_id": device.id, "seq": op.seq,
        "detail": detail, "raised_at": now.isoformat(), "resolved_at": None, "resolved_by": None, "note": "",
    }
    clock = Hlc(int(now.timestamp() * 1000), 0, "server").encode()
    record = Record(
        entity="sync_exception", id=exception.id, clinic_id=device.clinic_id, data=data,
        field_clocks={f: clock for f in data}, hlc=clock, deleted_at=None, updated_at=now,
        cursor=_next_cursor(session, device.clinic_id),
    )
    session.add(record)
    session.add(ChangeEntry(clinic_id=device.clinic_id, cursor=record.cursor, entity=record.entity, entity_id=record.id))


def _mirror_resolution(session: Session, record: Record) -> None:
    """Copy a resolution merged into a ``sync_exception`` record onto the server's exception row."""
    row = session.get(SyncException, record.id)
    if row is None:
        return
    resolved_at = record.data.get("resolved_at")
    row.resolved_at = datetime.fromisoformat(resolved_at) if resolved_at else None
    row.resolved_by = record.data.get("resolved_by")
    row.note = str(record.data.get("note") or "")


def _merge(record: Record, fields: dict[str, Any], clock: str) -> list[str]:
    """Write each field whose stored clock is older than ``clock``; return those written."""
    data, clocks = dict(record.data), dict(record.field_clocks)
    won = [f for f, v in fields.items() if clock > clocks.get(f, "")]
    for f in won:
        data[f], clocks[f] = fields[f], clock
    if won:
        record.data, record.field_clocks = data, clocks
        record.hlc = max(record.hlc, clock)
    return won


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


def apply_operation(session: Session, device: Device, op: Operation, now: datetime) -> OpResult:
    """Apply ``op`` from ``device`` exactly once; return its outcome.

    The caller holds the device row locked and commits after this returns
    (or rolls back when it raises).

    Raises:
        ConflictingResend: this (device, seq) was applied with another payload.
        SequenceGap: ``op.seq`` is not the next one the device owes.
        ForeignClinic: the operation names another clinic or its rows.
        UnknownOperation, ApplyRefused: an operation type or payload format
            this server does not know yet (kept pending by the terminal), or a
            payload that does not match its hash. A payload that can never
            apply is not raised: it gets a stored ``rejected`` outcome and an
            exception row, so it never blocks the terminal's queue.
    """
    if not op.hash_ok():
        # Checked first: a resend must not pass as a duplicate on a hash it does not match.
        raise ApplyRefused("payload_sha256 is not the hash of payload", seq=op.seq)
    kept = session.get(AppliedOperation, (device.id, op.seq))
    if kept is not None:
        return resend_result(kept, op)
    if op.seq != device.next_seq:
        raise SequenceGap(
            f"expected operation {device.next_seq}, got {op.seq}", expected=device.next_seq, got=op.seq
        )
    if op.device_id != device.id or op.clinic_id != device.clinic_id:
        raise ForeignClinic("the operation names another device or clinic", seq=op.seq)
    if session.scalar(select(AppliedOperation.seq).where(AppliedOperation.op_id == op.op_id)) is not None:
        raise ConflictingResend("this op_id was already applied under another sequence number", seq=op.seq)
    try:
        body = _parsed_payload(op.payload)
        Hlc.parse(op.hlc)
    except Exception as error:  # noqa: BLE001 - any parse failure makes the operation unusable
        return _reject(session, device, op, now, "malformed_payload", str(error))
    payload_format = body.get("format") if isinstance(body, dict) else None
    if isinstance(payload_format, int) and not isinstance(payload_format, bool) and payload_format > 1:
        # A newer terminal: refused (4xx) but not rejected for good; it is
        # applied once this server understands the format.
        raise ApplyRefused("unsupported payload format; this server needs an update", seq=op.seq)
    if payload_format != 1:
        return _reject(session, device, op, now, "malformed_payload", "the payload has no format 1")
    try:
        target = _target(op, body)
    except UnknownOperation:
        raise  # a newer terminal's operation type: kept pending until the server knows it
    except ApplyRefused as malformed:
        return _reject(session, device, op, now, "malformed_operation", malformed.message)
    # The clinic row is locked before the record is read or anything is
    # written: applies of one clinic take turns, so a record is never merged
    # from a stale read (lost update), and no transaction holds the key-share
    # lock of a foreign key on the clinic while it waits for the row lock
    # another holds the same way (deadlock on PostgreSQL).
    _lock_clinic(session, device.clinic_id)
    record = session.get(Record, (target.entity, target.entity_id))
    if record is not None and record.clinic_id != device.clinic_id:
        raise ForeignClinic("the operation names another clinic's record", seq=op.seq)

    clock, bounded = _kept_clock(op, device.last_hlc, now)
    # The device row is locked by the caller: its operations take turns here.
    device.last_hlc = max(device.last_hlc, clock)
    outcome: Outcome = "applied"
    reason, detail = "", {}
    changed = False
    if bounded:
        _raise_exception(session, device, op, "clock_ahead", now, sent=op.hlc, kept=clock)
        outcome, reason = "exception", "clock_ahead"
    if target.kind in (OpKind.CREATE, OpKind.LEDGER):
        if record is None:
            record = Record(
                entity=target.entity,
                id=target.entity_id,
                clinic_id=device.clinic_id,
                data=dict(target.fields),
                field_clocks={f: clock for f in target.fields},
                hlc=clock,
                deleted_at=None,
                updated_at=now,
                cursor=0,
            )
            session.add(record)
            changed = True
        elif target.kind is OpKind.CREATE:
            changed = bool(_merge(record, target.fields, clock))
        # A ledger row seen again (derived id, or another route): the union keeps one.
    elif record is None:
        if target.entity == "setting":
            record = Record(
                entity=target.entity, id=target.entity_id, clinic_id=device.clinic_id,
                data={}, field_clocks={}, hlc=clock, deleted_at=None, updated_at=now, cursor=0,
            )
            session.add(record)
            changed = bool(_merge(record, target.fields, clock))
        else:
            outcome, reason = "rejected", "unknown_record"
    elif record.deleted_at is not None:
        if target.kind is OpKind.UPDATE:
            # Edit vs delete: the tombstone wins; the lost edit is reported.
            _raise_exception(session, device, op, "edit_lost_to_delete", now, fields=sorted(target.fields))
            outcome, reason = "exception", "tombstoned"
    elif target.kind is OpKind.UPDATE:
        won = _merge(record, target.fields, clock)
        changed = bool(won)
        lost = sorted(set(target.fields) - set(won))
        if lost:
            detail = {"older_than_stored": lost}
    else:  # DELETE
        record.deleted_at = now
        record.hlc = max(record.hlc, clock)
        changed = True

    if changed:
        assert record is not None  # every branch that changes something has the record
        if record.entity == "sync_exception":
            _mirror_resolution(session, record)
        record.updated_at = now
        record.cursor = _next_cursor(session, device.clinic_id)
        session.add(ChangeEntry(clinic_id=device.clinic_id, cursor=record.cursor, entity=record.entity, entity_id=record.id))
    return _keep(session, device, op, now, outcome, reason, detail)


def _keep(
    session: Session, device: Device, op: Operation, now: datetime, outcome: Outcome, reason: str, detail: dict[str, Any]
) -> OpResult:
    """Store the outcome of (device, seq) for good and move the device's queue on."""
    session.add(
        AppliedOperation(
            device_id=device.id,
            seq=op.seq,
            clinic_id=device.clinic_id,
            op_id=op.op_id,
            type=op.type,
            entity=op.entity,
            entity_id=op.entity_id,
            hlc=op.hlc,
            payload_sha256=op.payload_sha256,
            outcome=outcome,
            reason=reason,
            detail=detail,
            applied_at=now,
        )
    )
    device.next_seq = op.seq + 1
    return OpResult(seq=op.seq, outcome=outcome, reason=reason, detail=detail)


def _reject(session: Session, device: Device, op: Operation, now: datetime, reason: str, message: str) -> OpResult:
    """Reject an operation that can never apply, so it does not block the queue.

    Only a terminal bug writes such an operation (its payload was hashed as
    it is, so resending cannot mend it). Refusing it on every push would
    stop every later sale of that terminal from reaching the server; instead
    its outcome is kept as ``rejected`` and a manager sees an exception.
    """
    _lock_clinic(session, device.clinic_id)
    _raise_exception(session, device, op, "rejected_operation", now, reason=reason, message=message)
    return _keep(session, device, op, now, "rejected", reason, {"message": message})
