"""What a use case runs with: the session, who acts, the clock, the journal.

``ServiceContext.journal`` is the one way a use case records a change: it
writes the audit entry and, for changes that sync, the outbox operation, in
the caller's transaction. So a change, its audit entry and its operation
commit together or not at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import field_clocks
from ..domain import hlc as hlc_rules
from ..domain.changes import ChangeSetBuilder, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, PermissionDenied
from ..domain.ids import uuid7
from ..domain.roles import PERMISSION_LABELS, Permission, Role, may
from ..domain.synced import REGISTRY, Effect, Registry, values_problem
from ..store.models import AuditEntry, DeviceState, OutboxOperation
from ..store.types import canonical_json

# Bump when the meaning of an operation payload changes; the server refuses
# versions it cannot apply (sync protocol).
OPERATION_FORMAT = 1


@dataclass(frozen=True)
class Actor:
    """Who acts: a signed-in staff member, or the system (command line).

    ``staff_id`` is ``None`` only for the system actor, which holds every
    permission: whoever runs ``bnaura`` on the terminal owns its files.
    """

    staff_id: str | None
    name: str
    role: Role

    @property
    def is_system(self) -> bool:
        return self.staff_id is None


SYSTEM = Actor(None, "system", Role.OWNER)


@dataclass
class Override:
    """A manager's PIN authorising one action of another user.

    It is spent by the first use case that needs it; the audit entry names
    the manager as ``authorized_by``.
    """

    authorizer: Actor
    permission: Permission
    granted_at: datetime
    spent: bool = False


class UndeclaredChange(Exception):
    """A use case journals a synced change its declaration does not allow (a bug, not bad input).

    Every synced operation type is declared in ``domain.synced``; a change
    the server would refuse (an undeclared type, field or value) must fail
    where it is written, in the use case's own tests, not on every other
    terminal after it synced.
    """


class CommitThenRaise(Exception):
    """Raised by a use case whose bookkeeping must stay although it fails.

    A wrong PIN is refused, yet the failure count must be committed, or five
    wrong PINs would never lock anything. ``Terminal.run`` commits, then
    raises ``error``.
    """

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass
class ServiceContext:
    """One transaction of one use case."""

    session: Session
    device: DeviceState
    actor: Actor | None
    now: datetime
    override: Override | None = None
    changes: ChangeSetBuilder = field(default_factory=ChangeSetBuilder)
    registry: Registry = REGISTRY  # the synced changes ``journal`` may write
    _last_tick: tuple[str, hlc_rules.Hlc] | None = field(default=None, init=False, repr=False)

    @property
    def chain_id(self) -> str:
        """The tenant: every synced row of this terminal belongs to this chain."""
        return self.device.chain_id

    @property
    def branch_id(self) -> str:
        """The branch this terminal works at."""
        return self.device.branch_id

    @property
    def actor_id(self) -> str | None:
        return self.actor.staff_id if self.actor else None

    def require(self, permission: Permission) -> None:
        """Refuse unless the actor, or an unspent manager override, holds ``permission``.

        Raises:
            PermissionDenied: with the permission named, so the UI can offer
                a manager override.
        """
        if self.actor is not None and may(self.actor.role, permission):
            return
        ov = self.override
        if ov is not None and not ov.spent and ov.permission == permission:
            ov.spent = True
            return
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "You may not {action}; ask a manager to authorise it"),
            action=PERMISSION_LABELS[permission],
            permission=str(permission),
        )

    def tick(self) -> str:
        """Return a new hybrid-logical-clock stamp for a change made now."""
        text = self.device.last_hlc
        # The stamp this method made last is not parsed again (a bulk use
        # case ticks a few hundred thousand times); anything else, e.g. a
        # clock a pull moved, is.
        if self._last_tick is not None and self._last_tick[0] == text:
            last = self._last_tick[1]
        else:
            last = hlc_rules.Hlc.parse(text) if text else hlc_rules.ZERO
        now_ms = int(self.now.timestamp() * 1000)
        clock = hlc_rules.tick(last, now_ms, self.device.device_id)
        stamp = clock.encode()
        self.device.last_hlc = stamp
        self._last_tick = (stamp, clock)
        return stamp

    def journal(
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
        """Record one change: audit entry always, outbox operation when it syncs.

        Args:
            action: the operation type, e.g. ``customer.update``.
            entity, entity_id: what changed (also noted in the ChangeSet
                when ``entity`` is a ``Kind``: entities declared by tests
                have no screen to tell).
            before, after: values for the audit entry.
            payload: what the server needs to apply the change; ``None``
                for local-only events (a wrong PIN), which are audited only.
            hlc: the stamp of the change when the caller already took one.

        Returns:
            The outbox sequence number, or ``None`` for a local-only event.

        Raises:
            UndeclaredChange: ``action`` is not a declared operation type of
                ``entity``, or ``payload`` carries a field it may not.
        """
        operation, audit = self.journal_rows(
            action=action, entity=entity, entity_id=entity_id, before=before, after=after, payload=payload, hlc=hlc
        )
        if operation is not None:
            self.session.add(OutboxOperation(**operation))
        self.session.add(AuditEntry(**audit))
        return None if operation is None else int(operation["seq"])

    def journal_rows(
        self,
        *,
        action: str,
        entity: Kind | str,
        entity_id: str,
        before: Any = None,
        after: Any = None,
        payload: dict[str, Any] | None = None,
        hlc: str | None = None,
    ) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        """Do what ``journal`` does, but return the two rows instead of adding them to the session.

        For ``BulkJournal``, which writes the rows of many changes with one
        statement per table. The checks, the sequence number, the clock and
        the ChangeSet are exactly ``journal``'s; the rows give every column
        of ``outbox`` and ``audit_log``.

        Returns:
            The outbox row (``None`` for a local-only event) and the audit row.
        """
        operation: dict[str, Any] | None = None
        seq: int | None = None
        device = self.device
        device_id, chain_id, actor_id = device.device_id, device.chain_id, self.actor_id
        if payload is not None:
            check_declared(self.registry, action, str(entity), payload)
            stamp = hlc or self.tick()
            seq = device.last_seq + 1
            device.last_seq = seq
            body = canonical_json({"format": OPERATION_FORMAT, **payload})
            operation = {
                "seq": seq,
                "op_id": uuid7(),
                "device_id": device_id,
                "chain_id": chain_id,
                "type": action,
                "entity": str(entity),
                "entity_id": entity_id,
                "hlc": stamp,
                "actor_id": actor_id,
                "payload": body,
                "payload_sha256": hashlib.sha256(body.encode()).hexdigest(),
                "created_at": self.now,
                "outcome": None,
                "outcome_detail": None,
                "settled_at": None,
            }
        audit = {
            "id": uuid7(),
            "chain_id": chain_id,
            "device_id": device_id,
            "at": self.now,
            "actor_id": actor_id,
            "authorized_by_id": (
                self.override.authorizer.staff_id if self.override is not None and self.override.spent else None
            ),
            "action": action,
            "entity": str(entity),
            "entity_id": entity_id,
            "before": before,
            "after": after,
            "op_seq": seq,
        }
        if isinstance(entity, Kind):
            self.changes.add(entity, entity_id)
        return operation, audit


def load_device(session: Session) -> DeviceState:
    """Return this terminal's device row (exactly one exists after setup)."""
    return session.execute(select(DeviceState)).scalar_one()


def stamp_written(row: Any, fields: Iterable[str], stamp: str, now: datetime) -> None:
    """Note that ``fields`` of the profile ``row`` were written at ``stamp`` (its clocks kept compact).

    Each written field gets ``stamp`` as its clock, so two terminals editing
    different fields offline both keep their edit; the others keep theirs.
    """
    row.field_clocks, row.hlc = field_clocks.write(row.field_clocks or {}, row.hlc, fields, stamp)
    row.updated_at = now


def stamp_deleted(row: Any, stamp: str, now: datetime) -> None:
    """Tombstone the profile ``row`` at ``stamp``; its fields keep their clocks."""
    row.field_clocks, row.hlc = field_clocks.touch(row.field_clocks or {}, row.hlc, stamp)
    row.deleted_at = row.updated_at = now


def check_declared(registry: Registry, action: str, entity: str, payload: dict[str, Any]) -> None:
    """Refuse to journal an operation its declaration does not allow (see ``UndeclaredChange``)."""
    declared = registry.operation(action)
    if declared is None:
        raise UndeclaredChange(f"{action} is not a declared operation type (bnaura_desk.domain.synced)")
    declared_entity, op = declared
    if declared_entity.name != entity:
        raise UndeclaredChange(f"{action} changes {declared_entity.name} records, not {entity}")
    values = {k: v for k, v in payload.get("record", payload.get("fields", {})).items() if k != "id"}
    problem = values_problem(declared_entity, op, values)
    if problem is not None:
        raise UndeclaredChange(f"{action}: {problem.message}")
    if op.effect in (Effect.CREATE, Effect.APPEND):
        # A new row travels whole: a field left out would be the column's
        # default on other terminals, with no clock of its own.
        left_out = declared_entity.writable(op) - values.keys()
        if left_out:
            raise UndeclaredChange(f"{action} leaves out {', '.join(sorted(left_out))}")
