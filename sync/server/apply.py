"""The apply step: each (device, seq) changes its chain exactly once.

``BatchApply`` settles one device's pushed operations in order, inside
the caller's transaction, after the caller has locked the device row (so
two connections pushing for the same device take turns). The outcome is
stored with the payload hash under (device, seq) forever:

- the same (device, seq) and hash again → the stored outcome, ``duplicate``;
- the same (device, seq) with another hash → ``ConflictingResend`` (409);
- a seq other than the one the device owes next → ``SequenceGap``;
- otherwise the operation is checked against its declaration
  (``checks``), settled, and the device owes seq + 1.

Conflicts are settled by rule (DESIGN.md "Offline and sync"): fields by
last writer wins on the hybrid logical clock, ledgers by union of ids, a
tombstone beats a later edit (reported), a clock far ahead of the server's
is bounded (reported) and ticked past the device's previous clock, so the
device's own edits keep their order (``Device.last_hlc``). Business rules
(a single-use claim, a tally with a floor, moves replayed in clock order)
run for their operation types through one seam (``rules``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ARRAY, BigInteger, ColumnElement, String, Table, any_, bindparam, insert, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from bnaura_desk.domain import field_types as t
from bnaura_desk.domain.hlc import Hlc, tick
from bnaura_desk.domain.ids import uuid7
from bnaura_desk.domain.synced import REGISTRY, Effect, Entity, Registry, Scope

from ..protocol import MAX_SKEW_MS, Operation, OpResult, Outcome
from .checks import Checked, NewerFormat, Rejection, UnknownType, check
from .models import AppliedOperation, ChangeEntry, Device, Record, ServerBase, ServerChain, SyncException
from .records import RecordState, read_records
from .refusals import ApplyRefused, ConflictingResend, ForeignClinic, SequenceGap, UnknownOperation
from .rules import Proposed, Rule, RuleRun, server_rules

__all__ = [
    "ApplyRefused", "BatchApply", "ConflictingResend", "ForeignClinic", "KeptOutcome", "SequenceGap",
    "UnknownOperation", "resend_result", "stored_result",
]


@dataclass(frozen=True)
class KeptOutcome:
    """An outcome kept earlier in the same batch (an ``AppliedOperation`` row not yet written)."""

    device_id: str
    seq: int
    chain_id: str
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
    kept = (row.payload_sha256, row.op_id, row.chain_id, row.type, row.entity, row.entity_id, row.hlc)
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


def _listed_parents(entity: Entity) -> tuple[tuple[str, str], ...]:
    """Return (field, entity) for each list field whose items name rows of another entity (a staff member's branches)."""
    return tuple(
        (f.name, f.type.item.entity) for f in entity.fields
        if isinstance(f.type, t.ListOf) and isinstance(f.type.item, t.Id) and f.type.item.entity is not None
    )


_CHUNK = 500  # keys per IN (...) list, well under SQLite's limit on bound parameters


class BatchApply:
    """Apply one device's operations, in order, within one transaction of the caller.

    Everything the batch needs is read up front in a few queries (the
    outcomes already kept for its sequence numbers, the op ids already
    taken, the records it touches and their parents, the rules' state);
    each operation is then settled in memory, and ``write`` stores the
    effects of all operations accepted so far with one statement per table
    (executemany). This is what makes a day-long outage drain in seconds:
    about fifteen statements per batch instead of about fifteen per operation.

    Each operation stays all-or-nothing: ``apply`` checks everything that
    can refuse an operation before it changes anything, so a refused
    operation leaves no trace, and an operation's effects and its kept
    outcome are written by the same ``write`` and committed together. The
    caller commits after ``write`` and owns the transaction; a batch that
    dies before its commit leaves the chain as it was, and the terminal's
    resend applies it then (exactly once, by the kept (device, seq)).

    The caller holds ``device`` locked (``SELECT ... FOR UPDATE``): one
    device's batches take turns. The chain row is locked before any
    record is read, so applies of one chain take turns and a record is
    never merged from a stale read.

    Implements ``rules.RuleContext`` for the rules of its operations.
    """

    def __init__(
        self, session: Session, device: Device, operations: list[Operation], now: datetime | None = None, *,
        registry: Registry = REGISTRY, rules: tuple[Rule, ...] | None = None,
    ) -> None:
        self.session = session
        self.device = device
        self.chain_id = device.chain_id
        self.branch_id = device.branch_id
        self.registry = registry
        self.now = now or datetime.now().astimezone()
        self.next_seq = device.next_seq
        self.last_hlc = device.last_hlc
        self.postgres = session.get_bind().dialect.name == "postgresql"
        self.kept: dict[int, AppliedOperation | KeptOutcome] = {}
        self._read_kept(sorted({op.seq for op in operations}))
        self.chain: ServerChain | None = None
        self.taken_op_ids: set[str] = set()
        self.rows: dict[tuple[str, str], RecordState | None] = {}
        # Records of another branch of the chain among those named (branch-only rows the device may not see).
        self.foreign: set[tuple[str, str]] = set()
        self.outcomes: list[dict[str, Any]] = []
        self.changes: list[dict[str, Any]] = []
        self.exceptions: dict[str, dict[str, Any]] = {}
        # Each fresh operation checked once, up front (pure: nothing read).
        self.checked: dict[int, Checked | Exception] = {}
        fresh = [op for op in operations if op.seq not in self.kept]
        for op in fresh:
            try:
                self.checked[op.seq] = check(registry, op)
            except (Rejection, UnknownType, NewerFormat) as problem:
                self.checked[op.seq] = problem
        good = [c for c in self.checked.values() if isinstance(c, Checked)]
        self.runs: dict[str, list[RuleRun]] = {}
        if fresh:
            self._lock_chain()
            for chunk in self.chunks(sorted({op.op_id for op in fresh})):
                self.taken_op_ids.update(
                    session.scalars(
                        select(AppliedOperation.op_id).where(
                            AppliedOperation.device_id == device.id, self._one_of(AppliedOperation.op_id, chunk)
                        )
                    )
                )
            keys = {(c.entity.name, c.entity_id) for c in good}
            keys |= {(parent, c.fields[f]) for c in good for f, parent in c.entity.parents
                     if isinstance(c.fields.get(f), str)}
            keys |= {(parent, value) for c in good for f, parent in _listed_parents(c.entity)
                     if isinstance(c.fields.get(f), list) for value in c.fields[f] if isinstance(value, str)}
            self._read_rows(keys)
            for rule in server_rules() if rules is None else rules:
                mine = [c for c in good if c.type.name in rule.operation_types]
                if mine:
                    run = rule.start(self, mine)
                    for name in rule.operation_types:
                        self.runs.setdefault(name, []).append(run)

    # reading ---------------------------------------------------------------------------

    def _read_kept(self, seqs: list[int]) -> None:
        """Read the outcomes already kept for ``seqs`` of this device."""
        if not seqs:
            return
        if seqs[-1] - seqs[0] < 2 * len(seqs):
            # A batch is (nearly) a run of sequence numbers: one range of the
            # primary key, a short statement whatever the batch's size.
            found = self.session.scalars(
                select(AppliedOperation).where(
                    AppliedOperation.device_id == self.device.id, AppliedOperation.seq.between(seqs[0], seqs[-1])
                )
            )
            wanted = set(seqs)
            self.kept.update((row.seq, row) for row in found if row.seq in wanted)
            return
        for chunk in self.chunks(seqs):
            self.kept.update(
                (row.seq, row)
                for row in self.session.scalars(
                    select(AppliedOperation).where(
                        AppliedOperation.device_id == self.device.id,
                        self._one_of(AppliedOperation.seq, chunk, BigInteger),
                    )
                )
            )

    def chunks(self, values: list[Any]) -> list[list[Any]]:
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
            return column == any_(bindparam(None, values, type_=ARRAY(of())))  # type: ignore[no-any-return]
        return column.in_(values)  # type: ignore[no-any-return]

    def _lock_chain(self) -> ServerChain:
        if self.chain is None:
            chain = self.session.get(ServerChain, self.device.chain_id, with_for_update=True)
            assert chain is not None
            self.chain = chain
        return self.chain

    def _read_rows(self, keys: set[tuple[str, str]]) -> None:
        """Read this chain's records at ``keys`` into the batch (absent ones as None), of any branch."""
        by_entity: dict[str, list[str]] = {}
        for entity, entity_id in sorted(keys - self.rows.keys()):
            by_entity.setdefault(entity, []).append(entity_id)
            self.rows[(entity, entity_id)] = None
        for entity, ids in by_entity.items():
            for start in range(0, len(ids), _CHUNK):
                for row in read_records(self.session, self.chain_id, entity, ids[start : start + _CHUNK]):
                    self.rows[(row.entity, row.id)] = row
            if self.postgres and self._may_be_branch_only(entity):
                # Row-level security hides another branch's rows from this
                # device: ask which of the missing ids are such rows.
                missing = [i for i in ids if self.rows[(entity, i)] is None]
                if missing:
                    found = self.session.scalars(
                        text("SELECT bnaura_other_branch_ids(:entity, :ids)").bindparams(
                            bindparam("ids", type_=ARRAY(String()))),
                        {"entity": entity, "ids": missing},
                    )
                    self.foreign.update((entity, i) for i in found)

    def _may_be_branch_only(self, entity: str) -> bool:
        declared = self.registry.entity(entity)
        return declared is None or declared.scope is Scope.BRANCH or entity == "sync_exception"

    def _row(self, entity: str, entity_id: str) -> RecordState | None:
        if (entity, entity_id) not in self.rows:
            self._read_rows({(entity, entity_id)})
        return self.rows[(entity, entity_id)]

    def record_data(self, entity: str, entity_id: str) -> dict[str, Any] | None:
        """Return a record's fields as this batch has them so far (None when there is none)."""
        row = self._row(entity, entity_id)
        return None if row is None else row.data

    def record_deleted(self, entity: str, entity_id: str) -> bool:
        """Return whether a record is tombstoned as this batch has it."""
        row = self._row(entity, entity_id)
        return row is not None and row.deleted_at is not None

    # applying --------------------------------------------------------------------------

    def apply(self, op: Operation, now: datetime) -> OpResult:
        """Settle ``op`` from the batch's device exactly once; return its outcome.

        Raises (before changing anything, so the batch's earlier operations
        can still be written and committed):
            ConflictingResend: this (device, seq) was applied with another
                payload, or this op id under another sequence number.
            SequenceGap: ``op.seq`` is not the next one the device owes.
            ForeignClinic: the operation names another device or chain.
            UnknownOperation, ApplyRefused: an operation type or payload
                format this server does not know yet (kept pending by the
                terminal), or a payload that does not match its hash. An
                operation that can never apply is not raised: it gets a kept
                ``rejected`` outcome and an exception, so it never blocks
                the terminal's queue.
        """
        self.now = now
        if not op.hash_ok():
            # Checked first: a resend must not pass as a duplicate on a hash it does not match.
            raise ApplyRefused("payload_sha256 is not the hash of payload", seq=op.seq)
        kept = self.kept.get(op.seq)
        if kept is not None:
            return resend_result(kept, op)
        if op.seq != self.next_seq:
            raise SequenceGap(f"expected operation {self.next_seq}, got {op.seq}", expected=self.next_seq, got=op.seq)
        # ``clinic_id`` is the wire name (protocol 1) of the operation's chain.
        if op.device_id != self.device.id or op.clinic_id != self.device.chain_id:
            raise ForeignClinic("the operation names another device or chain", seq=op.seq)
        if op.op_id in self.taken_op_ids:
            raise ConflictingResend("this op_id was already applied under another sequence number", seq=op.seq)
        checked = self.checked.get(op.seq)
        if checked is None:  # an operation not given to the constructor
            try:
                checked = check(self.registry, op)
            except (Rejection, UnknownType, NewerFormat) as problem:
                checked = problem
        if isinstance(checked, UnknownType):
            # A newer terminal's operation type: kept pending until this server knows it.
            raise UnknownOperation(f"unknown operation type {op.type!r}", type=op.type)
        if isinstance(checked, NewerFormat):
            raise ApplyRefused("unsupported payload format; this server needs an update", seq=op.seq)
        try:
            if isinstance(checked, Exception):
                raise checked
            clock, bounded = _kept_clock(op, self.last_hlc, now)
            proposed = Proposed(checked, clock)
            self._check_tenancy(checked)
            for run in self.runs.get(op.type, ()):
                run.check(proposed)
        except Rejection as rejection:
            return self._reject(op, now, rejection)

        # Nothing below raises: from here the operation changes the batch.
        self.last_hlc = max(self.last_hlc, clock)
        outcome: Outcome = "applied"
        reason = ""
        if bounded:
            self.raise_exception(op, "clock_ahead", sent=op.hlc, kept=clock)
            outcome, reason = "exception", "clock_ahead"
        differing = self._differing_ledger_row(checked)
        effect_outcome, effect_reason, detail, created = self._effect(checked, clock, now)
        if effect_outcome != "applied":
            outcome, reason = effect_outcome, effect_reason
        if effect_outcome != "rejected":
            settled = proposed if created or checked.effect is not Effect.APPEND else replace(proposed, fresh=False)
            reported = len(self.exceptions)
            for run in self.runs.get(op.type, ()):
                run.settle(settled)
            # A rule that reported the second version in its own words (a
            # second referrer) says it better than the general report.
            if differing and len(self.exceptions) == reported:
                self.raise_exception(op, "ledger_row_differs", **differing)
                outcome, reason = "exception", "ledger_row_differs"
        return self._keep(op, now, outcome, reason, detail)

    def _differing_ledger_row(self, c: Checked) -> dict[str, Any]:
        """Return what differs when ``c`` appends a ledger row the chain has with other contents; else {}.

        A ledger row arrives twice by design (a derived id: the same award
        made by two terminals; a resend): the union keeps the first. Its
        contents are the same unless the terminals disagreed (a manager
        changed an award offline on one of them), and then the second
        version is reported, not dropped in silence; every terminal pulls
        the kept one.
        """
        if c.effect is not Effect.APPEND:
            return {}
        row = self._row(c.entity.name, c.entity_id)
        if row is None:
            return {}
        fields = sorted(k for k, v in c.fields.items() if k in row.data and row.data[k] != v)
        if not fields:
            return {}
        return {"fields": fields, "kept": {k: row.data[k] for k in fields}, "refused": {k: c.fields[k] for k in fields}}

    def _check_tenancy(self, checked: Checked) -> None:
        """Refuse what would reach outside the device's chain and branch, or name rows it does not have.

        Ids are not secret: a device may create or edit only its own
        branch's profile; a row that belongs to another branch (a
        branch-only entity's, or an exception about another branch) is
        another branch's business and refused as ``foreign_record``; a
        parent must be a row of this chain this branch may see.
        """
        if checked.entity.name == "branch" and checked.entity_id != self.branch_id:
            raise Rejection("foreign_record", "a terminal may only create or change its own branch's profile")
        own = self._row(checked.entity.name, checked.entity_id)
        if (checked.entity.name, checked.entity_id) in self.foreign or (own is not None and not self._visible(own)):
            raise Rejection("foreign_record", f"this {checked.entity.name} belongs to another branch")
        branch_field = checked.entity.own_branch
        if branch_field is not None and checked.fields.get(branch_field, self.branch_id) not in (None, self.branch_id):
            raise Rejection("foreign_record", f"a terminal records only its own branch's {checked.entity.name}s")
        for f, parent in checked.entity.parents:
            value = checked.fields.get(f)
            if isinstance(value, str) and not (parent == checked.entity.name and value == checked.entity_id):
                self._check_parent(f, parent, value)
        for f, parent in _listed_parents(checked.entity):
            values = checked.fields.get(f)
            for value in values if isinstance(values, list) else ():
                self._check_parent(f, parent, value)

    def _visible(self, row: RecordState) -> bool:
        """Return whether the batch's device may see ``row`` (chain-wide, or of its own branch)."""
        return row.branch_id is None or row.branch_id == self.branch_id

    def _check_parent(self, field: str, parent: str, value: str) -> None:
        row = self._row(parent, value)
        if row is None or not self._visible(row):
            raise Rejection(
                "unknown_parent", f"{field} names a {parent} this chain does not have", field=field, parent=parent
            )

    def _branch_of(self, entity: str) -> str | None:
        """Return the branch a new row of ``entity`` made by this device belongs to (None: chain-wide)."""
        declared = self.registry.entity(entity)
        return self.branch_id if declared is not None and declared.scope is Scope.BRANCH else None

    def _effect(self, c: Checked, clock: str, now: datetime) -> tuple[Outcome, str, dict[str, Any], bool]:
        """Apply ``c``'s own effect on its record; return its outcome, reason, detail and whether it made the row."""
        row = self._row(c.entity.name, c.entity_id)
        effect = c.effect
        changed = created = False
        detail: dict[str, Any] = {}
        if effect in (Effect.CREATE, Effect.APPEND) or (effect is Effect.UPSERT and row is None):
            if row is None:
                created = True
                row = RecordState.new(c.entity.name, c.entity_id, self.chain_id, c.fields, clock, now,
                                      self._branch_of(c.entity.name))
                self.rows[(row.entity, row.id)] = row
                changed = True
            elif effect is not Effect.APPEND:
                changed = bool(row.merge(c.fields, clock))
            # A ledger row seen again (derived id, or another route): the union keeps one.
        elif row is None:
            # Only a terminal bug edits a record the chain never had (a
            # terminal pushes its own creations first): reported, as the
            # edit is dropped.
            self.raise_exception(c.op, "unknown_record", fields=sorted(c.fields))
            return "rejected", "unknown_record", {}, False
        elif row.deleted_at is not None:
            if effect is not Effect.DELETE:
                # Edit vs delete: the tombstone wins; the lost edit is reported.
                self.raise_exception(c.op, "edit_lost_to_delete", fields=sorted(c.fields))
                return "exception", "tombstoned", {}, False
        elif effect is Effect.DELETE:
            row.tombstone(clock, now)
            changed = True
        else:  # UPDATE, UPSERT of an existing row
            won = row.merge(c.fields, clock)
            changed = bool(won)
            lost = sorted(set(c.fields) - set(won))
            if lost:
                detail = {"older_than_stored": lost}
        if changed:
            assert row is not None
            row.updated_at = now
            self._feed(row)
        return "applied", "", detail, created

    def write_derived(self, entity: str, entity_id: str, fields: Mapping[str, Any], clock: str) -> None:
        """Set fields of a record that only a rule writes (a journey's stage), stamped ``clock``."""
        row = self._row(entity, entity_id)
        if row is None:
            row = RecordState.new(entity, entity_id, self.chain_id, fields, clock, self.now, self._branch_of(entity))
            self.rows[(entity, entity_id)] = row
        elif not row.force(fields, clock):
            return
        row.updated_at = self.now
        self._feed(row)

    def _feed(self, row: RecordState) -> None:
        """Give ``row``'s change the chain's next cursor and put it in the change feed."""
        chain = self._lock_chain()
        chain.last_cursor += 1
        row.cursor = chain.last_cursor
        row.changed = True
        self.changes.append(
            {"chain_id": row.chain_id, "cursor": row.cursor, "entity": row.entity, "entity_id": row.id,
             "branch_id": row.branch_id}
        )

    def raise_exception(self, op: Operation, kind: str, **detail: Any) -> None:
        """Keep an exception for managers, and put it in the chain's feed.

        Terminals pull it as a ``sync_exception`` record (its fields stamped
        with the server's clock), so the Exceptions screen shows it; a
        manager resolves it there with ``sync_exception.resolve``. Whose
        screens: an exception about a chain-wide row (a customer's edit
        lost to a delete, a coupon claimed at two branches) is the whole
        chain's, since every branch shares that row; one about the device
        itself (its clock) or a branch-only row is its branch's.
        """
        now = self.now
        about = self.registry.entity(op.entity)
        chain_wide = kind != "clock_ahead" and about is not None and about.scope is Scope.CHAIN
        branch_id = None if chain_wide else self.branch_id
        exception_id = uuid7()
        # The terminal by the name staff gave it: the Exceptions screen shows it.
        detail = {**detail, "device_name": self.device.name}
        self.exceptions[exception_id] = {
            "id": exception_id, "chain_id": self.device.chain_id, "branch_id": branch_id, "kind": kind,
            "entity": op.entity[:40],
            "entity_id": op.entity_id, "device_id": self.device.id, "seq": op.seq, "detail": detail,
            "created_at": now, "resolved_at": None, "resolved_by": None, "note": "",
        }
        data = {
            "kind": kind, "entity": op.entity[:40], "entity_id": op.entity_id, "device_id": self.device.id,
            "seq": op.seq, "detail": detail, "raised_at": now.isoformat(), "resolved_at": None,
            "resolved_by": None, "note": "",
        }
        clock = Hlc(int(now.timestamp() * 1000), 0, "server").encode()
        row = RecordState.new("sync_exception", exception_id, self.device.chain_id, data, clock, now, branch_id)
        self.rows[(row.entity, row.id)] = row
        self._feed(row)

    def _keep(
        self, op: Operation, now: datetime, outcome: Outcome, reason: str, detail: dict[str, Any]
    ) -> OpResult:
        """Keep the outcome of (device, seq) for good and move the device's queue on."""
        kept = KeptOutcome(
            device_id=self.device.id, seq=op.seq, chain_id=self.device.chain_id, op_id=op.op_id, type=op.type,
            entity=op.entity, entity_id=op.entity_id, hlc=op.hlc, payload_sha256=op.payload_sha256,
            outcome=outcome, reason=reason, detail=detail, applied_at=now,
        )
        self.outcomes.append(dict(vars(kept)))  # its columns (``asdict`` would deep-copy the detail)
        # The same operation again later in this batch is a duplicate of this outcome.
        self.kept[op.seq] = kept
        self.taken_op_ids.add(op.op_id)
        self.next_seq = op.seq + 1
        return OpResult(seq=op.seq, outcome=outcome, reason=reason, detail=detail)

    def _reject(self, op: Operation, now: datetime, rejection: Rejection) -> OpResult:
        """Reject an operation that can never apply, so it does not block the queue.

        Only a terminal bug (or a hostile one) writes such an operation (its
        payload was hashed as it is, so resending cannot mend it), or a
        rule refuses it (a move illegal at its place). Refusing it on every
        push would stop every later sale of that terminal from reaching the
        server; instead its outcome is kept as ``rejected`` with a
        machine-readable reason, and a manager sees an exception.
        """
        self.raise_exception(op, rejection.kind, reason=rejection.reason, message=rejection.message,
                             **rejection.detail)
        return self._keep(op, now, "rejected", rejection.reason, {"message": rejection.message, **rejection.detail})

    # writing ---------------------------------------------------------------------------

    def _insert(self, model: type[ServerBase], rows: list[dict[str, Any]]) -> None:
        """Insert ``rows`` with one ``executemany``.

        Measured against a multi-row ``INSERT ... VALUES`` (by SQLAlchemy's
        "insertmanyvalues"): psycopg then parses each long statement anew,
        which cost more than PostgreSQL's work per pipelined row.
        """
        if rows:
            self.session.execute(insert(cast(Table, model.__table__)), rows)

    def write(self) -> None:
        """Write what the operations applied so far changed; the caller commits.

        One statement per table, then each rule's state. The exception rows
        go in before the rules write, since a rule may update one (a
        resolution mirrored onto an exception raised in the same batch).
        """
        new = [row.columns() for row in self.rows.values() if row is not None and row.changed and row.is_new]
        changed = [row.columns() for row in self.rows.values() if row is not None and row.changed and not row.is_new]
        self._insert(Record, new)
        if changed:
            self.session.execute(update(Record), changed)
        self._insert(SyncException, list(self.exceptions.values()))
        self._insert(ChangeEntry, self.changes)
        self._insert(AppliedOperation, self.outcomes)
        seen: set[int] = set()
        for runs in self.runs.values():
            for run in runs:
                if id(run) not in seen:
                    seen.add(id(run))
                    run.write()
        self.device.next_seq = self.next_seq
        self.device.last_hlc = self.last_hlc
        for row in self.rows.values():
            if row is not None:
                row.is_new = row.changed = False
        self.outcomes, self.changes, self.exceptions = [], [], {}
